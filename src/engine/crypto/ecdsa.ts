/**
 * ECDSA over the NIST curves P-256, P-384 and P-521 with SHA-256, SHA-384 or SHA-512 (FIPS 186-5;
 * TLS's ecdsa_secp256r1_sha256, ecdsa_secp384r1_sha384 and ecdsa_secp521r1_sha512, RFC 8446
 * Section 4.2.3, used in TLS 1.2 ServerKeyExchange by RFC 8422 Section 5.4), from @noble/curves.
 * In TLS 1.2 the scheme fixes only the hash, not the curve (RFC 8422, Section 5.10; the curve
 * binding is TLS 1.3's), so curve and hash are chosen apart. Signatures are the DER
 * ECDSA-Sig-Value TLS carries, and deterministic (RFC 6979, with HMAC-DRBG on the message hash as
 * Section 3.2 says), so they need no Rng and one seed gives the same bytes every time.
 *
 * Private keys arrive as PKCS#8 DER. Rather than parse ASN.1 by hand, the private scalar is read
 * through WebCrypto (import as ECDSA on the key's curve, export as JWK, take `d`), which is why
 * that step is async. Public keys come from an SPKI by its fixed DER header (see spki.ts).
 * Verification needs no determinism, so the handshake's goes to WebCrypto (ecdsaVerifyNative).
 */
import { ecdsa, type ECDSA } from '@noble/curves/abstract/weierstrass.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { bytesEqual } from '../bytes/hex';
import { CryptoArgumentError, InvalidKeyEncoding, InvalidPublicKey } from './errors';
import { ecPointFromSpki, type EcdsaCurve } from './spki';
import { bufferOf, importKeyCached, importedKeyNow, subtle, type ImportSpec } from './webcrypto';

export type { EcdsaCurve } from './spki';
export type EcdsaHash = 'SHA-256' | 'SHA-384' | 'SHA-512';

export interface EcdsaParams {
  curve: EcdsaCurve;
  hash: EcdsaHash;
}

/** What ecdsa_secp256r1_sha256 means, and the default of every function here. */
export const P256_SHA256: EcdsaParams = { curve: 'P-256', hash: 'SHA-256' };

const CURVES = { 'P-256': p256, 'P-384': p384, 'P-521': p521 } as const;
const HASHES = { 'SHA-256': sha256, 'SHA-384': sha384, 'SHA-512': sha512 } as const;
/** SEC 1 names, as InvalidPublicKey reports them. */
const SEC_NAMES: Readonly<Record<EcdsaCurve, string>> = {
  'P-256': 'secp256r1',
  'P-384': 'secp384r1',
  'P-521': 'secp521r1',
};

const instances = new Map<string, ECDSA>();

/** noble's ECDSA on `curve` hashing with `hash`, both for the message and for RFC 6979's k. */
function ecdsaOf({ curve, hash }: EcdsaParams): ECDSA {
  // Checked at run time too: lab scenarios are data, and a typo there should fail clearly.
  const c = (CURVES as Record<string, (typeof CURVES)[EcdsaCurve] | undefined>)[curve];
  const h = (HASHES as Record<string, (typeof HASHES)[EcdsaHash] | undefined>)[hash];
  if (!c) throw new CryptoArgumentError('curve', `unknown curve '${String(curve)}'`);
  if (!h) throw new CryptoArgumentError('hash', `unknown hash '${String(hash)}'`);
  const id = `${curve}/${hash}`;
  let instance = instances.get(id);
  if (!instance) {
    instance = ecdsa(c.Point, h);
    instances.set(id, instance);
  }
  return instance;
}

/**
 * Signs hash(data) with a raw private scalar on `params.curve` (32, 48 or 66 bytes); returns a
 * DER ECDSA-Sig-Value. s is left as RFC 6979 computes it (no low-s rewrite), so the RFC's own
 * vectors reproduce; TLS verifiers accept either half.
 */
export function ecdsaSign(
  privateKey: Uint8Array,
  data: Uint8Array,
  params: EcdsaParams = P256_SHA256,
): Uint8Array {
  const signer = ecdsaOf(params);
  const length = signer.lengths.secretKey!;
  if (privateKey.length !== length || !signer.utils.isValidSecretKey(privateKey)) {
    throw new CryptoArgumentError(
      'privateKey',
      `must be a valid ${length}-byte ${params.curve} scalar, got ${privateKey.length} bytes`,
    );
  }
  return signer.sign(data, privateKey, { prehash: true, lowS: false, format: 'der' });
}

/**
 * Scalars already read, by the PKCS#8 array they were read from: a server signs with its one key
 * again and again, and each read is an import and a JWK export. An entry is used only while the
 * array still holds the same bytes.
 */
const scalars = new WeakMap<
  Uint8Array,
  { der: Uint8Array; curve: EcdsaCurve; scalar: Promise<Uint8Array> }
>();

