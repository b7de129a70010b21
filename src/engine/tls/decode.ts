/**
 * `tls decode`: one direction of a TLS byte stream, as one span tree of records and the messages
 * inside them, plus a one-line summary per record.
 *
 * Handshake messages may share a record or straddle records (RFC 5246, Section 6.2.1); both are
 * followed, and a straddling message's fields are shown inside each of its pieces. What a record
 * holds depends on what came before it:
 * - Up to TLS 1.2, every record after a ChangeCipherSpec is protected (RFC 5246, Section 7.1), as
 *   application data always is.
 * - After a TLS 1.3 ServerHello (or HelloRetryRequest), every protected record is an
 *   application_data record (RFC 8446, Section 5.2), and a ChangeCipherSpec only serves middlebox
 *   compatibility (RFC 8446, Section 5 and Appendix D.4): it protects nothing.
 * - The key-exchange messages are read by the suite and version that the ServerHello negotiated
 *   (see decode-kx.ts). The client's direction does not carry the ServerHello, so its caller passes
 *   what the server's direction negotiated.
 * - An alert record that is not a run of 2-byte plaintext alerts is an encrypted alert, as one sent
 *   mid-connection is.
 */
import { RecordsDecodeError } from './decode-error';
import { SPAN_VALUE_TEXT_EN } from '../../i18n/span-values.en';
import { spanValueText } from '../../i18n/span-value';
import { DecodeError, Reader, phrase, type Span, type SpanPhrase, type SpanValue } from '../bytes';
import {
  ContentType,
  alertDescriptionName,
  alertLevelName,
  cipherSuiteName,
  clientCertificateTypeName,
  contentTypeName,
  HandshakeType,
  namedGroupName,
  showCipherSuite,
  showContentType,
  showVersion,
  signatureSchemeName,
  versionName,
} from './enums';
import { expandExtensions } from './decode-extensions';
import { isHelloRetryRandom } from './messages/hello-retry-random';
import { readKeyExchangeMessage, readsInContext, type Negotiated } from './decode-kx';
import { MAX_HANDSHAKE_MESSAGE } from './handshake-buffer';
import { readAlert } from './messages/alert';
import { readChangeCipherSpec } from './messages/change-cipher-spec';
import { findExtension } from './messages/extensions';
import {
  HANDSHAKE_HEADER_LENGTH,
  handshakeMessageName,
  readHandshake,
  type HandshakeMessage,
} from './messages/handshake';
import { isKnownContentType, MAX_CIPHERTEXT, RECORD_HEADER_LENGTH } from './record';
// Pasted bytes and captures hold TLS 1.3 as often as not, and are read at once.
import './tls13/install';

export type { Negotiated } from './decode-kx';

export interface DecodeTlsOptions {
  /**
   * What the other direction's ServerHello negotiated, to read this direction's key exchange and
   * TLS 1.3 records by it.
   */
  negotiated?: Negotiated;
}

export interface DecodedTls {
  spans: Span[];
  /** One line per record, e.g. "record 1: handshake TLS 1.0 (0x0301), 512 bytes: ClientHello …". */
  summary: string[];
  /** What a ServerHello in this stream negotiated (or what the caller passed). */
  negotiated?: Negotiated;
}

/** RFC 6520, Section 3: the heartbeat content type, which the engine does not speak. */
const HEARTBEAT = 24;
const TLS13 = 0x0304;

/** A handshake message whose bytes continue in the next record. */
interface Straddle {
  bytes: Uint8Array[];
  /** Where each piece sits in the input. */
  at: number[];
  held: number;
  /** The error to report if the stream ends (or changes content type) before the message is whole. */
  unfinished: DecodeError;
  /** The record the message started in, which the error names. */
  record: number;
}

/** What the records seen so far settled about the ones to come. */
interface StreamState {
  negotiated?: Negotiated;
  /** TLS 1.2 and earlier: a ChangeCipherSpec was seen, so every later record is protected. */
  protectedFromHere: boolean;
  /** A TLS 1.3 ServerHello or HelloRetryRequest was seen (or the caller said so). */
  tls13: boolean;
  straddle?: Straddle;
  /** The fields of reassembled messages, by the offset of the piece they belong in. */
  pieces: Map<number, Span[]>;
}

function inRecord(index: number, e: DecodeError): DecodeError {
  return e.key === 'decode.tls.in_record'
    ? e
    : new RecordsDecodeError(
        'decode.tls.in_record',
        { ...e.params, problem: e.key, record: index },
        e.offset,
        e.fault,
      );
}

