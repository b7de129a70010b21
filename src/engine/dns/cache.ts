/**
 * The caches, each with time as an argument (hickory-dns style: entries hold `validUntil`, and
 * `get(key, now)` decides). TTLs count down on the virtual clock. Every hit, miss, insert and
 * expiry can be reported as a trace `cache` event; RecordCache.get only returns what it found, and
 * its caller turns that into events with `lookupEvents`, so looking does not write the trace;
 * DelegationCache.closest and `delegationEvents` likewise.
 *
 * RecordCache: (name, type) → records, or a negative answer (RFC 2308). DelegationCache:
 * zone → name servers and their addresses. Lookups are Map gets, never scans.
 */
import type { CacheEvent, CacheOp } from '../trace';
import type { Name } from './name';
import { formatRData, shortQuestion } from './present';
import { typeName, type ResourceRecord, type RRType } from './types';

/** Unbound's cache-max-ttl default (86400 s); BIND's max-cache-ttl default is 604800 s. */
export const MAX_CACHE_TTL = 86400;
/** Unbound's cache-max-negative-ttl default (3600 s); BIND's max-ncache-ttl default is 10800 s. */
export const MAX_NEGATIVE_CACHE_TTL = 3600;

export interface CachePolicy {
  /** Longest a positive entry is kept, in seconds. */
  maxTtl: number;
  /** Longest a negative entry is kept, in seconds; 0 means negatives are not cached. */
  maxNegativeTtl: number;
  /** When set, positive entries live exactly this long whatever their TTL (Chromium's host cache). */
  fixedTtl?: number;
  /** How many entries before the oldest is evicted. */
  maxEntries: number;
}

/** Where cache events go: a trace sink and the lane of the cache's owner. */
export interface CacheObserver {
  lane: string;
  emit(event: CacheEvent): void;
}

export type CachedValue =
  | { kind: 'records'; records: ResourceRecord[] }
  /** RFC 2308 §2.1 (nxdomain) and §2.2 (nodata), with the SOA that bounds their TTL. */
  | { kind: 'negative'; nxdomain: boolean; soa: ResourceRecord | undefined };

interface Entry {
  value: CachedValue;
  insertedAt: number;
  validUntil: number;
  /** Its place in the insertion order (RecordCache.order). */
  seq: number;
}

export interface CacheHit {
  value: CachedValue;
  /** Seconds left. */
  ttl: number;
}

/** What RecordCache.get found for (name, type). */
export interface CacheLookup {
  name: Name;
  type: RRType;
  /** The entries found past their lifetime and dropped, in the order they were looked at. */
  expired: CachedValue[];
  hit: CacheHit | undefined;
}

/** A value with every record's TTL replaced by what is left of the entry's lifetime. */
function aged(value: CachedValue, ttl: number): CachedValue {
  if (value.kind === 'records')
    return { kind: 'records', records: value.records.map((r) => ({ ...r, ttl })) };
  return { ...value, soa: value.soa && { ...value.soa, ttl } };
}

function remaining(entry: Entry, now: number): number {
  return Math.ceil((entry.validUntil - now) / 1000);
}

function describe(value: CachedValue): string {
  if (value.kind === 'negative') return value.nxdomain ? 'NXDOMAIN' : 'NODATA';
  return value.records.map((r) => `${typeName(r.type)} ${formatRData(r.data)}`).join(', ');
}

/** The key type used for "this name does not exist at all" (RFC 2308 §5: NXDOMAIN is per name). */
const NXDOMAIN_KEY = 'NXDOMAIN';

export class RecordCache {
  private readonly entries = new Map<string, Entry>();
  /**
   * Keys in insertion order, oldest first from `head`, each with the sequence number it was put
   * with; a key put again or removed leaves a stale item that eviction skips. Evicting the first
   * key of `entries` instead would walk over every deleted slot V8 keeps until its next rehash:
   * a put into a full cache of 10,000 cost 70 µs against 14 µs without eviction.
   */
  private order: { key: string; seq: number }[] = [];
  private head = 0;
  private seq = 0;

