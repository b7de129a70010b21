/**
 * Facts the lab reads off a Trace: the alert that ended a run, a note's parameters, the shape of a
 * handshake (messages and round trips) and how a master secret was derived. Pure functions over
 * events, so an outcome says only what the Trace shows.
 */
import type { NoteEvent, SecretEvent, TraceEvent } from '../../trace';
import type { AlertOutcome } from './types';

/** The first fatal alert at or after `from`; the alert that ended the run. */
export function firstAlert(events: readonly TraceEvent[], from = 0): AlertOutcome | undefined {
  for (const e of events.slice(from)) {
    if (e.kind === 'alert' && e.level === 'fatal')
      return {
        description: e.description,
        code: e.code,
        sentBy: e.from,
        to: e.to,
        reason: e.reason,
        ...(e.params ? { params: e.params } : {}),
      };
  }
  return undefined;
}

export function findNote(
  events: readonly TraceEvent[],
  key: string,
  from = 0,
): NoteEvent | undefined {
  return events.slice(from).find((e): e is NoteEvent => e.kind === 'note' && e.key === key);
}

export function noteParam(
  events: readonly TraceEvent[],
  key: string,
  param: string,
  from = 0,
): string | undefined {
  const value = findNote(events, key, from)?.params?.[param];
  return value === undefined ? undefined : String(value);
}

/** A completed handshake, as the diagram draws it. */
export interface HandshakeShape {
  /** Every record from the ClientHello until the client may send application data. */
  messages: string[];
  /**
   * How many times the client waited for a flight from the server before it could send data:
   * 2 for a full TLS 1.2 handshake, 1 for an abbreviated one (RFC 5246, Section 7.3).
   */
  roundTrips: number;
  /** Virtual time from the ClientHello to the client being ready to send data. */
  clientReadyAfterMs: number;
}

/**
 * The handshake that starts with the first ClientHello at or after `from`, up to the client's move
 * into Traffic; undefined when the client never got there.
 */
export function handshakeShape(
  events: readonly TraceEvent[],
  clientLane: string,
  from = 0,
): HandshakeShape | undefined {
  const start = events.findIndex(
    (e, i) =>
      i >= from && e.kind === 'message' && e.from === clientLane && e.name === 'ClientHello',
  );
  if (start < 0) return undefined;
  const ready = events.findIndex(
    (e, i) => i > start && e.kind === 'state' && e.lane === clientLane && e.to === 'Traffic',
  );
  if (ready < 0) return undefined;
  const messages = events.slice(start, ready).filter((e) => e.kind === 'message');
  let roundTrips = 0;
  let previousFromClient = true;
  for (const m of messages) {
    const fromClient = m.from === clientLane;
    if (!fromClient && previousFromClient) roundTrips++;
    previousFromClient = fromClient;
  }
  return {
    messages: messages.map((m) => m.name),
    roundTrips,
    clientReadyAfterMs: events[ready]!.t - events[start]!.t,
  };
}

/** How one side derived its master secret (RFC 5246, Section 8.1; RFC 7627, Section 4). */
export interface MasterSecretDerivation {
  /** The PRF label: "master secret" or "extended master secret". */
  label: string;
  /** The PRF seed, in order: client_random and server_random, or session_hash. */
  seed: { name: string; value: Uint8Array }[];
  preMasterSecret: Uint8Array;
  masterSecret: Uint8Array;
  prfHash: string;
}

/** Read from the first `master_secret` secret event on `lane` at or after `from`. */
export function masterSecretDerivation(
  events: readonly TraceEvent[],
  lane: string,
  from = 0,
): MasterSecretDerivation | undefined {
  const event = events
    .slice(from)
    .find(
      (e): e is SecretEvent => e.kind === 'secret' && e.lane === lane && e.name === 'master_secret',
    );
  if (!event) return undefined;
  const input = (name: string): Uint8Array | string | undefined =>
    event.inputs.find((i) => i.name === name)?.value;
  const notSeed = new Set(['pre_master_secret', 'label', 'prf_hash']);
  return {
    label: String(input('label')),
    seed: event.inputs
      .filter((i) => !notSeed.has(i.name))
      .map((i) => ({ name: i.name, value: i.value as Uint8Array })),
    preMasterSecret: input('pre_master_secret') as Uint8Array,
    masterSecret: event.value,
    prfHash: String(input('prf_hash')),
  };
}