function unfinished(s: Straddle): DecodeError {
  return inRecord(s.record, s.unfinished);
}

export function decodeTlsRecords(bytes: Uint8Array, options: DecodeTlsOptions = {}): DecodedTls {
  if (bytes.length === 0) throw new RecordsDecodeError('decode.tls.empty_input', {}, 0);
  const r = new Reader(bytes);
  const summary: string[] = [];
  const state: StreamState = {
    negotiated: options.negotiated,
    protectedFromHere: false,
    tls13: options.negotiated?.version === TLS13,
    pieces: new Map(),
  };

  if (isSslv2ClientHello(r)) summary.push(`record 1: ${english(readSslv2ClientHello(r))}`);
  for (let index = summary.length + 1; !r.atEnd; index++) {
    try {
      summary.push(`record ${index}: ${english(readRecord(r, state, index))}`);
    } catch (e) {
      throw e instanceof DecodeError ? inRecord(index, e) : e;
    }
    if (r.atEnd && state.straddle) throw unfinished(state.straddle);
  }
  const spans = r.spans;
  expandExtensions(bytes, spans);
  attachPieces(spans, state.pieces);
  return { spans, summary, ...(state.negotiated ? { negotiated: state.negotiated } : {}) };
}

/** One record's line of the summary, worded by the span-value table (./span-values.en.ts). */
function readRecord(r: Reader, state: StreamState, index: number): SpanPhrase {
  const type = peekHeader(r);
  if (state.straddle && type !== ContentType.handshake) throw unfinished(state.straddle);
  const items: Item[] = [];
  const header = { version: 0, length: 0 };
  r.group(
    'record',
    (g) => {
      // RFC 8446, Section 5.2: a TLS 1.3 protected record's type is its opaque_type.
      const protected13 = state.tls13 && type === ContentType.application_data;
      g.u8(protected13 ? 'opaque_type' : 'type', {
        show: showContentType,
        explain: 'tls.record.type',
      });
      header.version = g.u16('version', { show: showVersion, explain: 'tls.record.version' });
      header.length = g.u16('length', { explain: 'tls.record.length' });
      checkLength(header.length, g);
      g.group(
        'fragment',
        (f) => {
          const body = f.sub(header.length, 'fragment');
          readFragment(body, type, header.length, state, items, index);
          body.expectEnd('fragment');
        },
        { explain: 'tls.record.fragment' },
      );
    },
    {
      show: () => phrase('tls.decode.record', { type: contentTypeName(type), items }),
      explain: 'tls.record',
    },
  );
  return phrase('tls.decode.summary', {
    type: contentTypeName(type),
    version: showVersion(header.version),
    n: header.length,
    items,
  });
}

function readFragment(
  body: Reader,
  type: number,
  length: number,
  state: StreamState,
  items: Item[],
  index: number,
): void {
  const encrypted = (what: string) => {
    body.rest(`encrypted_${what}`, { explain: 'tls.record.encrypted' });
    items.push(phrase('tls.decode.encrypted', { what, n: length }));
  };
  if (state.tls13) {
    // RFC 8446, Section 5.2: TLSCiphertext always has opaque_type application_data (23).
    if (type === ContentType.application_data) {
      body.rest('encrypted_record', { explain: 'tls.record.encrypted_tls13' });
      items.push(phrase('tls.decode.encrypted13', { n: length }));
      return;
    }
    if (type === ContentType.change_cipher_spec) {
      readChangeCipherSpec(body);
      items.push(phrase('tls.decode.ccs_compat'));
      return;
    }
  } else if (type === ContentType.application_data || state.protectedFromHere) {
    return encrypted(contentTypeName(type));
  }
  switch (type) {
    case ContentType.handshake:
      state.straddle = readHandshakeFragment(body, state, items, index);
      return;
    case ContentType.change_cipher_spec:
      readChangeCipherSpec(body);
      items.push('ChangeCipherSpec');
      state.protectedFromHere = true;
      return;
    case ContentType.alert:
      if (!isPlaintextAlert(body)) return encrypted('alert');
      do {
        const alert = readAlert(body);
        items.push(
          `Alert ${alertLevelName(alert.level)} ${alertDescriptionName(alert.description)}`,
        );
      } while (!body.atEnd);
      return;
    case HEARTBEAT:
      if (state.tls13) return encrypted('heartbeat');
      items.push(readHeartbeat(body));
      return;
  }
}

