import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { SCENARIOS, scenarioById, type ScenarioSettings } from '../engine/scenarios/catalog';
import { canRun, settingsProblems } from '../engine/scenarios/settings-problem';
import { createAppStore } from './store';

const settingsOf = (id: string) => structuredClone(scenarioById(id)!.settings);
/** Each field's problem as the engine words it. */
const problems = (s: ScenarioSettings) =>
  Object.fromEntries(Object.entries(settingsProblems(s)).map(([f, p]) => [f, p.text]));

describe('settings a run refuses', () => {
  it('every scenario in the catalog can run as it is', () => {
    for (const s of SCENARIOS) expect(problems(s.settings), s.id).toEqual({});
  });

  it('names each header field that is over a limit, by field', () => {
    const tls = settingsOf('tls-full');
    if (tls.kind !== 'tls') throw new Error('tls-full is a TLS scenario');
    tls.serverName = 'x'.repeat(300);
    tls.seed = '';
    expect(problems(tls)).toEqual({
      serverName: expect.stringMatching(/^Not a usable name: label 'x{20}…' is 300 octets/),
      seed: 'Enter a seed, such as 42.',
    });
    expect(canRun(problems(tls))).toBe(false);

    const dns = settingsOf('dns-cold');
    if (dns.kind !== 'dns') throw new Error('dns-cold is a DNS scenario');
    dns.name = '<img src=x onerror=alert(1)>';
    expect(Object.keys(problems(dns))).toEqual(['name']);
    expect(problems(dns).name).toMatch(/^Character 5 is a space/);
  });

  it('holds the settings without a box (from a file or a link) to their limits too', () => {
    const tls = settingsOf('tls-full');
    if (tls.kind !== 'tls') throw new Error('tls-full is a TLS scenario');
    tls.connections = 1e9;
    expect(problems(tls)).toEqual({
      params: 'A run makes 1 to 20 connections, not 1000000000.',
    });
    const dns = settingsOf('dns-warm');
    if (dns.kind !== 'dns') throw new Error('dns-warm is a DNS scenario');
    dns.lookups = [{ afterSeconds: 0 }, { afterSeconds: -5 }];
    expect(problems(dns).params).toMatch(/^Time only moves forward/);
    dns.lookups = Array(31).fill({ afterSeconds: 0 });
    expect(problems(dns).params).toBe('31 lookups is too many; the limit is 30.');
    const lab = settingsOf('lab-dns-gslb-failover');
    if (lab.kind !== 'lab') throw new Error('a lab scenario');
    lab.params = { hello: 1 };
    expect(problems(lab).params).toBe(
      'These settings cannot be used: settings.hello: not a setting of this scenario.',
    );
  });
});

describe('the store’s run()', () => {
  it('does not run refused settings, and the last good run stays', async () => {
    const store = createAppStore();
    await store.getState().run();
    const before = store.getState();
    expect(before.status).toBe('done');
    expect(before.view?.messages.length).toBeGreaterThan(0);

    store.getState().updateTls({ serverName: 'www.example.com.' });
    await store.getState().run();
    store.getState().updateTls({ serverName: 'www.example.com', seed: 'x'.repeat(65) });
    await store.getState().run();
    const after = store.getState();
    expect(after.runId).toBe(before.runId);
    expect(after.status).toBe('done');
    expect(after.view).toBe(before.view);

    // Fixed, it runs again.
    store.getState().updateTls({ seed: '2' });
    await store.getState().run();
    expect(store.getState().runId).toBe(before.runId + 1);
    expect(store.getState().view).not.toBe(before.view);
  });
});
