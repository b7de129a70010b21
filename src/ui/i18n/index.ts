/**
 * The language tables, the one function that fills in their placeholders, and how the page picks
 * its language (src/store/language.ts).
 *
 * Why typed tables rather than i18next: both tables are typed as `Strings`, so a missing UI key is
 * a compile error and tables.test.ts catches a missing dynamic key; i18next and react-i18next would
 * add about 19 KB of gzipped JavaScript to the first load (≤ 190 KB), for nothing
 * these tables do not already do (two languages, named placeholders, Korean particles below).
 */
import { LANGUAGE_CODES, isLanguage, type Language } from '../../store/language';
import { en, type Strings } from './en';
import type { enDns } from './en-dns';
import type { enFields } from './en-fields';
import type { enReport } from './en-report';
import type { enKeys } from './en-keys';
import type { enLab } from './en-lab';
import type { enTls } from './en-tls';
import type { enTls13 } from './en-tls13';
import { flattenSpans } from '../../engine/bytes/span';
import type { Trace } from '../../engine/trace';

export { LANGUAGE_CODES, isLanguage, type Language };
/**
 * How each table arrives. English is in the first load (the page draws in it), all but the parts
 * in ENGLISH_PARTS, which come with what shows them (`loadEnglishPart`); Korean is fetched when
 * the page starts in Korean or switches to it. All are prefetched after the first drawing, so a
 * page that has loaded switches language, opens the lab and shows DNS offline too.
 */
const LOADERS: Readonly<Record<Language, () => Promise<Strings>>> = {
  en: () => Promise.resolve(loaded.en),
  ko: () => import('./ko').then(({ ko }) => ko),
};

/** The parts of the English table that the first drawing of the default TLS handshake does not show. */
const ENGLISH_PARTS = {
  /** The lab panel and the Decode view (./en-lab.ts). */
  lab: () => import('./en-lab').then(({ enLab }) => enLab),
  /** DNS messages, fields, notes and response codes (./en-dns.ts). */
  dns: () => import('./en-dns').then(({ enDns }) => enDns),
  /** The key schedule, for the Keys tab (./en-keys.ts). */
  keys: () => import('./en-keys').then(({ enKeys }) => enKeys),
  /** The TLS engine's faults and the notes of failing handshakes (./en-tls.ts). */
  tls: () => import('./en-tls').then(({ enTls }) => enTls),
  /** TLS 1.3's messages and the TLS 1.3 engine's notes (./en-tls13.ts). */
  tls13: () => import('./en-tls13').then(({ enTls13 }) => enTls13),
  /** What each TLS and HTTP field is, for the field selected in Bytes or Fields (./en-fields.ts). */
  fields: () => import('./en-fields').then(({ enFields }) => enFields),
  /** The Export and share panel, and a `tls probe --json` report it imports (./en-report.ts). */
  report: () => import('./en-report').then(({ enReport }) => enReport),
};
export type EnglishPart = keyof typeof ENGLISH_PARTS;

/**
 * The tables the page has, filled in: what `stringsFor` returns. Until its parts have arrived,
 * English lacks them; what reads a part loads it first, or draws again when it arrives.
 */
const loaded: { en: Strings } & Partial<Record<Language, Strings>> = {
  // The sections that only a part fills are empty until it arrives: a lookup finds nothing.
  en: {
    ...en,
    dns: {},
    rcodes: {},
    secrets: {},
    secretTitles: {},
    spans: {},
    spanValues: {},
  } as unknown as Strings,
};
const pending: Partial<Record<Language, Promise<Strings>>> = {};

/**
 * A key still missing from a translation (a string added to en.ts in a change that has not reached
 * ko.ts yet) shows in English instead of breaking the page; the type check and the table test both
 * fail on it, so it does not stay missing.
 */
export function loadLanguage(language: Language): Promise<Strings> {
  const have = loaded[language];
  if (have) return Promise.resolve(have);
  pending[language] ??= LOADERS[language]().then((table) => {
    const filled = withFallback(table, loaded.en);
    loaded[language] = filled;
    return filled;
  });
  return pending[language];
}

const parts: Partial<Record<EnglishPart, Promise<void>>> = {};

/** Fetches a part of the English table and adds it (to Korean's fallback too); the page redraws. */
export function loadEnglishPart(part: EnglishPart): Promise<void> {
  parts[part] ??= ENGLISH_PARTS[part]().then(
    (table) => {
      loaded.en = withFallback(table as unknown as Strings, loaded.en);
      for (const language of LANGUAGE_CODES)
        if (language !== 'en' && loaded[language])
          loaded[language] = withFallback(loaded[language], loaded.en);
      tablesChanged();
    },
    (e: unknown) => {
      delete parts[part]; // offline now: the next use tries again
      throw e;
    },
  );
  return parts[part];
}