/**
 * RFC 5246, Section 7.2: a plaintext Alert is 2 bytes, a known level and a description. Anything
 * else in an alert record is an alert protected by keys this decoder does not have.
 */
function isPlaintextAlert(body: Reader): boolean {
  const n = body.remaining;
  if (n === 0 || n % 2 !== 0) return false;
  for (let at = body.offset; at < body.offset + n; at += 2) {
    const level = body.byteAt(at);
    if (level !== 1 && level !== 2) return false;
    if (alertDescriptionName(body.byteAt(at + 1)).startsWith('unknown (')) return false;
  }
  return true;
}

/**
 * RFC 6520, Section 4: struct { HeartbeatMessageType type; uint16 payload_length;
 * opaque payload[payload_length]; opaque padding[padding_length]; }, the padding at least 16 bytes.
 */
function readHeartbeat(body: Reader): SpanPhrase {
  return body.group(
    'Heartbeat',
    (h) => {
      const type = h.u8('type', {
        show: (t) =>
          t === 1 ? 'heartbeat_request (1)' : t === 2 ? 'heartbeat_response (2)' : `unknown (${t})`,
        explain: 'tls.heartbeat.type',
      });
      const at = h.offset;
      const payloadLength = h.u16('payload_length', { explain: 'tls.heartbeat.payload_length' });
      // A payload_length past the message is what Heartbleed (CVE-2014-0160) sent; RFC 6520,
      // Section 4 says to discard such a message.
      if (payloadLength + 16 > h.remaining) {
        throw new RecordsDecodeError(
          'decode.tls.heartbeat_padding',
          { length: payloadLength, left: h.remaining },
          at,
        );
      }
      if (payloadLength > 0)
        h.bytes(payloadLength, 'payload', { explain: 'tls.heartbeat.payload' });
      h.rest('padding', { explain: 'tls.heartbeat.padding' });
      const kind =
        type === 1
          ? phrase('tls.decode.heartbeat.request')
          : type === 2
            ? phrase('tls.decode.heartbeat.response')
            : phrase('tls.decode.heartbeat.type', { type });
      return phrase('tls.decode.heartbeat', { kind, n: payloadLength });
    },
    { show: (s) => s, explain: 'tls.heartbeat' },
  );
}

/**
 * RFC 5246, Appendix E.2: a client may open with an SSL 2.0 CLIENT-HELLO that offers TLS. Its
 * 2-byte header has the top bit set, and its msg_type is 1; a TLS record's first byte is a content
 * type (20 to 24) and never has that bit.
 */
function isSslv2ClientHello(r: Reader): boolean {
  return (
    r.remaining >= 3 &&
    (r.byteAt(0) & 0x80) !== 0 &&
    r.byteAt(2) === HandshakeType.client_hello &&
    (r.remaining < 4 || r.byteAt(3) === 3)
  );
}

/** The SSL 2.0 cipher kinds (draft-hickman-netscape-ssl-00, Appendix C). */
const SSL2_CIPHERS: Record<number, string> = {
  0x010080: 'SSL_CK_RC4_128_WITH_MD5',
  0x020080: 'SSL_CK_RC4_128_EXPORT40_WITH_MD5',
  0x030080: 'SSL_CK_RC2_128_CBC_WITH_MD5',
  0x040080: 'SSL_CK_RC2_128_CBC_EXPORT40_WITH_MD5',
  0x050080: 'SSL_CK_IDEA_128_CBC_WITH_MD5',
  0x060040: 'SSL_CK_DES_64_CBC_WITH_MD5',
  0x0700c0: 'SSL_CK_DES_192_EDE3_CBC_WITH_MD5',
};

function v2CipherSpecName(spec: number): string {
  // A V2CipherSpec whose first byte is 0 carries a TLS suite (RFC 5246, Appendix E.2).
  if (spec >> 16 === 0) return showCipherSuite(spec & 0xffff);
  return `${SSL2_CIPHERS[spec] ?? 'unknown'} (0x${spec.toString(16).padStart(6, '0')})`;
}

