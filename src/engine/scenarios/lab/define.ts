/** Builds a lab scenario from its text (text.ts), its presets' settings and its run function. */
import { LAB_LESSONS } from './lessons';
import { LAB_TEXT, type LabScenarioId } from './text';
import type { LabRun, LabScenario } from './types';

export type PresetId<Id extends LabScenarioId> = keyof (typeof LAB_TEXT)[Id]['presets'] & string;

/**
 * `presets` must give settings for exactly the presets the text table names, in the order the
 * picker shows them; the first is the scenario's default.
 */
export function defineLabScenario<Id extends LabScenarioId, Settings, Outcome>(
  id: Id,
  presets: Record<PresetId<Id>, Settings>,
  run: (settings: Settings, seed: number | string) => Promise<LabRun<Outcome>>,
): LabScenario<Id, Settings, Outcome> {
  return scenarioFromText(id, LAB_TEXT[id], LAB_LESSONS[id], presets, run);
}

/**
 * A lab scenario from its text table entry (title, a title per preset), its lesson, the settings
 * of each preset in picker order, and its run function: shared by the TLS and DNS labs.
 */
export function scenarioFromText<Id extends string, Settings, Outcome>(
  id: Id,
  text: { title: string; presets: object },
  lesson: string,
  presets: Readonly<Record<string, Settings>>,
  run: (settings: Settings, seed: number | string) => Promise<LabRun<Outcome>>,
): LabScenario<Id, Settings, Outcome> {
  const titles = text.presets as Record<string, string>;
  const list = Object.entries(presets).map(([presetId, settings]) => ({
    id: presetId,
    title: titles[presetId]!,
    settings,
  }));
  return {
    id,
    title: text.title,
    lesson,
    settings: list[0]!.settings,
    presets: list,
    run,
  };
}
