/**
 * Typed TLS errors named by fault, as rustls names them (rustls/src/error.rs:
 * InappropriateHandshakeMessage, InvalidMessage, PeerMisbehaved, PeerIncompatible,
 * InvalidCertificate, AlertReceived), and the one place a fault becomes an alert (STYLE.md).
 * States throw a TlsFailure; they never send alerts themselves. A fault carries parameters, not
 * words: the UI and the CLI read its text from the language tables under `tls.fault.<fault>`.
 */
import type { DecodeKey } from '../bytes';
import { AlertDescription } from './enums';

/** A parameter value the language tables can fill in; a list is joined as the language joins. */
export type FaultParam = string | number | readonly string[];

/** The key of the clause naming the suites a server passed over, said only when it passed some. */
export const PASSED_OVER_CLAUSE = 'tls.fault.clause.passed_over';
export type PassedOverClause = typeof PASSED_OVER_CLAUSE | '';

/**
 * A DecodeError as a fault's parameters: `detail` is its key (src/i18n/decode.en.ts), filled in
 * from the rest, and `offset` where in the input it happened.
 */
export type DecodeDetail = Readonly<Record<string, string | number>> & {
  detail: DecodeKey;
  offset: number;
};

/** Every fault and the parameters its text needs. */
export interface FaultParams {
  // RFC 5246, Section 7.2.2: a message the state machine does not expect here.
  inappropriate_handshake_message: { expectTypes: readonly string[]; gotType: string };
  'inappropriate_message.unknown_content_type': { contentType: number };
  'inappropriate_message.ccs_inside_handshake_message': Record<string, never>;
  'inappropriate_message.data_inside_handshake_message': Record<string, never>;
  'inappropriate_message.application_data_before_finished': { state: string };
  'invalid_message.decode': DecodeDetail;
  'invalid_message.record_overflow': { detail: string };
  'invalid_message.plaintext_too_long': { length: number; max: number };
  'decrypt_error.bad_record_mac': Record<string, never>;
  'peer_incompatible.client_version_too_old': { version: string };
  'peer_incompatible.server_version_unsupported': { version: string };
  'peer_incompatible.no_shared_group': { offered: readonly string[]; supported: readonly string[] };
  'peer_incompatible.no_shared_cipher_suite': {
    offered: readonly string[];
    supported: readonly string[];
    passedOver: readonly string[];
    /** The "(passed over: …)" clause's key when a suite was passed over, else nothing. */
    passedOverClause: PassedOverClause;
  };
  'peer_incompatible.no_shared_cipher_suite_no_sigalgs': {
    offered: readonly string[];
    supported: readonly string[];
    passedOver: readonly string[];
    /** The "(passed over: …)" clause's key when a suite was passed over, else nothing. */
    passedOverClause: PassedOverClause;
  };
  'peer_incompatible.no_application_protocol': { offered: readonly string[] };
  'peer_incompatible.certificate_curve_not_offered': { curve: string };
  'peer_incompatible.client_certificate_unsupported': Record<string, never>;
  'peer_misbehaved.record_version_not_tls': { version: string };
  'peer_misbehaved.record_version_changed': { version: string };
  'peer_misbehaved.null_compression_not_offered': Record<string, never>;
  'peer_misbehaved.client_renegotiation_info_not_empty': Record<string, never>;
  'peer_misbehaved.server_renegotiation_info_not_empty': Record<string, never>;
  'peer_misbehaved.resumption_offered_without_its_suite': { suite: string };
  'peer_misbehaved.resumption_offered_without_ems': Record<string, never>;
  'peer_misbehaved.server_version_not_tls12': { version: string };
  'peer_misbehaved.selected_unoffered_cipher_suite': { suite: string };
  'peer_misbehaved.selected_unusable_cipher_suite': { suite: string };
  'peer_misbehaved.selected_unoffered_compression': { method: number };
  'peer_misbehaved.resumed_with_different_suite': { sessionSuite: string; suite: string };
  'peer_misbehaved.resumed_with_different_ems': Record<string, never>;
  'peer_misbehaved.unsolicited_extension': { extension: number };
  'peer_misbehaved.selected_unoffered_alpn': { protocols: readonly string[] };
  'peer_misbehaved.certificate_key_wrong_for_suite': {
    keyType: string;
    suite: string;
    auth: string;
  };
  'peer_misbehaved.key_exchange_not_named_curve': Record<string, never>;
  'peer_misbehaved.selected_unoffered_group': { group: string };
  'peer_misbehaved.signed_with_unoffered_scheme': { scheme: string };
  'peer_misbehaved.scheme_does_not_fit_key': { scheme: string; keyType: string };
  'peer_misbehaved.invalid_key_share': { group: string; detail: string };
  'peer_misbehaved.bad_key_exchange_signature': { scheme: string };
  'peer_misbehaved.client_finished_mismatch': Record<string, never>;
  // RFC 8446: what a TLS 1.3 server refuses in a ClientHello.
  'peer_misbehaved.tls13_compression_not_null': Record<string, never>;
  'peer_misbehaved.retry_hello_changed': { detail: string };
  'peer_misbehaved.missing_extension': { extension: string };
  'peer_misbehaved.bad_psk_binder': { identity: number };
  'peer_incompatible.no_tls13_signature_scheme': { offered: readonly string[] };
  'peer_incompatible.version_not_served': {
    offered: readonly string[];
    served: readonly string[];
  };
  'peer_misbehaved.server_finished_mismatch': Record<string, never>;
  // RFC 5280 path validation, in the words of rustls's CertificateError.
  'invalid_certificate.expired': { subject: string; notAfter: string; now: string };
  'invalid_certificate.not_valid_yet': { subject: string; notBefore: string; now: string };
  'invalid_certificate.not_valid_for_name': {
    subject: string;
    hostname: string;
    names: readonly string[];
  };
  'invalid_certificate.not_valid_for_name_no_san': { subject: string; hostname: string };
  'invalid_certificate.unknown_issuer': { subject: string; issuer: string };
  'invalid_certificate.untrusted_root': { subject: string };
  'invalid_certificate.self_signed': { subject: string };
  'invalid_certificate.missing_intermediate': { subject: string; issuer: string };
  'invalid_certificate.bad_signature': { subject: string; issuer: string };
  'invalid_certificate.bad_self_signature': { subject: string };
  'invalid_certificate.issuer_not_ca': { subject: string; issuer: string };
  'invalid_certificate.path_too_long': { issuer: string; pathLen: number; casBelow: number };
  'invalid_certificate.issuer_cannot_sign_certificates': { subject: string; issuer: string };
  'invalid_certificate.cannot_sign': { subject: string };
  'invalid_certificate.not_for_server_auth': { subject: string };
  'invalid_certificate.unhandled_critical_extension': {
    subject: string;
    extensions: readonly string[];
  };
  'invalid_certificate.bad_encoding': Readonly<Record<string, string | number>> & {
    index: number;
    count: number;
    /** A key of src/i18n/cert.en.ts (`cert.parse.…`), filled from the other parameters. */
    cause: string;
  };
  'invalid_certificate.empty': Record<string, never>;
  alert_received: { description: string };
  'transport.closed_during_handshake': { peer: string; state: string };
  'transport.error': { detail: string };
  'internal.timeout': { state: string };
  'internal.timeout_waiting_for': { state: string; deadline: string };
  'internal.error': { detail: string };
  'invalid_message.illegal_value': DecodeDetail;
  'inappropriate_message.bad_change_cipher_spec': { bytes: string };
  'inappropriate_message.empty_record': { contentType: string };
  'inappropriate_message.handshake_spans_key_change': { message: string };
  'inappropriate_message.too_much_early_data': { max: number };
  'peer_misbehaved.unknown_alert_level': { level: number };
  'peer_misbehaved.too_many_warning_alerts': { count: number; last: string };
  'peer_misbehaved.empty_server_name': Record<string, never>;
  'peer_misbehaved.point_formats_without_uncompressed': { formats: readonly string[] };
  'peer_misbehaved.inappropriate_fallback': { version: string };
  // RFC 8446: what a TLS 1.3 client refuses from a server.
  'peer_misbehaved.selected_unoffered_version': { version: string };
  'peer_misbehaved.downgrade_sentinel': { version: string };
  'peer_misbehaved.server_hello_missing_key_share': Record<string, never>;
  'peer_misbehaved.key_share_group_not_offered': { group: string };
  'peer_misbehaved.retry_for_unoffered_group': { group: string };
  'peer_misbehaved.retry_for_sent_share': { group: string };
  'peer_misbehaved.retry_changes_nothing': Record<string, never>;
  'peer_misbehaved.suite_changed_after_retry': { retrySuite: string; suite: string };
  'peer_misbehaved.session_id_not_echoed': Record<string, never>;
  'peer_misbehaved.extension_not_allowed_here': { extension: string; message: string };
  'peer_misbehaved.malformed_extension': { extension: string; message: string };
  'peer_misbehaved.selected_unoffered_psk': { identity: number; offered: number };
  'peer_misbehaved.bad_certificate_verify': { scheme: string };
}

