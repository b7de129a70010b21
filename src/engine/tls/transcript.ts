/**
 * The handshake transcript that Finished (RFC 5246, Section 7.4.9) and the extended master secret's
 * session hash (RFC 7627, Section 3) are computed over. It keeps the exact bytes of each handshake
 * message, 4-byte header included, record headers and ChangeCipherSpec excluded, and hashes them
 * on demand: at ClientHello time the suite, and so the hash, is not chosen yet.
 */
import { CryptoArgumentError } from '../crypto/errors';
import { runningHash, type HashName, type RunningHash } from '../crypto/hash';

const HEADER_LENGTH = 4;
/** RFC 8446, Section 4: HandshakeType message_hash(254). */
const MESSAGE_HASH = 254;

export class Transcript {
  private readonly buffered: Uint8Array[] = [];
  /**
   * One running hash per function asked for, fed every message since: each message is hashed
   * once however many times the transcript is (EMS, then each Finished), and the suite's hash
   * can still be chosen late, when the first one catches up on what came before.
   */
  private readonly running = new Map<HashName, RunningHash>();

  /**
   * Appends one whole handshake message: msg_type(1) ‖ length(3) ‖ body. The header's length is
   * checked so a record header or a partial message cannot slip in and spoil Finished silently.
   */
  add(rawHandshakeMessage: Uint8Array): void {
    const m = rawHandshakeMessage;
    if (m.length < HEADER_LENGTH) {
      throw new CryptoArgumentError(
        'rawHandshakeMessage',
        `a handshake message has a 4-byte header, got ${m.length} bytes`,
      );
    }
    const bodyLength = (m[1]! << 16) | (m[2]! << 8) | m[3]!;
    if (bodyLength !== m.length - HEADER_LENGTH) {
      throw new CryptoArgumentError(
        'rawHandshakeMessage',
        `header says ${bodyLength} body bytes but ${m.length - HEADER_LENGTH} follow`,
      );
    }
    // A copy: the caller's buffer may be reused for the next record.
    const copy = m.slice();
    this.buffered.push(copy);
    for (const h of this.running.values()) h.update(copy);
  }

  /** Hash(handshake_messages) over every message added so far. */
  hash(hashName: HashName): Uint8Array {
    let h = this.running.get(hashName);
    if (!h) {
      h = runningHash(hashName);
      for (const m of this.buffered) h.update(m);
      this.running.set(hashName, h);
    }
    return h.digestSoFar();
  }

  /**
   * RFC 8446, Section 4.4.1: after a HelloRetryRequest the first ClientHello is replaced by a
   * synthetic message_hash message (type 254) whose body is Hash(ClientHello1), so the server
   * need not keep the ClientHello (a cookie can carry that hash instead).
   */
  replaceWithMessageHash(hashName: HashName): void {
    const digest = this.hash(hashName);
    const synthetic = new Uint8Array(HEADER_LENGTH + digest.length);
    synthetic[0] = MESSAGE_HASH;
    synthetic[3] = digest.length;
    synthetic.set(digest, HEADER_LENGTH);
    this.buffered.length = 0;
    this.running.clear();
    this.add(synthetic);
  }

  /** Copies of the messages in the order they were added. */
  get messages(): Uint8Array[] {
    return this.buffered.map((m) => m.slice());
  }

  get length(): number {
    return this.buffered.length;
  }
}
