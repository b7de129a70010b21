import { useShallow } from 'zustand/react/shallow';
import { scenarioById } from '../engine/scenarios/catalog';
import { selectRunInfo, selectScenarioId, selectMessageCount, useStore } from '../store/store';
import { useStrings } from './hooks';
import { isRefusal, isStall, runStatusText } from './run-status-text';

/** One line above the diagram: running, done (with the outcome) or why it failed. */
export function RunStatus() {
  const t = useStrings();
  const { status, ok, summary, summaryLine, error, errorLine } = useStore(
    useShallow(selectRunInfo),
  );
  const count = useStore(selectMessageCount);
  const scenarioId = useStore(selectScenarioId);
  // Which run the line is about, and where it is, for scripts and tests that wait for a run.
  const runId = useStore((s) => s.runId);
  const data = { 'data-run': runId, 'data-status': status };
  const title = t.scenarios[scenarioId]?.title ?? scenarioById(scenarioId)?.title ?? scenarioId;
  const text = runStatusText(t, {
    status,
    ok,
    summary,
    summaryLine,
    error,
    errorLine,
    count,
    title,
  });

  if (status === 'failed' && !count) {
    return (
      <div className="run-status failed" role="alert" {...data}>
        {text}
      </div>
    );
  }
  const ended = { status, ok, errorLine };
  const kind =
    ok || status !== 'done'
      ? ''
      : isRefusal(ended)
        ? 'refused'
        : isStall(ended)
          ? 'stalled'
          : 'failed';
  return (
    <div className={`run-status ${kind}`} role="status" aria-live="polite" {...data}>
      {text}
    </div>
  );
}
