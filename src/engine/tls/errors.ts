/**
 * Typed TLS errors, and the one place they become alerts (STYLE.md: rustls's error/mod.rs).
 * States throw a TlsFailure; they never send alerts themselves.
 */
import { AlertDescription, alertDescriptionName } from './enums';

export type TlsError =
  | { kind: 'unexpected_message'; expected: string[]; got: string }
  | { kind: 'decode'; reason: string }
  | { kind: 'record_overflow'; reason: string }
  | { kind: 'bad_record_mac'; reason: string }
  | { kind: 'protocol_version'; reason: string }
  | {
      kind: 'no_shared_parameters';
      what: 'cipher suite' | 'group' | 'signature algorithm' | 'certificate' | 'ALPN protocol';
      reason: string;
    }
  | { kind: 'illegal_parameter'; reason: string }
  | { kind: 'unsupported_extension'; reason: string }
  | {
      kind: 'certificate';
      alert:
        | 'certificate_expired'
        | 'bad_certificate'
        | 'unknown_ca'
        | 'unsupported_certificate'
        | 'decode_error';
      reason: string;
    }
  | { kind: 'bad_signature'; reason: string }
  | { kind: 'bad_finished'; reason: string }
  | { kind: 'secure_renegotiation'; reason: string }
  | { kind: 'inappropriate_fallback'; reason: string }
  | { kind: 'peer_alert'; description: number; reason: string }
  | { kind: 'transport'; reason: string }
  | { kind: 'internal'; reason: string };

export class TlsFailure extends Error {
  constructor(readonly error: TlsError) {
    super(describeTlsError(error));
    this.name = 'TlsFailure';
  }
}

export function fail(error: TlsError): never {
  throw new TlsFailure(error);
}

/**
 * The alert to send for an error, or undefined when none is sent (the peer's own fatal alert ends
 * the connection without an answer: RFC 5246, Section 7.2.2).
 */
export function alertFor(error: TlsError): number | undefined {
  switch (error.kind) {
    case 'unexpected_message':
      return AlertDescription.unexpected_message;
    case 'decode':
      return AlertDescription.decode_error;
    case 'record_overflow':
      return AlertDescription.record_overflow;
    case 'bad_record_mac':
      return AlertDescription.bad_record_mac;
    case 'protocol_version':
      return AlertDescription.protocol_version;
    case 'no_shared_parameters':
      // RFC 7301, Section 3.2: no ALPN overlap has its own alert; everything else is a failed negotiation.
      return error.what === 'ALPN protocol'
        ? AlertDescription.no_application_protocol
        : AlertDescription.handshake_failure;
    case 'illegal_parameter':
      return AlertDescription.illegal_parameter;
    case 'unsupported_extension':
      return AlertDescription.unsupported_extension;
    case 'certificate':
      return AlertDescription[error.alert];
    case 'bad_signature':
    case 'bad_finished':
      // RFC 5246, Section 7.2.2: a signature or Finished that cannot be verified is decrypt_error.
      return AlertDescription.decrypt_error;
    case 'secure_renegotiation':
      // RFC 5746, Section 3.4: a bad renegotiation_info aborts with handshake_failure.
      return AlertDescription.handshake_failure;
    case 'inappropriate_fallback':
      return AlertDescription.inappropriate_fallback;
    case 'peer_alert':
    case 'transport':
      // Nothing can be sent: the peer already ended the connection, or the transport is gone.
      return undefined;
    case 'internal':
      return AlertDescription.internal_error;
  }
}

export function describeTlsError(error: TlsError): string {
  switch (error.kind) {
    case 'unexpected_message':
      return `expected ${error.expected.join(' or ')} but got ${error.got}`;
    case 'peer_alert':
      return error.reason;
    default:
      return error.reason;
  }
}

/** The one line a failed connection prints: the alert, who sent it, and why. */
export function failureLine(error: TlsError, names: { us: string; peer: string }): string {
  if (error.kind === 'peer_alert') {
    const hint = PEER_ALERT_HINTS[error.description];
    return `alert ${alertDescriptionName(error.description)} received from the ${names.peer}${hint ? `: ${hint}` : ''}`;
  }
  const alert = alertFor(error);
  const sent =
    alert !== undefined ? `alert ${alertDescriptionName(alert)} sent by the ${names.us}: ` : '';
  return `${sent}${describeTlsError(error)}`;
}

/** What a received alert usually means (RFC 5246, Section 7.2.2), for the one-line failure. */
const PEER_ALERT_HINTS: Partial<Record<number, string>> = {
  [AlertDescription.handshake_failure]:
    'it found no acceptable cipher suite, group or signature algorithm in what we offered',
  [AlertDescription.protocol_version]: 'it does not accept the TLS version we offered',
  [AlertDescription.bad_certificate]: 'it rejected the certificate',
  [AlertDescription.unknown_ca]: "it does not trust the certificate's issuer",
  [AlertDescription.certificate_expired]: 'it says the certificate has expired or is not yet valid',
  [AlertDescription.decrypt_error]: 'a signature or Finished message failed to verify',
  [AlertDescription.bad_record_mac]: 'a record failed authentication',
  [AlertDescription.decode_error]: 'it could not parse one of our messages',
  [AlertDescription.illegal_parameter]:
    'a field in one of our messages had a value it does not allow',
  [AlertDescription.unrecognized_name]: 'it does not serve the name we sent in server_name',
  [AlertDescription.no_application_protocol]: 'it supports none of the ALPN protocols we offered',
  [AlertDescription.internal_error]: 'it failed for reasons of its own',
};
