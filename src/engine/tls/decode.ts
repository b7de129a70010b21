/**
 * `tls decode`: one direction of a TLS byte stream, as one span tree of records and the messages
 * inside them, plus a one-line summary per record.
 *
 * Handshake messages may share a record or straddle records (RFC 5246, Section 6.2.1); both are
 * followed here. After a ChangeCipherSpec every record of the stream is protected (RFC 5246,
 * Section 7.1), as application data always is, so those fragments are shown as opaque bytes.
 */
import { DecodeError, Reader, type Span } from '../bytes';
import {
  ContentType,
  alertDescriptionName,
  alertLevelName,
  cipherSuiteName,
  clientCertificateTypeName,
  contentTypeName,
  namedGroupName,
  showContentType,
  showVersion,
  signatureSchemeName,
  versionName,
} from './enums';
import { MAX_HANDSHAKE_MESSAGE } from './handshake-buffer';
import { readAlert } from './messages/alert';
import { readChangeCipherSpec } from './messages/change-cipher-spec';
import { findExtension } from './messages/extensions';
import {
  decodeHandshake,
  HANDSHAKE_HEADER_LENGTH,
  handshakeMessageName,
  readHandshake,
  type HandshakeMessage,
} from './messages/handshake';
import { isKnownContentType, MAX_CIPHERTEXT, RECORD_HEADER_LENGTH } from './record';

export interface DecodedTls {
  spans: Span[];
  /** One line per record, e.g. "record 1: handshake TLS 1.0 (0x0301), 512 bytes: ClientHello …". */
  summary: string[];
}

/** A handshake message whose bytes continue in the next record. */
interface Straddle {
  bytes: Uint8Array[];
  held: number;
  /** The error to report if the stream ends (or changes content type) before the message is whole. */
  unfinished: DecodeError;
  /** The record the message started in, which the error names. */
  record: number;
}

function inRecord(index: number, e: DecodeError): DecodeError {
  return e.key === 'decode.tls.in_record'
    ? e
    : new DecodeError(
        'decode.tls.in_record',
        { ...e.params, problem: e.key, record: index },
        e.offset,
        e.fault,
      );
}

function unfinished(s: Straddle): DecodeError {
  return inRecord(s.record, s.unfinished);
}

export function decodeTlsRecords(bytes: Uint8Array): DecodedTls {
  if (bytes.length === 0) throw new DecodeError('decode.tls.empty_input', {}, 0);
  const r = new Reader(bytes);
  const summary: string[] = [];
  let protectedFromHere = false;
  let straddle: Straddle | undefined;

  for (let index = 1; !r.atEnd; index++) {
    try {
      const type = peekHeader(r);
      if (straddle && type !== ContentType.handshake) throw unfinished(straddle);
      const items: string[] = [];
      const header = { type, version: 0, length: 0 };
      r.group(
        'record',
        (g) => {
          g.u8('type', { show: showContentType, explain: 'tls.record.type' });
          header.version = g.u16('version', { show: showVersion, explain: 'tls.record.version' });
          header.length = g.u16('length', { explain: 'tls.record.length' });
          checkLength(header.length, g);
          g.group(
            'fragment',
            (f) => {
              const body = f.sub(header.length, 'fragment');
              if (type === ContentType.application_data || protectedFromHere) {
                body.rest(`encrypted_${contentTypeName(type)}`, {
                  explain: 'tls.record.encrypted',
                });
                items.push(`encrypted ${contentTypeName(type)} (${header.length} bytes)`);
              } else if (type === ContentType.handshake) {
                straddle = readHandshakeFragment(body, straddle, items, index);
              } else if (type === ContentType.change_cipher_spec) {
                readChangeCipherSpec(body);
                items.push('ChangeCipherSpec');
                protectedFromHere = true;
              } else {
                do {
                  const alert = readAlert(body);
                  items.push(
                    `Alert ${alertLevelName(alert.level)} ${alertDescriptionName(alert.description)}`,
                  );
                } while (!body.atEnd);
              }
              body.expectEnd('fragment');
            },
            { explain: 'tls.record.fragment' },
          );
        },
        { show: () => `${contentTypeName(type)}: ${items.join(', ')}`, explain: 'tls.record' },
      );
      summary.push(
        `record ${index}: ${contentTypeName(type)} ${showVersion(header.version)}, ${header.length} bytes: ${items.join(', ')}`,
      );
    } catch (e) {
      throw e instanceof DecodeError ? inRecord(index, e) : e;
    }
    if (r.atEnd && straddle) throw unfinished(straddle);
  }
  return { spans: r.spans, summary };
}

