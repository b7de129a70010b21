/** Reading the DNS engine's notes and cache events off a slice of a Trace. */
import type { CacheEvent, NoteEvent, TraceEvent, TraceParams } from '../../../trace';

export function notesOf(
  events: readonly TraceEvent[],
  key: string,
  range: readonly [number, number] = [0, events.length],
): NoteEvent[] {
  return events
    .slice(range[0], range[1])
    .filter((e): e is NoteEvent => e.kind === 'note' && e.key === key);
}

/** The parameters of every note with `key`, as strings (numbers rendered as numbers are kept). */
export function noteParams(
  events: readonly TraceEvent[],
  key: string,
  range?: readonly [number, number],
): TraceParams[] {
  return notesOf(events, key, range).map((n) => ({ ...n.params }));
}

/** The cache events on `lane` with `op` in a slice of the Trace. */
export function cacheEventsOf(
  events: readonly TraceEvent[],
  lane: string,
  op: CacheEvent['op'],
  range: readonly [number, number] = [0, events.length],
): CacheEvent[] {
  return events
    .slice(range[0], range[1])
    .filter((e): e is CacheEvent => e.kind === 'cache' && e.lane === lane && e.op === op);
}
