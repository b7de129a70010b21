/**
 * Ephemeral elliptic-curve Diffie-Hellman for ECDHE key exchange: X25519 (RFC 7748) and the NIST
 * curves P-256, P-384 and P-521 (RFC 8422). This file fixes the TLS wire formats and turns bad peer
 * points into one typed error; the curve arithmetic is WebCrypto's where the runtime implements the
 * group (Node 20, current Chromium and Firefox), and @noble/curves' where it does not.
 *
 * The private scalar comes from the injected Rng and is imported into WebCrypto as PKCS#8, so one
 * seed gives the same key share on either path. Only an Rng that no seed reproduces (the CLI's
 * SystemRng against real peers) lets WebCrypto generate the key itself.
 */
import { concatBytes, fromHex } from '../bytes/hex';
import { loadOnce } from '../load-once';
import type { Rng } from '../sim/rng';
import { CryptoArgumentError, InvalidPublicKey } from './errors';
import { bufferOf, subtle } from './webcrypto';

export type GroupName = 'x25519' | 'secp256r1' | 'secp384r1' | 'secp521r1';

export interface KeyShare {
  privateKey: Uint8Array;
  /** In TLS wire format: see publicKeyLength. */
  publicKey: Uint8Array;
}

/**
 * Field size in bytes (SEC 2, Section 2.4): the scalar's length, and half an uncompressed point's
 * coordinates. Written out so the wire checks need no curve arithmetic loaded.
 */
const NIST_FIELD_BYTES = { secp256r1: 32, secp384r1: 48, secp521r1: 66 } as const;
type NistGroup = keyof typeof NIST_FIELD_BYTES;
const X25519_LENGTH = 32;
/** RFC 8422, Section 5.4: the uncompressed form 0x04 ‖ X ‖ Y. */
const UNCOMPRESSED = 0x04;

/**
 * @noble/curves, fetched with import() only when a NIST scalar is drawn from the Rng or WebCrypto
 * lacks a group: the default handshake (X25519 in WebCrypto) never needs it, so it stays out of the
 * page's first load.
 */
const loadNist = loadOnce(() => import('@noble/curves/nist.js'));
const loadEd25519 = loadOnce(() => import('@noble/curves/ed25519.js'));

async function nistCurve(group: NistGroup) {
  const { p256, p384, p521 } = await loadNist();
  return { secp256r1: p256, secp384r1: p384, secp521r1: p521 }[group];
}

async function nobleX25519() {
  return (await loadEd25519()).x25519;
}

function uncompressedLength(group: NistGroup): number {
  return 1 + 2 * NIST_FIELD_BYTES[group];
}

function checkGroup(group: GroupName): void {
  if (group !== 'x25519' && !(group in NIST_FIELD_BYTES)) {
    throw new CryptoArgumentError('group', `unknown group '${String(group)}'`);
  }
}

/**
 * The length of a public key on the wire: 32 bytes for X25519 (RFC 7748, Section 5), and
 * 1 + 2 × field size for an uncompressed NIST point (65 for P-256, 97 for P-384, 133 for P-521).
 */
export function publicKeyLength(group: GroupName): number {
  checkGroup(group);
  return group === 'x25519' ? X25519_LENGTH : uncompressedLength(group);
}

/** The length of the shared secret: X25519's output, or a NIST curve's X coordinate. */
export function sharedSecretLength(group: GroupName): number {
  checkGroup(group);
  return group === 'x25519' ? X25519_LENGTH : NIST_FIELD_BYTES[group];
}

/** The arithmetic behind the exported functions; both take and return the same bytes. */
export interface EcdheBackend {
  /** The wire-format public key of a private key (already checked for length). */
  publicKey(group: GroupName, privateKey: Uint8Array): Promise<Uint8Array>;
  /**
   * The raw ECDH output (X25519's 32 bytes, a NIST point's X coordinate) with a peer key whose
   * length and prefix are already checked; throws InvalidPublicKey for a point it refuses.
   */
  sharedSecret(
    group: GroupName,
    privateKey: Uint8Array,
    peerPublic: Uint8Array,
  ): Promise<Uint8Array>;
  /** A fresh key pair from the backend's own CSPRNG; absent where it has none to offer. */
  generate?(group: GroupName): Promise<KeyShare>;
}

