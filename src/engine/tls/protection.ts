/**
 * Record protection for TLS 1.2 AEAD suites (RFC 5246, Section 6.2.3.3): one RecordProtector per
 * direction, made at ChangeCipherSpec so its sequence number starts at 0.
 *
 * - AES-GCM (RFC 5288, Section 3): nonce = salt (4-byte fixed IV) ‖ nonce_explicit (8 bytes), and
 *   the fragment is nonce_explicit ‖ ciphertext ‖ tag. We send the sequence number as
 *   nonce_explicit (unique per key, as Section 3 requires, and what Go's crypto/tls sends; OpenSSL
 *   counts from a random start instead). On receipt we use whatever explicit nonce the peer sent.
 * - ChaCha20-Poly1305 (RFC 7905, Section 2): nonce = the 12-byte IV XOR the sequence number
 *   left-padded to 12 bytes, and the fragment is ciphertext ‖ tag.
 *
 * In both, AAD = seq_num(8) ‖ type(1) ‖ version(2) ‖ plaintext length(2).
 */
import { AeadAuthError, CryptoArgumentError } from '../crypto/errors';
import { aeadOpen, aeadSeal, AEAD_NONCE_LENGTH } from '../crypto/aead';
import type { SuiteParams } from './suites';

/** RFC 5246, Section 6.2.1: TLSPlaintext.length MUST NOT exceed 2^14. */
export const MAX_PLAINTEXT_LENGTH = 2 ** 14;
/** RFC 5246, Section 6.2.3: TLSCiphertext.length MUST NOT exceed 2^14 + 2048. */
export const MAX_CIPHERTEXT_LENGTH = 2 ** 14 + 2048;
/** RFC 5246, Section 6.1: sequence numbers are uint64 and never wrap. */
const MAX_SEQUENCE = (1n << 64n) - 1n;

/** A record that fails authentication or is too short to hold its nonce and tag: bad_record_mac. */
export class BadRecordMac extends Error {
  constructor(readonly reason: string) {
    super(`bad record MAC: ${reason}`);
    this.name = 'BadRecordMac';
  }
}

/** A record longer than the protocol allows: record_overflow (RFC 5246, Section 7.2.2). */
export class RecordOverflow extends Error {
  constructor(readonly reason: string) {
    super(`record overflow: ${reason}`);
    this.name = 'RecordOverflow';
  }
}

/** 2^64 - 1 records in one direction: the connection must end rather than reuse a nonce. */
export class SequenceExhausted extends Error {
  constructor() {
    super('record sequence number exhausted (RFC 5246, Section 6.1 forbids wrapping)');
    this.name = 'SequenceExhausted';
  }
}

export interface SealedRecord {
  /** The TLSCiphertext.fragment to put after the 5-byte record header. */
  fragment: Uint8Array;
  nonce: Uint8Array;
  aad: Uint8Array;
}

export interface OpenedRecord {
  plaintext: Uint8Array;
  nonce: Uint8Array;
  aad: Uint8Array;
}

function uint64(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, value);
  return out;
}

function checkUint(parameter: string, value: number, bits: 8 | 16): void {
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** bits) {
    throw new CryptoArgumentError(parameter, `must be a uint${bits}, got ${value}`);
  }
}

export class RecordProtector {
  private seq = 0n;

  constructor(
    readonly suite: SuiteParams,
    private readonly key: Uint8Array,
    private readonly iv: Uint8Array,
  ) {
    if (key.length !== suite.keyLength) {
      throw new CryptoArgumentError(
        'key',
        `${suite.name} needs a ${suite.keyLength}-byte key, got ${key.length}`,
      );
    }
    if (iv.length !== suite.fixedIvLength) {
      throw new CryptoArgumentError(
        'iv',
        `${suite.name} needs a ${suite.fixedIvLength}-byte fixed IV, got ${iv.length}`,
      );
    }
    if (suite.fixedIvLength + suite.recordIvLength !== AEAD_NONCE_LENGTH) {
      throw new CryptoArgumentError(
        'suite',
        `${suite.name}: fixed and record IV lengths must add up to ${AEAD_NONCE_LENGTH}`,
      );
    }
  }