/** Checks the header's type and version before the record is read, so garbage fails early. */
function peekHeader(r: Reader): number {
  if (r.remaining < RECORD_HEADER_LENGTH) {
    throw new DecodeError(
      'decode.truncated',
      { what: 'record header', n: RECORD_HEADER_LENGTH, left: r.remaining },
      r.offset,
    );
  }
  const type = r.byteAt(r.offset);
  if (!isKnownContentType(type)) {
    throw new DecodeError('decode.tls.unknown_content_type', { type }, r.offset);
  }
  // RFC 5246, Appendix E.1: every TLS and SSL 3.0 record version has major version 3.
  const major = r.byteAt(r.offset + 1);
  if (major !== 3) {
    const version = major * 256 + r.byteAt(r.offset + 2);
    throw new DecodeError(
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
    throw new DecodeError(
      'decode.length_exceeds_max',
      { field: 'record', length, max: MAX_CIPHERTEXT },
      at - 2,
    );
  }
  if (length > g.remaining) {
    throw new DecodeError(
      'decode.length_exceeds',
      { field: 'record', length, left: g.remaining },
      at,
    );
  }
}

/**
 * Reads the handshake messages of one record's fragment. A message cut off at the end of the
 * fragment becomes a straddle that the next handshake record completes; its pieces are annotated
 * in place and the whole message is decoded once it is complete.
 */
function readHandshakeFragment(
  body: Reader,
  straddle: Straddle | undefined,
  items: string[],
  index: number,
): Straddle | undefined {
  // RFC 5246, Section 6.2.1: zero-length handshake fragments must not be sent.
  if (body.atEnd) throw new DecodeError('decode.tls.empty_handshake_record', {}, body.offset);
  if (straddle) {
    straddle = continueStraddle(body, straddle, items);
    if (straddle) return straddle;
  }
  while (!body.atEnd) {
    const whole = wholeMessageLength(body);
    if (whole === undefined || whole > body.remaining)
      return startStraddle(body, whole, items, index);
    const message = readHandshake(body);
    items.push(describeHandshake(message));
  }
  return undefined;
}

/** The full length (header included) of the message at the reader, if its header is complete. */
function wholeMessageLength(r: Reader): number | undefined {
  if (r.remaining < HANDSHAKE_HEADER_LENGTH) return undefined;
  const at = r.offset;
  const length = (r.byteAt(at + 1) << 16) | (r.byteAt(at + 2) << 8) | r.byteAt(at + 3);
  if (length > MAX_HANDSHAKE_MESSAGE) {
    throw new DecodeError(
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
  items: string[],
  index: number,
): Straddle {
  const at = body.offset;
  const left = body.remaining;
  const unfinished =
    whole === undefined
      ? new DecodeError(
          'decode.truncated',
          { what: 'handshake header', n: HANDSHAKE_HEADER_LENGTH, left },
          at,
        )
      : new DecodeError(
          'decode.length_exceeds',
          {
            field: 'handshake',
            length: whole - HANDSHAKE_HEADER_LENGTH,
            left: left - HANDSHAKE_HEADER_LENGTH,
          },
          at + HANDSHAKE_HEADER_LENGTH,
        );
  const piece = body.rest('handshake_fragment', { explain: 'tls.handshake.fragment' });
  items.push('start of a handshake message');
  return { bytes: [piece], held: piece.length, unfinished, record: index };
}

function continueStraddle(body: Reader, straddle: Straddle, items: string[]): Straddle | undefined {
  const held = concat(straddle.bytes);
  // The header itself may have been split; complete it first.
  const headerMissing = Math.max(0, HANDSHAKE_HEADER_LENGTH - held.length);
  const header = concat([held, peekBytes(body, Math.min(headerMissing, body.remaining))]);
  if (header.length < HANDSHAKE_HEADER_LENGTH) {
    const piece = body.rest('handshake_fragment', { explain: 'tls.handshake.fragment' });
    items.push('part of a handshake message');
    return { ...straddle, bytes: [...straddle.bytes, piece], held: straddle.held + piece.length };
  }
  const length = (header[1]! << 16) | (header[2]! << 8) | header[3]!;
  if (length > MAX_HANDSHAKE_MESSAGE) {
    throw new DecodeError(
      'decode.length_exceeds_max',
      { field: 'handshake', length, max: MAX_HANDSHAKE_MESSAGE },
      body.offset,
    );
  }
  const need = HANDSHAKE_HEADER_LENGTH + length - straddle.held;
  const take = Math.min(need, body.remaining);
  const piece = body.bytes(take, 'handshake_fragment', { explain: 'tls.handshake.fragment' });
  const bytes = [...straddle.bytes, piece];
  if (take < need) {
    items.push('part of a handshake message');
    return { ...straddle, bytes, held: straddle.held + take };
  }
  let message: HandshakeMessage;
  try {
    message = decodeHandshake(concat(bytes)).message;
  } catch (e) {
    if (e instanceof DecodeError) {
      throw new DecodeError(
        'decode.tls.reassembled',
        { ...e.params, cause: e.key },
        body.offset,
        e.fault,
      );
    }
    throw e;
  }
  items.push(`end of ${describeHandshake(message)} (reassembled from ${bytes.length} records)`);
  return undefined;
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
export function describeHandshake(msg: HandshakeMessage): string {
  const name = handshakeMessageName(msg);
  switch (msg.type) {
    case 'client_hello': {
      const ch = msg.body;
      const sni = findExtension(ch.extensions, 'server_name')?.hostName;
      const alpn = findExtension(ch.extensions, 'alpn')?.protocols;
      return [
        `${name} ${versionName(ch.version)}`,
        plural(ch.cipherSuites.length, 'cipher suite'),
        plural(ch.extensions.length, 'extension'),
        ...(sni ? [`SNI ${sni}`] : []),
        ...(alpn ? [`ALPN ${alpn.join(' ')}`] : []),
      ].join(', ');
    }
    case 'server_hello':
      return `${name} ${versionName(msg.body.version)}, ${cipherSuiteName(msg.body.cipherSuite)}`;
    case 'certificate':
      return `${name} (${plural(msg.body.certificates.length, 'certificate')})`;
    case 'server_key_exchange':
      return `${name} ${namedGroupName(msg.body.namedGroup)}, ${signatureSchemeName(msg.body.signatureScheme)}`;
    case 'certificate_request':
      return `${name} (${msg.body.certificateTypes.map(clientCertificateTypeName).join(' ')}, ${plural(msg.body.certificateAuthorities.length, 'CA name')})`;
    case 'client_key_exchange':
      return `${name} (${msg.body.publicKey.length}-byte public key)`;
    case 'new_session_ticket':
      return `${name} (lifetime ${msg.body.lifetimeHint} s, ${msg.body.ticket.length}-byte ticket)`;
    case 'unknown':
      return `${name} (${msg.body.length} bytes, not decoded)`;
    default:
      return name;
  }
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
