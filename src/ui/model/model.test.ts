/** The inspector's view models, on real engine runs: caches over time, the key schedule, DNS kinds. */
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { runDnsLookup } from '../../engine/dns';
import { runTlsExchange } from '../../engine/scenarios/tls-run';
import type { Trace } from '../../engine/trace';
import { cachesAt } from './caches';
import { keyScheduleAt, KEY_SCHEDULE } from './keys';
import { classifyDns, messageExplainKey } from './message';
import type { Phase } from '../../engine/scenarios/run-outcome';
import { eventLimit, indexTrace, statesAt, stepOfEvent } from '../../store/trace-view';
import { en as enFirstLoad } from '../i18n/en';
import { enDns } from '../i18n/en-dns';
import { enKeys } from '../i18n/en-keys';
import { enTls } from '../i18n/en-tls';
import { enTls13 } from '../i18n/en-tls13';
import { enFields } from '../i18n/en-fields';
import { enReport } from '../i18n/en-report';
import { enLab } from '../i18n/en-lab';
import { wholeEnglish } from '../i18n/index';

/** The whole English table: what the page has once every part of it has loaded. */
const en = wholeEnglish(enFirstLoad, enLab, enDns, enKeys, enTls, enTls13, enFields, enReport);

async function warmTrace(afterSeconds: number): Promise<{ trace: Trace; phases: Phase[] }> {
  const first = await runDnsLookup({ name: 'www.example.com', type: 'A', seed: '1' });
  const start = first.trace.events[0]!.t;
  const second = await runDnsLookup({
    name: 'www.example.com',
    type: 'A',
    seed: '1',
    state: first.state,
    at: start + afterSeconds * 1000,
  });
  return {
    trace: { lanes: first.trace.lanes, events: [...first.trace.events, ...second.trace.events] },
    phases: [
      { eventIndex: 0, kind: 'lookup', n: 1 },
      { eventIndex: first.trace.events.length, kind: 'lookup', n: 2 },
    ],
  };
}

describe('trace view', () => {
  it('knows, at each step, the events logged up to the next message', async () => {
    const { trace } = await runTlsExchange({ seed: '1' });
    const view = indexTrace(trace);
    expect(view.protocol).toBe('tls');
    expect(view.messages).toHaveLength(15);
    expect(eventLimit(view, 0)).toBe(view.messageEvents[1]);
    expect(eventLimit(view, 14)).toBe(trace.events.length);
    view.messageEvents.forEach((at, k) => expect(stepOfEvent(view, at)).toBe(k));
    expect(stepOfEvent(view, 0)).toBe(-1);
    // Once ClientHello is sent the client waits for ServerHello; once the server's flight is in,
    // the client has walked through it (Certificate, ServerKeyExchange) to ServerHelloDone.
    expect(statesAt(view, 0).get('Client')).toBe('ExpectServerHello');
    expect(statesAt(view, 4).get('Client')).toBe('ExpectServerHelloDone');
    expect(statesAt(view, 14).get('Client')).toBe('Closed');
  });
});

describe('cachesAt', () => {
  it('fills every layer on a cold lookup and counts the TTL down on the virtual clock', async () => {
    const { trace, phases } = await warmTrace(90);
    const view = indexTrace(trace, phases);
    const firstLookupEnd = view.messages.findIndex((m, i) => i > 0 && m.to === 'Browser');
    const cold = cachesAt(view, firstLookupEnd);
    const byLayer = Object.fromEntries(cold.map((l) => [`${l.lane}/${l.cache}`, l]));
    expect(byLayer['Recursive resolver/delegation cache']!.rows.map((r) => r.key)).toEqual([
      'com.',
      'example.com.',
    ]);
    expect(byLayer['OS resolver/OS resolver cache']!.rows).toEqual([
      { key: 'www.example.com A', ttlLeft: 300, value: 'A 203.0.113.80' },
    ]);
    expect(byLayer['Browser/browser host cache']!.rows).toEqual([
      { key: 'www.example.com A', ttlLeft: 60, value: 'A 203.0.113.80' },
    ]);

    // 90 s later the OS resolver answers from its cache with 210 s left; the browser's copy (60 s) expired.
    const last = view.messages.length - 1;
    expect(view.messages[last]!.from).toBe('OS resolver');
    const warm = Object.fromEntries(cachesAt(view, last).map((l) => [`${l.lane}/${l.cache}`, l]));
    const os = warm['OS resolver/OS resolver cache']!;
    expect(os.hits).toBe(1);
    expect(os.rows[0]!.ttlLeft).toBeGreaterThanOrEqual(210);
    expect(os.rows[0]!.ttlLeft).toBeLessThanOrEqual(211);
    // When lookup 2 starts, the browser's copy has expired; it caches the answer again at the end.
    const queryAgain = Object.fromEntries(
      cachesAt(view, last - 1).map((l) => [`${l.lane}/${l.cache}`, l]),
    );
    expect(queryAgain['Browser/browser host cache']!.rows).toEqual([]);
    expect(warm['Browser/browser host cache']!.rows).toEqual([
      { key: 'www.example.com A', ttlLeft: 60, value: 'A 203.0.113.80' },
    ]);
    expect(classifyDns(view, last).kind).toBe('answerFromCache');
  });
});

