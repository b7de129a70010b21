/**
 * The TLS 1.3 pieces of the key schedule that turn a traffic secret into record keys, and the
 * record protection they drive (RFC 8446, Sections 5.2, 5.3 and 7). The capture reader uses them
 * with secrets from a key log; a TLS 1.3 engine derives the same secrets itself and then needs
 * exactly these functions.
 */
import { expand, extract } from '@noble/hashes/hkdf.js';
import { sha256, sha384 } from '@noble/hashes/sha2.js';
import { aeadOpen, aeadSeal, AEAD_NONCE_LENGTH, type AeadName } from '../../crypto/aead';
import { AeadAuthError } from '../../crypto/errors';
import type { HashName } from '../../crypto/hash';
import { TLS13_SUITE_NAMES } from '../suites';

export interface Tls13Suite {
  id: number;
  name: string;
  aead: AeadName;
  hash: HashName;
  keyLength: number;
}

/** RFC 8446, Appendix B.4: the TLS 1.3 cipher suites whose AEADs we have. */
export const TLS13_SUITES: readonly Tls13Suite[] = [
  {
    id: 0x1301,
    name: TLS13_SUITE_NAMES[0x1301],
    aead: 'AES_128_GCM',
    hash: 'sha256',
    keyLength: 16,
  },
  {
    id: 0x1302,
    name: TLS13_SUITE_NAMES[0x1302],
    aead: 'AES_256_GCM',
    hash: 'sha384',
    keyLength: 32,
  },
  {
    id: 0x1303,
    name: TLS13_SUITE_NAMES[0x1303],
    aead: 'CHACHA20_POLY1305',
    hash: 'sha256',
    keyLength: 32,
  },
];

export function tls13Suite(id: number): Tls13Suite | undefined {
  return TLS13_SUITES.find((s) => s.id === id);
}

const HASHES = { sha256, sha384 } as const;

/** HKDF-Extract (RFC 5869, Section 2.2), the first step of each stage of RFC 8446, Section 7.1. */
export function hkdfExtract(hash: HashName, salt: Uint8Array, ikm: Uint8Array): Uint8Array {
  return extract(HASHES[hash], ikm, salt);
}

/**
 * RFC 8446, Section 7.1: HKDF-Expand-Label(Secret, Label, Context, Length) = HKDF-Expand(Secret,
 * HkdfLabel, Length), where HkdfLabel = uint16 length ‖ opaque label<7..255> = "tls13 " + Label ‖
 * opaque context<0..255>.
 */
export function hkdfExpandLabel(
  hash: HashName,
  secret: Uint8Array,
  label: string,
  context: Uint8Array,
  length: number,
): Uint8Array {
  const fullLabel = new TextEncoder().encode(`tls13 ${label}`);
  if (fullLabel.length > 255 || context.length > 255 || length > 0xffff)
    throw new RangeError('HKDF-Expand-Label: label, context or length too long');
  const info = new Uint8Array(2 + 1 + fullLabel.length + 1 + context.length);
  info[0] = length >> 8;
  info[1] = length & 0xff;
  info[2] = fullLabel.length;
  info.set(fullLabel, 3);
  info[3 + fullLabel.length] = context.length;
  info.set(context, 4 + fullLabel.length);
  return expand(HASHES[hash], secret, info, length);
}

/** RFC 8446, Section 7.1: Derive-Secret(Secret, Label, Messages) with the transcript hash given. */
export function deriveSecret(
  hash: HashName,
  secret: Uint8Array,
  label: string,
  transcriptHash: Uint8Array,
): Uint8Array {
  return hkdfExpandLabel(hash, secret, label, transcriptHash, HASHES[hash].outputLen);
}

export interface Tls13TrafficKeys {
  key: Uint8Array;
  iv: Uint8Array;
}

/**
 * RFC 8446, Section 7.3: [sender]_write_key = HKDF-Expand-Label(Secret, "key", "", key_length) and
 * [sender]_write_iv = HKDF-Expand-Label(Secret, "iv", "", iv_length); iv_length is 12 for all
 * three AEADs (RFC 8446, Section 5.3).
 */
export function trafficKeys(suite: Tls13Suite, trafficSecret: Uint8Array): Tls13TrafficKeys {
  const empty = new Uint8Array(0);
  return {
    key: hkdfExpandLabel(suite.hash, trafficSecret, 'key', empty, suite.keyLength),
    iv: hkdfExpandLabel(suite.hash, trafficSecret, 'iv', empty, AEAD_NONCE_LENGTH),
  };
}

