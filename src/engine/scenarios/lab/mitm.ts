/**
 * Man in the middle: the client meets the attacker's certificate (www.example.com, signed by
 * "Rogue Attacker Root CA"). Unless that root was installed among the client's trust anchors, the
 * client refuses it with unknown_ca (RFC 5246, Section 7.2.2) and the attacker reads nothing; if
 * it was, the attacker terminates both connections and reads the HTTP in the clear.
 */
import { fromUtf8 } from '../../bytes/hex';
import { pemToDerList } from '../../tls/certificates/pem';
import { DEMO_PKI } from '../../tls/pki/demo-pki';
import { defineLabScenario, type PresetId } from './define';
import { runThroughAttacker } from './mitm-run';
import { findNote, firstAlert, noteParam } from './trace-facts';
import type { AlertOutcome, LabRun, LabScenario } from './types';
import { CLIENT_LANE } from '../tls-run';

export interface MitmSettings {
  /** The attacker's root is among the client's trust anchors (deliberately installed). */
  trustAttackerCa: boolean;
}

export interface MitmOutcome {
  /** The client got an HTTP response (through the attacker). */
  ok: boolean;
  /** The client accepted the attacker's certificate and finished its handshake. */
  clientAccepted: boolean;
  /** The issuer the client saw on the certificate, when it accepted it. */
  acceptedIssuer?: string;
  alert?: AlertOutcome;
  /** The client's warning sentence when it refused the certificate. */
  warning?: string;
  /** What the attacker decrypted and read, in order. */
  attackerRead: { from: string; to: string; text: string }[];
  /** The request reached the real server, relayed by the attacker. */
  relayed: boolean;
  httpStatus?: string;
}

export type MitmScenario = LabScenario<'lab-tls-mitm', MitmSettings, MitmOutcome>;

export async function runMitm(
  settings: MitmSettings,
  seed: number | string,
): Promise<LabRun<MitmOutcome>> {
  const run = await runThroughAttacker({
    seed,
    client(config) {
      if (settings.trustAttackerCa)
        config.trustAnchors = [
          ...config.trustAnchors,
          ...pemToDerList(DEMO_PKI.rogue.root.certPem),
        ];
    },
  });
  const { events } = run.trace;
  const alert = firstAlert(events);
  const warning = noteParam(events, 'tls.client.certificate_rejected', 'reason');
  const accepted = findNote(events, 'tls.client.certificate_valid');
  const clientAccepted = run.client.failure === undefined && accepted?.lane === CLIENT_LANE;
  return {
    trace: run.trace,
    outcome: {
      ok: run.httpStatus !== undefined,
      clientAccepted,
      ...(clientAccepted && accepted?.params
        ? { acceptedIssuer: String(accepted.params.issuer) }
        : {}),
      ...(alert ? { alert } : {}),
      ...(warning ? { warning } : {}),
      attackerRead: run.intercepted.map(({ from, to, data }) => ({
        from,
        to,
        text: fromUtf8(data),
      })),
      relayed: run.serverGotRequest,
      ...(run.httpStatus ? { httpStatus: run.httpStatus } : {}),
    },
  };
}

function mitmPresets(): Record<PresetId<'lab-tls-mitm'>, MitmSettings> {
  return { rejected: { trustAttackerCa: false }, trusted: { trustAttackerCa: true } };
}

export const mitmScenario: MitmScenario = defineLabScenario('lab-tls-mitm', mitmPresets(), runMitm);