  constructor(
    readonly name: string,
    readonly policy: CachePolicy,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * The entry for (name, type), else a cached NXDOMAIN for the name. Entries found expired are
   * dropped (as hickory's DnsLru::get drops them) and listed, so the caller can report them.
   */
  get(name: Name, type: RRType, now: number): CacheLookup {
    const expired: CachedValue[] = [];
    const hit =
      this.fresh(`${name.key}|${type}`, now, expired) ??
      this.fresh(`${name.key}|${NXDOMAIN_KEY}`, now, expired);
    return { name, type, expired, hit };
  }

  /** The fresh entry for (name, type), if any: `get` for a caller that reports nothing. */
  peek(name: Name, type: RRType, now: number): CacheHit | undefined {
    return this.get(name, type, now).hit;
  }

  /** Caches records for (name, type) for the smallest TTL among them, within the policy. */
  putRecords(
    name: Name,
    type: RRType,
    records: ResourceRecord[],
    now: number,
    observer?: CacheObserver,
  ): void {
    if (records.length === 0) return;
    const ttl = this.policy.fixedTtl ?? Math.min(this.policy.maxTtl, ...records.map(recordTtl));
    this.put(
      `${name.key}|${type}`,
      () => shortQuestion(name, type),
      { kind: 'records', records },
      ttl,
      now,
      observer,
    );
  }

  /**
   * Caches a negative answer. RFC 2308 §5: its TTL is min(SOA TTL, SOA MINIMUM), then capped; with
   * no SOA it is not cached at all.
   */
  putNegative(
    name: Name,
    type: RRType,
    nxdomain: boolean,
    soa: ResourceRecord | undefined,
    now: number,
    observer?: CacheObserver,
  ): void {
    if (!soa || soa.data.kind !== 'SOA' || this.policy.maxNegativeTtl === 0) return;
    const ttl = Math.min(recordTtl(soa), soa.data.minimum, this.policy.maxNegativeTtl);
    const key = nxdomain ? `${name.key}|${NXDOMAIN_KEY}` : `${name.key}|${type}`;
    this.put(
      key,
      () => shortQuestion(name, type),
      { kind: 'negative', nxdomain, soa },
      ttl,
      now,
      observer,
    );
  }

  /**
   * A record of a fresh answer as the cache would hand it back later: its TTL no longer than the
   * cache keeps anything (unbound's cache-max-ttl applies to what it returns, not only to what it
   * stores; BIND and Knot Resolver give 86400 for a 172800 record too).
   */
  capRecord<R extends ResourceRecord>(rr: R): R {
    const ttl = Math.min(recordTtl(rr), this.policy.maxTtl);
    return ttl === rr.ttl ? rr : { ...rr, ttl };
  }

  /** The SOA of a fresh negative answer, its TTL within the negative maximum (when there is one). */
  capNegativeSoa(soa: ResourceRecord): ResourceRecord {
    const max = this.policy.maxNegativeTtl > 0 ? this.policy.maxNegativeTtl : this.policy.maxTtl;
    const ttl = Math.min(recordTtl(soa), max);
    return ttl === soa.ttl ? soa : { ...soa, ttl };
  }

  clone(): RecordCache {
    const copy = new RecordCache(this.name, this.policy);
    for (const [k, v] of this.entries) copy.entries.set(k, v);
    copy.order = this.order.slice(this.head);
    copy.seq = this.seq;
    return copy;
  }

  /** Removes the oldest live entry. */
  private evictOldest(): void {
    while (this.head < this.order.length) {
      const { key, seq } = this.order[this.head++]!;
      if (this.entries.get(key)?.seq === seq) {
        this.entries.delete(key);
        break;
      }
    }
    // Drop the consumed front now and then, so the queue stays within twice the live entries.
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }

  private put(
    key: string,
    label: () => string,
    value: CachedValue,
    ttl: number,
    now: number,
    observer?: CacheObserver,
  ): void {
    if (ttl <= 0) return;
    const seq = this.seq++;
    this.entries.set(key, { value, insertedAt: now, validUntil: now + ttl * 1000, seq });
    this.order.push({ key, seq });
    if (this.entries.size > this.policy.maxEntries) this.evictOldest();
    // Without eviction (expired entries are removed on lookup), stale items could pile up.
    if (this.order.length - this.head > 2 * this.entries.size + 1024) this.compact();
    this.emit(observer, now, 'insert', label, ttl, () => describe(value));
  }

  /** Rebuilds the queue from its live items, oldest first. */
  private compact(): void {
    this.order = this.order
      .slice(this.head)
      .filter(({ key, seq }) => this.entries.get(key)?.seq === seq);
    this.head = 0;
  }

  private fresh(key: string, now: number, expired: CachedValue[]): CacheHit | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now >= entry.validUntil) {
      this.entries.delete(key);
      expired.push(entry.value);
      return undefined;
    }
    const ttl = remaining(entry, now);
    return { value: aged(entry.value, ttl), ttl };
  }

  /** Keys and values are thunks: without an observer they are never built. */
  private emit(
    observer: CacheObserver | undefined,
    t: number,
    op: CacheOp,
    key: () => string,
    ttl?: number,
    value?: () => string,
  ): void {
    if (!observer) return;
    const event: CacheEvent = {
      kind: 'cache',
      t,
      lane: observer.lane,
      cache: this.name,
      op,
      key: key(),
    };
    if (ttl !== undefined) event.ttl = ttl;
    if (value !== undefined) event.value = value();
    observer.emit(event);
  }
}

/**
 * The trace events for a RecordCache lookup at `t`: an expiry for each entry found expired, then
 * the hit or the miss.
 */
