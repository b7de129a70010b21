/**
 * Whether the settings the header shows can run: the server name, DNS name and seed against the
 * input limits (../limits.ts), and a TLS or DNS run's connections or lookups. A lab scenario's own
 * settings are checked by its schema (./lab-settings.ts), which comes with the lab; the whole
 * check is ./settings-problem.ts. Pure, so it is tested without a DOM.
 */
import {
  MAX_DNS_RUN_LOOKUPS,
  checkClockJump,
  checkConnections,
  checkHostname,
  checkLookupCount,
  checkSeed,
  checkServerName,
  type LimitCheck,
  type LimitProblem,
} from '../limits';
import type { ScenarioSettings } from './catalog';
import type { SettingsProblem } from './lab-settings';

/**
 * Where a problem is: one of the header's three boxes, or `params`, the rest of the settings (the
 * lab panel's, for a lab scenario).
 */
export type SettingsField = 'serverName' | 'name' | 'seed' | 'params';
/** A field's problem: a broken input limit, which whoever shows it words (the page, the CLI). */
export type FieldProblem = SettingsProblem & { limit: LimitProblem };
export type FieldProblems = Partial<Record<SettingsField, FieldProblem>>;

const problemOf = (check: LimitCheck): FieldProblem | undefined =>
  check.ok ? undefined : { limit: { key: check.key, params: check.params } };

/** Every field's problem but a lab scenario's own settings, by field (empty: none). */
export function fieldProblems(settings: ScenarioSettings): FieldProblems {
  const found: FieldProblems = {};
  found.seed = problemOf(checkSeed(settings.seed));
  switch (settings.kind) {
    case 'tls':
      found.serverName = problemOf(checkServerName(settings.serverName));
      if (settings.connections !== undefined)
        found.params = problemOf(checkConnections(settings.connections));
      break;
    case 'dns': {
      found.name = problemOf(checkHostname(settings.name));
      const count = checkLookupCount(settings.lookups.length, MAX_DNS_RUN_LOOKUPS);
      // The count first: a list from a file may be huge.
      found.params = problemOf(count);
      for (const lookup of count.ok ? settings.lookups : [])
        found.params ??= problemOf(checkClockJump(lookup.afterSeconds));
      break;
    }
    case 'lab':
      break;
  }
  for (const key of Object.keys(found) as SettingsField[])
    if (found[key] === undefined) delete found[key];
  return found;
}

export function canRun(problems: Partial<Record<SettingsField, SettingsProblem>>): boolean {
  return Object.keys(problems).length === 0;
}
