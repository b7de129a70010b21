/**
 * The layers in front of the recursive resolver: the browser's host cache and the operating
 * system's stub resolver (systemd-resolved style). Each keeps its own cache with its own TTL
 * policy and forwards a miss upstream as a recursion-desired query (RFC 1034 §5.3.1). The
 * recursive resolver itself is put on the network by `RecursiveServer`.
 */
import { DecodeError } from '../bytes';
import type { Handler } from '../sim/network';
import type { Rng } from '../sim/rng';
import { lookupEvents, type CacheObserver, type CachePolicy, type RecordCache } from './cache';
import { decodeMessage, encodeMessage } from './codec';
import { messageEvent, queryLabel, responseLabel, type Peer } from './messages';
import {
  RRClass,
  RRType,
  Rcode,
  emptyHeader,
  makeQuery,
  rcodeName,
  type Message,
  type Question,
} from './types';
import type { DnsTransport } from './transport';
import type { EventSink, IterativeResolver, ResolveResult } from './resolver';

/**
 * Chromium's host cache, for results of the system resolver (HostResolverSystemTask): a success
 * is kept for exactly 60 s whatever the record TTL (kCacheEntryTTLSeconds = 60), a failure is not
 * kept (kNegativeCacheEntryTTLSeconds = 0), and the cache holds 1000 entries (kDefaultCacheSize,
 * net/dns/resolve_context.cc). A fixed lifetime, not a cap: a 30 s record lives 60 s here.
 */
export const BROWSER_CACHE_POLICY: CachePolicy = {
  maxTtl: 60,
  fixedTtl: 60,
  maxNegativeTtl: 0,
  maxEntries: 1000,
};

/**
 * systemd-resolved's cache: record TTLs, never more than 2 hours (CACHE_TTL_MAX_USEC), negative
 * answers per RFC 2308 under the same cap, at most 4096 entries (CACHE_MAX), in
 * src/resolve/resolved-dns-cache.c.
 */
export const OS_CACHE_POLICY: CachePolicy = {
  maxTtl: 7200,
  maxNegativeTtl: 7200,
  maxEntries: 4096,
};

/** glibc's stub waits 5 s for an answer (RES_TIMEOUT, resolv.conf(5) "timeout:n"). */
export const STUB_TIMEOUT_MS = 5000;

export interface StubOptions {
  lane: string;
  cache: RecordCache;
  /** Where misses go, and how that upstream is drawn. */
  upstream: { address: string; lane: string; name: string };
  transport: DnsTransport;
  rng: Rng;
  trace?: EventSink;
}

export interface StubAnswer {
  response: Message;
  at: number;
}

/** A caching stub: answers from its cache, else asks its upstream with RD set. */
export class StubResolver {
  private readonly observer: CacheObserver | undefined;

  constructor(private readonly opts: StubOptions) {
    const sink = opts.trace;
    this.observer = sink && { lane: opts.lane, emit: (e) => sink.push(e) };
  }

  async lookup(question: Question, now: number, id?: number): Promise<StubAnswer> {
    const responseId = id ?? 0;
    const lookup = this.opts.cache.get(question.name, question.type, now);
    const sink = this.opts.trace;
    if (sink)
      for (const event of lookupEvents(this.opts.cache, lookup, now, this.opts.lane))
        sink.push(event);
    const hit = lookup.hit;
    if (hit) {
      const response = emptyResponse(responseId, question);
      if (hit.value.kind === 'records') response.answers = hit.value.records;
      else {
        if (hit.value.nxdomain) response.header.rcode = Rcode.NXDOMAIN;
        if (hit.value.soa) response.authority = [hit.value.soa];
      }
      return { response, at: now };
    }
    const upstream = await this.forward(question, now);
    upstream.response.header.id = responseId;
    return upstream;
  }

  /** The stub as a network host: wire query in, wire response out. */
  handler(): Handler {
    return async (request, delivery) => {
      let query: Message;
      try {
        query = decodeMessage(request, { annotate: false }).message;
      } catch {
        return undefined;
      }
      const question = query.questions[0];
      if (query.header.qr || !question) return undefined;
      const { response, at } = await this.lookup(question, delivery.arrivedAt, query.header.id);
      response.header.rd = query.header.rd;
      return { bytes: encodeMessage(response, { annotate: false }).bytes, sentAt: at };
    };
  }

