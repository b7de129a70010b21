/** The named DNS negative cases (dns-cases.ts), each asserting the exact rcode. */
import { describe, expect, it } from 'vitest';
import { DNS_CASES } from './dns-cases';

describe('DNS negative cases', () => {
  it('has at least 15 named cases, each id once', () => {
    expect(DNS_CASES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(DNS_CASES.map((c) => c.id)).size).toBe(DNS_CASES.length);
  });

  it.each(DNS_CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    expect(await c.run()).toEqual(c.expected);
  });
});
