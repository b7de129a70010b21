/**
 * The sending half of the record layer (RFC 5246, Section 6.2): fragments, protects once keys are
 * active, and describes each record with spans over both the ciphertext and the plaintext.
 */
import { phrase, shiftSpans, type Span } from '../bytes/span';
import { Writer, lazyEncoded, type Encoded } from '../bytes/writer';
import type { DecryptedView } from '../trace';
import { ContentType, ProtocolVersion, contentTypeName, versionName } from './enums';
import type { RecordProtector } from './protection';
import { MAX_PLAINTEXT } from './record';
import type { SuiteParams } from './suites';
import type { Tls13RecordProtection } from './tls13/key-schedule';

/** What the spans of a protected record need to know of its suite. */
export type RecordShape = Pick<SuiteParams, 'recordIvLength' | 'tagLength'>;

/** RFC 8446, Section 5.2: no explicit nonce, and a 16-byte tag for all three AEADs. */
export const TLS13_RECORD_SHAPE: RecordShape = { recordIvLength: 0, tagLength: 16 };

export interface SentRecord {
  bytes: Uint8Array;
  /** Built when first read: only the Trace reads them. */
  spans: Span[];
  name: string;
  decoded: unknown;
  decrypted?: DecryptedView;
}

const RECORD_HEADER_LENGTH = 5;

export class RecordWriter {
  private protector?: RecordProtector;
  private suite?: SuiteParams;
  private protector13?: Tls13RecordProtection;

  /**
   * @param describe whether to annotate each record with spans (the Trace's view of it); without,
   *   `spans` is empty and `bytes` is the same.
   */
  constructor(
    private readonly sink: (record: SentRecord) => void,
    private readonly describe = true,
  ) {}

  protect(suite: SuiteParams, protector: RecordProtector): void {
    this.suite = suite;
    this.protector = protector;
  }

  /**
   * From now on records are TLS 1.3 TLSCiphertext under this key (RFC 8446, Section 5.2). Each
   * key change brings a new protection whose sequence number starts at 0 (Section 5.3).
   */
  protect13(protection: Tls13RecordProtection): void {
    this.protector13 = protection;
  }

  write(type: number, inner: Encoded, name: string, decoded: unknown = null): void {
    // RFC 5246, Section 6.2.1: fragments carry at most 2^14 bytes. Only a very large message
    // splits; the trace marks continuation records.
    for (let at = 0, part = 0; at < inner.bytes.length || part === 0; at += MAX_PLAINTEXT, part++) {
      const chunk =
        at === 0 && inner.bytes.length <= MAX_PLAINTEXT
          ? inner
          : sliceEncoded(inner, at, Math.min(inner.bytes.length, at + MAX_PLAINTEXT));
      this.writeOne(type, chunk, part === 0 ? name : `${name} (continued)`, decoded);
    }
  }

  private writeOne(type: number, inner: Encoded, name: string, decoded: unknown): void {
    const version = ProtocolVersion.TLS12;
    const describe = this.describe;
    if (this.protector13) {
      this.writeOne13(this.protector13, type, inner, name, decoded);
      return;
    }
    if (!this.protector || !this.suite) {
      const record = lazyEncoded(recordBytes(type, version, inner.bytes), () =>
        describe ? plaintextRecord(type, version, inner).spans : [],
      );
      this.sink(sentRecord(record, name, decoded));
      return;
    }
    const sealed = this.protector.seal(type, version, inner.bytes);
    const suite = this.suite;
    const record = lazyEncoded(recordBytes(type, version, sealed.fragment), () =>
      describe ? protectedRecord(type, version, sealed.fragment, suite).spans : [],
    );
    this.sink(
      sentRecord(record, name, decoded, {
        plaintext: inner.bytes,
        get spans(): Span[] {
          return inner.spans;
        },
        set spans(value: Span[]) {
          inner.spans = value;
        },
        nonce: sealed.nonce,
        aad: sealed.aad,
        innerName: name,
      }),
    );
  }

  private writeOne13(
    protection: Tls13RecordProtection,
    type: number,
    inner: Encoded,
    name: string,
    decoded: unknown,
  ): void {
    const sealed = protection.sealRecord(type, inner.bytes);
    const describe = this.describe;
    const fragment = sealed.record.subarray(RECORD_HEADER_LENGTH);
    const record = lazyEncoded(sealed.record, () =>
      describe
        ? protectedRecord(ContentType.application_data, version13, fragment, TLS13_RECORD_SHAPE)
            .spans
        : [],
    );
    let innerSpans: Span[] | undefined;
    this.sink(
      sentRecord(record, name, decoded, {
        plaintext: sealed.plaintext,
        get spans(): Span[] {
          return (innerSpans ??= describe ? innerPlaintextSpans(inner, type) : []);
        },
        set spans(value: Span[]) {
          innerSpans = value;
        },
        nonce: sealed.nonce,
        aad: sealed.aad,
        innerName: name,
      }),
    );
  }

