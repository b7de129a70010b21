/**
 * The failure cases as scenarios: negative answers and their caching (RFC 2308), servers that are
 * down or lame, poisoning attempts that fail (and one that succeeds, on the path), and a CNAME
 * loop. Every rcode and address here comes out of the real resolver.
 */
import { describe, expect, it } from 'vitest';
import { MAX_NEGATIVE_CACHE_TTL } from '../../../src/engine/dns/cache';
import { LATENCY_MS } from '../../../src/engine/dns/lookup';
import { QUERY_TIMEOUT_MS } from '../../../src/engine/dns/resolver';
import {
  ATTACKER_ADDRESS,
  ATTACKER_LANE,
  brokenServersScenario,
  cnameScenario,
  negativeScenario,
  poisoningScenario,
  runBrokenServers,
  runCname,
  runNegative,
  runPoisoning,
} from '../../../src/engine/scenarios/lab/dns';
import type { MessageEvent } from '../../../src/engine/trace';

const settingsOf = <S>(scenario: { presets: { id: string; settings: S }[] }, id: string): S =>
  scenario.presets.find((p) => p.id === id)!.settings;

describe('NXDOMAIN and negative caching', () => {
  it('answers the second lookup from the OS resolver’s negative cache', async () => {
    const { outcome } = await runNegative(settingsOf(negativeScenario, 'nxdomain'), 1);
    expect(outcome.first).toMatchObject({
      rcode: 'NXDOMAIN',
      result: 'nxdomain',
      answeredBy: 'Authoritative servers',
    });
    expect(outcome.again).toMatchObject({ rcode: 'NXDOMAIN', answeredBy: 'OS resolver' });
    expect(outcome.again.queries).toEqual([]);
    expect(outcome.again.messages).toBe(2);
  });

  it('keeps the negative answer for min(SOA TTL, SOA MINIMUM); the browser not at all', async () => {
    const { outcome } = await runNegative(settingsOf(negativeScenario, 'nxdomain'), 1);
    // example.com: $TTL 1h on the SOA, MINIMUM 5m.
    expect(outcome.soa).toEqual({
      zone: 'example.com.',
      ttlInZone: 3600,
      minimum: 300,
      ttlSent: 300,
    });
    const negativeTtl = Math.min(outcome.soa!.ttlInZone, outcome.soa!.minimum);
    expect(outcome.cachedFor).toEqual({ browser: null, os: negativeTtl, recursive: negativeTtl });
    expect(outcome.again.cachesBefore.os).toBe(negativeTtl - 10);
  });

  it('takes the SOA’s own TTL when it is the smaller one (com.: TTL 900, MINIMUM 86400)', async () => {
    const { outcome } = await runNegative(
      { name: 'no-such-name.com', type: 'A', again: { type: 'A', afterSeconds: 10 } },
      1,
    );
    expect(outcome.first.rcode).toBe('NXDOMAIN');
    expect(outcome.soa).toMatchObject({ zone: 'com.', ttlInZone: 900, minimum: 86400 });
    expect(outcome.cachedFor.recursive).toBe(900);
    expect(outcome.cachedFor.recursive).toBeLessThanOrEqual(MAX_NEGATIVE_CACHE_TTL);
  });

  it('an NXDOMAIN covers every type of the name (RFC 2308, Section 5)', async () => {
    const { outcome } = await runNegative(settingsOf(negativeScenario, 'nxdomain-other-type'), 1);
    expect(outcome.again).toMatchObject({
      type: 'AAAA',
      rcode: 'NXDOMAIN',
      answeredBy: 'OS resolver',
    });
  });

  it('after the negative TTL the servers are asked again', async () => {
    const { outcome } = await runNegative(settingsOf(negativeScenario, 'negative-expired'), 1);
    expect(outcome.again.rcode).toBe('NXDOMAIN');
    expect(outcome.again.cachesBefore).toMatchObject({ os: null, recursive: null });
    expect(outcome.again.queries.map((q) => q.server)).toEqual(['ns1.example.com.']);
  });
});

