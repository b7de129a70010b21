import {
  constants,
  generateKeyPairSync,
  sign as nodeSign,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { utf8 } from '../bytes/hex';
import { SignatureKeyMismatch, UnsupportedSignatureScheme } from './errors';
import {
  isSupportedSignatureScheme,
  rsaKeyLongEnoughFor,
  sign,
  signatureSchemeFits,
  signatureSchemeKeyFamily,
  signatureSchemeName,
  supportedSignatureSchemes,
  verify,
} from './signature';

interface Pair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  pkcs8: Uint8Array;
  spki: Uint8Array;
}

function pair(keys: { privateKey: KeyObject; publicKey: KeyObject }): Pair {
  return {
    ...keys,
    pkcs8: new Uint8Array(keys.privateKey.export({ format: 'der', type: 'pkcs8' })),
    spki: new Uint8Array(keys.publicKey.export({ format: 'der', type: 'spki' })),
  };
}

let rsa: Pair;
let ec: Pair;
let ec384: Pair;
let ec521: Pair;
const data = utf8('signed params');

beforeAll(() => {
  rsa = pair(generateKeyPairSync('rsa', { modulusLength: 2048 }));
  ec = pair(generateKeyPairSync('ec', { namedCurve: 'P-256' }));
  ec384 = pair(generateKeyPairSync('ec', { namedCurve: 'P-384' }));
  ec521 = pair(generateKeyPairSync('ec', { namedCurve: 'P-521' }));
});

// How node signs and verifies for each TLS SignatureScheme code (RFC 8446, Section 4.2.3): the
// hash, and for PSS a salt as long as the hash.
const NODE: Record<number, { hash: string; pss?: number; family: 'RSA' | 'ECDSA' }> = {
  0x0401: { hash: 'sha256', family: 'RSA' },
  0x0501: { hash: 'sha384', family: 'RSA' },
  0x0601: { hash: 'sha512', family: 'RSA' },
  0x0804: { hash: 'sha256', pss: 32, family: 'RSA' },
  0x0805: { hash: 'sha384', pss: 48, family: 'RSA' },
  0x0806: { hash: 'sha512', pss: 64, family: 'RSA' },
  0x0403: { hash: 'sha256', family: 'ECDSA' },
  0x0503: { hash: 'sha384', family: 'ECDSA' },
  0x0603: { hash: 'sha512', family: 'ECDSA' },
};

function nodeOptions(code: number, key: KeyObject) {
  const saltLength = NODE[code]!.pss;
  return saltLength ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength } : key;
}

/**
 * The keys each scheme is tried with. In TLS 1.2 an ECDSA scheme names a hash, not a curve, so
 * every ECDSA scheme is tried on all three curves (RFC 8422, Section 5.10).
 */
function keysFor(code: number): [string, Pair][] {
  return NODE[code]!.family === 'RSA'
    ? [['RSA-2048', rsa]]
    : [
        ['P-256', ec],
        ['P-384', ec384],
        ['P-521', ec521],
      ];
}

const hex = (code: number) => `0x${code.toString(16).padStart(4, '0')}`;

