/** The GSLB editor's lookup times, as "every N seconds until M" (the presets are spaced so). */

/** Lookups every `step` seconds from 0 to `until`, both included. */
export function lookupTimes(step: number, until: number): number[] {
  if (step <= 0) throw new RangeError(`lookupTimes: step must be > 0, got ${step}`);
  return Array.from({ length: Math.floor(until / step) + 1 }, (_, i) => i * step);
}

/** The step and the end of an evenly spaced list of lookup times (30 s for a single lookup). */
export function lookupSpacing(times: readonly number[]): { step: number; until: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    step: sorted.length > 1 ? sorted[1]! - sorted[0]! : 30,
    until: sorted.at(-1) ?? 0,
  };
}
