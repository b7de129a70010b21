/**
 * The Trace as a versioned JSON file, for "Export trace" and "Import trace". Byte arrays are
 * written as `{ "$hex": "…" }` so the file stays readable and diffable. Reading checks every field
 * the UI relies on: a file that is not JSON, not a Wirestep trace, of another version or damaged
 * is refused with a reason, and nothing of the current run is touched.
 */
import { HEADER_SETTINGS_SCHEMAS } from './header-settings';
import { HexError, fromHex, toHex } from '../bytes/hex';
import { scenarioById, type DnsQueryType, type ScenarioSettings } from './catalog';
import { checkLabSettings, failureText } from './lab-settings';
import { JOURNEY_TEXT } from './journey/text';
import { DNS_LAB_TEXT } from './lab/dns/text';
import { LAB_TEXT } from './lab/text';
import type { Trace, TraceEvent } from '../trace';
import { settingsProblems } from './settings-problem';
import type { Phase } from './run-outcome';

export const TRACE_FORMAT = 'wirestep-trace';
/** Bump when the file's shape changes in a way an older reader would misread. */
export const TRACE_VERSION = 1;

export interface TraceFile {
  scenarioId: string;
  settings: ScenarioSettings;
  trace: Trace;
  phases: Phase[];
  /**
   * Set when no scenario made the trace: the CLI recorded a real connection or resolution
   * (`tls connect --trace FILE`, `dns resolve --trace FILE`). `scenarioId` and `settings` are then the
   * scenario whose views fit the trace (TLS or DNS), and the label says what really ran.
   */
  source?: TraceSource;
}

export interface TraceSource {
  kind: 'real';
  /** The command's target, e.g. "tls connect 127.0.0.1:8443". */
  label: string;
}

/** A label is one line the header shows; longer is a damaged file, not a target. */
const MAX_LABEL = 300;

/**
 * The file for a real run: the TLS or DNS scenario supplies the views, the label the origin. The
 * seed names no simulation: a real run has no seed to replay.
 */
export function realTraceFile(
  what: { kind: 'tls'; serverName: string } | { kind: 'dns'; name: string; type: DnsQueryType },
  label: string,
  trace: Trace,
): TraceFile {
  const settings: ScenarioSettings =
    what.kind === 'tls'
      ? { kind: 'tls', serverName: what.serverName, suite: 'all', seed: 'real' }
      : {
          kind: 'dns',
          name: what.name,
          type: what.type,
          seed: 'real',
          lookups: [{ afterSeconds: 0 }],
        };
  return {
    scenarioId: what.kind === 'tls' ? 'tls-full' : 'dns-cold',
    settings,
    trace,
    phases: [],
    source: { kind: 'real', label },
  };
}

export type TraceFileProblem =
  | { kind: 'notJson' }
  | { kind: 'wrongFormat' }
  | { kind: 'wrongVersion'; version: string }
  | { kind: 'damaged'; detail: string };

export type TraceFileResult =
  { ok: true; file: TraceFile } | { ok: false; problem: TraceFileProblem };

const HEX = '$hex';

export function traceToJson(file: TraceFile): string {
  return JSON.stringify(
    { format: TRACE_FORMAT, version: TRACE_VERSION, ...file },
    (_key, value: unknown) => (value instanceof Uint8Array ? { [HEX]: toHex(value) } : value),
    1,
  );
}

export function parseTraceJson(text: string): TraceFileResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text, (_key, value: unknown) => {
      if (isRecord(value) && typeof value[HEX] === 'string' && Object.keys(value).length === 1)
        return fromHex(value[HEX]);
      return value;
    });
  } catch (e) {
    if (e instanceof HexError) return damaged(e.message);
    return { ok: false, problem: { kind: 'notJson' } };
  }
  if (!isRecord(raw) || raw['format'] !== TRACE_FORMAT)
    return { ok: false, problem: { kind: 'wrongFormat' } };
  if (raw['version'] !== TRACE_VERSION)
    return { ok: false, problem: { kind: 'wrongVersion', version: String(raw['version']) } };
  try {
    return { ok: true, file: readFile(raw) };
  } catch (e) {
    if (e instanceof Invalid) return damaged(e.message);
    throw e;
  }
}

const damaged = (detail: string): TraceFileResult => ({
  ok: false,
  problem: { kind: 'damaged', detail },
});

// --- reading, field by field -------------------------------------------------------------------