  /** Spans for a record that arrived from the peer, decrypted or not. */
  static describeReceived(
    raw: Uint8Array,
    inner: Encoded,
    decrypted: { nonce: Uint8Array; aad: Uint8Array } | undefined,
    plaintext: Uint8Array | undefined,
    suite: RecordShape | undefined,
    name: string,
    innerType?: number,
  ): { spans: Span[]; decrypted?: DecryptedView } {
    const type = raw[0]!;
    const version = (raw[1]! << 8) | raw[2]!;
    const fragment = raw.subarray(RECORD_HEADER_LENGTH);
    if (decrypted && suite) {
      return {
        spans: protectedRecord(type, version, fragment, suite).spans,
        decrypted: {
          plaintext: plaintext ?? inner.bytes,
          spans: innerType === undefined ? inner.spans : innerPlaintextSpans(inner, innerType),
          nonce: decrypted.nonce,
          aad: decrypted.aad,
          innerName: name,
        },
      };
    }
    // Several handshake messages may share one record; the spans describe the one named.
    const innerAt = indexOf(fragment, inner.bytes);
    const padded: Encoded =
      innerAt >= 0
        ? { bytes: fragment, spans: shiftSpans(inner.spans, innerAt) }
        : { bytes: fragment, spans: [] };
    return { spans: plaintextRecord(type, version, padded).spans };
  }
}

/** A SentRecord that reads its spans from `record` only when they are read. */
function sentRecord(
  record: Encoded,
  name: string,
  decoded: unknown,
  decrypted?: DecryptedView,
): SentRecord {
  return {
    bytes: record.bytes,
    get spans(): Span[] {
      return record.spans;
    },
    name,
    decoded,
    ...(decrypted ? { decrypted } : {}),
  };
}

function plaintextRecord(type: number, version: number, inner: Encoded): Encoded {
  return new Writer()
    .group(
      'TLSPlaintext',
      (w) => {
        recordHeader(w, type, version, inner.bytes.length);
        w.embed(inner, 'fragment', { explain: 'tls.record.fragment' });
      },
      { value: contentTypeName(type), explain: 'tls.record' },
    )
    .finish();
}

const version13 = ProtocolVersion.TLS12;

/**
 * RFC 8446, Section 5.2: TLSInnerPlaintext is the content, then its real content type, then any
 * zero padding. The content's own spans come first, as they were written.
 */
function innerPlaintextSpans(inner: Encoded, type: number): Span[] {
  const length = inner.bytes.length;
  return [
    ...inner.spans,
    {
      name: 'type',
      offset: length,
      length: 1,
      value: `${contentTypeName(type)} (${type})`,
      explain: 'tls.record.inner_type',
      children: [],
    },
  ];
}

function protectedRecord(
  type: number,
  version: number,
  fragment: Uint8Array,
  suite: RecordShape,
): Encoded {
  const explicitLength = suite.recordIvLength;
  const tagAt = fragment.length - suite.tagLength;
  return new Writer()
    .group(
      'TLSCiphertext',
      (w) => {
        recordHeader(w, type, version, fragment.length);
        w.group(
          'fragment',
          (f) => {
            // RFC 5288, Section 3: GCM carries the 8-byte explicit nonce first; RFC 7905 has none.
            if (explicitLength > 0)
              f.bytes(fragment.subarray(0, explicitLength), 'nonce_explicit', {
                explain: 'tls.record.nonce_explicit',
              });
            f.bytes(fragment.subarray(explicitLength, tagAt), 'encrypted_content', {
              explain: 'tls.record.ciphertext',
            });
            f.bytes(fragment.subarray(tagAt), 'auth_tag', { explain: 'tls.record.tag' });
          },
          { explain: 'tls.record.fragment' },
        );
      },
      {
        value: phrase('tls.record.encrypted', { type: contentTypeName(type) }),
        explain: 'tls.record',
      },
    )
    .finish();
}

/** RFC 5246, Section 6.2.1: type, version and length, then the fragment. */
function recordBytes(type: number, version: number, fragment: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(RECORD_HEADER_LENGTH + fragment.length);
  bytes[0] = type;
  bytes[1] = version >> 8;
  bytes[2] = version & 0xff;
  bytes[3] = fragment.length >> 8;
  bytes[4] = fragment.length & 0xff;
  bytes.set(fragment, RECORD_HEADER_LENGTH);
  return bytes;
}

function recordHeader(w: Writer, type: number, version: number, length: number): void {
  w.u8(type, 'type', { show: (v) => `${contentTypeName(v)} (${v})`, explain: 'tls.record.type' });
  w.u16(version, 'version', { show: versionName, explain: 'tls.record.version' });
  w.u16(length, 'length', { explain: 'tls.record.length' });
}

function sliceEncoded(inner: Encoded, from: number, to: number): Encoded {
  return {
    bytes: inner.bytes.subarray(from, to),
    spans: [{ name: 'fragment of a larger message', offset: 0, length: to - from, children: [] }],
  };
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
