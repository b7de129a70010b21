/** What the journey's settings may hold, from its editor or from outside (a link, a file, the CLI). */
import { checkHostname, checkUrlLength } from '../../limits';
import { NUMBER_RANGES, inRange } from '../number-ranges';
import { failedCheck, nullable, record, type Schema } from '../settings-schema';
import type { JourneySettings } from './journey';

/**
 * An https URL whose host is a usable name, as the journey visits (visit.ts, parseVisitUrl), at
 * most MAX_URL_CHARS long. Anything else that is text is not an https URL, which the page words
 * in its own language.
 */
const visitUrl: Schema<string> = (v, path) => {
  if (typeof v !== 'string') return { ok: false, path, why: 'expected text', kind: 'shape' };
  const length = failedCheck(path, checkUrlLength(v));
  if (length) return length;
  let parsed: URL | undefined;
  try {
    parsed = new URL(v);
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol !== 'https:')
    return { ok: false, path, why: 'not an https URL', kind: 'value', key: 'notHttpsUrl' };
  return failedCheck(path, checkHostname(parsed.hostname)) ?? { ok: true, value: v };
};

export const JOURNEY_SCHEMA: Schema<JourneySettings> = record<JourneySettings>({
  url: visitUrl,
  againAfterSeconds: nullable(inRange(NUMBER_RANGES.journeyAgain)),
});
