import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes/hex';
import { CryptoArgumentError } from '../crypto/errors';
import type { HashName } from '../crypto/hash';
import { pHash, prf } from './prf';

/** RFC 5246, Section 5, written a second time over node's HMAC, to check ours against. */
function nodePrf(
  hash: HashName,
  secret: Uint8Array,
  label: string,
  seed: Uint8Array,
  length: number,
): string {
  const fullSeed = Buffer.concat([Buffer.from(label, 'ascii'), seed]);
  const mac = (data: Buffer) => createHmac(hash, secret).update(data).digest();
  let out = Buffer.alloc(0);
  let a = fullSeed;
  while (out.length < length) {
    a = mac(a);
    out = Buffer.concat([out, mac(Buffer.concat([a, fullSeed]))]);
  }
  return out.subarray(0, length).toString('hex');
}

// The TLS 1.2 PRF test vectors posted to the IETF TLS WG list (msg03416,
// https://www.ietf.org/mail-archive/web/tls/current/msg03416.html), reproduced in BearSSL's
// test_crypto.c and GnuTLS's PRF tests.
const VECTORS = [
  {
    hash: 'sha256' as const,
    secret: '9bbe436ba940f017b17652849a71db35',
    seed: 'a0ba9f936cda311827a6f796ffd5198c',
    output:
      'e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a6b301791e90d35c9c9a46b4e14baf9af' +
      '0fa022f7077def17abfd3797c0564bab4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701' +
      '87347b66',
  },
  {
    hash: 'sha384' as const,
    secret: 'b80b733d6ceefcdc71566ea48e5567df',
    seed: 'cd665cf6a8447dd6ff8b27555edb7465',
    output:
      '7b0c18e9ced410ed1804f2cfa34a336a1c14dffb4900bb5fd7942107e81c83cde9ca0faa60be9fe34f82b1233c9146a0' +
      'e534cb400fed2700884f9dc236f80edd8bfa961144c9e8d792eca722a7b32fc3d416d473ebc2c5fd4abfdad05d918425' +
      '9b5bf8cd4d90fa0d31e2dec479e4f1a26066f2eea9a69236a3e52655c9e9aee691c8f3a26854308d5eaa3be85e099070' +
      '3d73e56f',
  },
];

describe('TLS 1.2 PRF (RFC 5246, Section 5)', () => {
  for (const v of VECTORS) {
    const length = v.output.length / 2;
    it(`P_${v.hash.toUpperCase()}: the IETF TLS list vector, all ${length} bytes`, () => {
      const out = prf(v.hash, fromHex(v.secret), 'test label', fromHex(v.seed), length);
      expect(toHex(out), `PRF ${v.hash} vector`).toBe(v.output);
      // The published value, recomputed independently over node:crypto's HMAC.
      expect(nodePrf(v.hash, fromHex(v.secret), 'test label', fromHex(v.seed), length)).toBe(
        v.output,
      );
    });
  }

  it('agrees with the node:crypto HMAC construction for random inputs and lengths', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<HashName>('sha256', 'sha384'),
        fc.uint8Array({ maxLength: 64 }),
        fc.string({ maxLength: 20 }).map((s) => s.replace(/[^ -~]/g, 'x')),
        fc.uint8Array({ maxLength: 80 }),
        fc.integer({ min: 0, max: 200 }),
        (hash, secret, label, seed, length) => {
          expect(toHex(prf(hash, secret, label, seed, length))).toBe(
            nodePrf(hash, secret, label, seed, length),
          );
        },
      ),
      { numRuns: 80 },
    );
  });

  it('is P_hash over label ‖ seed, and a shorter output is a prefix of a longer one', () => {
    const secret = fromHex('0102');
    const long = pHash('sha256', secret, fromHex('61626364'), 70);
    expect(toHex(prf('sha256', secret, 'ab', fromHex('6364'), 70))).toBe(toHex(long));
    expect(toHex(pHash('sha256', secret, fromHex('61626364'), 33))).toBe(
      toHex(long.subarray(0, 33)),
    );
  });

  it('rejects a negative or fractional length, naming the parameter', () => {
    expect(() => pHash('sha256', new Uint8Array(1), new Uint8Array(1), -1)).toThrow(
      CryptoArgumentError,
    );
    expect(() => prf('sha256', new Uint8Array(1), 'l', new Uint8Array(1), 1.5)).toThrow(/^length:/);
  });
});
