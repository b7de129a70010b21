/**
 * Shareable links: the URL's query holds the scenario, the settings that differ from its defaults,
 * the seed and the step, e.g. `?scenario=tls-full&seed=42&suite=0xcca8&step=8`; a lab scenario's
 * edited settings travel as JSON in `params`. The same seed gives the same bytes (the clock and RNG
 * are injected), so opening the link shows exactly what its sender saw.
 *
 * A link is user input (issue 7): it is bounded (MAX_LINK_CHARS), must be UTF-8, names each of its
 * parameters once, and every value is checked, lab settings field by field against their scenario's
 * schema (src/engine/scenarios/lab-settings.ts). A link that does not check out names its first
 * problem, and the page opens the default scenario with a notice instead.
 */
import type { InspectorTab } from '../../store/slices/selection';
import {
  DEFAULT_SCENARIO_ID,
  DEMO_SUITES,
  DNS_QUERY_TYPES,
  scenarioById,
  type ScenarioSettings,
  type SuiteChoice,
} from '../../engine/scenarios/catalog';
import type { checkLabSettings } from '../../engine/scenarios/lab-settings';
import { HEADER_SETTINGS_SCHEMAS } from '../../engine/scenarios/header-settings';
import type { SettingsFailure } from '../../engine/scenarios/settings-schema';

/**
 * The longest query a link may have, in characters as the address bar holds them (percent-escapes
 * counted as written). Common servers refuse request lines past 8 KiB (nginx's
 * large_client_header_buffers, Apache's LimitRequestLine 8190), and a link is also pasted into
 * chats and slides; every preset's settings take under 1,100 characters.
 */
export const MAX_LINK_CHARS = 8_000;

/** What `omitted` says: the sender's edited settings did not fit, so the link opens the preset. */
const OMITTED_PARAMS = 'params';

export interface LinkState {
  scenarioId: string;
  settings: ScenarioSettings;
  /** 0-based message index; the URL shows it 1-based, as the playback bar does. */
  step: number;
  /** The sender's edited lab settings were too long for a link: these are the preset's. */
  paramsOmitted?: true;
  /** The inspector's tab, when not the first one (Explain). */
  tab?: InspectorTab;
}

export type LinkProblem =
  | { kind: 'unknownScenario'; id: string }
  | { kind: 'badValue'; param: string; value: string }
  | { kind: 'tooLong'; length: number; max: number }
  | { kind: 'notUtf8'; param: string }
  | { kind: 'repeated'; param: string }
  /** A lab setting that its scenario cannot take; `field` is its path, e.g. "params.client.groups[1]". */
  | { kind: 'badSetting'; field: string; why: string };

/** Why a setting failed its check: the schema's words, or the key of the input limit it broke. */
const whyOf = (failed: SettingsFailure): string => failed.why ?? failed.limit.key;

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
  'omitted',
  'step',
  'tab',
] as const;

/** The inspector's tabs a link may open, by the names the URL uses. */
const TABS: readonly InspectorTab[] = ['explain', 'fields', 'bytes', 'keys', 'caches'];
const DEFAULT_TAB: InspectorTab = 'explain';

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
  const step = String(state.step + 1);
  // Edited settings too long for a link (a big zone file) are left out, and the link says so.
  if (params.has('params') && `?${params.toString()}&step=${step}`.length > MAX_LINK_CHARS) {
    params.delete('params');
    params.set('omitted', OMITTED_PARAMS);
  }
  params.set('step', step);
  if (state.tab && state.tab !== DEFAULT_TAB) params.set('tab', state.tab);
  return `?${params.toString()}`;
}

/** Whether a link (a URL or its query) left out edited settings that did not fit. */
export function linkOmitsParams(search: string): boolean {
  return new URLSearchParams(search).get('omitted') === OMITTED_PARAMS;
}

/**
 * The first parameter whose percent-escapes are not UTF-8 (URLSearchParams would quietly turn
 * them into U+FFFD, so a name or a zone file could change in transit without anyone noticing).
 */
function notUtf8(search: string): string | undefined {
  for (const part of search.replace(/^\?/, '').split('&')) {
    const [key = '', value = ''] = part.split('=', 2);
    for (const piece of [key, value]) {
      try {
        decodeURIComponent(piece.replace(/\+/g, ' '));
      } catch {
        return safeKey(key);
      }
    }
  }
  return undefined;
}

/** A parameter's name as a notice can show it, even when it is itself not UTF-8. */
function safeKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}