/**
 * A fresh key pair whose private key comes from `rng`, so a seed reproduces it.
 * X25519 uses 32 random bytes as the scalar (RFC 7748, Section 6.1; clamping happens inside the
 * function). The NIST curves reduce a seed half again as long as the group order into [1, n - 1]
 * (noble's mapHashToField, after FIPS 186-5 Appendix A.2.1): negligible bias and, unlike rejection
 * sampling, a fixed number of RNG bytes per key.
 */
export async function generateKeyShare(group: GroupName, rng: Rng): Promise<KeyShare> {
  checkGroup(group);
  const backend = await backendFor(group);
  // SystemRng is getRandomValues, the CSPRNG WebCrypto's generateKey draws from too, so for an
  // Rng that reproduces nothing, letting WebCrypto draw the key changes nothing but the cost: the
  // PKCS#8 import of a scalar takes OpenSSL 3 about 0.4 ms of main thread (most of it setting up
  // its decoders), more than the whole key generation.
  if (!rng.reproducible && backend.generate) return backend.generate(group);
  let privateKey: Uint8Array;
  if (group === 'x25519') privateKey = rng.bytes(X25519_LENGTH);
  else {
    const curve = await nistCurve(group);
    privateKey = curve.utils.randomSecretKey(rng.bytes(curve.lengths.seed!));
  }
  return { privateKey, publicKey: await backend.publicKey(group, privateKey) };
}

/**
 * The ECDH shared secret: X25519's 32-byte output, or for NIST curves only the X coordinate of
 * the shared point (RFC 8422, Section 5.10). Throws InvalidPublicKey for a point that is not on
 * the curve, not in the uncompressed form, or of low order.
 */
export async function computeSharedSecret(
  group: GroupName,
  privateKey: Uint8Array,
  peerPublic: Uint8Array,
): Promise<Uint8Array> {
  checkGroup(group);
  checkPrivateKey(group, privateKey);
  checkPeerPublic(group, peerPublic);
  const shared = await (await backendFor(group)).sharedSecret(group, privateKey, peerPublic);
  // RFC 7748, Section 6.1: an all-zero X25519 output MUST be rejected. Both backends already
  // refuse it; checking here too keeps the rule true whichever one ran.
  if (group === 'x25519' && shared.every((b) => b === 0)) throw lowOrder();
  return shared;
}

function checkPrivateKey(group: GroupName, privateKey: Uint8Array): void {
  const expected = group === 'x25519' ? X25519_LENGTH : NIST_FIELD_BYTES[group];
  if (privateKey.length !== expected) {
    throw new CryptoArgumentError(
      'privateKey',
      `${group} private key must be ${expected} bytes, got ${privateKey.length}`,
    );
  }
}

function checkPeerPublic(group: GroupName, peerPublic: Uint8Array): void {
  if (group === 'x25519') {
    if (peerPublic.length !== X25519_LENGTH)
      throw new InvalidPublicKey('x25519', `must be 32 bytes, got ${peerPublic.length}`);
    return;
  }
  // RFC 8422, Section 5.1.2: only the uncompressed format is allowed for these curves.
  const expected = uncompressedLength(group);
  if (peerPublic.length !== expected || peerPublic[0] !== UNCOMPRESSED) {
    throw new InvalidPublicKey(
      group,
      `must be an uncompressed point of ${expected} bytes starting 0x04`,
    );
  }
}

function lowOrder(): InvalidPublicKey {
  return new InvalidPublicKey(
    'x25519',
    'a low-order point (the shared secret would be all zeros, RFC 7748 Section 6.1)',
  );
}

/** One sentence for a NIST point either backend refuses, so the Trace is the same on both. */
function offCurve(group: GroupName): InvalidPublicKey {
  return new InvalidPublicKey(group, 'not a point on the curve (RFC 8422, Section 5.11)');
}