export type Fault = keyof FaultParams;

export type TlsError = {
  [F in Fault]: { fault: F; params: FaultParams[F] };
}[Fault];

/** A certificate problem: a TlsError whose fault is one of the invalid_certificate ones. */
export type CertificateFault = Extract<Fault, `invalid_certificate.${string}`>;

/**
 * The alert each fault sends: the one mapping from fault to alert. `null`: none is sent (the
 * peer's own fatal alert ends the connection without an answer, RFC 5246, Section 7.2.2, or the
 * transport is gone). Where RFC 5246 leaves a choice, OpenSSL's or Go's choice is named.
 */
export const ALERT_FOR_FAULT: Readonly<Record<Fault, keyof typeof AlertDescription | null>> = {
  inappropriate_handshake_message: 'unexpected_message',
  // RFC 5246, Section 6: an unexpected record type is unexpected_message, not a decode error.
  'inappropriate_message.unknown_content_type': 'unexpected_message',
  // RFC 5246, Section 7.1: CCS may not arrive in the middle of a fragmented handshake message.
  'inappropriate_message.ccs_inside_handshake_message': 'unexpected_message',
  // RFC 8446, Section 5.1: records of other types never come between a message's fragments.
  'inappropriate_message.data_inside_handshake_message': 'unexpected_message',
  'inappropriate_message.application_data_before_finished': 'unexpected_message',
  'invalid_message.decode': 'decode_error',
  'invalid_message.record_overflow': 'record_overflow',
  'invalid_message.plaintext_too_long': 'record_overflow',
  'decrypt_error.bad_record_mac': 'bad_record_mac',
  // RFC 5246, Appendix E.1.
  'peer_incompatible.client_version_too_old': 'protocol_version',
  'peer_incompatible.server_version_unsupported': 'protocol_version',
  'peer_incompatible.no_shared_group': 'handshake_failure',
  'peer_incompatible.no_shared_cipher_suite': 'handshake_failure',
  'peer_incompatible.no_shared_cipher_suite_no_sigalgs': 'handshake_failure',
  // RFC 7301, Section 3.2: no ALPN overlap has its own alert.
  'peer_incompatible.no_application_protocol': 'no_application_protocol',
  // RFC 8422, Section 5.3; OpenSSL's client sends handshake_failure (SSL_R_BAD_ECC_CERT).
  'peer_incompatible.certificate_curve_not_offered': 'handshake_failure',
  'peer_incompatible.client_certificate_unsupported': 'unsupported_certificate',
  'peer_misbehaved.record_version_not_tls': 'protocol_version',
  'peer_misbehaved.record_version_changed': 'protocol_version',
  'peer_misbehaved.null_compression_not_offered': 'illegal_parameter',
  // RFC 5746, Sections 3.4 and 3.6: a bad renegotiation_info aborts with handshake_failure.
  'peer_misbehaved.client_renegotiation_info_not_empty': 'handshake_failure',
  'peer_misbehaved.server_renegotiation_info_not_empty': 'handshake_failure',
  // OpenSSL: SSL_R_REQUIRED_CIPHER_MISSING.
  'peer_misbehaved.resumption_offered_without_its_suite': 'illegal_parameter',
  // OpenSSL: SSL_R_INCONSISTENT_EXTMS.
  'peer_misbehaved.resumption_offered_without_ems': 'illegal_parameter',
  'peer_misbehaved.server_version_not_tls12': 'protocol_version',
  'peer_misbehaved.selected_unoffered_cipher_suite': 'illegal_parameter',
  'peer_misbehaved.selected_unusable_cipher_suite': 'illegal_parameter',
  'peer_misbehaved.selected_unoffered_compression': 'illegal_parameter',
  'peer_misbehaved.resumed_with_different_suite': 'illegal_parameter',
  // RFC 7627, Section 5.3.
  'peer_misbehaved.resumed_with_different_ems': 'handshake_failure',
  'peer_misbehaved.unsolicited_extension': 'unsupported_extension',
  'peer_misbehaved.selected_unoffered_alpn': 'illegal_parameter',
  // OpenSSL: SSL_R_WRONG_CERTIFICATE_TYPE.
  'peer_misbehaved.certificate_key_wrong_for_suite': 'illegal_parameter',
  'peer_misbehaved.key_exchange_not_named_curve': 'illegal_parameter',
  'peer_misbehaved.selected_unoffered_group': 'illegal_parameter',
  'peer_misbehaved.signed_with_unoffered_scheme': 'illegal_parameter',
  'peer_misbehaved.scheme_does_not_fit_key': 'illegal_parameter',
  // RFC 8422, Section 5.10: a bad peer point.
  'peer_misbehaved.invalid_key_share': 'illegal_parameter',
  // RFC 5246, Section 7.2.2: a signature or Finished that cannot be verified is decrypt_error.
  'peer_misbehaved.bad_key_exchange_signature': 'decrypt_error',
  'peer_misbehaved.client_finished_mismatch': 'decrypt_error',
  // RFC 8446, Section 4.1.2: legacy_compression_methods is exactly [null].
  'peer_misbehaved.tls13_compression_not_null': 'illegal_parameter',
  // RFC 8446, Section 4.1.2: the second ClientHello changes only what the HRR asked for.
  'peer_misbehaved.retry_hello_changed': 'illegal_parameter',
  // RFC 8446, Section 9.2: a mandatory extension left out.
  'peer_misbehaved.missing_extension': 'missing_extension',
  // RFC 8446, Section 4.2.11.2: "the server MUST abort the handshake" with decrypt_error.
  'peer_misbehaved.bad_psk_binder': 'decrypt_error',
  'peer_incompatible.no_tls13_signature_scheme': 'handshake_failure',
  // RFC 8446, Appendix D.2: no version in common.
  'peer_incompatible.version_not_served': 'protocol_version',
  'peer_misbehaved.server_finished_mismatch': 'decrypt_error',
  'invalid_certificate.expired': 'certificate_expired',
  // TLS 1.2 has no "not yet valid" alert. OpenSSL maps X509_V_ERR_CERT_NOT_YET_VALID to
  // bad_certificate (Go's crypto/tls says certificate_expired for both ends of the period). We
  // send what OpenSSL sends, as test/lab/certificates.test.ts checks with s_client.
  'invalid_certificate.not_valid_yet': 'bad_certificate',
  'invalid_certificate.not_valid_for_name': 'bad_certificate', // X509_V_ERR_HOSTNAME_MISMATCH
  'invalid_certificate.not_valid_for_name_no_san': 'bad_certificate',
  // OpenSSL: X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT.
  'invalid_certificate.unknown_issuer': 'unknown_ca',
  'invalid_certificate.untrusted_root': 'unknown_ca',
  // OpenSSL: X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT -> unknown_ca. Nobody vouches for the key.
  'invalid_certificate.self_signed': 'unknown_ca',
  // OpenSSL: X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY -> unknown_ca.
  'invalid_certificate.missing_intermediate': 'unknown_ca',
  // RFC 5246, Section 7.2.2: bad_certificate is for "signatures that did not verify correctly".
  'invalid_certificate.bad_signature': 'bad_certificate',
  'invalid_certificate.bad_self_signature': 'bad_certificate',
  'invalid_certificate.issuer_not_ca': 'unknown_ca', // OpenSSL: X509_V_ERR_INVALID_CA
  'invalid_certificate.path_too_long': 'unknown_ca', // OpenSSL: X509_V_ERR_PATH_LENGTH_EXCEEDED
  'invalid_certificate.issuer_cannot_sign_certificates': 'unsupported_certificate',
  'invalid_certificate.cannot_sign': 'unsupported_certificate', // X509_V_ERR_INVALID_PURPOSE
  'invalid_certificate.not_for_server_auth': 'unsupported_certificate',
  'invalid_certificate.unhandled_critical_extension': 'unsupported_certificate',
  'invalid_certificate.bad_encoding': 'decode_error',
  // RFC 5246, Section 7.4.2: the server's list starts with its own certificate, so an empty one
  // does not parse as a server Certificate message.
  'invalid_certificate.empty': 'decode_error',
  alert_received: null,
  'transport.closed_during_handshake': null,
  'transport.error': null,
  'internal.timeout': 'internal_error',
  'internal.timeout_waiting_for': 'internal_error',
  'internal.error': 'internal_error',
  // A decodable value the RFC forbids (two host names in server_name, RFC 6066 §3).
  'invalid_message.illegal_value': 'illegal_parameter',
  // A CCS that is not the single byte 1: OpenSSL's SSL_R_BAD_CHANGE_CIPHER_SPEC.
  'inappropriate_message.bad_change_cipher_spec': 'unexpected_message',
  // RFC 8446, Section 5.1: no zero-length Handshake or Alert record. OpenSSL: SSL_R_BAD_LENGTH.
  'inappropriate_message.empty_record': 'unexpected_message',
  // RFC 8446, Section 5.1: a key change ends the record.
  'inappropriate_message.handshake_spans_key_change': 'unexpected_message',
  'inappropriate_message.too_much_early_data': 'unexpected_message',
  // RFC 5246, Section 7.2 defines only warning and fatal: OpenSSL's SSL_R_UNKNOWN_ALERT_TYPE.
  'peer_misbehaved.unknown_alert_level': 'illegal_parameter',
  // OpenSSL's MAX_WARN_ALERT_COUNT: a peer that sends nothing but warnings is stalling.
  'peer_misbehaved.too_many_warning_alerts': 'unexpected_message',
  // RFC 6066, Section 3: a ClientHello's server_name list is never empty.
  'peer_misbehaved.empty_server_name': 'decode_error',
  // RFC 8422, Section 5.1.2: the server MUST abort.
  'peer_misbehaved.point_formats_without_uncompressed': 'illegal_parameter',
  // RFC 7507, Section 3.
  'peer_misbehaved.inappropriate_fallback': 'inappropriate_fallback',
  // RFC 8446, Section 4.2.1: a version the client did not offer.
  'peer_misbehaved.selected_unoffered_version': 'illegal_parameter',
  // RFC 8446, Section 4.1.3: a 1.3 client that sees the sentinel below 1.3.
  'peer_misbehaved.downgrade_sentinel': 'illegal_parameter',
  // RFC 8446, Section 9.2 (OpenSSL: SSL_R_MISSING_KEY_SHARE).
  'peer_misbehaved.server_hello_missing_key_share': 'missing_extension',
  // RFC 8446, Section 4.2.8: the server's share must be in a group we sent a share for.
  'peer_misbehaved.key_share_group_not_offered': 'illegal_parameter',
  // RFC 8446, Section 4.2.8: the HRR group must be in supported_groups.
  'peer_misbehaved.retry_for_unoffered_group': 'illegal_parameter',
  // RFC 8446, Section 4.2.8: nor one we already sent a share for.
  'peer_misbehaved.retry_for_sent_share': 'illegal_parameter',
  // RFC 8446, Section 4.1.4.
  'peer_misbehaved.retry_changes_nothing': 'illegal_parameter',
  // RFC 8446, Section 4.1.4.
  'peer_misbehaved.suite_changed_after_retry': 'illegal_parameter',
  // RFC 8446, Section 4.1.3.
  'peer_misbehaved.session_id_not_echoed': 'illegal_parameter',
  // RFC 8446, Section 4.2: an extension in a message that never carries it.
  'peer_misbehaved.extension_not_allowed_here': 'illegal_parameter',
  // A TLS 1.3 extension the codec kept raw because it did not parse.
  'peer_misbehaved.malformed_extension': 'decode_error',
  // RFC 8446, Section 4.2.11.
  'peer_misbehaved.selected_unoffered_psk': 'illegal_parameter',
  // RFC 8446, Section 4.4.3: a CertificateVerify that does not verify.
  'peer_misbehaved.bad_certificate_verify': 'decrypt_error',
};

export const FAULTS = Object.keys(ALERT_FOR_FAULT) as Fault[];

/** The key of a fault's text in the language tables. */
export function faultKey(fault: Fault): string {
  return `tls.fault.${fault}`;
}

export class TlsFailure extends Error {
  constructor(readonly error: TlsError) {
    super(`${error.fault} ${JSON.stringify(error.params)}`);
    this.name = 'TlsFailure';
  }
}

export function fail(error: TlsError): never {
  throw new TlsFailure(error);
}

/** Build a TlsError with its parameters checked against the fault. */
export function tlsError<F extends Fault>(fault: F, params: FaultParams[F]): TlsError {
  return { fault, params } as TlsError;
}

/**
 * The alert to send for an error, or undefined when none is sent (the peer's own fatal alert ends
 * the connection without an answer: RFC 5246, Section 7.2.2).
 */
export function alertFor(error: TlsError): number | undefined {
  const name = ALERT_FOR_FAULT[error.fault];
  return name === null ? undefined : AlertDescription[name];
}

/** The fault for a certificate problem and the alert it ends in, for the certificate lab. */
export function certificateAlertName(fault: CertificateFault): keyof typeof AlertDescription {
  return ALERT_FOR_FAULT[fault]!;
}