describe('NODATA', () => {
  it('is NOERROR with no answer, cached negatively for that type only', async () => {
    const { outcome } = await runNegative(settingsOf(negativeScenario, 'nodata'), 1);
    expect(outcome.first).toMatchObject({ rcode: 'NOERROR', result: 'nodata', records: [] });
    expect(outcome.again).toMatchObject({ result: 'nodata', answeredBy: 'OS resolver' });
    expect(outcome.cachedFor.recursive).toBe(300);
    // The name itself exists: its A record is still looked up and found.
    const { outcome: a } = await runNegative(
      { name: 'mail.example.com', type: 'AAAA', again: { type: 'A', afterSeconds: 10 } },
      1,
    );
    expect(a.again).toMatchObject({ result: 'answer', addresses: ['203.0.113.25'] });
    expect(a.again.answeredBy).toBe('Authoritative servers');
  });
});

describe('servers that fail', () => {
  it('a down server: the resolver waits for its timeout, then asks the sibling', async () => {
    const { outcome } = await runBrokenServers(settingsOf(brokenServersScenario, 'down-server'), 1);
    expect(outcome.failed).toEqual([
      {
        server: 'ns1.down.test.',
        address: '192.0.2.70',
        why: 'timeout',
        waitedMs: QUERY_TIMEOUT_MS,
      },
    ]);
    expect(outcome.answeredBy).toEqual({ server: 'ns2.down.test.', address: '192.0.2.71' });
    expect(outcome.lookup).toMatchObject({ rcode: 'NOERROR', addresses: ['192.0.2.72'] });
    const lost = outcome.lookup.queries.find((q) => q.address === '192.0.2.70');
    expect(lost?.reply).toBeNull();
    expect(outcome.lookup.finishedAtMs).toBeGreaterThan(QUERY_TIMEOUT_MS);
  });

  it('a lame delegation: REFUSED, and the next server at once', async () => {
    const { outcome } = await runBrokenServers(
      settingsOf(brokenServersScenario, 'lame-delegation'),
      1,
    );
    expect(outcome.failed).toEqual([
      { server: 'ns1.lame.test.', address: '192.0.2.60', why: 'REFUSED' },
    ]);
    expect(outcome.answeredBy).toEqual({ server: 'ns2.lame.test.', address: '192.0.2.61' });
    expect(outcome.lookup.addresses).toEqual(['192.0.2.62']);
    expect(outcome.lookup.finishedAtMs).toBeLessThan(QUERY_TIMEOUT_MS);
  });

  it('every server failing ends in SERVFAIL', async () => {
    const { outcome } = await runBrokenServers(
      settingsOf(brokenServersScenario, 'every-server-fails'),
      1,
    );
    expect(outcome.lookup).toMatchObject({ rcode: 'SERVFAIL', result: 'servfail', addresses: [] });
    expect(outcome.allServersFailed).toBe(true);
    expect(outcome.answeredBy).toBeNull();
  });
});

