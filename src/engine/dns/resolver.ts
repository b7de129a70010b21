/**
 * An iterative resolver (RFC 1034 §5.3.3), with time as an argument: `resolve(question, now)`.
 *
 * It starts from the deepest cached zone cut (or the root hints), asks that zone's servers,
 * follows referrals down the tree using glue, looks up glueless name servers in a sub-resolution,
 * chases CNAMEs across zones, retries the next server after a timeout or a lame answer, and gives
 * SERVFAIL when every server has failed or a limit is hit. Everything it does is a trace event.
 */
import { DecodeError } from '../bytes';
import type { Rng } from '../sim/rng';
import type { TraceEvent } from '../trace';
import {
  delegationEvents,
  lookupEvents,
  type CacheLookup,
  type CacheObserver,
  type Delegation,
  type DelegationCache,
  type DelegationLookup,
  type NameServer,
  type RecordCache,
} from './cache';
import { classify, type Classified } from './classify';
import { decodeMessage, encodeMessage } from './codec';
import { serverLane } from './lanes';
import { messageEvent, queryLabel, responseLabel } from './messages';
import type { Name } from './name';
import { shortQuestion } from './present';
import {
  RRClass,
  RRType,
  isRecordOf,
  makeQuery,
  recordsOf,
  type Message,
  type Question,
  type ResourceRecord,
} from './types';
import type { DnsTransport } from './transport';
import type { RootHint } from './universe';

/**
 * CNAMEs followed for one question before giving up: BIND's max-query-restarts default (11,
 * added in BIND 9.18.29, which replaced a hard-coded 16).
 */
export const MAX_CNAME_CHAIN = 11;
/**
 * Queries sent for one resolution, sub-resolutions included: BIND's max-recursion-queries, whose
 * default was 100 in BIND 9.18.0–9.18.28 (9.18.29 lowered it to 32).
 */
export const MAX_QUERIES_PER_RESOLUTION = 100;
/** Referrals followed for one question: Unbound's MAX_REFERRAL_COUNT (iterator/iterator.h). */
export const MAX_REFERRALS = 130;
/**
 * Nesting of sub-resolutions (a name server's address needs another resolution, and so on):
 * BIND's max-recursion-depth default, 7.
 */
export const MAX_RECURSION_DEPTH = 7;
/**
 * How long to wait for a server before trying the next: Unbound's initial timeout for a server it
 * knows nothing about (UNKNOWN_SERVER_NICENESS, 376 ms, iterator/iterator.h).
 */
export const QUERY_TIMEOUT_MS = 376;
/** The EDNS UDP payload size offered: 1232, the DNS Flag Day 2020 value (Unbound's default). */
export const RESOLVER_UDP_PAYLOAD_SIZE = 1232;
/**
 * RFC 9156 §2.3: MAX_MINIMISE_COUNT, the most queries spent revealing one label at a time
 * (beyond it, labels are added several at once).
 */
export const MAX_MINIMISE_COUNT = 10;

export interface Answer {
  kind: 'answer';
  question: Question;
  /** The CNAME chain (if any), then the answer RRset. */
  records: ResourceRecord[];
}
export interface NoData {
  kind: 'nodata';
  question: Question;
  chain: ResourceRecord[];
  soa: ResourceRecord | undefined;
}
export interface NxDomain {
  kind: 'nxdomain';
  question: Question;
  chain: ResourceRecord[];
  soa: ResourceRecord | undefined;
}
export interface ServFail {
  kind: 'servfail';
  question: Question;
  chain: ResourceRecord[];
  reason: string;
}
/** One step of the walk: a zone cut and its servers. A normal result, not an error. */
export interface Referral {
  kind: 'referral';
  delegation: Delegation;
}
export type ResolveResult = Answer | NoData | NxDomain | ServFail;
export type Resolution = ResolveResult | Referral;

export interface Resolved {
  result: ResolveResult;
  /** When the resolution finished (ms, virtual or real). */
  at: number;
  /** How many queries it sent. */
  queries: number;
}

