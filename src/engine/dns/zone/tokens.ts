/**
 * The lexical layer of master files (RFC 1035, Section 5.1): entries split on line ends except
 * inside parentheses, ';' comments, quoted strings, and backslash escapes kept for the next layer.
 */
import type { ProblemParams, ZoneKey } from '../problem';
import { zoneProblemText } from './text';

/** A master-file problem, named by its line; `key` and `params` say what, `reason` in English. */
export class ZoneParseError extends Error {
  readonly reason: string;

  constructor(
    readonly line: number,
    readonly key: ZoneKey,
    readonly params: ProblemParams = {},
  ) {
    const reason = zoneProblemText(key, params);
    super(`line ${line}: ${reason}`);
    this.reason = reason;
    this.name = 'ZoneParseError';
  }
}

export interface Token {
  /** The token as written, escapes included; for a quoted string, what was between the quotes. */
  text: string;
  quoted: boolean;
  line: number;
}

export interface Entry {
  /** The line the entry starts on. */
  line: number;
  /** RFC 1035 §5.1: an entry that starts with a blank uses the previous owner. */
  startsWithBlank: boolean;
  tokens: Token[];
}

const isBlank = (c: string) => c === ' ' || c === '\t' || c === '\r';

export function tokenize(text: string): Entry[] {
  const entries: Entry[] = [];
  const lines = text.split('\n');
  let depth = 0;
  let openedOn = 0;
  let current: Entry | undefined;

  lines.forEach((raw, index) => {
    const line = index + 1;
    if (depth === 0) {
      current = { line, startsWithBlank: raw.length > 0 && isBlank(raw[0]!), tokens: [] };
    }
    const entry = current!;
    let i = 0;
    while (i < raw.length) {
      const c = raw[i]!;
      if (isBlank(c)) {
        i++;
      } else if (c === ';') {
        break;
      } else if (c === '(') {
        if (depth === 0) openedOn = line;
        depth++;
        i++;
      } else if (c === ')') {
        if (depth === 0) throw new ZoneParseError(line, 'zone.unmatched_close');
        depth--;
        i++;
      } else if (c === '"') {
        let j = i + 1;
        let body = '';
        while (j < raw.length && raw[j] !== '"') {
          if (raw[j] === '\\' && j + 1 < raw.length) {
            body += raw.slice(j, j + 2);
            j += 2;
          } else {
            body += raw[j];
            j++;
          }
        }
        if (j >= raw.length) throw new ZoneParseError(line, 'zone.unterminated_quote');
        entry.tokens.push({ text: body, quoted: true, line });
        i = j + 1;
      } else {
        let j = i;
        let body = '';
        while (j < raw.length && !isBlank(raw[j]!) && !'();"'.includes(raw[j]!)) {
          if (raw[j] === '\\' && j + 1 < raw.length) {
            body += raw.slice(j, j + 2);
            j += 2;
          } else {
            body += raw[j];
            j++;
          }
        }
        entry.tokens.push({ text: body, quoted: false, line });
        i = j;
      }
    }
    if (depth === 0 && entry.tokens.length > 0) entries.push(entry);
  });
  if (depth > 0) throw new ZoneParseError(openedOn, 'zone.unclosed_paren');
  return entries;
}

/**
 * The octets a character-string token stands for: \DDD is one octet, \X is X, and any other
 * character is its UTF-8 encoding.
 */
export function textOctets(token: Token): Uint8Array {
  const out: number[] = [];
  const t = token.text;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === '\\') {
      const digits = t.slice(i + 1, i + 4);
      if (/^[0-9]{3}$/.test(digits)) {
        const v = Number(digits);
        if (v > 255) throw new ZoneParseError(token.line, 'zone.escape_too_big', { digits });
        out.push(v);
        i += 3;
      } else if (i + 1 < t.length) {
        out.push(...new TextEncoder().encode(t[i + 1]!));
        i += 1;
      } else {
        throw new ZoneParseError(token.line, 'zone.dangling_backslash');
      }
    } else {
      out.push(...new TextEncoder().encode(c));
    }
  }
  return Uint8Array.from(out);
}
