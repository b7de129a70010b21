/**
 * Filling in the language tables' placeholders. Plain functions over plain data, so the UI
 * (src/ui/i18n) and the CLI (src/cli) format the same tables the same way.
 */

/** A value for a placeholder; a list is joined as the language joins lists. */
export type TextParam = string | number | readonly string[];
export type TextParams = Readonly<Record<string, TextParam>>;

const listFormats = new Map<string, Intl.ListFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function listFormat(lang: string, type: 'conjunction' | 'disjunction' | 'unit'): Intl.ListFormat {
  const key = `${lang} ${type}`;
  let f = listFormats.get(key);
  if (!f) listFormats.set(key, (f = new Intl.ListFormat(lang, { type, style: 'long' })));
  return f;
}

function plural(lang: string, n: number): Intl.LDMLPluralRule {
  let r = pluralRules.get(lang);
  if (!r) pluralRules.set(lang, (r = new Intl.PluralRules(lang)));
  return r.select(n);
}

/**
 * Replace `{name}` placeholders; an unknown placeholder is left as written so it shows up in
 * review. `{name|이/가}` also appends the Korean particle that fits the value's last sound: the
 * first form after a final consonant (받침), the second after a vowel (`{host|을/를}`,
 * `{from|이/가}`, `{zone|으로/로}`, where ㄹ takes the vowel form 로 as well).
 *
 * A list value is joined as `lang` joins lists ("A, B, and C"; `{name#or}`: "A, B, or C"; in
 * Korean "A, B 및 C", "A, B 또는 C"). `{n#byte/bytes}` is the form of a word that the number `n`
 * takes in `lang` (Intl.PluralRules): the first for "one", the last otherwise. With categories
 * named, `{count#one:# hit|other:# hits}` is the form for the number's category (`other` when it
 * has none), `#` standing for the number as written. `{to@a/an}` puts the English article that
 * fits how the value is read before it: "a TLD", "an Authoritative", "an OS resolver".
 */
export function format(template: string, params: TextParams = {}, lang = 'en'): string {
  return template.replace(
    /\{(\w+)(?:\|([^/{}]+)\/([^/{}]+)|#([^{}]+)|(@)a\/an)?\}/g,
    (
      whole,
      key: string,
      afterConsonant?: string,
      afterVowel?: string,
      forms?: string,
      article?: string,
    ): string => {
      if (!Object.hasOwn(params, key)) return whole;
      const raw = params[key]!;
      if (forms !== undefined && forms.includes(':')) return pluralForm(forms, String(raw), lang);
      if (article !== undefined) {
        const word = String(raw);
        return `${startsWithVowelSound(word) ? 'an' : 'a'} ${word}`;
      }
      if (forms !== undefined && typeof raw === 'number') {
        const options = forms.split('/');
        return plural(lang, raw) === 'one' ? options[0]! : options.at(-1)!;
      }
      const value =
        typeof raw === 'object'
          ? listFormat(lang, forms === 'or' ? 'disjunction' : 'conjunction').format(raw)
          : String(raw);
      if (afterConsonant === undefined || afterVowel === undefined) return value;
      const final = finalSound(value);
      const consonant = final === 'consonant' || (final === 'rieul' && afterConsonant !== '으로');
      return value + (consonant ? afterConsonant : afterVowel);
    },
  );
}

/**
 * A key's text from a table, its placeholders filled in. A parameter whose value is itself a key
 * of the table (a fault's key in a note's `reason`, a decode reason's `cause`) is replaced by that
 * key's text, filled in from the same parameters, at any depth. A key the table lacks comes back
 * as written, so it shows up in review.
 */
export function translate(
  table: Readonly<Record<string, string>>,
  key: string,
  params: TextParams = {},
  lang = table['tls.language'] ?? 'en',
  outer: readonly string[] = [],
): string {
  const template = table[key];
  if (template === undefined) return key;
  const seen = [...outer, key];
  const filled: Record<string, TextParam> = {};
  for (const [k, v] of Object.entries(params))
    filled[k] =
      typeof v === 'string' && !seen.includes(v) && table[v] !== undefined
        ? translate(table, v, params, lang, seen)
        : v;
  return format(template, filled, lang);
}

/** The form of `one:…|other:…` for the number `value` (as written, thousands separators and all). */
function pluralForm(forms: string, value: string, lang: string): string {
  const byCategory = new Map(
    forms.split('|').map((f) => [f.slice(0, f.indexOf(':')), f.slice(f.indexOf(':') + 1)]),
  );
  const category = plural(lang, Number(value.replace(/,/g, '')));
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
