/**
 * The address bar as a shareable link. At start, a link picks the scenario, its settings and the
 * step (a bad link opens the default scenario with a notice); afterwards the URL follows what is
 * on screen (the settings of the run shown, not ones typed but not yet run, and the current
 * message) with history.replaceState, so copying the address bar shares this exact message.
 */
import type { ScenarioSettings } from '../../engine/scenarios/catalog';
import type { Notice } from '../../store/slices/share';
import { useStore, type Store } from '../../store/store';
import { linkHasLabSettings, parseLink, withLink, type LinkProblem } from './link';

/** The most characters of a link's value a notice repeats: a hostile link may hold thousands. */
const MAX_SHOWN_CHARS = 40;

function clip(text: string): string {
  const chars = [...text];
  return chars.length > MAX_SHOWN_CHARS ? `${chars.slice(0, MAX_SHOWN_CHARS).join('')}…` : text;
}

function problemReason(problem: LinkProblem): NonNullable<Notice['reason']> {
  switch (problem.kind) {
    case 'unknownScenario':
      return { message: 'linkUnknownScenario', params: { id: clip(problem.id) } };
    case 'badValue':
      return {
        message: 'linkBadValue',
        params: { param: problem.param, value: clip(problem.value) },
      };
    case 'tooLong':
      return { message: 'linkTooLong', params: { length: problem.length, max: problem.max } };
    case 'notUtf8':
      return { message: 'linkNotUtf8', params: { param: clip(problem.param) } };
    case 'repeated':
      return { message: 'linkRepeated', params: { param: problem.param } };
    case 'badSetting':
      return { message: 'linkBadSetting', params: { field: clip(problem.field) } };
  }
}

function problemNotice(problem: LinkProblem): Notice {
  return { tone: 'error', message: 'linkInvalid', params: {}, reason: problemReason(problem) };
}

/**
 * Applies the link in `search` to the store before the first run. Returns the step to show once
 * that run is done (undefined: no link, or a bad one). A link with edited lab settings waits for
 * their schema (the lab's, fetched for such a link only).
 */
export async function applyLink(search: string): Promise<number | undefined> {
  const checkLab = linkHasLabSettings(search)
    ? (await import('../../engine/scenarios/lab-settings')).checkLabSettings
    : undefined;
  const link = parseLink(search, checkLab);
  if (link.kind === 'invalid') {
    useStore.getState().showNotice(problemNotice(link.problem));
    return undefined;
  }
  if (link.kind === 'none') return undefined;
  useStore.setState({
    scenarioId: link.state.scenarioId,
    settings: link.state.settings,
    ...(link.state.tab ? { tab: link.state.tab } : {}),
  });
  if (link.state.paramsOmitted)
    useStore.getState().showNotice({ tone: 'info', message: 'linkParamsOmitted', params: {} });
  return link.state.step;
}

/** Keeps the URL in step with the run shown; goes to `pendingStep` when the first run is done. */
export function syncLink(pendingStep: number | undefined): () => void {
  const now = useStore.getState();
  let shown: { scenarioId: string; settings: ScenarioSettings } | undefined = {
    scenarioId: now.scenarioId,
    settings: structuredClone(now.settings),
  };
  let pending = pendingStep;

  const write = (s: Store) => {
    if (!shown || !s.view) return;
    const href = withLink(window.location.href, { ...shown, step: s.cursor, tab: s.tab });
    if (href !== window.location.href) window.history.replaceState(null, '', href);
  };

  // A page without a link starts following once its first run is on screen.
  write(now);
  return useStore.subscribe((s, prev) => {
    // A run starts: remember the settings it runs with; an imported trace stops being shown.
    if (s.status === 'running' && s.runId !== prev.runId) {
      shown = { scenarioId: s.scenarioId, settings: structuredClone(s.settings) };
      if (s.probeReport) s.closeProbeReport();
      if (s.importedFrom) {
        useStore.setState({
          importedFrom: null,
          notice:
            s.notice?.message === 'importedFrom' || s.notice?.message === 'importedReal'
              ? null
              : s.notice,
        });
      }
    }
    if (s.importedFrom && s.importedFrom !== prev.importedFrom)
      shown = { scenarioId: s.scenarioId, settings: structuredClone(s.settings) };

    if (s.status === 'done' && prev.status !== 'done' && pending !== undefined) {
      const step = pending;
      pending = undefined;
      const total = s.view?.messages.length ?? 0;
      if (step < total) s.seek(step);
      // A run with no messages (a zone edit that does not parse) is linked at step 1: nothing is missing.
      else if (step > 0)
        s.showNotice({
          tone: 'error',
          message: 'linkStepMissing',
          params: { step: step + 1, total },
        });
      return; // seek() calls back here with the new cursor.
    }
    if (
      s.view !== prev.view ||
      s.cursor !== prev.cursor ||
      s.status !== prev.status ||
      s.tab !== prev.tab
    )
      write(s);
  });
}
