/**
 * A catalog scenario run headless, as the app runs it (src/engine/scenarios/run-scenario.ts): its
 * settings from the catalog, with a preset and a seed of one's own, checked as the app checks
 * them, then one line per message. `scenario run` prints these lines and writes the files.
 */
import {
  SCENARIOS,
  scenarioById,
  type Scenario,
  type ScenarioSettings,
} from '../../engine/scenarios/catalog';
import { runScenario, type RunOutcome } from '../../engine/scenarios/run-scenario';
import { settingsProblems } from '../../engine/scenarios/settings-problem';
import type { MessageEvent } from '../../engine/trace';
import { CliError } from '../args';

export interface HeadlessRun {
  scenario: Scenario;
  settings: ScenarioSettings;
  outcome: RunOutcome;
}

/** The settings `scenario run ID [--preset P] [--seed S]` runs with; usage errors exit 2. */
export function scenarioSettings(id: string, preset?: string, seed?: string): ScenarioSettings {
  const scenario = scenarioById(id);
  if (!scenario) throw new CliError(`no scenario '${id}'; 'scenario list' names them`, 2);
  const settings = structuredClone(scenario.settings);
  if (seed !== undefined) settings.seed = seed;
  if (preset !== undefined) {
    if (settings.kind !== 'lab') throw new CliError(`scenario '${id}' has no presets`, 2);
    if (!scenario.presets?.includes(preset))
      throw new CliError(
        `scenario '${id}' has no preset '${preset}'; it has ${scenario.presets?.join(', ')}`,
        2,
      );
    settings.preset = preset;
  }
  const [problem] = Object.values(settingsProblems(settings));
  if (problem) throw new CliError(problem.text, 2);
  return settings;
}

export async function runHeadless(
  id: string,
  preset?: string,
  seed?: string,
): Promise<HeadlessRun> {
  const settings = scenarioSettings(id, preset, seed);
  return { scenario: scenarioById(id)!, settings, outcome: await runScenario(settings) };
}

/** Every scenario and preset the CLI can run, as `scenario list` prints them. */
export function scenarioList(): { id: string; presets: readonly string[]; title: string }[] {
  return SCENARIOS.map((s) => ({ id: s.id, presets: s.presets ?? [], title: s.title }));
}

/**
 * One line per message, each sub-run (a connection, a lookup, a visit) headed by its number:
 * "+   40 ms  Client → Server  ClientHello (181 bytes)".
 */
export function messageLines({ trace, phases }: RunOutcome): string[] {
  const starts = new Map(phases.map((p) => [p.eventIndex, p]));
  const t0 = trace.events[0]?.t ?? 0;
  const lines: string[] = [];
  trace.events.forEach((e, i) => {
    const phase = starts.get(i);
    if (phase) lines.push(`--- ${phase.kind} ${phase.n}`);
    if (e.kind === 'message') lines.push(messageLine(e, t0));
  });
  return lines;
}

function messageLine(e: MessageEvent, t0: number): string {
  const t = `+${String(Math.round(e.t - t0)).padStart(5)} ms`;
  const notes = [e.encrypted ? 'encrypted' : '', e.dropped ? 'dropped' : ''].filter(Boolean);
  const tail = notes.length > 0 ? `, ${notes.join(', ')}` : '';
  return `${t}  ${e.from} → ${e.to}  ${e.name} (${e.bytes.length} bytes${tail})`;
}
