/**
 * Handshake framing, RFC 5246, Section 7.4:
 *
 *   struct { HandshakeType msg_type; uint24 length; select (HandshakeType) { ... } body; } Handshake;
 *
 * The encoded form, header included, is what the Finished transcript hashes (RFC 5246, Section
 * 7.4.9), so `encodeHandshake` returns those exact bytes. The spans of one message sit under a
 * single top-level span named after it ("ClientHello"), so the diagram and inspector agree.
 */
import { DecodeError, Reader, Writer, lazyEncoded, type Encoded, type Span } from '../../bytes';
import { HandshakeType, handshakeTypeName, showHandshakeType } from '../enums';
import { readCertificate, writeCertificate, type Certificate } from './certificate';
import {
  readCertificateRequest,
  writeCertificateRequest,
  type CertificateRequest,
} from './certificate-request';
import { readClientHello, writeClientHello, type ClientHello } from './client-hello';
import {
  readClientKeyExchange,
  writeClientKeyExchange,
  type ClientKeyExchange,
} from './client-key-exchange';
import { readFinished, writeFinished, type Finished } from './finished';
import {
  readNewSessionTicket,
  writeNewSessionTicket,
  type NewSessionTicket,
} from './new-session-ticket';
import { readServerHello, writeServerHello, type ServerHello } from './server-hello';
import {
  readServerHelloDone,
  writeServerHelloDone,
  type ServerHelloDone,
} from './server-hello-done';
import type {
  Certificate13,
  CertificateVerify,
  EncryptedExtensions,
  KeyUpdate,
  NewSessionTicket13,
} from '../tls13/messages';
import { tls13Parts } from '../tls13-parts';
import { isHelloRetryRandom } from './hello-retry-random';
import {
  readServerKeyExchange,
  writeServerKeyExchange,
  type ServerKeyExchange,
} from './server-key-exchange';

export type HandshakeMessage =
  | { type: 'client_hello'; body: ClientHello }
  | { type: 'server_hello'; body: ServerHello }
  | { type: 'certificate'; body: Certificate }
  | { type: 'server_key_exchange'; body: ServerKeyExchange }
  | { type: 'certificate_request'; body: CertificateRequest }
  | { type: 'server_hello_done'; body: ServerHelloDone }
  | { type: 'client_key_exchange'; body: ClientKeyExchange }
  | { type: 'finished'; body: Finished }
  | { type: 'new_session_ticket'; body: NewSessionTicket }
  // RFC 8446, Section 4: the TLS 1.3 messages, and the two whose bodies differ from TLS 1.2's.
  | { type: 'encrypted_extensions'; body: EncryptedExtensions }
  | { type: 'certificate_13'; body: Certificate13 }
  | { type: 'certificate_verify'; body: CertificateVerify }
  | { type: 'new_session_ticket_13'; body: NewSessionTicket13 }
  | { type: 'key_update'; body: KeyUpdate }
  /**
   * A message type we do not decode (HelloRequest, CertificateVerify, ...) or a
   * ServerKeyExchange whose curve_type is not named_curve; the body is kept as it came.
   */
  | { type: 'unknown'; msgType: number; body: Uint8Array };

/**
 * Which protocol's bodies to read. Certificate and NewSessionTicket share their msg_type across
 * versions but not their bodies (RFC 8446, Sections 4.4.2 and 4.6.1), and the TLS 1.3-only
 * messages are read only under TLS 1.3, so a TLS 1.2 peer's stray one stays raw.
 */
export type HandshakeVersion = 'tls12' | 'tls13';

/** RFC 5246, Section 7.4: the 1-byte msg_type and the 3-byte length. */
export const HANDSHAKE_HEADER_LENGTH = 4;

const messageNames: Record<Exclude<HandshakeMessage['type'], 'unknown'>, string> = {
  client_hello: 'ClientHello',
  server_hello: 'ServerHello',
  certificate: 'Certificate',
  server_key_exchange: 'ServerKeyExchange',
  certificate_request: 'CertificateRequest',
  server_hello_done: 'ServerHelloDone',
  client_key_exchange: 'ClientKeyExchange',
  finished: 'Finished',
  new_session_ticket: 'NewSessionTicket',
  encrypted_extensions: 'EncryptedExtensions',
  certificate_13: 'Certificate',
  certificate_verify: 'CertificateVerify',
  new_session_ticket_13: 'NewSessionTicket',
  key_update: 'KeyUpdate',
};

const typeCodes: Record<Exclude<HandshakeMessage['type'], 'unknown'>, number> = {
  ...HandshakeType,
  certificate_13: HandshakeType.certificate,
  new_session_ticket_13: HandshakeType.new_session_ticket,
};

