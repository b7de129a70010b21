/** Scenario slice: which named scenario is picked and the settings it will run with. */
import type { StateCreator } from 'zustand';
import {
  DEFAULT_SCENARIO_ID,
  scenarioById,
  type DnsSettings,
  type LabSettings,
  type ScenarioSettings,
  type TlsSettings,
} from '../../engine/scenarios/catalog';
import type { Store } from '../store';

export interface ScenarioSlice {
  scenarioId: string;
  settings: ScenarioSettings;
  /** Pick a scenario: its settings replace the current ones, and it runs. */
  pickScenario(id: string): void;
  updateTls(patch: Partial<Omit<TlsSettings, 'kind'>>): void;
  updateDns(patch: Partial<Omit<DnsSettings, 'kind'>>): void;
  /** A lab scenario's settings: its seed, the preset it started from, or its edited params. */
  updateLab(patch: Partial<Omit<LabSettings, 'kind' | 'lab'>>): void;
  /** A fresh seed: every random value in the run changes, and the run stays reproducible. */
  newRandomSeed(): void;
}

export function initialSettings(id: string): ScenarioSettings {
  const scenario = scenarioById(id) ?? scenarioById(DEFAULT_SCENARIO_ID)!;
  return structuredClone(scenario.settings);
}

/** A 9-digit decimal seed, easy to read out in class and type into the CLI. */
export function randomSeed(): string {
  const [n] = crypto.getRandomValues(new Uint32Array(1));
  return String(100_000_000 + (n! % 900_000_000));
}

export const createScenarioSlice: StateCreator<Store, [], [], ScenarioSlice> = (set, get) => ({
  scenarioId: DEFAULT_SCENARIO_ID,
  settings: initialSettings(DEFAULT_SCENARIO_ID),
  pickScenario(id) {
    if (!scenarioById(id)) return;
    set({ scenarioId: id, settings: initialSettings(id) });
    void get().run();
  },
  updateTls(patch) {
    const s = get().settings;
    if (s.kind === 'tls') set({ settings: { ...s, ...patch } });
  },
  updateDns(patch) {
    const s = get().settings;
    if (s.kind === 'dns') set({ settings: { ...s, ...patch } });
  },
  updateLab(patch) {
    const s = get().settings;
    if (s.kind === 'lab') set({ settings: { ...s, ...patch } });
  },
  newRandomSeed() {
    set({ settings: { ...get().settings, seed: randomSeed() } });
    void get().run();
  },
});
