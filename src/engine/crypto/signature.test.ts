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
  sign,
  signatureSchemeKeyType,
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
const data = utf8('signed params');

beforeAll(() => {
  rsa = pair(generateKeyPairSync('rsa', { modulusLength: 2048 }));
  ec = pair(generateKeyPairSync('ec', { namedCurve: 'P-256' }));
});

// How node signs and verifies for each TLS SignatureScheme code (RFC 8446, Section 4.2.3).
const NODE: Record<number, { hash: string; pss?: boolean; key: () => Pair }> = {
  0x0401: { hash: 'sha256', key: () => rsa },
  0x0501: { hash: 'sha384', key: () => rsa },
  0x0804: { hash: 'sha256', pss: true, key: () => rsa },
  0x0403: { hash: 'sha256', key: () => ec },
};

function nodeOptions(code: number, key: KeyObject) {
  return NODE[code]!.pss ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : key;
}

describe('sign and verify by SignatureScheme code', () => {
  for (const code of [0x0401, 0x0501, 0x0804, 0x0403]) {
    it(`${signatureSchemeName(code)} (0x${code.toString(16).padStart(4, '0')}): interoperates with node both ways`, async () => {
      const { hash, key } = NODE[code]!;
      const k = key();
      const ours = await sign(code, k.pkcs8, data);
      expect(nodeVerify(hash, data, nodeOptions(code, k.publicKey), ours)).toBe(true);
      const theirs = new Uint8Array(nodeSign(hash, data, nodeOptions(code, k.privateKey)));
      expect(await verify(code, k.spki, data, theirs)).toBe(true);
      expect(await verify(code, k.spki, utf8('tampered'), theirs)).toBe(false);
    });
  }

  it('lists exactly the four schemes, each with its key type', () => {
    expect(supportedSignatureSchemes().sort()).toEqual([0x0401, 0x0403, 0x0501, 0x0804]);
    expect(signatureSchemeKeyType(0x0804)).toBe('RSA');
    expect(signatureSchemeKeyType(0x0403)).toBe('ECDSA_P256');
    expect(signatureSchemeKeyType(0x0807)).toBeUndefined();
    expect(isSupportedSignatureScheme(0x0503)).toBe(false);
    expect(signatureSchemeName(0x0503)).toBe('0x0503');
  });

  it('throws UnsupportedSignatureScheme for a code we do not implement', async () => {
    // 0x0503 is ecdsa_secp384r1_sha384, 0x0807 ed25519: real schemes, not ours.
    await expect(sign(0x0503, ec.pkcs8, data)).rejects.toThrow(UnsupportedSignatureScheme);
    await expect(verify(0x0807, ec.spki, data, new Uint8Array(64))).rejects.toThrow(
      'unsupported signature scheme 0x0807',
    );
  });

  it('throws SignatureKeyMismatch when the scheme does not fit the key', async () => {
    await expect(verify(0x0403, rsa.spki, data, new Uint8Array(64))).rejects.toThrow(
      SignatureKeyMismatch,
    );
    await expect(verify(0x0804, ec.spki, data, new Uint8Array(64))).rejects.toThrow(
      'signature scheme rsa_pss_rsae_sha256 cannot be used with a ECDSA_P256 key',
    );
  });
});
