/**
 * The shape every DNS lab scenario shares: data (an id, presets with their settings) plus a `run`
 * that drives the real engine and returns the Trace and a plain outcome. It has the same fields as
 * the TLS lab's scenarios (src/engine/scenarios/lab/types.ts), so the UI can list both halves
 * side by side; it is declared here so the two halves do not depend on each other's files.
 */
import type { Trace } from '../../../trace';

export interface DnsLabRun<Outcome> {
  trace: Trace;
  outcome: Outcome;
}

/** A named starting point: settings that make one lesson of the scenario. */
export interface DnsLabPreset<Settings> {
  id: string;
  title: string;
  settings: Settings;
}

export interface DnsLabScenario<Id extends string, Settings, Outcome> {
  id: Id;
  title: string;
  /** One paragraph: what to watch for. */
  lesson: string;
  /** The settings the lab opens with: those of the first preset. */
  settings: Settings;
  presets: DnsLabPreset<Settings>[];
  /** The same settings and seed give the same Trace, byte for byte. */
  run(settings: Settings, seed: number | string): Promise<DnsLabRun<Outcome>>;
}
