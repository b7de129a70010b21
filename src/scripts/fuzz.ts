/**
 * `npm run fuzz -- --runs N`: every fuzz target (test/fuzz/targets, built with its seeds by
 * test/fuzz/seeds.ts) over N inputs, or its documented share of N, then the named negative
 * cases (test/negative), then one JSON line:
 *
 *   {"fuzz_inputs":{"tls.records":N,...},"fuzz_crashes":0,"fuzz_hangs":0,"negative_cases_passing":66}
 *
 * Decoders get the full N. A state-machine input runs a whole handshake (certificate checks, RSA
 * or ECDSA signatures, ECDHE) and a resolver input a whole universe, a thousand times the cost of
 * a decode, so they get a share of N, printed at the start (the `share` of each target).
 *
 * Work is cut into chunks, each with its own fast-check seed, and run by worker processes (one per
 * core). A worker silent for WATCHDOG_MS is stuck in a loop that never yields: it is killed, the
 * hang is counted against its target, and a fresh worker takes the next chunk.
 *
 * Options: --runs N (default 10000) · --seed S · --only tls.client,dns.zone · --workers W ·
 * --replay target:seed:index (regenerate one input, run it, print what happened).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { runTarget, type FindingReport, type RunStats } from '../../test/fuzz/targets/run';
import type { FuzzTarget } from '../../test/fuzz/targets/target';
import { fuzzTargets } from '../../test/fuzz/seeds';
import { DNS_CASES } from '../../test/negative/dns-cases';
import { TLS_CASES } from '../../test/negative/tls-cases';

/** A worker that reports nothing for this long is stuck (every batch reports, and batches are small). */
const WATCHDOG_MS = 120_000;
/** Progress lines this often. */
const PROGRESS_MS = 30_000;
/** An input that takes longer than this counts as a hang even though it ended. */
const HANG_MS = 10_000;

interface Chunk {
  id: number;
  target: string;
  runs: number;
  seed: number;
}

type ToWorker = { type: 'run'; chunk: Chunk } | { type: 'exit' };
type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; chunk: number; inputs: number }
  | { type: 'done'; chunk: number; stats: RunStats }
  | { type: 'stray'; message: string };

interface Options {
  runs: number;
  seed: number;
  only?: string[];
  workers: number;
  replay?: string;
}

