/**
 * Signing and verifying by TLS SignatureScheme code (RFC 8446, Section 4.2.3, whose codes TLS 1.2
 * uses through signature_algorithms: RFC 5246, Section 7.4.1.4.1). The one place that knows which
 * code means which algorithm and which key type.
 *
 * In TLS 1.2 the code is a {hash, signature} pair, so ecdsa_secp384r1_sha384 (0x0503) means
 * "ECDSA with SHA-384" on whatever curve the certificate's key is on: the curve in the name binds
 * only in TLS 1.3 (RFC 8446, Section 4.2.3). OpenSSL's TLS 1.2 code checks the curve only in
 * Suite B mode (tls_choose_sigalg, tls12_check_peer_sigalg), and tlsfuzzer's
 * test-ecdsa-sig-flexibility expects a P-256 server to sign with any of the four hashes.
 */
import { loadOnce } from '../load-once';
import type { EcdsaHash } from './ecdsa';
import { SignatureKeyMismatch, UnsupportedSignatureScheme } from './errors';
import { rsaSign, rsaVerify, type RsaScheme } from './rsa';
import { curveOfKeyType, keyTypeOfPkcs8, keyTypeOfSpki, type SpkiKeyType } from './spki';

/** The keys a certificate may hold for us to sign or verify TLS 1.2 handshakes with. */
export type SignatureKeyType = Exclude<SpkiKeyType, 'other'>;
/** What a scheme needs of a key: RSA (rsaEncryption) or ECDSA on any supported curve. */
export type SignatureKeyFamily = 'RSA' | 'ECDSA';

interface SchemeImpl {
  name: string;
  family: SignatureKeyFamily;
  /** For RSA-PSS, the hash length, which is also the salt length (RFC 8446, Section 4.2.3). */
  pssHashBytes?: number;
  sign(pkcs8: Uint8Array, keyType: SignatureKeyType, data: Uint8Array): Promise<Uint8Array>;
  verify(
    spki: Uint8Array,
    keyType: SignatureKeyType,
    data: Uint8Array,
    signature: Uint8Array,
  ): Promise<boolean>;
}

function rsa(name: RsaScheme, pssHashBytes?: number): SchemeImpl {
  return {
    name,
    family: 'RSA',
    ...(pssHashBytes === undefined ? {} : { pssHashBytes }),
    sign: (pkcs8, _keyType, data) => rsaSign(name, pkcs8, data),
    verify: (spki, _keyType, data, signature) => rsaVerify(name, spki, data, signature),
  };
}

/**
 * ECDSA, with @noble/curves behind it, fetched with import() on the first ECDSA handshake: the
 * default one signs with RSA, so the page's first load does without the curve arithmetic.
 */
const loadEcdsa = loadOnce(() => import('./ecdsa'));

function ecdsa(name: string, hash: EcdsaHash): SchemeImpl {
  return {
    name,
    family: 'ECDSA',
    sign: async (pkcs8, keyType, data) =>
      (await loadEcdsa()).ecdsaSignPkcs8(pkcs8, data, { curve: curveOfKeyType(keyType)!, hash }),
    verify: async (spki, keyType, data, signature) =>
      (await loadEcdsa()).ecdsaVerifyNative(spki, data, signature, {
        curve: curveOfKeyType(keyType)!,
        hash,
      }),
  };
}

const SCHEMES: ReadonlyMap<number, SchemeImpl> = new Map<number, SchemeImpl>([
  [0x0401, rsa('rsa_pkcs1_sha256')],
  [0x0501, rsa('rsa_pkcs1_sha384')],
  [0x0601, rsa('rsa_pkcs1_sha512')],
  [0x0804, rsa('rsa_pss_rsae_sha256', 32)],
  [0x0805, rsa('rsa_pss_rsae_sha384', 48)],
  [0x0806, rsa('rsa_pss_rsae_sha512', 64)],
  [0x0403, ecdsa('ecdsa_secp256r1_sha256', 'SHA-256')],
  [0x0503, ecdsa('ecdsa_secp384r1_sha384', 'SHA-384')],
  [0x0603, ecdsa('ecdsa_secp521r1_sha512', 'SHA-512')],
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

/** The key family a scheme needs, or undefined for a scheme we do not implement. */
export function signatureSchemeKeyFamily(scheme: number): SignatureKeyFamily | undefined {
  return SCHEMES.get(scheme)?.family;
}

/** The family of a key type: ECDSA_P256, ECDSA_P384 and ECDSA_P521 are all 'ECDSA'. */
export function keyFamilyOf(keyType: SignatureKeyType): SignatureKeyFamily {
  return keyType === 'RSA' ? 'RSA' : 'ECDSA';
}

/** Whether a scheme we implement can sign with a key of this type (RFC 5246, Section 7.4.1.4.1). */
export function signatureSchemeFits(scheme: number, keyType: SignatureKeyType): boolean {
  return SCHEMES.get(scheme)?.family === keyFamilyOf(keyType);
}

/**
 * Whether an RSA key with a modulus of `modulusBits` is long enough for `scheme`. Only PSS has a
 * floor: the encoded message needs emLen ≥ hLen + sLen + 2 octets with emLen = ⌈(modBits − 1)/8⌉
 * (RFC 8017, Section 9.1.1), and TLS sets sLen = hLen, so a 1024-bit key cannot make
 * rsa_pss_rsae_sha512 signatures. OpenSSL's server skips such schemes the same way
 * (rsa_pss_check_min_key_size).
 */
export function rsaKeyLongEnoughFor(scheme: number, modulusBits: number): boolean {
  const hashBytes = SCHEMES.get(scheme)?.pssHashBytes;
  return hashBytes === undefined || Math.ceil((modulusBits - 1) / 8) >= 2 * hashBytes + 2;
}

/** The scheme's RFC name ("rsa_pss_rsae_sha256"), or its hex code when unknown. */
export function signatureSchemeName(scheme: number): string {
  return SCHEMES.get(scheme)?.name ?? `0x${scheme.toString(16).padStart(4, '0')}`;
}

/** The impl, after checking that a key of `keyType` fits it (RFC 5246, Section 7.4.3). */
function fittingImpl(scheme: number, keyType: SpkiKeyType): [SchemeImpl, SignatureKeyType] {
  const impl = schemeImpl(scheme);
  if (keyType === 'other' || keyFamilyOf(keyType) !== impl.family)
    throw new SignatureKeyMismatch(impl.name, keyType);
  return [impl, keyType];
}

/**
 * Signs `data` with a PKCS#8 DER private key; throws UnsupportedSignatureScheme for an unknown
 * code, and SignatureKeyMismatch when the key is not of the scheme's family.
 */
export async function sign(
  scheme: number,
  privateKeyPkcs8: Uint8Array,
  data: Uint8Array,
): Promise<Uint8Array> {
  const [impl, keyType] = fittingImpl(scheme, keyTypeOfPkcs8(privateKeyPkcs8));
  return impl.sign(privateKeyPkcs8, keyType, data);
}

/**
 * Whether `signature` is a valid `scheme` signature of `data` under an SPKI DER public key.
 * Throws UnsupportedSignatureScheme for an unknown code, and SignatureKeyMismatch when the key is
 * not of the scheme's family (RFC 5246, Section 7.4.3: the scheme must fit the certificate's key).
 */
export async function verify(
  scheme: number,
  spkiDer: Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const [impl, keyType] = fittingImpl(scheme, keyTypeOfSpki(spkiDer));
  return impl.verify(spkiDer, keyType, data, signature);
}
