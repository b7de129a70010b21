/**
 * A span's value in words: data as it is, a phrase (src/engine/bytes/span.ts) from a span-value
 * table (./span-values.en.ts, ./span-values.ko.ts) with its data filled in. The page passes its
 * language's table, the CLI the English one.
 */
import { isPhrase, type PhraseParam, type SpanValue } from '../engine/bytes/span';
import { format } from './format';

/** A language's words for span values; `span.language` is the language, for its plurals. */
export type SpanValueTable = Readonly<Record<string, string>>;

/** The value as a line of text; a key the table lacks comes back as written, to show in review. */
export function spanValueText(table: SpanValueTable, value: SpanValue): string {
  if (!isPhrase(value)) return String(value);
  const lang = table['span.language'] ?? 'en';
  const template = table[value.key];
  if (template === undefined) return value.key;
  const params: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(value.params ?? {}))
    params[name] = paramText(table, param);
  return format(template, params, lang);
}

function paramText(table: SpanValueTable, param: PhraseParam): string | number {
  if (typeof param === 'number') return param;
  if (typeof param === 'string') return param;
  if (isPhrase(param)) return spanValueText(table, param);
  // A trace file is not checked this deep: anything else is shown as text, never thrown on.
  if (!Array.isArray(param)) return String(param);
  return param.map((p) => (typeof p === 'string' ? p : spanValueText(table, p))).join(', ');
}

/** Every key a value uses, nested phrases too: for a test that each is in a table. */
export function phraseKeys(value: SpanValue | undefined): string[] {
  if (!isPhrase(value)) return [];
  const keys = [value.key];
  for (const param of Object.values(value.params ?? {})) {
    if (isPhrase(param)) keys.push(...phraseKeys(param));
    else if (Array.isArray(param)) for (const p of param) keys.push(...phraseKeys(p as SpanValue));
  }
  return keys;
}