export interface ResolverCaches {
  responses: RecordCache;
  delegations: DelegationCache;
}

/** Where trace events go (a TraceRecorder fits). */
export interface EventSink {
  push(event: TraceEvent): void;
}

export interface ResolverTrace {
  sink: EventSink;
  /** The resolver's lane ("Recursive resolver"). */
  lane: string;
}

export interface ResolverOptions {
  transport: DnsTransport;
  rootHints: RootHint[];
  rng: Rng;
  caches: ResolverCaches;
  /** RFC 9156 QNAME minimisation; off by default. */
  qnameMinimisation?: boolean;
  /** Record trace events (with annotated bytes); omit for speed. */
  trace?: ResolverTrace;
}

/** Per-resolution bookkeeping. */
interface Walk {
  t: number;
  queries: number;
  /** Name servers whose addresses are being looked up right now (NS-dependency cycles). */
  pendingNs: Set<string>;
  /** Set once a limit is hit, so every level stops. */
  abort?: string;
}

export class IterativeResolver {
  private readonly observer: CacheObserver | undefined;

  constructor(private readonly opts: ResolverOptions) {
    const trace = opts.trace;
    this.observer = trace && { lane: trace.lane, emit: (e) => trace.sink.push(e) };
  }

  async resolve(question: Question, now: number): Promise<Resolved> {
    const walk: Walk = { t: now, queries: 0, pendingNs: new Set() };
    const result = await this.resolveName(walk, question, 0);
    return { result, at: walk.t, queries: walk.queries };
  }

  /** Answers (name, type) from the cache or the servers, chasing CNAMEs (RFC 1034 §5.3.3). */
  private async resolveName(walk: Walk, question: Question, depth: number): Promise<ResolveResult> {
    const chain: ResourceRecord[] = [];
    const seen = new Set<string>([question.name.key]);
    let name = question.name;
    for (;;) {
      const step =
        this.fromCache(walk, name, question.type) ??
        (await this.iterate(walk, name, question.type, depth));
      switch (step.kind) {
        case 'answer':
          return {
            kind: 'answer',
            question,
            records: [...chain, ...step.chain, ...step.rrset],
          };
        case 'nodata':
        case 'nxdomain':
          return {
            kind: step.kind,
            question,
            chain: [...chain, ...step.chain],
            soa: step.soa,
          };
        case 'servfail':
          return { kind: 'servfail', question, chain, reason: step.reason };
        case 'cname': {
          for (const rr of step.chain) {
            chain.push(rr);
            const target = rr.data.target;
            if (seen.has(target.key)) {
              this.note(walk, 'dns.note.cname_loop', { name: target.toString() });
              return { kind: 'servfail', question, chain, reason: `CNAME loop at ${target}` };
            }
            seen.add(target.key);
          }
          if (chain.length > MAX_CNAME_CHAIN) {
            this.note(walk, 'dns.note.cname_limit', { limit: MAX_CNAME_CHAIN });
            return {
              kind: 'servfail',
              question,
              chain,
              reason: `CNAME chain longer than ${MAX_CNAME_CHAIN}`,
            };
          }
          name = step.next;
        }
      }
    }
  }

  /** The cached answer for (name, type), or a cached CNAME to follow from it. */
  private fromCache(walk: Walk, name: Name, type: RRType): Step | undefined {
    const cache = this.opts.caches.responses;
    const lookup = cache.get(name, type, walk.t);
    this.recordLookup(walk, lookup);
    const hit = lookup.hit;
    if (hit) {
      if (hit.value.kind === 'records')
        return { kind: 'answer', chain: [], rrset: hit.value.records };
      const soa = hit.value.soa;
      return { kind: hit.value.nxdomain ? 'nxdomain' : 'nodata', chain: [], soa };
    }
    if (type === RRType.CNAME) return undefined;
    // A CNAME is reported only when it is followed; looking for one is silent.
    const cname = cache.get(name, RRType.CNAME, walk.t);
    const value = cname.hit?.value;
    const rr = value?.kind === 'records' ? value.records[0] : undefined;
    if (rr && isRecordOf(rr, 'CNAME')) {
      this.recordLookup(walk, cname);
      return { kind: 'cname', chain: [rr], next: rr.data.target };
    }
    return undefined;
  }