describe('poisoning attempts', () => {
  it('out-of-bailiwick records are refused and never cached', async () => {
    const { outcome } = await runPoisoning(settingsOf(poisoningScenario, 'out-of-bailiwick'), 1);
    expect(outcome.refused).toEqual([
      {
        record: 'example.com. 86400 IN NS ns1.poison.test.',
        section: 'authority',
        zone: 'poison.test.',
      },
      {
        record: `www.example.com. 86400 IN A ${ATTACKER_ADDRESS}`,
        section: 'additional',
        zone: 'poison.test.',
      },
      {
        record: `ns1.example.com. 86400 IN A ${ATTACKER_ADDRESS}`,
        section: 'additional',
        zone: 'poison.test.',
      },
    ]);
    expect(outcome.cachedAfterAttack).toBeNull();
    expect(outcome.delegationAfterAttack).toBeNull();
    // The real lookup walks the tree from the root and gets the real address.
    const real = outcome.lookups[1]!;
    expect(real.queries.map((q) => q.lane)).toEqual(['Root', 'TLD', 'Authoritative']);
    expect(outcome.browserGot).toEqual(['203.0.113.80']);
    expect(outcome.poisoned).toBe(false);
  });

  it('forged responses with guessed IDs arrive first, are dropped, and the real one is taken', async () => {
    const { trace, outcome } = await runPoisoning(
      settingsOf(poisoningScenario, 'off-path-forgery'),
      1,
    );
    expect(outcome.forgeries).toHaveLength(3);
    for (const f of outcome.forgeries) {
      expect(f.id).not.toBe(f.queryId);
      expect(f.fate).toBe('dropped');
    }
    const messages = trace.events.filter((e): e is MessageEvent => e.kind === 'message');
    const forged = messages.filter((m) => m.from === ATTACKER_LANE);
    expect(forged).toHaveLength(3);
    const real = messages.find(
      (m) => m.from === 'Authoritative' && m.name === 'Response www.example.com A NOERROR',
    )!;
    // Every forgery came before the real answer, which came from the server that was asked.
    for (const f of forged) expect(f.t).toBeLessThan(real.t);
    expect((real.decoded as { server: { address: string } }).server.address).toBe('203.0.113.10');
    expect(outcome.lookups[0]!.queries.map((q) => q.address)).not.toContain('203.0.113.11');
    expect(outcome.cachedAfterAttack).toEqual(['203.0.113.80']);
    expect(outcome.browserGot).toEqual(['203.0.113.80']);
    expect(outcome.poisoned).toBe(false);
  });

  it('a forgery that would land after the real answer is never read', async () => {
    const { trace, outcome } = await runPoisoning(
      { attack: 'forged-response', forgeries: 20, attackerSeesQuery: false },
      1,
    );
    const real = trace.events.find(
      (e): e is MessageEvent =>
        e.kind === 'message' &&
        e.from === 'Authoritative' &&
        e.name === 'Response www.example.com A NOERROR',
    )!;
    const realArrivedAtMs = real.t + LATENCY_MS.authoritative - trace.events[0]!.t;
    for (const f of outcome.forgeries)
      expect(f.fate).toBe(f.arrivedAtMs < realArrivedAtMs ? 'dropped' : 'too late');
    expect(outcome.forgeries.filter((f) => f.fate === 'too late').length).toBeGreaterThan(0);
    expect(outcome.poisoned).toBe(false);
  });

  it('an attacker who reads the query ID poisons the cache', async () => {
    const { outcome } = await runPoisoning(settingsOf(poisoningScenario, 'on-path-forgery'), 1);
    expect(outcome.forgeries).toEqual([
      expect.objectContaining({ fate: 'accepted', id: outcome.forgeries[0]!.queryId }),
    ]);
    expect(outcome.cachedAfterAttack).toEqual([ATTACKER_ADDRESS]);
    expect(outcome.browserGot).toEqual([ATTACKER_ADDRESS]);
    expect(outcome.poisoned).toBe(true);
  });
});

describe('CNAME loops', () => {
  it('two names that alias each other end in SERVFAIL', async () => {
    const { outcome } = await runCname(settingsOf(cnameScenario, 'loop'), 1);
    expect(outcome.lookup).toMatchObject({ rcode: 'SERVFAIL', result: 'servfail' });
    expect(outcome.chain).toEqual(['www.ping.test.', 'www.pong.test.', 'www.ping.test.']);
    expect(outcome.loopAt).toBe('www.ping.test.');
  });

  it('a chain across three zones ends in an address', async () => {
    const { outcome } = await runCname(settingsOf(cnameScenario, 'chain'), 1);
    expect(outcome.lookup.rcode).toBe('NOERROR');
    expect(outcome.chain).toEqual(['www.example.org.', 'cdn.example.net.', 'edge.example.com.']);
    expect(outcome.lookup.addresses).toEqual(['203.0.113.90']);
    expect(outcome.loopAt).toBeNull();
  });
});
