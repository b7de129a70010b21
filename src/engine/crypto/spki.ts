/**
 * What kind of public key a SubjectPublicKeyInfo holds, and the raw point of a P-256 one, without
 * an ASN.1 parser. DER is canonical (X.690, Section 10), so each key type we support has exactly
 * one encoding of its AlgorithmIdentifier, and a P-256 key with an uncompressed point has exactly
 * one 26-byte header before the point. Comparing against those constants is all it takes. Anything
 * else is 'other'; full certificate parsing belongs to the X.509 library.
 */
import { bytesEqual, fromHex } from '../bytes/hex';
import { InvalidKeyEncoding } from './errors';

export type SpkiKeyType = 'RSA' | 'ECDSA_P256' | 'other';

/** SEQUENCE { rsaEncryption (1.2.840.113549.1.1.1), NULL } (RFC 3279, Section 2.3.1). */
const RSA_ALGORITHM = fromHex('300d06092a864886f70d0101010500');
/** SEQUENCE { id-ecPublicKey (1.2.840.10045.2.1), prime256v1 (1.2.840.10045.3.1.7) } (RFC 5480, Section 2.1.1). */
const P256_ALGORITHM = fromHex('301306072a8648ce3d020106082a8648ce3d030107');
/** SEQUENCE (89 bytes) { P256_ALGORITHM, BIT STRING (66 bytes, 0 unused bits) { point } }. */
const P256_SPKI_HEADER = fromHex('3059301306072a8648ce3d020106082a8648ce3d030107034200');
/** 0x04 ‖ X ‖ Y (SEC 1, Section 2.3.3). */
const P256_POINT_LENGTH = 65;

/** The offset just past the outer SEQUENCE's tag and length, or -1 if they do not fit the input. */
function outerContentOffset(spki: Uint8Array): number {
  if (spki.length < 2 || spki[0] !== 0x30) return -1;
  const first = spki[1]!;
  let offset = 2;
  let length = first;
  if (first & 0x80) {
    // Long form: the low bits count the length bytes that follow (X.690, Section 8.1.3.5).
    const count = first & 0x7f;
    if (count === 0 || count > 3 || spki.length < 2 + count) return -1;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + spki[2 + i]!;
    offset = 2 + count;
  }
  return offset + length === spki.length ? offset : -1;
}

function startsWithAt(bytes: Uint8Array, at: number, prefix: Uint8Array): boolean {
  return (
    at + prefix.length <= bytes.length && bytesEqual(bytes.subarray(at, at + prefix.length), prefix)
  );
}

export function keyTypeOfSpki(spkiDer: Uint8Array): SpkiKeyType {
  const at = outerContentOffset(spkiDer);
  if (at < 0) return 'other';
  if (startsWithAt(spkiDer, at, RSA_ALGORITHM)) return 'RSA';
  if (startsWithAt(spkiDer, at, P256_ALGORITHM)) return 'ECDSA_P256';
  return 'other';
}

/** The uncompressed SEC 1 point (0x04 ‖ X ‖ Y) of a P-256 SPKI. Whether it is on the curve is checked where it is used. */
export function p256PointFromSpki(spkiDer: Uint8Array): Uint8Array {
  const at = P256_SPKI_HEADER.length;
  if (
    spkiDer.length !== at + P256_POINT_LENGTH ||
    !startsWithAt(spkiDer, 0, P256_SPKI_HEADER) ||
    spkiDer[at] !== 0x04
  ) {
    throw new InvalidKeyEncoding(
      'spkiDer',
      'not a P-256 SubjectPublicKeyInfo with an uncompressed point',
    );
  }
  return spkiDer.slice(at);
}
