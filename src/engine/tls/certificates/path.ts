/**
 * Certification path building (RFC 5280 §6.1, read from the leaf upwards as TLS presents it):
 * from the leaf, find each certificate's issuer among the trust anchors and the certificates
 * the server sent, and check each signature with the issuer's key, until a trust anchor is
 * reached.
 */
import { bytesEqual } from '../../bytes';
import { certificateError, type CertificateError } from './errors';
import type { ParsedCertificate } from './parse';
import { signatureVerifies } from './signature';
import type { ValidationStep } from './steps';

export type PathResult =
  | { ok: true; path: ParsedCertificate[] }
  | { ok: false; error: CertificateError; path: ParsedCertificate[] };

/**
 * `presented[0]` is the leaf. On success the path runs leaf first and ends with the trust
 * anchor's certificate. Certificates the server sent that are not on the path are ignored, as
 * OpenSSL and browsers ignore them, and the order they came in does not matter.
 */
export async function buildPath(
  presented: readonly ParsedCertificate[],
  anchors: readonly ParsedCertificate[],
  steps: ValidationStep[],
): Promise<PathResult> {
  const verifies = startVerifications(presented, anchors);
  const leaf = presented[0]!;
  const path: ParsedCertificate[] = [leaf];
  const unused = new Set(presented.slice(1));
  let current = leaf;

  for (;;) {
    const anchor = anchors.find((a) => isSameCertificate(a, current));
    if (anchor) {
      steps.push({
        check: 'trust_anchor',
        subject: current.label,
        ok: true,
        detail: 'cert.step.trusted_root',
        params: { subject: current.label },
      });
      return { ok: true, path };
    }

    if (bytesEqual(current.subjectDer, current.issuerDer)) {
      const error = await selfIssuedError(current, path.length === 1, steps, verifies);
      return { ok: false, error, path };
    }

    // Trust anchors first: a presented certificate that copies a root's name must not win.
    const candidates = [
      ...anchors.filter((a) => mayHaveIssued(a, current)),
      ...[...unused].filter((p) => mayHaveIssued(p, current)),
    ];
    if (candidates.length === 0) {
      return { ok: false, error: issuerNotFound(current, path.length === 1, steps), path };
    }

    const issuer = await firstThatSigned(candidates, current, verifies);
    if (!issuer) {
      const named = candidates[0]!;
      steps.push({
        check: 'signature',
        subject: current.label,
        ok: false,
        detail: 'cert.step.bad_signature',
        params: { subject: current.label, issuer: named.label },
      });
      const error = certificateError('invalid_certificate.bad_signature', {
        subject: current.label,
        issuer: named.label,
      });
      return { ok: false, error, path };
    }

    const isAnchor = anchors.includes(issuer);
    steps.push({
      check: 'issuer',
      subject: current.label,
      ok: true,
      detail: isAnchor ? 'cert.step.issued_by_root' : 'cert.step.issued_by_chain',
      params: { issuer: issuer.label },
    });
    steps.push({
      check: 'signature',
      subject: current.label,
      ok: true,
      detail: 'cert.step.signature_verifies',
      params: { algorithm: current.signatureAlgorithm, issuer: issuer.label },
    });
    path.push(issuer);
    unused.delete(issuer);
    current = issuer;
  }
}

/** Byte-equal, or the same subject and the same key: a re-issued copy of a trusted root. */
function isSameCertificate(anchor: ParsedCertificate, cert: ParsedCertificate): boolean {
  return (
    bytesEqual(anchor.der, cert.der) ||
    (bytesEqual(anchor.subjectDer, cert.subjectDer) && bytesEqual(anchor.spki, cert.spki))
  );
}

/**
 * Name chaining (RFC 5280 §6.1, with names compared as DER bytes the way Go's crypto/x509
 * does), narrowed by the key identifiers when both are present (RFC 5280 §4.2.1.1: the
 * authorityKeyIdentifier of a certificate is the subjectKeyIdentifier of its issuer).
 */
function mayHaveIssued(issuer: ParsedCertificate, child: ParsedCertificate): boolean {
  if (!bytesEqual(issuer.subjectDer, child.issuerDer)) return false;
  if (child.authorityKeyId && issuer.subjectKeyId) {
    return child.authorityKeyId === issuer.subjectKeyId;
  }
  return true;
}

/** Whether `issuer`'s key verifies the signature on `child`. */
type Verifier = (child: ParsedCertificate, issuer: ParsedCertificate) => Promise<boolean>;

/**
 * Starts, all at once, every signature check the walk may ask for (each presented certificate
 * against each certificate that may have issued it), and answers the walk from them. WebCrypto
 * verifies off the main thread, so checks started together overlap instead of queueing one
 * behind the other; the walk still reads them in its own order, so its steps and its outcome are
 * those of checking one at a time.
 */
function startVerifications(
  presented: readonly ParsedCertificate[],
  anchors: readonly ParsedCertificate[],
): Verifier {
  const started = new Map<ParsedCertificate, Map<ParsedCertificate, Promise<boolean>>>();
  const verify: Verifier = (child, issuer) => {
    let byIssuer = started.get(child);
    if (!byIssuer) started.set(child, (byIssuer = new Map()));
    let result = byIssuer.get(issuer);
    if (!result) byIssuer.set(issuer, (result = signatureVerifies(child, issuer)));
    return result;
  };
  for (const child of presented) {
    if (anchors.some((a) => isSameCertificate(a, child))) continue;
    for (const issuer of [...anchors, ...presented]) {
      if (issuer !== child && mayHaveIssued(issuer, child)) void verify(child, issuer);
    }
  }
  return verify;
}

async function firstThatSigned(
  candidates: readonly ParsedCertificate[],
  child: ParsedCertificate,
  verifies: Verifier,
): Promise<ParsedCertificate | undefined> {
  for (const candidate of candidates) {
    if (await verifies(child, candidate)) return candidate;
  }
  return undefined;
}

async function selfIssuedError(
  cert: ParsedCertificate,
  isLeaf: boolean,
  steps: ValidationStep[],
  verifies: Verifier,
): Promise<CertificateError> {
  if (!(await verifies(cert, cert))) {
    steps.push({
      check: 'signature',
      subject: cert.label,
      ok: false,
      detail: 'cert.step.bad_self_signature',
      params: { subject: cert.label },
    });
    return certificateError('invalid_certificate.bad_self_signature', { subject: cert.label });
  }
  steps.push({
    check: 'trust_anchor',
    subject: cert.label,
    ok: false,
    detail: 'cert.step.self_signed_untrusted',
    params: { subject: cert.label },
  });
  if (isLeaf) {
    return certificateError('invalid_certificate.self_signed', { subject: cert.label });
  }
  return certificateError('invalid_certificate.untrusted_root', { subject: cert.label });
}

function issuerNotFound(
  cert: ParsedCertificate,
  isLeaf: boolean,
  steps: ValidationStep[],
): CertificateError {
  steps.push({
    check: 'issuer',
    subject: cert.label,
    ok: false,
    detail: 'cert.step.issuer_not_found',
    params: { subject: cert.label, issuer: cert.issuerLabel },
  });
  if (isLeaf) {
    return certificateError('invalid_certificate.missing_intermediate', {
      subject: cert.label,
      issuer: cert.issuerLabel,
    });
  }
  return certificateError('invalid_certificate.unknown_issuer', {
    subject: cert.label,
    issuer: cert.issuerLabel,
  });
}