  /** Walks down from the deepest known zone cut until the servers give a final answer. */
  private async iterate(walk: Walk, qname: Name, qtype: RRType, depth: number): Promise<Step> {
    const cut = this.opts.caches.delegations.closest(qname, walk.t);
    this.recordDelegationLookup(walk, cut);
    let delegation = cut.hit?.delegation ?? {
      zone: qname.trimTo(0),
      servers: this.opts.rootHints.map((h) => ({ name: h.name, addresses: [h.address] })),
    };
    let minimised = delegation.zone.labelCount + 1;
    let minimiseQueries = 0;
    for (let referrals = 0; ;) {
      // RFC 9156: ask for one more label than the zone has, with QTYPE A, until the full name.
      const useMinimised = this.opts.qnameMinimisation === true && minimised < qname.labelCount;
      const askName = useMinimised ? qname.trimTo(minimised) : qname;
      const askType = useMinimised ? RRType.A : qtype;
      const outcome = await this.askZone(walk, delegation, askName, askType, depth);
      if (outcome.kind === 'exhausted') return { kind: 'servfail', reason: outcome.reason };
      const c = outcome.result;
      if (c.kind === 'referral') {
        referrals++;
        if (referrals > MAX_REFERRALS) {
          this.note(walk, 'dns.note.referral_limit', { limit: MAX_REFERRALS });
          return { kind: 'servfail', reason: `more than ${MAX_REFERRALS} referrals` };
        }
        this.opts.caches.delegations.put(c.delegation, c.ttl, walk.t, this.observer);
        delegation = c.delegation;
        minimised = delegation.zone.labelCount + 1;
        continue;
      }
      if (useMinimised) {
        // RFC 8020: NXDOMAIN for an ancestor means nothing exists below it.
        if (c.kind === 'nxdomain') {
          return this.cacheFinal(walk, qname, qtype, { kind: 'nxdomain', chain: [], soa: c.soa });
        }
        // The shorter name exists but is no zone cut: reveal more labels of the same zone.
        minimiseQueries++;
        minimised = minimiseQueries >= MAX_MINIMISE_COUNT ? qname.labelCount : minimised + 1;
        continue;
      }
      return this.cacheFinal(walk, qname, qtype, c);
    }
  }

  /** Caches what a final response says, RRset by RRset (RFC 2181 §5), and returns it as a step. */
  private cacheFinal(
    walk: Walk,
    qname: Name,
    qtype: RRType,
    c: Exclude<Classified, { kind: 'referral' | 'lame' }>,
  ): Step {
    const cache = this.opts.caches.responses;
    for (const rr of c.chain) cache.putRecords(rr.name, RRType.CNAME, [rr], walk.t, this.observer);
    const last = c.chain.length > 0 ? c.chain[c.chain.length - 1]!.data.target : qname;
    if (c.kind === 'answer') cache.putRecords(last, qtype, c.rrset, walk.t, this.observer);
    if (c.kind === 'nodata') cache.putNegative(last, qtype, false, c.soa, walk.t, this.observer);
    if (c.kind === 'nxdomain') cache.putNegative(last, qtype, true, c.soa, walk.t, this.observer);
    // The caller gets the TTLs a cache hit would give, not the server's longer ones.
    const chain = c.chain.map((rr) => cache.capRecord(rr));
    switch (c.kind) {
      case 'answer':
        return { ...c, chain, rrset: c.rrset.map((rr) => cache.capRecord(rr)) };
      case 'cname':
        return { ...c, chain };
      case 'nodata':
      case 'nxdomain':
        return { ...c, chain, soa: c.soa && cache.capNegativeSoa(c.soa) };
    }
  }

