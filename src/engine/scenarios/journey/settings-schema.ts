/** What the journey's settings may hold when they come from a shared link. */
import { checkHostname, type LimitCheck } from '../../limits';
import { integer, nullable, record, text, type Schema } from '../settings-schema';
import type { JourneySettings } from './journey';

/** Browsers take far longer URLs; the journey's box is for a host and a short path. */
const MAX_URL_CHARS = 2_048;

/** An https URL whose host is a usable name, as the journey visits (visit.ts, parseVisitUrl). */
function checkVisitUrl(url: string): LimitCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: 'not a URL' };
  }
  if (parsed.protocol !== 'https:') return { ok: false, error: 'not an https URL' };
  return checkHostname(parsed.hostname);
}

export const JOURNEY_SCHEMA: Schema<JourneySettings> = record<JourneySettings>({
  url: text(MAX_URL_CHARS, checkVisitUrl),
  // The journey editor's "visit again after" field: up to a day.
  againAfterSeconds: nullable(integer(0, 86_400)),
});
