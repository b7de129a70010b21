/**
 * The negotiation editor: the client's offer and the server's supported lists, each an ordered
 * list, and whose order wins. The server chooses as RFC 5246, Section 7.4.1.2 and RFC 8422,
 * Section 5.1 require (negotiate.ts), and says why in its 'tls.server.chose_suite' note. With no
 * overlap the server answers handshake_failure, as OpenSSL's does. A misbehaving server can name a
 * suite the client never offered, which the client must refuse with illegal_parameter
 * (RFC 5246, Section 7.4.1.3).
 *
 * Each side also lists the TLS versions it speaks (RFC 8446, Section 4.2.1): with TLS 1.3 on both,
 * 1.3 wins and the suite lists above (TLS 1.2's) no longer decide. An attacker on the path can
 * strip TLS 1.3 from the ClientHello; a server that speaks 1.3 then answers with TLS 1.2 but marks
 * its ServerHello.random with the downgrade sentinel, and a client that speaks 1.3 sees it and
 * refuses with illegal_parameter (Section 4.1.3).
 */
import {
  NamedGroup,
  SignatureScheme,
  cipherSuite,
  cipherSuiteName,
  namedGroup,
  namedGroupName,
  signatureSchemeName,
} from '../../tls/enums';
import { DEFAULT_GROUPS } from '../../tls/groups';
import { DEFAULT_SUITE_ORDER, SUITES } from '../../tls/suites';
import {
  DETERMINISTIC_SIGNATURE_SCHEMES,
  demoClientConfig,
  demoServerConfig,
} from '../tls-demo-config';
import { CLIENT_LANE, SERVER_LANE, runTlsExchange } from '../tls-run';
import { DEMO_EPOCH_MS, VirtualClock } from '../../sim/clock';
import { SeededRng } from '../../sim/rng';
import { TraceRecorder } from '../../trace';
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

/** The TLS versions one side speaks (RFC 8446, Section 4.2.1). */
export type VersionList = '1.2' | '1.3' | '1.2,1.3';
export const VERSION_LISTS: readonly VersionList[] = ['1.2', '1.3', '1.2,1.3'];

export interface NegotiationSettings {
  /** Absent: both sides speak TLS 1.2 only, the version whose suites the lists above choose. */
  versions?: { client: VersionList; server: VersionList };
  /**
   * An attacker on the path hides the ClientHello's supported_versions extension (it renames the
   * extension type), so the server sees a TLS 1.2-only client.
   */
  attackerStripsTls13?: boolean;
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
  /** The version the ServerHello chose: "TLS 1.3" or "TLS 1.2". */
  version?: string;
  /** The attacker stripped TLS 1.3 from the ClientHello. */
  stripped?: boolean;
  /** The suite the client completed the handshake with (TLS 1.3's has no server note). */
  suite?: string;
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
  const clock = new VirtualClock(DEMO_EPOCH_MS);
  const rng = new SeededRng(seed);
  const trace = new TraceRecorder([CLIENT_LANE, SERVER_LANE]);
  const versions = settings.versions ?? { client: '1.2', server: '1.2' };
  let stripped = false;
  const run = await runTlsExchange({
    seed,
    reuse: {
      client: demoClientConfig('www.example.com'),
      server: demoServerConfig(rng),
      clock,
      rng,
      trace,
    },
    onWire({ index, bytes }) {
      if (!settings.attackerStripsTls13 || index !== 0) return bytes;
      const changed = hideSupportedVersions(bytes);
      if (!changed) return bytes;
      stripped = true;
      trace.push({
        kind: 'note',
        t: clock.now(),
        lane: CLIENT_LANE,
        key: 'lab.downgrade.stripped',
        params: {},
      });
      return changed;
    },
    client(config) {
      config.versions = versionList(versions.client);
      config.cipherSuites = settings.client.cipherSuites.map(cipherSuite);
      config.groups = settings.client.groups.map(namedGroup);
      config.signatureSchemes = [...settings.client.signatureSchemes];
    },
    server(config) {
      config.versions = versionList(versions.server);
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
  // The version and the suite are said only when the settings choose versions.
  const version = settings.versions ? run.client.negotiated.version : undefined;
  const suite = settings.versions && run.ok ? run.client.negotiated.cipherSuite : undefined;
  const outcome: NegotiationOutcome = {
    ok: run.ok,
    ...(version !== undefined ? { version: version === 0x0304 ? 'TLS 1.3' : 'TLS 1.2' } : {}),
    ...(stripped ? { stripped } : {}),
    ...(suite !== undefined ? { suite: cipherSuiteName(suite) } : {}),
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

function versionList(list: VersionList): ('1.2' | '1.3')[] {
  return list.split(',') as ('1.2' | '1.3')[];
}

/** RFC 8446, Section 4.2.1: supported_versions is extension 43 (0x002b). */
const SUPPORTED_VERSIONS = 0x002b;
/** What the attacker renames it to: a type no one assigned, which a server skips (Section 4.2). */
const HIDDEN_EXTENSION = 0xff2b;

/**
 * The ClientHello record with its supported_versions extension renamed, every length unchanged,
 * or undefined when the record holds no ClientHello with one. The record is read as RFC 5246,
 * Section 7.4.1.2 lays it out: record and handshake headers, version, random, session_id,
 * cipher_suites, compression_methods, then the extensions.
 */
export function hideSupportedVersions(record: Uint8Array): Uint8Array | undefined {
  if (record[0] !== 22 || record[5] !== 1) return undefined;
  let at = 5 + 4 + 2 + 32;
  const u16 = (i: number) => (record[i]! << 8) | record[i + 1]!;
  at += 1 + (record[at] ?? 0);
  at += 2 + u16(at);
  at += 1 + (record[at] ?? 0);
  const end = at + 2 + u16(at);
  for (at += 2; at + 4 <= end && at + 4 <= record.length; at += 4 + u16(at + 2)) {
    if (u16(at) !== SUPPORTED_VERSIONS) continue;
    const changed = record.slice();
    changed[at] = HIDDEN_EXTENSION >> 8;
    changed[at + 1] = HIDDEN_EXTENSION & 0xff;
    return changed;
  }
  return undefined;
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
    // Both sides speak TLS 1.2 and TLS 1.3: supported_versions settles on 1.3.
    'tls13-both': {
      ...base(),
      versions: { client: '1.2,1.3', server: '1.2,1.3' },
    },
    // The client speaks 1.3, the server only 1.2: an honest TLS 1.2 handshake, with no sentinel.
    'tls13-client-tls12-server': {
      ...base(),
      versions: { client: '1.2,1.3', server: '1.2' },
    },
    // An attacker strips TLS 1.3; the server's downgrade sentinel gives it away.
    'downgrade-attack': {
      ...base(),
      versions: { client: '1.2,1.3', server: '1.2,1.3' },
      attackerStripsTls13: true,
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