function readSslv2ClientHello(r: Reader): SpanPhrase {
  return r.group(
    'SSLv2 ClientHello',
    (g) => {
      const length =
        g.u16('msg_length', { show: (n) => n & 0x7fff, explain: 'tls.sslv2.msg_length' }) & 0x7fff;
      if (length > g.remaining)
        throw new RecordsDecodeError(
          'decode.length_exceeds',
          { field: 'SSLv2 msg', length, left: g.remaining },
          0,
        );
      const m = g.sub(length, 'SSLv2 ClientHello');
      m.u8('msg_type', { show: () => 'client_hello (1)', explain: 'tls.handshake.msg_type' });
      const version = m.u16('version', { show: showVersion, explain: 'tls.sslv2.version' });
      const specLength = m.u16('cipher_spec_length', { explain: 'tls.sslv2.cipher_spec_length' });
      const sessionLength = m.u16('session_id_length');
      const challengeLength = m.u16('challenge_length');
      if (specLength % 3 !== 0)
        throw new RecordsDecodeError(
          'decode.length_not_multiple',
          { field: 'cipher_spec', length: specLength, width: 3 },
          9,
        );
      // RFC 5246, Appendix E.2: the challenge is 16 to 32 bytes.
      if (challengeLength < 16 || challengeLength > 32)
        throw new RecordsDecodeError(
          'decode.tls.challenge_length',
          { length: challengeLength },
          13,
        );
      const specs = m.group(
        'cipher_specs',
        (c) => {
          const out: number[] = [];
          for (let i = 0; i < specLength / 3; i++) {
            const hi = c.u8();
            const lo = c.u16();
            out.push(hi * 65536 + lo);
            c.annotate('cipher_spec', c.offset - 3, 3, v2CipherSpecName(hi * 65536 + lo));
          }
          return out;
        },
        { explain: 'tls.sslv2.cipher_specs' },
      );
      if (sessionLength > 0) m.bytes(sessionLength, 'session_id');
      m.bytes(challengeLength, 'challenge', { explain: 'tls.sslv2.challenge' });
      m.expectEnd('SSLv2 ClientHello');
      return phrase('tls.decode.sslv2', { version: versionName(version), n: specs.length });
    },
    { show: (s) => s, explain: 'tls.sslv2' },
  );
}

/** Checks the header's type and version before the record is read, so garbage fails early. */
function peekHeader(r: Reader): number {
  if (r.remaining < RECORD_HEADER_LENGTH) {
    throw new RecordsDecodeError(
      'decode.truncated',
      { what: 'record header', n: RECORD_HEADER_LENGTH, left: r.remaining },
      r.offset,
    );
  }
  const type = r.byteAt(r.offset);
  if (!isKnownContentType(type) && type !== HEARTBEAT) {
    throw new RecordsDecodeError('decode.tls.unknown_content_type', { type }, r.offset);
  }
  // RFC 5246, Appendix E.1: every TLS and SSL 3.0 record version has major version 3.
  const major = r.byteAt(r.offset + 1);
  if (major !== 3) {
    const version = major * 256 + r.byteAt(r.offset + 2);
    throw new RecordsDecodeError(
      'decode.tls.record_version_not_tls',
      { version: `0x${version.toString(16).padStart(4, '0')}` },
      r.offset + 1,
    );
  }
  return type;
}

function checkLength(length: number, g: Reader): void {
  const at = g.offset;
  // RFC 5246, Section 6.2.3.
  if (length > MAX_CIPHERTEXT) {
    throw new RecordsDecodeError(
      'decode.length_exceeds_max',
      { field: 'record', length, max: MAX_CIPHERTEXT },
      at - 2,
    );
  }
  if (length > g.remaining) {
    throw new RecordsDecodeError(
      'decode.length_exceeds',
      { field: 'record', length, left: g.remaining },
      at,
    );
  }
}

/**
 * Reads one whole handshake message: the key exchanges by what was negotiated, the rest with the
 * engine's codec. A ServerHello settles what the stream negotiated.
 */
function readWhole(r: Reader, state: StreamState): Item {
  const msgType = r.byteAt(r.offset);
  const at = r.offset + HANDSHAKE_HEADER_LENGTH;
  const length = (r.byteAt(at - 3) << 16) | (r.byteAt(at - 2) << 8) | r.byteAt(at - 1);
  const body = r.buf.subarray(at, Math.min(at + length, r.end));
  if (readsInContext(msgType, state.negotiated, body)) {
    return readKeyExchangeMessage(r, state.negotiated);
  }
  const message = readHandshake(r);
  if (message.type !== 'server_hello') return describeHandshake(message);
  settle(state, message);
  const { version, cipherSuite } = state.negotiated!;
  // RFC 8446, Section 4.1.3/4.1.4: a TLS 1.3 ServerHello keeps legacy_version 0x0303, and a
  // HelloRetryRequest is a ServerHello with a fixed random.
  const name = isHelloRetryRandom(message.body.random) ? 'HelloRetryRequest' : 'ServerHello';
  return `${name} ${versionName(version)}, ${cipherSuiteName(cipherSuite)}`;
}

