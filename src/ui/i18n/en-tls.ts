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
 * The engine's notes, and those of runs that resume a session or meet a warning alert, a
 * renegotiation or a close without close_notify, which the default handshake does not.
 */
const notes: Table = {
  ...TLS_TEXT_EN,
  'tls.client.offer_resumption': 'The client offers to resume an earlier session by {by}.',
  'tls.client.resumed':
    'The client resumed the earlier session by {by}: no certificate and no key exchange needed.',
  'tls.client.resumption_declined': 'The server declined to resume; this is a full handshake.',
  'tls.server.resuming': 'The server resumes the earlier session by {by}.',
  'tls.server.resumption_ems_mismatch':
    'The server will not resume: the earlier session and this ClientHello disagree about the extended master secret (RFC 7627, Section 5.3).',
  'tls.server.resumption_suite_gone':
    'The server will not resume: the session’s suite {suite} is no longer offered.',
  'tls.server.session_cache_miss':
    'The server does not have that session ID any more; it starts a full handshake.',
  'tls.server.ticket_unknown_key':
    'The server cannot decrypt the ticket: it was sealed under a ticket key the server no longer has. It does not look for the session ID either, and starts a full handshake with a new session and a new ticket.',
  'tls.server.ticket_not_authentic':
    'The server cannot decrypt the ticket: it names the server’s key but fails its integrity check, so it was altered. The server starts a full handshake.',
  'tls.server.ticket_expired':
    'The server decrypted the ticket, but its session is older than the server’s session lifetime; it starts a full handshake.',
  'tls.transport_closed_without_close_notify':
    'The connection closed without close_notify: the peer cannot tell whether the data was complete.',
  'tls.record.inner_type':
    'TLS 1.3 hides the real content type inside the encryption: it is the last non-zero byte of TLSInnerPlaintext, after the content and before any zero padding. Outside, every record says application_data.',
  'tls.alert.warning_ignored': 'A warning alert ({description}) was received and ignored.',
  'tls.server.renegotiation_refused':
    'The client asked to renegotiate with a new ClientHello. This server does not renegotiate: it answers with a no_renegotiation warning and the connection carries on (RFC 5246, Section 7.2.2).',
};

/**
 * Message names of several words, by the engine's name, for the languages that say them otherwise
 * (English shows the engine's name as it is until this part arrives).
 */
const names: Table = {
  'Certificate (empty)': 'Certificate (empty)',
};

export const enTls: { notes: Table; alerts: Table; names: Table } = { notes, alerts, names };
