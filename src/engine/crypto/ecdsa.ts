/**
 * ECDSA over P-256 with SHA-256 (TLS's ecdsa_secp256r1_sha256, RFC 8446 Section 4.2.3, used in
 * TLS 1.2 ServerKeyExchange by RFC 8422 Section 5.4), from @noble/curves. Signatures are the DER
 * ECDSA-Sig-Value TLS carries, and deterministic (RFC 6979), so they need no Rng and one seed
 * gives the same bytes every time.
 *
 * The demo PKI stores private keys as PKCS#8 DER. Rather than parse ASN.1 by hand, the private
 * scalar is read through WebCrypto (import as P-256 ECDSA, export as JWK, take `d`), which is why
 * that step is async. Public keys come from an SPKI by its fixed DER header (see spki.ts).
 */
import { p256 } from '@noble/curves/nist.js';
import { CryptoArgumentError, InvalidKeyEncoding, InvalidPublicKey } from './errors';
import { p256PointFromSpki } from './spki';
import { importKeyCached, subtle } from './webcrypto';

const SCALAR_LENGTH = 32;

/**
 * Signs SHA-256(data) with a raw 32-byte P-256 private scalar; returns a DER ECDSA-Sig-Value.
 * s is left as RFC 6979 computes it (no low-s rewrite), so the RFC's own vectors reproduce;
 * TLS verifiers accept either half.
 */
export function ecdsaSign(privateKey: Uint8Array, data: Uint8Array): Uint8Array {
  if (privateKey.length !== SCALAR_LENGTH || !p256.utils.isValidSecretKey(privateKey)) {
    throw new CryptoArgumentError(
      'privateKey',
      `must be a valid 32-byte P-256 scalar, got ${privateKey.length} bytes`,
    );
  }
  return p256.sign(data, privateKey, { prehash: true, lowS: false, format: 'der' });
}

/** The raw private scalar of a P-256 key in PKCS#8 DER. */
export async function p256PrivateKeyFromPkcs8(pkcs8Der: Uint8Array): Promise<Uint8Array> {
  const key = await importKeyCached(
    'pkcs8',
    pkcs8Der,
    { algorithm: { name: 'ECDSA', namedCurve: 'P-256' }, usages: ['sign'], extractable: true },
    'pkcs8Der',
  );
  const jwk = await subtle().exportKey('jwk', key);
  if (!jwk.d) throw new InvalidKeyEncoding('pkcs8Der', 'the P-256 key has no private scalar');
  return base64UrlDecode(jwk.d);
}

/** ecdsaSign with the key as PKCS#8 DER, as the demo PKI and the server config hold it. */
export async function ecdsaSignPkcs8(pkcs8Der: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  return ecdsaSign(await p256PrivateKeyFromPkcs8(pkcs8Der), data);
}

/**
 * Whether `derSignature` is a valid signature of SHA-256(data). `publicKey` is either a P-256
 * SubjectPublicKeyInfo (DER) or a raw SEC 1 point. High-s signatures are accepted, as OpenSSL
 * makes them. A malformed signature is simply invalid; a bad key throws.
 */
export function ecdsaVerify(
  publicKey: Uint8Array,
  data: Uint8Array,
  derSignature: Uint8Array,
): boolean {
  const point = isSec1Point(publicKey) ? publicKey : p256PointFromSpki(publicKey);
  try {
    p256.Point.fromBytes(point).assertValidity();
  } catch (e) {
    throw new InvalidPublicKey(
      'secp256r1',
      e instanceof Error ? e.message : 'not a point on the curve',
    );
  }
  try {
    return p256.verify(derSignature, data, point, { prehash: true, lowS: false, format: 'der' });
  } catch {
    // noble throws on DER it cannot parse; for a verifier that is just a signature that fails.
    return false;
  }
}

function isSec1Point(bytes: Uint8Array): boolean {
  const tag = bytes[0];
  return (
    (bytes.length === 65 && tag === 0x04) || (bytes.length === 33 && (tag === 0x02 || tag === 0x03))
  );
}

function base64UrlDecode(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