/** @noble/curves: pure JavaScript, for runtimes whose WebCrypto lacks the group. */
export const nobleEcdhe: EcdheBackend = {
  async publicKey(group, privateKey) {
    return group === 'x25519'
      ? (await nobleX25519()).getPublicKey(privateKey)
      : (await nistCurve(group)).getPublicKey(privateKey, false);
  },
  async sharedSecret(group, privateKey, peerPublic) {
    if (group === 'x25519') {
      const x25519 = await nobleX25519();
      try {
        return x25519.getSharedSecret(privateKey, peerPublic);
      } catch {
        // noble refuses the known low-order u-coordinates up front rather than computing zero.
        throw lowOrder();
      }
    }
    const curve = await nistCurve(group);
    let compressed: Uint8Array;
    try {
      // Decoding checks that the point is on the curve (RFC 8422, Section 5.11, via SEC 1 3.2.2).
      compressed = curve.getSharedSecret(privateKey, peerPublic, true);
    } catch {
      throw offCurve(group);
    }
    // The compressed encoding is one parity byte followed by X, which is the premaster secret.
    return compressed.slice(1);
  },
};

/**
 * PKCS#8 PrivateKeyInfo (RFC 5208, Section 5) up to the private key bytes, which follow it:
 * for X25519 the CurvePrivateKey OCTET STRING of RFC 8410, Section 7; for the NIST curves an
 * ECPrivateKey (RFC 5915, Section 3) holding only the scalar, the curve named in the
 * AlgorithmIdentifier (RFC 5480, Section 2.1.1). The public key is optional and left out:
 * WebCrypto computes it, which is how we learn it.
 */
const PKCS8_PREFIX: Readonly<Record<GroupName, Uint8Array>> = {
  // SEQUENCE { INTEGER 0, SEQUENCE { id-X25519 }, OCTET STRING { OCTET STRING (32 bytes) } }
  x25519: fromHex('302e' + '020100' + '300506032b656e' + '0422' + '0420'),
  // SEQUENCE { INTEGER 0, SEQUENCE { id-ecPublicKey, prime256v1 },
  //   OCTET STRING { SEQUENCE { INTEGER 1, OCTET STRING (32 bytes) } } }
  secp256r1: fromHex(
    '3041' +
      '020100' +
      '301306072a8648ce3d020106082a8648ce3d030107' +
      '0427' +
      '3025020101' +
      '0420',
  ),
  // The same with secp384r1 and a 48-byte scalar.
  secp384r1: fromHex(
    '304e' + '020100' + '301006072a8648ce3d020106052b81040022' + '0437' + '3035020101' + '0430',
  ),
  // And with secp521r1 and a 66-byte scalar.
  secp521r1: fromHex(
    '3060' + '020100' + '301006072a8648ce3d020106052b81040023' + '0449' + '3047020101' + '0442',
  ),
};

const WEBCRYPTO_ALGORITHM: Readonly<Record<GroupName, Algorithm | EcKeyImportParams>> = {
  x25519: { name: 'X25519' },
  secp256r1: { name: 'ECDH', namedCurve: 'P-256' },
  secp384r1: { name: 'ECDH', namedCurve: 'P-384' },
  secp521r1: { name: 'ECDH', namedCurve: 'P-521' },
};

/**
 * Private keys imported by publicKey(), found again by sharedSecret() for the same bytes: a
 * handshake computes the public key and later the shared secret with one private key, and a
 * second PKCS#8 import would cost more than the scalar multiplication. Keyed by the array itself,
 * so an entry lives exactly as long as the key share that holds it.
 */
const importedPrivateKeys = new WeakMap<Uint8Array, Promise<CryptoKey>>();

function importPrivate(group: GroupName, privateKey: Uint8Array): Promise<CryptoKey> {
  let key = importedPrivateKeys.get(privateKey);
  if (!key) {
    key = subtle().importKey(
      'pkcs8',
      bufferOf(concatBytes(PKCS8_PREFIX[group], privateKey)),
      WEBCRYPTO_ALGORITHM[group],
      true,
      ['deriveBits'],
    );
    importedPrivateKeys.set(privateKey, key);
  }
  return key;
}

/** base64url digit values (RFC 4648, Section 5), by character code; -1 for anything else. */
const BASE64URL = (() => {
  const table = new Int8Array(128).fill(-1);
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let i = 0; i < digits.length; i++) table[digits.charCodeAt(i)] = i;
  return table;
})();

