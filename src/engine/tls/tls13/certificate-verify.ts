/**
 * TLS 1.3 CertificateVerify (RFC 8446, Section 4.4.3): the signature over the transcript that
 * proves the peer holds its certificate's private key, and the ServerHello.random downgrade
 * sentinels (Section 4.1.3).
 */
import { sign, verify } from '../../crypto/signature';
import { keyTypeOfPkcs8, keyTypeOfSpki, type SpkiKeyType } from '../../crypto/spki';
import { SignatureScheme } from '../enums';

export type CertificateVerifySide = 'server' | 'client';

/** Section 4.4.3: the context strings the two sides sign. */
export const CERTIFICATE_VERIFY_CONTEXT: Record<CertificateVerifySide, string> = {
  server: 'TLS 1.3, server CertificateVerify',
  client: 'TLS 1.3, client CertificateVerify',
};

/**
 * Section 4.4.3: 64 bytes of 0x20, the context string, a single 0 byte, then
 * Transcript-Hash(Handshake Context, Certificate). The repeated spaces keep the content from
 * sharing a prefix with anything a TLS 1.2 server signs.
 */
export function certificateVerifyContent(
  side: CertificateVerifySide,
  transcriptHash: Uint8Array,
): Uint8Array {
  const context = new TextEncoder().encode(CERTIFICATE_VERIFY_CONTEXT[side]);
  const content = new Uint8Array(64 + context.length + 1 + transcriptHash.length);
  content.fill(0x20, 0, 64);
  content.set(context, 64);
  content[64 + context.length] = 0;
  content.set(transcriptHash, 64 + context.length + 1);
  return content;
}

/**
 * The schemes TLS 1.3 allows in CertificateVerify, with the key each needs (Section 4.2.3): RSA
 * signs only with PSS (PKCS#1 v1.5 is for certificates alone), and ECDSA's curve is bound to its
 * hash, unlike in TLS 1.2.
 */
export const TLS13_SIGNATURE_SCHEMES: ReadonlyMap<number, Exclude<SpkiKeyType, 'other'>> = new Map<
  number,
  Exclude<SpkiKeyType, 'other'>
>([
  [SignatureScheme.ecdsa_secp256r1_sha256, 'ECDSA_P256'],
  [SignatureScheme.ecdsa_secp384r1_sha384, 'ECDSA_P384'],
  [SignatureScheme.ecdsa_secp521r1_sha512, 'ECDSA_P521'],
  [SignatureScheme.rsa_pss_rsae_sha256, 'RSA'],
  [SignatureScheme.rsa_pss_rsae_sha384, 'RSA'],
  [SignatureScheme.rsa_pss_rsae_sha512, 'RSA'],
]);

/** Whether `scheme` may sign a TLS 1.3 CertificateVerify with a key of `keyType`. */
export function tls13SchemeFits(scheme: number, keyType: SpkiKeyType): boolean {
  return TLS13_SIGNATURE_SCHEMES.get(scheme) === keyType;
}

export class Tls13SchemeMismatch extends Error {
  constructor(
    readonly scheme: number,
    readonly keyType: SpkiKeyType,
  ) {
    super(`signature scheme 0x${scheme.toString(16)} cannot sign with a ${keyType} key in TLS 1.3`);
    this.name = 'Tls13SchemeMismatch';
  }
}

export async function signCertificateVerify(
  side: CertificateVerifySide,
  scheme: number,
  privateKeyPkcs8: Uint8Array,
  transcriptHash: Uint8Array,
): Promise<Uint8Array> {
  const keyType = keyTypeOfPkcs8(privateKeyPkcs8);
  if (!tls13SchemeFits(scheme, keyType)) throw new Tls13SchemeMismatch(scheme, keyType);
  return sign(scheme, privateKeyPkcs8, certificateVerifyContent(side, transcriptHash));
}

/** False for a bad signature; throws Tls13SchemeMismatch for a scheme the key cannot use. */
export async function verifyCertificateVerify(
  side: CertificateVerifySide,
  scheme: number,
  spkiDer: Uint8Array,
  transcriptHash: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const keyType = keyTypeOfSpki(spkiDer);
  if (!tls13SchemeFits(scheme, keyType)) throw new Tls13SchemeMismatch(scheme, keyType);
  return verify(scheme, spkiDer, certificateVerifyContent(side, transcriptHash), signature);
}
