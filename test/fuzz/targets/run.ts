/**
 * Runs a target over many generated inputs and counts what it finds, without stopping at the
 * first finding (that is fast-check's `assert`, which Vitest uses, with shrinking). Inputs come
 * in batches, each from its own fast-check seed, so any input can be generated again from
 * (seed, batch, index).
 */
import fc from 'fast-check';
import { FuzzFinding, crash, type FindingKind, type FuzzTarget } from './target';

export interface FindingReport {
  target: string;
  kind: FindingKind;
  message: string;
  /** fast-check seed of the batch and the input's index in it. */
  seed: number;
  index: number;
  input: string;
}

export interface RunStats {
  inputs: number;
  crashes: number;
  hangs: number;
  findings: FindingReport[];
  /** How many inputs ended each way, by the label the target's check returned. */
  outcomes: Record<string, number>;
}

export interface RunOptions {
  runs: number;
  /** The first batch's fast-check seed; batch b uses seed + b. */
  seed: number;
  batchSize?: number;
  /** An input running longer than this (ms) counts as a hang even if it ends. */
  hangMs?: number;
  /** Called after every batch. */
  onBatch?(stats: RunStats): void;
  /** Findings kept in full; the rest are only counted. */
  keep?: number;
}

export async function runTarget(target: FuzzTarget<unknown>, opts: RunOptions): Promise<RunStats> {
  const stats: RunStats = { inputs: 0, crashes: 0, hangs: 0, findings: [], outcomes: {} };
  const batchSize = opts.batchSize ?? 500;
  const hangMs = opts.hangMs ?? 10_000;
  for (let batch = 0; stats.inputs < opts.runs; batch++) {
    const seed = (opts.seed + batch) | 0;
    const count = Math.min(batchSize, opts.runs - stats.inputs);
    const inputs = fc.sample(target.arbitrary, { numRuns: count, seed });
    for (const [index, input] of inputs.entries()) {
      const started = performance.now();
      let finding: FuzzFinding | undefined;
      try {
        const outcome = (await target.check(input)) ?? 'ok';
        stats.outcomes[outcome] = (stats.outcomes[outcome] ?? 0) + 1;
      } catch (e) {
        finding = e instanceof FuzzFinding ? e : crash(target.name, e);
      }
      const took = performance.now() - started;
      if (!finding && took > hangMs)
        finding = new FuzzFinding(
          'hang',
          `one input took ${Math.round(took)} ms (bound ${hangMs} ms)`,
        );
      stats.inputs++;
      if (finding) {
        if (finding.kind === 'hang') stats.hangs++;
        else stats.crashes++;
        if (stats.findings.length < (opts.keep ?? 20))
          stats.findings.push({
            target: target.name,
            kind: finding.kind,
            message: finding.message,
            seed,
            index,
            input: (target.show?.(input) ?? String(input)).slice(0, 4000),
          });
      }
    }
    opts.onBatch?.(stats);
  }
  return stats;
}
