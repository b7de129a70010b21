/**
 * Whether settings can run: the header's fields and a run's connections or lookups
 * (./field-problems.ts), and a lab scenario's own settings against their schema
 * (./lab-settings.ts). The store's run() refuses settings with a problem, so the last good run
 * stays on screen while the page says what is wrong. Pure, so it is tested without a DOM.
 */
import { limitText } from '../../i18n/limits.en';
import type { ScenarioSettings } from './catalog';
import { fieldProblems, type SettingsField } from './field-problems';
import { labSettingsProblem, type SettingsProblem } from './lab-settings';

export { canRun, type SettingsField } from './field-problems';

/** Each field's problem, with its English line (the CLI's, an imported file's notice). */
export type SettingsProblems = Partial<Record<SettingsField, SettingsProblem & { text: string }>>;

/** Every field's problem, by field (empty when the settings can run). */
export function settingsProblems(settings: ScenarioSettings): SettingsProblems {
  const found: SettingsProblems = {};
  for (const [field, problem] of Object.entries(fieldProblems(settings)))
    found[field as SettingsField] = {
      ...problem,
      text: limitText(problem.limit.key, problem.limit.params),
    };
  // A preset's settings are the engine's own; only edited (or imported) ones need a look.
  if (settings.kind === 'lab' && settings.params !== undefined) {
    const problem = labSettingsProblem(settings.lab, settings.params);
    if (problem) found.params = problem;
  }
  return found;
}
