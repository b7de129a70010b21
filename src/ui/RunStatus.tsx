import { useShallow } from 'zustand/react/shallow';
import { scenarioById } from '../engine/scenarios/catalog';
import { selectRunInfo, selectScenarioId, selectMessageCount, useStore } from '../store/store';
import { errorText } from './error-text';
import { useStrings } from './hooks';
import { format } from './i18n';

/** One line above the diagram: running, done (with the outcome) or why it failed. */
export function RunStatus() {
  const t = useStrings();
  const { status, ok, summary, error } = useStore(useShallow(selectRunInfo));
  const count = useStore(selectMessageCount);
  const scenarioId = useStore(selectScenarioId);
  const title = t.scenarios[scenarioId]?.title ?? scenarioById(scenarioId)?.title ?? scenarioId;

  if (status === 'failed' && !count) {
    return (
      <div className="run-status failed" role="alert">
        {format(t.ui.statusFailed, { error: errorText(error ?? '') })}
      </div>
    );
  }
  return (
    <div
      className={`run-status ${ok || status !== 'done' ? '' : 'failed'}`}
      role="status"
      aria-live="polite"
    >
      {status === 'running' && format(t.ui.statusRunning, { title })}
      {status === 'done' &&
        (ok
          ? format(t.ui.statusDone, { count, summary })
          : format(t.ui.statusFailed, { error: errorText(error ?? '') }))}
      {status === 'idle' && t.ui.statusIdle}
    </div>
  );
}
