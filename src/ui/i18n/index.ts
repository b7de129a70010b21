/**
 * The language tables, the one function that fills in their placeholders, and how the page picks
 * its language (src/store/language.ts).
 *
 * Why typed tables rather than i18next: both tables are typed as `Strings`, so a missing UI key is
 * a compile error and tables.test.ts catches a missing dynamic key; i18next and react-i18next would
 * add about 19 KB of gzipped JavaScript to a bundle already over its 250 KB budget, for nothing
 * these tables do not already do (two languages, named placeholders, Korean particles below).
 */
import { LANGUAGE_CODES, isLanguage, type Language } from '../../store/language';
import { en, type Strings } from './en';
import { ko } from './ko';

export { LANGUAGE_CODES, isLanguage, type Language };
/** The tables as written; tables.test.ts checks that each has every key, none empty. */
export const TABLES: Readonly<Record<Language, Strings>> = { en, ko };
/**
 * The tables the page reads. A key still missing from a translation (a string added to en.ts in a
 * change that has not reached ko.ts yet) shows in English instead of breaking the page; the type
 * check and the table test both fail on it, so it does not stay missing.
 */
export const LANGUAGES: Readonly<Record<Language, Strings>> = { en, ko: withFallback(ko, en) };

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

/**
 * Replace `{name}` placeholders; an unknown placeholder is left as written so it shows up in
 * review. `{name|이/가}` also appends the Korean particle that fits the value's last sound: the
 * first form after a final consonant (받침), the second after a vowel (`{host|을/를}`,
 * `{from|이/가}`, `{zone|으로/로}`, where ㄹ takes the vowel form 로 as well).
 *
 * `{count#one:# hit|other:# hits}` picks the form for the number's plural category in `language`
 * (Intl.PluralRules; `other` when the category has no form), with `#` standing for the number.
 * Korean nouns do not change with the number, so only the English tables use it.
 * `{to@a/an}` puts the English article that fits how the value is read before it: "a TLD",
 * "an Authoritative", "an OS resolver".
 */
export function format(
  template: string,
  params: Readonly<Record<string, string | number>> = {},
  language: Language = 'en',
): string {
  return template.replace(
    /\{(\w+)(?:\|([^/{}]+)\/([^/{}]+)|#([^{}]+)|(@)a\/an)?\}/g,
    (
      whole,
      key: string,
      afterConsonant?: string,
      afterVowel?: string,
      forms?: string,
      article?: string,
    ) => {
      if (!Object.hasOwn(params, key)) return whole;
      const value = String(params[key]);
      if (forms !== undefined) return pluralForm(forms, value, language);
      if (article !== undefined) return `${startsWithVowelSound(value) ? 'an' : 'a'} ${value}`;
      if (afterConsonant === undefined || afterVowel === undefined) return value;
      const final = finalSound(value);
      const consonant = final === 'consonant' || (final === 'rieul' && afterConsonant !== '으로');
      return value + (consonant ? afterConsonant : afterVowel);
    },
  );
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/** The form of `one:…|other:…` for the number `value` (as written, thousands separators and all). */
function pluralForm(forms: string, value: string, language: Language): string {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  const byCategory = new Map(
    forms.split('|').map((f) => [f.slice(0, f.indexOf(':')), f.slice(f.indexOf(':') + 1)]),
  );
  const category = rules.select(Number(value.replace(/,/g, '')));
  const form = byCategory.get(category) ?? byCategory.get('other') ?? '#';
  return form.replace(/#/g, value);
}

/**
 * Whether an English word is read starting with a vowel sound: a lower-case vowel letter, or an
 * abbreviation in capitals whose first letter's name does (A, E, F, H, I, L, M, N, O, R, S, X).
 */
export function startsWithVowelSound(word: string): boolean {
  const first = word.trim()[0] ?? '';
  const abbreviation = /^[A-Z]{2,}\b/.test(word.trim());
  return abbreviation ? 'AEFHILMNORSX'.includes(first) : 'aeiouAEIOU'.includes(first);
}

type FinalSound = 'vowel' | 'consonant' | 'rieul';

/**
 * How a word ends when read aloud in Korean. Hangul syllables carry their final consonant; Latin
 * letters and digits are read by their Korean names (A 에이, L 엘, M 엠, 1 일, 2 이, …).
 */
export function finalSound(word: string): FinalSound {
  const trimmed = word.replace(/[\s.)\]'"”’]+$/u, '');
  const last = trimmed.at(-1);
  if (!last) return 'vowel';
  const code = last.codePointAt(0)!;
  if (code >= 0xac00 && code <= 0xd7a3) {
    const jong = (code - 0xac00) % 28;
    return jong === 0 ? 'vowel' : jong === 8 ? 'rieul' : 'consonant';
  }
  const upper = last.toUpperCase();
  // L 엘, R 알, 1 일, 7 칠, 8 팔 end in ㄹ; M 엠, N 엔, 0 영, 3 삼, 6 육 in another consonant.
  if ('LR178'.includes(upper)) return 'rieul';
  if ('MN036'.includes(upper)) return 'consonant';
  // A 에이, B 비, C 씨, D 디, E 이, F 에프, G 지, H 에이치, I 아이, J 제이, K 케이, O 오, P 피,
  // Q 큐, S 에스, T 티, U 유, V 브이, W 더블유, X 엑스, Y 와이, Z 지; 2 이, 4 사, 5 오, 9 구.
  return 'vowel';
}

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
