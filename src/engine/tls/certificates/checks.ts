/**
 * The checks made on a built path (leaf first, trust anchor last), each in the order RFC 5280
 * §6.1.3 and §6.1.4 make them, then the TLS-specific ones on the leaf. Each records its steps
 * and returns the first error it finds, or null.
 */
import { bytesEqual } from '../../bytes';
import { certificateError, formatInstant, type CertificateError } from './errors';
import { matchHostname } from './hostname';
import { KeyUsage, OID, type ParsedCertificate } from './parse';
import type { ValidationStep } from './steps';

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
      const period = `${formatInstant(cert.notBefore)} to ${formatInstant(cert.notAfter)}`;
      if (now > cert.notAfter) {
        steps.push(
          step('validity', cert, false, `Valid ${period}, but it is now ${formatInstant(now)}.`),
        );
        return certificateError('invalid_certificate.expired', {
          subject: cert.label,
          notAfter: formatInstant(cert.notAfter),
          now: formatInstant(now),
        });
      }
      if (now < cert.notBefore) {
        steps.push(
          step('validity', cert, false, `Valid ${period}, but it is now ${formatInstant(now)}.`),
        );
        return certificateError('invalid_certificate.not_valid_yet', {
          subject: cert.label,
          notBefore: formatInstant(cert.notBefore),
          now: formatInstant(now),
        });
      }
      steps.push(step('validity', cert, true, `Valid ${period}; it is now ${formatInstant(now)}.`));
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
        step(
          'critical_extensions',
          cert,
          false,
          `Critical extension ${list} is not one this client understands.`,
        ),
      );
      return certificateError('invalid_certificate.unhandled_critical_extension', {
        subject: cert.label,
        extensions: unhandled,
      });
    }
    steps.push(
      step(
        'critical_extensions',
        cert,
        true,
        'Every critical extension is one this client understands.',
      ),
    );
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
        step(
          'basic_constraints',
          issuer,
          false,
          `${issuer.label} signed ${signed.label}, but its basicConstraints does not say cA=TRUE.`,
        ),
      );
      return certificateError('invalid_certificate.issuer_not_ca', {
        subject: signed.label,
        issuer: issuer.label,
      });
    }
    steps.push(
      step(
        'basic_constraints',
        issuer,
        true,
        `${issuer.label} is a certificate authority (basicConstraints cA=TRUE).`,
      ),
    );

    const pathLen = issuer.basicConstraints.pathLen;
    if (pathLen !== undefined) {
      // §6.1.4 (l): self-issued certificates (key rollover) do not count against the limit.
      const casBelow = path.slice(1, i).filter((c) => !isSelfIssued(c)).length;
      if (casBelow > pathLen) {
        steps.push(
          step(
            'path_length',
            issuer,
            false,
            `pathLenConstraint ${pathLen} allows ${pathLen} CA certificate(s) below it; ${casBelow} follow.`,
          ),
        );
        return certificateError('invalid_certificate.path_too_long', {
          issuer: issuer.label,
          pathLen,
          casBelow,
        });
      }
      steps.push(
        step(
          'path_length',
          issuer,
          true,
          `pathLenConstraint ${pathLen} allows ${pathLen} CA certificate(s) below it; ${casBelow} follow.`,
        ),
      );
    }

    if (issuer.keyUsage !== null && !(issuer.keyUsage & KeyUsage.keyCertSign)) {
      steps.push(
        step(
          'key_usage',
          issuer,
          false,
          `${issuer.label}'s keyUsage does not include keyCertSign.`,
        ),
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
        issuer.keyUsage === null
          ? 'No keyUsage extension, so certificate signing is not restricted.'
          : 'keyUsage includes keyCertSign.',
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
    steps.push(
      step(
        'key_usage',
        leaf,
        false,
        'keyUsage does not include digitalSignature, which the ServerKeyExchange signature needs.',
      ),
    );
    return certificateError('invalid_certificate.cannot_sign', { subject: leaf.label });
  }
  steps.push(
    step(
      'key_usage',
      leaf,
      true,
      leaf.keyUsage === null
        ? 'No keyUsage extension, so signing is not restricted.'
        : 'keyUsage includes digitalSignature, so the key may sign the ServerKeyExchange.',
    ),
  );

  const eku = leaf.extKeyUsage;
  if (eku !== null && !eku.includes(OID.serverAuth) && !eku.includes(OID.anyExtendedKeyUsage)) {
    steps.push(step('extended_key_usage', leaf, false, 'extKeyUsage does not include serverAuth.'));
    return certificateError('invalid_certificate.not_for_server_auth', { subject: leaf.label });
  }
  steps.push(
    step(
      'extended_key_usage',
      leaf,
      true,
      eku === null
        ? 'No extKeyUsage extension, so any purpose is allowed.'
        : 'extKeyUsage includes serverAuth.',
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
      steps.push(
        step('hostname', leaf, true, `${hostname} matches the subjectAltName entry ${matched}.`),
      );
      return null;
    }
    const names = leaf.san ? [...leaf.san.dns, ...leaf.san.ip] : [];
    const listed = names.length > 0 ? names.join(', ') : 'none';
    steps.push(
      step(
        'hostname',
        leaf,
        false,
        `${hostname} matches none of the subjectAltName entries (${listed}).`,
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
  detail: string,
): ValidationStep {
  return { check, subject: cert.label, ok, detail };
}