  private async forward(question: Question, now: number): Promise<StubAnswer> {
    const sink = this.opts.trace;
    const up = this.opts.upstream;
    const id = this.opts.rng.uint32() & 0xffff;
    const query = makeQuery(id, question, { rd: true });
    const encoded = encodeMessage(query, { annotate: sink !== undefined });
    const peer: Peer = { name: up.name, address: up.address };
    const sent =
      sink &&
      messageEvent(
        sink,
        now,
        this.opts.lane,
        up.lane,
        queryLabel(query),
        encoded.bytes,
        encoded.spans,
        query,
        peer,
      );
    const reply = await this.opts.transport.send(up.address, encoded.bytes, now);
    const fail = (at: number, key: string, params: Record<string, string | number>): StubAnswer => {
      if (sink) sink.push({ kind: 'note', t: at, lane: this.opts.lane, key, params });
      const response = emptyResponse(id, question);
      response.header.rcode = Rcode.SERVFAIL;
      return { response, at };
    };
    if (reply.kind === 'timeout') {
      if (sent) sent.dropped = true;
      return fail(reply.at, 'dns.note.timeout', {
        server: up.name,
        address: up.address,
        ms: STUB_TIMEOUT_MS,
      });
    }
    let response: Message;
    let spans;
    try {
      ({ message: response, spans } = decodeMessage(reply.bytes, { annotate: sink !== undefined }));
    } catch (error) {
      const reason =
        error instanceof DecodeError ? error.asParam('reason') : { reason: String(error) };
      return fail(reply.at, 'dns.note.malformed', { server: up.name, ...reason });
    }
    if (sink) {
      messageEvent(
        sink,
        reply.repliedAt ?? reply.at,
        up.lane,
        this.opts.lane,
        responseLabel(response),
        reply.bytes,
        spans,
        response,
        peer,
      );
    }
    const q = response.questions[0];
    if (
      response.header.id !== id ||
      !q ||
      !q.name.equals(question.name) ||
      q.type !== question.type
    ) {
      return fail(reply.at, 'dns.note.spoofed', {
        server: up.name,
        expectedId: id,
        gotId: response.header.id,
      });
    }
    this.remember(question, response, reply.at);
    return { response, at: reply.at };
  }

  private remember(question: Question, response: Message, now: number): void {
    const cache = this.opts.cache;
    const soa = response.authority.find((rr) => rr.type === RRType.SOA);
    if (response.header.rcode === Rcode.NXDOMAIN) {
      cache.putNegative(question.name, question.type, true, soa, now, this.observer);
    } else if (response.header.rcode === Rcode.NOERROR) {
      const answered = response.answers.some((rr) => rr.type === question.type);
      if (answered)
        cache.putRecords(question.name, question.type, response.answers, now, this.observer);
      else cache.putNegative(question.name, question.type, false, soa, now, this.observer);
    }
  }
}

function emptyResponse(id: number, question: Question): Message {
  return {
    header: { ...emptyHeader(id), qr: true, rd: true, ra: true },
    questions: [question],
    answers: [],
    authority: [],
    additional: [],
  };
}

/** The recursive resolver as a network host: RD queries in, full answers out (RA set). */
export class RecursiveServer {
  constructor(private readonly resolver: IterativeResolver) {}

  handler(): Handler {
    return async (request, delivery) => {
      let query: Message;
      try {
        query = decodeMessage(request, { annotate: false }).message;
      } catch {
        return undefined;
      }
      const question = query.questions[0];
      if (query.header.qr || !question || question.class !== RRClass.IN) return undefined;
      const { result, at } = await this.resolver.resolve(question, delivery.arrivedAt);
      const response = responseFor(query.header.id, question, result);
      response.header.rd = query.header.rd;
      return { bytes: encodeMessage(response, { annotate: false }).bytes, sentAt: at };
    };
  }
}

/** A resolver result as the response a recursive server sends (RFC 2308 §2 for negatives). */
export function responseFor(id: number, question: Question, result: ResolveResult): Message {
  const response = emptyResponse(id, question);
  switch (result.kind) {
    case 'answer':
      response.answers = result.records;
      break;
    case 'nodata':
    case 'nxdomain':
      response.answers = result.chain;
      if (result.soa) response.authority = [result.soa];
      if (result.kind === 'nxdomain') response.header.rcode = Rcode.NXDOMAIN;
      break;
    case 'servfail':
      response.header.rcode = Rcode.SERVFAIL;
      break;
  }
  return response;
}

/** What a stub got back, as a resolver result. */
export function resultFromResponse(question: Question, response: Message): ResolveResult {
  const rcode = response.header.rcode;
  const soa = response.authority.find((rr) => rr.type === RRType.SOA);
  const chain = response.answers.filter(
    (rr) => rr.type === RRType.CNAME && question.type !== RRType.CNAME,
  );
  if (rcode === Rcode.NXDOMAIN) return { kind: 'nxdomain', question, chain, soa };
  if (rcode !== Rcode.NOERROR)
    return {
      kind: 'servfail',
      question,
      chain: [],
      reason: `upstream answered ${rcodeName(rcode)}`,
    };
  if (response.answers.some((rr) => rr.type === question.type))
    return { kind: 'answer', question, records: response.answers };
  return { kind: 'nodata', question, chain, soa };
}
