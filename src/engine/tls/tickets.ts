/**
 * Session tickets: the server's session state, sealed under a key only it knows, so it can resume
 * without a cache. RFC 5077, Section 4 recommends key_name ‖ IV ‖ encrypted_state ‖ MAC; we use an
 * AEAD (AES-128-GCM) in place of the separate encryption and MAC.
 */
import { Reader } from '../bytes/reader';
import { Writer } from '../bytes/writer';
import { aeadOpen, aeadSeal } from '../crypto/aead';
import type { Rng } from '../sim/rng';
import { bytesEqual } from '../bytes/hex';
import { cipherSuite } from './enums';
import type { Session } from './session';

const KEY_NAME_LENGTH = 16;
const NONCE_LENGTH = 12;
const STATE_VERSION = 1;

export function sealTicket(ticketKey: Uint8Array, session: Session, rng: Rng): Uint8Array {
  const keyName = ticketKey.subarray(0, KEY_NAME_LENGTH);
  const nonce = rng.bytes(NONCE_LENGTH);
  const state = new Writer()
    .u8(STATE_VERSION)
    .u16(session.cipherSuite)
    .u8(session.extendedMasterSecret ? 1 : 0)
    .u64(BigInt(session.createdAt))
    .vector(1, 'master_secret', (w) => w.bytes(session.masterSecret))
    .toBytes();
  const sealed = aeadSeal(
    'AES_128_GCM',
    ticketKey.subarray(KEY_NAME_LENGTH),
    nonce,
    keyName,
    state,
  );
  return new Writer().bytes(keyName).bytes(nonce).bytes(sealed).toBytes();
}

/**
 * Why a ticket did not open. OpenSSL's tls_decrypt_ticket() reports both as
 * SSL_TICKET_NO_DECRYPT; we keep them apart so the Trace can say which.
 */
export type TicketFailure =
  /** Its key name is not the server's current key's: sealed before a key rotation, or by another server. */
  | 'unknown_key'
  /** The key name is ours but the AEAD tag or the state inside does not check out: it was altered. */
  | 'not_authentic';

export type OpenedTicket =
  { ok: true; session: Omit<Session, 'sessionId'> } | { ok: false; why: TicketFailure };

/** The session inside a ticket, or why it cannot be had (RFC 5077, Section 3.4: fall back to a full handshake). */
export function openTicket(ticketKey: Uint8Array, ticket: Uint8Array): OpenedTicket {
  const keyName = ticket.subarray(0, KEY_NAME_LENGTH);
  if (
    ticket.length < KEY_NAME_LENGTH ||
    !bytesEqual(keyName, ticketKey.subarray(0, KEY_NAME_LENGTH))
  )
    return { ok: false, why: 'unknown_key' };
  const notAuthentic = { ok: false, why: 'not_authentic' } as const;
  if (ticket.length < KEY_NAME_LENGTH + NONCE_LENGTH + 16) return notAuthentic;
  const nonce = ticket.subarray(KEY_NAME_LENGTH, KEY_NAME_LENGTH + NONCE_LENGTH);
  let state: Uint8Array;
  try {
    state = aeadOpen(
      'AES_128_GCM',
      ticketKey.subarray(KEY_NAME_LENGTH),
      nonce,
      keyName,
      ticket.subarray(KEY_NAME_LENGTH + NONCE_LENGTH),
    );
  } catch {
    return notAuthentic;
  }
  try {
    const r = new Reader(state);
    if (r.u8() !== STATE_VERSION) return notAuthentic;
    const suite = cipherSuite(r.u16());
    const extendedMasterSecret = r.u8() === 1;
    const createdAt = Number(r.u64());
    const masterSecret = r.vector(1, 'master_secret', (v) => v.rest());
    r.expectEnd();
    return {
      ok: true,
      session: { cipherSuite: suite, extendedMasterSecret, createdAt, masterSecret },
    };
  } catch {
    return notAuthentic;
  }
}
