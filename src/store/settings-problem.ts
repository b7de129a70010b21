/**
 * Whether settings can run: the header's fields (server name, DNS name, seed) against the input
 * limits (src/engine/limits.ts), and the settings the header does not show (a lab scenario's own,
 * a run's connections or lookups) against their shape and limits (src/ui/lab/validate.ts). The
 * store's run() refuses settings with a problem, so the last good run stays on screen while the
 * page says what is wrong. Pure, so it is tested without a DOM.
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
} from '../engine/limits';
import type { ScenarioSettings } from '../engine/scenarios/catalog';
import { firstProblem, labProblem } from '../ui/lab/validate';

/**
 * Where a problem is: one of the header's three boxes, or `params`, the rest of the settings (the
 * lab panel's, for a lab scenario).
 */
export type SettingsField = 'serverName' | 'name' | 'seed' | 'params';
export type SettingsProblems = Partial<Record<SettingsField, string>>;

const problemOf = (check: LimitCheck) => (check.ok ? undefined : check.error);

/**
 * Every field's problem, by field (empty when the settings can run). `badUrl` is the sentence for
 * a journey address that is not https, in the page's language.
 */
export function settingsProblems(settings: ScenarioSettings, badUrl: string): SettingsProblems {
  const found: SettingsProblems = {};
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
      found.params = count.ok
        ? firstProblem(...settings.lookups.map((l) => () => checkClockJump(l.afterSeconds)))
        : count.error;
      break;
    }
    case 'lab':
      // A preset's settings are the engine's own; only edited (or imported) ones need a look.
      if (settings.params !== undefined)
        found.params = labProblem(settings.lab, settings.params, badUrl);
      break;
  }
  for (const key of Object.keys(found) as SettingsField[])
    if (found[key] === undefined) delete found[key];
  return found;
}

export function canRun(problems: SettingsProblems): boolean {
  return Object.keys(problems).length === 0;
}