describe('sign and verify by SignatureScheme code', () => {
  for (const code of Object.keys(NODE).map(Number)) {
    it(`${signatureSchemeName(code)} (${hex(code)}): interoperates with node both ways`, async () => {
      const { hash } = NODE[code]!;
      for (const [, k] of keysFor(code)) {
        const ours = await sign(code, k.pkcs8, data);
        expect(nodeVerify(hash, data, nodeOptions(code, k.publicKey), ours)).toBe(true);
        const theirs = new Uint8Array(nodeSign(hash, data, nodeOptions(code, k.privateKey)));
        expect(await verify(code, k.spki, data, theirs)).toBe(true);
        expect(await verify(code, k.spki, utf8('tampered'), theirs)).toBe(false);
      }
    });
  }

  it('rejects a signature made under one scheme when it is checked under another', async () => {
    const pss384 = await sign(0x0805, rsa.pkcs8, data);
    expect(await verify(0x0805, rsa.spki, data, pss384)).toBe(true);
    for (const other of [0x0804, 0x0806, 0x0501]) {
      expect(await verify(other, rsa.spki, data, pss384)).toBe(false);
    }
    const ecdsa512 = await sign(0x0603, ec521.pkcs8, data);
    expect(await verify(0x0603, ec521.spki, data, ecdsa512)).toBe(true);
    expect(await verify(0x0503, ec521.spki, data, ecdsa512)).toBe(false);
  });

  it('lists exactly the nine schemes, each with its key family', () => {
    expect(supportedSignatureSchemes().sort()).toEqual([
      0x0401, 0x0403, 0x0501, 0x0503, 0x0601, 0x0603, 0x0804, 0x0805, 0x0806,
    ]);
    expect(signatureSchemeKeyFamily(0x0806)).toBe('RSA');
    expect(signatureSchemeKeyFamily(0x0603)).toBe('ECDSA');
    expect(signatureSchemeKeyFamily(0x0807)).toBeUndefined();
    expect(signatureSchemeFits(0x0503, 'ECDSA_P256')).toBe(true);
    expect(signatureSchemeFits(0x0403, 'ECDSA_P521')).toBe(true);
    expect(signatureSchemeFits(0x0603, 'RSA')).toBe(false);
    expect(signatureSchemeFits(0x0806, 'ECDSA_P384')).toBe(false);
    expect(isSupportedSignatureScheme(0x0809)).toBe(false);
    expect(signatureSchemeName(0x0809)).toBe('0x0809');
    expect(signatureSchemeName(0x0603)).toBe('ecdsa_secp521r1_sha512');
  });

  it('throws UnsupportedSignatureScheme for a code we do not implement', async () => {
    // 0x0809 is rsa_pss_pss_sha256, 0x0807 ed25519, 0x0203 ecdsa_sha1: real schemes, not ours.
    await expect(sign(0x0809, rsa.pkcs8, data)).rejects.toThrow(UnsupportedSignatureScheme);
    await expect(sign(0x0203, ec.pkcs8, data)).rejects.toThrow(UnsupportedSignatureScheme);
    await expect(verify(0x0807, ec.spki, data, new Uint8Array(64))).rejects.toThrow(
      'unsupported signature scheme 0x0807',
    );
  });

  it('throws SignatureKeyMismatch when the scheme does not fit the key', async () => {
    await expect(verify(0x0403, rsa.spki, data, new Uint8Array(64))).rejects.toThrow(
      SignatureKeyMismatch,
    );
    await expect(verify(0x0806, ec521.spki, data, new Uint8Array(64))).rejects.toThrow(
      'signature scheme rsa_pss_rsae_sha512 cannot be used with a ECDSA_P521 key',
    );
    await expect(sign(0x0503, rsa.pkcs8, data)).rejects.toThrow(
      'signature scheme ecdsa_secp384r1_sha384 cannot be used with a RSA key',
    );
    await expect(sign(0x0601, ec384.pkcs8, data)).rejects.toThrow(SignatureKeyMismatch);
    await expect(verify(0x0804, ec.spki, data, new Uint8Array(64))).rejects.toThrow(
      'signature scheme rsa_pss_rsae_sha256 cannot be used with a ECDSA_P256 key',
    );
  });
});

describe('rsaKeyLongEnoughFor', () => {
  it('says which schemes a short RSA key can sign with, as WebCrypto finds when it tries', async () => {
    // RFC 8017, Section 9.1.1 with sLen = hLen: 1024 bits fit PSS with SHA-384 (98 octets of 128)
    // but not SHA-512 (130); 1040 bits are the least that fit SHA-512.
    for (const bits of [1024, 1040]) {
      const key = pair(generateKeyPairSync('rsa', { modulusLength: bits }));
      for (const code of [0x0804, 0x0805, 0x0806, 0x0401, 0x0601]) {
        const signs = await sign(code, key.pkcs8, data).then(
          () => true,
          () => false,
        );
        expect({ bits, code: hex(code), fits: rsaKeyLongEnoughFor(code, bits) }).toEqual({
          bits,
          code: hex(code),
          fits: signs,
        });
      }
    }
    expect(rsaKeyLongEnoughFor(0x0806, 1024)).toBe(false);
    expect(rsaKeyLongEnoughFor(0x0806, 2048)).toBe(true);
  });
});
