import {
  constants,
  generateKeyPairSync,
  sign as nodeSign,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { toHex, utf8 } from '../bytes/hex';
import { InvalidKeyEncoding } from './errors';
import { rsaSign, rsaVerify } from './rsa';

let privateKey: KeyObject;
let publicKey: KeyObject;
let pkcs8: Uint8Array;
let spki: Uint8Array;
const data = utf8('client_random ‖ server_random ‖ ServerECDHParams');

beforeAll(() => {
  ({ privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 }));
  pkcs8 = new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' }));
  spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
});

afterEach(() => vi.restoreAllMocks());

describe('RSA PKCS#1 v1.5', () => {
  for (const [scheme, hashName] of [
    ['rsa_pkcs1_sha256', 'sha256'],
    ['rsa_pkcs1_sha384', 'sha384'],
    ['rsa_pkcs1_sha512', 'sha512'],
  ] as const) {
    it(`${scheme}: deterministic, so our signature is node's byte for byte, and each verifies the other's`, async () => {
      const ours = await rsaSign(scheme, pkcs8, data);
      const theirs = new Uint8Array(nodeSign(hashName, data, privateKey));
      expect(toHex(ours)).toBe(toHex(theirs));
      expect(nodeVerify(hashName, data, publicKey, ours)).toBe(true);
      expect(await rsaVerify(scheme, spki, data, theirs)).toBe(true);
    });
  }

  it('rejects a signature over other data, or made with the other hash', async () => {
    const sig = await rsaSign('rsa_pkcs1_sha256', pkcs8, data);
    expect(await rsaVerify('rsa_pkcs1_sha256', spki, utf8('other data'), sig)).toBe(false);
    expect(await rsaVerify('rsa_pkcs1_sha384', spki, data, sig)).toBe(false);
  });
});

describe('RSA-PSS with rsaEncryption keys (rsa_pss_rsae_sha256, _sha384, _sha512)', () => {
  const pss = (saltLength: number) => ({ padding: constants.RSA_PKCS1_PSS_PADDING, saltLength });

  it('signs with a 32-byte salt that node verifies strictly, and verifies node signatures', async () => {
    const ours = await rsaSign('rsa_pss_rsae_sha256', pkcs8, data);
    expect(ours.length).toBe(256);
    expect(nodeVerify('sha256', data, { key: publicKey, ...pss(32) }, ours)).toBe(true);
    // A different salt length must not verify: TLS fixes it at the hash length (RFC 8446, Section 4.2.3).
    expect(nodeVerify('sha256', data, { key: publicKey, ...pss(20) }, ours)).toBe(false);

    const theirs = new Uint8Array(nodeSign('sha256', data, { key: privateKey, ...pss(32) }));
    expect(await rsaVerify('rsa_pss_rsae_sha256', spki, data, theirs)).toBe(true);
    const shortSalt = new Uint8Array(nodeSign('sha256', data, { key: privateKey, ...pss(20) }));
    expect(await rsaVerify('rsa_pss_rsae_sha256', spki, data, shortSalt)).toBe(false);
  });

  for (const [scheme, hashName, salt] of [
    ['rsa_pss_rsae_sha384', 'sha384', 48],
    ['rsa_pss_rsae_sha512', 'sha512', 64],
  ] as const) {
    it(`${scheme}: signs with a ${salt}-byte salt that node verifies strictly, and verifies node's`, async () => {
      const ours = await rsaSign(scheme, pkcs8, data);
      expect(nodeVerify(hashName, data, { key: publicKey, ...pss(salt) }, ours)).toBe(true);
      expect(nodeVerify(hashName, data, { key: publicKey, ...pss(32) }, ours)).toBe(false);
      const theirs = new Uint8Array(nodeSign(hashName, data, { key: privateKey, ...pss(salt) }));
      expect(await rsaVerify(scheme, spki, data, theirs)).toBe(true);
      expect(await rsaVerify(scheme, spki, utf8('other data'), theirs)).toBe(false);
      expect(await rsaVerify('rsa_pss_rsae_sha256', spki, data, theirs)).toBe(false);
    });
  }

  it('rejects a flipped bit and a truncated signature', async () => {
    const sig = await rsaSign('rsa_pss_rsae_sha256', pkcs8, data);
    sig[100]! ^= 0x04;
    expect(await rsaVerify('rsa_pss_rsae_sha256', spki, data, sig)).toBe(false);
    // A signature of the wrong length is just invalid, not an exception.
    expect(await rsaVerify('rsa_pss_rsae_sha256', spki, data, sig.subarray(1))).toBe(false);
  });
});

describe('key handling', () => {
  it('imports each key once and reuses it', async () => {
    const { privateKey: fresh } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const freshPkcs8 = new Uint8Array(fresh.export({ format: 'der', type: 'pkcs8' }));
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey');
    await rsaSign('rsa_pkcs1_sha256', freshPkcs8, data);
    await rsaSign('rsa_pkcs1_sha256', freshPkcs8, utf8('another message'));
    await Promise.all([
      rsaSign('rsa_pkcs1_sha256', freshPkcs8, data),
      rsaSign('rsa_pkcs1_sha256', freshPkcs8, data),
    ]);
    expect(importKey).toHaveBeenCalledTimes(1);
  });

  it('reports a key that is not RSA PKCS#8 as InvalidKeyEncoding naming the parameter', async () => {
    await expect(rsaSign('rsa_pkcs1_sha256', utf8('not a key'), data)).rejects.toThrow(
      InvalidKeyEncoding,
    );
    await expect(rsaSign('rsa_pkcs1_sha256', utf8('not a key'), data)).rejects.toThrow(
      /^pkcs8Der: not a PKCS8 RSASSA-PKCS1-v1_5 key/,
    );
    await expect(
      rsaVerify('rsa_pss_rsae_sha256', pkcs8, data, new Uint8Array(256)),
    ).rejects.toThrow(/^spkiDer:/);
  });
});