class Invalid extends Error {}

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

function record(v: unknown, at: string): Json {
  if (!isRecord(v)) throw new Invalid(`${at} is not an object`);
  return v;
}
function array(v: unknown, at: string): unknown[] {
  if (!Array.isArray(v)) throw new Invalid(`${at} is not a list`);
  return v;
}
function string(v: unknown, at: string): string {
  if (typeof v !== 'string') throw new Invalid(`${at} is not text`);
  return v;
}
function number(v: unknown, at: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Invalid(`${at} is not a number`);
  return v;
}
function bytes(v: unknown, at: string): Uint8Array {
  if (!(v instanceof Uint8Array)) throw new Invalid(`${at} is not bytes`);
  return v;
}
function oneOf<T extends string>(v: unknown, options: readonly T[], at: string): T {
  if (!options.includes(v as T)) throw new Invalid(`${at} is not one of ${options.join(', ')}`);
  return v as T;
}

function readFile(raw: Json): TraceFile {
  const scenarioId = string(raw['scenarioId'], 'scenarioId');
  const settings = readSettings(scenarioId, record(raw['settings'], 'settings'));
  const trace = record(raw['trace'], 'trace');
  const lanes = array(trace['lanes'], 'trace.lanes').map((l, i) => string(l, `trace.lanes[${i}]`));
  const events = array(trace['events'], 'trace.events').map((e, i) =>
    readEvent(record(e, `trace.events[${i}]`), `trace.events[${i}]`),
  );
  if (!events.some((e) => e.kind === 'message')) throw new Invalid('the trace has no messages');
  const phases = array(raw['phases'] ?? [], 'phases').map((p, i) => {
    const phase = record(p, `phases[${i}]`);
    number(phase['eventIndex'], `phases[${i}].eventIndex`);
    number(phase['n'], `phases[${i}].n`);
    string(phase['kind'], `phases[${i}].kind`);
    return phase as unknown as Phase;
  });
  const file: TraceFile = { scenarioId, settings, trace: { lanes, events }, phases };
  if (raw['source'] !== undefined) {
    const source = record(raw['source'], 'source');
    oneOf(source['kind'], ['real'], 'source.kind');
    const label = string(source['label'], 'source.label');
    if (label.length === 0 || label.length > MAX_LABEL || /[\r\n]/.test(label))
      throw new Invalid(`source.label is not one line of 1 to ${MAX_LABEL} characters`);
    file.source = { kind: 'real', label };
  }
  return file;
}

/** Every lab scenario's preset ids, by scenario id. */
const PRESET_IDS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries({ ...LAB_TEXT, ...DNS_LAB_TEXT, 'journey-visit': JOURNEY_TEXT }).map(
    ([id, text]) => [id, Object.keys(text.presets)],
  ),
);

/**
 * The settings the trace was made with. They fill the header and the lab panel and are what a
 * rerun runs, so they are held to what those take: the scenario's kind, fields of the right types,
 * and values within the input limits (a file could ask for a billion connections).
 */
function readSettings(scenarioId: string, s: Json): ScenarioSettings {
  const scenario = scenarioById(scenarioId);
  if (!scenario) throw new Invalid(`scenarioId '${scenarioId.slice(0, 40)}' is not a scenario`);
  const kind = oneOf(s['kind'], [scenario.settings.kind], 'settings.kind');
  if (kind === 'tls' || kind === 'dns') {
    // The header's scenarios: their one schema (header-settings.ts), as a link is checked.
    const checked = HEADER_SETTINGS_SCHEMAS[kind](s, 'settings');
    if (!checked.ok)
      throw new Invalid(`${checked.path}: ${failureText(checked).replace(/\.$/, '')}`);
    return checked.value;
  } else {
    string(s['seed'], 'settings.seed');
    const lab = scenario.settings.kind === 'lab' ? scenario.settings.lab : '';
    oneOf(s['lab'], [lab], 'settings.lab');
    oneOf(s['preset'], PRESET_IDS[lab] ?? [], 'settings.preset');
    // A lab scenario's settings reach its editor and the engine: the same check as a link's.
    if (s['params'] !== undefined) {
      const checked = checkLabSettings(lab, s['params']);
      if (!checked.ok)
        throw new Invalid(
          `settings.params${checked.path ? `.${checked.path}` : ''}: ${failureText(checked)}`,
        );
      s['params'] = checked.value as Json;
    }
  }
  const settings = s as unknown as ScenarioSettings;
  const problems = Object.entries(settingsProblems(settings));
  if (problems.length > 0) {
    const [field, problem] = problems[0]!;
    throw new Invalid(`settings.${field}: ${problem.text.replace(/\.$/, '')}`);
  }
  return settings;
}