describe('cachesAt past a TTL', () => {
  it('marks an entry whose TTL has run out as expired, not as 0 s left', async () => {
    // An hour and a minute later (dns-expired): when the browser asks again, the recursive
    // resolver's copy (300 s) has not been looked up yet, so no expiry event has dropped it.
    const { trace, phases } = await warmTrace(3_660);
    const view = indexTrace(trace, phases);
    const again = view.messages.findIndex((m) => m.t - view.t0 >= 3_660_000);
    expect(view.messages[again]!.from).toBe('Browser');
    const layers = Object.fromEntries(
      cachesAt(view, again).map((l) => [`${l.lane}/${l.cache}`, l]),
    );
    expect(layers['Recursive resolver/response cache']!.rows).toEqual([
      { key: 'www.example.com A', expired: true, value: 'A 203.0.113.80' },
    ]);
    // The delegations live a day: still counting down.
    const delegations = layers['Recursive resolver/delegation cache']!.rows;
    expect(delegations.every((r) => !r.expired && r.ttlLeft! > 80_000)).toBe(true);
  });
});

describe('classifyDns', () => {
  it('tells stub queries, iterative queries, referrals and authoritative answers apart', async () => {
    const { trace } = await runDnsLookup({ name: 'www.example.com', type: 'A', seed: '1' });
    const view = indexTrace(trace);
    const kinds = view.messages.map((m, i) => [m.from, m.to, classifyDns(view, i).kind]);
    expect(kinds).toEqual([
      ['Browser', 'OS resolver', 'queryStub'],
      ['OS resolver', 'Recursive resolver', 'queryStub'],
      ['Recursive resolver', 'Root', 'queryIterative'],
      ['Root', 'Recursive resolver', 'referral'],
      ['Recursive resolver', 'TLD', 'queryIterative'],
      ['TLD', 'Recursive resolver', 'referral'],
      ['Recursive resolver', 'Authoritative', 'queryIterative'],
      ['Authoritative', 'Recursive resolver', 'answerAuthoritative'],
      ['Recursive resolver', 'OS resolver', 'answer'],
      ['OS resolver', 'Browser', 'answer'],
    ]);
    expect(classifyDns(view, 0).params).toMatchObject({ name: 'www.example.com', type: 'A' });
  });

  it('recognises NXDOMAIN', async () => {
    const { trace } = await runDnsLookup({ name: 'nope.example.com', type: 'A', seed: '1' });
    const view = indexTrace(trace);
    expect(classifyDns(view, view.messages.length - 1).kind).toBe('nxdomain');
  });
});

describe('keyScheduleAt', () => {
  it('reveals the key schedule as the handshake gets to it, and names who knows each value', async () => {
    const { trace } = await runTlsExchange({ seed: '1' });
    const view = indexTrace(trace);
    const step = (name: string) => view.messages.findIndex((m) => m.name === name);
    expect(keyScheduleAt(view, step('ServerHello')).known).toEqual([]);
    const afterCke = keyScheduleAt(view, step('ClientKeyExchange'));
    expect(afterCke.known.map((k) => k.name)).toEqual([
      'pre_master_secret',
      'master_secret',
      'key_block',
      'client_write_key',
      'server_write_key',
      'client_write_IV',
      'server_write_IV',
    ]);
    expect(afterCke.known.find((k) => k.name === 'master_secret')!.explain).toBe(
      'secret.master.ems',
    );
    expect(afterCke.split).toEqual([
      { name: 'client_write_key', offset: 0, length: 16 },
      { name: 'server_write_key', offset: 16, length: 16 },
      { name: 'client_write_IV', offset: 32, length: 4 },
      { name: 'server_write_IV', offset: 36, length: 4 },
    ]);
    const end = keyScheduleAt(view, view.messages.length - 1);
    expect(end.pending).toEqual([]);
    expect(end.known.map((k) => k.name)).toEqual([...KEY_SCHEDULE]);
    expect(end.known.find((k) => k.name === 'master_secret')!.lanes).toEqual(['Client', 'Server']);
  });
});

describe('language table', () => {
  it('explains every TLS message the engine sends and every secret it derives', async () => {
    const { trace } = await runTlsExchange({ seed: '1' });
    // With a CertificateRequest, and the client's empty Certificate that answers it.
    const clientAuth = await runTlsExchange({
      seed: '1',
      server: (c) => (c.requestClientCertificate = true),
    });
    for (const e of [...trace.events, ...clientAuth.trace.events]) {
      if (e.kind === 'message')
        expect(messageExplainKey(e.name, en.messages), e.name).toBeDefined();
      if (e.kind === 'secret') expect(en.secrets[e.explain], e.explain).toBeDefined();
      if (e.kind === 'note') expect(en.notes[e.key], e.key).toBeDefined();
    }
  });
});
