/**
 * Certificate problems: the server presents a chain with one defect, the client validates it
 * (RFC 5246, Section 7.4.2; RFC 5280, Section 6.1; RFC 6125) and ends the handshake with the alert
 * OpenSSL sends for the same defect, plus the sentence a browser would show.
 */
import { pemToDerList } from '../../tls/certificates/pem';
import { summarizeCertificate } from '../../tls/certificates/summary';
import type { ServerCredential } from '../../tls/config';
import { DEMO_PKI } from '../../tls/pki/demo-pki';
import type { DemoLeaf } from '../../tls/pki/types';
import { runTlsExchange } from '../tls-run';
import { defineLabScenario } from './define';
import { firstAlert, findNote } from './trace-facts';
import type { AlertOutcome, LabRun, LabScenario } from './types';

export const CERTIFICATE_PROBLEMS = [
  'none',
  'expired',
  'not-yet-valid',
  'wrong-host',
  'self-signed',
  'unknown-ca',
  'missing-intermediate',
] as const;
export type CertificateProblem = (typeof CERTIFICATE_PROBLEMS)[number];

export interface CertificateSettings {
  problem: CertificateProblem;
}

/** The name the client asks for; every demo leaf but wrong-host names it. */
export const CERTIFICATE_LAB_HOST = 'www.example.com';

export interface CertificateOutcome {
  /** The client accepted the chain and got its HTTP response. */
  ok: boolean;
  /** The certificates the server sent, leaf first: subject and issuer. */
  served: { subject: string; issuer: string }[];
  alert?: AlertOutcome;
  /** The validator's name for the defect, e.g. "expired" or "missing_intermediate". */
  problem?: string;
  /** What a browser would say: one sentence naming the certificate and the date or host. */
  warning?: string;
}

export type CertificateScenario = LabScenario<
  'lab-tls-certificates',
  CertificateSettings,
  CertificateOutcome
>;

/** The chain (leaf first) and key the server uses for each problem; all of them RSA-2048. */
export function credentialFor(problem: CertificateProblem): ServerCredential {
  const { leaves, rogue } = DEMO_PKI;
  const whole = (leaf: DemoLeaf): ServerCredential => ({
    chain: pemToDerList(leaf.chainPem),
    privateKeyPkcs8: pemToDerList(leaf.keyPem)[0]!,
    keyType: 'RSA',
  });
  switch (problem) {
    case 'none':
      return whole(leaves.rsa);
    case 'expired':
      return whole(leaves.expired);
    case 'not-yet-valid':
      return whole(leaves.notYetValid);
    case 'wrong-host':
      // Names only www.example.net.
      return whole(leaves.wrongHost);
    case 'self-signed':
      return whole(leaves.selfSigned);
    case 'unknown-ca':
      // Signed by "Rogue Attacker Root CA", which the server sends along; no client trusts it.
      return whole(rogue.leaf);
    case 'missing-intermediate':
      // The good leaf without "Wirestep Demo Intermediate CA": a common server misconfiguration.
      return { ...whole(leaves.rsa), chain: pemToDerList(leaves.rsa.certPem) };
  }
}

export async function runCertificateProblem(
  settings: CertificateSettings,
  seed: number | string,
): Promise<LabRun<CertificateOutcome>> {
  const credential = credentialFor(settings.problem);
  const run = await runTlsExchange({
    seed,
    serverName: CERTIFICATE_LAB_HOST,
    server(config) {
      config.credentials = [credential];
    },
  });
  const { events } = run.trace;
  const rejected = findNote(events, 'tls.client.certificate_rejected');
  const alert = firstAlert(events);
  return {
    trace: run.trace,
    outcome: {
      ok: run.ok,
      served: credential.chain.map((der) => {
        const { subject, issuer } = summarizeCertificate(der);
        return { subject, issuer };
      }),
      ...(alert ? { alert } : {}),
      ...(rejected?.params
        ? { problem: String(rejected.params.kind), warning: String(rejected.params.reason) }
        : {}),
    },
  };
}

export const certificateScenario: CertificateScenario = defineLabScenario(
  'lab-tls-certificates',
  Object.fromEntries(CERTIFICATE_PROBLEMS.map((problem) => [problem, { problem }])) as Record<
    CertificateProblem,
    CertificateSettings
  >,
  runCertificateProblem,
);
