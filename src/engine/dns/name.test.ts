import { describe, expect, it } from 'vitest';
import { Name, NameError, asciiLower } from './name';

describe('Name', () => {
  it('parses presentation format with and without the trailing dot', () => {
    const a = Name.parse('www.example.com');
    expect(a.labels).toEqual(['www', 'example', 'com']);
    expect(a.toString()).toBe('www.example.com.');
    expect(Name.parse('www.example.com.').equals(a)).toBe(true);
    expect(Name.parse('.')).toBe(Name.root);
    expect(Name.root.toString()).toBe('.');
    expect(Name.root.labelCount).toBe(0);
  });

  it('compares case-insensitively for ASCII only (RFC 4343 §3)', () => {
    expect(Name.parse('WWW.Example.COM').equals(Name.parse('www.example.com'))).toBe(true);
    // 0xC0 (À) and 0xE0 (à) are different octets: RFC 4343 folds only A–Z.
    expect(Name.parse('\\192.test').equals(Name.parse('\\224.test'))).toBe(false);
    expect(asciiLower('A\u00c0')).toBe('a\u00c0');
  });

  it('walks the tree: parent, trimTo, isSubdomainOf', () => {
    const n = Name.parse('a.b.example.com');
    expect(n.parent().toString()).toBe('b.example.com.');
    expect(n.trimTo(0)).toBe(Name.root);
    expect(n.trimTo(1).toString()).toBe('com.');
    expect(n.trimTo(2).toString()).toBe('example.com.');
    expect(n.trimTo(4)).toBe(n);
    expect(() => n.trimTo(5)).toThrow(NameError);
    expect(n.isSubdomainOf(Name.parse('EXAMPLE.com'))).toBe(true);
    expect(n.isSubdomainOf(n)).toBe(true);
    expect(n.isSubdomainOf(Name.root)).toBe(true);
    expect(Name.parse('badexample.com').isSubdomainOf(Name.parse('example.com'))).toBe(false);
    expect(Name.parse('com').isSubdomainOf(n)).toBe(false);
    expect(() => Name.root.parent()).toThrow(/root has no parent/);
  });

  it('escapes dots, backslashes and non-printables (RFC 1035 §5.1)', () => {
    const n = Name.parse('a\\.b.c\\\\d.\\007x');
    expect(n.labels).toEqual(['a.b', 'c\\d', '\u0007x']);
    expect(n.toString()).toBe('a\\.b.c\\\\d.\\007x.');
    expect(Name.parse(n.toString()).equals(n)).toBe(true);
    expect(n.wireLength).toBe(1 + 4 + 4 + 3);
  });

  it('enforces 63 octets per label and 255 per name (RFC 1035 §2.3.4)', () => {
    expect(Name.parse('a'.repeat(63) + '.com').labels[0]).toHaveLength(63);
    expect(() => Name.parse('a'.repeat(64) + '.com')).toThrow(/64 octets; the limit is 63/);
    // 4 labels of 63 octets: 4 × 64 + 1 = 257 octets on the wire.
    const long = Array.from({ length: 4 }, () => 'b'.repeat(63)).join('.');
    expect(() => Name.parse(long)).toThrow(/257 octets on the wire; the limit is 255/);
    // 3 × 64 + 62 + 1 = 255 exactly is allowed.
    const max = [...Array.from({ length: 3 }, () => 'c'.repeat(63)), 'd'.repeat(61)].join('.');
    expect(Name.parse(max).wireLength).toBe(255);
  });

  it('rejects malformed presentation text with the position', () => {
    expect(() => Name.parse('a..b')).toThrow(/empty label at character 2/);
    expect(() => Name.parse('a b')).toThrow(/must be escaped/);
    expect(() => Name.parse('a\\25')).toThrow(/three digits/);
    expect(() => Name.parse('a\\300')).toThrow(/above 255/);
    expect(() => Name.parse('ab\\')).toThrow(/dangling backslash/);
  });

  it('knows wildcards (RFC 4592 §2.1.1)', () => {
    expect(Name.parse('*.example.com').isWildcard).toBe(true);
    expect(Name.parse('a*.example.com').isWildcard).toBe(false);
  });
});
