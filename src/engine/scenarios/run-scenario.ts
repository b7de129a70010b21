/**
 * Runs a scenario's settings through the engine and returns one Trace (with where its sub-runs
 * begin): several connections or lookups in a row, each with its seed and the gap before it, or a
 * lab scenario (./run-lab.ts). The store, the CLI (`scenario run`) and the tests all run here. The
 * TLS engine is imported with the page: the default scenario is a TLS handshake, and
 * evaluating it only once the page had run delayed the first drawing. DNS and the lab are
 * fetched on first use, or by the prefetch after the first drawing (src/ui/lazy.ts).
 */
import { runTlsExchange, type TlsRunOptions } from './tls-run';
import {
  offeredSuites,
  type DnsSettings,
  type ScenarioSettings,
  type TlsSettings,
  type TlsVersionChoice,
} from './catalog';
import { NamedGroup } from '../tls/enums';
import { Tls13TicketStore } from '../tls/tls13/client/tickets';
import type { TraceEvent } from '../trace';
import type { Phase, RunOutcome, StatusLine } from './run-outcome';

export type { RunOutcome };

export function runScenario(settings: ScenarioSettings): Promise<RunOutcome> {
  if (settings.kind === 'lab') return import('./run-lab').then(({ runLab }) => runLab(settings));
  return settings.kind === 'tls' ? runTls(settings) : runDns(settings);
}

/** Pause between back-to-back connections, in virtual ms. */
const CONNECTION_GAP_MS = 500;

/** What each version choice offers, in the client's supported_versions and the server's list. */
const VERSIONS: Readonly<Record<TlsVersionChoice, readonly ('1.2' | '1.3')[]>> = {
  '1.2': ['1.2'],
  '1.3': ['1.3'],
  '1.2,1.3': ['1.2', '1.3'],
};

/** The lanes of the side-by-side scenario: each version's connection in its own pair. */
export const COMPARE_LANES = {
  '1.2': { client: 'Client (TLS 1.2)', server: 'Server (TLS 1.2)' },
  '1.3': { client: 'Client (TLS 1.3)', server: 'Server (TLS 1.3)' },
} as const;

/** The configs of one connection of a header TLS scenario. */
function configure(
  settings: TlsSettings,
  versions: readonly ('1.2' | '1.3')[],
): Pick<TlsRunOptions, 'client' | 'server'> {
  return {
    client: (config) => {
      config.versions = [...versions];
      config.cipherSuites = offeredSuites(settings.suite);
      // A TLS 1.3 client keeps its NewSessionTickets to resume with (RFC 8446, Section 4.6.1).
      if (settings.resume) config.tls13Tickets = new Tls13TicketStore();
      // RFC 8446, Section 4.2.8: the client sends a share for its first group only, x25519.
      if (settings.helloRetry)
        config.groups = [NamedGroup.x25519, NamedGroup.secp256r1, NamedGroup.secp384r1];
    },
    server: (config) => {
      config.versions = [...versions];
      if (settings.requestClientCertificate) config.requestClientCertificate = true;
      // A server without x25519 has to ask for another share (RFC 8446, Section 4.1.4).
      if (settings.helloRetry) config.groups = [NamedGroup.secp256r1, NamedGroup.secp384r1];
    },
  };
}

/** The suite a run's client completed its handshake with, from its note. */
function completedSuite(events: readonly TraceEvent[]): string {
  const done = events.find((e) => e.kind === 'note' && e.key === 'tls.handshake_complete');
  return done?.kind === 'note' ? String(done.params?.['suite'] ?? '') : '';
}

async function runTls(settings: TlsSettings): Promise<RunOutcome> {
  if (settings.compareVersions) return runVersionsSideBySide(settings);
  const connections = Math.max(1, settings.connections ?? 1);
  const versions = VERSIONS[settings.versions ?? '1.2'];
  const lanes: string[] = [];
  const events: TraceEvent[] = [];
  const phases: Phase[] = [];
  let ok = true;
  let error: string | undefined;
  let errorLine: StatusLine | undefined;
  let summary = '';
  // With `resume`, the later connections keep the first one's configs (its session or ticket
  // stores), clock and RNG, as a browser that comes back to the same server does.
  let reuse: TlsRunOptions['reuse'];
  for (let i = 0; i < connections; i++) {
    const last = events.at(-1);
    if (reuse && last) reuse.clock.set(last.t + CONNECTION_GAP_MS);
    const result = await runTlsExchange({
      // One connection keeps the seed as given, so it matches the CLI's `tls demo --seed`.
      seed: connections === 1 ? settings.seed : `${settings.seed}/${i + 1}`,
      serverName: settings.serverName,
      ...(last ? { startMs: last.t + CONNECTION_GAP_MS } : {}),
      ...(reuse ? { reuse } : configure(settings, versions)),
      ...(settings.keyUpdate ? { keyUpdate: true } : {}),
    });
    if (settings.resume && !reuse) {
      const { clientConfig: client, serverConfig: server, clock, rng } = result;
      reuse = { client, server, clock, rng };
    }
    for (const lane of result.trace.lanes) if (!lanes.includes(lane)) lanes.push(lane);
    if (connections > 1) phases.push({ eventIndex: events.length, kind: 'connection', n: i + 1 });
    events.push(...result.trace.events);
    ok &&= result.ok;
    if (!error) errorLine = result.errorLine;
    error ??= result.error;
    const suiteName = completedSuite(result.trace.events);
    summary = [suiteName, result.httpStatus].filter(Boolean).join(' · ') || summary;
  }
  return {
    trace: { lanes, events },
    phases,
    ok,
    ...(error ? { error } : {}),
    ...(errorLine ? { errorLine } : {}),
    summary,
  };
}

