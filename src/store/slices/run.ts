/** Run slice: the trace that came out of the engine for the current settings. */
import type { StateCreator } from 'zustand';
import { runScenario, type RunOutcome } from '../../engine/scenarios/run-scenario';
import { canRun, fieldProblems } from '../../engine/scenarios/field-problems';
import { indexTrace, type TraceView } from '../trace-view';
import type { LabOutcome } from '../../engine/scenarios/lab-registry';
import type { StatusLine } from '../../engine/scenarios/run-outcome';
import type { Store } from '../store';

export type RunStatus = 'idle' | 'running' | 'done' | 'failed';

export interface RunSlice {
  status: RunStatus;
  view?: TraceView;
  /** Whether the protocol run succeeded (a failed handshake still has a trace to show). */
  ok: boolean;
  summary: string;
  error?: string;
  /** The error as a key, when the engine gave one: the page shows it in its language. */
  errorLine?: StatusLine;
  summaryLine?: StatusLine;
  /** A lab scenario's outcome, as its engine run returned it (undefined for other runs). */
  outcome?: LabOutcome;
  /** Increments with every run, so a slow run that was overtaken cannot overwrite a newer one. */
  runId: number;
  run(): Promise<void>;
}

/** The whole settings check, with every lab scenario's schema, once it has loaded. */
let checkAll: typeof import('../../engine/scenarios/settings-problem').settingsProblems | undefined;

/**
 * Loads the whole settings check. The lab panel loads it with itself, so its edits run at once;
 * a run of edited lab settings before then (a link's) waits for it.
 */
export function loadSettingsCheck(): Promise<void> {
  return import('../../engine/scenarios/settings-problem').then((m) => {
    checkAll = m.settingsProblems;
  });
}

/**
 * What has to arrive before a run's trace is shown, so that none of its lines is drawn without its
 * words: the page's language tables load their parts here (src/ui/i18n, `loadEnglishFor`). The
 * page sets it at start; the store does not know the tables.
 */
let beforeShowing: (outcome: RunOutcome) => Promise<void> = () => Promise.resolve();
export function setBeforeShowing(wait: (outcome: RunOutcome) => Promise<void>): void {
  beforeShowing = wait;
}

export const createRunSlice: StateCreator<Store, [], [], RunSlice> = (set, get) => ({
  status: 'idle',
  ok: false,
  summary: '',
  runId: 0,
  async run() {
    const settings = get().settings;
    // Settings over a limit are not run: the run on screen stays, and the field says what is
    // wrong (the header and the lab panel show these same problems). A lab scenario's edited
    // settings are checked by their schema, which comes with the lab.
    if (settings.kind === 'lab' && settings.params !== undefined) {
      if (!checkAll) {
        await loadSettingsCheck();
        // Other settings arrived while the check loaded: they are the ones to run.
        if (get().settings !== settings) return;
      }
      if (!canRun(checkAll!(settings))) return;
    } else if (!canRun(fieldProblems(settings))) return;
    const runId = get().runId + 1;
    set({
      runId,
      status: 'running',
      error: undefined,
      errorLine: undefined,
      summaryLine: undefined,
    });
    get().resetPlayback();
    get().clearSelection();
    try {
      const outcome = await runScenario(settings);
      // Offline before the prefetch got to a table: the run shows with the words there are.
      await beforeShowing(outcome).catch(() => undefined);
      if (get().runId !== runId) return;
      set({
        status: 'done',
        view: indexTrace(outcome.trace, outcome.phases),
        ok: outcome.ok,
        summary: outcome.summary,
        summaryLine: outcome.summaryLine,
        error: outcome.error,
        errorLine: outcome.errorLine,
        outcome: outcome.outcome,
      });
    } catch (e) {
      if (get().runId !== runId) return;
      set({
        status: 'failed',
        view: undefined,
        ok: false,
        summary: '',
        outcome: undefined,
        errorLine: undefined,
        summaryLine: undefined,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  },
});