function parseArgs(argv: string[]): Options & { worker: boolean } {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const number = (flag: string, fallback: number) => {
    const text = value(flag);
    if (text === undefined) return fallback;
    const n = Number(text.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number, got ${text}`);
    return n;
  };
  const only = value('--only');
  const replay = value('--replay');
  return {
    worker: argv.includes('--worker'),
    runs: number('--runs', 10_000),
    seed: number('--seed', 20260115),
    workers: Math.max(1, number('--workers', Math.min(2, availableParallelism()))),
    ...(only ? { only: only.split(',') } : {}),
    ...(replay ? { replay } : {}),
  };
}

/** Each target's inputs for `runs`, cut into chunks small enough to report often. */
function plan(
  targets: FuzzTarget<unknown>[],
  opts: Options,
): { chunks: Chunk[]; totals: Map<string, number> } {
  const chunks: Chunk[] = [];
  const totals = new Map<string, number>();
  targets.forEach((target, t) => {
    const total = Math.max(1, Math.round(opts.runs * target.share));
    totals.set(target.name, total);
    // About 30 s of work a chunk for the cheap targets, fewer inputs for the expensive ones.
    const size = target.share >= 1 ? 20_000 : target.share >= 0.1 ? 5_000 : 1_000;
    for (let done = 0, k = 0; done < total; done += size, k++) {
      // Batches inside a chunk take seed, seed + 1, ...: chunks are spaced so none overlap.
      chunks.push({
        id: chunks.length,
        target: target.name,
        runs: Math.min(size, total - done),
        seed: (opts.seed + t * 10_000_000 + k * 1_000) | 0,
      });
    }
  });
  // Interleave the targets so every one makes progress from the start.
  chunks.sort((a, b) => (a.seed % 10_000_000) - (b.seed % 10_000_000) || a.id - b.id);
  return { chunks, totals };
}

// ---------------------------------------------------------------------------------------------
// Worker

async function worker(): Promise<void> {
  const targets = new Map((await fuzzTargets()).map((t) => [t.name, t]));
  const send = (message: FromWorker) => process.send!(message);
  // The parent is gone (finished, or stopped): nothing to report to, so stop too.
  process.on('disconnect', () => process.exit(0));
  // A promise the engine forgot to await that then rejects is a bug too.
  process.on('unhandledRejection', (e) =>
    send({ type: 'stray', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }),
  );
  process.on('message', (message: ToWorker) => {
    if (message.type === 'exit') process.exit(0);
    const { chunk } = message;
    void runTarget(targets.get(chunk.target)!, {
      runs: chunk.runs,
      seed: chunk.seed,
      hangMs: HANG_MS,
      batchSize: 250,
      onBatch: (stats) => send({ type: 'progress', chunk: chunk.id, inputs: stats.inputs }),
    }).then((stats) => send({ type: 'done', chunk: chunk.id, stats }));
  });
  send({ type: 'ready' });
}

// ---------------------------------------------------------------------------------------------
// Parent

interface Totals {
  inputs: number;
  crashes: number;
  hangs: number;
  outcomes: Record<string, number>;
}

class Pool {
  private readonly queue: Chunk[];
  private readonly running = new Map<
    ChildProcess,
    { chunk?: Chunk; beat: number; inputs: number }
  >();
  readonly byTarget = new Map<string, Totals>();
  readonly findings: FindingReport[] = [];
  private finished!: () => void;
  readonly done = new Promise<void>((resolve) => (this.finished = resolve));

  constructor(
    chunks: Chunk[],
    private readonly workers: number,
  ) {
    this.queue = [...chunks];
    for (const t of new Set(chunks.map((c) => c.target)))
      this.byTarget.set(t, { inputs: 0, crashes: 0, hangs: 0, outcomes: {} });
  }

  start(): void {
    for (let i = 0; i < this.workers; i++) this.spawn();
    const watchdog = setInterval(() => this.watch(), 5_000);
    void this.done.then(() => clearInterval(watchdog));
  }

  /** Inputs done per target, counting chunks still running. */
  progress(): Map<string, number> {
    const out = new Map([...this.byTarget].map(([t, v]) => [t, v.inputs]));
    for (const { chunk, inputs } of this.running.values())
      if (chunk) out.set(chunk.target, out.get(chunk.target)! + inputs);
    return out;
  }

  private spawn(): void {
    const child = fork(process.argv[1]!, ['--worker'], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.running.set(child, { beat: Date.now(), inputs: 0 });
    child.on('message', (m: FromWorker) => this.onMessage(child, m));
    child.on('exit', (code, signal) => this.onExit(child, code, signal));
  }

  private onMessage(child: ChildProcess, m: FromWorker): void {
    const slot = this.running.get(child);
    if (!slot) return;
    slot.beat = Date.now();
    switch (m.type) {
      case 'ready':
        this.next(child);
        return;
      case 'progress':
        slot.inputs = m.inputs;
        return;
      case 'stray': {
        const target = slot.chunk?.target ?? 'unknown';
        this.byTarget.get(target)!.crashes++;
        this.findings.push({
          target,
          kind: 'crash',
          message: `unhandled rejection: ${m.message}`,
          seed: slot.chunk?.seed ?? 0,
          index: -1,
          input: '',
        });
        return;
      }
      case 'done': {
        const totals = this.byTarget.get(slot.chunk!.target)!;
        totals.inputs += m.stats.inputs;
        totals.crashes += m.stats.crashes;
        totals.hangs += m.stats.hangs;
        for (const [k, v] of Object.entries(m.stats.outcomes))
          totals.outcomes[k] = (totals.outcomes[k] ?? 0) + v;
        this.findings.push(...m.stats.findings);
        this.next(child);
      }
    }
  }

  private next(child: ChildProcess): void {
    const slot = this.running.get(child)!;
    const chunk = this.queue.shift();
    slot.inputs = 0;
    if (!chunk) {
      delete slot.chunk;
      child.send({ type: 'exit' } satisfies ToWorker);
      return;
    }
    slot.chunk = chunk;
    child.send({ type: 'run', chunk } satisfies ToWorker);
  }

  /** A worker that has gone silent is stuck: count a hang, kill it (by its pid), start another. */
  private watch(): void {
    for (const [child, slot] of this.running) {
      if (!slot.chunk || Date.now() - slot.beat < WATCHDOG_MS) continue;
      this.lost(
        slot.chunk,
        slot.inputs,
        'hang',
        `no progress for ${WATCHDOG_MS / 1000} s after input ${slot.inputs} of the chunk`,
      );
      delete slot.chunk;
      child.kill('SIGKILL');
    }
  }

  private lost(chunk: Chunk, inputs: number, kind: 'hang' | 'crash', message: string): void {
    const totals = this.byTarget.get(chunk.target)!;
    totals.inputs += inputs + 1;
    if (kind === 'hang') totals.hangs++;
    else totals.crashes++;
    this.findings.push({
      target: chunk.target,
      kind,
      message,
      seed: chunk.seed,
      index: inputs,
      input: `batch seeds from ${chunk.seed}`,
    });
  }

  private onExit(child: ChildProcess, code: number | null, signal: string | null): void {
    const slot = this.running.get(child);
    this.running.delete(child);
    if (slot?.chunk)
      this.lost(
        slot.chunk,
        slot.inputs,
        'crash',
        `the worker exited (code ${code}, signal ${signal}) during the chunk`,
      );
    if (this.queue.length > 0 && (slot?.chunk || signal === 'SIGKILL')) this.spawn();
    if (this.running.size === 0) {
      if (this.queue.length > 0) this.spawn();
      else this.finished();
    }
  }
}

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

async function replayOne(spec: string): Promise<void> {
  const [name, seedText, indexText] = spec.split(':');
  const target = (await fuzzTargets()).find((t) => t.name === name);
  if (!target) throw new Error(`no target ${name}`);
  const index = Number(indexText);
  const input = fc.sample(target.arbitrary, { numRuns: index + 1, seed: Number(seedText) })[index];
  console.log(`input: ${target.show?.(input) ?? String(input)}`);
  console.log(`outcome: ${(await target.check(input)) ?? 'ok'}`);
}

async function negativeCases(): Promise<{ passing: number; failures: string[] }> {
  const failures: string[] = [];
  let passing = 0;
  for (const c of [...TLS_CASES, ...DNS_CASES]) {
    try {
      const observed = await c.run();
      if (isDeepStrictEqual(observed, c.expected)) passing++;
      else
        failures.push(
          `${c.id}: expected ${JSON.stringify(c.expected)}, observed ${JSON.stringify(observed)}`,
        );
    } catch (e) {
      failures.push(`${c.id}: threw ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { passing, failures };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.worker) return worker();
  if (opts.replay) return replayOne(opts.replay);

  const all = await fuzzTargets();
  const targets = opts.only ? all.filter((t) => opts.only!.includes(t.name)) : all;
  const { chunks, totals } = plan(targets, opts);
  console.log(
    `fuzz: --runs ${opts.runs}, seed ${opts.seed}, ${opts.workers} workers, ${chunks.length} chunks`,
  );
  for (const t of targets)
    console.log(
      `  ${t.name.padEnd(22)} ${String(totals.get(t.name)).padStart(9)} inputs (share ${t.share === 1 ? '1' : `1/${Math.round(1 / t.share)}`}): ${t.description}`,
    );

  const started = Date.now();
  const pool = new Pool(chunks, opts.workers);
  const report = () => {
    const done = pool.progress();
    const crashes = [...pool.byTarget.values()].reduce((n, t) => n + t.crashes, 0);
    const hangs = [...pool.byTarget.values()].reduce((n, t) => n + t.hangs, 0);
    const parts = targets.map((t) => `${t.name} ${done.get(t.name)}/${totals.get(t.name)}`);
    console.log(
      `[${clock(Date.now() - started)}] ${parts.join(', ')}; crashes ${crashes}, hangs ${hangs}`,
    );
  };
  const ticker = setInterval(report, PROGRESS_MS);
  pool.start();
  await pool.done;
  clearInterval(ticker);
  report();

  for (const t of targets) {
    const outcomes = Object.entries(pool.byTarget.get(t.name)!.outcomes).sort(
      (a, b) => b[1] - a[1],
    );
    console.log(
      `  ${t.name}: ${outcomes
        .slice(0, 12)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  }
  for (const f of pool.findings.slice(0, 20)) {
    console.log(`FINDING ${f.target} ${f.kind}: ${f.message}`);
    console.log(`  reproduce: npm run fuzz -- --replay ${f.target}:${f.seed}:${f.index}`);
    if (f.input) console.log(`  input: ${f.input.slice(0, 600)}`);
  }

  const negative = await negativeCases();
  for (const f of negative.failures) console.log(`NEGATIVE CASE FAILED ${f}`);
  const byTarget = [...pool.byTarget.values()];
  const line = {
    fuzz_inputs: Object.fromEntries(
      targets.map((t) => [t.name, pool.byTarget.get(t.name)!.inputs]),
    ),
    fuzz_crashes: byTarget.reduce((n, t) => n + t.crashes, 0),
    fuzz_hangs: byTarget.reduce((n, t) => n + t.hangs, 0),
    negative_cases_passing: negative.passing,
  };
  console.log(
    `took ${clock(Date.now() - started)}; ${negative.passing} of ${TLS_CASES.length + DNS_CASES.length} negative cases pass`,
  );
  console.log(JSON.stringify(line));
  process.exitCode =
    line.fuzz_crashes + line.fuzz_hangs > 0 || negative.failures.length > 0 ? 1 : 0;
}

await main();
