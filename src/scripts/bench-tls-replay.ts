/**
 * Where the in-memory handshake's time goes beyond its primitives. Each seeded run is made twice
 * in a row: once as it is, and once with every WebCrypto call answered at once with what that
 * call returned the first time (a seeded run makes the same calls with the same inputs). The
 * replayed run is everything but WebCrypto: the engine's JavaScript, @noble's AES-GCM, PRF and
 * hashes, and garbage collection. The difference is what WebCrypto costs inside the handshake, to
 * be set beside the same calls timed one by one in a loop (the primitives).
 *
 * An analysis figure, never a substitute for the handshake's own: the replayed run does no public
 * key cryptography at all.
 */
import { inMemoryHandshake, RUNS, type TlsVersion } from './bench-tls-shared';
import { median } from './timing';

/** The SubtleCrypto methods a handshake calls; each returns a promise. */
const METHODS = ['importKey', 'exportKey', 'sign', 'verify', 'deriveBits', 'generateKey'] as const;

/** Distinct seeds, each run RUNS / SEEDS times after its first (recording) run. */
const SEEDS = 10;

export interface ReplayFigures {
  /** Median of the runs as they are, paired with the replayed ones. */
  asIsMs: number;
  /** Median of the same runs with WebCrypto answered from the recording. */
  replayedMs: number;
}

export async function replayWebCrypto(version: TlsVersion): Promise<ReplayFigures> {
  const tape = new WebCryptoTape(globalThis.crypto.subtle);
  const seeds = Array.from({ length: SEEDS }, (_, i) => `replay ${i}`);
  const asIs: number[] = [];
  const replayed: number[] = [];
  try {
    for (const seed of seeds) {
      tape.record(seed);
      await inMemoryHandshake(version, seed);
    }
    for (let i = 0; i < RUNS; i++) {
      const seed = seeds[i % SEEDS]!;
      tape.passThrough();
      let start = performance.now();
      await inMemoryHandshake(version, seed);
      asIs.push(performance.now() - start);
      tape.replay(seed);
      start = performance.now();
      await inMemoryHandshake(version, seed);
      replayed.push(performance.now() - start);
      tape.checkReplayed(seed);
    }
  } finally {
    tape.restore();
  }
  return { asIsMs: median(asIs), replayedMs: median(replayed) };
}

interface TapeEntry {
  method: string;
  /** What the call settled with, so a replayed call rejects where the recorded one did. */
  settled?: { ok: true; value: unknown } | { ok: false; error: unknown };
}

/**
 * Wraps the methods of one SubtleCrypto object. Recording a seed keeps each call's method and
 * result in the order the calls are made; replaying it answers the calls in that order at once,
 * at the cost of one array read, so the replayed run carries no lookup of its own. Passing through
 * calls WebCrypto as if unwrapped. A replay that strays from its recording fails the bench: a
 * wrong answer fails the handshake (its Finished would not verify), and a call of another method
 * or one call too many is refused here.
 */
class WebCryptoTape {
  private mode: 'through' | 'record' | 'replay' = 'through';
  private readonly recordings = new Map<string, TapeEntry[]>();
  private entries: TapeEntry[] = [];
  private next = 0;

  constructor(private readonly subtle: SubtleCrypto) {
    for (const method of METHODS) {
      const original = subtle[method].bind(subtle) as (...args: unknown[]) => Promise<unknown>;
      Object.defineProperty(subtle, method, {
        configurable: true,
        value: (...args: unknown[]) => this.call(method, original, args),
      });
    }
  }

  record(seed: string): void {
    this.entries = [];
    this.recordings.set(seed, this.entries);
    this.mode = 'record';
  }

  replay(seed: string): void {
    this.entries = this.recordings.get(seed)!;
    this.next = 0;
    this.mode = 'replay';
  }

  passThrough(): void {
    this.mode = 'through';
  }

  checkReplayed(seed: string): void {
    if (this.next !== this.entries.length)
      throw new Error(
        `replay of '${seed}' made ${this.next} WebCrypto calls; its recording has ${this.entries.length}`,
      );
  }

  restore(): void {
    for (const method of METHODS)
      delete (this.subtle as unknown as Record<string, unknown>)[method];
  }

  private call(
    method: string,
    original: (...args: unknown[]) => Promise<unknown>,
    args: unknown[],
  ): Promise<unknown> {
    if (this.mode === 'replay') {
      const entry = this.entries[this.next++];
      if (entry?.method !== method)
        throw new Error(
          `replay: call ${this.next} is ${method}, recorded ${entry?.method ?? 'none'}`,
        );
      const settled = entry.settled!;
      return settled.ok ? Promise.resolve(settled.value) : Promise.reject(settled.error);
    }
    const result = original(...args);
    if (this.mode === 'record') {
      const entry: TapeEntry = { method };
      this.entries.push(entry);
      result.then(
        (value) => (entry.settled = { ok: true, value }),
        (error: unknown) => (entry.settled = { ok: false, error }),
      );
    }
    return result;
  }
}
