/**
 * Paste and decode: pasted hex (a plain hex stream, a hex dump from Wireshark, tshark -x or xxd,
 * or `openssl s_client -msg` output; ./paste.ts) as TLS records or one DNS message. The decoders are passed in, so this file
 * stays pure and the page loads the engine only when someone decodes.
 */
import type { Span } from '../../../engine/bytes/span';
import { MAX_PASTED_BYTES, MAX_PASTED_HEX_CHARS } from '../../../engine/limits';
import { structuredPaste } from './paste';

/** 64 KiB, the engine's limit on pasted input (src/engine/limits.ts). */
export const MAX_DECODE_BYTES = MAX_PASTED_BYTES;
/** The most characters read before parsing (src/engine/limits.ts says why five per byte). */
export const MAX_DECODE_CHARS = MAX_PASTED_HEX_CHARS;

export type DecodeMode = 'auto' | 'tls' | 'dns';
export type Protocol = 'tls' | 'dns';

export interface Decoders {
  tls(bytes: Uint8Array): { spans: Span[] };
  dns(bytes: Uint8Array): { spans: Span[] };
}

export type DecodeResult =
  | { kind: 'empty' }
  | { kind: 'too-long'; chars: number }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'odd-digits'; digits: number }
  | { kind: 'bad-char'; char: string; line: number; column: number }
  | {
      kind: 'error';
      protocol: Protocol;
      bytes: Uint8Array;
      /** The decoder's reason, and the byte offset it names. */
      reason: string;
      offset: number;
      /** The reason as a key of the language tables, when the decoder gave one. */
      problem?: Problem;
    }
  | { kind: 'ok'; protocol: Protocol; bytes: Uint8Array; spans: Span[] };

/**
 * The hex digits of the input, in order. `openssl s_client -msg` output and hex dumps (Wireshark,
 * tshark -x, xxd) are read as ./paste.ts describes; anything else keeps everything but
 * whitespace, colons, commas and 0x prefixes.
 */
export function hexDigits(
  text: string,
): { digits: string } | { bad: { char: string; line: number; column: number } } {
  const structured = structuredPaste(text);
  if (structured) return { digits: structured.digits };
  const lines = text.split(/\r?\n/);
  let digits = '';
  for (const [i, line] of lines.entries()) {
    const clean = line.replace(/0x/gi, (m) => ' '.repeat(m.length));
    for (let c = 0; c < clean.length; c++) {
      const ch = clean[c]!;
      if (/[0-9a-f]/i.test(ch)) digits += ch;
      else if (!/[\s:,]/.test(ch))
        // The whole character, not half of a surrogate pair: an emoji is named as one.
        return {
          bad: { char: String.fromCodePoint(clean.codePointAt(c)!), line: i + 1, column: c + 1 },
        };
    }
  }
  return { digits };
}

/**
 * A character as a message can show it: printable ASCII as itself; anything else (a control
 * character, a direction override, a lone surrogate, an emoji) by its code point, since shown as
 * itself it would be invisible or would turn the message around.
 */
export function visibleChar(ch: string): string {
  if (/^[\x21-\x7e]$/.test(ch)) return ch;
  const code = ch.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** TLS records start with a content type from 20 to 23 and a 3.x version (RFC 5246, 6.2.1). */
export function looksLikeTls(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 5 && bytes[0]! >= 20 && bytes[0]! <= 23 && bytes[1] === 3 && bytes[2]! <= 4
  );
}

/** A DecodeError's reason as the tables read it (src/i18n/decode.en.ts). */
export interface Problem {
  key: string;
  params: Readonly<Record<string, string | number>>;
}

interface Failure {
  reason: string;
  offset: number;
  problem?: Problem;
}

function problemOf(e: object): Problem | undefined {
  if (!('key' in e) || typeof e.key !== 'string' || !('params' in e)) return undefined;
  const params = e.params;
  if (!params || typeof params !== 'object') return undefined;
  return { key: e.key, params: params as Problem['params'] };
}

function attempt(
  decode: (bytes: Uint8Array) => { spans: Span[] },
  bytes: Uint8Array,
): { spans: Span[] } | Failure {
  try {
    return decode(bytes);
  } catch (e) {
    if (e && typeof e === 'object' && 'offset' in e && typeof e.offset === 'number')
      return {
        reason: 'reason' in e ? String(e.reason) : String(e),
        offset: e.offset,
        problem: problemOf(e),
      };
    throw e;
  }
}

export function decodeHex(text: string, mode: DecodeMode, decoders: Decoders): DecodeResult {
  // Cheap bound first, before the text is even split into lines.
  if (text.length > MAX_DECODE_CHARS) return { kind: 'too-long', chars: text.length };
  const parsed = hexDigits(text);
  if ('bad' in parsed) return { kind: 'bad-char', ...parsed.bad };
  const { digits } = parsed;
  if (digits.length === 0) return { kind: 'empty' };
  if (digits.length / 2 > MAX_DECODE_BYTES)
    return { kind: 'too-large', bytes: Math.floor(digits.length / 2) };
  if (digits.length % 2 !== 0) return { kind: 'odd-digits', digits: digits.length };
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);

  // Auto-detect by the record header alone, so a broken record is reported as a broken record.
  const protocol: Protocol = mode === 'auto' ? (looksLikeTls(bytes) ? 'tls' : 'dns') : mode;
  const tried = attempt(decoders[protocol], bytes);
  if ('spans' in tried) return { kind: 'ok', protocol, bytes, spans: tried.spans };
  const { reason, offset, problem } = tried;
  return { kind: 'error', protocol, bytes, reason, offset, ...(problem ? { problem } : {}) };
}
