import { createCipheriv, type CipherGCMTypes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import gcmVectors from '../../../test/vectors/gcm-mcgrew-viega.json';
import { fromHex, toHex, utf8 } from '../bytes/hex';
import { AEAD_KEY_LENGTH, aeadOpen, aeadSeal, type AeadName } from './aead';
import { AeadAuthError, CryptoArgumentError } from './errors';

interface GcmCase {
  case: number;
  key: string;
  iv: string;
  aad: string;
  plaintext: string;
  ciphertext: string;
  tag: string;
}

const gcmName = (key: string): AeadName => (key.length === 32 ? 'AES_128_GCM' : 'AES_256_GCM');

describe('AES-GCM: McGrew–Viega test cases (test/vectors/gcm-mcgrew-viega.json)', () => {
  it('has the cases it claims', () => {
    expect((gcmVectors.cases as GcmCase[]).map((c) => c.case)).toEqual([
      1, 2, 3, 4, 13, 14, 15, 16,
    ]);
  });

  for (const v of gcmVectors.cases as GcmCase[]) {
    it(`test case ${v.case}: seal gives ciphertext ‖ tag, open gives the plaintext back`, () => {
      const name = gcmName(v.key);
      const [key, iv, aad] = [fromHex(v.key), fromHex(v.iv), fromHex(v.aad)];
      const sealed = aeadSeal(name, key, iv, aad, fromHex(v.plaintext));
      expect(toHex(sealed), `GCM test case ${v.case}`).toBe(v.ciphertext + v.tag);
      expect(toHex(aeadOpen(name, key, iv, aad, sealed)), `GCM test case ${v.case}`).toBe(
        v.plaintext,
      );
    });
  }
});

describe('ChaCha20-Poly1305', () => {
  it('matches RFC 8439, Section 2.8.2', () => {
    const key = fromHex('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
    const nonce = fromHex('070000004041424344454647');
    const aad = fromHex('50515253c0c1c2c3c4c5c6c7');
    const plaintext = utf8(
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
    );
    const ciphertext =
      'd31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b' +
      '1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc' +
      '3ff4def08e4b7a9de576d26586cec64b6116';
    const tag = '1ae10b594f09e26a7e902ecbd0600691';
    const sealed = aeadSeal('CHACHA20_POLY1305', key, nonce, aad, plaintext);
    expect(toHex(sealed)).toBe(ciphertext + tag);
    expect(toHex(aeadOpen('CHACHA20_POLY1305', key, nonce, aad, sealed))).toBe(toHex(plaintext));
  });
});

const NODE_CIPHER = {
  AES_128_GCM: 'aes-128-gcm',
  AES_256_GCM: 'aes-256-gcm',
  CHACHA20_POLY1305: 'chacha20-poly1305',
} as const;

function nodeSeal(
  name: AeadName,
  key: Uint8Array,
  nonce: Uint8Array,
  aad: Uint8Array,
  plaintext: Uint8Array,
): string {
  // node's typings give ChaCha20-Poly1305 its own overload; at run time both are the same AEAD cipher.
  const c = createCipheriv(NODE_CIPHER[name] as CipherGCMTypes, key, nonce);
  c.setAAD(aad, { plaintextLength: plaintext.length });
  return Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]).toString('hex');
}

describe('all AEADs', () => {
  const names: AeadName[] = ['AES_128_GCM', 'AES_256_GCM', 'CHACHA20_POLY1305'];

  it('agree with node:crypto on random inputs and open what they seal', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 12, maxLength: 12 }),
        fc.uint8Array({ maxLength: 40 }),
        fc.uint8Array({ maxLength: 300 }),
        (name, keyBytes, nonce, aad, plaintext) => {
          const key = keyBytes.subarray(0, AEAD_KEY_LENGTH[name]);
          const sealed = aeadSeal(name, key, nonce, aad, plaintext);
          expect(toHex(sealed)).toBe(nodeSeal(name, key, nonce, aad, plaintext));
          expect(toHex(aeadOpen(name, key, nonce, aad, sealed))).toBe(toHex(plaintext));
        },
      ),
      { numRuns: 60 },
    );
  });

  for (const name of names) {
    it(`${name}: any flipped bit in ciphertext, tag, AAD or nonce fails with AeadAuthError`, () => {
      const key = new Uint8Array(AEAD_KEY_LENGTH[name]).fill(0x42);
      const nonce = fromHex('000102030405060708090a0b');
      const aad = utf8('header');
      const sealed = aeadSeal(name, key, nonce, aad, utf8('attack at dawn'));
      for (const at of [0, sealed.length - 1]) {
        const bad = sealed.slice();
        bad[at]! ^= 0x01;
        expect(() => aeadOpen(name, key, nonce, aad, bad)).toThrow(AeadAuthError);
      }
      expect(() => aeadOpen(name, key, nonce, utf8('headex'), sealed)).toThrow(AeadAuthError);
      const otherNonce = nonce.slice();
      otherNonce[11]! ^= 0x80;
      expect(() => aeadOpen(name, key, otherNonce, aad, sealed)).toThrow(
        `${name}: authentication failed`,
      );
      expect(() => aeadOpen(name, key, nonce, aad, sealed.subarray(0, 15))).toThrow(AeadAuthError);
    });
  }

  it('rejects a key or nonce of the wrong length, naming the parameter', () => {
    const nonce = new Uint8Array(12);
    const empty = new Uint8Array(0);
    expect(() => aeadSeal('AES_128_GCM', new Uint8Array(32), nonce, empty, empty)).toThrow(
      CryptoArgumentError,
    );
    expect(() => aeadSeal('AES_128_GCM', new Uint8Array(32), nonce, empty, empty)).toThrow(
      /^key: AES_128_GCM key must be 16 bytes, got 32$/,
    );
    expect(() =>
      aeadSeal('CHACHA20_POLY1305', new Uint8Array(32), new Uint8Array(8), empty, empty),
    ).toThrow(/^nonce:/);
    expect(() =>
      aeadSeal('AES_192_GCM' as AeadName, new Uint8Array(24), nonce, empty, empty),
    ).toThrow(/^name:/);
  });
});
