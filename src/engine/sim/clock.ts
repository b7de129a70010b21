/**
 * The injected clock, so that a run never reads the real time. Virtual time is in milliseconds since the Unix epoch, so it can
 * be checked against certificate validity and printed as a date.
 */
export interface Clock {
  now(): number;
}

/** A clock that only moves when told to: simulated latency and "wait for the TTL" advance it. */
export class VirtualClock implements Clock {
  constructor(private time: number) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('time does not go backwards');
    this.time += ms;
  }
  set(ms: number): void {
    if (ms < this.time) throw new RangeError('time does not go backwards');
    this.time = ms;
  }
}

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }
}

/** The fixed start of every simulated run: 2026-01-15T12:00:00Z, inside the demo PKI's validity. */
export const DEMO_EPOCH_MS = Date.UTC(2026, 0, 15, 12, 0, 0);
