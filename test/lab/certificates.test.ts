/**
 * Certificate problems: each ends with the client's alert and a browser-like sentence, and
 * OpenSSL's own client (s_client -verify_return_error, at the same virtual instant) sends the very
 * same alert when our server serves it the very same chain.
 */
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { inEnglish } from './support/english';
import {
  CERTIFICATE_PROBLEMS,
  certificateScenario,
  credentialFor,
  runCertificateProblem,
  type CertificateProblem,
} from '../../src/engine/scenarios/lab/certificates';
import { demoServerConfig } from '../../src/engine/scenarios/tls-demo-config';
import { SystemRng } from '../../src/engine/sim/rng';
import { AlertDescription } from '../../src/engine/tls/enums';
import { waitUntil } from '../tls/support/peers';
import { engineConnection, startEngineServer } from './support/engine-server';
import { sClientVerify } from './support/s-client';

const INTERMEDIATE = 'O=Wirestep Demo, CN=Wirestep Demo Intermediate CA';
const LEAF = 'O=Wirestep Demo, CN=www.example.com';

interface Case {
  problem: Exclude<CertificateProblem, 'none'>;
  alert: keyof typeof AlertDescription;
  kind: string;
  warning: string;
  served: string[];
  /** OpenSSL's X509_V_ERR for the same chain. */
  openssl: { num: number; text: string };
}

const CASES: Case[] = [
  {
    problem: 'expired',
    alert: 'certificate_expired',
    kind: 'expired',
    warning:
      'The certificate for www.example.com expired on 2021-01-01 00:00 UTC; it is now 2026-01-15 12:00 UTC.',
    served: [LEAF, INTERMEDIATE],
    openssl: { num: 10, text: 'certificate has expired' },
  },
  {
    problem: 'not-yet-valid',
    alert: 'bad_certificate',
    kind: 'not_yet_valid',
    warning:
      'The certificate for www.example.com is not valid until 2040-01-01 00:00 UTC; it is now 2026-01-15 12:00 UTC.',
    served: [LEAF, INTERMEDIATE],
    openssl: { num: 9, text: 'certificate is not yet valid' },
  },
  {
    problem: 'wrong-host',
    alert: 'bad_certificate',
    kind: 'hostname_mismatch',
    warning:
      'The certificate for www.example.net is not valid for www.example.com: it names only www.example.net.',
    served: ['O=Wirestep Demo, CN=www.example.net', INTERMEDIATE],
    openssl: { num: 62, text: 'hostname mismatch' },
  },
  {
    problem: 'self-signed',
    alert: 'unknown_ca',
    kind: 'self_signed',
    warning:
      'The certificate for www.example.com is self-signed: no certificate authority vouches for it, and it is not one of the trusted certificates.',
    served: [LEAF],
    openssl: { num: 18, text: 'self-signed certificate' },
  },
  {
    problem: 'unknown-ca',
    alert: 'unknown_ca',
    kind: 'unknown_ca',
    warning:
      'The chain ends at Rogue Attacker Root CA, a self-signed root that is not one of the trusted root certificates.',
    served: [LEAF, 'O=Rogue Attacker, CN=Rogue Attacker Root CA'],
    openssl: { num: 19, text: 'self-signed certificate in certificate chain' },
  },
  {
    problem: 'missing-intermediate',
    alert: 'unknown_ca',
    kind: 'missing_intermediate',
    warning:
      'The server sent the certificate for www.example.com without the certificate of its issuer, Wirestep Demo Intermediate CA, which is not a trusted root, so the chain cannot be completed.',
    served: [LEAF],
    openssl: { num: 20, text: 'unable to get local issuer certificate' },
  },
];

describe('certificate problems, in memory', () => {
  it('has one preset for each problem, the valid certificate first', () => {
    expect(certificateScenario.presets.map((p) => p.settings.problem)).toEqual([
      ...CERTIFICATE_PROBLEMS,
    ]);
    expect(certificateScenario.settings).toEqual({ problem: 'none' });
    expect(CASES.map((c) => c.problem)).toEqual(CERTIFICATE_PROBLEMS.slice(1));
  });

  it('a valid chain: the handshake completes and no warning is shown', async () => {
    const { outcome: keyed } = await runCertificateProblem({ problem: 'none' }, 1);
    const outcome = inEnglish(keyed);
    expect(outcome).toEqual({
      ok: true,
      served: [
        { subject: LEAF, issuer: INTERMEDIATE },
        { subject: INTERMEDIATE, issuer: 'O=Wirestep Demo, CN=Wirestep Demo Root CA' },
      ],
    });
  });

  it.each(CASES)(
    '$problem: the client sends $alert and shows its warning',
    async ({ problem, alert, kind, warning, served }) => {
      const { outcome: keyed, trace } = await runCertificateProblem({ problem }, 1);
      const outcome = inEnglish(keyed);
      expect(outcome.ok).toBe(false);
      expect(outcome.served.map((c) => c.subject)).toEqual(served);
      expect(outcome.problem).toBe(kind);
      expect(outcome.warning).toBe(warning);
      expect(outcome.alert).toEqual({
        description: alert,
        code: AlertDescription[alert],
        sentBy: 'Client',
        to: 'Server',
        reason: warning,
      });
      // The client stops at the Certificate: it sends nothing after its alert.
      const fromClient = trace.events.flatMap((e) =>
        e.kind === 'message' && e.from === 'Client' ? [e.name] : [],
      );
      expect(fromClient).toEqual(['ClientHello', `Alert ${alert}`]);
    },
  );
});

describe("OpenSSL's client against the same chains", () => {
  async function sClientAgainst(problem: CertificateProblem) {
    const config = demoServerConfig(new SystemRng());
    config.credentials = [credentialFor(problem)];
    const ours = await startEngineServer(config);
    try {
      const run = await sClientVerify(ours.port);
      const served = await engineConnection(ours);
      await waitUntil(() => served.isClosed, 'our server to close');
      return { run, served };
    } finally {
      await ours.close();
    }
  }

  it('verifies the valid chain', async () => {
    const { run, served } = await sClientAgainst('none');
    expect(run.out).toContain('Verify return code: 0 (ok)');
    expect(run.verifyError).toBeUndefined();
    expect(served.failure).toBeUndefined();
  });

  it.each(CASES)(
    '$problem: s_client reports "$openssl.text" and sends $alert, as our client does',
    async ({ problem, alert, openssl }) => {
      const { outcome: keyed } = await runCertificateProblem({ problem }, 1);
      const outcome = inEnglish(keyed);
      const { run, served } = await sClientAgainst(problem);
      expect(run.code).not.toBe(0);
      expect(run.verifyError).toEqual(openssl);
      expect(served.failure).toMatchObject({
        fault: 'alert_received',
        params: { description: alert },
      });
      expect(AlertDescription[alert]).toBe(outcome.alert!.code);
    },
  );
});
