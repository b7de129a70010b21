import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from '../bytes/hex';
import { InvalidKeyEncoding } from './errors';
import { keyTypeOfSpki, p256PointFromSpki } from './spki';

function spkiOf(pair: {
  publicKey: { export(o: { format: 'der'; type: 'spki' }): Buffer };
}): Uint8Array {
  return new Uint8Array(pair.publicKey.export({ format: 'der', type: 'spki' }));
}

describe('keyTypeOfSpki', () => {
  it('recognises RSA keys whose DER length takes one or two bytes (1024 and 2048 bits)', () => {
    expect(keyTypeOfSpki(spkiOf(generateKeyPairSync('rsa', { modulusLength: 1024 })))).toBe('RSA');
    expect(keyTypeOfSpki(spkiOf(generateKeyPairSync('rsa', { modulusLength: 2048 })))).toBe('RSA');
  });

  it('recognises P-256 and calls other curves and algorithms "other"', () => {
    expect(keyTypeOfSpki(spkiOf(generateKeyPairSync('ec', { namedCurve: 'P-256' })))).toBe(
      'ECDSA_P256',
    );
    expect(keyTypeOfSpki(spkiOf(generateKeyPairSync('ec', { namedCurve: 'P-384' })))).toBe('other');
    expect(keyTypeOfSpki(spkiOf(generateKeyPairSync('ed25519')))).toBe('other');
    // RSASSA-PSS keys (id-RSASSA-PSS, RFC 4055) are not the rsaEncryption keys rsa_pss_rsae_* needs.
    expect(keyTypeOfSpki(spkiOf(generateKeyPairSync('rsa-pss', { modulusLength: 1024 })))).toBe(
      'other',
    );
  });

  it('calls garbage and truncated keys "other"', () => {
    const p256 = spkiOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }));
    expect(keyTypeOfSpki(utf8('not a key'))).toBe('other');
    expect(keyTypeOfSpki(new Uint8Array(0))).toBe('other');
    expect(keyTypeOfSpki(p256.subarray(0, p256.length - 1))).toBe('other');
  });
});

describe('p256PointFromSpki', () => {
  it("returns node's public point", () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = pair.publicKey.export({ format: 'jwk' });
    const expected =
      '04' +
      Buffer.from(jwk.x!, 'base64url').toString('hex') +
      Buffer.from(jwk.y!, 'base64url').toString('hex');
    expect(toHex(p256PointFromSpki(spkiOf(pair)))).toBe(expected);
  });

  it('refuses anything but an uncompressed P-256 SPKI', () => {
    expect(() =>
      p256PointFromSpki(spkiOf(generateKeyPairSync('ec', { namedCurve: 'P-384' }))),
    ).toThrow(InvalidKeyEncoding);
    expect(() =>
      p256PointFromSpki(spkiOf(generateKeyPairSync('rsa', { modulusLength: 1024 }))),
    ).toThrow(/^spkiDer:/);
  });
});
