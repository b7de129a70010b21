import {
  generateKeyPairSync,
  sign as nodeSign,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from '../bytes/hex';
import {
  ecdsaSign,
  ecdsaSignPkcs8,
  ecdsaVerify,
  ecdsaVerifyNative,
  ecPrivateKeyFromPkcs8,
  p256PrivateKeyFromPkcs8,
  type EcdsaCurve,
  type EcdsaHash,
  type EcdsaParams,
} from './ecdsa';
import { CryptoArgumentError, InvalidKeyEncoding, InvalidPublicKey } from './errors';

let privateKey: KeyObject;
let publicKey: KeyObject;
let pkcs8: Uint8Array;
let spki: Uint8Array;
let point: Uint8Array;
const data = utf8('client_random ‖ server_random ‖ ServerECDHParams');

beforeAll(() => {
  ({ privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' }));
  pkcs8 = new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' }));
  spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
  const jwk = publicKey.export({ format: 'jwk' });
  point = new Uint8Array([
    4,
    ...Buffer.from(jwk.x!, 'base64url'),
    ...Buffer.from(jwk.y!, 'base64url'),
  ]);
});

describe('ECDSA P-256 / SHA-256', () => {
  it('reproduces RFC 6979, Appendix A.2.5 (message "sample"), DER-encoded', () => {
    const x = fromHex('c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721');
    const r = 'efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716';
    const s = 'f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8';
    // SEQUENCE { INTEGER r, INTEGER s }, each with a 00 pad because its top bit is set.
    expect(toHex(ecdsaSign(x, utf8('sample')))).toBe(`3046022100${r}022100${s}`);
    const publicPoint = fromHex(
      '0460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6' +
        '7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299',
    );
    expect(ecdsaVerify(publicPoint, utf8('sample'), fromHex(`3046022100${r}022100${s}`))).toBe(
      true,
    );
  });

  it('is deterministic: one key and message give one signature', () => {
    const x = fromHex('c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721');
    expect(toHex(ecdsaSign(x, data))).toBe(toHex(ecdsaSign(x, data)));
  });

  it('reads the private scalar out of a PKCS#8 key, as node exports it', async () => {
    const d = privateKey.export({ format: 'jwk' }).d!;
    expect(toHex(await p256PrivateKeyFromPkcs8(pkcs8))).toBe(
      Buffer.from(d, 'base64url').toString('hex'),
    );
  });

  it('signs with a PKCS#8 key and node verifies the DER signature', async () => {
    const sig = await ecdsaSignPkcs8(pkcs8, data);
    expect(sig[0]).toBe(0x30);
    expect(nodeVerify('sha256', data, publicKey, sig)).toBe(true);
    expect(nodeVerify('sha256', utf8('other'), publicKey, sig)).toBe(false);
  });

  it("verifies node's signatures (random k, either half of s) by SPKI or by raw point", () => {
    for (let i = 0; i < 8; i++) {
      const sig = new Uint8Array(nodeSign('sha256', data, privateKey));
      expect(ecdsaVerify(spki, data, sig)).toBe(true);
      expect(ecdsaVerify(point, data, sig)).toBe(true);
    }
  });

  it('rejects a tampered signature or message, and treats malformed DER as invalid', () => {
    const sig = new Uint8Array(nodeSign('sha256', data, privateKey));
    expect(ecdsaVerify(spki, utf8('other'), sig)).toBe(false);
    const bad = sig.slice();
    bad[bad.length - 1]! ^= 1;
    expect(ecdsaVerify(spki, data, bad)).toBe(false);
    expect(ecdsaVerify(spki, data, utf8('not DER'))).toBe(false);
  });

  it('throws on a bad key rather than calling the signature invalid', async () => {
    const offCurve = point.slice();
    offCurve[64]! ^= 1;
    expect(() => ecdsaVerify(offCurve, data, new Uint8Array(8))).toThrow(InvalidPublicKey);
    const rsaSpki = new Uint8Array(
      generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
        format: 'der',
        type: 'spki',
      }),
    );
    expect(() => ecdsaVerify(rsaSpki, data, new Uint8Array(8))).toThrow(InvalidKeyEncoding);
    expect(() => ecdsaSign(new Uint8Array(31), data)).toThrow(CryptoArgumentError);
    await expect(p256PrivateKeyFromPkcs8(utf8('not a key'))).rejects.toThrow(/^pkcs8Der:/);
  });
});

/** DER ECDSA-Sig-Value of (r, s) given as big-endian hex, for the RFC's vectors. */
function derSig(r: string, s: string): string {
  const integer = (hex: string) => {
    let v = hex.replace(/^(00)+/, '');
    if (parseInt(v.slice(0, 2), 16) & 0x80) v = '00' + v;
    return '02' + derLength(v.length / 2) + v;
  };
  const body = integer(r) + integer(s);
  return '30' + derLength(body.length / 2) + body;
}

function derLength(n: number): string {
  const hex = n.toString(16).padStart(2, '0');
  return n < 0x80 ? hex : '81' + hex;
}

// RFC 6979, Appendix A.2.5 (P-256), A.2.6 (P-384) and A.2.7 (P-521), message "sample". RFC 6979
// runs its HMAC-DRBG on the message hash, so the cross-hash rows are the ones TLS 1.2 uses when a
// P-256 key signs for ecdsa_secp384r1_sha384 or ecdsa_secp521r1_sha512.
const P256_X = 'c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721';
const P384_X =
  '6b9d3dad2e1b8c1c05b19875b6659f4de23c3b667bf297ba9aa47740787137d896d5724e4c70a825f872c9ea60d2edf5';
const P521_X =
  '00fad06daa62ba3b25d2fb40133da757205de67f5bb0018fee8c86e1b68c7e75ca' +
  'a896eb32f1f47c70855836a6d16fcc1466f6d8fbec67db89ec0c08b0e996b83538';
const RFC6979: {
  name: string;
  curve: EcdsaCurve;
  hash: EcdsaHash;
  x: string;
  r: string;
  s: string;
}[] = [
  {
    name: 'A.2.5, P-256 with SHA-384',
    curve: 'P-256',
    hash: 'SHA-384',
    x: P256_X,
    r: '0eafea039b20e9b42309fb1d89e213057cbf973dc0cfc8f129edddc800ef7719',
    s: '4861f0491e6998b9455193e34e7b0d284ddd7149a74b95b9261f13abde940954',
  },
  {
    name: 'A.2.5, P-256 with SHA-512',
    curve: 'P-256',
    hash: 'SHA-512',
    x: P256_X,
    r: '8496a60b5e9b47c825488827e0495b0e3fa109ec4568fd3f8d1097678eb97f00',
    s: '2362ab1adbe2b8adf9cb9edab740ea6049c028114f2460f96554f61fae3302fe',
  },
  {
    name: 'A.2.6, P-384 with SHA-384',
    curve: 'P-384',
    hash: 'SHA-384',
    x: P384_X,
    r: '94edbb92a5ecb8aad4736e56c691916b3f88140666ce9fa73d64c4ea95ad133c81a648152e44acf96e36dd1e80fabe46',
    s: '99ef4aeb15f178cea1fe40db2603138f130e740a19624526203b6351d0a3a94fa329c145786e679e7b82c71a38628ac8',
  },
  {
    name: 'A.2.7, P-521 with SHA-512',
    curve: 'P-521',
    hash: 'SHA-512',
    x: P521_X,
    r:
      '00c328fafcbd79dd77850370c46325d987cb525569fb63c5d3bc53950e6d4c5f17' +
      '4e25a1ee9017b5d450606add152b534931d7d4e8455cc91f9b15bf05ec36e377fa',
    s:
      '00617cce7cf5064806c467f678d3b4080d6f1cc50af26ca209417308281b68af28' +
      '2623eaa63e5b5c0723d8b8c37ff0777b1a20f8ccb1dccc43997f1ee0e44da4a67a',
  },
];

describe('ECDSA on P-256, P-384 and P-521 with SHA-256, SHA-384 and SHA-512', () => {
  for (const v of RFC6979) {
    it(`reproduces RFC 6979, ${v.name} (message "sample")`, () => {
      const params = { curve: v.curve, hash: v.hash };
      const sig = ecdsaSign(fromHex(v.x), utf8('sample'), params);
      expect(toHex(sig)).toBe(derSig(v.r, v.s));
    });
  }

  const nodeHash = (hash: EcdsaHash) => hash.replace('-', '').toLowerCase();
  const combos: EcdsaParams[] = [];
  for (const curve of ['P-256', 'P-384', 'P-521'] as const)
    for (const hash of ['SHA-256', 'SHA-384', 'SHA-512'] as const) combos.push({ curve, hash });

  for (const params of combos) {
    it(`${params.curve} with ${params.hash}: node verifies ours, we verify node's, tampering fails`, async () => {
      const keys = generateKeyPairSync('ec', { namedCurve: params.curve });
      const keyPkcs8 = new Uint8Array(keys.privateKey.export({ format: 'der', type: 'pkcs8' }));
      const keySpki = new Uint8Array(keys.publicKey.export({ format: 'der', type: 'spki' }));
      const h = nodeHash(params.hash);
      const ours = await ecdsaSignPkcs8(keyPkcs8, data, params);
      expect(nodeVerify(h, data, keys.publicKey, ours)).toBe(true);
      const theirs = new Uint8Array(nodeSign(h, data, keys.privateKey));
      expect(ecdsaVerify(keySpki, data, theirs, params)).toBe(true);
      expect(ecdsaVerify(keySpki, utf8('other'), theirs, params)).toBe(false);
      // The same signature read with another hash does not verify: the hash is part of the scheme.
      const other = params.hash === 'SHA-256' ? 'SHA-384' : 'SHA-256';
      expect(ecdsaVerify(keySpki, data, theirs, { ...params, hash: other })).toBe(false);
    });
  }

  it('refuses a key of another curve, in either form', async () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const p384Spki = new Uint8Array(p384.publicKey.export({ format: 'der', type: 'spki' }));
    const p384Pkcs8 = new Uint8Array(p384.privateKey.export({ format: 'der', type: 'pkcs8' }));
    expect(() =>
      ecdsaVerify(p384Spki, data, new Uint8Array(8), { curve: 'P-521', hash: 'SHA-512' }),
    ).toThrow(/^spkiDer: not a P-521 SubjectPublicKeyInfo/);
    await expect(
      ecdsaSignPkcs8(p384Pkcs8, data, { curve: 'P-256', hash: 'SHA-384' }),
    ).rejects.toThrow(/^pkcs8Der:/);
    expect(() => ecdsaSign(fromHex(P384_X), data, { curve: 'P-521', hash: 'SHA-512' })).toThrow(
      /must be a valid 66-byte P-521 scalar, got 48 bytes/,
    );
  });
});

