/**
 * Lookups in a row on one virtual clock, sharing their caches: the runner under every DNS lab
 * scenario. Each lookup is a real run of the engine (DnsSession: browser → OS resolver → recursive
 * resolver → the demo universe); between lookups the clock moves forward and, if asked, the browser
 * or the whole computer restarts and forgets its cache. Every lookup is reported as plain data.
 */
import { BROWSER_CACHE_POLICY, OS_CACHE_POLICY } from '../../../dns/stub';
import { RecordCache } from '../../../dns/cache';
import { DNS_LANES, Lane } from '../../../dns/lanes';
import {
  DnsSession,
  demoWorld,
  newResolverState,
  parseQuestion,
  type DnsSessionOptions,
  type DnsWorld,
  type ResolverState,
} from '../../../dns/lookup';
import { formatRData, formatRecord } from '../../../dns/present';
import type { ResolveResult } from '../../../dns/resolver';
import { RRType, typeName, type Question } from '../../../dns/types';
import { DEMO_EPOCH_MS } from '../../../sim/clock';
import { SeededRng, type Rng } from '../../../sim/rng';
import { TraceRecorder, type TraceEvent } from '../../../trace';
import { cacheTtls, zonesAbove, type CacheTtls } from './cache-ttls';
import {
  answeringLayer,
  browserRcode,
  dnsMessageCount,
  serverQueries,
  type AnsweringLayer,
  type ServerQuery,
} from './lookup-facts';

/** What a restart empties: the browser's host cache, or that and the OS resolver's cache too. */
export type Restart = 'browser' | 'computer';

export interface LookupStep {
  name: string;
  /** A record type name or number; 'A' when absent. */
  type?: string;
  /** Virtual seconds from the end of the previous lookup (or the start) to this one; 0 if absent. */
  afterSeconds?: number;
  /** Restart before this lookup, so the caches of the restarted layers start empty. */
  restart?: Restart;
}

export interface LookupReport {
  name: string;
  type: string;
  /** Virtual time at which the browser asked and got its answer, in ms since the run began. */
  startedAtMs: number;
  finishedAtMs: number;
  /** The rcode the browser got: NOERROR, NXDOMAIN or SERVFAIL. */
  rcode: string;
  /** What the answer says (NODATA is NOERROR with no record of the type asked). */
  result: ResolveResult['kind'];
  /** The A and AAAA addresses in the answer, in order. */
  addresses: string[];
  /** The answer records as the browser got them, with the TTLs it was told. */
  records: string[];
  /** The TTL the browser was told on the answer's last record (the address), if any. */
  answerTtl: number | null;
  answeredBy: AnsweringLayer;
  /** The queries the recursive resolver sent for it, in order; empty when a cache answered. */
  queries: ServerQuery[];
  /** DNS messages on the wire for this lookup. */
  messages: number;
  /** This lookup's events in the Trace: [start, end). */
  events: [number, number];
  /** What each cache held for the name when the browser asked: why that layer answered. */
  cachesBefore: CacheTtls;
  /** What each cache holds for the name when the browser has its answer. */
  caches: CacheTtls;
}

export interface SequenceOptions extends Pick<
  DnsSessionOptions,
  'seed' | 'qnameMinimisation' | 'faults' | 'wrapResolverTransport' | 'world'
> {
  /** Lanes besides the DNS ones (an attacker, a health checker), drawn after them. */
  extraLanes?: string[];
  /** Start of virtual time; DEMO_EPOCH_MS when absent. */
  start?: number;
  /** Query IDs come from here; SeededRng(seed) when absent. */
  rng?: Rng;
}

/** A step that cannot run: time only goes forward. */
export class LookupStepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LookupStepError';
  }
}

export class LookupSequence {
  readonly state: ResolverState;
  readonly recorder: TraceRecorder;
  readonly start: number;
  readonly world: DnsWorld;
  readonly reports: LookupReport[] = [];
  private readonly rng: Rng;

  constructor(private readonly opts: SequenceOptions) {
    this.start = opts.start ?? DEMO_EPOCH_MS;
    this.state = newResolverState(this.start);
    this.world = opts.world ?? demoWorld();
    this.recorder = new TraceRecorder([...DNS_LANES, ...(opts.extraLanes ?? [])]);
    this.rng = opts.rng ?? new SeededRng(opts.seed);
  }

  /** Virtual time now (ms since the epoch): the end of the last lookup. */
  get now(): number {
    return this.state.now;
  }

