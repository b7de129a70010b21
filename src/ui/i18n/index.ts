/** The language tables and the one function that fills in their placeholders. */
import { en, type Strings } from './en';

export type Language = 'en';
export const LANGUAGES: Readonly<Record<Language, Strings>> = { en };
export type { Strings };

/** Replace `{name}` placeholders; an unknown placeholder is left as written so it shows up in review. */
export function format(
  template: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(params, key) ? String(params[key]) : whole,
  );
}

/** Virtual milliseconds as people read them: "0", "20", "30,020". */
export function formatMs(ms: number): string {
  return Math.round(ms).toLocaleString('en-US');
}
