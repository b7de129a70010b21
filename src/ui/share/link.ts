/**
 * Shareable links: the URL's query holds the scenario, the settings that differ from its defaults,
 * the seed and the step, e.g. `?scenario=tls-full&seed=42&suite=0xcca8&step=8`. The same seed
 * gives the same bytes (DESIGN.md, Determinism), so opening the link shows exactly what its sender
 * saw. Every value is checked; a link that does not check out names its first problem, and the
 * page opens the default scenario with a notice instead.
 */
import {
  DEFAULT_SCENARIO_ID,
  DEMO_SUITES,
  DNS_QUERY_TYPES,
  scenarioById,
  type ScenarioSettings,
  type SuiteChoice,
} from '../../engine/scenarios/catalog';

export interface LinkState {
  scenarioId: string;
  settings: ScenarioSettings;
  /** 0-based message index; the URL shows it 1-based, as the playback bar does. */
  step: number;
}

export type LinkProblem =
  { kind: 'unknownScenario'; id: string } | { kind: 'badValue'; param: string; value: string };

export type LinkResult =
  { kind: 'none' } | { kind: 'ok'; state: LinkState } | { kind: 'invalid'; problem: LinkProblem };

/** The query parameters a link owns; others (speed, theme, motion) are left to the page. */
export const LINK_PARAMS = [
  'scenario',
  'seed',
  'host',
  'suite',
  'name',
  'type',
  'preset',
  'params',
  'step',
] as const;

const SEED = /^[\x21-\x7e]{1,64}$/;
/** A host name (RFC 1123, Section 2.1), with an optional final dot; DNS names may use "_". */
const HOST =
  /^(?=.{1,253}\.?$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i;
const PRESET = /^[\w-]{1,64}$/;
const STEP = /^[1-9]\d{0,5}$/;

const hex4 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

/** The query string for a state: only what differs from the scenario's defaults, plus the seed. */
export function linkSearch(state: LinkState): string {
  const params = new URLSearchParams({ scenario: state.scenarioId });
  const defaults = scenarioById(state.scenarioId)?.settings;
  const s = state.settings;
  params.set('seed', s.seed);
  if (s.kind === 'tls' && defaults?.kind === 'tls') {
    if (s.serverName !== defaults.serverName) params.set('host', s.serverName);
    if (s.suite !== defaults.suite) params.set('suite', s.suite === 'all' ? 'all' : hex4(s.suite));
  }
  if (s.kind === 'dns' && defaults?.kind === 'dns') {
    if (s.name !== defaults.name) params.set('name', s.name);
    if (s.type !== defaults.type) params.set('type', s.type);
  }
  if (s.kind === 'lab' && defaults?.kind === 'lab') {
    if (s.preset !== defaults.preset) params.set('preset', s.preset);
    if (s.params !== undefined) params.set('params', JSON.stringify(s.params));
  }
  params.set('step', String(state.step + 1));
  return `?${params.toString()}`;
}

/** Reads a link. No link parameters at all is `none`: the page opens as it always does. */
export function parseLink(search: string): LinkResult {
  const q = new URLSearchParams(search);
  if (!LINK_PARAMS.some((p) => q.has(p))) return { kind: 'none' };
  const bad = (param: string): LinkResult => ({
    kind: 'invalid',
    problem: { kind: 'badValue', param, value: q.get(param) ?? '' },
  });

  const id = q.get('scenario') ?? DEFAULT_SCENARIO_ID;
  const scenario = scenarioById(id);
  if (!scenario) return { kind: 'invalid', problem: { kind: 'unknownScenario', id } };
  const settings: ScenarioSettings = structuredClone(scenario.settings);

  const seed = q.get('seed');
  if (seed !== null) {
    if (!SEED.test(seed)) return bad('seed');
    settings.seed = seed;
  }
  for (const param of ['host', 'suite', 'name', 'type', 'preset', 'params']) {
    const value = q.get(param);
    if (value === null) continue;
    if (settings.kind === 'tls' && param === 'host') {
      if (!HOST.test(value)) return bad(param);
      settings.serverName = value;
    } else if (settings.kind === 'tls' && param === 'suite') {
      const suite = parseSuite(value);
      if (suite === undefined) return bad(param);
      settings.suite = suite;
    } else if (settings.kind === 'dns' && param === 'name') {
      if (!HOST.test(value)) return bad(param);
      settings.name = value;
    } else if (settings.kind === 'dns' && param === 'type') {
      const type = DNS_QUERY_TYPES.find((t) => t === value.toUpperCase());
      if (!type) return bad(param);
      settings.type = type;
    } else if (settings.kind === 'lab' && param === 'preset') {
      if (!PRESET.test(value)) return bad(param);
      settings.preset = value;
    } else if (settings.kind === 'lab' && param === 'params') {
      try {
        const parsed: unknown = JSON.parse(value);
        if (typeof parsed !== 'object' || parsed === null) return bad(param);
        settings.params = parsed;
      } catch {
        return bad(param);
      }
    } else {
      // A parameter that this scenario does not have: the link was edited or is for another one.
      return bad(param);
    }
  }
  const step = q.get('step');
  if (step !== null && !STEP.test(step)) return bad('step');
  return { kind: 'ok', state: { scenarioId: id, settings, step: step ? Number(step) - 1 : 0 } };
}

function parseSuite(value: string): SuiteChoice | undefined {
  if (value === 'all') return 'all';
  const n = /^0x[0-9a-f]{4}$/i.test(value)
    ? parseInt(value, 16)
    : /^\d+$/.test(value)
      ? Number(value)
      : NaN;
  return DEMO_SUITES.find((s) => s === n);
}

/** The URL with the link's parameters replaced and the others (speed, theme, …) kept. */
export function withLink(href: string, state: LinkState): string {
  const url = new URL(href);
  const rest = new URLSearchParams(url.search);
  for (const p of LINK_PARAMS) rest.delete(p);
  const link = new URLSearchParams(linkSearch(state));
  for (const [k, v] of rest) link.set(k, v);
  url.search = link.toString();
  url.hash = '';
  return url.toString();
}
