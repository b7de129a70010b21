/** What the lab panel hands each scenario's editor and outcome view. */
import type { ComponentType } from 'react';
import type { RunWhen } from './useLab';

export interface EditorProps<Params> {
  params: Params;
  /** New settings; by default the scenario runs again at once. */
  change(params: Params, when?: RunWhen): void;
  seed: string;
}

export interface OutcomeProps<Outcome, Params = unknown> {
  outcome: Outcome;
  /** The settings as they are now (the outcome is of the last run, which may be older). */
  params: Params;
}

/** A scenario's part of the lab panel: an editor (presets may be all it needs) and its outcome. */
export interface LabParts<Params, Outcome> {
  Editor?: ComponentType<EditorProps<Params>>;
  /** The editor offers exactly the presets' choices, so the preset picker is left out. */
  editorIsPresets?: boolean;
  Outcome: ComponentType<OutcomeProps<Outcome, Params>>;
}