const EVENT_KINDS = ['message', 'state', 'secret', 'cache', 'alert', 'error', 'note'] as const;

function readEvent(e: Json, at: string): TraceEvent {
  const kind = oneOf(e['kind'], EVENT_KINDS, `${at}.kind`);
  number(e['t'], `${at}.t`);
  switch (kind) {
    case 'message':
      string(e['from'], `${at}.from`);
      string(e['to'], `${at}.to`);
      string(e['name'], `${at}.name`);
      if (e['label'] !== undefined) readLabel(e['label'], `${at}.label`);
      oneOf(e['protocol'], ['tls', 'dns', 'tcp', 'http'], `${at}.protocol`);
      checkSpans(array(e['spans'], `${at}.spans`), bytes(e['bytes'], `${at}.bytes`), `${at}.spans`);
      if (typeof e['encrypted'] !== 'boolean')
        throw new Invalid(`${at}.encrypted is not true or false`);
      if (e['decrypted'] !== undefined) {
        const d = record(e['decrypted'], `${at}.decrypted`);
        const plain = bytes(d['plaintext'], `${at}.decrypted.plaintext`);
        checkSpans(array(d['spans'], `${at}.decrypted.spans`), plain, `${at}.decrypted.spans`);
        bytes(d['nonce'], `${at}.decrypted.nonce`);
        bytes(d['aad'], `${at}.decrypted.aad`);
        string(d['innerName'], `${at}.decrypted.innerName`);
      }
      break;
    case 'state':
      for (const f of ['lane', 'machine', 'from', 'to']) string(e[f], `${at}.${f}`);
      break;
    case 'secret':
      string(e['lane'], `${at}.lane`);
      string(e['name'], `${at}.name`);
      string(e['explain'], `${at}.explain`);
      bytes(e['value'], `${at}.value`);
      array(e['inputs'], `${at}.inputs`).forEach((input, i) => {
        const r = record(input, `${at}.inputs[${i}]`);
        string(r['name'], `${at}.inputs[${i}].name`);
        if (typeof r['value'] !== 'string' && !(r['value'] instanceof Uint8Array))
          throw new Invalid(`${at}.inputs[${i}].value is neither text nor bytes`);
      });
      break;
    case 'cache':
      for (const f of ['lane', 'cache', 'key']) string(e[f], `${at}.${f}`);
      oneOf(e['op'], ['hit', 'miss', 'insert', 'expire'], `${at}.op`);
      break;
    case 'alert':
      for (const f of ['from', 'to', 'description', 'reason']) string(e[f], `${at}.${f}`);
      oneOf(e['level'], ['warning', 'fatal'], `${at}.level`);
      number(e['code'], `${at}.code`);
      break;
    case 'error':
      for (const f of ['lane', 'code', 'message']) string(e[f], `${at}.${f}`);
      break;
    case 'note':
      string(e['lane'], `${at}.lane`);
      string(e['key'], `${at}.key`);
      break;
  }
  return e as unknown as TraceEvent;
}

/** A message's name as a key: the page fills it in, so its parameters must be text or numbers. */
function readLabel(value: unknown, at: string): void {
  const label = record(value, at);
  string(label['key'], `${at}.key`);
  for (const [name, param] of Object.entries(record(label['params'], `${at}.params`)))
    if (typeof param !== 'string' && typeof param !== 'number')
      throw new Invalid(`${at}.params.${name} is neither text nor a number`);
}

/** Spans must name a field and lie inside the bytes they annotate, or the hex view would break. */
function checkSpans(spans: unknown[], over: Uint8Array, at: string): void {
  spans.forEach((s, i) => {
    const span = record(s, `${at}[${i}]`);
    string(span['name'], `${at}[${i}].name`);
    const offset = number(span['offset'], `${at}[${i}].offset`);
    const length = number(span['length'], `${at}[${i}].length`);
    if (offset < 0 || length < 0 || offset + length > over.length)
      throw new Invalid(`${at}[${i}] lies outside its ${over.length} bytes`);
    checkSpans(array(span['children'], `${at}[${i}].children`), over, `${at}[${i}].children`);
  });
}
