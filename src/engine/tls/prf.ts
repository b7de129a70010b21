/**
 * The TLS 1.2 pseudorandom function (RFC 5246, Section 5): P_hash over HMAC with the suite's hash.
 * HMAC comes from @noble/hashes; the expansion is the protocol's and lives here.
 */
import { concatBytes, utf8 } from '../bytes/hex';
import { CryptoArgumentError } from '../crypto/errors';
import { hashLength, hmacWithKey, type HashName } from '../crypto/hash';

/** RFC 5246, Section 8.1. */
export const LABEL_MASTER_SECRET = 'master secret';
/** RFC 7627, Section 4. */
export const LABEL_EXTENDED_MASTER_SECRET = 'extended master secret';
/** RFC 5246, Section 6.3. */
export const LABEL_KEY_EXPANSION = 'key expansion';
/** RFC 5246, Section 7.4.9. */
export const LABEL_CLIENT_FINISHED = 'client finished';
export const LABEL_SERVER_FINISHED = 'server finished';

/**
 * P_hash(secret, seed) = HMAC(secret, A(1) ‖ seed) ‖ HMAC(secret, A(2) ‖ seed) ‖ …, where
 * A(0) = seed and A(i) = HMAC(secret, A(i-1)), cut to `length` bytes (RFC 5246, Section 5).
 */
export function pHash(
  hash: HashName,
  secret: Uint8Array,
  seed: Uint8Array,
  length: number,
): Uint8Array {
  if (!Number.isInteger(length) || length < 0) {
    throw new CryptoArgumentError('length', `must be a non-negative integer, got ${length}`);
  }
  const out = new Uint8Array(length);
  const mac = hmacWithKey(hash, secret);
  let a = seed;
  for (let at = 0; at < length; at += hashLength(hash)) {
    a = mac(a);
    const block = mac(a, seed);
    out.set(block.subarray(0, Math.min(block.length, length - at)), at);
  }
  return out;
}

/** PRF(secret, label, seed) = P_<hash>(secret, label ‖ seed), the label in ASCII (RFC 5246, Section 5). */
export function prf(
  hash: HashName,
  secret: Uint8Array,
  label: string,
  seed: Uint8Array,
  length: number,
): Uint8Array {
  return pHash(hash, secret, concatBytes(utf8(label), seed), length);
}
