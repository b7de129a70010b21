/**
 * The lab's settings checked against the engine's input limits (src/engine/limits.ts) before a run:
 * the first problem as the engine words it, or undefined. Pure, so they are tested without a DOM.
 *
 * The editors only make settings within these bounds, and say so at the field when typed input is
 * not; the checks here hold settings from anywhere (an edit, an imported trace, a link) to the same
 * bounds, since some would hang or crash a run: a health check every 0 seconds never ends.
 */
import {
  MAX_CLOCK_JUMP_SECONDS,
  MAX_GSLB_LOOKUPS,
  MAX_TIME_TRAVEL_LOOKUPS,
  MAX_ZONE_EDIT_LOOKUPS,
  checkClockJump,
  checkConfigLists,
  checkHostname,
  checkLookupCount,
  checkUrlLength,
  checkZoneText,
  type LimitCheck,
} from '../../engine/limits';
import type { TamperSettings } from '../../engine/scenarios/lab';
import type {
  GslbSettings,
  NegativeSettings,
  PoisoningSettings,
  QnameMinimisationSettings,
  TimeTravelSettings,
  ZoneEditSettings,
} from '../../engine/scenarios/lab/dns';
import type { JourneySettings } from '../../engine/scenarios/journey';
import { labParamsShapeProblem } from './params-shape';

type Check = () => LimitCheck;

/** The first failing check's sentence. */
export function firstProblem(...checks: Check[]): string | undefined {
  for (const check of checks) {
    const result = check();
    if (!result.ok) return result.error;
  }
  return undefined;
}

export interface NumberRange {
  min: number;
  max: number;
}

/**
 * The whole numbers the lab's number fields take. Each editor offers exactly its range and says so
 * when typed input is outside it (common.tsx, NumberField).
 */
export const NUMBER_RANGES = {
  /** Time travel: the clock's jump before a lookup (the engine's own limit on one jump). */
  lookupAfter: { min: 0, max: MAX_CLOCK_JUMP_SECONDS },
  /** Names that do not exist: the second lookup, a day at most (past every negative TTL). */
  negativeAgain: { min: 0, max: 86_400 },
  /** Cache poisoning: forged answers racing the real one. */
  forgeries: { min: 1, max: 20 },
  /** GSLB: the record's TTL, a day at most. */
  gslbTtl: { min: 1, max: 86_400 },
  /** GSLB: seconds between health checks (Route 53 offers 10 and 30). */
  gslbInterval: { min: 1, max: 600 },
  /** GSLB: failed checks before failover (Route 53 takes 1 to 10). */
  gslbThreshold: { min: 1, max: 10 },
  /** GSLB: when the primary stops, within the hour the timeline covers. */
  gslbStopAt: { min: 0, max: 3_600 },
  /** GSLB: seconds between the browser's lookups. */
  gslbEvery: { min: 5, max: 600 },
  /** GSLB: the last lookup, within the hour. */
  gslbUntil: { min: 0, max: 3_600 },
  /** Tamper: the XOR mask (0 would change nothing). */
  tamperMask: { min: 1, max: 255 },
  /** The journey: the second visit, a day at most. */
  journeyAgain: { min: 0, max: 86_400 },
} as const satisfies Record<string, NumberRange>;

/**
 * What a number box holds, if it is a whole number within `range`. A number input reports "" for
 * text it cannot read ("1e", "--5"), and "1e308" reads as a whole number far out of range.
 */
export function readWholeNumber(raw: string, range: NumberRange): number | undefined {
  // Decimal as a number input writes it; Number() alone would also take "0x10" and "".
  if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(raw)) return undefined;
  const n = Number(raw);
  return checkWholeNumber(n, range, '').ok ? n : undefined;
}

/** `value` is a whole number within `range`; `what` names it at the start of the sentence. */
export function checkWholeNumber(value: number, range: NumberRange, what: string): LimitCheck {
  if (Number.isInteger(value) && value >= range.min && value <= range.max) return { ok: true };
  return {
    ok: false,
    error: `${what} is a whole number from ${range.min} to ${range.max}, not ${value}.`,
  };
}

interface Lists {
  cipherSuites: readonly number[];
  groups: readonly number[];
  signatureSchemes: readonly number[];
}

export function negotiationProblem(settings: { client: Lists; server: Lists }): string | undefined {
  return firstProblem(
    () => checkConfigLists(settings.client),
    () => checkConfigLists(settings.server),
  );
}

/**
 * Lookups in a row, at most `max` of them: every name usable, every jump of the clock within
 * bounds.
 */