/** The raw private scalar of an EC key on `curve` in PKCS#8 DER. */
export function ecPrivateKeyFromPkcs8(
  pkcs8Der: Uint8Array,
  curve: EcdsaCurve,
): Promise<Uint8Array> {
  const known = scalars.get(pkcs8Der);
  if (known && known.curve === curve && bytesEqual(known.der, pkcs8Der)) return known.scalar;
  const scalar = readScalar(pkcs8Der, curve);
  const entry = { der: pkcs8Der.slice(), curve, scalar };
  scalars.set(pkcs8Der, entry);
  scalar.catch(() => {
    if (scalars.get(pkcs8Der) === entry) scalars.delete(pkcs8Der);
  });
  return scalar;
}

async function readScalar(pkcs8Der: Uint8Array, curve: EcdsaCurve): Promise<Uint8Array> {
  const key = await importKeyCached(
    'pkcs8',
    pkcs8Der,
    { algorithm: { name: 'ECDSA', namedCurve: curve }, usages: ['sign'], extractable: true },
    'pkcs8Der',
  );
  const jwk = await subtle().exportKey('jwk', key);
  if (!jwk.d) throw new InvalidKeyEncoding('pkcs8Der', `the ${curve} key has no private scalar`);
  return base64UrlDecode(jwk.d);
}

/** ecPrivateKeyFromPkcs8 on P-256. */
export function p256PrivateKeyFromPkcs8(pkcs8Der: Uint8Array): Promise<Uint8Array> {
  return ecPrivateKeyFromPkcs8(pkcs8Der, 'P-256');
}

/** ecdsaSign with the key as PKCS#8 DER, as the demo PKI and the server config hold it. */
export async function ecdsaSignPkcs8(
  pkcs8Der: Uint8Array,
  data: Uint8Array,
  params: EcdsaParams = P256_SHA256,
): Promise<Uint8Array> {
  return ecdsaSign(await ecPrivateKeyFromPkcs8(pkcs8Der, params.curve), data, params);
}

/**
 * Whether `derSignature` is a valid signature of hash(data). `publicKey` is either an SPKI (DER)
 * on `params.curve` or a raw SEC 1 point. High-s signatures are accepted, as OpenSSL makes them.
 * A malformed signature is simply invalid; a bad key throws.
 */
export function ecdsaVerify(
  publicKey: Uint8Array,
  data: Uint8Array,
  derSignature: Uint8Array,
  params: EcdsaParams = P256_SHA256,
): boolean {
  const verifier = ecdsaOf(params);
  const point = checkedPoint(publicKey, params, verifier);
  try {
    return verifier.verify(derSignature, data, point, {
      prehash: true,
      lowS: false,
      format: 'der',
    });
  } catch {
    // noble throws on DER it cannot parse; for a verifier that is just a signature that fails.
    return false;
  }
}

/**
 * ecdsaVerify with the arithmetic in WebCrypto, which does in tens of microseconds what takes
 * about a millisecond in JavaScript on P-256. The key and the signature's DER are checked here as
 * ecdsaVerify checks them, so the answers and the errors are the same; a key this runtime's
 * WebCrypto will not import (a curve it lacks, a compressed point) goes to ecdsaVerify.
 */
export async function ecdsaVerifyNative(
  publicKey: Uint8Array,
  data: Uint8Array,
  derSignature: Uint8Array,
  params: EcdsaParams = P256_SHA256,
): Promise<boolean> {
  const verifier = ecdsaOf(params);
  const isPoint = isSec1Point(publicKey, verifier);
  checkedPoint(publicKey, params, verifier);
  let rs: Uint8Array;
  try {
    // WebCrypto takes r ‖ s, each the size of the group order.
    rs = verifier.Signature.fromBytes(derSignature, 'der').toBytes('compact');
  } catch {
    return false;
  }
  const format = isPoint ? 'raw' : 'spki';
  const spec: ImportSpec = {
    algorithm: { name: 'ECDSA', namedCurve: params.curve },
    usages: ['verify'],
    extractable: false,
  };
  let key: CryptoKey;
  try {
    key =
      importedKeyNow(format, publicKey, spec) ??
      (await importKeyCached(format, publicKey, spec, 'publicKey'));
  } catch {
    return ecdsaVerify(publicKey, data, derSignature, params);
  }
  return subtle().verify({ name: 'ECDSA', hash: params.hash }, key, bufferOf(rs), bufferOf(data));
}

/** The SEC 1 point `publicKey` is or holds, checked to be on `params.curve`. */
function checkedPoint(publicKey: Uint8Array, params: EcdsaParams, verifier: ECDSA): Uint8Array {
  const point = isSec1Point(publicKey, verifier)
    ? publicKey
    : ecPointFromSpki(publicKey, params.curve);
  try {
    verifier.Point.fromBytes(point).assertValidity();
  } catch (e) {
    throw new InvalidPublicKey(
      SEC_NAMES[params.curve],
      e instanceof Error ? e.message : 'not a point on the curve',
    );
  }
  return point;
}

function isSec1Point(bytes: Uint8Array, curve: ECDSA): boolean {
  const tag = bytes[0];
  return (
    (bytes.length === curve.lengths.publicKeyUncompressed && tag === 0x04) ||
    (bytes.length === curve.lengths.publicKey && (tag === 0x02 || tag === 0x03))
  );
}

function base64UrlDecode(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
