/**
 * Every lab scenario's settings check, by scenario id (the TLS lab, the DNS lab, the journey): the
 * one check for settings from an editor, a shared link, an imported file or the CLI. Light: no
 * engine module is loaded by it.
 */
import { JOURNEY_SCHEMA } from './journey/settings-schema';
import { DNS_LAB_SCHEMAS } from './lab/dns/settings-schema';
import { TLS_LAB_SCHEMAS } from './lab/settings-schema';
import type { Checked, SettingsProblemKey } from './settings-schema';
import type { LimitProblem } from '../limits';

const SCHEMAS: Readonly<Record<string, (value: unknown, path: string) => Checked<unknown>>> = {
  ...TLS_LAB_SCHEMAS,
  ...DNS_LAB_SCHEMAS,
  // The id is JOURNEY_ID (journey/journey.ts); that module is the engine, its text is not.
  'journey-visit': JOURNEY_SCHEMA,
};

/** The settings, checked for lab scenario `id`. */
export function checkLabSettings(id: string, value: unknown): Checked<unknown> {
  const schema = Object.hasOwn(SCHEMAS, id) ? SCHEMAS[id] : undefined;
  if (!schema) return { ok: false, path: '', why: `no settings for scenario ${id}`, kind: 'shape' };
  return schema(value, '');
}

/** The scenario ids that have a settings check. */
export const CHECKED_LAB_IDS: readonly string[] = Object.keys(SCHEMAS);

/** Why settings cannot run, as one line. */
export interface SettingsProblem {
  /** In English, as the CLI and an imported file's notice say it. */
  text: string;
  /** A problem the page words in its own language instead of `text`. */
  key?: SettingsProblemKey;
  /** A broken input limit, which the page words in its own language instead of `text`. */
  limit?: LimitProblem;
  /** The settings are not even of the scenario's types: no editor can show them. */
  shape?: true;
}

/**
 * What is wrong with `params` as settings of lab scenario `lab`, or undefined when they can run:
 * a limit's own sentence when one is broken, else the field and why.
 */
export function labSettingsProblem(lab: string, params: unknown): SettingsProblem | undefined {
  const checked = checkLabSettings(lab, params);
  if (checked.ok) return undefined;
  const at = checked.path ? `settings.${checked.path}` : 'settings';
  if (checked.kind === 'shape')
    return { text: `These settings cannot be used: ${at}: ${checked.why}.`, shape: true };
  return {
    text: checked.sentence ? checked.why : `${at}: ${checked.why}.`,
    ...(checked.key ? { key: checked.key } : {}),
    ...(checked.limit ? { limit: checked.limit } : {}),
  };
}
