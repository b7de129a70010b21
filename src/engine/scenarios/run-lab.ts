/**
 * Runs a lab scenario with its settings (the edited ones, or its preset's) and turns what the
 * engine returned into a run's outcome: the Trace with its phases, the outcome for the lab panel,
 * and the status line.
 */
import type { LabSettings } from './catalog';
import { labParams, loadLabScenario } from './lab-registry';
import { labPhases, labStatus } from './lab-summary';
import type { RunOutcome } from './run-outcome';

export async function runLab(settings: LabSettings): Promise<RunOutcome> {
  const lab = await loadLabScenario(settings.lab);
  if (!lab) throw new Error(`no lab scenario '${settings.lab}'`);
  const { trace, outcome } = await lab.run(labParams(lab, settings), settings.seed);
  const status = labStatus(lab.id, outcome);
  return {
    trace,
    phases: labPhases(lab.id, trace, outcome),
    ok: status.ok,
    summary: status.summary,
    ...(status.error !== undefined ? { error: status.error } : {}),
    ...(status.errorLine ? { errorLine: status.errorLine } : {}),
    outcome: { lab: lab.id, value: outcome },
  };
}
