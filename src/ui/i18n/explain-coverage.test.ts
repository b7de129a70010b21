/**
 * Every message of every scenario and preset has an explanation written for it, in every language:
 * the Explain tab never falls back to "No explanation written yet". The runs are the app's own
 * (runScenario with the catalog's settings, one per preset) and the text is what the Explain tab
 * shows (writtenExplanation), so a message a new scenario adds fails here until it is explained.
 * The same holds for the states the state machines enter, which the diagram's pills explain.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, type ScenarioSettings } from '../../engine/scenarios/catalog';
import { runScenario } from '../../engine/scenarios/run-scenario';
import { indexTrace, type TraceView } from '../../store/trace-view';
import { writtenExplanation } from '../inspector/ExplainTab';
import { en as enFirstLoad, type Strings } from './en';
import { enDns } from './en-dns';
import { enKeys } from './en-keys';
import { enTls } from './en-tls';
import { enTls13 } from './en-tls13';
import { enFields } from './en-fields';
import { enReport } from './en-report';
import { enLab } from './en-lab';
import { wholeEnglish } from './index';
import { ko } from './ko';

const TABLES: readonly [string, Strings][] = [
  ['en', wholeEnglish(enFirstLoad, enLab, enDns, enKeys, enTls, enTls13, enFields, enReport)],
  ['ko', ko],
];

function runs(): { name: string; settings: ScenarioSettings }[] {
  return SCENARIOS.flatMap((s) =>
    (s.presets ?? [undefined]).map((preset) => {
      const settings = structuredClone(s.settings);
      if (preset !== undefined && settings.kind === 'lab') settings.preset = preset;
      return { name: preset ? `${s.id}/${preset}` : s.id, settings };
    }),
  );
}

describe('every message of every scenario and preset is explained', () => {
  const views: { name: string; view: TraceView }[] = [];
  beforeAll(async () => {
    for (const { name, settings } of runs()) {
      const outcome = await runScenario(settings);
      views.push({ name, view: indexTrace(outcome.trace, outcome.phases) });
    }
  }, 120_000);

  it('walks every preset and sees the TCP segments of the journey and the health checks', () => {
    expect(views.length).toBe(runs().length);
    const tcp = new Set(
      views.flatMap(({ view }) =>
        view.messages.filter((m) => m.protocol === 'tcp').map((m) => m.name),
      ),
    );
    expect([...tcp].sort()).toEqual(['ACK', 'FIN-ACK', 'RST', 'SYN', 'SYN-ACK']);
  });

  for (const [language, t] of TABLES) {
    it(`${language}: no message lacks an explanation, none keeps a placeholder`, () => {
      const missing: string[] = [];
      for (const { name, view } of views) {
        view.messages.forEach((m, step) => {
          const text = writtenExplanation(t, view, step);
          const where = `${name} #${step} ${m.name} (${m.from} → ${m.to})`;
          if (!text) missing.push(`${where}: none`);
          else if (/\{[\w|/@]+\}/.test(text)) missing.push(`${where}: ${text}`);
        });
      }
      expect([...new Set(missing)]).toEqual([]);
    });

    it(`${language}: every state a machine enters is explained (the pills and the inspector)`, () => {
      const states = new Set(
        views.flatMap(({ view }) =>
          view.trace.events.flatMap((e) => (e.kind === 'state' ? [e.to] : [])),
        ),
      );
      expect(states.size).toBeGreaterThan(10);
      expect([...states].filter((s) => !t.states[s])).toEqual([]);
    });
  }
});