/** Unpadded base64url, as JWK members are (RFC 7515, Section 2). */
function base64UrlDecode(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new CryptoArgumentError('jwk', 'not base64url');
  const out = new Uint8Array((text.length * 3) >> 2);
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = BASE64URL[text.charCodeAt(i)] ?? -1;
    if (digit < 0) throw new CryptoArgumentError('jwk', 'not base64url');
    value = ((value << 6) | digit) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * The wire-format public key in the JWK of a private key: x for X25519 (RFC 8037, Section 2),
 * x and y, each the full field size, for the NIST curves (RFC 7518, Section 6.2.1).
 */
function publicKeyOfJwk(group: GroupName, jwk: JsonWebKey): Uint8Array {
  if (group === 'x25519') return base64UrlDecode(jwk.x!);
  return concatBytes(Uint8Array.of(UNCOMPRESSED), base64UrlDecode(jwk.x!), base64UrlDecode(jwk.y!));
}

/** WebCrypto's X25519 and ECDH, the private key imported as PKCS#8 from the Rng's scalar. */
export const webCryptoEcdhe: EcdheBackend = {
  async publicKey(group, privateKey) {
    const jwk = await subtle().exportKey('jwk', await importPrivate(group, privateKey));
    return publicKeyOfJwk(group, jwk);
  },
  async generate(group) {
    const pair = (await subtle().generateKey(WEBCRYPTO_ALGORITHM[group], true, [
      'deriveBits',
    ])) as CryptoKeyPair;
    const jwk = await subtle().exportKey('jwk', pair.privateKey);
    // d is the raw X25519 key (RFC 8037, Section 2) or the NIST scalar at the full field size
    // (RFC 7518, Section 6.2.2.1): the same bytes the Rng path holds.
    const privateKey = base64UrlDecode(jwk.d!);
    importedPrivateKeys.set(privateKey, Promise.resolve(pair.privateKey));
    return { privateKey, publicKey: publicKeyOfJwk(group, jwk) };
  },
  async sharedSecret(group, privateKey, peerPublic) {
    const webCrypto = subtle();
    let peer: CryptoKey;
    try {
      // A raw NIST import decodes the point and checks that it is on the curve (SEC 1 3.2.2).
      peer = await webCrypto.importKey(
        'raw',
        bufferOf(peerPublic),
        WEBCRYPTO_ALGORITHM[group],
        true,
        [],
      );
    } catch {
      throw group === 'x25519' ? lowOrder() : offCurve(group);
    }
    try {
      const bits = await webCrypto.deriveBits(
        { name: WEBCRYPTO_ALGORITHM[group].name, public: peer } as EcdhKeyDeriveParams,
        await importPrivate(group, privateKey),
        8 * sharedSecretLength(group),
      );
      return new Uint8Array(bits);
    } catch {
      // WebCrypto refuses an all-zero X25519 result (a low-order point) with an OperationError.
      throw group === 'x25519' ? lowOrder() : offCurve(group);
    }
  },
};

/**
 * Whether this runtime's WebCrypto does the group, asked once per group: import a fixed key
 * (the scalar 1, valid on every curve here) and derive with its own public key.
 */
const support = new Map<GroupName, Promise<boolean>>();

export function webCryptoSupports(group: GroupName): Promise<boolean> {
  let probe = support.get(group);
  if (!probe) {
    const one = new Uint8Array(group === 'x25519' ? X25519_LENGTH : NIST_FIELD_BYTES[group]);
    one[group === 'x25519' ? 0 : one.length - 1] = group === 'x25519' ? 9 : 1;
    probe = (async () => {
      try {
        const publicKey = await webCryptoEcdhe.publicKey(group, one);
        await webCryptoEcdhe.sharedSecret(group, one, publicKey);
        return true;
      } catch {
        return false;
      }
    })();
    support.set(group, probe);
  }
  return probe;
}

async function backendFor(group: GroupName): Promise<EcdheBackend> {
  return (await webCryptoSupports(group)) ? webCryptoEcdhe : nobleEcdhe;
}
