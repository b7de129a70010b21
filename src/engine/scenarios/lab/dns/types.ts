/**
 * The shape every DNS lab scenario shares is the TLS lab's (../types.ts): data (an id, presets
 * with their settings) plus a `run` that drives the real engine and returns the Trace and a plain
 * outcome, so the UI lists both halves side by side.
 */
export type {
  LabPreset as DnsLabPreset,
  LabRun as DnsLabRun,
  LabScenario as DnsLabScenario,
} from '../types';
