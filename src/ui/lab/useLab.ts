/**
 * Hooks for the lab panel: the lab scenario picked (its engine fetched on first use), its
 * current settings, and a way to change them that reruns the scenario at once or, while the user
 * is typing, a moment after they stop.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LabSettings } from '../../engine/scenarios/catalog';
import {
  labParams,
  loadLabModules,
  loadLabScenario,
  type AnyLab,
  type LabModules,
} from '../../engine/scenarios/lab-registry';
import { selectOutcome, selectScenarioActions, selectSettings, useStore } from '../../store/store';

/** How long typing must pause before a text edit reruns the scenario. */
const TYPING_PAUSE_MS = 450;

export function useLabScenario(id: string | undefined): AnyLab | undefined {
  const [lab, setLab] = useState<AnyLab | undefined>();
  useEffect(() => {
    let live = true;
    if (id) void loadLabScenario(id).then((l) => live && setLab(l));
    return () => {
      live = false;
    };
  }, [id]);
  return lab?.id === id ? lab : undefined;
}

/** When a change should rerun: at once (a click), after typing pauses, or not yet. */
export type RunWhen = 'now' | 'typing' | 'never';

export interface LabState<Params> {
  lab: AnyLab;
  settings: LabSettings;
  params: Params;
  change(params: Params, when?: RunWhen): void;
}

/** The lab scenario picked and its settings; undefined while it loads or for other scenarios. */
export function useLab<Params = unknown>(): LabState<Params> | undefined {
  const settings = useStore(selectSettings);
  const { updateLab, run } = useStore(useShallow(selectScenarioActions));
  const labSettings = settings.kind === 'lab' ? settings : undefined;
  const lab = useLabScenario(labSettings?.lab);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const change = useCallback(
    (params: unknown, when: RunWhen = 'now') => {
      clearTimeout(timer.current);
      updateLab({ params });
      if (when === 'now') void run();
      else if (when === 'typing') timer.current = setTimeout(() => void run(), TYPING_PAUSE_MS);
    },
    [updateLab, run],
  );
  if (!labSettings || !lab) return undefined;
  return { lab, settings: labSettings, params: labParams(lab, labSettings) as Params, change };
}

/** The outcome of the last run, if it was a run of lab scenario `id`. */
export function useLabOutcome<Outcome>(id: string | undefined): Outcome | undefined {
  const outcome = useStore(selectOutcome);
  return outcome && outcome.lab === id ? (outcome.value as Outcome) : undefined;
}

/** The engine's lab modules once loaded (the picker and the first run load them anyway). */
export function useLabModules(): LabModules | undefined {
  const [mods, setMods] = useState<LabModules | undefined>();
  useEffect(() => {
    let live = true;
    void loadLabModules().then((m) => live && setMods(m));
    return () => {
      live = false;
    };
  }, []);
  return mods;
}