/**
 * Loads the parts of the English table that a trace about to be shown needs, so that none of its
 * lines is drawn before its text has arrived: the TLS part for a run that failed or that notes
 * anything the first load's table lacks (an alert other than close_notify, an error, a fault as a
 * note's reason), the TLS 1.3 part for TLS 1.3 messages and tls13.* notes, the DNS part for DNS
 * messages. The default handshake needs none of them and waits for nothing.
 */
export function loadEnglishFor(trace: Trace, ok: boolean): Promise<void> {
  const notes = loaded.en.notes;
  // The TLS engine's keys (tls.en.ts and the decode and certificate tables it holds).
  const unknown = (v: unknown) =>
    typeof v === 'string' && /^(tls|decode|cert)\./.test(v) && !(v in notes);
  let tls = !ok;
  let dns = false;
  let tls13 = false;
  const isTls13 = (v: unknown) => typeof v === 'string' && v.startsWith('tls13.');
  for (const e of trace.events) {
    if ((e.kind === 'message' && e.protocol === 'dns') || e.kind === 'cache') dns = true;
    else if (e.kind === 'message' && choseTls13(e)) tls13 = true;
    else if (e.kind === 'error') tls = true;
    else if (e.kind === 'alert' && (e.description !== 'close_notify' || unknown(e.reason)))
      tls = true;
    if (e.kind !== 'note') continue;
    if (isTls13(e.key)) tls13 = true;
    if (unknown(e.key) || Object.values(e.params ?? {}).some(unknown)) tls = true;
  }
  const wanted: Promise<void>[] = [];
  if (tls) wanted.push(loadEnglishPart('tls'));
  if (tls13) wanted.push(loadEnglishPart('tls13'));
  if (dns) wanted.push(loadEnglishPart('dns'));
  return Promise.all(wanted).then(() => undefined);
}

/**
 * A ServerHello (or HelloRetryRequest) that carries supported_versions chose TLS 1.3 (RFC 8446,
 * Section 4.2.1): the inspector then explains the run's messages from the TLS 1.3 part.
 */
function choseTls13(e: Extract<Trace['events'][number], { kind: 'message' }>): boolean {
  if (!/^ServerHello(?!Done)/.test(e.name)) return false;
  return flattenSpans([...e.spans, ...(e.decrypted?.spans ?? [])]).some(({ span }) =>
    span.explain?.startsWith('tls.ext.supported_versions'),
  );
}

/** The whole English table, `Strings`: en.ts with every part added. */
export function wholeEnglish(
  first: typeof en,
  ...added: (
    | typeof enLab
    | typeof enDns
    | typeof enKeys
    | typeof enTls
    | typeof enTls13
    | typeof enFields
    | typeof enReport
  )[]
): Strings {
  return added.reduce<Strings>(
    (table, part) => withFallback(part as unknown as Strings, table),
    first as Strings,
  );
}

/** The language's table if it has arrived, else English (the store sets a language once it has). */
export function stringsFor(language: Language): Strings {
  return loaded[language] ?? loaded.en;
}

let revision = 0;
const listeners = new Set<() => void>();

function tablesChanged(): void {
  revision++;
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore: a table gained text (the lab's), so what the page shows may change. */
export function subscribeTables(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}
export const tablesRevision = (): number => revision;

function withFallback<T>(table: T, fallback: T): T {
  if (typeof fallback !== 'object' || fallback === null) return table ?? fallback;
  const out: Record<string, unknown> = { ...(fallback as Record<string, unknown>) };
  for (const [key, value] of Object.entries(table as Record<string, unknown>)) {
    const base = (fallback as Record<string, unknown>)[key];
    out[key] =
      typeof value === 'object' && value !== null && typeof base === 'object' && base !== null
        ? withFallback(value, base)
        : value;
  }
  return out as T;
}
/** Each language's own name for itself: what the switch shows, whatever the current language. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', ko: '한국어' };
export type { Strings };

export { format, finalSound, startsWithVowelSound, translate } from '../../i18n/format';

/** Virtual milliseconds as people read them: "0", "20", "30,020". */
export function formatMs(ms: number): string {
  // Thousands separators by hand: toLocaleString builds an ICU formatter on every call, which
  // showed up in the first drawing's profile (one call per message label).
  const [sign, digits] = ms < 0 ? ['-', String(Math.round(-ms))] : ['', String(Math.round(ms))];
  return sign + digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** A lane's or a cache's name in the current language (the engine's name when not in the table). */
export function displayName(t: Strings, name: string): string {
  return t.names[name] ?? name;
}
