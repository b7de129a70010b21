/** The line above the diagram, as text: what RunStatus shows, and what the language walk checks. */
import type { StatusLine } from '../engine/scenarios/run-outcome';
import type { RunStatus } from '../store/slices/run';
import { errorText } from './error-text';
import { displayName, format, translate, type Strings } from './i18n';

export interface RunStatusInfo {
  status: RunStatus;
  ok: boolean;
  summary: string;
  /** The summary as a key of `statusLines`: shown instead of `summary` when the table has it. */
  summaryLine?: StatusLine | undefined;
  error?: string | undefined;
  /** The error as a key of `statusLines`: shown instead of `error` when the table has it. */
  errorLine?: StatusLine | undefined;
  /** Messages drawn so far. */
  count: number;
  title: string;
}

/** The status line's text; empty for a failed run that still drew messages (they say it). */
export function runStatusText(t: Strings, s: RunStatusInfo): string {
  const failed = format(t.ui.statusFailed, { error: errorText(errorLineText(t, s)) });
  switch (s.status) {
    case 'failed':
      return s.count ? '' : failed;
    case 'running':
      return format(t.ui.statusRunning, { title: s.title });
    case 'done':
      if (s.ok) {
        const summary = lineText(t, s.summaryLine) ?? s.summary;
        return format(t.ui.statusDone, { count: s.count, summary });
      }
      if (isRefusal(s))
        return format(t.ui.statusRefused, { error: errorText(errorLineText(t, s)) });
      return isStall(s) ? format(t.ui.statusStalled, { error: errorLineText(t, s) }) : failed;
    default:
      return t.ui.statusIdle;
  }
}

/**
 * A run that ended because a peer refused with a fatal alert: the protocol did its job (a tampered
 * record caught, a bad certificate rejected), which is the point of most lab presets, so the line
 * says what was caught rather than that the run failed.
 */
export function isRefusal(s: Pick<RunStatusInfo, 'status' | 'ok' | 'errorLine'>): boolean {
  return (
    s.status === 'done' &&
    !s.ok &&
    (s.errorLine?.key === 'alert' || s.errorLine?.key === 'alertFrom')
  );
}

/**
 * A run that ended with nobody refusing and nobody able to go on (the tamper lab's changed record
 * length: each side waits for bytes that never come). That stall is what the preset shows, so the
 * line says who waits where rather than that the run failed.
 */
export function isStall(s: Pick<RunStatusInfo, 'status' | 'ok' | 'errorLine'>): boolean {
  return (
    s.status === 'done' &&
    !s.ok &&
    (s.errorLine?.key === 'stalled' || s.errorLine?.key === 'stalledBoth')
  );
}

/** The failure in the page's language: the key's line with lane names translated, or the engine's. */
function errorLineText(t: Strings, s: RunStatusInfo): string {
  return lineText(t, s.errorLine) ?? s.error ?? '';
}

/** A status line's key in the page's language, lanes and reason keys translated. */
function lineText(t: Strings, line: StatusLine | undefined): string | undefined {
  const template = line && t.statusLines[line.key];
  if (!line || !template) return undefined;
  const params = { ...line.params };
  for (const k of ['from', 'to', 'lane', 'other'])
    if (typeof params[k] === 'string') params[k] = displayName(t, params[k]);
  // A reason given as a key (a fault, a zone-file problem) reads from the notes table.
  for (const [k, v] of Object.entries(params))
    if (typeof v === 'string' && t.notes[v] !== undefined)
      params[k] = translate(t.notes, v, line.params);
  return format(template, params);
}
