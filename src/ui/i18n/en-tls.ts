/**
 * The TLS engine's faults, alerts' reasons and meanings, and certificate checks in English (../../i18n/tls.en.ts),
 * for the notes and status lines of a handshake that fails. A handshake that succeeds needs only
 * the notes in en.ts; this part arrives before a run that needs more is shown (./index.ts,
 * `loadEnglishFor`), and with the prefetch after the first drawing.
 */
import { TLS_TEXT_EN } from '../../i18n/tls.en';
import type { Table } from './en';

/**
 * What each TLS alert description but close_notify (en.ts) means (RFC 5246, Section 7.2.2; RFC 6066,
 * Section 3; RFC 7301, Section 3.2), keyed by the description's name as the RFCs spell it.
 */
const alerts: Table = {
  unexpected_message:
    'A message arrived that does not belong at this point of the handshake, such as a Finished before the key exchange.',
  bad_record_mac:
    'A record failed its authentication check: its tag did not match, so it was changed on the way or encrypted with other keys.',
  record_overflow: 'A record was longer than TLS allows (2^14 bytes of plaintext plus expansion).',
  decompression_failure: 'Decompressing a record failed. TLS compression is no longer used.',
  handshake_failure:
    'The two sides could not agree: no cipher suite, group or signature algorithm that both accept.',
  bad_certificate:
    'The certificate is damaged, its signature does not verify, or it is not valid for the name that was asked for.',
  unsupported_certificate: 'The certificate is of a type the receiver does not support.',
  certificate_revoked: 'The certificate was revoked by its issuer.',
  certificate_expired: 'The certificate has expired, or is not valid yet.',
  certificate_unknown: 'Some other problem with the certificate made it unacceptable.',
  illegal_parameter: 'A field in a message had a value that is not allowed there.',
  unknown_ca: 'The certificate chain does not lead to a root certificate that the receiver trusts.',
  access_denied: 'The sender has decided not to go on with this peer.',
  decode_error: 'A message could not be parsed: a length or a field is wrong.',
  decrypt_error:
    'A cryptographic check failed: a signature did not verify, or a Finished message did not match.',
  protocol_version: 'The peer offered a protocol version that the sender does not accept.',
  insufficient_security: 'The peer offered only cipher suites weaker than the sender requires.',
  internal_error: 'Something went wrong inside the sender, unrelated to the peer’s messages.',
  inappropriate_fallback: 'A downgraded retry was refused (RFC 7507).',
  user_canceled:
    'The handshake is being cancelled for a reason that has nothing to do with the protocol.',
  no_renegotiation: 'The sender does not want to renegotiate this connection.',
  unsupported_extension: 'The peer answered with an extension that was never offered to it.',
  unrecognized_name: 'The server does not serve the name the client sent in server_name.',
  no_application_protocol:
    'None of the application protocols the client offered in ALPN is one the server speaks.',
  missing_extension: 'A TLS 1.3 message lacks an extension it must carry, such as key_share.',
  unknown_psk_identity: 'The server knows none of the pre-shared keys the client offered.',
  certificate_required: 'The server needs a client certificate and got none.',
};

/**
 * Message names of several words, by the engine's name, for the languages that say them otherwise
 * (English shows the engine's name as it is until this part arrives).
 */
const names: Table = {
  'Certificate (empty)': 'Certificate (empty)',
};

export const enTls: { notes: Table; alerts: Table; names: Table } = {
  notes: TLS_TEXT_EN,
  alerts,
  names,
};
