/**
 * The DNS scenario entry point that the UI and the CLI both call: a lookup through
 * Browser → OS resolver → Recursive resolver → Root / TLD / Authoritative, over the simulated
 * network of the demo universe, with caches that carry over from one run to the next.
 */
import { DEMO_EPOCH_MS } from '../sim/clock';
import { SimNetwork, type Fault } from '../sim/network';
import { SeededRng, type Rng } from '../sim/rng';
import { TraceRecorder, type Trace, type TraceEvent } from '../trace';
import { demoServerHandler, type WireHandler } from './behaviour';
import { DelegationCache, MAX_CACHE_TTL, MAX_NEGATIVE_CACHE_TTL, RecordCache } from './cache';
import { DNS_LANES, Lane } from './lanes';
import { Name } from './name';
import {
  IterativeResolver,
  QUERY_TIMEOUT_MS,
  type EventSink,
  type ResolveResult,
  type ResolverCaches,
} from './resolver';
import {
  BROWSER_CACHE_POLICY,
  OS_CACHE_POLICY,
  RecursiveServer,
  STUB_TIMEOUT_MS,
  StubResolver,
  resultFromResponse,
} from './stub';
import { SimTransport, type DnsTransport } from './transport';
import { RRClass, RRType, parseTypeName, rrType, typeName, type Question } from './types';
import { buildDemoUniverse, type DemoUniverse } from './universe';

/** The browser's host: it asks the OS stub on loopback. */
export const BROWSER_ADDRESS = '127.0.0.1';
/** systemd-resolved's stub listener (resolved.conf(5): 127.0.0.53). */
export const OS_STUB_ADDRESS = '127.0.0.53';
/** The machine's own address on the network, for the OS resolver's upstream queries. */
export const HOST_ADDRESS = '192.0.2.200';
/** The ISP's recursive resolver (documentation range, RFC 5737). */
export const RECURSIVE_ADDRESS = '192.0.2.53';

/** One-way latencies of the demo network, in ms. */
export const LATENCY_MS = {
  /** Loopback takes microseconds; 1 ms keeps the two messages apart on the diagram. */
  loopback: 1,
  /** Home to the ISP's resolver. */
  access: 10,
  root: 15,
  tld: 20,
  authoritative: 30,
} as const;

/** The recursive resolver's cache sizes: a demo bound (real ones are sized in bytes). */
const RECURSIVE_CACHE_ENTRIES = 100_000;

/** The caches of every layer and the clock, carried from one lookup to the next. */
export interface ResolverState {
  /** Virtual time (ms) when the last lookup finished. */
  now: number;
  browser: RecordCache;
  os: RecordCache;
  recursive: ResolverCaches;
}

export function newResolverState(now = DEMO_EPOCH_MS): ResolverState {
  return {
    now,
    browser: new RecordCache('browser host cache', BROWSER_CACHE_POLICY),
    os: new RecordCache('OS resolver cache', OS_CACHE_POLICY),
    recursive: {
      responses: new RecordCache('response cache', {
        maxTtl: MAX_CACHE_TTL,
        maxNegativeTtl: MAX_NEGATIVE_CACHE_TTL,
        maxEntries: RECURSIVE_CACHE_ENTRIES,
      }),
      delegations: new DelegationCache('delegation cache'),
    },
  };
}

/** A copy whose caches can change without touching the original (the UI's "run again"). */
export function cloneResolverState(state: ResolverState): ResolverState {
  return {
    now: state.now,
    browser: state.browser.clone(),
    os: state.os.clone(),
    recursive: {
      responses: state.recursive.responses.clone(),
      delegations: state.recursive.delegations.clone(),
    },
  };
}

/** The demo universe with a wire handler per server; immutable, so it is built once. */
export interface DnsWorld {
  universe: DemoUniverse;
  handlers: Map<string, WireHandler>;
}

let builtWorld: DnsWorld | undefined;

export function demoWorld(): DnsWorld {
  if (!builtWorld) {
    const universe = buildDemoUniverse();
    builtWorld = {
      universe,
      handlers: new Map(universe.servers.map((s) => [s.address, demoServerHandler(s)])),
    };
  }
  return builtWorld;
}

export interface DnsSessionOptions {
  seed: number | string;
  state?: ResolverState;
  /** Record a trace with annotated bytes (default true); off for benchmarks. */
  record?: boolean;
  /** RFC 9156 QNAME minimisation in the recursive resolver (default off). */
  qnameMinimisation?: boolean;
  /** Query IDs come from here; defaults to SeededRng(seed). */
  rng?: Rng;
  /** Extra faults on top of the universe's own (address → fault). */
  faults?: Record<string, Fault>;
  world?: DnsWorld;
  /**
   * Wraps the recursive resolver's way onto the network, for lab scenarios that put something on
   * its path (an attacker racing forged responses). Absent: the plain simulated network.
   */
  wrapResolverTransport?: (transport: DnsTransport) => DnsTransport;
}

export interface DnsLookupOutcome {
  result: ResolveResult;
  /** Present when recording. */
  trace?: Trace;
  /** When the browser had its answer. */
  at: number;
}

/** Forwards events to the current lookup's recorder (one recorder per lookup). */
class SwitchableSink implements EventSink {
  current: TraceRecorder | undefined;
  push(event: TraceEvent): void {
    this.current?.push(event);
  }
}

/**
 * A browser, its OS and a recursive resolver on one simulated network, kept between lookups so
 * caches warm up. Lookups must not go back in time.
 */
export class DnsSession {
  readonly state: ResolverState;
  private readonly browser: StubResolver;
  private readonly sink: SwitchableSink | undefined;

