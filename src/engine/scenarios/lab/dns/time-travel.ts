/**
 * Time travel: the same name looked up again and again while the virtual clock jumps forward, so
 * the cached copies expire one layer at a time. The browser keeps any answer for exactly 60 s
 * (Chromium's host cache), the OS and recursive resolvers for the record's TTL, and the recursive
 * resolver keeps the delegations to com. and example.com. for their own, much longer TTL (two
 * days in the zones, capped to one day by the resolver).
 */
import { defineDnsLabScenario, type DnsPresetId } from './define';
import { LookupSequence, type LookupReport, type LookupStep } from './sequence';
import type { DnsLabRun, DnsLabScenario } from './types';

export interface TimeTravelSettings {
  /** The lookups in order; each says how long after the previous one it happens. */
  steps: LookupStep[];
}

export interface TimeTravelOutcome {
  /** Per lookup: which layer answered, with what, and the TTL each cache has left afterwards. */
  lookups: LookupReport[];
}

export type TimeTravelScenario = DnsLabScenario<
  'lab-dns-time-travel',
  TimeTravelSettings,
  TimeTravelOutcome
>;

/** Past every cached answer (300 s) but well inside the delegations' one day. */
const AFTER_ANSWER_TTL_SECONDS = 301;
/** Past the delegations too: the resolver caps them at one day (MAX_CACHE_TTL). */
const AFTER_ONE_DAY_SECONDS = 86_400;

export async function runTimeTravel(
  settings: TimeTravelSettings,
  seed: number | string,
): Promise<DnsLabRun<TimeTravelOutcome>> {
  const sequence = new LookupSequence({ seed });
  const lookups: LookupReport[] = [];
  for (const step of settings.steps) lookups.push(await sequence.step(step));
  return { trace: sequence.recorder.toTrace(), outcome: { lookups } };
}

function timeTravelPresets(): Record<DnsPresetId<'lab-dns-time-travel'>, TimeTravelSettings> {
  const www = 'www.example.com';
  return {
    'layer-by-layer': {
      steps: [
        { name: www },
        { name: www, afterSeconds: 20 },
        { name: www, afterSeconds: 60 },
        { name: www, afterSeconds: 10, restart: 'computer' },
        { name: www, afterSeconds: AFTER_ANSWER_TTL_SECONDS },
        { name: www, afterSeconds: AFTER_ONE_DAY_SECONDS },
      ],
    },
    'short-ttl': {
      steps: [
        { name: 'edge.example.com' },
        { name: 'edge.example.com', afterSeconds: 40 },
        { name: 'edge.example.com', afterSeconds: 30 },
      ],
    },
    'same-zone': {
      steps: [{ name: www }, { name: 'mail.example.com', afterSeconds: 5 }],
    },
  };
}

export const timeTravelScenario: TimeTravelScenario = defineDnsLabScenario(
  'lab-dns-time-travel',
  timeTravelPresets(),
  runTimeTravel,
);
