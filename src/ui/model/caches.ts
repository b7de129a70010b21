/**
 * Every cache layer's contents at a step, replayed from `cache` events. TTLs count down on the
 * virtual clock: an entry inserted with TTL 300 at t shows 270 at t + 30 s.
 */
import type { CacheEvent } from '../../engine/trace';
import { eventsUpTo, timeOfStep, type TraceView } from '../../store/trace-view';

export interface CacheRow {
  key: string;
  value?: string;
  /** Seconds left at the step's time, rounded up as the engine's caches do; absent once expired. */
  ttlLeft?: number;
  /** The entry's TTL has run out by the step's time (the cache drops it at its next lookup). */
  expired?: true;
}

export interface CacheLayer {
  lane: string;
  cache: string;
  rows: CacheRow[];
  hits: number;
  misses: number;
}

interface Entry {
  value?: string;
  ttl?: number;
  /** Virtual time (ms) at which `ttl` was the remaining TTL. */
  at: number;
}

export function cachesAt(view: TraceView, step: number): CacheLayer[] {
  const layers = new Map<
    string,
    { lane: string; cache: string; entries: Map<string, Entry>; hits: number; misses: number }
  >();
  let now = timeOfStep(view, step);
  for (const e of eventsUpTo(view, step)) {
    now = Math.max(now, e.t);
    if (e.kind !== 'cache') continue;
    const id = `${e.lane}\u0000${e.cache}`;
    let layer = layers.get(id);
    if (!layer) {
      layer = { lane: e.lane, cache: e.cache, entries: new Map(), hits: 0, misses: 0 };
      layers.set(id, layer);
    }
    apply(layer, e);
  }
  const laneOrder = (lane: string) => {
    const i = view.trace.lanes.indexOf(lane);
    return i < 0 ? view.trace.lanes.length : i;
  };
  return [...layers.values()]
    .sort((a, b) => laneOrder(a.lane) - laneOrder(b.lane))
    .map((layer) => ({
      lane: layer.lane,
      cache: layer.cache,
      hits: layer.hits,
      misses: layer.misses,
      rows: [...layer.entries.entries()].map(([key, entry]) => ({
        key,
        ...(entry.value !== undefined ? { value: entry.value } : {}),
        ...ttlAt(entry, now),
      })),
    }));
}

/** What is left of an entry's TTL at `now`: seconds, or that it has expired (RFC 1035, 3.2.1). */
function ttlAt(entry: Entry, now: number): Pick<CacheRow, 'ttlLeft' | 'expired'> {
  if (entry.ttl === undefined) return {};
  const left = Math.ceil(entry.ttl - (now - entry.at) / 1000);
  return left > 0 ? { ttlLeft: left } : { expired: true };
}

function apply(
  layer: { entries: Map<string, Entry>; hits: number; misses: number },
  e: CacheEvent,
): void {
  switch (e.op) {
    case 'insert':
      layer.entries.set(e.key, {
        ...(e.value !== undefined ? { value: e.value } : {}),
        ...(e.ttl !== undefined ? { ttl: e.ttl } : {}),
        at: e.t,
      });
      break;
    case 'hit': {
      layer.hits++;
      const old = layer.entries.get(e.key);
      const value = e.value ?? old?.value;
      // A hit reports the remaining TTL: it re-anchors the countdown.
      layer.entries.set(e.key, {
        ...(value !== undefined ? { value } : {}),
        ...(e.ttl !== undefined ? { ttl: e.ttl } : old?.ttl !== undefined ? { ttl: old.ttl } : {}),
        at: e.ttl !== undefined ? e.t : (old?.at ?? e.t),
      });
      break;
    }
    case 'miss':
      layer.misses++;
      break;
    case 'expire':
      layer.entries.delete(e.key);
      break;
  }
}
