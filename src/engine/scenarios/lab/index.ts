/**
 * The TLS lab: scenarios as data (id, title, lesson, presets, settings) with a `run(settings, seed)`
 * that drives the real engine and returns the Trace and a plain outcome. The UI picks one, edits
 * its settings, runs it, and shows the outcome beside the diagram.
 */
import { certificateScenario } from './certificates';
import { emsScenario } from './ems';
import { mitmScenario } from './mitm';
import { negotiationScenario } from './negotiation';
import { resumptionScenario } from './resumption';
import { tamperScenario } from './tamper';

export type { AlertOutcome, LabPreset, LabRun, LabScenario } from './types';
export { LAB_TEXT, type LabScenarioId } from './text';
export { LAB_LESSONS } from './lessons';
export * from './negotiation';
export * from './resumption';
export * from './certificates';
export * from './mitm';
export {
  ATTACKER_LANE,
  runThroughAttacker,
  type MitmRunOptions,
  type MitmRunResult,
} from './mitm-run';
export * from './tamper';
export * from './ems';

export type AnyLabScenario =
  | typeof negotiationScenario
  | typeof resumptionScenario
  | typeof certificateScenario
  | typeof mitmScenario
  | typeof tamperScenario
  | typeof emsScenario;

/** In the order the lab lists them. */
export const LAB_SCENARIOS: readonly AnyLabScenario[] = [
  negotiationScenario,
  resumptionScenario,
  certificateScenario,
  mitmScenario,
  tamperScenario,
  emsScenario,
];

export function labScenarioById(id: string): AnyLabScenario | undefined {
  return LAB_SCENARIOS.find((s) => s.id === id);
}
