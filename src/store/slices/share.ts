/**
 * Share slice: the one notice shown above the diagram (a link that could not be opened, an import
 * that failed, where an imported trace came from), and loading an imported trace in place of a
 * run. Notices hold keys into the language tables, not text, so they follow a language switch.
 */
import type { StateCreator } from 'zustand';
import type { ScenarioSettings } from '../../engine/scenarios/catalog';
import type { ProbeReport } from '../../engine/scenarios/probe-json';
import type { TraceView } from '../trace-view';
import type { Store } from '../store';

type Params = Record<string, string | number>;

/** What a notice says, as a key of the UI's tables (`ui.*`), which word it in the page's language. */
export type NoticeKey =
  | 'importedFrom'
  | 'importedReal'
  | 'importedProbe'
  | 'importFailed'
  | 'importTooLarge'
  | 'importNotJson'
  | 'importWrongFormat'
  | 'importWrongVersion'
  | 'importDamaged'
  | 'captureEmpty'
  | 'captureStopped'
  | 'linkInvalid'
  | 'linkUnknownScenario'
  | 'linkBadValue'
  | 'linkTooLong'
  | 'linkNotUtf8'
  | 'linkRepeated'
  | 'linkBadSetting'
  | 'linkParamsOmitted'
  | 'linkStepMissing';

export interface Notice {
  tone: 'info' | 'error';
  message: NoticeKey;
  params: Params;
  /** Filled in as the message's {reason}, itself from the tables. */
  reason?: { message: NoticeKey; params: Params };
}

export interface ImportedTrace {
  scenarioId: string;
  settings: ScenarioSettings;
  view: TraceView;
  /** The file's name, for the notice and the status line. */
  fileName: string;
  /** A real run's label (`tls connect HOST:PORT`), when no scenario made the trace. */
  realLabel?: string;
  /** Where reading a damaged capture stopped; the notice says so. */
  stoppedAt?: number;
}

export interface ShareSlice {
  notice: Notice | null;
  /** Set while an imported trace is shown; the next run clears it. */
  importedFrom: string | null;
  showNotice(notice: Notice): void;
  dismissNotice(): void;
  /** Show an imported trace: any run still going is dropped, playback starts at message 1. */
  loadTrace(imported: ImportedTrace): void;
  /** A `tls probe --json` report shown in place of the diagram, until closed or a run starts. */
  probeReport: { report: ProbeReport; fileName: string } | null;
  showProbeReport(report: ProbeReport, fileName: string): void;
  closeProbeReport(): void;
}

export const createShareSlice: StateCreator<Store, [], [], ShareSlice> = (set, get) => ({
  notice: null,
  importedFrom: null,
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
  probeReport: null,
  showProbeReport(report, fileName) {
    set({
      probeReport: { report, fileName },
      notice: { tone: 'info', message: 'importedProbe', params: { file: fileName } },
    });
  },
  closeProbeReport() {
    const { notice } = get();
    set({ probeReport: null, notice: notice?.message === 'importedProbe' ? null : notice });
  },
  loadTrace({ scenarioId, settings, view, fileName, realLabel, stoppedAt }) {
    set({
      probeReport: null,
      runId: get().runId + 1,
      scenarioId,
      settings,
      status: 'done',
      view,
      ok: true,
      summary: fileName,
      error: undefined,
      importedFrom: fileName,
      notice:
        stoppedAt !== undefined
          ? {
              tone: 'error',
              message: 'captureStopped',
              params: { file: fileName, label: realLabel ?? '', offset: stoppedAt },
            }
          : realLabel === undefined
            ? { tone: 'info', message: 'importedFrom', params: { file: fileName } }
            : {
                tone: 'info',
                message: 'importedReal',
                params: { file: fileName, label: realLabel },
              },
    });
    get().resetPlayback();
    get().clearSelection();
  },
});