function settle(state: StreamState, message: Extract<HandshakeMessage, { type: 'server_hello' }>) {
  const sh = message.body;
  // RFC 8446, Section 4.2.1: the selected_version overrides legacy_version.
  const selected = findExtension(sh.extensions, 'selected_version')?.version;
  state.negotiated = { version: selected ?? sh.version, cipherSuite: sh.cipherSuite };
  if (selected === TLS13 || isHelloRetryRandom(sh.random)) state.tls13 = true;
}

/**
 * Reads the handshake messages of one record's fragment. A message cut off at the end of the
 * fragment becomes a straddle that the next handshake record completes; once it is whole it is
 * decoded, and its fields are shown inside the pieces it came in.
 */
function readHandshakeFragment(
  body: Reader,
  state: StreamState,
  items: Item[],
  index: number,
): Straddle | undefined {
  // RFC 5246, Section 6.2.1: zero-length handshake fragments must not be sent.
  if (body.atEnd)
    throw new RecordsDecodeError('decode.tls.empty_handshake_record', {}, body.offset);
  if (state.straddle) {
    const straddle = continueStraddle(body, state, items);
    if (straddle) return straddle;
  }
  while (!body.atEnd) {
    const whole = wholeMessageLength(body);
    if (whole === undefined || whole > body.remaining)
      return startStraddle(body, whole, items, index);
    items.push(readWhole(body, state));
  }
  return undefined;
}

/** The full length (header included) of the message at the reader, if its header is complete. */
function wholeMessageLength(r: Reader): number | undefined {
  if (r.remaining < HANDSHAKE_HEADER_LENGTH) return undefined;
  const at = r.offset;
  const length = (r.byteAt(at + 1) << 16) | (r.byteAt(at + 2) << 8) | r.byteAt(at + 3);
  if (length > MAX_HANDSHAKE_MESSAGE) {
    throw new RecordsDecodeError(
      'decode.length_exceeds_max',
      { field: 'handshake', length, max: MAX_HANDSHAKE_MESSAGE },
      at + 1,
    );
  }
  return HANDSHAKE_HEADER_LENGTH + length;
}

function startStraddle(
  body: Reader,
  whole: number | undefined,
  items: Item[],
  index: number,
): Straddle {
  const at = body.offset;
  const left = body.remaining;
  const unfinished =
    whole === undefined
      ? new RecordsDecodeError(
          'decode.truncated',
          { what: 'handshake header', n: HANDSHAKE_HEADER_LENGTH, left },
          at,
        )
      : new RecordsDecodeError(
          'decode.length_exceeds',
          {
            field: 'handshake',
            length: whole - HANDSHAKE_HEADER_LENGTH,
            left: left - HANDSHAKE_HEADER_LENGTH,
          },
          at + HANDSHAKE_HEADER_LENGTH,
        );
  const piece = body.rest('handshake_fragment', { explain: 'tls.handshake.fragment' });
  items.push(phrase('tls.decode.straddle_start'));
  return { bytes: [piece], at: [at], held: piece.length, unfinished, record: index };
}

function continueStraddle(body: Reader, state: StreamState, items: Item[]): Straddle | undefined {
  const straddle = state.straddle!;
  const held = concat(straddle.bytes);
  // The header itself may have been split; complete it first.
  const headerMissing = Math.max(0, HANDSHAKE_HEADER_LENGTH - held.length);
  const header = concat([held, peekBytes(body, Math.min(headerMissing, body.remaining))]);
  const at = body.offset;
  if (header.length < HANDSHAKE_HEADER_LENGTH) {
    const piece = body.rest('handshake_fragment', { explain: 'tls.handshake.fragment' });
    items.push(phrase('tls.decode.straddle_part'));
    return {
      ...straddle,
      bytes: [...straddle.bytes, piece],
      at: [...straddle.at, at],
      held: straddle.held + piece.length,
    };
  }
  const length = (header[1]! << 16) | (header[2]! << 8) | header[3]!;
  if (length > MAX_HANDSHAKE_MESSAGE) {
    throw new RecordsDecodeError(
      'decode.length_exceeds_max',
      { field: 'handshake', length, max: MAX_HANDSHAKE_MESSAGE },
      body.offset,
    );
  }
  const need = HANDSHAKE_HEADER_LENGTH + length - straddle.held;
  const take = Math.min(need, body.remaining);
  const piece = body.bytes(take, 'handshake_fragment', { explain: 'tls.handshake.fragment' });
  const bytes = [...straddle.bytes, piece];
  const offsets = [...straddle.at, at];
  if (take < need) {
    items.push(phrase('tls.decode.straddle_part'));
    return { ...straddle, bytes, at: offsets, held: straddle.held + take };
  }
  const whole = concat(bytes);
  const r = new Reader(whole);
  let text: Item;
  try {
    text = readWhole(r, state);
    r.expectEnd('handshake message');
  } catch (e) {
    if (e instanceof DecodeError) {
      throw new RecordsDecodeError(
        'decode.tls.reassembled',
        { ...e.params, cause: e.key },
        body.offset,
        e.fault,
      );
    }
    throw e;
  }
  expandExtensions(whole, r.spans);
  let from = 0;
  bytes.forEach((p, i) => {
    state.pieces.set(offsets[i]!, clip(r.spans, from, from + p.length, offsets[i]! - from));
    from += p.length;
  });
  items.push(phrase('tls.decode.straddle_end', { message: text, n: bytes.length }));
  return undefined;
}