describe('ECDSA verification in WebCrypto (ecdsaVerifyNative)', () => {
  const combos: EcdsaParams[] = [];
  for (const curve of ['P-256', 'P-384', 'P-521'] as const)
    for (const hash of ['SHA-256', 'SHA-384', 'SHA-512'] as const) combos.push({ curve, hash });

  for (const params of combos) {
    it(`${params.curve} with ${params.hash}: gives ecdsaVerify's answer, by SPKI or by raw point`, async () => {
      const keys = generateKeyPairSync('ec', { namedCurve: params.curve });
      const keySpki = new Uint8Array(keys.publicKey.export({ format: 'der', type: 'spki' }));
      const jwk = keys.publicKey.export({ format: 'jwk' });
      const keyPoint = new Uint8Array([
        4,
        ...Buffer.from(jwk.x!, 'base64url'),
        ...Buffer.from(jwk.y!, 'base64url'),
      ]);
      const h = params.hash.replace('-', '').toLowerCase();
      const sig = new Uint8Array(nodeSign(h, data, keys.privateKey));
      const tampered = sig.slice();
      tampered[tampered.length - 1]! ^= 1;
      const other = params.hash === 'SHA-256' ? 'SHA-384' : 'SHA-256';
      const cases: [Uint8Array, Uint8Array, Uint8Array, EcdsaParams][] = [];
      for (const key of [keySpki, keyPoint]) {
        cases.push([key, data, sig, params]);
        cases.push([key, utf8('other'), sig, params]);
        cases.push([key, data, tampered, params]);
        cases.push([key, data, utf8('not DER'), params]);
        cases.push([key, data, sig, { ...params, hash: other }]);
      }
      const answers = await Promise.all(cases.map((c) => ecdsaVerifyNative(...c)));
      expect(answers).toEqual(cases.map((c) => ecdsaVerify(...c)));
      expect(answers.filter(Boolean)).toHaveLength(2);
    });
  }

  it('throws what ecdsaVerify throws for a bad key', async () => {
    const offCurve = point.slice();
    offCurve[64]! ^= 1;
    await expect(ecdsaVerifyNative(offCurve, data, new Uint8Array(8))).rejects.toThrow(
      InvalidPublicKey,
    );
    const p384Spki = new Uint8Array(
      generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({
        format: 'der',
        type: 'spki',
      }),
    );
    await expect(ecdsaVerifyNative(p384Spki, data, new Uint8Array(8))).rejects.toThrow(
      InvalidKeyEncoding,
    );
  });

  it("verifies our own RFC 6979 signatures, and node's", async () => {
    const sig = await ecdsaSignPkcs8(pkcs8, data);
    expect(await ecdsaVerifyNative(spki, data, sig)).toBe(true);
    expect(
      await ecdsaVerifyNative(spki, data, new Uint8Array(nodeSign('sha256', data, privateKey))),
    ).toBe(true);
  });
});

describe('reading the private scalar of a PKCS#8 key', () => {
  it('reads it once per array, and again when the array holds other bytes', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const otherPkcs8 = new Uint8Array(other.export({ format: 'der', type: 'pkcs8' }));
    const scalarOf = (key: KeyObject) =>
      Buffer.from(key.export({ format: 'jwk' }).d!, 'base64url').toString('hex');
    const held = pkcs8.slice();
    expect(toHex(await ecPrivateKeyFromPkcs8(held, 'P-256'))).toBe(scalarOf(privateKey));
    expect(toHex(await ecPrivateKeyFromPkcs8(held, 'P-256'))).toBe(scalarOf(privateKey));
    expect(otherPkcs8.length).toBe(held.length);
    held.set(otherPkcs8);
    expect(toHex(await ecPrivateKeyFromPkcs8(held, 'P-256'))).toBe(scalarOf(other));
  });
});
