import {
  generateKeyPairSync,
  sign as nodeSign,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from '../bytes/hex';
import { ecdsaSign, ecdsaSignPkcs8, ecdsaVerify, p256PrivateKeyFromPkcs8 } from './ecdsa';
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
