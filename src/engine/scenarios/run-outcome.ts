/** What a scenario's run gives back: its Trace, where its parts begin, and how it ended. */
import type { Trace } from '../trace';
import type { LabOutcome } from './lab-registry';

/** Where a run's sub-runs begin (a second lookup, another connection), for separators. */
export interface Phase {
  /** Index into trace.events of the first event of the phase. */
  eventIndex: number;
  kind: 'lookup' | 'connection' | 'visit';
  /** 1-based number shown to people. */
  n: number;
}

/** A line as a key of the UI's `statusLines` table and its parameters (lanes by engine name). */
export interface StatusLine {
  key: string;
  /** A list (the names a certificate carries) is joined as the page's language joins lists. */
  params: Record<string, string | number | readonly string[]>;
}

export interface RunOutcome {
  trace: Trace;
  /** Where each connection, lookup or visit begins, for the diagram's separators. */
  phases: Phase[];
  ok: boolean;
  /** One line: why the run failed, from the engine (the CLI prints it). */
  error?: string;
  /** The same line as a key, for the page to show in its language. */
  errorLine?: StatusLine;
  /** One line for the status bar: "HTTP/1.1 200 OK", "93.184.216.34". */
  summary: string;
  /** The same summary as a key, when it has words to translate (why a lookup gave SERVFAIL). */
  summaryLine?: StatusLine;
  /** A lab scenario's outcome, for the lab panel. */
  outcome?: LabOutcome;
}