  constructor(opts: DnsSessionOptions) {
    const world = opts.world ?? demoWorld();
    this.state = opts.state ?? newResolverState();
    this.sink = opts.record === false ? undefined : new SwitchableSink();
    const rng = opts.rng ?? new SeededRng(opts.seed);
    const network = new SimNetwork();
    for (const server of world.universe.servers) {
      const handler = world.handlers.get(server.address)!;
      network.attach(server.address, (request, delivery) => {
        const bytes = handler(request, delivery.arrivedAt);
        return bytes && { bytes };
      });
      network.setHostLatency(server.address, latencyFor(server.zones.map((z) => z.origin)));
      if (server.behaviour.kind === 'down') network.setFault(server.address, { kind: 'down' });
    }
    for (const [address, fault] of Object.entries(opts.faults ?? {}))
      network.setFault(address, fault);
    network.setLinkLatency(BROWSER_ADDRESS, OS_STUB_ADDRESS, LATENCY_MS.loopback);
    network.setLinkLatency(HOST_ADDRESS, RECURSIVE_ADDRESS, LATENCY_MS.access);

    const wrap = opts.wrapResolverTransport ?? ((transport: DnsTransport) => transport);
    const resolver = new IterativeResolver({
      transport: wrap(new SimTransport(network, RECURSIVE_ADDRESS, QUERY_TIMEOUT_MS)),
      rootHints: world.universe.rootHints,
      rng,
      caches: this.state.recursive,
      qnameMinimisation: opts.qnameMinimisation ?? false,
      ...(this.sink ? { trace: { sink: this.sink, lane: Lane.recursive } } : {}),
    });
    network.attach(RECURSIVE_ADDRESS, new RecursiveServer(resolver).handler());
    const os = new StubResolver({
      lane: Lane.os,
      cache: this.state.os,
      upstream: { address: RECURSIVE_ADDRESS, lane: Lane.recursive, name: 'recursive resolver' },
      transport: new SimTransport(network, HOST_ADDRESS, STUB_TIMEOUT_MS),
      rng,
      ...(this.sink ? { trace: this.sink } : {}),
    });
    network.attach(OS_STUB_ADDRESS, os.handler());
    this.browser = new StubResolver({
      lane: Lane.browser,
      cache: this.state.browser,
      upstream: { address: OS_STUB_ADDRESS, lane: Lane.os, name: 'OS stub resolver' },
      transport: new SimTransport(network, BROWSER_ADDRESS, STUB_TIMEOUT_MS),
      rng,
      ...(this.sink ? { trace: this.sink } : {}),
    });
  }

  async lookup(question: Question, at = this.state.now): Promise<DnsLookupOutcome> {
    if (at < this.state.now)
      throw new RangeError(`lookup at ${at} is before the session's time ${this.state.now}`);
    const recorder = this.sink ? new TraceRecorder([...DNS_LANES]) : undefined;
    if (this.sink) this.sink.current = recorder;
    try {
      const { response, at: done } = await this.browser.lookup(question, at);
      this.state.now = done;
      const outcome: DnsLookupOutcome = {
        result: resultFromResponse(question, response),
        at: done,
      };
      if (recorder) outcome.trace = recorder.toTrace();
      return outcome;
    } finally {
      if (this.sink) this.sink.current = undefined;
    }
  }
}

function latencyFor(zones: Name[]): number {
  if (zones.some((z) => z.isRoot)) return LATENCY_MS.root;
  if (zones.some((z) => z.labelCount === 1)) return LATENCY_MS.tld;
  return LATENCY_MS.authoritative;
}

export class LookupInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LookupInputError';
  }
}

/** "www.example.com" and "AAAA" (or 28) as a question; errors say what was wrong. */
export function parseQuestion(name: string, type: string | number = 'A'): Question {
  let qname: Name;
  try {
    qname = Name.parse(name);
  } catch (error) {
    throw new LookupInputError(`bad name '${name}': ${(error as Error).message}`);
  }
  const qtype = typeof type === 'number' ? rrType(type) : parseTypeName(type);
  if (qtype === undefined || qtype < 0 || qtype > 0xffff || !Number.isInteger(qtype)) {
    throw new LookupInputError(`unknown record type '${type}'`);
  }
  if (qtype === RRType.OPT) throw new LookupInputError(`${typeName(qtype)} is not a query type`);
  return { name: qname, type: qtype, class: RRClass.IN };
}

export interface DnsLookupOptions extends Omit<DnsSessionOptions, 'state'> {
  name: string;
  type?: string | number;
  /** Virtual start time (ms); defaults to the state's clock, or DEMO_EPOCH_MS for a fresh state. */
  at?: number;
  /** Caches from a previous run ("again (warm)", "after the TTL"); it is updated in place. */
  state?: ResolverState;
}

export interface DnsLookupResult {
  trace: Trace;
  result: ResolveResult;
  state: ResolverState;
}

/**
 * One lookup, as a scenario: same seed, same state and same time give the same trace and bytes.
 * The state passed in is updated and returned (use cloneResolverState to keep the old one).
 */
export async function runDnsLookup(opts: DnsLookupOptions): Promise<DnsLookupResult> {
  const question = parseQuestion(opts.name, opts.type);
  const state = opts.state ?? newResolverState(opts.at ?? DEMO_EPOCH_MS);
  const session = new DnsSession({ ...opts, state, record: opts.record ?? true });
  const outcome = await session.lookup(question, opts.at ?? state.now);
  return {
    trace: outcome.trace ?? { lanes: [...DNS_LANES], events: [] },
    result: outcome.result,
    state,
  };
}
