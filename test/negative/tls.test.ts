/** The named TLS negative cases (tls-cases.ts), each asserting the exact alert and its sender. */
import { describe, expect, it } from 'vitest';
import { TLS_CASES } from './tls-cases';

describe('TLS negative cases', () => {
  it('has at least 30 named cases, each id once', () => {
    expect(TLS_CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(TLS_CASES.map((c) => c.id)).size).toBe(TLS_CASES.length);
  });

  it.each(TLS_CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    expect(await c.run()).toEqual(c.expected);
  });
});