  /** The sequence number the next record will use. */
  get sequence(): bigint {
    return this.seq;
  }

  seal(type: number, version: number, plaintext: Uint8Array): SealedRecord {
    checkUint('type', type, 8);
    checkUint('version', version, 16);
    if (plaintext.length > MAX_PLAINTEXT_LENGTH) {
      throw new RecordOverflow(
        `plaintext of ${plaintext.length} bytes exceeds ${MAX_PLAINTEXT_LENGTH}`,
      );
    }
    if (this.seq === MAX_SEQUENCE) throw new SequenceExhausted();
    const explicit = this.suite.recordIvLength > 0 ? uint64(this.seq) : new Uint8Array(0);
    const nonce = this.nonceFor(explicit);
    const aad = this.aadFor(type, version, plaintext.length);
    const sealed = aeadSeal(this.suite.aead, this.key, nonce, aad, plaintext);
    const fragment = new Uint8Array(explicit.length + sealed.length);
    fragment.set(explicit);
    fragment.set(sealed, explicit.length);
    this.seq++;
    return { fragment, nonce, aad };
  }

  /** Checks and decrypts one fragment; throws BadRecordMac or RecordOverflow. The sequence moves on only on success. */
  open(type: number, version: number, fragment: Uint8Array): OpenedRecord {
    checkUint('type', type, 8);
    checkUint('version', version, 16);
    if (fragment.length > MAX_CIPHERTEXT_LENGTH) {
      throw new RecordOverflow(
        `fragment of ${fragment.length} bytes exceeds ${MAX_CIPHERTEXT_LENGTH}`,
      );
    }
    const overhead = this.suite.recordIvLength + this.suite.tagLength;
    if (fragment.length < overhead) {
      throw new BadRecordMac(
        `fragment of ${fragment.length} bytes is shorter than its ${overhead}-byte nonce and tag`,
      );
    }
    if (this.seq === MAX_SEQUENCE) throw new SequenceExhausted();
    const plaintextLength = fragment.length - overhead;
    // For an AEAD the plaintext length is known before decrypting, so the check comes first.
    if (plaintextLength > MAX_PLAINTEXT_LENGTH) {
      throw new RecordOverflow(
        `plaintext of ${plaintextLength} bytes exceeds ${MAX_PLAINTEXT_LENGTH}`,
      );
    }
    const nonce = this.nonceFor(fragment.subarray(0, this.suite.recordIvLength));
    const aad = this.aadFor(type, version, plaintextLength);
    let plaintext: Uint8Array;
    try {
      plaintext = aeadOpen(
        this.suite.aead,
        this.key,
        nonce,
        aad,
        fragment.subarray(this.suite.recordIvLength),
      );
    } catch (e) {
      if (e instanceof AeadAuthError)
        throw new BadRecordMac(`${this.suite.aead} tag check failed at sequence ${this.seq}`);
      throw e;
    }
    this.seq++;
    return { plaintext, nonce, aad };
  }

  private nonceFor(explicit: Uint8Array): Uint8Array {
    const nonce = new Uint8Array(AEAD_NONCE_LENGTH);
    nonce.set(this.iv);
    if (this.suite.recordIvLength > 0) {
      // RFC 5288, Section 3: salt ‖ nonce_explicit.
      nonce.set(explicit, this.iv.length);
    } else {
      // RFC 7905, Section 2: XOR the big-endian sequence number into the IV's last 8 bytes.
      const seq = uint64(this.seq);
      const at = AEAD_NONCE_LENGTH - 8;
      for (let i = 0; i < 8; i++) nonce[at + i] = nonce[at + i]! ^ seq[i]!;
    }
    return nonce;
  }

  /** RFC 5246, Section 6.2.3.3: additional_data = seq_num ‖ type ‖ version ‖ length. */
  private aadFor(type: number, version: number, length: number): Uint8Array {
    const aad = new Uint8Array(13);
    aad.set(uint64(this.seq));
    aad[8] = type;
    aad[9] = version >> 8;
    aad[10] = version & 0xff;
    aad[11] = length >> 8;
    aad[12] = length & 0xff;
    return aad;
  }
}
