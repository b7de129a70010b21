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

/** The session inside a ticket, or undefined when it is not ours or was altered (RFC 5077, Section 3.4: fall back to a full handshake). */
export function openTicket(
  ticketKey: Uint8Array,
  ticket: Uint8Array,
): Omit<Session, 'sessionId'> | undefined {
  if (ticket.length < KEY_NAME_LENGTH + NONCE_LENGTH + 16) return undefined;
  const keyName = ticket.subarray(0, KEY_NAME_LENGTH);
  if (!bytesEqual(keyName, ticketKey.subarray(0, KEY_NAME_LENGTH))) return undefined;
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
    return undefined;
  }
  try {
    const r = new Reader(state);
    if (r.u8() !== STATE_VERSION) return undefined;
    const cipherSuite = r.u16();
    const extendedMasterSecret = r.u8() === 1;
    const createdAt = Number(r.u64());
    const masterSecret = r.vector(1, 'master_secret', (v) => v.rest());
    r.expectEnd();
    return { cipherSuite, extendedMasterSecret, createdAt, masterSecret };
  } catch {
    return undefined;
  }
}
