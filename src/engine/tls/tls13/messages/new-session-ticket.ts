/**
 * The TLS 1.3 NewSessionTicket, RFC 8446, Section 4.6.1, sent after the handshake under the
 * application keys. The PSK it stands for is HKDF-Expand-Label(resumption_master_secret,
 * "resumption", ticket_nonce, Hash.length).
 *
 *   struct {
 *     uint32 ticket_lifetime;
 *     uint32 ticket_age_add;
 *     opaque ticket_nonce<0..255>;
 *     opaque ticket<1..2^16-1>;
 *     Extension extensions<0..2^16-2>;
 *   } NewSessionTicket;
 */
import { DecodeError, type Reader, type Writer } from '../../../bytes';
import { readOpaque, writeOpaque } from '../../messages/codec';
import { readExtensions, writeExtensions, type Extension } from '../../messages/extensions';

export interface NewSessionTicket13 {
  /** Seconds; at most 604800, seven days (RFC 8446, Section 4.6.1). */
  lifetime: number;
  ageAdd: number;
  nonce: Uint8Array;
  ticket: Uint8Array;
  extensions: Extension[];
}

/** RFC 8446, Section 4.6.1: "Servers MUST NOT use any value greater than 604800 seconds". */
export const MAX_TICKET_LIFETIME = 604800;

const showSeconds = (n: number): string => `${n} s`;

export function writeNewSessionTicket13(w: Writer, t: NewSessionTicket13): void {
  w.u32(t.lifetime, 'ticket_lifetime', {
    show: showSeconds,
    explain: 'tls.new_session_ticket13.ticket_lifetime',
  });
  w.u32(t.ageAdd, 'ticket_age_add', { explain: 'tls.new_session_ticket13.ticket_age_add' });
  writeOpaque(w, 1, 'ticket_nonce', t.nonce, 'tls.new_session_ticket13.ticket_nonce');
  writeOpaque(w, 2, 'ticket', t.ticket, 'tls.new_session_ticket.ticket');
  writeExtensions(w, t.extensions, 'tls.new_session_ticket13.extensions');
}

export function readNewSessionTicket13(r: Reader): NewSessionTicket13 {
  const at = r.offset;
  const lifetime = r.u32('ticket_lifetime', {
    show: showSeconds,
    explain: 'tls.new_session_ticket13.ticket_lifetime',
  });
  if (lifetime > MAX_TICKET_LIFETIME)
    throw new DecodeError(
      'decode.tls.ticket_lifetime',
      { lifetime, max: MAX_TICKET_LIFETIME },
      at,
      'illegal_value',
    );
  const ageAdd = r.u32('ticket_age_add', { explain: 'tls.new_session_ticket13.ticket_age_add' });
  const nonce = readOpaque(r, 1, 'ticket_nonce', {}, 'tls.new_session_ticket13.ticket_nonce');
  const ticket = readOpaque(r, 2, 'ticket', { min: 1 }, 'tls.new_session_ticket.ticket');
  const extensions = readExtensions(r, 'tls.new_session_ticket13.extensions', 'new_session_ticket');
  return { lifetime, ageAdd, nonce, ticket, extensions };
}