export function lookupEvents(
  cache: RecordCache,
  lookup: CacheLookup,
  t: number,
  lane: string,
): CacheEvent[] {
  const event = (op: CacheOp): CacheEvent => ({
    kind: 'cache',
    t,
    lane,
    cache: cache.name,
    op,
    key: shortQuestion(lookup.name, lookup.type),
  });
  const events: CacheEvent[] = lookup.expired.map((value) => ({
    ...event('expire'),
    ttl: 0,
    value: describe(value),
  }));
  const hit = lookup.hit;
  events.push(hit ? { ...event('hit'), ttl: hit.ttl, value: describe(hit.value) } : event('miss'));
  return events;
}

/**
 * A record's TTL as an unsigned 32-bit number. RFC 2181 §8 had a TTL with the top bit set count
 * as zero (not cached); RFC 8767 §4 updates it: such values are "interpreted ... as being
 * positive, rather than 0", and capped (it suggests 7 days). The caller's min() with the cache's
 * maximum does the capping, so 0x80000000 is kept for maxTtl, not dropped.
 */
function recordTtl(rr: ResourceRecord): number {
  return rr.ttl >>> 0;
}

export interface NameServer {
  name: Name;
  addresses: string[];
}

export interface Delegation {
  zone: Name;
  servers: NameServer[];
}

/** What DelegationCache.closest found for a name. */
export interface DelegationLookup {
  qname: Name;
  /** The cuts found past their lifetime and dropped, deepest first. */
  expired: Delegation[];
  hit: { delegation: Delegation; ttl: number } | undefined;
}

interface DelegationEntry {
  delegation: Delegation;
  validUntil: number;
}

/** Zone cuts learned from referrals: zone → its name servers (hickory's `Name → NameServerPool`). */
export class DelegationCache {
  private readonly entries = new Map<string, DelegationEntry>();

  constructor(
    readonly name = 'delegations',
    readonly maxTtl = MAX_CACHE_TTL,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * The deepest cached zone cut at or above `qname`, walking up one label at a time (the root is
   * left to the root hints). Cuts found expired on the way are dropped and listed, as
   * RecordCache.get lists them; the caller reports the lookup with `delegationEvents`.
   */
  closest(qname: Name, now: number): DelegationLookup {
    const keys = qname.suffixKeys();
    const expired: Delegation[] = [];
    for (let n = qname.labelCount; n >= 1; n--) {
      const entry = this.entries.get(keys[n]!);
      if (!entry) continue;
      if (now >= entry.validUntil) {
        this.entries.delete(keys[n]!);
        expired.push(entry.delegation);
        continue;
      }
      const ttl = Math.ceil((entry.validUntil - now) / 1000);
      return { qname, expired, hit: { delegation: entry.delegation, ttl } };
    }
    return { qname, expired, hit: undefined };
  }

  put(delegation: Delegation, ttl: number, now: number, observer?: CacheObserver): void {
    const capped = Math.min(ttl, this.maxTtl);
    if (capped <= 0) return;
    this.entries.set(delegation.zone.key, { delegation, validUntil: now + capped * 1000 });
    this.emitEvent(
      observer,
      now,
      'insert',
      delegation.zone.toString(),
      capped,
      servers(delegation),
    );
  }

  clone(): DelegationCache {
    const copy = new DelegationCache(this.name, this.maxTtl);
    for (const [k, v] of this.entries) copy.entries.set(k, v);
    return copy;
  }

  private emitEvent(
    observer: CacheObserver | undefined,
    t: number,
    op: CacheOp,
    key: string,
    ttl?: number,
    value?: string,
  ): void {
    if (!observer) return;
    const event: CacheEvent = { kind: 'cache', t, lane: observer.lane, cache: this.name, op, key };
    if (ttl !== undefined) event.ttl = ttl;
    if (value !== undefined) event.value = value;
    observer.emit(event);
  }
}

function servers(d: Delegation): string {
  return d.servers
    .map((s) => (s.addresses.length ? `${s.name} (${s.addresses.join(', ')})` : `${s.name}`))
    .join(', ');
}

/**
 * The trace events for a DelegationCache lookup at `t`: an expiry for each cut found expired, then
 * the hit, or a miss for the name looked up.
 */
export function delegationEvents(
  cache: DelegationCache,
  lookup: DelegationLookup,
  t: number,
  lane: string,
): CacheEvent[] {
  const event = (op: CacheOp, key: string): CacheEvent => ({
    kind: 'cache',
    t,
    lane,
    cache: cache.name,
    op,
    key,
  });
  const events: CacheEvent[] = lookup.expired.map((d) => ({
    ...event('expire', d.zone.toString()),
    ttl: 0,
    value: servers(d),
  }));
  const hit = lookup.hit;
  events.push(
    hit
      ? {
          ...event('hit', hit.delegation.zone.toString()),
          ttl: hit.ttl,
          value: servers(hit.delegation),
        }
      : event('miss', lookup.qname.toString()),
  );
  return events;
}
