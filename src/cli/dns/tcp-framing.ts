/**
 * DNS over TCP: each message is preceded by its length as a two-byte big-endian integer
 * (RFC 1035 §4.2.2; RFC 7766 §8). Several messages may share a connection and a segment, and one
 * message may arrive in pieces; FrameReader puts them back together.
 */

/** The largest message a two-byte length can announce. */
export const MAX_TCP_MESSAGE = 0xffff;

export function frameMessage(message: Uint8Array): Uint8Array {
  if (message.length > MAX_TCP_MESSAGE) {
    throw new RangeError(`a DNS message of ${message.length} bytes does not fit TCP framing`);
  }
  const framed = new Uint8Array(2 + message.length);
  framed[0] = message.length >>> 8;
  framed[1] = message.length & 0xff;
  framed.set(message, 2);
  return framed;
}

/** Collects stream bytes and hands out the whole messages among them. */
export class FrameReader {
  private pending = new Uint8Array(0);

  /** Bytes received but not yet part of a whole message. */
  get buffered(): number {
    return this.pending.length;
  }

  push(chunk: Uint8Array): Uint8Array[] {
    const joined = new Uint8Array(this.pending.length + chunk.length);
    joined.set(this.pending);
    joined.set(chunk, this.pending.length);
    const messages: Uint8Array[] = [];
    let at = 0;
    while (joined.length - at >= 2) {
      const length = (joined[at]! << 8) | joined[at + 1]!;
      if (joined.length - at - 2 < length) break;
      messages.push(joined.slice(at + 2, at + 2 + length));
      at += 2 + length;
    }
    this.pending = joined.slice(at);
    return messages;
  }
}
