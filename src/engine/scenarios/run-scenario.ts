/**
 * Runs a scenario's settings through the engine and returns one Trace (with where its sub-runs
 * begin): several connections or lookups in a row, each with its seed and the gap before it, or a
 * lab scenario (./run-lab.ts). The store, the CLI (`scenario run`) and the tests all run here. The
 * TLS engine is imported with the page: the default scenario is a TLS handshake, and
 * evaluating it only once the page had run delayed the first drawing. DNS and the lab are
 * fetched on first use, or by the prefetch after the first drawing (src/ui/lazy.ts).
 */
import { runTlsExchange } from './tls-run';
import {
  offeredSuites,
  type DnsSettings,
  type ScenarioSettings,
  type TlsSettings,
} from './catalog';
import type { TraceEvent } from '../trace';
import type { Phase, RunOutcome } from './run-outcome';

export type { RunOutcome };

export function runScenario(settings: ScenarioSettings): Promise<RunOutcome> {
  if (settings.kind === 'lab') return import('./run-lab').then(({ runLab }) => runLab(settings));
  return settings.kind === 'tls' ? runTls(settings) : runDns(settings);
}

/** Pause between back-to-back connections, in virtual ms. */
const CONNECTION_GAP_MS = 500;

async function runTls(settings: TlsSettings): Promise<RunOutcome> {
  const connections = Math.max(1, settings.connections ?? 1);
  const lanes: string[] = [];
  const events: TraceEvent[] = [];
  const phases: Phase[] = [];
  let ok = true;
  let error: string | undefined;
  let summary = '';
  for (let i = 0; i < connections; i++) {
    const last = events.at(-1);
    const result = await runTlsExchange({
      // One connection keeps the seed as given, so it matches the CLI's `tls demo --seed`.
      seed: connections === 1 ? settings.seed : `${settings.seed}/${i + 1}`,
      serverName: settings.serverName,
      ...(last ? { startMs: last.t + CONNECTION_GAP_MS } : {}),
      client: (config) => {
        config.cipherSuites = offeredSuites(settings.suite);
      },
      server: (config) => {
        if (settings.requestClientCertificate) config.requestClientCertificate = true;
      },
    });
    for (const lane of result.trace.lanes) if (!lanes.includes(lane)) lanes.push(lane);
    if (connections > 1) phases.push({ eventIndex: events.length, kind: 'connection', n: i + 1 });
    events.push(...result.trace.events);
    ok &&= result.ok;
    error ??= result.error;
    const suite = result.trace.events.find(
      (e) => e.kind === 'note' && e.key === 'tls.handshake_complete',
    );
    const suiteName = suite?.kind === 'note' ? String(suite.params?.['suite'] ?? '') : '';
    summary = [suiteName, result.httpStatus].filter(Boolean).join(' · ') || summary;
  }
  return { trace: { lanes, events }, phases, ok, ...(error ? { error } : {}), summary };
}

async function runDns(settings: DnsSettings): Promise<RunOutcome> {
  const { runDnsLookup, formatRecord } = await import('../dns');
  const lanes: string[] = [];
  const events: TraceEvent[] = [];
  const phases: Phase[] = [];
  let state: Awaited<ReturnType<typeof runDnsLookup>>['state'] | undefined;
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
    summary =
      r.kind === 'answer'
        ? r.records.map(formatRecord).join(' · ')
        : r.kind === 'servfail'
          ? `SERVFAIL: ${r.reason}`
          : r.kind.toUpperCase();
  }
  return { trace: { lanes, events }, phases, ok: true, summary };
}
