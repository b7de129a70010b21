/**
 * The rate limiter of `dns serve` on an injected clock: the prefixes it counts by (BIND's /24 and
 * /56), the token bucket, slip 2, one log line each way, and the bytes of the truncated answer a
 * slip sends, against RFC 1035's header layout. (serve-hostile.test.ts runs it against dnsperf.)
 */
import { describe, expect, it } from 'vitest';
import { RateLimiter, prefixOf, slipResponse } from '../../src/cli/dns/rate-limit';

describe('prefixOf', () => {
  it('groups IPv4 by /24 and IPv6 by /56; a mapped IPv4 address counts as IPv4', () => {
    expect(prefixOf('192.0.2.77')).toBe('192.0.2.0/24');
    expect(prefixOf('192.0.2.1')).toBe(prefixOf('192.0.2.254'));
    expect(prefixOf('192.0.3.1')).not.toBe(prefixOf('192.0.2.1'));
    expect(prefixOf('::ffff:192.0.2.9')).toBe('192.0.2.0/24');
    expect(prefixOf('2001:db8:1:2ff:1::1')).toBe('2001:db8:1:200::/56');
    expect(prefixOf('2001:db8:1:2ab::53')).toBe(prefixOf('2001:db8:1:2ff:ffff::1'));
    expect(prefixOf('2001:db8:1:300::1')).not.toBe(prefixOf('2001:db8:1:200::1'));
  });
});

describe('RateLimiter', () => {
  function limiter(rate: number, slip: number) {
    let now = 1_000_000;
    const lines: string[] = [];
    const rl = new RateLimiter({ rate, slip, log: (l) => lines.push(l), now: () => now });
    return { rl, lines, advance: (ms: number) => (now += ms) };
  }

  it('answers `rate` queries in a burst, then slips every second one and drops the rest', () => {
    const { rl, lines } = limiter(5, 2);
    const decisions = Array.from({ length: 11 }, () => rl.check('198.51.100.7'));
    expect(decisions).toEqual([
      ...Array(5).fill('answer'),
      'drop',
      'slip',
      'drop',
      'slip',
      'drop',
      'slip',
    ]);
    expect(lines).toEqual(['rrl: limiting 198.51.100.0/24 (over 5 responses/s)']);
    // Another prefix is counted apart and still answered.
    expect(rl.check('203.0.113.1')).toBe('answer');
  });

  it('refills at the rate, and ends the limited period after a second under it, in one line', () => {
    const { rl, lines, advance } = limiter(10, 2);
    for (let i = 0; i < 14; i++) rl.check('192.0.2.1');
    // 100 ms later one token is back: the prefix is answered but still counted as limited.
    advance(100);
    expect(rl.check('192.0.2.1')).toBe('answer');
    expect(lines).toHaveLength(1);
    // A quiet second refills the bucket: the next query closes the period.
    advance(1_000);
    expect(rl.check('192.0.2.1')).toBe('answer');
    expect(lines).toEqual([
      'rrl: limiting 192.0.2.0/24 (over 10 responses/s)',
      'rrl: 192.0.2.0/24 back under 10 responses/s (2 dropped, 2 slipped)',
    ]);
  });

  it('stays bounded under queries from 70,000 prefixes, keeping the one it is limiting', () => {
    const { rl, lines } = limiter(1, 0);
    expect([rl.check('192.0.2.1'), rl.check('192.0.2.1')]).toEqual(['answer', 'drop']);
    for (let i = 0; i < 70_000; i++) {
      expect(
        rl.check(`10.${(i >> 8) & 0xff}.${i & 0xff}.1`.replace(/^10\./, `${10 + (i >> 16)}.`)),
      ).toBe('answer');
    }
    expect(rl.check('192.0.2.1')).toBe('drop');
    expect(lines).toEqual(['rrl: limiting 192.0.2.0/24 (over 1 responses/s)']);
  });

  it('sweep closes a period whose prefix went quiet; rate 0 answers everything', () => {
    const { rl, lines, advance } = limiter(1, 0);
    expect([rl.check('192.0.2.1'), rl.check('192.0.2.1'), rl.check('192.0.2.1')]).toEqual([
      'answer',
      'drop',
      'drop',
    ]);
    rl.sweep();
    expect(lines).toHaveLength(1);
    advance(1_000);
    rl.sweep();
    expect(lines.at(-1)).toBe('rrl: 192.0.2.0/24 back under 1 responses/s (2 dropped, 0 slipped)');

    const off = limiter(0, 2);
    expect(Array.from({ length: 1_000 }, () => off.rl.check('192.0.2.1'))).toEqual(
      Array(1_000).fill('answer'),
    );
    expect(off.lines).toEqual([]);
  });
});

describe('slipResponse', () => {
  // ID 0xabcd, opcode QUERY, RD and AD set; one question www.example.com A IN; an OPT record.
  const query = new Uint8Array([
    0xab, 0xcd, 0x01, 0x20, 0, 1, 0, 0, 0, 0, 0, 1,
    3, 0x77, 0x77, 0x77, 7, 0x65, 0x78, 0x61, 0x6d, 0x70, 0x6c, 0x65, 3, 0x63, 0x6f, 0x6d, 0,
    0, 1, 0, 1,
    0, 0, 41, 0x04, 0xd0, 0, 0, 0, 0, 0, 0,
  ]); // prettier-ignore

  it('echoes ID and question with QR, TC and RD, and carries no records (RFC 1035 §4.1.1)', () => {
    const tc = slipResponse(query)!;
    expect([...tc.subarray(0, 12)]).toEqual([0xab, 0xcd, 0x83, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect([...tc.subarray(12)]).toEqual([...query.subarray(12, 33)]);
  });

  it('sends nothing for a query whose question cannot be found', () => {
    expect(slipResponse(query.subarray(0, 20))).toBeUndefined();
    const pointer = new Uint8Array([0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 0x0c, 0, 1, 0, 1]);
    expect(slipResponse(pointer)).toBeUndefined();
    const twoQuestions = new Uint8Array(query);
    twoQuestions[5] = 2;
    expect(slipResponse(twoQuestions)).toBeUndefined();
  });
});
