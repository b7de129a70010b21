/**
 * Whether settings can run: the header's fields and a run's connections or lookups
 * (./field-problems.ts), and a lab scenario's own settings against their schema
 * (./lab-settings.ts). The store's run() refuses settings with a problem, so the last good run
 * stays on screen while the page says what is wrong. Pure, so it is tested without a DOM.
 */
import type { ScenarioSettings } from './catalog';
import { fieldProblems, type SettingsProblems } from './field-problems';
import { labSettingsProblem } from './lab-settings';

export { canRun, type SettingsField, type SettingsProblems } from './field-problems';

/** Every field's problem, by field (empty when the settings can run). */
export function settingsProblems(settings: ScenarioSettings): SettingsProblems {
  const found = fieldProblems(settings);
  // A preset's settings are the engine's own; only edited (or imported) ones need a look.
  if (settings.kind === 'lab' && settings.params !== undefined) {
    const problem = labSettingsProblem(settings.lab, settings.params);
    if (problem) found.params = problem;
  }
  return found;
}