/** RFC 8446, Section 7.2: application_traffic_secret_N+1 after a KeyUpdate. */
export function nextTrafficSecret(hash: HashName, secret: Uint8Array): Uint8Array {
  return hkdfExpandLabel(hash, secret, 'traffic upd', new Uint8Array(0), HASHES[hash].outputLen);
}

export interface Tls13Opened {
  /** The content type from TLSInnerPlaintext (RFC 8446, Section 5.2). */
  type: number;
  content: Uint8Array;
  /** The whole TLSInnerPlaintext: content ‖ type ‖ zeros. */
  plaintext: Uint8Array;
  nonce: Uint8Array;
  aad: Uint8Array;
}

/** One direction's record protection under one traffic secret; the sequence restarts at 0. */
export class Tls13RecordProtection {
  private seq = 0n;
  readonly keys: Tls13TrafficKeys;

  constructor(
    readonly suite: Tls13Suite,
    trafficSecret: Uint8Array,
  ) {
    this.keys = trafficKeys(suite, trafficSecret);
  }

  get sequence(): bigint {
    return this.seq;
  }

  /** RFC 8446, Section 5.3: the 64-bit sequence number, left-padded, XORed into the IV. */
  private nonce(): Uint8Array {
    const nonce = this.keys.iv.slice();
    let s = this.seq;
    for (let i = nonce.length - 1; i >= nonce.length - 8; i--) {
      nonce[i] = nonce[i]! ^ Number(s & 0xffn);
      s >>= 8n;
    }
    return nonce;
  }

  /**
   * Opens one TLSCiphertext given its 5-byte header and its encrypted_record (RFC 8446, Section
   * 5.2): the header is the AAD. Throws AeadAuthError when the tag does not match; the sequence
   * moves on only on success.
   */
  open(header: Uint8Array, encryptedRecord: Uint8Array): Tls13Opened {
    const nonce = this.nonce();
    const aad = header.slice(0, 5);
    const plaintext = aeadOpen(this.suite.aead, this.keys.key, nonce, aad, encryptedRecord);
    this.seq++;
    // The content type is the last non-zero byte; what follows it is padding.
    let end = plaintext.length;
    while (end > 0 && plaintext[end - 1] === 0) end--;
    const type = end > 0 ? plaintext[end - 1]! : 0;
    return { type, content: plaintext.subarray(0, Math.max(0, end - 1)), plaintext, nonce, aad };
  }

  /**
   * Whether a record opens under these keys at the next sequence number, which stays where it
   * is: a server skipping refused early data tells it from the client's first handshake record.
   */
  opens(header: Uint8Array, encryptedRecord: Uint8Array): boolean {
    try {
      aeadOpen(this.suite.aead, this.keys.key, this.nonce(), header.slice(0, 5), encryptedRecord);
      return true;
    } catch (e) {
      if (e instanceof AeadAuthError) return false;
      throw e;
    }
  }

  /** Seals content of the given type into TLSInnerPlaintext with no padding; returns the record. */
  seal(type: number, content: Uint8Array): Uint8Array {
    return this.sealRecord(type, content).record;
  }

  /**
   * Seals content into TLSInnerPlaintext (content ‖ type ‖ `padding` zeros, RFC 8446, Section
   * 5.2) and returns the record with the nonce, AAD and inner plaintext that made it.
   */
  sealRecord(type: number, content: Uint8Array, padding = 0): Tls13Sealed {
    const inner = new Uint8Array(content.length + 1 + padding);
    inner.set(content);
    inner[content.length] = type;
    const length = inner.length + 16;
    // opaque_type is application_data and legacy_record_version 0x0303 (RFC 8446, Section 5.2).
    const header = Uint8Array.of(23, 3, 3, length >> 8, length & 0xff);
    const nonce = this.nonce();
    const sealed = aeadSeal(this.suite.aead, this.keys.key, nonce, header, inner);
    this.seq++;
    const record = new Uint8Array(5 + sealed.length);
    record.set(header);
    record.set(sealed, 5);
    return { record, nonce, aad: header, plaintext: inner };
  }
}

export interface Tls13Sealed {
  /** The whole TLSCiphertext, header included. */
  record: Uint8Array;
  nonce: Uint8Array;
  aad: Uint8Array;
  /** TLSInnerPlaintext: content ‖ type ‖ zeros. */
  plaintext: Uint8Array;
}
