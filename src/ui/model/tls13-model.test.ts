/**
 * The inspector's TLS 1.3 view models on the catalog's own runs: which connection a message
 * belongs to (its explanation depends on it), and the Keys tab's schedules, one per version.
 */
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../engine/scenarios/catalog';
import { runScenario } from '../../engine/scenarios/run-scenario';
import { indexTrace, type TraceView } from '../../store/trace-view';
import { writtenExplanation } from '../inspector/ExplainTab';
import { en as enFirstLoad } from '../i18n/en';
import { enDns } from '../i18n/en-dns';
import { enKeys } from '../i18n/en-keys';
import { enTls13 } from '../i18n/en-tls13';
import { enLab } from '../i18n/en-lab';
import { wholeEnglish } from '../i18n/index';
import { KEY_SCHEDULE, KEY_SCHEDULE_TLS13, keySchedulesAt } from './keys';
import { tlsVersionAt } from './message';

const en = wholeEnglish(enFirstLoad, enLab, enDns, enKeys, enTls13);

async function view(id: string): Promise<TraceView> {
  const outcome = await runScenario(scenarioById(id)!.settings);
  expect(outcome.ok).toBe(true);
  return indexTrace(outcome.trace, outcome.phases);
}

describe('TLS 1.3 in the inspector', () => {
  it('explains a message by the version its own connection chose', async () => {
    const v = await view('tls-versions-compare');
    const finished = (lane: string) =>
      v.messages.findIndex((m) => m.name === 'Finished' && m.from === lane);
    const f12 = finished('Client (TLS 1.2)');
    const f13 = finished('Client (TLS 1.3)');
    expect([tlsVersionAt(v, f12), tlsVersionAt(v, f13)]).toEqual(['tls12', 'tls13']);
    expect(writtenExplanation(en, v, f12)).toBe(en.messages['Finished']);
    expect(writtenExplanation(en, v, f13)).toBe(en.messages['TLS 1.3 Finished']);
  });

  it('a HelloRetryRequest marks its connection TLS 1.3 from the first ClientHello on', async () => {
    const v = await view('tls13-hello-retry');
    expect(v.messages[1]!.name).toBe('HelloRetryRequest');
    expect(v.messages.map((_, i) => tlsVersionAt(v, i)).every((x) => x === 'tls13')).toBe(true);
  });

  it('side by side, the Keys tab holds both schedules, each complete at the end', async () => {
    const v = await view('tls-versions-compare');
    const [s12, s13] = keySchedulesAt(v, v.messages.length - 1);
    expect(s12!.version).toBe('1.2');
    expect(s12!.known.map((k) => k.name)).toEqual([...KEY_SCHEDULE]);
    expect(s13!.version).toBe('1.3');
    expect(s13!.pending).toEqual([]);
    const order = s13!.known.map((k) => KEY_SCHEDULE_TLS13.indexOf(k.name as never));
    expect(order.every((i, n) => i >= 0 && (n === 0 || i > order[n - 1]!))).toBe(true);
    // Both lanes of the TLS 1.3 connection derived the same master secret.
    expect(s13!.known.find((k) => k.name === 'master_secret')!.lanes.sort()).toEqual([
      'Client (TLS 1.3)',
      'Server (TLS 1.3)',
    ]);
    // At the start nothing is known, and the 1.3 schedule lists what is to come.
    const [, first13] = keySchedulesAt(v, 0);
    expect(first13!.known).toEqual([]);
    expect(first13!.pending).toContain('handshake_secret');
  });
});
