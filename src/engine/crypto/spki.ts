/**
 * What kind of key a SubjectPublicKeyInfo or a PKCS#8 PrivateKeyInfo holds, and the raw point of
 * an EC public key, without an ASN.1 parser. DER is canonical (X.690, Section 10), so each key
 * type we support has exactly one encoding of its AlgorithmIdentifier, and a NIST-curve key with
 * an uncompressed point has exactly one header before the point. Comparing against those
 * constants is all it takes. Anything else is 'other'; full certificate parsing belongs to the
 * X.509 library.
 */
import { bytesEqual, fromHex } from '../bytes/hex';
import { InvalidKeyEncoding } from './errors';

/** The NIST curves ECDSA keys may be on (RFC 8422, Section 5.1.1; FIPS 186-5). */
export type EcdsaCurve = 'P-256' | 'P-384' | 'P-521';
export type SpkiKeyType = 'RSA' | 'ECDSA_P256' | 'ECDSA_P384' | 'ECDSA_P521' | 'other';

/** SEQUENCE { rsaEncryption (1.2.840.113549.1.1.1), NULL } (RFC 3279, Section 2.3.1). */
const RSA_ALGORITHM = fromHex('300d06092a864886f70d0101010500');

interface EcKeyFormat {
  curve: EcdsaCurve;
  keyType: SpkiKeyType;
  /** SEQUENCE { id-ecPublicKey (1.2.840.10045.2.1), namedCurve OID } (RFC 5480, Section 2.1.1). */
  algorithm: Uint8Array;
  /** The SPKI's bytes before the point: outer SEQUENCE, `algorithm`, BIT STRING header, 0 unused bits. */
  spkiHeader: Uint8Array;
  /** 0x04 ‖ X ‖ Y (SEC 1, Section 2.3.3). */
  pointLength: number;
}

const EC_FORMATS: readonly EcKeyFormat[] = [
  {
    curve: 'P-256',
    keyType: 'ECDSA_P256',
    algorithm: fromHex('301306072a8648ce3d020106082a8648ce3d030107'), // prime256v1
    spkiHeader: fromHex('3059301306072a8648ce3d020106082a8648ce3d030107034200'),
    pointLength: 65,
  },
  {
    curve: 'P-384',
    keyType: 'ECDSA_P384',
    algorithm: fromHex('301006072a8648ce3d020106052b81040022'), // secp384r1 (1.3.132.0.34)
    spkiHeader: fromHex('3076301006072a8648ce3d020106052b81040022036200'),
    pointLength: 97,
  },
  {
    curve: 'P-521',
    keyType: 'ECDSA_P521',
    algorithm: fromHex('301006072a8648ce3d020106052b81040023'), // secp521r1 (1.3.132.0.35)
    spkiHeader: fromHex('30819b301006072a8648ce3d020106052b8104002303818600'),
    pointLength: 133,
  },
];

/** PrivateKeyInfo's version field, INTEGER 0 (RFC 5208, Section 5). */
const PKCS8_VERSION = fromHex('020100');

/** The offset just past the outer SEQUENCE's tag and length, or -1 if they do not fit the input. */
function outerContentOffset(der: Uint8Array): number {
  if (der.length < 2 || der[0] !== 0x30) return -1;
  const first = der[1]!;
  let offset = 2;
  let length = first;
  if (first & 0x80) {
    // Long form: the low bits count the length bytes that follow (X.690, Section 8.1.3.5).
    const count = first & 0x7f;
    if (count === 0 || count > 3 || der.length < 2 + count) return -1;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[2 + i]!;
    offset = 2 + count;
  }
  return offset + length === der.length ? offset : -1;
}

function startsWithAt(bytes: Uint8Array, at: number, prefix: Uint8Array): boolean {
  return (
    at + prefix.length <= bytes.length && bytesEqual(bytes.subarray(at, at + prefix.length), prefix)
  );
}

/** The key type named by the AlgorithmIdentifier that starts at `at`. */
function keyTypeAt(der: Uint8Array, at: number): SpkiKeyType {
  if (startsWithAt(der, at, RSA_ALGORITHM)) return 'RSA';
  return EC_FORMATS.find((f) => startsWithAt(der, at, f.algorithm))?.keyType ?? 'other';
}

export function keyTypeOfSpki(spkiDer: Uint8Array): SpkiKeyType {
  const at = outerContentOffset(spkiDer);
  return at < 0 ? 'other' : keyTypeAt(spkiDer, at);
}

/**
 * The key type of a PKCS#8 PrivateKeyInfo (RFC 5208, Section 5): its AlgorithmIdentifier follows
 * the version, as in an SPKI it comes first. Whether the key itself is sound is for WebCrypto.
 */
export function keyTypeOfPkcs8(pkcs8Der: Uint8Array): SpkiKeyType {
  const at = outerContentOffset(pkcs8Der);
  if (at < 0 || !startsWithAt(pkcs8Der, at, PKCS8_VERSION)) return 'other';
  return keyTypeAt(pkcs8Der, at + PKCS8_VERSION.length);
}

/** The curve of an ECDSA key type, or undefined for RSA and 'other'. */
export function curveOfKeyType(keyType: string): EcdsaCurve | undefined {
  return EC_FORMATS.find((f) => f.keyType === keyType)?.curve;
}

/**
 * The uncompressed SEC 1 point (0x04 ‖ X ‖ Y) of an SPKI on `curve`. Whether it is on the curve
 * is checked where it is used.
 */
export function ecPointFromSpki(spkiDer: Uint8Array, curve: EcdsaCurve): Uint8Array {
  const format = EC_FORMATS.find((f) => f.curve === curve)!;
  const at = format.spkiHeader.length;
  if (
    spkiDer.length !== at + format.pointLength ||
    !startsWithAt(spkiDer, 0, format.spkiHeader) ||
    spkiDer[at] !== 0x04
  ) {
    throw new InvalidKeyEncoding(
      'spkiDer',
      `not a ${curve} SubjectPublicKeyInfo with an uncompressed point`,
    );
  }
  return spkiDer.slice(at);
}

/** ecPointFromSpki on P-256. */
export function p256PointFromSpki(spkiDer: Uint8Array): Uint8Array {
  return ecPointFromSpki(spkiDer, 'P-256');
}
