/**
 * Why a certificate chain was refused: a TlsError with an invalid_certificate fault. Its alert
 * comes from the one fault-to-alert table (../errors.ts), and its text from the language tables.
 */
import type { CertificateFault, FaultParams, TlsError } from '../errors';

/** The fault, and the kind of problem a browser would name for it. */
export type CertificateError = Extract<TlsError, { fault: CertificateFault }> & {
  kind: CertificateErrorKind;
};

/**
 * The kind of problem a browser names (Chromium's ERR_CERT_* families, BrowserWarning.tsx), for
 * each fault.
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

export const PROBLEM_OF_FAULT: Readonly<Record<CertificateFault, CertificateErrorKind>> = {
  'invalid_certificate.expired': 'expired',
  'invalid_certificate.not_valid_yet': 'not_yet_valid',
  'invalid_certificate.not_valid_for_name': 'hostname_mismatch',
  'invalid_certificate.not_valid_for_name_no_san': 'hostname_mismatch',
  'invalid_certificate.unknown_issuer': 'unknown_ca',
  'invalid_certificate.untrusted_root': 'unknown_ca',
  'invalid_certificate.self_signed': 'self_signed',
  'invalid_certificate.missing_intermediate': 'missing_intermediate',
  'invalid_certificate.bad_signature': 'bad_signature',
  'invalid_certificate.bad_self_signature': 'bad_signature',
  'invalid_certificate.issuer_not_ca': 'not_a_ca',
  'invalid_certificate.path_too_long': 'not_a_ca',
  'invalid_certificate.issuer_cannot_sign_certificates': 'key_usage',
  'invalid_certificate.cannot_sign': 'key_usage',
  'invalid_certificate.not_for_server_auth': 'key_usage',
  'invalid_certificate.unhandled_critical_extension': 'unhandled_critical_extension',
  'invalid_certificate.bad_encoding': 'malformed',
  'invalid_certificate.empty': 'empty',
};

export function certificateError<F extends CertificateFault>(
  fault: F,
  params: FaultParams[F],
): CertificateError {
  return { fault, params, kind: PROBLEM_OF_FAULT[fault] } as CertificateError;
}

/** "2021-01-01 00:00 UTC": dates in sentences are read by people, in UTC like the certificate. */
export function formatInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
