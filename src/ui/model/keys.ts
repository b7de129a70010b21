/**
 * The TLS key schedule as known at a step, from `secret` events. TLS 1.2's: pre-master → master →
 * key block → write keys and IVs → verify_data (RFC 5246, Sections 6.3, 7.4.9 and 8.1; RFC 7627).
 * TLS 1.3's: early → handshake → master secret, each an HKDF-Extract, with the traffic secrets,
 * Finished keys and resumption secrets expanded from them (RFC 8446, Section 7.1). A trace that
 * holds both (the side-by-side scenario) has one schedule for each version.
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

/**
 * RFC 8446, Section 7.1, in the order a full handshake derives it; the binder and early-traffic
 * values appear only with a PSK, and the resumption values after the client's Finished.
 */
export const KEY_SCHEDULE_TLS13 = [
  'early_secret',
  'binder_key',
  'binder_finished_key',
  'binder',
  'client_early_traffic_secret',
  'derived_early',
  'handshake_secret',
  'client_handshake_traffic_secret',
  'server_handshake_traffic_secret',
  'server_finished_key',
  'server_verify_data',
  'derived_handshake',
  'master_secret',
  'client_application_traffic_secret_0',
  'server_application_traffic_secret_0',
  'exporter_master_secret',
  'client_finished_key',
  'client_verify_data',
  'resumption_master_secret',
  'ticket_psk',
] as const;

/** What a full TLS 1.3 handshake always derives, so the tab can show what is still to come. */
const EXPECTED_TLS13: readonly string[] = [
  'early_secret',
  'derived_early',
  'handshake_secret',
  'client_handshake_traffic_secret',
  'server_handshake_traffic_secret',
  'derived_handshake',
  'master_secret',
  'client_application_traffic_secret_0',
  'server_application_traffic_secret_0',
  'client_verify_data',
  'server_verify_data',
];

export type ScheduleVersion = '1.2' | '1.3';

export interface KnownSecret {
  name: string;
  explain: string;
  value: Uint8Array;
  inputs: SecretInput[];
  /** The lanes that have derived this value so far, in the order they did. */
  lanes: string[];
}

export interface KeySchedule {
  version: ScheduleVersion;
  known: KnownSecret[];
  /** Schedule steps not derived yet, in order. */
  pending: string[];
  /** Where each part of the key block comes from, once the parts are known. */
  split: { name: string; offset: number; length: number }[];
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** A TLS 1.3 secret: its explain key says so (the engine's schedule and the key-log reader). */
export function secretVersion(explain: string): ScheduleVersion {
  return explain.startsWith('secret.tls13.') ? '1.3' : '1.2';
}

/** The schedule of one version as known at a step (TLS 1.2's when the trace has only that). */
export function keyScheduleAt(
  view: TraceView,
  step: number,
  version: ScheduleVersion = '1.2',
): KeySchedule {
  const byName = new Map<string, KnownSecret>();
  // The engine's TLS 1.3 schedule reports the HKDF step of each value; a key log gives only some.
  const derivedHere = view.trace.events.some(
    (e) => e.kind === 'secret' && e.inputs.some((i) => i.name === 'step'),
  );
  for (const e of eventsUpTo(view, step)) {
    if (e.kind !== 'secret' || secretVersion(e.explain) !== version) continue;
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
  const schedule: readonly string[] = version === '1.3' ? KEY_SCHEDULE_TLS13 : KEY_SCHEDULE;
  const order = (name: string) => {
    const i = schedule.indexOf(name);
    return i < 0 ? schedule.length : i;
  };
  const known = [...byName.values()].sort((a, b) => order(a.name) - order(b.name));
  const expected = version === '1.3' ? (derivedHere ? EXPECTED_TLS13 : []) : KEY_SCHEDULE;
  const pending = expected.filter((n) => !byName.has(n));
  if (version === '1.3') return { version, known, pending, split: [] };

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
  return { version, known, pending, split };
}

/**
 * One schedule for each TLS version the trace derives keys for, TLS 1.2 first; just TLS 1.2's
 * (with everything pending) when it has none yet.
 */
export function keySchedulesAt(view: TraceView, step: number): KeySchedule[] {
  const versions = new Set<ScheduleVersion>();
  for (const e of view.trace.events)
    if (e.kind === 'secret') versions.add(secretVersion(e.explain));
  if (versions.size === 0) versions.add('1.2');
  return (['1.2', '1.3'] as const)
    .filter((v) => versions.has(v))
    .map((v) => keyScheduleAt(view, step, v));
}
