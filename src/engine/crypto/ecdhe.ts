/**
 * Ephemeral elliptic-curve Diffie-Hellman for ECDHE key exchange: X25519 (RFC 7748) and the NIST
 * curves P-256, P-384 and P-521 (RFC 8422). Curve arithmetic comes from @noble/curves; this file fixes the
 * TLS wire formats and turns bad peer points into one typed error.
 */
import { x25519 } from '@noble/curves/ed25519.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import type { Rng } from '../sim/rng';
import { CryptoArgumentError, InvalidPublicKey } from './errors';

export type GroupName = 'x25519' | NistGroup;
type NistGroup = 'secp256r1' | 'secp384r1' | 'secp521r1';

export interface KeyShare {
  privateKey: Uint8Array;
  /** In TLS wire format: see publicKeyLength. */
  publicKey: Uint8Array;
}

const NIST = { secp256r1: p256, secp384r1: p384, secp521r1: p521 } as const;
const X25519_LENGTH = 32;
/** RFC 8422, Section 5.4: the uncompressed form 0x04 ‖ X ‖ Y. */
const UNCOMPRESSED = 0x04;

function nistCurve(group: NistGroup): (typeof NIST)[typeof group] {
  return NIST[group];
}

function checkGroup(group: GroupName): void {
  if (group !== 'x25519' && !(group in NIST)) {
    throw new CryptoArgumentError('group', `unknown group '${String(group)}'`);
  }
}

/**
 * The length of a public key on the wire: 32 bytes for X25519 (RFC 7748, Section 5), and
 * 1 + 2 × field size for an uncompressed NIST point (65 for P-256, 97 for P-384, 133 for P-521).
 */
export function publicKeyLength(group: GroupName): number {
  checkGroup(group);
  return group === 'x25519' ? X25519_LENGTH : nistCurve(group).lengths.publicKeyUncompressed!;
}

/** The length of the shared secret: X25519's output, or a NIST curve's X coordinate. */
export function sharedSecretLength(group: GroupName): number {
  checkGroup(group);
  return group === 'x25519' ? X25519_LENGTH : nistCurve(group).lengths.secretKey!;
}

/**
 * A fresh key pair whose private key comes from `rng`, so a seed reproduces it.
 * X25519 uses 32 random bytes as the scalar (RFC 7748, Section 6.1; clamping happens inside the
 * function). The NIST curves reduce a seed half again as long as the group order into [1, n - 1]
 * (noble's mapHashToField, after FIPS 186-5 Appendix A.2.1): negligible bias and, unlike rejection
 * sampling, a fixed number of RNG bytes per key.
 */
export function generateKeyShare(group: GroupName, rng: Rng): KeyShare {
  checkGroup(group);
  if (group === 'x25519') {
    const privateKey = rng.bytes(X25519_LENGTH);
    return { privateKey, publicKey: x25519.getPublicKey(privateKey) };
  }
  const curve = nistCurve(group);
  const { secretKey } = curve.keygen(rng.bytes(curve.lengths.seed!));
  return { privateKey: secretKey, publicKey: curve.getPublicKey(secretKey, false) };
}

/**
 * The ECDH shared secret: X25519's 32-byte output, or for NIST curves only the X coordinate of
 * the shared point (RFC 8422, Section 5.10). Throws InvalidPublicKey for a point that is not on
 * the curve, not in the uncompressed form, or of low order.
 */
export function computeSharedSecret(
  group: GroupName,
  privateKey: Uint8Array,
  peerPublic: Uint8Array,
): Uint8Array {
  checkGroup(group);
  return group === 'x25519'
    ? x25519Shared(privateKey, peerPublic)
    : nistShared(group, privateKey, peerPublic);
}

function x25519Shared(privateKey: Uint8Array, peerPublic: Uint8Array): Uint8Array {
  if (privateKey.length !== X25519_LENGTH) {
    throw new CryptoArgumentError(
      'privateKey',
      `x25519 private key must be 32 bytes, got ${privateKey.length}`,
    );
  }
  if (peerPublic.length !== X25519_LENGTH) {
    throw new InvalidPublicKey('x25519', `must be 32 bytes, got ${peerPublic.length}`);
  }
  let shared: Uint8Array;
  try {
    shared = x25519.getSharedSecret(privateKey, peerPublic);
  } catch {
    // noble refuses the known low-order u-coordinates up front rather than computing zero.
    throw new InvalidPublicKey(
      'x25519',
      'a low-order point (the shared secret would be all zeros, RFC 7748 Section 6.1)',
    );
  }
  // RFC 7748, Section 6.1: an all-zero output MUST be rejected. noble already does; checking
  // here too keeps the rule true if the library's behaviour ever changes.
  if (shared.every((b) => b === 0)) {
    throw new InvalidPublicKey('x25519', 'the shared secret is all zeros (RFC 7748 Section 6.1)');
  }
  return shared;
}

function nistShared(group: NistGroup, privateKey: Uint8Array, peerPublic: Uint8Array): Uint8Array {
  const curve = nistCurve(group);
  if (privateKey.length !== curve.lengths.secretKey) {
    throw new CryptoArgumentError(
      'privateKey',
      `${group} private key must be ${curve.lengths.secretKey} bytes, got ${privateKey.length}`,
    );
  }
  // RFC 8422, Section 5.1.2: only the uncompressed format is allowed for these curves.
  const expected = curve.lengths.publicKeyUncompressed!;
  if (peerPublic.length !== expected || peerPublic[0] !== UNCOMPRESSED) {
    throw new InvalidPublicKey(
      group,
      `must be an uncompressed point of ${expected} bytes starting 0x04`,
    );
  }
  let compressed: Uint8Array;
  try {
    // Decoding checks that the point is on the curve (RFC 8422, Section 5.11, via SEC 1 3.2.2).
    compressed = curve.getSharedSecret(privateKey, peerPublic, true);
  } catch (e) {
    throw new InvalidPublicKey(group, e instanceof Error ? e.message : 'not a point on the curve');
  }
  // The compressed encoding is one parity byte followed by X, which is the premaster secret.
  return compressed.slice(1);
}
