/**
 * Why a certificate chain was refused, and which TLS alert says so. The alert for each kind is
 * chosen here and nowhere else.
 */

export type CertificateErrorKind =
  | 'expired'
  | 'not_yet_valid'
  | 'hostname_mismatch'
  | 'unknown_ca'
  | 'self_signed'
  | 'missing_intermediate'
  | 'bad_signature'
  | 'not_a_ca'
  | 'key_usage'
  | 'unhandled_critical_extension'
  | 'malformed'
  | 'empty';

/** The TLS 1.2 alerts (RFC 5246 §7.2.2) a certificate problem can end in. */
export type CertificateAlert =
  | 'certificate_expired'
  | 'bad_certificate'
  | 'unknown_ca'
  | 'unsupported_certificate'
  | 'decode_error';

export interface CertificateError {
  kind: CertificateErrorKind;
  alert: CertificateAlert;
  /** One sentence for a person: what is wrong, naming the certificate and the date or host. */
  sentence: string;
}

/**
 * The alert a client sends for each kind. Where RFC 5246 §7.2.2 leaves a choice, we follow
 * OpenSSL's ssl_x509err2alert (ssl/statem/statem_lib.c) or Go's crypto/tls, and say which.
 */
export const ALERT_FOR: Readonly<Record<CertificateErrorKind, CertificateAlert>> = {
  expired: 'certificate_expired',
  // TLS 1.2 has no "not yet valid" alert. OpenSSL maps X509_V_ERR_CERT_NOT_YET_VALID to
  // bad_certificate (Go's crypto/tls says certificate_expired for both ends of the period). We
  // send what OpenSSL sends, as test/lab/certificates.test.ts checks with s_client.
  not_yet_valid: 'bad_certificate',
  hostname_mismatch: 'bad_certificate', // OpenSSL: X509_V_ERR_HOSTNAME_MISMATCH
  unknown_ca: 'unknown_ca', // OpenSSL: X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN, ..._GET_ISSUER_...
  // OpenSSL: X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT -> unknown_ca. Nobody vouches for the key.
  self_signed: 'unknown_ca',
  // OpenSSL: X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY -> unknown_ca.
  missing_intermediate: 'unknown_ca',
  // RFC 5246 §7.2.2: bad_certificate is for "signatures that did not verify correctly".
  bad_signature: 'bad_certificate',
  not_a_ca: 'unknown_ca', // OpenSSL: X509_V_ERR_INVALID_CA -> unknown_ca
  key_usage: 'unsupported_certificate', // OpenSSL: X509_V_ERR_INVALID_PURPOSE
  unhandled_critical_extension: 'unsupported_certificate', // OpenSSL: ..._UNHANDLED_CRITICAL_...
  malformed: 'decode_error',
  // RFC 5246 §7.4.2: the server's list starts with its own certificate, so an empty one does
  // not parse as a server Certificate message.
  empty: 'decode_error',
};

export function certificateError(kind: CertificateErrorKind, sentence: string): CertificateError {
  return { kind, alert: ALERT_FOR[kind], sentence };
}

/** "2021-01-01 00:00 UTC": dates in sentences are read by people, in UTC like the certificate. */
export function formatInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
