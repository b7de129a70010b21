import { describe, expect, it } from 'vitest';
import type { CacheEvent } from '../trace';
import {
  DelegationCache,
  MAX_CACHE_TTL,
  MAX_NEGATIVE_CACHE_TTL,
  RecordCache,
  delegationEvents,
  lookupEvents,
  type CacheObserver,
  type CachePolicy,
} from './cache';
import { Name } from './name';
import { RRClass, RRType, type ResourceRecord } from './types';
import { BROWSER_CACHE_POLICY, OS_CACHE_POLICY } from './stub';

const T0 = 1_000_000;
const n = Name.parse;
const a = (name: string, ttl: number, address = '192.0.2.1'): ResourceRecord => ({
  name: n(name),
  type: RRType.A,
  class: RRClass.IN,
  ttl,
  data: { kind: 'A', address },
});
const soa = (ttl: number, minimum: number): ResourceRecord => ({
  name: n('example.com'),
  type: RRType.SOA,
  class: RRClass.IN,
  ttl,
  data: {
    kind: 'SOA',
    mname: n('ns1.example.com'),
    rname: n('h.example.com'),
    serial: 1,
    refresh: 2,
    retry: 3,
    expire: 4,
    minimum,
  },
});
const RECURSIVE: CachePolicy = {
  maxTtl: MAX_CACHE_TTL,
  maxNegativeTtl: MAX_NEGATIVE_CACHE_TTL,
  maxEntries: 100,
};

function observed(): { observer: CacheObserver; events: CacheEvent[] } {
  const events: CacheEvent[] = [];
  return { observer: { lane: 'Recursive resolver', emit: (e) => events.push(e) }, events };
}

describe('RecordCache', () => {
  it('counts TTLs down on the clock it is given and expires them', () => {
    const cache = new RecordCache('response cache', RECURSIVE);
    const { observer, events } = observed();
    cache.putRecords(n('www.example.com'), RRType.A, [a('www.example.com', 300)], T0, observer);
    const found = cache.get(n('www.example.com'), RRType.A, T0 + 100_000);
    lookupEvents(cache, found, T0 + 100_000, observer.lane).forEach((e) => observer.emit(e));
    const hit = found.hit;
    expect(hit?.ttl).toBe(200);
    expect(hit?.value.kind === 'records' && hit.value.records[0]!.ttl).toBe(200);
    expect(cache.get(n('WWW.example.com'), RRType.A, T0 + 299_999).hit?.ttl).toBe(1);
    expect(events).toHaveLength(2); // looking reports nothing by itself
    const gone = cache.get(n('www.example.com'), RRType.A, T0 + 300_000);
    expect(gone.hit).toBeUndefined();
    expect(gone.expired).toHaveLength(1);
    expect(cache.size).toBe(0);
    lookupEvents(cache, gone, T0 + 300_000, observer.lane).forEach((e) => observer.emit(e));
    expect(events.map((e) => [e.op, e.key, e.ttl, e.t])).toEqual([
      ['insert', 'www.example.com A', 300, T0],
      ['hit', 'www.example.com A', 200, T0 + 100_000],
      ['expire', 'www.example.com A', 0, T0 + 300_000],
      ['miss', 'www.example.com A', undefined, T0 + 300_000],
    ]);
    expect(events[0]).toMatchObject({
      kind: 'cache',
      lane: 'Recursive resolver',
      cache: 'response cache',
      value: 'A 192.0.2.1',
    });
  });

  it('uses the smallest TTL of an RRset and caps it at 86400 s (Unbound cache-max-ttl)', () => {
    const cache = new RecordCache('c', RECURSIVE);
    cache.putRecords(n('x.test'), RRType.A, [a('x.test', 600), a('x.test', 120, '192.0.2.2')], T0);
    expect(cache.get(n('x.test'), RRType.A, T0).hit?.ttl).toBe(120);
    cache.putRecords(n('y.test'), RRType.A, [a('y.test', 172800)], T0);
    expect(cache.get(n('y.test'), RRType.A, T0).hit?.ttl).toBe(86400);
    // RFC 8767 §4 (updating RFC 2181 §8): a TTL with the top bit set is positive, so capped.
    cache.putRecords(n('z.test'), RRType.A, [a('z.test', 0x80000000)], T0);
    expect(cache.peek(n('z.test'), RRType.A, T0)?.ttl).toBe(86400);
  });

  it('keeps negative answers for min(SOA TTL, MINIMUM), capped at 3600 s (RFC 2308 §5)', () => {
    const cache = new RecordCache('c', RECURSIVE);
    cache.putNegative(n('a.example.com'), RRType.A, true, soa(3600, 300), T0);
    cache.putNegative(n('b.example.com'), RRType.A, false, soa(60, 300), T0);
    cache.putNegative(n('c.example.com'), RRType.A, true, soa(86400, 86400), T0);
    cache.putNegative(n('d.example.com'), RRType.A, true, undefined, T0);
    expect(cache.get(n('a.example.com'), RRType.A, T0).hit?.ttl).toBe(300);
    expect(cache.get(n('b.example.com'), RRType.A, T0).hit?.ttl).toBe(60);
    expect(cache.get(n('c.example.com'), RRType.A, T0).hit?.ttl).toBe(3600);
    expect(cache.get(n('d.example.com'), RRType.A, T0).hit).toBeUndefined(); // no SOA, no caching
    // NXDOMAIN covers every type of the name; NODATA only its own type.
    expect(cache.get(n('a.example.com'), RRType.MX, T0).hit?.value).toMatchObject({
      kind: 'negative',
      nxdomain: true,
    });
    expect(cache.get(n('b.example.com'), RRType.MX, T0).hit).toBeUndefined();
    const aged = cache.get(n('a.example.com'), RRType.A, T0 + 100_000).hit!.value;
    expect(aged.kind === 'negative' && aged.soa?.ttl).toBe(200);
  });

  it('applies each layer’s policy: a fixed 60 s in the browser, 2 h cap in the OS', () => {
    const browser = new RecordCache('browser', BROWSER_CACHE_POLICY);
    browser.putRecords(n('x.test'), RRType.A, [a('x.test', 30)], T0);
    expect(browser.get(n('x.test'), RRType.A, T0 + 45_000).hit?.ttl).toBe(15);
    browser.putNegative(n('y.test'), RRType.A, true, soa(3600, 300), T0);
    expect(browser.get(n('y.test'), RRType.A, T0).hit).toBeUndefined();
    const os = new RecordCache('os', OS_CACHE_POLICY);
    os.putRecords(n('x.test'), RRType.A, [a('x.test', 86400)], T0);
    expect(os.get(n('x.test'), RRType.A, T0).hit?.ttl).toBe(7200);
  });

  it('evicts the oldest entry beyond its size, and finds entries without scanning', () => {
    const cache = new RecordCache('c', { ...RECURSIVE, maxEntries: 3 });
    for (const host of ['a', 'b', 'c', 'd'])
      cache.putRecords(n(`${host}.test`), RRType.A, [a(`${host}.test`, 60)], T0);
    expect(cache.size).toBe(3);
    expect(cache.peek(n('a.test'), RRType.A, T0)).toBeUndefined();
    expect(cache.peek(n('d.test'), RRType.A, T0)?.ttl).toBe(60);
  });

  it('counts a record put again as new, and keeps evicting in order after thousands of puts', () => {
    const cache = new RecordCache('c', { ...RECURSIVE, maxEntries: 3 });
    const put = (host: string) =>
      cache.putRecords(n(`${host}.test`), RRType.A, [a(`${host}.test`, 60)], T0);
    for (const host of ['a', 'b', 'c', 'a', 'd']) put(host);
    // b was the oldest once a was put again.
    expect(cache.peek(n('b.test'), RRType.A, T0)).toBeUndefined();
    expect(cache.peek(n('a.test'), RRType.A, T0)?.ttl).toBe(60);
    for (let i = 0; i < 5000; i++) put(`h${i}`);
    expect(cache.size).toBe(3);
    expect(
      ['h4997', 'h4998', 'h4999'].map((h) => cache.peek(n(`${h}.test`), RRType.A, T0)?.ttl),
    ).toEqual([60, 60, 60]);
    expect(cache.peek(n('h4996.test'), RRType.A, T0)).toBeUndefined();
  });

  it('clones independently', () => {
    const cache = new RecordCache('c', RECURSIVE);
    cache.putRecords(n('x.test'), RRType.A, [a('x.test', 60)], T0);
    const copy = cache.clone();
    copy.putRecords(n('y.test'), RRType.A, [a('y.test', 60)], T0);
    expect(cache.size).toBe(1);
    expect(copy.size).toBe(2);
  });
});