  /** Asks the zone's servers in turn until one gives a usable response. */
  private async askZone(
    walk: Walk,
    delegation: Delegation,
    qname: Name,
    qtype: RRType,
    depth: number,
  ): Promise<
    | { kind: 'ok'; result: Exclude<Classified, { kind: 'lame' }> }
    | { kind: 'exhausted'; reason: string }
  > {
    const failures: string[] = [];
    for (const server of delegation.servers) {
      if (walk.abort) return { kind: 'exhausted', reason: walk.abort };
      const addresses =
        server.addresses.length > 0
          ? server.addresses
          : await this.addressesOf(walk, server, delegation, depth);
      if (walk.abort) return { kind: 'exhausted', reason: walk.abort };
      if (addresses.length === 0) {
        failures.push(`${server.name}: no address`);
        continue;
      }
      for (const address of addresses) {
        if (walk.queries >= MAX_QUERIES_PER_RESOLUTION) {
          this.note(walk, 'dns.note.query_budget', { limit: MAX_QUERIES_PER_RESOLUTION });
          walk.abort = `more than ${MAX_QUERIES_PER_RESOLUTION} queries`;
          return { kind: 'exhausted', reason: walk.abort };
        }
        const result = await this.exchange(walk, server, address, delegation.zone, qname, qtype);
        if (result.kind === 'lame') {
          failures.push(`${server.name} (${address}): ${result.reason}`);
          continue;
        }
        return { kind: 'ok', result };
      }
    }
    this.note(walk, 'dns.note.all_servers_failed', { zone: delegation.zone.toString() });
    return {
      kind: 'exhausted',
      reason: `no server for ${delegation.zone} answered: ${failures.join('; ')}`,
    };
  }

  /** The address of a name server that came without glue: from the cache or a sub-resolution. */
  private async addressesOf(
    walk: Walk,
    server: NameServer,
    delegation: Delegation,
    depth: number,
  ): Promise<string[]> {
    const cached = this.opts.caches.responses.get(server.name, RRType.A, walk.t);
    if (cached.hit?.value.kind === 'records') {
      this.recordLookup(walk, cached);
      return addressesIn(cached.hit.value.records);
    }
    if (walk.pendingNs.has(server.name.key)) {
      this.note(walk, 'dns.note.ns_cycle', {
        server: server.name.toString(),
        zone: delegation.zone.toString(),
      });
      return [];
    }
    if (depth + 1 > MAX_RECURSION_DEPTH) {
      this.note(walk, 'dns.note.depth_limit', { limit: MAX_RECURSION_DEPTH });
      return [];
    }
    this.note(walk, 'dns.note.glueless', {
      server: server.name.toString(),
      zone: delegation.zone.toString(),
    });
    walk.pendingNs.add(server.name.key);
    try {
      const sub = await this.resolveName(
        walk,
        { name: server.name, type: RRType.A, class: RRClass.IN },
        depth + 1,
      );
      return sub.kind === 'answer' ? addressesIn(sub.records) : [];
    } finally {
      walk.pendingNs.delete(server.name.key);
    }
  }

