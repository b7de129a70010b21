/**
 * Time travel: which layer answers each lookup as the clock jumps, and what each cache has left.
 * The expected TTLs are worked out from the demo zone (www.example.com 300 s, delegations two days
 * capped to one) and the layers' policies (the browser keeps any answer 60 s).
 */
import { describe, expect, it } from 'vitest';
import { MAX_CACHE_TTL } from '../../../src/engine/dns/cache';
import { LATENCY_MS } from '../../../src/engine/dns/lookup';
import { BROWSER_CACHE_POLICY } from '../../../src/engine/dns/stub';
import {
  LookupSequence,
  LookupStepError,
  runTimeTravel,
  timeTravelScenario,
  type TimeTravelSettings,
} from '../../../src/engine/scenarios/lab/dns';

const preset = (id: string): TimeTravelSettings =>
  timeTravelScenario.presets.find((p) => p.id === id)!.settings;

/** Browser → OS (loopback) → recursive (access link), and back: the time a cold answer reaches each. */
const RECURSIVE_GOT_ANSWER_MS = 141;
const OS_GOT_ANSWER_MS = 151;
const BROWSER_GOT_ANSWER_MS = 152;

describe('time travel', () => {
  it('walks the layers: authoritative, browser, OS resolver, recursive, then the servers again', async () => {
    const { outcome } = await runTimeTravel(preset('layer-by-layer'), 1);
    expect(outcome.lookups.map((l) => l.answeredBy)).toEqual([
      'Authoritative servers',
      'Browser',
      'OS resolver',
      'Recursive resolver',
      'Authoritative servers',
      'Authoritative servers',
    ]);
    for (const l of outcome.lookups) {
      expect(l.rcode).toBe('NOERROR');
      expect(l.addresses).toEqual(['203.0.113.80']);
    }
  });

  it('counts every TTL down on the virtual clock, layer by layer', async () => {
    const { outcome } = await runTimeTravel(preset('layer-by-layer'), 1);
    const [cold, browser, os, recursive] = outcome.lookups;
    // The cold lookup leaves a fresh copy everywhere: 60 s in the browser, the record's 300 s
    // below it, and the delegations capped at one day.
    expect(cold!.caches).toEqual({
      browser: BROWSER_CACHE_POLICY.fixedTtl,
      os: 300,
      recursive: 300,
      delegations: [
        { zone: 'com.', ttl: MAX_CACHE_TTL },
        { zone: 'example.com.', ttl: MAX_CACHE_TTL },
      ],
    });
    // 20 s later the browser answers with what it has left.
    expect(browser!.startedAtMs).toBe(BROWSER_GOT_ANSWER_MS + 20_000);
    expect(browser!.cachesBefore.browser).toBe(40);
    expect(browser!.records).toEqual(['www.example.com. 40 IN A 203.0.113.80']);
    expect(browser!.messages).toBe(0);
    // Another 60 s: the browser's minute is over; the OS resolver's copy is 80 s older.
    expect(os!.cachesBefore.browser).toBeNull();
    expect(os!.cachesBefore.os).toBe(
      Math.ceil((OS_GOT_ANSWER_MS + 300_000 - os!.startedAtMs) / 1000),
    );
    expect(os!.records).toEqual([`www.example.com. ${os!.cachesBefore.os} IN A 203.0.113.80`]);
    expect(os!.queries).toEqual([]);
    // After a restart only the ISP's recursive resolver remembers.
    expect(recursive!.cachesBefore).toMatchObject({
      browser: null,
      os: null,
      recursive: Math.ceil((RECURSIVE_GOT_ANSWER_MS + 300_000 - recursive!.startedAtMs) / 1000),
    });
    expect(recursive!.queries).toEqual([]);
    expect(recursive!.messages).toBe(4);
  });

  it('after the answer expires, the delegations take the resolver straight to example.com', async () => {
    const { outcome } = await runTimeTravel(preset('layer-by-layer'), 1);
    const expired = outcome.lookups[4]!;
    expect(expired.cachesBefore.recursive).toBeNull();
    expect(expired.cachesBefore.os).toBeNull();
    expect(expired.cachesBefore.delegations.every((d) => d.ttl !== null && d.ttl > 0)).toBe(true);
    expect(expired.queries.map((q) => [q.lane, q.server])).toEqual([
      ['Authoritative', 'ns1.example.com.'],
    ]);
    // A day later the delegations have gone too: the walk starts at the root again.
    const nextDay = outcome.lookups[5]!;
    expect(nextDay.cachesBefore.delegations).toEqual([
      { zone: 'com.', ttl: null },
      { zone: 'example.com.', ttl: null },
    ]);
    expect(nextDay.queries.map((q) => q.lane)).toEqual(['Root', 'TLD', 'Authoritative']);
  });

  it('the browser keeps a 30-second record for its full minute', async () => {
    const { outcome } = await runTimeTravel(preset('short-ttl'), 1);
    const [cold, later, after] = outcome.lookups;
    expect(cold!.records).toEqual(['edge.example.com. 30 IN A 203.0.113.90']);
    expect(later!.answeredBy).toBe('Browser');
    // 40 s on, the OS resolver's and the recursive resolver's copies have expired; the browser's has not.
    expect(later!.cachesBefore).toMatchObject({ browser: 20, os: null, recursive: null });
    expect(after!.answeredBy).toBe('Authoritative servers');
  });

  it('a new name in a known zone skips the root and the TLD', async () => {
    const { outcome } = await runTimeTravel(preset('same-zone'), 1);
    const mail = outcome.lookups[1]!;
    expect(mail.addresses).toEqual(['203.0.113.25']);
    expect(mail.queries.map((q) => q.lane)).toEqual(['Authoritative']);
    // Browser→OS, OS→recursive, one server round trip, and back: six messages, not ten.
    expect(mail.messages).toBe(6);
    expect(mail.finishedAtMs - mail.startedAtMs).toBe(
      2 * (LATENCY_MS.loopback + LATENCY_MS.access + LATENCY_MS.authoritative),
    );
  });

  it('draws the jumps and the restart as notes on the Browser lane', async () => {
    const { trace } = await runTimeTravel(preset('layer-by-layer'), 1);
    const notes = trace.events.flatMap((e) =>
      e.kind === 'note' && e.key.startsWith('lab.dns.')
        ? [`${e.key} ${e.params?.seconds ?? ''}`]
        : [],
    );
    expect(notes).toEqual([
      'lab.dns.note.time_passed 20',
      'lab.dns.note.time_passed 60',
      'lab.dns.note.time_passed 10',
      'lab.dns.note.computer_restarted ',
      'lab.dns.note.time_passed 301',
      'lab.dns.note.time_passed 86400',
    ]);
  });
});

describe('a step back in time', () => {
  it('is refused with a typed error', async () => {
    const sequence = new LookupSequence({ seed: 1 });
    await expect(sequence.step({ name: 'www.example.com', afterSeconds: -5 })).rejects.toThrow(
      LookupStepError,
    );
  });
});
