/**
 * The language tables, the one function that fills in their placeholders, and how the page picks
 * its language (./language.ts).
 *
 * Why typed tables rather than i18next: both tables are typed as `Strings`, so a missing UI key is
 * a compile error and tables.test.ts catches a missing dynamic key; i18next and react-i18next would
 * add about 19 KB of gzipped JavaScript to a bundle already over its 250 KB budget, for nothing
 * these tables do not already do (two languages, named placeholders, Korean particles below).
 */
import { en, type Strings } from './en';
import { ko } from './ko';

export type Language = 'en' | 'ko';
/** The tables as written; tables.test.ts checks that each has every key, none empty. */
export const TABLES: Readonly<Record<Language, Strings>> = { en, ko };
/**
 * The tables the page reads. A key still missing from a translation (a string added to en.ts in a
 * change that has not reached ko.ts yet) shows in English instead of breaking the page; the type
 * check and the table test both fail on it, so it does not stay missing.
 */
export const LANGUAGES: Readonly<Record<Language, Strings>> = { en, ko: withFallback(ko, en) };
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as Language[];

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

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(LANGUAGES, value);
}

export { format, finalSound, translate } from '../../i18n/format';

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
