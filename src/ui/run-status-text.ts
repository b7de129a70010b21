/** The line above the diagram, as text: what RunStatus shows, and what the language walk checks. */
import type { RunStatus } from '../store/slices/run';
import { errorText } from './error-text';
import { format, type Strings } from './i18n';

export interface RunStatusInfo {
  status: RunStatus;
  ok: boolean;
  summary: string;
  error?: string | undefined;
  /** Messages drawn so far. */
  count: number;
  title: string;
}

/** The status line's text; empty for a failed run that still drew messages (they say it). */
export function runStatusText(t: Strings, s: RunStatusInfo): string {
  const failed = format(t.ui.statusFailed, { error: errorText(s.error ?? '') });
  switch (s.status) {
    case 'failed':
      return s.count ? '' : failed;
    case 'running':
      return format(t.ui.statusRunning, { title: s.title });
    case 'done':
      return s.ok ? format(t.ui.statusDone, { count: s.count, summary: s.summary }) : failed;
    default:
      return t.ui.statusIdle;
  }
}
