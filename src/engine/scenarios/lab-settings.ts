/**
 * Every lab scenario's settings check, by scenario id (the TLS lab, the DNS lab, the journey): the
 * one check for settings from an editor, a shared link, an imported file or the CLI. Light: no
 * engine module is loaded by it.
 */
import { JOURNEY_SCHEMA } from './journey/settings-schema';
import { DNS_LAB_SCHEMAS } from './lab/dns/settings-schema';
import { TLS_LAB_SCHEMAS } from './lab/settings-schema';
import type { Checked, SettingsFailure, SettingsProblemKey } from './settings-schema';
import type { LimitProblem } from '../limits';
import { limitText } from '../../i18n/limits.en';

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
  /**
   * In English, as the CLI and an imported file's notice say it. Absent from the header's own
   * checks (./field-problems.ts, in the first load), whose `limit` the page words.
   */
  text?: string;
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
export function labSettingsProblem(
  lab: string,
  params: unknown,
): (SettingsProblem & { text: string }) | undefined {
  const checked = checkLabSettings(lab, params);
  if (checked.ok) return undefined;
  const at = checked.path ? `settings.${checked.path}` : 'settings';
  if (checked.kind === 'shape')
    return { text: `These settings cannot be used: ${at}: ${failureText(checked)}.`, shape: true };
  return {
    text: checked.why === undefined ? failureText(checked) : `${at}: ${checked.why}.`,
    ...(checked.key ? { key: checked.key } : {}),
    ...(checked.limit ? { limit: checked.limit } : {}),
  };
}

/** A failed check in English: the schema's words, or the broken limit's whole sentence. */
export function failureText(failed: SettingsFailure): string {
  return failed.why ?? limitText(failed.limit.key, failed.limit.params);
}