/**
 * The part of a span tree that lies in [lo, hi), moved by `delta`. A field cut by a record
 * boundary appears in both pieces, each part covering its own bytes (so every piece still tiles),
 * and the later part is named "… (continued)".
 */
function clip(spans: readonly Span[], lo: number, hi: number, delta: number): Span[] {
  return spans
    .filter((s) => s.offset < hi && s.offset + s.length > lo)
    .map((s) => {
      const start = Math.max(s.offset, lo);
      const end = Math.min(s.offset + s.length, hi);
      return {
        ...s,
        // The part of a field that began in an earlier piece says so.
        name: s.offset < lo ? `${s.name} (continued)` : s.name,
        offset: start + delta,
        length: end - start,
        children: clip(s.children, lo, hi, delta),
      };
    });
}

function attachPieces(spans: Span[], pieces: Map<number, Span[]>): void {
  if (pieces.size === 0) return;
  for (const span of spans) {
    const fields = span.name === 'handshake_fragment' ? pieces.get(span.offset) : undefined;
    if (fields) span.children = fields;
    else attachPieces(span.children, pieces);
  }
}

function peekBytes(r: Reader, n: number): Uint8Array {
  return r.buf.slice(r.offset, r.offset + n);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A short description of a handshake message for the summary. */
export function describeHandshake(msg: HandshakeMessage): Item {
  const name = handshakeMessageName(msg);
  switch (msg.type) {
    case 'client_hello': {
      const ch = msg.body;
      const sni = findExtension(ch.extensions, 'server_name')?.hostName;
      const alpn = findExtension(ch.extensions, 'alpn')?.protocols;
      return phrase('list', {
        items: [
          `${name} ${versionName(ch.version)}`,
          phrase('tls.decode.cipher_suites', { n: ch.cipherSuites.length }),
          phrase('tls.decode.extensions', { n: ch.extensions.length }),
          ...(sni ? [`SNI ${sni}`] : []),
          ...(alpn ? [`ALPN ${alpn.join(' ')}`] : []),
        ],
      });
    }
    case 'server_hello':
      return `${name} ${versionName(msg.body.version)}, ${cipherSuiteName(msg.body.cipherSuite)}`;
    case 'certificate':
      return phrase('tls.decode.certificate', { name, n: msg.body.certificates.length });
    case 'server_key_exchange':
      return `${name} ${namedGroupName(msg.body.namedGroup)}, ${signatureSchemeName(msg.body.signatureScheme)}`;
    case 'certificate_request':
      return phrase('tls.decode.certificate_request', {
        name,
        types: msg.body.certificateTypes.map(clientCertificateTypeName).join(' '),
        n: msg.body.certificateAuthorities.length,
      });
    case 'client_key_exchange':
      return phrase('tls.decode.client_key_exchange', { name, n: msg.body.publicKey.length });
    case 'new_session_ticket':
      return phrase('tls.decode.new_session_ticket', {
        name,
        lifetime: msg.body.lifetimeHint,
        n: msg.body.ticket.length,
      });
    case 'unknown':
      return phrase('tls.decode.not_decoded', { name, n: msg.body.length });
    default:
      return name;
  }
}

/** What a record carries, one item each: a message's name and data, or a phrase around them. */
type Item = string | SpanPhrase;

/** The CLI's summary line in English. */
function english(value: SpanValue): string {
  return spanValueText(SPAN_VALUE_TEXT_EN, value);
}
