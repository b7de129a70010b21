/**
 * The record layer's framing, RFC 5246, Section 6.2.1:
 *
 *   struct { ContentType type; ProtocolVersion version; uint16 length; opaque fragment[length]; } TLSPlaintext;
 *
 * Protection (AEAD) lives elsewhere; this file only frames and cuts a byte stream into records.
 */
import { concatBytes, DecodeError, EncodeError, Writer, type Encoded, type Span } from '../bytes';
import { ContentType, contentTypeName, showContentType, showVersion } from './enums';

export interface TlsRecord {
  type: number;
  version: number;
  fragment: Uint8Array;
}

export const RECORD_HEADER_LENGTH = 5;
/** RFC 5246, Section 6.2.1: "The length MUST NOT exceed 2^14." */
export const MAX_PLAINTEXT = 2 ** 14;
/** RFC 5246, Section 6.2.3: "The length MUST NOT exceed 2^14 + 2048." */
export const MAX_CIPHERTEXT = 2 ** 14 + 2048;
/**
 * The longest record a connection accepts: 2^14 + 256, RFC 8446 Section 5.2's bound. RFC 5246's
 * 2^14 + 2048 leaves room for compression (1024) and for a cipher's expansion (1024), but we
 * negotiate only the null compression and AEAD suites whose records are at most 2^14 + 24 (GCM's
 * explicit nonce and tag; RFC 5288, Section 3) or 2^14 + 16 (ChaCha20-Poly1305; RFC 7905), and
 * records before ChangeCipherSpec are plaintext, at most 2^14 (RFC 5246, Section 6.2.1). So no
 * record a conformant peer sends is refused, and a bogus length is refused from its header alone,
 * before up to 2 KiB more of it is buffered. OpenSSL's TLS 1.2 receive path stops at 2^14 + 320
 * (SSL3_RT_MAX_ENCRYPTED_LENGTH without compression), its TLS 1.3 path at 2^14 + 256.
 */
export const MAX_RECEIVED_RECORD = 2 ** 14 + 256;

/** A record longer than the receiver accepts: record_overflow (RFC 5246, Section 7.2.2). */
export class RecordOverflow extends Error {
  constructor(
    readonly length: number,
    readonly offset: number,
    readonly maximum = MAX_RECEIVED_RECORD,
  ) {
    super(`record length ${length} exceeds the maximum ${maximum} at offset ${offset}`);
    this.name = 'RecordOverflow';
  }
}

/**
 * A record whose type is none of RFC 5246's four. It is a DecodeError for `tls decode`; a
 * connection answers it with unexpected_message (RFC 5246, Section 6: "If a TLS implementation
 * receives an unexpected record type, it MUST send an unexpected_message alert").
 */
export class UnknownContentType extends DecodeError {
  constructor(
    readonly type: number,
    offset: number,
  ) {
    super('decode.tls.unknown_content_type', { type }, offset);
  }
}

const knownContentTypes = new Set<number>(Object.values(ContentType));

export function isKnownContentType(type: number): boolean {
  return knownContentTypes.has(type);
}

/** The 5-byte header alone, e.g. to check what a peer's record claims. */
export function encodeRecordHeader(type: number, version: number, length: number): Uint8Array {
  const w = new Writer();
  w.u8(type).u16(version).u16(length);
  return w.toBytes();
}

/**
 * Appends one record. `fragmentSpans`, relative to the fragment, are nested under the
 * "fragment" span, so a record's tree reaches down to the fields of the message inside.
 */
export function writeRecord(w: Writer, rec: TlsRecord, fragmentSpans: readonly Span[] = []): void {
  if (rec.fragment.length > MAX_CIPHERTEXT) {
    throw new EncodeError(
      `record fragment is ${rec.fragment.length} bytes; at most ${MAX_CIPHERTEXT}`,
    );
  }
  w.group(
    'record',
    (g) => {
      g.u8(rec.type, 'type', { show: showContentType, explain: 'tls.record.type' });
      g.u16(rec.version, 'version', { show: showVersion, explain: 'tls.record.version' });
      g.u16(rec.fragment.length, 'length', { explain: 'tls.record.length' });
      g.embed({ bytes: rec.fragment, spans: [...fragmentSpans] }, 'fragment', {
        explain: 'tls.record.fragment',
      });
    },
    { value: contentTypeName(rec.type), explain: 'tls.record' },
  );
}

export function encodeRecord(rec: TlsRecord, fragmentSpans: readonly Span[] = []): Encoded {
  const w = new Writer();
  writeRecord(w, rec, fragmentSpans);
  return w.finish();
}

/**
 * Cuts a TCP byte stream into whole records, holding a partial one until the rest arrives
 * (records do not respect TCP segment boundaries). The header is checked as soon as it is
 * complete, so an oversized record is refused before its body is buffered. After an error the
 * stream is unusable and every later push throws the same error.
 */
export class RecordSplitter {
  private pending: Uint8Array = new Uint8Array(0);
  /** Stream offset of pending[0], for error offsets. */
  private consumed = 0;
  private failure?: Error;

  push(bytes: Uint8Array): { record: TlsRecord; raw: Uint8Array }[] {
    if (this.failure) throw this.failure;
    this.pending = this.pending.length === 0 ? bytes.slice() : concatBytes(this.pending, bytes);
    const out: { record: TlsRecord; raw: Uint8Array }[] = [];
    let at = 0;
    while (this.pending.length - at >= RECORD_HEADER_LENGTH) {
      const type = this.pending[at]!;
      const version = (this.pending[at + 1]! << 8) | this.pending[at + 2]!;
      const length = (this.pending[at + 3]! << 8) | this.pending[at + 4]!;
      try {
        checkHeader(type, length, this.consumed + at);
      } catch (e) {
        this.failure = e as Error;
        // The records before the bad header are whole and valid: they are handled first (the
        // peer's ClientHello still gets its answer), and `error` reports the rest.
        if (out.length === 0) throw e;
        break;
      }
      const end = at + RECORD_HEADER_LENGTH + length;
      if (end > this.pending.length) break;
      // A view, not a copy: `pending` is our own copy of the stream and is never written to.
      const raw = this.pending.subarray(at, end);
      out.push({ record: { type, version, fragment: raw.subarray(RECORD_HEADER_LENGTH) }, raw });
      at = end;
    }
    this.pending = this.pending.subarray(at);
    this.consumed += at;
    return out;
  }

  /** A bad record header found after the records the last push returned; fatal once they are handled. */
  get error(): Error | undefined {
    return this.failure;
  }

  /** Bytes held for a record that has not fully arrived. */
  get buffered(): number {
    return this.pending.length;
  }
}

/**
 * RFC 5246, Section 6: a record type outside ContentType cannot be processed; a length beyond
 * what any of our suites can produce (MAX_RECEIVED_RECORD) is record_overflow.
 */
function checkHeader(type: number, length: number, offset: number): void {
  if (!isKnownContentType(type)) throw new UnknownContentType(type, offset);
  if (length > MAX_RECEIVED_RECORD) throw new RecordOverflow(length, offset);
}
