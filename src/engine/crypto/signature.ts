/**
 * Signing and verifying by TLS SignatureScheme code (RFC 8446, Section 4.2.3, whose codes TLS 1.2
 * uses through signature_algorithms: RFC 5246, Section 7.4.1.4.1). The one place that knows which
 * code means which algorithm and which key type.
 */
import { ecdsaSignPkcs8, ecdsaVerify } from './ecdsa';
import { SignatureKeyMismatch, UnsupportedSignatureScheme } from './errors';
import { rsaSign, rsaVerify, type RsaScheme } from './rsa';
import { keyTypeOfSpki } from './spki';

export type SignatureKeyType = 'RSA' | 'ECDSA_P256';

interface SchemeImpl {
  name: string;
  keyType: SignatureKeyType;
  sign(pkcs8: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
  verify(spki: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

function rsa(name: RsaScheme): SchemeImpl {
  return {
    name,
    keyType: 'RSA',
    sign: (pkcs8, data) => rsaSign(name, pkcs8, data),
    verify: (spki, data, signature) => rsaVerify(name, spki, data, signature),
  };
}

const SCHEMES: ReadonlyMap<number, SchemeImpl> = new Map<number, SchemeImpl>([
  [0x0401, rsa('rsa_pkcs1_sha256')],
  [0x0501, rsa('rsa_pkcs1_sha384')],
  [0x0804, rsa('rsa_pss_rsae_sha256')],
  [
    0x0403,
    {
      name: 'ecdsa_secp256r1_sha256',
      keyType: 'ECDSA_P256',
      sign: (pkcs8, data) => ecdsaSignPkcs8(pkcs8, data),
      verify: async (spki, data, signature) => ecdsaVerify(spki, data, signature),
    },
  ],
]);

function schemeImpl(scheme: number): SchemeImpl {
  const impl = SCHEMES.get(scheme);
  if (!impl) throw new UnsupportedSignatureScheme(scheme);
  return impl;
}

/** The SignatureScheme codes we implement, in no particular order. */
export function supportedSignatureSchemes(): number[] {
  return [...SCHEMES.keys()];
}

export function isSupportedSignatureScheme(scheme: number): boolean {
  return SCHEMES.has(scheme);
}

/** The key type a scheme needs, or undefined for a scheme we do not implement. */
export function signatureSchemeKeyType(scheme: number): SignatureKeyType | undefined {
  return SCHEMES.get(scheme)?.keyType;
}

/** The scheme's RFC name ("rsa_pss_rsae_sha256"), or its hex code when unknown. */
export function signatureSchemeName(scheme: number): string {
  return SCHEMES.get(scheme)?.name ?? `0x${scheme.toString(16).padStart(4, '0')}`;
}

/** Signs `data` with a PKCS#8 DER private key; throws UnsupportedSignatureScheme for an unknown code. */
export async function sign(
  scheme: number,
  privateKeyPkcs8: Uint8Array,
  data: Uint8Array,
): Promise<Uint8Array> {
  return schemeImpl(scheme).sign(privateKeyPkcs8, data);
}

/**
 * Whether `signature` is a valid `scheme` signature of `data` under an SPKI DER public key.
 * Throws UnsupportedSignatureScheme for an unknown code, and SignatureKeyMismatch when the key is
 * not of the scheme's type (RFC 5246, Section 7.4.3: the scheme must fit the certificate's key).
 */
export async function verify(
  scheme: number,
  spkiDer: Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const impl = schemeImpl(scheme);
  const keyType = keyTypeOfSpki(spkiDer);
  if (keyType !== impl.keyType) throw new SignatureKeyMismatch(impl.name, keyType);
  return impl.verify(spkiDer, data, signature);
}
