/**
 * The whole journey, "Visit https://www.example.com": one Trace that chains DNS, TCP, TLS and
 * HTTP on one virtual clock, then (optionally) the same visit again, when the browser's caches and
 * the TLS session from the first visit make it shorter. The outcome compares the two visits.
 *
 * Lanes: the six DNS lanes, with the browser as the TLS client on the "Browser" lane (it is the
 * same program that looked the name up), and the web server on "Server <host>".
 */
import { DNS_LANES } from '../../dns/lanes';
import { DEMO_EPOCH_MS, VirtualClock } from '../../sim/clock';
import { Ipv4IdCounter } from '../../sim/packets';
import { SeededRng } from '../../sim/rng';
import type { Trace } from '../../trace';
import type { ClientConfig } from '../../tls/config';
import { demoClientConfig, demoServerConfig } from '../tls-demo-config';
import { LookupSequence } from '../lab/dns/sequence';
import { JOURNEY_LESSON } from './lesson';
import { JOURNEY_TEXT } from './text';
import { parseVisitUrl, serverLane, visit, type Browser, type VisitReport } from './visit';

export const JOURNEY_ID = 'journey-visit';

export interface JourneySettings {
  url: string;
  /** Seconds after the first visit ended that the browser visits again; null: only once. */
  againAfterSeconds: number | null;
}

export interface JourneyOutcome {
  first: VisitReport;
  again: VisitReport | null;
  /**
   * What the second visit saved over the first: messages not sent, and milliseconds sooner the
   * response came. Null without a second visit (or a response in both).
   */
  saved: { messages: number; responseMs: number | null } | null;
}

export interface JourneyRun {
  trace: Trace;
  outcome: JourneyOutcome;
}

type PresetId = keyof typeof JOURNEY_TEXT.presets;

export interface JourneyScenario {
  id: typeof JOURNEY_ID;
  title: string;
  lesson: string;
  settings: JourneySettings;
  presets: { id: PresetId; title: string; settings: JourneySettings }[];
  run(settings: JourneySettings, seed: number | string): Promise<JourneyRun>;
}

export async function runJourney(
  settings: JourneySettings,
  seed: number | string,
): Promise<JourneyRun> {
  const target = parseVisitUrl(settings.url);
  const rng = new SeededRng(seed);
  const dns = new LookupSequence({ seed, rng, extraLanes: [serverLane(target.host)] });
  // One client configuration per host, so that its session store outlives a visit.
  const clients = new Map<string, ClientConfig>();
  const browser: Browser = {
    dns,
    recorder: dns.recorder,
    clock: new VirtualClock(DEMO_EPOCH_MS),
    rng,
    seed,
    tlsClient: (host) => {
      let config = clients.get(host);
      if (!config) {
        config = demoClientConfig(host);
        clients.set(host, config);
      }
      return config;
    },
    tlsServer: demoServerConfig(rng),
    ipIds: new Ipv4IdCounter(),
  };

  const first = await visit(browser, target, DEMO_EPOCH_MS);
  let again: VisitReport | null = null;
  if (settings.againAfterSeconds !== null) {
    const firstEnded = DEMO_EPOCH_MS + first.startedAtMs + first.durationMs;
    again = await visit(browser, target, firstEnded + settings.againAfterSeconds * 1000);
  }
  return {
    trace: browser.recorder.toTrace(),
    outcome: { first, again, saved: again && saved(first, again) },
  };
}

function saved(first: VisitReport, again: VisitReport): JourneyOutcome['saved'] {
  return {
    messages: first.messages.total - again.messages.total,
    responseMs:
      first.responseAfterMs === null || again.responseAfterMs === null
        ? null
        : first.responseAfterMs - again.responseAfterMs,
  };
}

function presets(): Record<PresetId, JourneySettings> {
  const url = 'https://www.example.com/';
  return {
    'visit-again': { url, againAfterSeconds: 30 },
    'again-after-two-minutes': { url, againAfterSeconds: 120 },
    'again-after-ten-minutes': { url, againAfterSeconds: 600 },
    'wrong-certificate': { url: 'https://www.example.org/', againAfterSeconds: null },
  };
}

function defineJourney(): JourneyScenario {
  const list = Object.entries(presets()).map(([id, settings]) => ({
    id: id as PresetId,
    title: JOURNEY_TEXT.presets[id as PresetId],
    settings,
  }));
  return {
    id: JOURNEY_ID,
    title: JOURNEY_TEXT.title,
    lesson: JOURNEY_LESSON,
    settings: list[0]!.settings,
    presets: list,
    run: runJourney,
  };
}

export const journeyScenario: JourneyScenario = defineJourney();

/** The lanes a journey to `host` draws, in order. */
export function journeyLanes(host: string): string[] {
  return [...DNS_LANES, serverLane(host)];
}
