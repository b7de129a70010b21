/**
 * GSLB failover, like Route 53's health-checked failover records. app.example.com has a primary
 * and a secondary address; a health checker probes the primary over TCP. At the chosen moment the
 * primary is switched off. Its checks start to fail, and after `failureThreshold` failures in a row
 * the authoritative servers answer with the secondary. Every cache that still holds the old answer
 * keeps using it until its TTL runs out, and the browser keeps its copy for another minute on top,
 * so how long users are sent to a dead server depends on the health-check settings and on the TTL.
 */
import { DNS_LANES, Lane } from '../../../dns/lanes';
import { DEMO_EPOCH_MS } from '../../../sim/clock';
import { SimNetwork } from '../../../sim/network';
import { SeededRng } from '../../../sim/rng';
import type { TraceEvent } from '../../../trace';
import { defineDnsLabScenario, type DnsPresetId } from './define';
import { failoverWorld } from './gslb/failover-record';
import {
  DEFAULT_FAILURE_THRESHOLD,
  HEALTH_CHECKER_LANE,
  HealthChecker,
  listener,
} from './gslb/health-checker';
import type { AnsweringLayer } from './lookup-facts';
import { LookupSequence } from './sequence';
import type { DnsLabRun, DnsLabScenario } from './types';

export const PRIMARY_LANE = 'Primary server';
/** Route 53's checkers live in AWS's own ranges; this one stands in a documentation range. */
export const HEALTH_CHECKER_ADDRESS = '192.0.2.240';
/** One-way latency from the health checker to the primary. */
export const HEALTH_CHECK_LATENCY_MS = 15;
/** The health check opens HTTPS's port. */
const CHECKED_PORT = 443;

export interface GslbSettings {
  /** The failover record: a name under example.com and its two addresses. */
  name: string;
  ttl: number;
  primary: string;
  secondary: string;
  healthCheck: { intervalSeconds: number; failureThreshold: number };
  /** When the primary is switched off, in seconds from the start. */
  stopPrimaryAtSeconds: number;
  /** When the browser looks the name up, in seconds from the start. */
  lookupsAtSeconds: number[];
}

export interface GslbLookup {
  atSeconds: number;
  /** What the authoritative servers answer at that moment. */
  authoritativeAnswer: string | null;
  /** What the browser got, from whichever layer answered. */
  browserGot: string | null;
  answeredBy: AnsweringLayer;
  /** The TTL on the record the browser got. */
  ttl: number | null;
  /** The address the browser got belongs to a server that is running: the page loads. */
  pageLoads: boolean;
}

export interface GslbOutcome {
  primary: string;
  secondary: string;
  stoppedAtSeconds: number;
  probes: { atSeconds: number; ok: boolean }[];
  /** When the health check declared the primary unhealthy, or null if it never did. */
  unhealthyAtSeconds: number | null;
  /** The first lookup at which the authoritative servers gave the secondary. */
  authoritativeSwitchedAtSeconds: number | null;
  /** The first lookup at which the browser got the secondary. */
  browserSwitchedAtSeconds: number | null;
  lookups: GslbLookup[];
}

export type GslbScenario = DnsLabScenario<'lab-dns-gslb-failover', GslbSettings, GslbOutcome>;

