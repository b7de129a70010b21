/**
 * The checks made on a built path (leaf first, trust anchor last), each in the order RFC 5280
 * §6.1.3 and §6.1.4 make them, then the TLS-specific ones on the leaf. Each records its steps
 * and returns the first error it finds, or null.
 */
import { bytesEqual } from '../../bytes';
import { certificateError, formatInstant, type CertificateError } from './errors';
import { matchHostname } from './hostname';
import { KeyUsage, OID, type ParsedCertificate } from './parse';
import type { CertStepKey, ValidationStep } from './steps';

type Check = (
  path: readonly ParsedCertificate[],
  steps: ValidationStep[],
) => CertificateError | null;

/**
 * RFC 5280 §6.1.3 (a)(2): every certificate on the path, the trust anchor's included (as
 * OpenSSL does), must be valid at `now`; both ends of the period are inclusive (§4.1.2.5).
 */
export function checkValidity(now: number): Check {
  return (path, steps) => {
    for (const cert of path) {
      const period = {
        notBefore: formatInstant(cert.notBefore),
        notAfter: formatInstant(cert.notAfter),
        now: formatInstant(now),
      };
      if (now > cert.notAfter) {
        steps.push(step('validity', cert, false, 'cert.step.not_valid_now', period));
        return certificateError('invalid_certificate.expired', {
          subject: cert.label,
          notAfter: formatInstant(cert.notAfter),
          now: formatInstant(now),
        });
      }
      if (now < cert.notBefore) {
        steps.push(step('validity', cert, false, 'cert.step.not_valid_now', period));
        return certificateError('invalid_certificate.not_valid_yet', {
          subject: cert.label,
          notBefore: formatInstant(cert.notBefore),
          now: formatInstant(now),
        });
      }
      steps.push(step('validity', cert, true, 'cert.step.valid', period));
    }
    return null;
  };
}

/** The extensions this validator acts on; anything else marked critical is refused. */
const HANDLED_EXTENSIONS: readonly string[] = [
  OID.basicConstraints,
  OID.keyUsage,
  OID.extKeyUsage,
  OID.subjectAltName,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
];

/**
 * RFC 5280 §4.2: "A certificate-using system MUST reject the certificate if it encounters a
 * critical extension it does not recognize" (§6.1.4 (o) for intermediates, §6.1.5 (f) for the
 * leaf). Name constraints and policy constraints are among them: this validator does not
 * process them, so it must not accept a certificate that depends on them.
 */
export const checkCriticalExtensions: Check = (path, steps) => {
  for (const cert of path) {
    const unhandled = cert.criticalExtensions.filter((oid) => !HANDLED_EXTENSIONS.includes(oid));
    if (unhandled.length > 0) {
      const list = unhandled.join(', ');
      steps.push(
        step('critical_extensions', cert, false, 'cert.step.critical_unknown', {
          extensions: list,
        }),
      );
      return certificateError('invalid_certificate.unhandled_critical_extension', {
        subject: cert.label,
        extensions: unhandled,
      });
    }
    steps.push(step('critical_extensions', cert, true, 'cert.step.critical_known'));
  }
  return null;
};

/**
 * Every issuer on the path must be a CA (RFC 5280 §4.2.1.9, §6.1.4 (k)), within its
 * pathLenConstraint (§6.1.4 (l), (m)), and allowed to sign certificates (§4.2.1.3, §6.1.4 (n)).
 * RFC 5280 leaves the trust anchor to local policy; like OpenSSL we hold it to the same rules.
 */
