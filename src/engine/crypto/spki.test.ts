import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from '../bytes/hex';
import { InvalidKeyEncoding } from './errors';
import { ecPointFromSpki, keyTypeOfPkcs8, keyTypeOfSpki, p256PointFromSpki } from './spki';

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

  it('recognises P-256, P-384 and P-521 and calls other curves and algorithms "other"', () => {
    expect(keyTypeOfSpki(spkiOf(generateKeyPairSync('ec', { namedCurve: 'P-256' })))).toBe(
      'ECDSA_P256',
    );
    expect(keyTypeOfSpki(spkiOf(generateKeyPairSync('ec', { namedCurve: 'P-384' })))).toBe(
      'ECDSA_P384',
    );
    expect(keyTypeOfSpki(spkiOf(generateKeyPairSync('ec', { namedCurve: 'P-521' })))).toBe(
      'ECDSA_P521',
    );
    expect(keyTypeOfSpki(spkiOf(generateKeyPairSync('ec', { namedCurve: 'secp256k1' })))).toBe(
      'other',
    );
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

describe('keyTypeOfPkcs8', () => {
  const pkcs8Of = (pair: { privateKey: { export(o: { format: 'der'; type: 'pkcs8' }): Buffer } }) =>
    new Uint8Array(pair.privateKey.export({ format: 'der', type: 'pkcs8' }));

  it('names the key type of RSA and NIST-curve private keys, as node exports them', () => {
    expect(keyTypeOfPkcs8(pkcs8Of(generateKeyPairSync('rsa', { modulusLength: 1024 })))).toBe(
      'RSA',
    );
    for (const [curve, type] of [
      ['P-256', 'ECDSA_P256'],
      ['P-384', 'ECDSA_P384'],
      ['P-521', 'ECDSA_P521'],
    ] as const) {
      expect(keyTypeOfPkcs8(pkcs8Of(generateKeyPairSync('ec', { namedCurve: curve })))).toBe(type);
    }
    expect(keyTypeOfPkcs8(pkcs8Of(generateKeyPairSync('ed25519')))).toBe('other');
    expect(keyTypeOfPkcs8(utf8('not a key'))).toBe('other');
    // An SPKI is not a PrivateKeyInfo: it has no version before its AlgorithmIdentifier.
    expect(keyTypeOfPkcs8(spkiOf(generateKeyPairSync('ec', { namedCurve: 'P-384' })))).toBe(
      'other',
    );
  });
});

describe('ecPointFromSpki', () => {
  it("returns node's public point on P-384 and P-521, and refuses another curve", () => {
    for (const curve of ['P-384', 'P-521'] as const) {
      const pair = generateKeyPairSync('ec', { namedCurve: curve });
      const jwk = pair.publicKey.export({ format: 'jwk' });
      const expected =
        '04' +
        Buffer.from(jwk.x!, 'base64url').toString('hex') +
        Buffer.from(jwk.y!, 'base64url').toString('hex');
      expect(toHex(ecPointFromSpki(spkiOf(pair), curve))).toBe(expected);
      expect(() => ecPointFromSpki(spkiOf(pair), 'P-256')).toThrow(InvalidKeyEncoding);
    }
  });
});
