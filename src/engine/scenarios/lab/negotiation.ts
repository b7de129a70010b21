/**
 * The negotiation editor: the client's offer and the server's supported lists, each an ordered
 * list, and whose order wins. The server chooses as RFC 5246, Section 7.4.1.2 and RFC 8422,
 * Section 5.1 require (negotiate.ts), and says why in its 'tls.server.chose_suite' note. With no
 * overlap the server answers handshake_failure, as OpenSSL's does. A misbehaving server can name a
 * suite the client never offered, which the client must refuse with illegal_parameter
 * (RFC 5246, Section 7.4.1.3).
 */
import {
  NamedGroup,
  SignatureScheme,
  cipherSuite,
  namedGroup,
  namedGroupName,
  signatureSchemeName,
} from '../../tls/enums';
import { DEFAULT_GROUPS } from '../../tls/groups';
import { DEFAULT_SUITE_ORDER, SUITES } from '../../tls/suites';
import { DETERMINISTIC_SIGNATURE_SCHEMES } from '../tls-demo-config';
import { runTlsExchange } from '../tls-run';
import { defineLabScenario, type PresetId } from './define';
import { findNote, firstAlert, noteParam } from './trace-facts';
import type { TraceParams } from '../../trace';
import type { AlertOutcome, LabRun, LabScenario } from './types';

/** What one side lists, each in its order of preference. */
export interface NegotiationLists {
  cipherSuites: number[];
  groups: number[];
  signatureSchemes: number[];
}

export interface NegotiationSettings {
  client: NegotiationLists;
  server: NegotiationLists & {
    /** Whose preference decides among the suites both support (OpenSSL's SSL_OP_CIPHER_SERVER_PREFERENCE). */
    preference: 'server' | 'client';
  };
  /**
   * A misbehaving server: its ServerHello names this suite whatever the client offered. Absent,
   * the server follows the RFC.
   */
  serverNamesSuite?: number;
}

/** What the editor lets each list hold: every suite, group and scheme the engine implements. */
export const NEGOTIATION_CHOICES = {
  cipherSuites: SUITES.map((s) => ({ id: s.id, name: s.name })),
  groups: DEFAULT_GROUPS.map((id) => ({ id, name: namedGroupName(id) })),
  signatureSchemes: Object.values(SignatureScheme).map((id) => ({
    id,
    name: signatureSchemeName(id),
  })),
} as const;

export interface NegotiationOutcome {
  /** The handshake completed and the client got its HTTP response. */
  ok: boolean;
  /**
   * The suite the server chose, and why: a key of the language tables and its parameters (absent
   * when it found none).
   */
  serverChose?: { id: number; name: string; reason: string; params: TraceParams };
  /** The suite the ServerHello named: differs from serverChose only for a misbehaving server. */
  serverHelloSuite?: number;
  /** The ECDHE group and the ServerKeyExchange signature scheme the server picked. */
  group?: string;
  signatureScheme?: string;
  alert?: AlertOutcome;
}

export type NegotiationScenario = LabScenario<
  'lab-tls-negotiation',
  NegotiationSettings,
  NegotiationOutcome
>;

/**
 * Both sides offer everything the engine implements, in the demo's order. Signatures prefer
 * PKCS#1 v1.5 over PSS because WebCrypto draws PSS salts itself, out of reach of the seed
 * (tls-demo-config.ts). A list may put PSS first: it negotiates like any other scheme, but the
 * ServerKeyExchange signature then differs from run to run.
 */
export function defaultNegotiationSettings(): NegotiationSettings {
  const lists = (): NegotiationLists => ({
    cipherSuites: [...DEFAULT_SUITE_ORDER],
    groups: [...DEFAULT_GROUPS],
    signatureSchemes: [...DETERMINISTIC_SIGNATURE_SCHEMES],
  });
  return { client: lists(), server: { ...lists(), preference: 'server' } };
}

export async function runNegotiation(
  settings: NegotiationSettings,
  seed: number | string,
): Promise<LabRun<NegotiationOutcome>> {
  const run = await runTlsExchange({
    seed,
    client(config) {
      config.cipherSuites = settings.client.cipherSuites.map(cipherSuite);
      config.groups = settings.client.groups.map(namedGroup);
      config.signatureSchemes = [...settings.client.signatureSchemes];
    },
    server(config) {
      config.cipherSuites = settings.server.cipherSuites.map(cipherSuite);
      config.groups = settings.server.groups.map(namedGroup);
      config.signatureSchemes = [...settings.server.signatureSchemes];
      config.preferServerOrder = settings.server.preference === 'server';
      if (settings.serverNamesSuite !== undefined)
        config.misbehave = { selectSuite: settings.serverNamesSuite };
    },
  });
  const { events } = run.trace;
  const chosenName = noteParam(events, 'tls.server.chose_suite', 'suite');
  const chosen = SUITES.find((s) => s.name === chosenName);
  const serverHello = events.find((e) => e.kind === 'message' && e.name === 'ServerHello');
  const { group, signatureScheme } = run.server.negotiated;
  const alert = firstAlert(events);
  const outcome: NegotiationOutcome = {
    ok: run.ok,
    ...(chosen
      ? {
          serverChose: {
            id: chosen.id,
            name: chosen.name,
            reason: noteParam(events, 'tls.server.chose_suite', 'reason') ?? '',
            params: findNote(events, 'tls.server.chose_suite')?.params ?? {},
          },
        }
      : {}),
    ...(serverHello?.kind === 'message'
      ? {
          serverHelloSuite: (serverHello.decoded as { body: { cipherSuite: number } }).body
            .cipherSuite,
        }
      : {}),
    ...(group !== undefined ? { group: namedGroupName(group) } : {}),
    ...(signatureScheme !== undefined
      ? { signatureScheme: signatureSchemeName(signatureScheme) }
      : {}),
    ...(alert ? { alert } : {}),
  };
  return { trace: run.trace, outcome };
}

/** Named starting points for the editor; their titles are in LAB_TEXT. */
function negotiationPresets(): Record<PresetId<'lab-tls-negotiation'>, NegotiationSettings> {
  const base = defaultNegotiationSettings;
  return {
    // Both sides support everything; the server's order wins: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.
    'server-order': base(),
    // The client lists ChaCha20 first, and the server lets the client's order decide.
    'client-order': {
      client: { ...base().client, cipherSuites: [0xcca8, 0xc030, 0xc02f, 0xc02b] },
      server: { ...base().server, preference: 'client' },
    },
    // The client offers only an ECDSA suite; the server has only its RSA suites enabled.
    'no-overlap': {
      client: { ...base().client, cipherSuites: [0xc02b] },
      server: { ...base().server, cipherSuites: [0xc02f, 0xc030, 0xcca8] },
    },
    // The client offers only secp384r1; the server takes only x25519 and secp256r1.
    'no-common-group': {
      client: { ...base().client, groups: [NamedGroup.secp384r1] },
      server: { ...base().server, groups: [NamedGroup.x25519, NamedGroup.secp256r1] },
    },
    // The client offers only AES-128; the server answers with AES-256 anyway.
    'misbehaving-server': {
      client: { ...base().client, cipherSuites: [0xc02f] },
      server: base().server,
      serverNamesSuite: 0xc030,
    },
  };
}

export const negotiationScenario: NegotiationScenario = defineLabScenario(
  'lab-tls-negotiation',
  negotiationPresets(),
  runNegotiation,
);
