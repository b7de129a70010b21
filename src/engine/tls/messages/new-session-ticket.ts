/**
 * NewSessionTicket, RFC 5077, Section 3.3:
 *
 *   struct { uint32 ticket_lifetime_hint; opaque ticket<0..2^16-1>; } NewSessionTicket;
 *
 * A lifetime hint of zero means the lifetime is unspecified; an empty ticket means the server,
 * having promised a ticket in its ServerHello, decided not to issue one.
 */
import type { Reader, Writer } from '../../bytes';
import { readOpaque, writeOpaque } from './codec';

export interface NewSessionTicket {
  /** Seconds. */
  lifetimeHint: number;
  ticket: Uint8Array;
}

const showSeconds = (n: number): string => `${n} s`;

export function writeNewSessionTicket(w: Writer, t: NewSessionTicket): void {
  w.u32(t.lifetimeHint, 'ticket_lifetime_hint', {
    show: showSeconds,
    explain: 'tls.new_session_ticket.ticket_lifetime_hint',
  });
  writeOpaque(w, 2, 'ticket', t.ticket, 'tls.new_session_ticket.ticket');
}

export function readNewSessionTicket(r: Reader): NewSessionTicket {
  const lifetimeHint = r.u32('ticket_lifetime_hint', {
    show: showSeconds,
    explain: 'tls.new_session_ticket.ticket_lifetime_hint',
  });
  const ticket = readOpaque(r, 2, 'ticket', {}, 'tls.new_session_ticket.ticket');
  return { lifetimeHint, ticket };
}
