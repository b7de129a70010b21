/**
 * The TLS engine's keys in English: every fault (`tls.fault.<fault>`, ../engine/tls/errors.ts),
 * every note the TLS engine writes into the Trace (those of a handshake that succeeds are in
 * ./tls-notes.en.ts), and the one-line failure the CLI prints. Plain data, so the UI
 * (src/ui/i18n/en-tls.ts) and the CLI read the same table. Placeholders: see
 * ./format.ts; `{list#or}` joins a list with "or", `{n#byte/bytes}` picks the plural form.
 */
import { CERT_TEXT_EN } from './cert.en';
import { DNS_DECODE_TEXT_EN } from './decode-dns.en';
import { RECORDS_DECODE_TEXT_EN } from './decode-records.en';
import { DECODE_TEXT_EN } from './decode.en';
import { TLS_NOTES_EN } from './tls-notes.en';

export const TLS_TEXT_EN: Readonly<Record<string, string>> = {
  ...TLS_NOTES_EN,
  ...DECODE_TEXT_EN,
  ...DNS_DECODE_TEXT_EN,
  ...RECORDS_DECODE_TEXT_EN,
  ...CERT_TEXT_EN,
  'tls.failure.sent': 'alert {alert} sent by the {us}: {reason}',
  'tls.failure.received': 'alert {alert} received from the {peer}',
  'tls.failure.received_hint': 'alert {alert} received from the {peer}: {hint}',
  'tls.failure.received_no_client_certificate':
    'alert {alert} received from the server: it requires a client certificate, and this client has none',

  'tls.fault.inappropriate_handshake_message': 'expected {expectTypes#or} but got {gotType}',
  'tls.fault.inappropriate_message.unknown_content_type':
    'expected a known content type but got content type {contentType}',
  'tls.fault.inappropriate_message.ccs_inside_handshake_message':
    'expected the rest of a handshake message but got ChangeCipherSpec',
  'tls.fault.inappropriate_message.data_inside_handshake_message':
    'expected the rest of a handshake message but got application data',
  'tls.fault.inappropriate_message.application_data_before_finished':
    'expected {state} but got ApplicationData',
  'tls.fault.invalid_message.decode': '{detail} at offset {offset}',
  'tls.fault.invalid_message.record_overflow': '{detail}',
  'tls.fault.invalid_message.plaintext_too_long':
    'a plaintext record of {length} {length#byte/bytes} exceeds the maximum {max}',
  'tls.fault.decrypt_error.bad_record_mac':
    'a record failed authentication: it was altered or encrypted under other keys',
  'tls.fault.peer_incompatible.client_version_too_old':
    'the client offers at most {version}; this server requires TLS 1.2',
  'tls.fault.peer_incompatible.server_version_unsupported':
    'the server chose {version}; this client speaks only TLS 1.2',
  'tls.fault.peer_incompatible.no_shared_group':
    'no shared ECDHE group: the client offered {offered}; the server supports {supported}',
  'tls.fault.peer_incompatible.no_shared_cipher_suite':
    'no cipher suite in common: the client offered {offered}; the server supports {supported}{passedOverClause}',
  'tls.fault.peer_incompatible.no_shared_cipher_suite_no_sigalgs':
    'no cipher suite in common: the client offered {offered}; the server supports {supported}{passedOverClause}; the client sent no signature_algorithms',
  'tls.fault.clause.passed_over': ' (passed over: {passedOver})',
  'tls.fault.peer_incompatible.no_application_protocol':
    'no common application protocol: the client offered {offered}',
  'tls.fault.peer_incompatible.certificate_curve_not_offered':
    "the server's certificate key is on {curve}, a curve this client did not offer in supported_groups (RFC 8422, Section 5.3)",
  'tls.fault.peer_incompatible.client_certificate_unsupported':
    'the client sent a certificate, but this server cannot verify client certificates; it goes on only without one',
  'tls.fault.peer_misbehaved.record_version_not_tls':
    'a record carries version {version}, which is not TLS',
  'tls.fault.peer_misbehaved.record_version_changed':
    'a record carries version {version} after TLS 1.2 was agreed',
  'tls.fault.peer_misbehaved.null_compression_not_offered':
    'the ClientHello does not offer the null compression method (RFC 5246, Section 7.4.1.2)',
  'tls.fault.peer_misbehaved.client_renegotiation_info_not_empty':
    'the client sent a non-empty renegotiation_info on an initial handshake (RFC 5746, Section 3.6)',
  'tls.fault.peer_misbehaved.server_renegotiation_info_not_empty':
    'the server sent a non-empty renegotiation_info on an initial handshake',
  'tls.fault.peer_misbehaved.resumption_offered_without_its_suite':
    'the client offers to resume a session made with {suite}, but does not offer that suite (RFC 5246, Section 7.4.1.2)',
  'tls.fault.peer_misbehaved.resumption_offered_without_ems':
    'the client offers to resume a session made with extended_master_secret, but without the extension (RFC 7627, Section 5.3)',
  'tls.fault.peer_misbehaved.server_version_not_tls12':
    'the server chose {version}; this client speaks only TLS 1.2',
  'tls.fault.peer_misbehaved.selected_unoffered_cipher_suite':
    'the server selected {suite}, which the client never offered',
  'tls.fault.peer_misbehaved.selected_unusable_cipher_suite':
    'the server selected {suite}, which this client cannot use',
  'tls.fault.peer_misbehaved.selected_unoffered_compression':
    'the server selected compression method {method}; only null was offered',
  'tls.fault.peer_misbehaved.resumed_with_different_suite':
    'the server resumed a {sessionSuite} session with {suite}',
  'tls.fault.peer_misbehaved.resumed_with_different_ems':
    'the server resumed a session with a different extended_master_secret setting',
  'tls.fault.peer_misbehaved.unsolicited_extension':
    'the server sent extension {extension} that the client did not offer',
  'tls.fault.peer_misbehaved.selected_unoffered_alpn':
    'the server selected ALPN protocol {protocols}, which the client did not offer',
  'tls.fault.peer_misbehaved.certificate_key_wrong_for_suite':
    "the server's certificate holds a {keyType} key, but {suite} needs {auth}",
  'tls.fault.peer_misbehaved.key_exchange_not_named_curve':
    'the ServerKeyExchange does not use a named curve (RFC 8422, Section 5.4)',
  'tls.fault.peer_misbehaved.selected_unoffered_group':
    'the server chose group {group}, which the client did not offer',
  'tls.fault.peer_misbehaved.signed_with_unoffered_scheme':
    'the server signed with {scheme}, which the client did not offer',
  'tls.fault.peer_misbehaved.scheme_does_not_fit_key':
    'the server signed with {scheme}, which does not fit its {keyType} certificate key',
  'tls.fault.peer_misbehaved.invalid_key_share':
    "the peer's {group} public key is invalid: {detail}",
  'tls.fault.peer_misbehaved.bad_key_exchange_signature':
    "the ServerKeyExchange signature ({scheme}) does not verify with the certificate's key",
  'tls.fault.peer_misbehaved.client_finished_mismatch':
    "the client's Finished does not match the handshake we saw: a message was altered, or the keys differ",
  'tls.fault.peer_misbehaved.server_finished_mismatch':
    "the server's Finished does not match the handshake we saw: a message was altered, or the keys differ",
  'tls.fault.invalid_certificate.expired':
    'The certificate for {subject} expired on {notAfter}; it is now {now}.',
  'tls.fault.invalid_certificate.not_valid_yet':
    'The certificate for {subject} is not valid until {notBefore}; it is now {now}.',
  'tls.fault.invalid_certificate.not_valid_for_name':
    'The certificate for {subject} is not valid for {hostname}: it names only {names}.',
  'tls.fault.invalid_certificate.not_valid_for_name_no_san':
    'The certificate for {subject} is not valid for {hostname}: it has no subjectAltName, and the common name is not used to match hosts.',
  'tls.fault.invalid_certificate.unknown_issuer':
    '{subject} was issued by {issuer}, which is not one of the trusted root certificates.',
  'tls.fault.invalid_certificate.untrusted_root':
    'The chain ends at {subject}, a self-signed root that is not one of the trusted root certificates.',
  'tls.fault.invalid_certificate.self_signed':
    'The certificate for {subject} is self-signed: no certificate authority vouches for it, and it is not one of the trusted certificates.',
  'tls.fault.invalid_certificate.missing_intermediate':
    'The server sent the certificate for {subject} without the certificate of its issuer, {issuer}, which is not a trusted root, so the chain cannot be completed.',
  'tls.fault.invalid_certificate.bad_signature':
    'The signature on the certificate for {subject} does not verify with the key of its issuer, {issuer}: the certificate was altered or not issued by it.',
  'tls.fault.invalid_certificate.bad_self_signature':
    'The certificate for {subject} claims to be self-signed, but its signature does not verify with its own key.',
  'tls.fault.invalid_certificate.issuer_not_ca':
    '{issuer} issued the certificate for {subject}, but it is not a certificate authority (its basicConstraints does not say CA), so it may not issue certificates.',
  'tls.fault.invalid_certificate.path_too_long':
    '{issuer} may have at most {pathLen} CA {pathLen#certificate/certificates} below it (pathLenConstraint {pathLen}), but the chain has {casBelow}.',
  'tls.fault.invalid_certificate.issuer_cannot_sign_certificates':
    '{issuer} issued the certificate for {subject}, but its keyUsage does not allow it to sign certificates (keyCertSign).',
  'tls.fault.invalid_certificate.cannot_sign':
    'The certificate for {subject} does not allow its key to make signatures (keyUsage lacks digitalSignature), and an ECDHE handshake needs the server to sign its key exchange.',
  'tls.fault.invalid_certificate.not_for_server_auth':
    'The certificate for {subject} is not meant for TLS servers: its extKeyUsage does not include serverAuth.',
  'tls.fault.invalid_certificate.unhandled_critical_extension':
    'The certificate for {subject} has a critical extension ({extensions}) that this client does not understand, so it must be refused.',
  'tls.fault.invalid_certificate.bad_encoding':
    'Certificate {index} of {count} that the server sent is not a valid DER X.509 certificate: {cause}.',
  'tls.fault.invalid_certificate.empty':
    'The server sent an empty certificate list, so there is no certificate to check.',
  'tls.fault.alert_received': 'the peer sent a fatal {description} alert',
  'tls.fault.transport.closed_during_handshake':
    'the {peer} closed the connection during the handshake (in {state})',
  'tls.fault.transport.error': 'transport error: {detail}',
  'tls.fault.internal.timeout': 'timed out waiting in {state}',
  'tls.fault.internal.timeout_waiting_for': 'timed out waiting in {state} ({deadline})',
  'tls.fault.invalid_message.illegal_value': '{detail} at offset {offset}',
  'tls.fault.inappropriate_message.bad_change_cipher_spec':
    'a ChangeCipherSpec must be the single byte 1, but it was {bytes}',
  'tls.fault.inappropriate_message.empty_record':
    'an encrypted {contentType} record with nothing in it: only application data may be empty',
  'tls.fault.inappropriate_message.too_much_early_data':
    'more than {max} bytes of early data, which this server never accepts and only skips',
  'tls.fault.inappropriate_message.handshake_spans_key_change':
    'more handshake data followed {message} in its record, but the keys change after {message}',
  'tls.fault.peer_misbehaved.unknown_alert_level':
    'the peer sent an alert of unknown level {level}',
  'tls.fault.peer_misbehaved.too_many_warning_alerts':
    'the peer sent {count} warning alerts in a row (the last {last}) and nothing else',
  'tls.fault.peer_misbehaved.empty_server_name':
    'the ClientHello has an empty server_name extension (RFC 6066, Section 3)',
  'tls.fault.peer_misbehaved.point_formats_without_uncompressed':
    "the ClientHello's ec_point_formats ({formats}) lacks uncompressed (RFC 8422, Section 5.1.2)",
  'tls.fault.peer_misbehaved.tls13_compression_not_null':
    'a TLS 1.3 ClientHello must offer only the null compression method (RFC 8446, Section 4.1.2)',
  'tls.fault.peer_misbehaved.retry_hello_changed':
    'the ClientHello after our HelloRetryRequest changed {detail}, not only what we asked for (RFC 8446, Section 4.1.2)',
  'tls.fault.peer_misbehaved.missing_extension':
    'the ClientHello lacks the {extension} extension that TLS 1.3 needs here (RFC 8446, Section 9.2)',
  'tls.fault.peer_misbehaved.bad_psk_binder':
    'the binder of PSK identity {identity} does not verify (RFC 8446, Section 4.2.11.2)',
  'tls.fault.peer_incompatible.no_tls13_signature_scheme':
    'none of the signature schemes offered ({offered}) can sign a TLS 1.3 CertificateVerify with our certificates',
  'tls.fault.peer_incompatible.version_not_served':
    'the client offers {offered} but this server serves only {served}',
  'tls.fault.peer_misbehaved.inappropriate_fallback':
    'the client falls back to {version} (TLS_FALLBACK_SCSV) but this server supports TLS 1.2 (RFC 7507, Section 3)',
  'tls.fault.peer_misbehaved.selected_unoffered_version':
    'the server selected {version}, which we did not offer (RFC 8446, Section 4.2.1)',
  'tls.fault.peer_misbehaved.downgrade_sentinel':
    'the server negotiated {version} but its random carries the TLS 1.3 downgrade sentinel: someone removed TLS 1.3 from our offer (RFC 8446, Section 4.1.3)',
  'tls.fault.peer_misbehaved.server_hello_missing_key_share':
    'the TLS 1.3 ServerHello has no key_share, and we offered no PSK-only mode (RFC 8446, Section 4.2.8)',
  'tls.fault.peer_misbehaved.key_share_group_not_offered':
    "the server's key share is in {group}, for which we sent no key share (RFC 8446, Section 4.2.8)",
  'tls.fault.peer_misbehaved.retry_for_unoffered_group':
    'the HelloRetryRequest asks for {group}, which is not in our supported_groups (RFC 8446, Section 4.2.8)',
  'tls.fault.peer_misbehaved.retry_for_sent_share':
    'the HelloRetryRequest asks for {group}, for which we already sent a key share (RFC 8446, Section 4.2.8)',
  'tls.fault.peer_misbehaved.retry_changes_nothing':
    'the HelloRetryRequest would not change the ClientHello (RFC 8446, Section 4.1.4)',
  'tls.fault.peer_misbehaved.suite_changed_after_retry':
    'the ServerHello selects {suite} but the HelloRetryRequest selected {retrySuite} (RFC 8446, Section 4.1.4)',
  'tls.fault.peer_misbehaved.session_id_not_echoed':
    "the ServerHello's legacy_session_id_echo is not the session ID we sent (RFC 8446, Section 4.1.3)",
  'tls.fault.peer_misbehaved.extension_not_allowed_here':
    'the {message} carries {extension}, which that message may not carry (RFC 8446, Section 4.2)',
  'tls.fault.peer_misbehaved.malformed_extension':
    "the {message}'s {extension} extension is malformed",
  'tls.fault.peer_misbehaved.selected_unoffered_psk':
    'the server selected PSK identity {identity} but we offered {offered} (RFC 8446, Section 4.2.11)',
  'tls.fault.peer_misbehaved.bad_certificate_verify':
    "the server's CertificateVerify ({scheme}) does not verify against its certificate (RFC 8446, Section 4.4.3)",
  'tls.fault.internal.error': '{detail}',

  // What a received alert usually means (RFC 5246, Section 7.2.2), for the one-line failure.
  'tls.peer_alert_hint.handshake_failure':
    'it found no acceptable cipher suite, group or signature algorithm in what we offered',
  'tls.peer_alert_hint.protocol_version': 'it does not accept the TLS version we offered',
  'tls.peer_alert_hint.bad_certificate': 'it rejected the certificate',
  'tls.peer_alert_hint.unknown_ca': "it does not trust the certificate's issuer",
  'tls.peer_alert_hint.certificate_expired':
    'it says the certificate has expired or is not yet valid',
  'tls.peer_alert_hint.decrypt_error': 'a signature or Finished message failed to verify',
  'tls.peer_alert_hint.bad_record_mac': 'a record failed authentication',
  'tls.peer_alert_hint.decode_error': 'it could not parse one of our messages',
  'tls.peer_alert_hint.illegal_parameter':
    'a field in one of our messages had a value it does not allow',
  'tls.peer_alert_hint.unrecognized_name': 'it does not serve the name we sent in server_name',
  'tls.peer_alert_hint.no_application_protocol':
    'it supports none of the ALPN protocols we offered',
  'tls.peer_alert_hint.internal_error': 'it failed for reasons of its own',
};