describe('DelegationCache', () => {
  const servers = [{ name: n('ns1.example.com'), addresses: ['203.0.113.10'] }];

  it('returns the deepest cached cut and expires it on the clock', () => {
    const cache = new DelegationCache();
    const { observer, events } = observed();
    cache.put({ zone: n('com'), servers }, 172800, T0, observer);
    cache.put({ zone: n('example.com'), servers }, 3600, T0, observer);
    const look = (name: string, t: number) => {
      const found = cache.closest(n(name), t);
      delegationEvents(cache, found, t, observer.lane).forEach((e) => observer.emit(e));
      return found.hit?.delegation.zone.toString();
    };
    expect(look('www.example.com', T0 + 1000)).toBe('example.com.');
    expect(look('www.example.org', T0)).toBeUndefined();
    expect(look('www.example.com', T0 + 3_600_000)).toBe('com.');
    expect(events.map((e) => `${e.op} ${e.key} ${e.ttl ?? ''}`)).toEqual([
      'insert com. 86400', // capped at MAX_CACHE_TTL
      'insert example.com. 3600',
      'hit example.com. 3599',
      'miss www.example.org. ',
      'expire example.com. 0',
      'hit com. 82800',
    ]);
  });

  it('looks without writing the trace', () => {
    const cache = new DelegationCache();
    cache.put({ zone: n('example.com'), servers }, 60, T0);
    const { observer, events } = observed();
    const expired = cache.closest(n('www.example.com'), T0 + 60_000);
    expect(events).toEqual([]);
    expect(expired.expired.map((d) => d.zone.toString())).toEqual(['example.com.']);
    expect(cache.closest(n('www.example.com'), T0 + 60_000).expired).toEqual([]);
    expect(delegationEvents(cache, expired, T0 + 60_000, observer.lane).map((e) => e.op)).toEqual([
      'expire',
      'miss',
    ]);
  });
});