export async function runGslb(
  settings: GslbSettings,
  seed: number | string,
): Promise<DnsLabRun<GslbOutcome>> {
  const start = DEMO_EPOCH_MS;
  const stopAt = start + settings.stopPrimaryAtSeconds * 1000;
  const primaryRunningAt = (t: number) => t < stopAt;

  const network = new SimNetwork();
  const target = { ip: settings.primary, port: CHECKED_PORT };
  const rng = new SeededRng(`${seed}/health`);
  network.attach(settings.primary, listener(target, rng, primaryRunningAt));
  network.setLinkLatency(HEALTH_CHECKER_ADDRESS, settings.primary, HEALTH_CHECK_LATENCY_MS);
  const checker = new HealthChecker(
    {
      checker: HEALTH_CHECKER_ADDRESS,
      target,
      targetLane: PRIMARY_LANE,
      intervalSeconds: settings.healthCheck.intervalSeconds,
      failureThreshold: settings.healthCheck.failureThreshold,
    },
    network,
    rng,
  );
  const lastLookup = Math.max(0, ...settings.lookupsAtSeconds);
  await checker.run(start, start + lastLookup * 1000);

  const failover = failoverWorld(settings, (t) => checker.healthyAt(t));
  const dns = new LookupSequence({
    seed,
    start,
    world: failover.world,
    extraLanes: [HEALTH_CHECKER_LANE, PRIMARY_LANE],
  });
  const lookups: GslbLookup[] = [];
  for (const atSeconds of [...settings.lookupsAtSeconds].sort((a, b) => a - b)) {
    const at = start + atSeconds * 1000;
    const report = await dns.lookupAt(settings.name, 'A', at);
    const browserGot = report.addresses[0] ?? null;
    lookups.push({
      atSeconds,
      authoritativeAnswer: failover.answerAt(at) ?? null,
      browserGot,
      answeredBy: report.answeredBy,
      ttl: report.answerTtl,
      pageLoads:
        browserGot === settings.secondary ||
        (browserGot === settings.primary && primaryRunningAt(at)),
    });
  }

  const stopNote: TraceEvent = {
    kind: 'note',
    t: stopAt,
    lane: PRIMARY_LANE,
    key: 'lab.dns.note.server_stopped',
    params: { address: settings.primary },
  };
  const failoverNotes: TraceEvent[] = checker.transitions.map((change) => ({
    kind: 'note',
    t: change.at,
    lane: Lane.authoritative,
    key: change.healthy ? 'lab.dns.note.failback' : 'lab.dns.note.failover',
    params: {
      name: settings.name,
      from: change.healthy ? settings.secondary : settings.primary,
      to: change.healthy ? settings.primary : settings.secondary,
    },
  }));
  // A stable sort: events at the same moment keep the order they were made in.
  const side = [...checker.events, stopNote, ...failoverNotes].sort((a, b) => a.t - b.t);
  const unhealthy = checker.transitions.find((c) => !c.healthy);
  const seconds = (t: number) => (t - start) / 1000;
  const first = (pick: (l: GslbLookup) => string | null) =>
    lookups.find((l) => pick(l) === settings.secondary)?.atSeconds ?? null;
  return {
    trace: {
      lanes: [...DNS_LANES, HEALTH_CHECKER_LANE, PRIMARY_LANE],
      events: interleave(side, dns.recorder.events),
    },
    outcome: {
      primary: settings.primary,
      secondary: settings.secondary,
      stoppedAtSeconds: settings.stopPrimaryAtSeconds,
      probes: checker.probes.map((p) => ({ atSeconds: seconds(p.at), ok: p.ok })),
      unhealthyAtSeconds: unhealthy ? seconds(unhealthy.at) : null,
      authoritativeSwitchedAtSeconds: first((l) => l.authoritativeAnswer),
      browserSwitchedAtSeconds: first((l) => l.browserGot),
      lookups,
    },
  };
}

/**
 * Two event lists, each in its own order, woven into one by time: the health checker's and the
 * lookups'. On a tie the health checker's event comes first.
 */
function interleave(a: readonly TraceEvent[], b: readonly TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.t <= b[j]!.t)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** Lookups every `step` seconds from 0 to `until`, both included. */
function every(step: number, until: number): number[] {
  return Array.from({ length: Math.floor(until / step) + 1 }, (_, i) => i * step);
}

function gslbPresets(): Record<DnsPresetId<'lab-dns-gslb-failover'>, GslbSettings> {
  const base = {
    name: 'app.example.com',
    primary: '203.0.113.50',
    secondary: '198.51.100.50',
    stopPrimaryAtSeconds: 100,
  };
  const standard = { intervalSeconds: 30, failureThreshold: DEFAULT_FAILURE_THRESHOLD };
  return {
    'ttl-60': { ...base, ttl: 60, healthCheck: standard, lookupsAtSeconds: every(30, 330) },
    'ttl-300': { ...base, ttl: 300, healthCheck: standard, lookupsAtSeconds: every(30, 600) },
    'fast-checks': {
      ...base,
      ttl: 60,
      healthCheck: { intervalSeconds: 10, failureThreshold: DEFAULT_FAILURE_THRESHOLD },
      lookupsAtSeconds: every(30, 330),
    },
  };
}

export const gslbScenario: GslbScenario = defineDnsLabScenario(
  'lab-dns-gslb-failover',
  gslbPresets(),
  runGslb,
);
