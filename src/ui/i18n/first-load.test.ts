/**
 * The first load's English table (en.ts without its parts) must word everything the first
 * drawing shows, and a run that needs more must bring its part before it is shown
 * (`loadEnglishFor`, which the store awaits).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_ID, scenarioById } from '../../engine/scenarios/catalog';
import { runScenario } from '../../engine/scenarios/run-scenario';
import { indexTrace } from '../../store/trace-view';
import { eventLine } from '../inspector/event-text';
import { en } from './en';
import { loadEnglishFor, stringsFor, type Strings } from './index';

async function defaultRun(serverName?: string, versions?: '1.2' | '1.3') {
  const scenario = scenarioById(DEFAULT_SCENARIO_ID)!;
  const settings = structuredClone(scenario.settings);
  if (serverName && settings.kind === 'tls') settings.serverName = serverName;
  if (versions && settings.kind === 'tls') settings.versions = versions;
  return runScenario(settings);
}

/** The lines of a trace's notes, alerts and errors that the table cannot word. */
function unworded(t: Strings, trace: Awaited<ReturnType<typeof defaultRun>>['trace']): string[] {
  return indexTrace(trace)
    .trace.events.map((e) => eventLine(t, e)?.text)
    .filter((text): text is string => !!text && /\b(tls|decode|cert)\.[a-z_.]+/.test(text));
}

describe('the first load’s English', () => {
  it('words every note of the default handshake without a part', async () => {
    const outcome = await defaultRun();
    expect(outcome.ok).toBe(true);
    expect(unworded(en as unknown as Strings, outcome.trace)).toEqual([]);
  });

  it('lacks TLS 1.3’s texts until loadEnglishFor brings them', async () => {
    const outcome = await defaultRun(undefined, '1.3');
    expect(outcome.ok).toBe(true);
    // The inspector explains a TLS 1.3 run's messages by "TLS 1.3 <name>" (tls13MessageExplainKey).
    const names = outcome.trace.events.flatMap((e) =>
      e.kind === 'message' ? [`TLS 1.3 ${e.name.split(' ')[0]}`] : [],
    );
    expect(names).toContain('TLS 1.3 ServerHello');
    expect(names.filter((name) => name in en.messages)).toEqual([]);
    const notes = outcome.trace.events.flatMap((e) =>
      e.kind === 'note' && e.key.startsWith('tls13.') ? [e.key] : [],
    );
    expect(notes).toContain('tls13.client.server_hello');
    expect(notes.filter((key) => key in en.notes)).toEqual([]);
    await loadEnglishFor(outcome.trace, outcome.ok);
    const t = stringsFor('en');
    expect(names.filter((name) => name in t.messages)).toContain('TLS 1.3 ServerHello');
    expect(notes.filter((key) => !(key in t.notes))).toEqual([]);
    expect(unworded(t, outcome.trace)).toEqual([]);
  });

  it('lacks a failed handshake’s fault until loadEnglishFor brings it', async () => {
    const outcome = await defaultRun('wrong.example.net');
    expect(outcome.ok).toBe(false);
    expect(unworded(stringsFor('en'), outcome.trace)).not.toEqual([]);
    await loadEnglishFor(outcome.trace, outcome.ok);
    expect(unworded(stringsFor('en'), outcome.trace)).toEqual([]);
    expect(
      indexTrace(outcome.trace).trace.events.some((e) => e.kind === 'alert' && e.level === 'fatal'),
    ).toBe(true);
  });
});