  /** One query to one server address, with its trace events; the classified response. */
  private async exchange(
    walk: Walk,
    server: NameServer,
    address: string,
    zone: Name,
    qname: Name,
    qtype: RRType,
  ): Promise<Classified> {
    const trace = this.opts.trace;
    const id = this.opts.rng.uint32() & 0xffff;
    const question: Question = { name: qname, type: qtype, class: RRClass.IN };
    const query = makeQuery(id, question, {
      edns: {
        udpPayloadSize: RESOLVER_UDP_PAYLOAD_SIZE,
        version: 0,
        dnssecOk: false,
        zFlags: 0,
        options: [],
      },
    });
    const encoded = encodeMessage(query, { annotate: trace !== undefined });
    walk.queries++;
    const lane = serverLane(zone);
    const peer = { name: server.name.toString(), address, zone: zone.toString() };
    const sent =
      trace &&
      messageEvent(
        trace.sink,
        walk.t,
        trace.lane,
        lane,
        queryLabel(query),
        encoded.bytes,
        encoded.spans,
        query,
        peer,
      );
    let reply = await this.opts.transport.send(address, encoded.bytes, walk.t);
    for (;;) {
      if (reply.kind === 'timeout') {
        if (sent) sent.dropped = true;
        walk.t = reply.at;
        this.note(walk, 'dns.note.timeout', { server: peer.name, address, ms: QUERY_TIMEOUT_MS });
        return { kind: 'lame', reason: 'timeout', code: 'timeout' };
      }
      let response: Message;
      let spans: ReturnType<typeof decodeMessage>['spans'];
      try {
        ({ message: response, spans } = decodeMessage(reply.bytes, {
          annotate: trace !== undefined,
        }));
      } catch (error) {
        walk.t = reply.at;
        const reason = error instanceof DecodeError ? error.message : String(error);
        const params =
          error instanceof DecodeError ? error.asParam('reason') : { reason: String(error) };
        this.note(walk, 'dns.note.malformed', { server: peer.name, ...params });
        return { kind: 'lame', reason: `malformed response: ${reason}`, code: 'lame.malformed' };
      }
      // The response must carry our ID and our question, else it is not ours (RFC 5452 §4.3).
      const genuine =
        response.header.qr &&
        response.header.id === id &&
        response.questions.length === 1 &&
        response.questions[0]!.name.equals(qname) &&
        response.questions[0]!.type === qtype &&
        response.questions[0]!.class === RRClass.IN;
      const { result, dropped } = genuine
        ? classify(response, zone, qname, qtype)
        : {
            result: {
              kind: 'lame',
              reason: 'ID or question mismatch',
              code: 'lame.mismatch',
            } as Classified,
            dropped: [],
          };
      if (trace) {
        const referral = result.kind === 'referral' ? result.delegation.zone.toString() : undefined;
        const label = responseLabel(response, referral);
        messageEvent(
          trace.sink,
          reply.repliedAt ?? reply.at,
          lane,
          trace.lane,
          label,
          reply.bytes,
          spans,
          response,
          peer,
        );
      }
      walk.t = reply.at;
      if (!genuine) {
        this.note(walk, 'dns.note.spoofed', {
          server: peer.name,
          expectedId: id,
          gotId: response.header.id,
        });
        // Not ours: discard it and keep listening until the timeout, so a forged datagram that
        // arrives first cannot end the exchange (the "awaiting valid responses" rule of
        // draft-li-dnsop-response-preprocessing).
        if (reply.next) {
          reply = await reply.next();
          continue;
        }
        return result;
      }
      for (const d of dropped) this.note(walk, 'dns.note.out_of_bailiwick', { ...d });
      if (result.kind === 'lame') {
        this.note(walk, 'dns.note.lame', {
          server: peer.name,
          address,
          reason: result.code,
          query: shortQuestion(qname, qtype),
        });
      }
      return result;
    }
  }

  private recordLookup(walk: Walk, lookup: CacheLookup): void {
    const trace = this.opts.trace;
    if (!trace) return;
    for (const event of lookupEvents(this.opts.caches.responses, lookup, walk.t, trace.lane))
      trace.sink.push(event);
  }

  private recordDelegationLookup(walk: Walk, lookup: DelegationLookup): void {
    const trace = this.opts.trace;
    if (!trace) return;
    for (const event of delegationEvents(this.opts.caches.delegations, lookup, walk.t, trace.lane))
      trace.sink.push(event);
  }

  private note(walk: Walk, key: string, params: Record<string, string | number>): void {
    const trace = this.opts.trace;
    if (trace) trace.sink.push({ kind: 'note', t: walk.t, lane: trace.lane, key, params });
  }
}

type Step =
  Exclude<Classified, { kind: 'referral' | 'lame' }> | { kind: 'servfail'; reason: string };

function addressesIn(records: ResourceRecord[]): string[] {
  return recordsOf(records, 'A').map((r) => r.data.address);
}
