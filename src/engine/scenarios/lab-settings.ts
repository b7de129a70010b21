/**
 * Every lab scenario's settings check, by scenario id (the TLS lab, the DNS lab, the journey), for
 * settings that come from outside: a shared link. Light: no engine module is loaded by it.
 */
import { JOURNEY_SCHEMA } from './journey/settings-schema';
import { DNS_LAB_SCHEMAS } from './lab/dns/settings-schema';
import { TLS_LAB_SCHEMAS } from './lab/settings-schema';
import type { Checked } from './settings-schema';

const SCHEMAS: Readonly<Record<string, (value: unknown, path: string) => Checked<unknown>>> = {
  ...TLS_LAB_SCHEMAS,
  ...DNS_LAB_SCHEMAS,
  // The id is JOURNEY_ID (journey/journey.ts); that module is the engine, its text is not.
  'journey-visit': JOURNEY_SCHEMA,
};

/** The settings, checked for lab scenario `id`; a scenario without a check takes none. */
export function checkLabSettings(id: string, value: unknown): Checked<unknown> {
  const schema = Object.hasOwn(SCHEMAS, id) ? SCHEMAS[id] : undefined;
  if (!schema) return { ok: false, path: '', why: `no settings for scenario ${id}` };
  return schema(value, '');
}

/** The scenario ids that have a settings check. */
export const CHECKED_LAB_IDS: readonly string[] = Object.keys(SCHEMAS);
