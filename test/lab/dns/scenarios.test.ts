/**
 * The DNS lab as data: every scenario has its text in the one table, every preset runs, draws only
 * on the lanes it declares, in time order, explains every note it adds, and gives the same bytes
 * for the same seed.
 */
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../src/engine/bytes';
import {
  DNS_LAB_LESSONS,
  DNS_LAB_NOTE_TEXT,
  DNS_LAB_SCENARIOS,
  DNS_LAB_TEXT,
  dnsLabScenarioById,
} from '../../../src/engine/scenarios/lab/dns';
import type { Trace } from '../../../src/engine/trace';

type AnyRun = (
  settings: unknown,
  seed: number | string,
) => Promise<{ trace: Trace; outcome: unknown }>;

const presets = DNS_LAB_SCENARIOS.flatMap((s) =>
  s.presets.map((p) => ({
    scenario: s.id,
    preset: p.id,
    settings: p.settings as unknown,
    run: s.run as AnyRun,
  })),
);

const wireBytes = (trace: Trace) =>
  trace.events.flatMap((e) => (e.kind === 'message' ? [`${e.name} ${toHex(e.bytes)}`] : []));

describe('the DNS lab catalogue', () => {
  it('takes every title and preset title from the text table, and each lesson from its own', () => {
    expect(DNS_LAB_SCENARIOS.map((s) => s.id)).toEqual(Object.keys(DNS_LAB_TEXT));
    for (const scenario of DNS_LAB_SCENARIOS) {
      const text = DNS_LAB_TEXT[scenario.id];
      expect(scenario.title).toBe(text.title);
      expect(scenario.lesson).toBe(DNS_LAB_LESSONS[scenario.id]);
      expect(scenario.presets.map((p) => p.id)).toEqual(Object.keys(text.presets));
      expect(scenario.presets.map((p) => p.title)).toEqual(Object.values(text.presets));
      expect(scenario.settings).toBe(scenario.presets[0]!.settings);
      expect(dnsLabScenarioById(scenario.id)).toBe(scenario);
    }
    expect(dnsLabScenarioById('lab-dns-nothing')).toBeUndefined();
  });

  it.each(presets)('$scenario / $preset: a well-formed trace', async ({ run, settings }) => {
    const { trace } = await run(settings, 3);
    for (let i = 1; i < trace.events.length; i++)
      expect(trace.events[i]!.t).toBeGreaterThanOrEqual(trace.events[i - 1]!.t);
    for (const e of trace.events) {
      if (e.kind === 'message') {
        expect(trace.lanes).toContain(e.from);
        expect(trace.lanes).toContain(e.to);
        expect(['dns', 'tcp']).toContain(e.protocol);
        expect(e.bytes.length).toBeGreaterThan(0);
      } else if (e.kind !== 'alert') {
        expect(trace.lanes).toContain(e.lane);
      }
      if (e.kind === 'note' && e.key.startsWith('lab.dns.')) {
        const text = DNS_LAB_NOTE_TEXT[e.key];
        expect(text, e.key).toBeDefined();
        for (const [, param] of text!.matchAll(/\{(\w+)\}/g))
          expect(e.params, `${e.key} needs {${param}}`).toHaveProperty(param!);
      }
    }
  });

  it.each(presets)(
    '$scenario / $preset: the same seed gives the same bytes',
    async ({ run, settings }) => {
      const a = await run(settings, 'repeat');
      const b = await run(settings, 'repeat');
      expect(wireBytes(b.trace)).toEqual(wireBytes(a.trace));
      expect(b.outcome).toEqual(a.outcome);
    },
  );

  it('another seed draws other query IDs', async () => {
    const scenario = dnsLabScenarioById('lab-dns-time-travel')!;
    const run = scenario.run as AnyRun;
    const a = await run(scenario.settings, 1);
    const b = await run(scenario.settings, 2);
    expect(wireBytes(b.trace)).not.toEqual(wireBytes(a.trace));
  });
});
