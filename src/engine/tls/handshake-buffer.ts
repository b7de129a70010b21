/**
 * Reassembles handshake messages from record fragments. RFC 5246, Section 6.2.1: "multiple client
 * messages of the same ContentType MAY be coalesced into a single TLSPlaintext record, or a single
 * message MAY be fragmented across several records". So records and messages are cut
 * independently; this buffer joins the handshake stream and cuts it at message boundaries.
 */
import { concatBytes, DecodeError, type Span } from '../bytes';
import { HandshakeType } from './enums';
import {
  decodeHandshake,
  HANDSHAKE_HEADER_LENGTH,
  type HandshakeMessage,
  type HandshakeVersion,
} from './messages/handshake';

/**
 * The largest handshake message accepted. The wire allows 2^24 - 1, but holding that much for a
 * peer is a denial of service; Go's crypto/tls (maxHandshake) and rustls (MAX_HANDSHAKE_SIZE) both
 * stop at 64 KiB, which fits any certificate chain this engine meets.
 */
export const MAX_HANDSHAKE_MESSAGE = 65536;

/**
 * A ClientHello may be larger: 2^16 - 2 bytes of cipher suites and 2^16 - 1 of extensions are both
 * legal, and tlsfuzzer's large-hello scripts send such hellos. OpenSSL accepts up to its
 * CLIENT_HELLO_MAX_LENGTH, 131396 bytes, which is every ClientHello the length fields can frame.
 */
export const MAX_CLIENT_HELLO = 131396;

export interface BufferedHandshake {
  /** The message exactly as on the wire, 4-byte header included: what the transcript hashes. */
  raw: Uint8Array;
  message: HandshakeMessage;
  /** Spans over `raw`. */
  spans: Span[];
}

export class HandshakeBuffer {
  private pending: Uint8Array = new Uint8Array(0);
  /** Offset of pending[0] in the whole handshake stream, for error offsets. */
  private consumed = 0;

  /**
   * Which version's bodies to read (messages/handshake.ts); the connection switches it to
   * 'tls13' once the ServerHello has chosen TLS 1.3.
   */
  version: HandshakeVersion = 'tls12';

  constructor(private readonly maxMessage = MAX_HANDSHAKE_MESSAGE) {}

  push(fragment: Uint8Array): void {
    this.pending =
      this.pending.length === 0 ? fragment.slice() : concatBytes(this.pending, fragment);
  }

  /**
   * The msg_type of the next message once its 4-byte header has arrived, before its body is read:
   * a state that does not accept that type rejects it without decoding it (RFC 5246, Section 7.4).
   */
  nextType(): number | undefined {
    return this.pending.length < HANDSHAKE_HEADER_LENGTH ? undefined : this.pending[0];
  }

  /**
   * The next whole message, or undefined until more fragments arrive. A bad body throws
   * DecodeError. Without `withSpans` the message is decoded alone and `spans` is empty.
   */
  next(withSpans = true): BufferedHandshake | undefined {
    if (this.pending.length < HANDSHAKE_HEADER_LENGTH) return undefined;
    const length = (this.pending[1]! << 16) | (this.pending[2]! << 8) | this.pending[3]!;
    const limit =
      this.pending[0] === HandshakeType.client_hello
        ? Math.max(this.maxMessage, MAX_CLIENT_HELLO)
        : this.maxMessage;
    if (length > limit) {
      throw new DecodeError(
        'decode.length_exceeds_max',
        { field: 'handshake message', length, max: limit },
        this.consumed + 1,
      );
    }
    const total = HANDSHAKE_HEADER_LENGTH + length;
    if (this.pending.length < total) return undefined;
    // Views, not copies: `pending` is our own copy of the stream and is never written to.
    const raw = this.pending.subarray(0, total);
    const { message, spans } = decodeAt(raw, this.consumed, withSpans, this.version);
    this.pending = this.pending.subarray(total);
    this.consumed += total;
    return { raw, message, spans };
  }

  /** True at a message boundary: no part of a message is held. */
  get isEmpty(): boolean {
    return this.pending.length === 0;
  }
}

/** Decodes one message, reporting errors at their offset in the whole handshake stream. */
function decodeAt(
  raw: Uint8Array,
  streamOffset: number,
  withSpans: boolean,
  version: HandshakeVersion,
): { message: HandshakeMessage; spans: Span[] } {
  try {
    return decodeHandshake(raw, withSpans, version);
  } catch (e) {
    if (e instanceof DecodeError)
      throw new DecodeError(e.key, e.params, e.offset + streamOffset, e.fault);
    throw e;
  }
}
