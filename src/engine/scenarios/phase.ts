/** Where a run's sub-runs begin (a second lookup, another connection), for separators. */
export interface Phase {
  /** Index into trace.events of the first event of the phase. */
  eventIndex: number;
  kind: 'lookup' | 'connection' | 'visit';
  /** 1-based number shown to people. */
  n: number;
}
