import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../bytes';
import { dnsNameMatches, matchHostname } from './hostname';
import { parseIpAddress } from './ip';

describe('dnsNameMatches (RFC 6125 §6.4)', () => {
  it.each([
    ['a.example.org', '*.example.org', true],
    ['www.example.org', '*.example.org', true],
    ['a.b.example.org', '*.example.org', false], // one label only, never across a dot
    ['example.org', '*.example.org', false], // the apex is not covered
    ['.example.org', '*.example.org', false], // no empty label
    ['www.example.org', 'w*.example.org', false], // no partial wildcards
    ['www.example.org', '*w.example.org', false],
    ['www.example.org', 'www.*.org', false], // only the left-most label
    ['a.b.example.org', '*.*.example.org', false],
    ['example.org', '*.org', false], // not directly above a TLD (RFC 6125 §7.2)
    ['www.example.com', 'www.example.com', true],
    ['www.example.com', 'example.com', false],
  ])('%s against %s: %s', (reference, presented, expected) => {
    expect(dnsNameMatches(reference, presented)).toBe(expected);
  });

  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
  const domain = fc.array(label, { minLength: 2, maxLength: 4 }).map((l) => l.join('.'));

  it('a wildcard covers exactly one more label, for any names', () => {
    fc.assert(
      fc.property(label, label, domain, (a, b, base) => {
        expect(dnsNameMatches(`${a}.${base}`, `*.${base}`)).toBe(true);
        expect(dnsNameMatches(`${a}.${b}.${base}`, `*.${base}`)).toBe(false);
        expect(dnsNameMatches(base, `*.${base}`)).toBe(false);
      }),
    );
  });
});

describe('matchHostname', () => {
  const names = {
    dns: ['www.example.com', '*.example.org', '127.0.0.2'],
    ip: ['127.0.0.1', '2001:db8::1'],
  };

  it('returns the entry that matched', () => {
    expect(matchHostname('WWW.Example.COM.', names)).toBe('www.example.com');
    expect(matchHostname('x.example.org', names)).toBe('*.example.org');
  });

  it('matches addresses against iPAddress entries only (RFC 2818 §3.1)', () => {
    expect(matchHostname('127.0.0.1', names)).toBe('127.0.0.1');
    expect(matchHostname('127.0.0.2', names)).toBeNull();
    expect(matchHostname('2001:db8:0:0:0:0:0:1', names)).toBe('2001:db8::1');
    expect(matchHostname('[2001:DB8::1]', names)).toBe('2001:db8::1');
  });

  it('matches nothing for an empty host or a certificate without names', () => {
    expect(matchHostname('', names)).toBeNull();
    expect(matchHostname('www.example.com', { dns: [], ip: [] })).toBeNull();
  });
});

describe('parseIpAddress', () => {
  it.each([
    ['127.0.0.1', '7f000001'],
    ['0.0.0.0', '00000000'],
    ['255.255.255.255', 'ffffffff'],
    ['::1', '00000000000000000000000000000001'],
    ['::', '00000000000000000000000000000000'],
    ['2001:db8::', '20010db8000000000000000000000000'],
    ['2001:DB8:0:0:1:0:0:1', '20010db8000000000001000000000001'],
    ['::ffff:192.0.2.1', '00000000000000000000ffffc0000201'],
    ['[fe80::1]', 'fe800000000000000000000000000001'],
  ])('%s is %s', (text, hex) => {
    expect(toHex(parseIpAddress(text)!)).toBe(hex);
  });

  it.each([
    'www.example.com',
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '01.2.3.4',
    '1::2::3',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8:9',
    '12345::',
    ':1',
    '::1.2.3',
    '',
  ])('%s is not an address', (text) => {
    expect(parseIpAddress(text)).toBeNull();
  });

  it('agrees with node:net on what is an address', () => {
    const samples = [
      '10.1.2.3',
      '::',
      '1::',
      '1:2:3:4:5:6:7::',
      '::ffff:1.2.3.4',
      'a:b:c:d:e:f:0:1',
      '1.2.3.256',
      '1:2',
      'g::1',
    ];
    for (const sample of samples) {
      expect(parseIpAddress(sample) !== null, sample).toBe(isIP(sample) !== 0);
    }
  });
});
