import { describe, expect, it } from 'vitest';
import { lookupsProblem, negotiationProblem, urlProblem, zoneEditProblem } from './validate';

const lists = { cipherSuites: [0xc02f], groups: [29], signatureSchemes: [0x0401] };

describe('lab settings against the engine’s limits', () => {
  it('refuses a negotiation side that offers no cipher suite', () => {
    expect(negotiationProblem({ client: lists, server: lists })).toBeUndefined();
    expect(negotiationProblem({ client: { ...lists, cipherSuites: [] }, server: lists })).toMatch(
      /at least one of the cipher suites/,
    );
  });

  it('refuses a lookup of a name that cannot be one, or a jump past 30 days', () => {
    expect(
      lookupsProblem([{ name: 'www.example.com' }, { name: 'www.example.com', afterSeconds: 60 }]),
    ).toBeUndefined();
    expect(lookupsProblem([{ name: '' }])).toMatch(/Enter a name/);
    expect(lookupsProblem([{ name: `${'a'.repeat(64)}.com` }])).toMatch(/Not a usable name/);
    expect(lookupsProblem([{ name: 'example.com', afterSeconds: 31 * 86_400 }])).toMatch(/30 days/);
  });

  it('checks a zone text’s size before its lookups', () => {
    expect(
      zoneEditProblem({ text: '@ 300 IN A 192.0.2.1\n', lookups: [{ name: 'example.com' }] }),
    ).toBeUndefined();
    expect(zoneEditProblem({ text: 'x\n'.repeat(5_001), lookups: [] })).toMatch(/^Line \d+/);
    expect(zoneEditProblem({ text: '', lookups: [{ name: '' }] })).toMatch(/Enter a name/);
  });

  it('takes only https URLs with a usable host', () => {
    expect(urlProblem('https://www.example.com/', 'bad')).toBeUndefined();
    expect(urlProblem('http://www.example.com/', 'bad')).toBe('bad');
    expect(urlProblem('not a url', 'bad')).toBe('bad');
  });
});
