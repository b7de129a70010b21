/**
 * The Trace: the one contract between the engine and everything else.
 * Every event carries a virtual timestamp in milliseconds and the lanes (actors) it touches.
 * The UI draws only what is in here.
 */
import type { Span } from './bytes/span';

export type Protocol = 'tls' | 'dns' | 'tcp' | 'http';

/** A decrypted view of an encrypted record, kept beside the ciphertext for the inspector. */
export interface DecryptedView {
  plaintext: Uint8Array;
  /** Annotation spans over `plaintext`. */
  spans: Span[];
  nonce: Uint8Array;
  aad: Uint8Array;
  /** Name of the inner message, e.g. "Finished" or "HTTP GET /". */
  innerName: string;
}

export interface MessageEvent {
  kind: 'message';
  t: number;
  from: string;
  to: string;
  protocol: Protocol;
  /** The message's name; accessible names on the diagram begin with it. */
  name: string;
  /**
   * The name as a key of the language tables, when it is words rather than a protocol's own name
   * ("Referral to com."); `name` is its English text.
   */
  label?: { key: string; params: TraceParams };
  bytes: Uint8Array;
  spans: Span[];
  /** A plain-data decoded value (numbers, strings, arrays, nested objects). */
  decoded: unknown;
  encrypted: boolean;
  decrypted?: DecryptedView;
  /** Set when the simulated network lost the message (a down server); it never arrives. */
  dropped?: boolean;
}

export interface StateEvent {
  kind: 'state';
  t: number;
  lane: string;
  machine: string;
  from: string;
  to: string;
}

export interface SecretInput {
  name: string;
  value: Uint8Array | string;
}

export interface SecretEvent {
  kind: 'secret';
  t: number;
  lane: string;
  name: string;
  value: Uint8Array;
  inputs: SecretInput[];
  /** Explanation key, e.g. "secret.master.ems". */
  explain: string;
}

export type CacheOp = 'hit' | 'miss' | 'insert' | 'expire';

export interface CacheEvent {
  kind: 'cache';
  t: number;
  lane: string;
  cache: string;
  op: CacheOp;
  key: string;
  /** Remaining (hit, expire) or initial (insert) TTL in seconds; absent for a miss. */
  ttl?: number;
  /** A short rendering of what the entry holds. */
  value?: string;
}

export interface AlertEvent {
  kind: 'alert';
  t: number;
  from: string;
  to: string;
  level: 'warning' | 'fatal';
  description: string;
  code: number;
  /** Why, as a key of the language tables (`tls.fault.…`), filled in from `params`. */
  reason: string;
  params?: TraceParams;
}

export interface ErrorEvent {
  kind: 'error';
  t: number;
  lane: string;
  code: string;
  /** What went wrong, as a key of the language tables, filled in from `params`. */
  message: string;
  params?: TraceParams;
}

export interface NoteEvent {
  kind: 'note';
  t: number;
  lane: string;
  /** Explanation key; the UI looks it up in its language tables. */
  key: string;
  params?: TraceParams;
}

/** Parameters of a key; a list is joined as the reader's language joins lists. */
export type TraceParams = Record<string, string | number | readonly string[]>;

export type TraceEvent =
  MessageEvent | StateEvent | SecretEvent | CacheEvent | AlertEvent | ErrorEvent | NoteEvent;

export interface Trace {
  lanes: string[];
  events: TraceEvent[];
}

/** Collects events in order. Emitters pass one of these down rather than returning arrays. */
export class TraceRecorder {
  readonly events: TraceEvent[] = [];
  constructor(
    readonly lanes: string[] = [],
    /**
     * False for a recorder whose events nobody reads (a CLI server's connections): emitters may
     * then skip building what only the Trace would show (annotation spans of whole records).
     * The bytes on the wire are the same either way.
     */
    readonly keepsEvents: boolean = true,
  ) {}

  /** A recorder that keeps nothing, for callers that need a connection's outcome, not its Trace. */
  static discarding(): TraceRecorder {
    return new TraceRecorder([], false);
  }

  push(event: TraceEvent): void {
    if (this.keepsEvents) this.events.push(event);
  }

  addLane(lane: string): void {
    if (!this.lanes.includes(lane)) this.lanes.push(lane);
  }

  toTrace(): Trace {
    return { lanes: [...this.lanes], events: [...this.events] };
  }
}