export function lookupsProblem(
  steps: readonly { name: string; afterSeconds?: number }[],
  max: number = MAX_TIME_TRAVEL_LOOKUPS,
): string | undefined {
  // The count first, before one check per step is even built: a list from a file may be huge.
  const count = checkLookupCount(steps.length, max);
  if (!count.ok) return count.error;
  return firstProblem(
    ...steps.flatMap((s): Check[] => [
      () => checkHostname(s.name),
      () => checkClockJump(s.afterSeconds ?? 0),
    ]),
  );
}

export function zoneEditProblem(settings: {
  text: string;
  lookups: readonly { name: string }[];
}): string | undefined {
  const text = checkZoneText(settings.text);
  return text.ok ? lookupsProblem(settings.lookups, MAX_ZONE_EDIT_LOOKUPS) : text.error;
}

/** An https URL whose host is a usable name; `message` when it is not https at all. */
export function urlProblem(url: string, message: string): string | undefined {
  const length = checkUrlLength(url);
  if (!length.ok) return length.error;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return message;
  }
  if (parsed.protocol !== 'https:') return message;
  return firstProblem(() => checkHostname(parsed.hostname));
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export function gslbProblem(p: GslbSettings): string | undefined {
  const r = NUMBER_RANGES;
  const count = checkLookupCount(p.lookupsAtSeconds.length, MAX_GSLB_LOOKUPS);
  return firstProblem(
    () => checkHostname(p.name),
    () => checkWholeNumber(p.ttl, r.gslbTtl, 'The TTL'),
    () => checkWholeNumber(p.healthCheck.intervalSeconds, r.gslbInterval, 'The check interval'),
    () => checkWholeNumber(p.healthCheck.failureThreshold, r.gslbThreshold, 'The threshold'),
    () => checkWholeNumber(p.stopPrimaryAtSeconds, r.gslbStopAt, 'When the primary stops'),
    () => count,
    // Only a list within the count gets a check per entry (a list from a file may be huge).
    ...(count.ok ? p.lookupsAtSeconds : []).map(
      (s) => () => checkWholeNumber(s, r.gslbUntil, 'A lookup time'),
    ),
    ...[p.primary, p.secondary].map(
      (address) => (): LimitCheck =>
        IPV4.test(address)
          ? { ok: true }
          : { ok: false, error: 'The primary and secondary are IPv4 addresses.' },
    ),
  );
}

function tamperProblem(p: TamperSettings): string | undefined {
  const index = { min: 0, max: Number.MAX_SAFE_INTEGER };
  return firstProblem(
    () => checkWholeNumber(p.record, index, 'The record'),
    () => checkWholeNumber(p.offset, index, 'The byte offset'),
    () => checkWholeNumber(p.mask, NUMBER_RANGES.tamperMask, 'The mask'),
  );
}

function negativeProblem(p: NegativeSettings): string | undefined {
  return firstProblem(
    () => checkWholeNumber(p.again.afterSeconds, NUMBER_RANGES.negativeAgain, 'The second lookup'),
    () => checkHostname(p.name),
  );
}

function poisoningProblem(p: PoisoningSettings): string | undefined {
  if (p.attack !== 'forged-response') return undefined;
  return firstProblem(() =>
    checkWholeNumber(p.forgeries, NUMBER_RANGES.forgeries, 'The number of forged answers'),
  );
}

function journeyProblem(p: JourneySettings, badUrl: string): string | undefined {
  if (p.againAfterSeconds !== null) {
    const again = checkWholeNumber(
      p.againAfterSeconds,
      NUMBER_RANGES.journeyAgain,
      'The second visit',
    );
    if (!again.ok) return again.error;
  }
  return urlProblem(p.url, badUrl);
}

/** Each lab scenario's value checks, by id; one without an entry has none beyond its shape. */
const VALUE_CHECKS: Readonly<
  Record<string, (params: never, badUrl: string) => string | undefined>
> = {
  'lab-tls-negotiation': negotiationProblem,
  'lab-tls-tamper': tamperProblem,
  'lab-dns-time-travel': (p: TimeTravelSettings) => lookupsProblem(p.steps),
  'lab-dns-negative': negativeProblem,
  'lab-dns-poisoning': poisoningProblem,
  'lab-dns-gslb-failover': gslbProblem,
  'lab-dns-qname-minimisation': (p: QnameMinimisationSettings) => lookupsProblem([p]),
  'lab-dns-zone-edit': (p: ZoneEditSettings) => zoneEditProblem(p),
  'journey-visit': journeyProblem,
};

/**
 * What is wrong with `params` as settings of lab scenario `lab`: first their shape, then their
 * values against the limits. `badUrl` is the sentence for an address that is not https.
 */
export function labProblem(lab: string, params: unknown, badUrl: string): string | undefined {
  const shape = labParamsShapeProblem(lab, params);
  if (shape) return `These settings cannot be used: ${shape}.`;
  const check = Object.hasOwn(VALUE_CHECKS, lab) ? VALUE_CHECKS[lab] : undefined;
  return check?.(params as never, badUrl);
}
