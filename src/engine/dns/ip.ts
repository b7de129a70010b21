/**
 * IPv4 and IPv6 text forms for A and AAAA RDATA: dotted quads (RFC 1035 §3.4.1) and the
 * RFC 5952 canonical IPv6 text (lowercase, longest run of two or more zero groups as "::").
 */
import { ProblemError, type ProblemParams, type ZoneKey } from './problem';

export class AddressError extends ProblemError {
  override readonly name = 'AddressError';
}

export function parseIPv4(text: string): Uint8Array {
  const fast = parseIPv4Fast(text);
  if (fast) return fast;
  const parts = text.split('.');
  if (parts.length !== 4) throw new AddressError('address.not_ipv4', { text });
  const out = new Uint8Array(4);
  parts.forEach((part, i) => {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255) {
      throw new AddressError('address.not_ipv4_part', { text, part: i + 1 });
    }
    out[i] = Number(part);
  });
  return out;
}

/** The common case (canonical dotted quad) without regular expressions; undefined otherwise. */
function parseIPv4Fast(text: string): Uint8Array | undefined {
  const out = new Uint8Array(4);
  let part = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      if (digits === 0 || value > 255 || part > 3) return undefined;
      out[part++] = value;
      value = 0;
      digits = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      if (digits > 0 && value === 0) return undefined; // a leading zero: let the slow path say so
      value = value * 10 + (c - 0x30);
      digits++;
      if (digits > 3) return undefined;
    } else {
      return undefined;
    }
  }
  return part === 4 ? out : undefined;
}

export function formatIPv4(bytes: Uint8Array): string {
  return `${bytes[0]}.${bytes[1]}.${bytes[2]}.${bytes[3]}`;
}

export function parseIPv6(text: string): Uint8Array {
  const fail = (cause: ZoneKey, params: ProblemParams = {}) =>
    new AddressError('address.not_ipv6', { ...params, text, cause });
  let body = text.toLowerCase();
  // A trailing dotted quad stands for the last two groups (RFC 4291 §2.2, form 3).
  const quad = /(^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (quad) {
    const v4 = parseIPv4(quad[2]!);
    const hi = ((v4[0]! << 8) | v4[1]!).toString(16);
    const lo = ((v4[2]! << 8) | v4[3]!).toString(16);
    body = body.slice(0, body.length - quad[2]!.length) + `${hi}:${lo}`;
  }
  const halves = body.split('::');
  if (halves.length > 2) throw fail('address.ipv6_two_gaps');
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').map((g) => {
          if (!/^[0-9a-f]{1,4}$/.test(g)) throw fail('address.ipv6_bad_group', { group: g });
          return parseInt(g, 16);
        });
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  let groups = head;
  if (halves.length === 2) {
    const missing = 8 - head.length - rest.length;
    if (missing < 1) throw fail('address.ipv6_empty_gap');
    groups = [...head, ...new Array<number>(missing).fill(0), ...rest];
  }
  if (groups.length !== 8) throw fail('address.ipv6_group_count', { groups: groups.length });
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    out[2 * i] = g >>> 8;
    out[2 * i + 1] = g & 0xff;
  });
  return out;
}

/** RFC 5952 §4: lowercase, no leading zeros, the longest run of 2+ zero groups shortened. */
export function formatIPv6(bytes: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
