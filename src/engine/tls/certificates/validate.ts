/**
 * Server certificate chain validation, as a TLS 1.2 client does it on receiving the
 * Certificate message (RFC 5246 §7.4.2): RFC 5280 §6.1 path validation against the trust
 * anchors at an injected time, then the TLS checks on the leaf (key usage for an ECDHE
 * signature, serverAuth, and the host name per RFC 6125).
 *
 * Not covered: revocation (CRL/OCSP), certificate policies, and name constraints (a critical
 * nameConstraints extension is therefore refused rather than ignored).
 */
import { certificateError, type CertificateError } from './errors';
import { buildPath } from './path';
import { parseCertificate, CertificateParseError, type ParsedCertificate } from './parse';
import {
  checkCriticalExtensions,
  checkHostname,
  checkIssuers,
  checkLeafUsage,
  checkValidity,
} from './checks';
import { leafPublicKeyOf, summarizeParsed, type CertSummary, type TlsKeyType } from './summary';
import type { ValidationStep } from './steps';

// Re-exported so callers that validate can also classify a leaf they only load (tls serve).
export { leafPublicKey } from './summary';

export interface ValidateOptions {
  /** The name the client asked for (its SNI): a DNS name or an IP address literal. */
  hostname: string;
  /** Milliseconds since the Unix epoch, from the injected clock. */
  now: number;
  /** DER certificates of the roots this client trusts. */
  trustAnchors: readonly Uint8Array[];
}

export type ChainResult =
  | {
      ok: true;
      leaf: CertSummary;
      /** The validated path, leaf first, ending with the trust anchor. */
      chain: CertSummary[];
      leafSpki: Uint8Array;
      leafKeyType: TlsKeyType;
      steps: ValidationStep[];
    }
  | {
      ok: false;
      error: CertificateError;
      /** The path as far as it was built, leaf first; the parsed certificates if none was. */
      chain: CertSummary[];
      steps: ValidationStep[];
    };

/**
 * `chain` is the certificate_list of the TLS Certificate message: DER, the leaf first. Checks
 * stop at the first failure, which is what decides the alert; `steps` lists every check made up
 * to and including it.
 */
export async function validateChain(
  chain: readonly Uint8Array[],
  opts: ValidateOptions,
): Promise<ChainResult> {
  if (!Number.isFinite(opts.now))
    throw new TypeError('validateChain: now must be a finite number of ms');
  const anchors = opts.trustAnchors.map((der, i) => {
    try {
      return parseCertificate(der);
    } catch (error) {
      // Trust anchors are configuration, not peer input: a bad one is a programming error.
      throw new TypeError(
        `validateChain: trustAnchors[${i}] is not a certificate (${String(error)})`,
        { cause: error },
      );
    }
  });
  const steps: ValidationStep[] = [];
  const fail = (error: CertificateError, path: readonly ParsedCertificate[]): ChainResult => ({
    ok: false,
    error,
    chain: path.map(summarizeParsed),
    steps,
  });

  if (chain.length === 0) {
    return fail(certificateError('invalid_certificate.empty', {}), []);
  }

  const presented: ParsedCertificate[] = [];
  for (const [i, der] of chain.entries()) {
    try {
      const parsed = parseCertificate(der);
      presented.push(parsed);
      steps.push({
        check: 'parse',
        subject: parsed.label,
        ok: true,
        detail: 'cert.step.parsed',
        params: { index: i + 1, count: chain.length },
      });
    } catch (error) {
      const reason: Readonly<Record<string, string | number>> & { cause: string } =
        error instanceof CertificateParseError
          ? { ...error.params, cause: error.key }
          : { cause: 'cert.parse.asn1', detail: String(error) };
      const params = { ...reason, index: i + 1, count: chain.length };
      steps.push({
        check: 'parse',
        ok: false,
        detail: 'cert.step.not_parsed',
        params,
      });
      const refused = certificateError('invalid_certificate.bad_encoding', params);
      return fail(refused, presented);
    }
  }

  const built = await buildPath(presented, anchors, steps);
  if (!built.ok) return fail(built.error, built.path);
  const { path } = built;

  for (const check of [
    checkValidity(opts.now),
    checkCriticalExtensions,
    checkIssuers,
    checkLeafUsage,
    checkHostname(opts.hostname),
  ]) {
    const error = check(path, steps);
    if (error) return fail(error, path);
  }

  const leaf = path[0]!;
  const { spki, keyType } = leafPublicKeyOf(leaf);
  return {
    ok: true,
    leaf: summarizeParsed(leaf),
    chain: path.map(summarizeParsed),
    leafSpki: spki,
    leafKeyType: keyType,
    steps,
  };
}