/** How a link's lab settings are checked: their scenario's schema, which comes with the lab. */
export type LabSettingsCheck = typeof checkLabSettings;

/** Whether a link carries edited lab settings, which need `LabSettingsCheck` to be read. */
export function linkHasLabSettings(search: string): boolean {
  return new URLSearchParams(search).has('params');
}

/**
 * Reads a link. No link parameters at all is `none`: the page opens as it always does. `checkLab`
 * is needed only when `linkHasLabSettings(search)`; without it such settings are refused.
 */
export function parseLink(search: string, checkLab?: LabSettingsCheck): LinkResult {
  // Bounded before anything is decoded or parsed.
  if (search.length > MAX_LINK_CHARS)
    return invalid({ kind: 'tooLong', length: search.length, max: MAX_LINK_CHARS });
  const broken = notUtf8(search);
  if (broken !== undefined) return invalid({ kind: 'notUtf8', param: broken });
  const q = new URLSearchParams(search);
  if (!LINK_PARAMS.some((p) => q.has(p))) return { kind: 'none' };
  // Two values for one parameter: which one the sender meant cannot be known.
  const repeated = LINK_PARAMS.find((p) => q.getAll(p).length > 1);
  if (repeated) return invalid({ kind: 'repeated', param: repeated });
  const bad = (param: string): LinkResult =>
    invalid({ kind: 'badValue', param, value: q.get(param) ?? '' });

  const id = q.get('scenario') ?? DEFAULT_SCENARIO_ID;
  const scenario = scenarioById(id);
  if (!scenario) return invalid({ kind: 'unknownScenario', id });
  const settings: ScenarioSettings = structuredClone(scenario.settings);

  const seed = q.get('seed');
  if (seed !== null) {
    if (!SEED.test(seed)) return bad('seed');
    settings.seed = seed;
  }
  let paramsOmitted = false;
  for (const param of ['host', 'suite', 'name', 'type', 'preset', 'params', 'omitted']) {
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
      if (!PRESET.test(value) || !scenario.presets?.includes(value)) return bad(param);
      settings.preset = value;
    } else if (settings.kind === 'lab' && param === 'params') {
      const checked = labParams(settings.lab, value, checkLab);
      if (!checked.ok) return checked.result;
      settings.params = checked.value;
    } else if (settings.kind === 'lab' && param === 'omitted') {
      if (value !== OMITTED_PARAMS || q.has('params')) return bad(param);
      paramsOmitted = true;
    } else {
      // A parameter that this scenario does not have: the link was edited or is for another one.
      return bad(param);
    }
  }
  // The header's settings, once put together, are held to their schema, as an imported file's are.
  if (settings.kind === 'tls' || settings.kind === 'dns') {
    const checked = HEADER_SETTINGS_SCHEMAS[settings.kind](settings, '');
    if (!checked.ok)
      return invalid({ kind: 'badSetting', field: checked.path, why: whyOf(checked) });
  }
  const step = q.get('step');
  if (step !== null && !STEP.test(step)) return bad('step');
  const tab = q.get('tab');
  const knownTab = TABS.find((t) => t === tab);
  if (tab !== null && !knownTab) return bad('tab');
  return {
    kind: 'ok',
    state: {
      scenarioId: id,
      settings,
      step: step ? Number(step) - 1 : 0,
      ...(paramsOmitted ? { paramsOmitted: true as const } : {}),
      ...(knownTab && knownTab !== DEFAULT_TAB ? { tab: knownTab } : {}),
    },
  };
}

function invalid(problem: LinkProblem): LinkResult {
  return { kind: 'invalid', problem };
}

/** A lab scenario's settings from a link's `params`: JSON, then checked field by field. */
function labParams(
  lab: string,
  json: string,
  checkLab: LabSettingsCheck | undefined,
): { ok: true; value: unknown } | { ok: false; result: LinkResult } {
  if (!checkLab)
    return {
      ok: false,
      result: invalid({ kind: 'badSetting', field: 'params', why: 'unchecked' }),
    };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, result: invalid({ kind: 'badSetting', field: 'params', why: 'not JSON' }) };
  }
  const checked = checkLab(lab, parsed);
  if (checked.ok) return { ok: true, value: checked.value };
  const field = checked.path ? `params.${checked.path}` : 'params';
  return { ok: false, result: invalid({ kind: 'badSetting', field, why: whyOf(checked) }) };
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