export const checkIssuers: Check = (path, steps) => {
  for (let i = 1; i < path.length; i++) {
    const issuer = path[i]!;
    const signed = path[i - 1]!;
    if (!issuer.basicConstraints?.ca) {
      steps.push(
        step('basic_constraints', issuer, false, 'cert.step.not_ca', {
          issuer: issuer.label,
          subject: signed.label,
        }),
      );
      return certificateError('invalid_certificate.issuer_not_ca', {
        subject: signed.label,
        issuer: issuer.label,
      });
    }
    steps.push(step('basic_constraints', issuer, true, 'cert.step.ca', { issuer: issuer.label }));

    const pathLen = issuer.basicConstraints.pathLen;
    if (pathLen !== undefined) {
      // §6.1.4 (l): self-issued certificates (key rollover) do not count against the limit.
      const casBelow = path.slice(1, i).filter((c) => !isSelfIssued(c)).length;
      if (casBelow > pathLen) {
        steps.push(
          step('path_length', issuer, false, 'cert.step.path_length', { pathLen, casBelow }),
        );
        return certificateError('invalid_certificate.path_too_long', {
          issuer: issuer.label,
          pathLen,
          casBelow,
        });
      }
      steps.push(step('path_length', issuer, true, 'cert.step.path_length', { pathLen, casBelow }));
    }

    if (issuer.keyUsage !== null && !(issuer.keyUsage & KeyUsage.keyCertSign)) {
      steps.push(
        step('key_usage', issuer, false, 'cert.step.no_cert_sign', { issuer: issuer.label }),
      );
      return certificateError('invalid_certificate.issuer_cannot_sign_certificates', {
        subject: signed.label,
        issuer: issuer.label,
      });
    }
    steps.push(
      step(
        'key_usage',
        issuer,
        true,
        issuer.keyUsage === null ? 'cert.step.cert_sign_unrestricted' : 'cert.step.cert_sign',
      ),
    );
  }
  return null;
};

/**
 * The leaf's key signs the ServerKeyExchange in ECDHE suites (RFC 5246 §7.4.2: "the
 * certificate MUST allow the key to be used for signing"), so keyUsage, when present, must
 * include digitalSignature (RFC 5280 §4.2.1.3); and extKeyUsage, when present, must allow TLS
 * server authentication (RFC 5280 §4.2.1.12).
 */
export const checkLeafUsage: Check = (path, steps) => {
  const leaf = path[0]!;
  if (leaf.keyUsage !== null && !(leaf.keyUsage & KeyUsage.digitalSignature)) {
    steps.push(step('key_usage', leaf, false, 'cert.step.no_digital_signature'));
    return certificateError('invalid_certificate.cannot_sign', { subject: leaf.label });
  }
  steps.push(
    step(
      'key_usage',
      leaf,
      true,
      leaf.keyUsage === null ? 'cert.step.signing_unrestricted' : 'cert.step.digital_signature',
    ),
  );

  const eku = leaf.extKeyUsage;
  if (eku !== null && !eku.includes(OID.serverAuth) && !eku.includes(OID.anyExtendedKeyUsage)) {
    steps.push(step('extended_key_usage', leaf, false, 'cert.step.no_server_auth'));
    return certificateError('invalid_certificate.not_for_server_auth', { subject: leaf.label });
  }
  steps.push(
    step(
      'extended_key_usage',
      leaf,
      true,
      eku === null ? 'cert.step.any_purpose' : 'cert.step.server_auth',
    ),
  );
  return null;
};

/**
 * The leaf must name the host the client asked for, in its subjectAltName. The common name is
 * not consulted: RFC 6125 §6.4.4 allows it only as a fallback when there is no SAN, and
 * browsers and Go have dropped even that.
 */
export function checkHostname(hostname: string): Check {
  return (path, steps) => {
    const leaf = path[0]!;
    const matched = leaf.san ? matchHostname(hostname, leaf.san) : null;
    if (matched !== null) {
      steps.push(step('hostname', leaf, true, 'cert.step.hostname_matches', { hostname, matched }));
      return null;
    }
    const names = leaf.san ? [...leaf.san.dns, ...leaf.san.ip] : [];

    steps.push(
      step(
        'hostname',
        leaf,
        false,
        names.length > 0 ? 'cert.step.hostname_mismatch' : 'cert.step.hostname_no_san',
        { hostname, names: names.join(', ') },
      ),
    );
    return names.length > 0
      ? certificateError('invalid_certificate.not_valid_for_name', {
          subject: leaf.label,
          hostname,
          names,
        })
      : certificateError('invalid_certificate.not_valid_for_name_no_san', {
          subject: leaf.label,
          hostname,
        });
  };
}

/** Self-issued (RFC 5280 §6.1): the subject and issuer names are the same. */
function isSelfIssued(cert: ParsedCertificate): boolean {
  return bytesEqual(cert.subjectDer, cert.issuerDer);
}

function step(
  check: ValidationStep['check'],
  cert: ParsedCertificate,
  ok: boolean,
  detail: CertStepKey,
  params: ValidationStep['params'] = {},
): ValidationStep {
  return { check, subject: cert.label, ok, detail, params };
}
