/**
 * The extended master secret (RFC 7627) on and off. It is used only when the client offers the
 * extension and the server echoes it (Section 5.1); then the master secret's PRF label is
 * "extended master secret" and its seed the session hash (Section 4), otherwise "master secret"
 * and client_random ‖ server_random (RFC 5246, Section 8.1). The outcome reads both from the
 * Trace's `secret` events.
 */
import { bytesEqual } from '../../bytes/hex';
import { CLIENT_LANE, SERVER_LANE, runTlsExchange } from '../tls-run';
import { defineLabScenario, type PresetId } from './define';
import { masterSecretDerivation } from './trace-facts';
import type { LabRun, LabScenario } from './types';

export interface EmsSettings {
  clientOffers: boolean;
  serverSupports: boolean;
}

export interface EmsOutcome {
  ok: boolean;
  /** Both sides used the extended master secret. */
  extendedMasterSecret: boolean;
  /** The PRF label the master secret was derived with. */
  label: string;
  /** The PRF seed, in order: "session_hash", or "client_random" then "server_random". */
  seed: { name: string; value: Uint8Array }[];
  masterSecret: Uint8Array;
  /** The client and the server derived the same master secret from the same label and seed. */
  sidesAgree: boolean;
}

export type EmsScenario = LabScenario<'lab-tls-ems', EmsSettings, EmsOutcome>;

export async function runEms(
  settings: EmsSettings,
  seed: number | string,
): Promise<LabRun<EmsOutcome>> {
  const run = await runTlsExchange({
    seed,
    client(config) {
      config.offerExtendedMasterSecret = settings.clientOffers;
    },
    server(config) {
      config.supportExtendedMasterSecret = settings.serverSupports;
    },
  });
  const { events } = run.trace;
  const client = masterSecretDerivation(events, CLIENT_LANE);
  const server = masterSecretDerivation(events, SERVER_LANE);
  if (!client || !server)
    throw new Error(`the handshake derived no master secret: ${run.error ?? ''}`);
  const sameSeed =
    client.seed.length === server.seed.length &&
    client.seed.every(
      (s, i) => s.name === server.seed[i]!.name && bytesEqual(s.value, server.seed[i]!.value),
    );
  return {
    trace: run.trace,
    outcome: {
      ok: run.ok,
      extendedMasterSecret: run.client.negotiated.extendedMasterSecret === true,
      label: client.label,
      seed: client.seed,
      masterSecret: client.masterSecret,
      sidesAgree:
        client.label === server.label &&
        sameSeed &&
        bytesEqual(client.masterSecret, server.masterSecret),
    },
  };
}

function emsPresets(): Record<PresetId<'lab-tls-ems'>, EmsSettings> {
  return {
    both: { clientOffers: true, serverSupports: true },
    'client-off': { clientOffers: false, serverSupports: true },
    'server-off': { clientOffers: true, serverSupports: false },
  };
}

export const emsScenario: EmsScenario = defineLabScenario('lab-tls-ems', emsPresets(), runEms);
