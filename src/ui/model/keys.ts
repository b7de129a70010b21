/**
 * The TLS key schedule as known at a step, from `secret` events: pre-master → master → key block
 * → write keys and IVs → verify_data (RFC 5246, Sections 6.3, 7.4.9 and 8.1; RFC 7627).
 */
import type { SecretInput } from '../../engine/trace';
import { eventsUpTo, type TraceView } from '../../store/trace-view';

/** The schedule in the order it is derived. */
export const KEY_SCHEDULE = [
  'pre_master_secret',
  'master_secret',
  'key_block',
  'client_write_key',
  'server_write_key',
  'client_write_IV',
  'server_write_IV',
  'client_verify_data',
  'server_verify_data',
] as const;

export interface KnownSecret {
  name: string;
  explain: string;
  value: Uint8Array;
  inputs: SecretInput[];
  /** The lanes that have derived this value so far, in the order they did. */
  lanes: string[];
}

export interface KeySchedule {
  known: KnownSecret[];
  /** Schedule steps not derived yet, in order. */
  pending: string[];
  /** Where each part of the key block comes from, once the parts are known. */
  split: { name: string; offset: number; length: number }[];
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function keyScheduleAt(view: TraceView, step: number): KeySchedule {
  const byName = new Map<string, KnownSecret>();
  for (const e of eventsUpTo(view, step)) {
    if (e.kind !== 'secret') continue;
    const seen = byName.get(e.name);
    if (seen && sameBytes(seen.value, e.value)) {
      if (!seen.lanes.includes(e.lane)) seen.lanes.push(e.lane);
    } else {
      // A new value (a later connection in the same trace) replaces the old one.
      byName.set(e.name, {
        name: e.name,
        explain: e.explain,
        value: e.value,
        inputs: e.inputs,
        lanes: [e.lane],
      });
    }
  }
  const order = (name: string) => {
    const i = (KEY_SCHEDULE as readonly string[]).indexOf(name);
    return i < 0 ? KEY_SCHEDULE.length : i;
  };
  const known = [...byName.values()].sort((a, b) => order(a.name) - order(b.name));
  const pending = KEY_SCHEDULE.filter((n) => !byName.has(n));

  // RFC 5246, Section 6.3: the key block is cut in this order (AEAD suites have no MAC keys).
  const split: KeySchedule['split'] = [];
  let offset = 0;
  for (const name of [
    'client_write_key',
    'server_write_key',
    'client_write_IV',
    'server_write_IV',
  ]) {
    const part = byName.get(name);
    if (!part) break;
    split.push({ name, offset, length: part.value.length });
    offset += part.value.length;
  }
  return { known, pending, split };
}
