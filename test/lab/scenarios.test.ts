/**
 * The TLS lab as data: every scenario has its text from the one table, presets that match it, and
 * runs that the same seed reproduces byte for byte.
 */
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import {
  LAB_LESSONS,
  LAB_SCENARIOS,
  LAB_TEXT,
  labScenarioById,
} from '../../src/engine/scenarios/lab';
import type { LabRun } from '../../src/engine/scenarios/lab/types';
import type { Trace } from '../../src/engine/trace';

/** Every message of a trace, as lanes and hex bytes. */
function wire(trace: Trace): string[] {
  return trace.events.flatMap((e) =>
    e.kind === 'message'
      ? [`${e.from}>${e.to} ${e.name} ${Buffer.from(e.bytes).toString('hex')}`]
      : [],
  );
}

/** Runs a scenario whatever its settings type; each scenario's own tests check its outcome. */
function runAny(id: string, settings: unknown, seed: number | string): Promise<LabRun<unknown>> {
  const scenario = labScenarioById(id)!;
  return (scenario.run as (s: unknown, seed: number | string) => Promise<LabRun<unknown>>)(
    settings,
    seed,
  );
}

describe('the TLS lab catalog', () => {
  it('lists one scenario for each entry of the text table, in its order', () => {
    expect(LAB_SCENARIOS.map((s) => s.id)).toEqual(Object.keys(LAB_TEXT));
    expect(labScenarioById('lab-tls-mitm')?.title).toBe('Man in the middle');
    expect(labScenarioById('tls-full')).toBeUndefined();
  });

  it.each(LAB_SCENARIOS.map((s) => [s.id, s] as const))(
    '%s: title and presets come from the text table, the one-paragraph lesson from its own',
    (id, scenario) => {
      const text = LAB_TEXT[id];
      expect(scenario.title).toBe(text.title);
      expect(scenario.lesson).toBe(LAB_LESSONS[id]);
      expect(scenario.lesson).not.toContain('\n');
      expect(scenario.lesson.length).toBeGreaterThan(200);
      expect(scenario.presets.map((p) => [p.id, p.title])).toEqual(Object.entries(text.presets));
      expect(scenario.settings).toBe(scenario.presets[0]!.settings);
    },
  );

  it.each(LAB_SCENARIOS.map((s) => [s.id, s.settings] as const))(
    '%s: the same seed gives the same bytes, another seed other bytes',
    async (id, settings) => {
      const a = await runAny(id, settings, 'lab seed');
      const b = await runAny(id, settings, 'lab seed');
      const c = await runAny(id, settings, 'another lab seed');
      expect(wire(a.trace).length).toBeGreaterThan(2);
      expect(wire(b.trace)).toEqual(wire(a.trace));
      expect(wire(c.trace)).not.toEqual(wire(a.trace));
      expect(JSON.stringify(b.outcome, hexBytes)).toBe(JSON.stringify(a.outcome, hexBytes));
    },
  );
});

function hexBytes(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value;
}