  /** Runs one step: time passes, the restart (if any) happens, then the lookup. */
  async step(step: LookupStep): Promise<LookupReport> {
    const after = step.afterSeconds ?? 0;
    if (!Number.isFinite(after) || after < 0)
      throw new LookupStepError(`afterSeconds must be a number ≥ 0, got ${after}`);
    const at = this.state.now + after * 1000;
    if (step.afterSeconds)
      this.note(at, Lane.browser, 'lab.dns.note.time_passed', { seconds: step.afterSeconds });
    if (step.restart) this.restart(step.restart, at);
    return this.lookupAt(step.name, step.type ?? 'A', at);
  }

  /**
   * A restart loses what was only in memory: Chromium's host cache lives in the browser process,
   * systemd-resolved's cache in its daemon (it is not written to disk). The recursive resolver is
   * the ISP's and keeps its cache.
   */
  restart(what: Restart, at: number): void {
    this.state.browser = new RecordCache(this.state.browser.name, BROWSER_CACHE_POLICY);
    if (what === 'computer') this.state.os = new RecordCache(this.state.os.name, OS_CACHE_POLICY);
    this.note(
      at,
      Lane.browser,
      what === 'browser' ? 'lab.dns.note.browser_restarted' : 'lab.dns.note.computer_restarted',
      {},
    );
  }

  /** One lookup at virtual time `at`, or when the previous one ended if that is later. */
  async lookupAt(name: string, type: string | number, at: number): Promise<LookupReport> {
    const question = parseQuestion(name, type);
    // A session per lookup, over the same caches and RNG: a restart may have replaced a cache.
    const session = new DnsSession({
      seed: this.opts.seed,
      state: this.state,
      world: this.world,
      rng: this.rng,
      ...(this.opts.qnameMinimisation !== undefined
        ? { qnameMinimisation: this.opts.qnameMinimisation }
        : {}),
      ...(this.opts.faults ? { faults: this.opts.faults } : {}),
      ...(this.opts.wrapResolverTransport
        ? { wrapResolverTransport: this.opts.wrapResolverTransport }
        : {}),
    });
    const first = this.recorder.events.length;
    const startedAt = Math.max(at, this.state.now);
    const before = this.cachesFor(question, startedAt);
    const outcome = await session.lookup(question, startedAt);
    const events = outcome.trace?.events ?? [];
    for (const event of events) this.recorder.push(event);
    const report = this.report(question, startedAt, outcome.at, outcome.result, events, before, [
      first,
      this.recorder.events.length,
    ]);
    this.reports.push(report);
    return report;
  }

  note(t: number, lane: string, key: string, params: Record<string, string | number>): void {
    this.recorder.push({ kind: 'note', t, lane, key, params });
  }

  private report(
    question: Question,
    startedAt: number,
    finishedAt: number,
    result: ResolveResult,
    events: readonly TraceEvent[],
    cachesBefore: CacheTtls,
    range: [number, number],
  ): LookupReport {
    const records = result.kind === 'answer' ? result.records : [];
    return {
      name: question.name.toString(),
      type: typeName(question.type),
      startedAtMs: startedAt - this.start,
      finishedAtMs: finishedAt - this.start,
      rcode: browserRcode(events) ?? rcodeOf(result),
      result: result.kind,
      addresses: records
        .filter((rr) => rr.type === RRType.A || rr.type === RRType.AAAA)
        .map((rr) => formatRData(rr.data)),
      records: records.map(formatRecord),
      answerTtl: records.at(-1)?.ttl ?? null,
      answeredBy: answeringLayer(events),
      queries: serverQueries(events),
      messages: dnsMessageCount(events),
      events: range,
      cachesBefore,
      caches: this.cachesFor(question, finishedAt),
    };
  }

  private cachesFor(question: Question, at: number): CacheTtls {
    const zones = zonesAbove(this.world.universe, question.name);
    return cacheTtls(this.state, question.name, question.type, zones, at);
  }
}

/** RFC 1035 §4.1.1 and RFC 2308 §2: the rcode a resolver sends for each kind of result. */
function rcodeOf(result: ResolveResult): string {
  switch (result.kind) {
    case 'answer':
    case 'nodata':
      return 'NOERROR';
    case 'nxdomain':
      return 'NXDOMAIN';
    case 'servfail':
      return 'SERVFAIL';
  }
}