/**
 * The same request over TLS 1.2 and TLS 1.3, both starting at the same virtual moment over links
 * of the same latency, merged into one Trace in time order (a tie keeps TLS 1.2 first), so the
 * round trip TLS 1.3 saves shows on the diagram's time axis.
 */
async function runVersionsSideBySide(settings: TlsSettings): Promise<RunOutcome> {
  const runs = [];
  for (const version of ['1.2', '1.3'] as const) {
    runs.push(
      await runTlsExchange({
        seed: settings.seed,
        serverName: settings.serverName,
        lanes: COMPARE_LANES[version],
        ...configure(settings, [version]),
      }),
    );
  }
  const events = runs
    .flatMap((r, run) => r.trace.events.map((e, i) => ({ e, run, i })))
    .sort((a, b) => a.e.t - b.e.t || a.run - b.run || a.i - b.i)
    .map(({ e }) => e);
  const failed = runs.find((r) => r.error);
  const error = failed?.error;
  const errorLine = failed?.errorLine;
  const summary = runs
    .map((r, i) => [`TLS 1.${i + 2}`, completedSuite(r.trace.events), r.httpStatus])
    .map((parts) => parts.filter(Boolean).join(' '))
    .join(' · ');
  return {
    trace: { lanes: runs.flatMap((r) => r.trace.lanes), events },
    phases: [],
    ok: runs.every((r) => r.ok),
    ...(error ? { error } : {}),
    ...(errorLine ? { errorLine } : {}),
    summary,
  };
}

async function runDns(settings: DnsSettings): Promise<RunOutcome> {
  const { runDnsLookup, formatRecord } = await import('../dns');
  const lanes: string[] = [];
  const events: TraceEvent[] = [];
  const phases: Phase[] = [];
  let state: Awaited<ReturnType<typeof runDnsLookup>>['state'] | undefined;
  let summaryLine: StatusLine | undefined;
  let at: number | undefined;
  let summary = '';
  for (const [i, step] of settings.lookups.entries()) {
    if (at !== undefined) at += step.afterSeconds * 1000;
    // Every lookup shares the resolver state, so the caches carry over (and count down).
    const out = await runDnsLookup({
      name: settings.name,
      type: settings.type,
      seed: settings.seed,
      ...(at !== undefined ? { at } : {}),
      ...(state ? { state } : {}),
    });
    at ??= out.trace.events[0]?.t;
    state = out.state;
    for (const lane of out.trace.lanes) if (!lanes.includes(lane)) lanes.push(lane);
    if (settings.lookups.length > 1)
      phases.push({ eventIndex: events.length, kind: 'lookup', n: i + 1 });
    events.push(...out.trace.events);
    const r = out.result;
    summaryLine = r.kind === 'servfail' ? servfailLine(out.trace.events) : undefined;
    summary =
      r.kind === 'answer'
        ? r.records.map(formatRecord).join(' · ')
        : r.kind === 'servfail'
          ? `SERVFAIL: ${r.reason}`
          : r.kind.toUpperCase();
  }
  return {
    trace: { lanes, events },
    phases,
    ok: true,
    summary,
    ...(summaryLine ? { summaryLine } : {}),
  };
}

/** The notes the resolver writes when it gives up, saying why (src/engine/dns/resolver.ts). */
const GAVE_UP = new Set([
  'dns.note.cname_loop',
  'dns.note.cname_limit',
  'dns.note.referral_limit',
  'dns.note.query_budget',
  'dns.note.all_servers_failed',
]);

/** "SERVFAIL: {reason}" as a key, the reason being the last note that says why it gave up. */
function servfailLine(events: readonly TraceEvent[]): StatusLine | undefined {
  const why = events.findLast(
    (e): e is Extract<TraceEvent, { kind: 'note' }> => e.kind === 'note' && GAVE_UP.has(e.key),
  );
  return why && { key: 'servfail', params: { ...why.params, reason: why.key } };
}
