/** Hex helpers. Input hex may contain whitespace, colons and an optional 0x prefix. */

/** The two lowercase digits of each byte value, so toHex makes no string per byte. */
const HEX_PAIRS = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX_PAIRS[bytes[i]!]!;
  return out;
}

/** Why text is not hex, with what a message names: an odd digit count, or the first non-digit. */
export type HexProblem =
  { kind: 'odd'; digits: number } | { kind: 'digit'; char: string; at: number };

export class HexError extends Error {
  constructor(
    message: string,
    readonly problem: HexProblem,
  ) {
    super(message);
  }
}

export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/^0x/i, '').replace(/[\s:]/g, '');
  if (clean.length % 2 !== 0)
    throw new HexError(`hex has an odd number of digits (${clean.length})`, {
      kind: 'odd',
      digits: clean.length,
    });
  const bad = clean.search(/[^0-9a-fA-F]/);
  if (bad >= 0)
    throw new HexError(`not a hex digit '${clean[bad]}' at character ${bad}`, {
      kind: 'digit',
      char: clean[bad]!,
      at: bad,
    });
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
