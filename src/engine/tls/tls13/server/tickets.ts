/**
 * The TLS 1.3 server's tickets (RFC 8446, Section 4.6.1): the server keeps no state, so the
 * ticket itself carries the resumption PSK and what it may be used with, sealed under the
 * server's ticket key as RFC 5077, Section 4 recommends for TLS 1.2 tickets: key_name(16) ‖
 * nonce(12) ‖ AES-128-GCM(state), with the key name as AAD.
 */
import { aeadOpen, aeadSeal } from '../../../crypto/aead';
import { AeadAuthError } from '../../../crypto/errors';
import type { Rng } from '../../../sim/rng';

export interface Tls13TicketState {
  /** The PSK: HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, ...). */
  psk: Uint8Array;
  /** The suite of the connection that issued it; a resumption must use the same hash. */
  cipherSuite: number;
  /** When it was issued, on the injected clock, in milliseconds. */
  issuedAt: number;
  lifetimeSeconds: number;
  /** ticket_age_add: the client adds it to the ticket's age (Section 4.2.11.1). */
  ageAdd: number;
  alpn: string;
}

const NAME_LENGTH = 16;
const NONCE_LENGTH = 12;

export function sealTicket13(ticketKey: Uint8Array, state: Tls13TicketState, rng: Rng): Uint8Array {
  const name = ticketKey.subarray(0, NAME_LENGTH);
  const key = ticketKey.subarray(NAME_LENGTH, NAME_LENGTH + 16);
  const alpn = new TextEncoder().encode(state.alpn);
  const plain = new Uint8Array(2 + 8 + 4 + 4 + 1 + state.psk.length + 1 + alpn.length);
  const view = new DataView(plain.buffer);
  view.setUint16(0, state.cipherSuite);
  view.setBigUint64(2, BigInt(Math.max(0, Math.floor(state.issuedAt))));
  view.setUint32(10, state.lifetimeSeconds);
  view.setUint32(14, state.ageAdd >>> 0);
  plain[18] = state.psk.length;
  plain.set(state.psk, 19);
  plain[19 + state.psk.length] = alpn.length;
  plain.set(alpn, 20 + state.psk.length);
  const nonce = rng.bytes(NONCE_LENGTH);
  const sealed = aeadSeal('AES_128_GCM', key, nonce, name, plain);
  const ticket = new Uint8Array(NAME_LENGTH + NONCE_LENGTH + sealed.length);
  ticket.set(name);
  ticket.set(nonce, NAME_LENGTH);
  ticket.set(sealed, NAME_LENGTH + NONCE_LENGTH);
  return ticket;
}

/** The state in a ticket we sealed, or undefined for one we cannot open (another key, altered). */
export function openTicket13(
  ticketKey: Uint8Array,
  ticket: Uint8Array,
): Tls13TicketState | undefined {
  const name = ticketKey.subarray(0, NAME_LENGTH);
  if (ticket.length < NAME_LENGTH + NONCE_LENGTH + 16 + 20) return undefined;
  if (!ticket.subarray(0, NAME_LENGTH).every((b, i) => b === name[i])) return undefined;
  let plain: Uint8Array;
  try {
    plain = aeadOpen(
      'AES_128_GCM',
      ticketKey.subarray(NAME_LENGTH, NAME_LENGTH + 16),
      ticket.subarray(NAME_LENGTH, NAME_LENGTH + NONCE_LENGTH),
      name,
      ticket.subarray(NAME_LENGTH + NONCE_LENGTH),
    );
  } catch (e) {
    if (e instanceof AeadAuthError) return undefined;
    throw e;
  }
  const view = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
  const pskLength = plain[18]!;
  const alpnLength = plain[19 + pskLength]!;
  return {
    cipherSuite: view.getUint16(0),
    issuedAt: Number(view.getBigUint64(2)),
    lifetimeSeconds: view.getUint32(10),
    ageAdd: view.getUint32(14),
    psk: plain.slice(19, 19 + pskLength),
    alpn: new TextDecoder().decode(plain.subarray(20 + pskLength, 20 + pskLength + alpnLength)),
  };
}