/** The message's name as the diagram shows it: "ClientHello", "Finished", ... */
export function handshakeMessageName(msg: HandshakeMessage): string {
  if (msg.type === 'unknown') return nameForType(msg.msgType);
  // RFC 8446, Section 4.1.3: a ServerHello with the special random is a HelloRetryRequest.
  if (msg.type === 'server_hello' && isHelloRetryRandom(msg.body.random))
    return 'HelloRetryRequest';
  return messageNames[msg.type];
}

/**
 * The name a message event carries on the diagram and in the CLI: the message's name, except that
 * a Certificate with no certificates is "Certificate (empty)". That is a client's answer to a
 * CertificateRequest when it has no certificate (RFC 5246, Section 7.4.6), and it is explained on
 * its own rather than as a server's chain.
 */
export function handshakeDisplayName(msg: HandshakeMessage): string {
  if (msg.type === 'certificate' && msg.body.certificates.length === 0)
    return 'Certificate (empty)';
  if (msg.type === 'certificate_13' && msg.body.entries.length === 0) return 'Certificate (empty)';
  return handshakeMessageName(msg);
}

/** "certificate_request" → "CertificateRequest"; an unknown type keeps its number. */
/** A msg_type's message name as the diagram shows it: 13 → "CertificateRequest". */
export function nameForType(msgType: number): string {
  const name = handshakeTypeName(msgType);
  if (name.startsWith('unknown (')) return `Handshake ${name}`;
  return name
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** The msg_type byte of a message. */
export function handshakeTypeOf(msg: HandshakeMessage): number {
  return msg.type === 'unknown' ? msg.msgType : typeCodes[msg.type];
}

function writeBody(w: Writer, msg: HandshakeMessage): void {
  switch (msg.type) {
    case 'client_hello':
      return writeClientHello(w, msg.body);
    case 'server_hello':
      return writeServerHello(w, msg.body);
    case 'certificate':
      return writeCertificate(w, msg.body);
    case 'server_key_exchange':
      return writeServerKeyExchange(w, msg.body);
    case 'certificate_request':
      return writeCertificateRequest(w, msg.body);
    case 'server_hello_done':
      return writeServerHelloDone(w, msg.body);
    case 'client_key_exchange':
      return writeClientKeyExchange(w, msg.body);
    case 'finished':
      return writeFinished(w, msg.body);
    case 'new_session_ticket':
      return writeNewSessionTicket(w, msg.body);
    case 'encrypted_extensions':
      return tls13Parts().writeEncryptedExtensions(w, msg.body);
    case 'certificate_13':
      return tls13Parts().writeCertificate13(w, msg.body);
    case 'certificate_verify':
      return tls13Parts().writeCertificateVerify(w, msg.body);
    case 'new_session_ticket_13':
      return tls13Parts().writeNewSessionTicket13(w, msg.body);
    case 'key_update':
      return tls13Parts().writeKeyUpdate(w, msg.body);
    case 'unknown':
      if (msg.body.length > 0) w.bytes(msg.body, 'body', { explain: 'tls.handshake.body' });
      return;
  }
}

/** Appends one handshake message, header included, as one span named after the message. */
export function writeHandshake(w: Writer, msg: HandshakeMessage): void {
  w.group(
    handshakeMessageName(msg),
    (g) => {
      g.u8(handshakeTypeOf(msg), 'msg_type', {
        show: showHandshakeType,
        explain: 'tls.handshake.msg_type',
      });
      g.sizedBy(3, 'length', (body) => writeBody(body, msg), 'tls.handshake.length');
    },
    { explain: 'tls.handshake' },
  );
}

export function encodeHandshake(msg: HandshakeMessage): Encoded {
  const w = new Writer();
  writeHandshake(w, msg);
  return w.finish();
}

/**
 * The bytes of `encodeHandshake` with the spans left for later: built only when read, by
 * encoding the message again. `msg` must not change afterwards.
 */
export function encodeHandshakeLazily(msg: HandshakeMessage): Encoded {
  const w = new Writer(false);
  writeHandshake(w, msg);
  return lazyEncoded(w.toBytes(), () => encodeHandshake(msg).spans);
}

/** RFC 8446, Section 4: the bodies that read differently, or only, under TLS 1.3. */
function readTls13Body(r: Reader, msgType: number): HandshakeMessage | undefined {
  switch (msgType) {
    case HandshakeType.encrypted_extensions:
      return { type: 'encrypted_extensions', body: tls13Parts().readEncryptedExtensions(r) };
    case HandshakeType.certificate:
      return { type: 'certificate_13', body: tls13Parts().readCertificate13(r) };
    case HandshakeType.certificate_verify:
      return { type: 'certificate_verify', body: tls13Parts().readCertificateVerify(r) };
    case HandshakeType.new_session_ticket:
      return { type: 'new_session_ticket_13', body: tls13Parts().readNewSessionTicket13(r) };
    case HandshakeType.key_update:
      return { type: 'key_update', body: tls13Parts().readKeyUpdate(r) };
    // RFC 8446 has no ServerKeyExchange, ServerHelloDone or ClientKeyExchange, and its
    // CertificateRequest (Section 4.3.2) is kept as it came: the client reads its context.
    case HandshakeType.certificate_request:
    case HandshakeType.server_key_exchange:
    case HandshakeType.server_hello_done:
    case HandshakeType.client_key_exchange:
      return {
        type: 'unknown',
        msgType,
        body: r.atEnd ? new Uint8Array(0) : r.rest('body', { explain: 'tls.handshake.body' }),
      };
    default:
      return undefined;
  }
}

function readBody(r: Reader, msgType: number, version: HandshakeVersion): HandshakeMessage {
  if (version === 'tls13') {
    const tls13 = readTls13Body(r, msgType);
    if (tls13) return tls13;
  }
  switch (msgType) {
    case HandshakeType.client_hello:
      return { type: 'client_hello', body: readClientHello(r) };
    case HandshakeType.server_hello:
      return { type: 'server_hello', body: readServerHello(r) };
    case HandshakeType.certificate:
      return { type: 'certificate', body: readCertificate(r) };
    case HandshakeType.server_key_exchange: {
      const start = r.offset;
      const body = readServerKeyExchange(r);
      if (body === undefined) {
        return { type: 'unknown', msgType, body: r.buf.slice(start, r.end) };
      }
      return { type: 'server_key_exchange', body };
    }
    case HandshakeType.certificate_request:
      return { type: 'certificate_request', body: readCertificateRequest(r) };
    case HandshakeType.server_hello_done:
      return { type: 'server_hello_done', body: readServerHelloDone(r) };
    case HandshakeType.client_key_exchange:
      return { type: 'client_key_exchange', body: readClientKeyExchange(r) };
    case HandshakeType.finished:
      return { type: 'finished', body: readFinished(r) };
    case HandshakeType.new_session_ticket:
      return { type: 'new_session_ticket', body: readNewSessionTicket(r) };
    default:
      return {
        type: 'unknown',
        msgType,
        body: r.atEnd ? new Uint8Array(0) : r.rest('body', { explain: 'tls.handshake.body' }),
      };
  }
}

/**
 * Reads one handshake message, header included, from `r`; bytes after it are left for the caller.
 * The message's body must fill its length exactly.
 */
export function readHandshake(r: Reader, version: HandshakeVersion = 'tls12'): HandshakeMessage {
  if (r.remaining < HANDSHAKE_HEADER_LENGTH) {
    throw new DecodeError(
      'decode.truncated',
      { what: 'handshake header', n: HANDSHAKE_HEADER_LENGTH, left: r.remaining },
      r.offset,
    );
  }
  const msgType = r.byteAt(r.offset);
  const name = spanName(r, msgType);
  return r.group(
    name,
    (g) => {
      const { body } = readHandshakeHeader(g);
      const message = readBody(body, msgType, version);
      body.expectEnd(name);
      return message;
    },
    { explain: 'tls.handshake' },
  );
}

/** The message's top-level span name: a ServerHello with the HelloRetryRequest random is named so. */
function spanName(r: Reader, msgType: number): string {
  // msg_type(1) ‖ length(3) ‖ legacy_version(2), then the 32-byte random (RFC 8446, Section 4.1.3).
  const randomAt = r.offset + HANDSHAKE_HEADER_LENGTH + 2;
  if (msgType === HandshakeType.server_hello && r.end - randomAt >= 32) {
    const random = r.buf.subarray(randomAt, randomAt + 32);
    if (isHelloRetryRandom(random)) return 'HelloRetryRequest';
  }
  return nameForType(msgType);
}

/**
 * Reads a handshake message's header (RFC 5246, Section 7.4: msg_type and a 24-bit length) and
 * returns a reader confined to its body, which the length must fit.
 */
export function readHandshakeHeader(g: Reader): { body: Reader; length: number } {
  g.u8('msg_type', { show: showHandshakeType, explain: 'tls.handshake.msg_type' });
  const length = g.u24('length', { explain: 'tls.handshake.length' });
  if (length > g.remaining) {
    throw new DecodeError(
      'decode.length_exceeds',
      { field: 'handshake', length, left: g.remaining },
      g.offset,
    );
  }
  return { body: g.sub(length, 'body'), length };
}

/**
 * Decodes exactly one handshake message (header included); trailing bytes are an error. Without
 * `withSpans`, the same message with no spans, for a caller that does not show them.
 */
export function decodeHandshake(
  bytes: Uint8Array,
  withSpans = true,
  version: HandshakeVersion = 'tls12',
): { message: HandshakeMessage; spans: Span[] } {
  const r = withSpans ? new Reader(bytes) : Reader.withoutSpans(bytes);
  const message = readHandshake(r, version);
  r.expectEnd('handshake message');
  return { message, spans: r.spans };
}
