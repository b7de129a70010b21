import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from '../bytes/hex';
import { CryptoArgumentError } from './errors';
import { hash, hashLength, hmac, hmacWithKey, runningHash, type HashName } from './hash';

describe('hash', () => {
  it('matches the FIPS 180-2 "abc" digests', () => {
    // FIPS 180-2, Appendix B.1 (SHA-256) and Appendix D.1 (SHA-384).
    expect(toHex(hash('sha256', utf8('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(toHex(hash('sha384', utf8('abc')))).toBe(
      'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7',
    );
  });

  it('has the digest lengths of SHA-256 and SHA-384', () => {
    expect(hashLength('sha256')).toBe(32);
    expect(hashLength('sha384')).toBe(48);
  });

  it('rejects an unknown hash name, naming the parameter', () => {
    expect(() => hash('md5' as HashName, new Uint8Array())).toThrow(CryptoArgumentError);
    expect(() => hash('md5' as HashName, new Uint8Array())).toThrow(/^name: unknown hash 'md5'$/);
  });
});

describe('hmac', () => {
  it('matches RFC 4231 test case 2 ("Jefe")', () => {
    const key = utf8('Jefe');
    const data = utf8('what do ya want for nothing?');
    expect(toHex(hmac('sha256', key, data))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(toHex(hmac('sha384', key, data))).toBe(
      'af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649',
    );
  });

  it('agrees with node:crypto for random keys and messages, including keys longer than a block', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<HashName>('sha256', 'sha384'),
        fc.uint8Array({ maxLength: 200 }),
        fc.uint8Array({ maxLength: 300 }),
        (name, key, data) => {
          expect(toHex(hmac(name, key, data))).toBe(
            createHmac(name, key).update(data).digest('hex'),
          );
          expect(toHex(hash(name, data))).toBe(createHash(name).update(data).digest('hex'));
        },
      ),
    );
  });
});

describe('hmacWithKey and runningHash', () => {
  it('agree with node:crypto for many messages under one key, and for a hash read as it grows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<HashName>('sha256', 'sha384'),
        fc.uint8Array({ maxLength: 200 }),
        fc.array(fc.uint8Array({ maxLength: 150 }), { maxLength: 5 }),
        (name, key, messages) => {
          const mac = hmacWithKey(name, key);
          const running = runningHash(name);
          const reference = createHash(name);
          for (const [i, m] of messages.entries()) {
            expect(toHex(mac(m))).toBe(createHmac(name, key).update(m).digest('hex'));
            // In parts: HMAC of the concatenation.
            expect(toHex(mac(m, messages[0]!))).toBe(
              createHmac(name, key).update(m).update(messages[0]!).digest('hex'),
            );
            running.update(m);
            reference.update(m);
            expect(toHex(running.digestSoFar()), `after message ${i}`).toBe(
              reference.copy().digest('hex'),
            );
          }
        },
      ),
    );
  });
});
