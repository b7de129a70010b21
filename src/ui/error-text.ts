/**
 * Error messages made fit to show as one readable line. Many quote what the user typed or pasted
 * (a name, a zone-file token, a link's value), and that text can hold characters that would
 * garble the very line explaining it: a right-to-left override turns the rest of the sentence
 * around, control characters and zero-width characters are invisible, a lone surrogate shows as
 * a box, and a 100,000-character token fills the screen. The engine's messages stay as they are
 * (the CLI prints them too); the page shows them through this.
 */
import type { SettingsProblem } from '../engine/scenarios/lab-settings';
import { translate, type Strings } from './i18n';

/**
 * Characters shown by their code point instead: C0 and C1 controls, the bidirectional controls
 * (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069), zero-width characters (U+200B–U+200D,
 * U+2060, U+FEFF), and surrogates that are not half of a pair.
 */
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- control characters are what it is there to find
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The longest quote kept whole, and the longest message. */
const MAX_QUOTE = 40;
const MAX_MESSAGE = 400;

export function errorText(message: string): string {
  let out = message.replace(
    HIDDEN,
    (ch) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  // A quoted stretch of input ('…' as the engine quotes it) longer than MAX_QUOTE is cut.
  out = out.replace(
    new RegExp(`'([^'\\n]{${MAX_QUOTE + 1},})'`, 'g'),
    (_, quoted: string) => `'${quoted.slice(0, MAX_QUOTE)}…'`,
  );
  return out.length > MAX_MESSAGE ? `${out.slice(0, MAX_MESSAGE)}…` : out;
}

/**
 * A settings problem in the page's language: the table's line for its key or its broken limit, or
 * the engine's English line. A limit's English comes with the lab's part (./i18n/en-lab.ts),
 * which what shows the problem loads; until it has arrived, the line says so.
 */
export function problemText(t: Strings, problem: SettingsProblem): string {
  if (problem.key === 'notHttpsUrl') return errorText(t.lab.journey.badUrl);
  const { limit } = problem;
  if (limit && t.notes[limit.key] !== undefined)
    return errorText(translate(t.notes, limit.key, limit.params));
  return errorText(problem.text ?? t.lab.loading);
}
