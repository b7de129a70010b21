/**
 * The shape every lab scenario shares. A scenario is data (an id, its default settings) plus a
 * `run` that drives the real engine; its English title and lesson live in one table (text.ts).
 * The outcome is plain data, for the tests and the UI to assert on and show beside the Trace.
 */
import type { Trace, TraceParams } from '../../trace';

export interface LabRun<Outcome> {
  trace: Trace;
  outcome: Outcome;
}

/** A named starting point: settings that make one lesson of the scenario. */
export interface LabPreset<Settings> {
  id: string;
  title: string;
  settings: Settings;
}

export interface LabScenario<Id extends string, Settings, Outcome> {
  id: Id;
  title: string;
  /** One paragraph: what to watch for. */
  lesson: string;
  /** The settings the lab opens with: those of the first preset. */
  settings: Settings;
  presets: LabPreset<Settings>[];
  /** The same settings and seed give the same Trace, byte for byte. */
  run(settings: Settings, seed: number | string): Promise<LabRun<Outcome>>;
}

/** A fatal alert as the Trace records it: which one, who sent it, to whom, and why. */
export interface AlertOutcome {
  /** The RFC 5246 name, e.g. "handshake_failure". */
  description: string;
  code: number;
  /** The lane that sent it: "Client", "Server" or "Attacker". */
  sentBy: string;
  to: string;
  /** What the sender found wrong: a key of the language tables, filled in from `params`. */
  reason: string;
  params?: TraceParams;
}
