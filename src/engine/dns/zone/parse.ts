/**
 * Master files (RFC 1035, Section 5): $ORIGIN, $TTL (RFC 2308 §4), '@', relative names, omitted
 * owner, TTL and class, parentheses, comments and quoted strings. Only class IN is served.
 * TTLs may use BIND's units (1h30m, 2d, 1w).
 */
import { DecodeError, fromHex } from '../../bytes';
import { MAX_ZONE_RECORDS, zoneTextProblem } from '../../limits';
import { AddressError, formatIPv6, parseIPv4, parseIPv6 } from '../ip';
import { Name, NameError } from '../name';
import { NameDecodeState } from '../namewire';
import { readRData } from '../rdata';
import {
  RRClass,
  RRType,
  parseClassName,
  parseTypeName,
  typeName,
  type RData,
  type ResourceRecord,
} from '../types';
import { LeanIn } from '../wire';
import { ZoneParseError, textOctets, tokenize, type Token } from './tokens';

/** RFC 2181 §8: a TTL is an unsigned 31-bit number of seconds. */
const MAX_TTL = 0x7fffffff;
const UNIT_SECONDS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

/** "3600", "1h", "1h30m", "2d", "1w" (BIND's units; RFC 2308 §4's $TTL takes the same). */
export function parseTtl(text: string, line: number): number {
  if (!/^[0-9]/.test(text)) throw new ZoneParseError(line, 'zone.not_ttl', { text });
  let seconds: number;
  if (/^[0-9]+$/.test(text)) {
    seconds = Number(text);
  } else if (/^([0-9]+[wdhms])+$/i.test(text)) {
    seconds = 0;
    for (const [, n, unit] of text.matchAll(/([0-9]+)([wdhms])/gi)) {
      seconds += Number(n) * UNIT_SECONDS[unit!.toLowerCase()]!;
    }
  } else {
    throw new ZoneParseError(line, 'zone.not_ttl_units', { text });
  }
  if (seconds > MAX_TTL) {
    throw new ZoneParseError(line, 'zone.ttl_too_big', { seconds });
  }
  return seconds;
}

function parseUint(token: Token, bits: 8 | 16 | 32, what: string): number {
  const max = 2 ** bits - 1;
  if (!/^[0-9]+$/.test(token.text) || Number(token.text) > max) {
    throw new ZoneParseError(token.line, 'zone.not_number', { what, text: token.text, max });
  }
  return Number(token.text);
}

export interface ParsedZone {
  origin: Name;
  records: ResourceRecord[];
  /** The line each record came from, for errors found later (Zone's structural checks). */
  lines: number[];
}

export interface ParseOptions {
  /** The origin before any $ORIGIN (like named-checkzone's zone argument). */
  origin?: Name;
}

export function parseMasterFile(text: string, opts: ParseOptions = {}): ParsedZone {
  // Zone text comes from people (the zone editor, `dns serve --zone`): bound it before any work.
  const tooBig = zoneTextProblem(text);
  if (tooBig) throw new ZoneParseError(tooBig.line, tooBig.key, tooBig.params);
  let origin = opts.origin;
  let firstOrigin = opts.origin;
  let defaultTtl: number | undefined;
  let lastTtl: number | undefined;
  let lastOwner: Name | undefined;
  const records: ResourceRecord[] = [];
  const lines: number[] = [];

  const nameOf = (token: Token): Name => {
    try {
      if (token.text === '@') return requireOrigin(token.line);
      if (token.text.endsWith('.') && !token.text.endsWith('\\.')) return Name.parse(token.text);
      return Name.parse(token.text).concat(requireOrigin(token.line));
    } catch (error) {
      if (error instanceof NameError) throw new ZoneParseError(token.line, error.key, error.params);
      throw error;
    }
  };
  const requireOrigin = (line: number): Name => {
    if (!origin) throw new ZoneParseError(line, 'zone.no_origin_for_relative');
    return origin;
  };

  for (const entry of tokenize(text)) {
    const tokens = [...entry.tokens];
    const first = tokens[0]!;
    if (!first.quoted && first.text.startsWith('$')) {
      const directive = first.text.toUpperCase();
      const arg = tokens[1];
      if (directive === '$ORIGIN') {
        if (!arg || tokens.length > 2)
          throw new ZoneParseError(entry.line, 'zone.origin_takes_one');
        origin = nameOf(arg);
        firstOrigin ??= origin;
      } else if (directive === '$TTL') {
        if (!arg || tokens.length > 2) throw new ZoneParseError(entry.line, 'zone.ttl_takes_one');
        defaultTtl = parseTtl(arg.text, arg.line);
      } else {
        throw new ZoneParseError(entry.line, 'zone.directive_unsupported', {
          directive: first.text,
        });
      }
      continue;
    }

    // RFC 1035 §5.1: <domain-name> or a blank, then [<TTL>] [<class>] in either order, then type.
    let owner: Name;
    if (entry.startsWithBlank) {
      if (!lastOwner) throw new ZoneParseError(entry.line, 'zone.no_previous_owner');
      owner = lastOwner;
    } else {
      owner = nameOf(tokens.shift()!);
    }
    let ttl: number | undefined;
    let sawClass = false;
    let typeToken: Token | undefined;
    while (tokens.length > 0) {
      const t = tokens.shift()!;
      if (ttl === undefined && /^[0-9]/.test(t.text) && !t.quoted) {
        ttl = parseTtl(t.text, t.line);
        continue;
      }
      const cls = parseClassName(t.text);
      if (!sawClass && cls !== undefined && !t.quoted) {
        if (cls !== RRClass.IN) {
          throw new ZoneParseError(t.line, 'zone.class_unsupported', {
            class: t.text.toUpperCase(),
          });
        }
        sawClass = true;
        continue;
      }
      typeToken = t;
      break;
    }
    if (!typeToken) throw new ZoneParseError(entry.line, 'zone.missing_type');
    const type = parseTypeName(typeToken.text);
    if (type === undefined)
      throw new ZoneParseError(typeToken.line, 'zone.unknown_type', { text: typeToken.text });
    if (
      type === RRType.OPT ||
      type === RRType.ANY ||
      type === RRType.AXFR ||
      type === RRType.IXFR
    ) {
      throw new ZoneParseError(typeToken.line, 'zone.type_not_data', { type: typeName(type) });
    }
    if (ttl !== undefined) lastTtl = ttl;
    const effectiveTtl = ttl ?? defaultTtl ?? lastTtl;
    if (effectiveTtl === undefined) {
      throw new ZoneParseError(entry.line, 'zone.no_ttl');
    }
    const data = parseRData(type, tokens, entry.line, nameOf);
    if (records.length >= MAX_ZONE_RECORDS)
      throw new ZoneParseError(entry.line, 'zone.too_many_records', { max: MAX_ZONE_RECORDS });
    records.push({ name: owner, type, class: RRClass.IN, ttl: effectiveTtl, data });
    lines.push(entry.line);
    lastOwner = owner;
  }
  const zoneOrigin = firstOrigin ?? records.find((r) => r.type === RRType.SOA)?.name;
  if (!zoneOrigin) throw new ZoneParseError(1, 'zone.no_name');
  return { origin: zoneOrigin, records, lines };
}

function parseRData(
  type: RRType,
  tokens: Token[],
  line: number,
  nameOf: (t: Token) => Name,
): RData {
  const take = (what: string): Token => {
    const t = tokens.shift();
    if (!t) throw new ZoneParseError(line, 'zone.rdata_missing', { type: typeName(type), what });
    return t;
  };
  const done = (data: RData): RData => {
    if (tokens.length > 0) {
      throw new ZoneParseError(tokens[0]!.line, 'zone.rdata_unexpected', {
        text: tokens[0]!.text,
        type: typeName(type),
      });
    }
    return data;
  };
  const address = (parse: (text: string) => Uint8Array, t: Token) => {
    try {
      return parse(t.text);
    } catch (error) {
      if (error instanceof AddressError) throw new ZoneParseError(t.line, error.key, error.params);
      throw error;
    }
  };

  // RFC 3597 §5: "\# <length> <hex>" works for any type.
  if (tokens[0] && !tokens[0].quoted && tokens[0].text === '\\#') {
    tokens.shift();
    const lengthToken = take('generic RDATA length');
    const length = parseUint(lengthToken, 16, 'generic RDATA length');
    const hex = tokens
      .splice(0)
      .map((t) => t.text)
      .join('');
    let bytes: Uint8Array;
    try {
      bytes = fromHex(hex);
    } catch {
      throw new ZoneParseError(line, 'zone.generic_not_hex', { hex });
    }
    if (bytes.length !== length) {
      throw new ZoneParseError(line, 'zone.generic_length', { octets: bytes.length, length });
    }
    return typedFromGeneric(type, bytes, line);
  }

  switch (type) {
    case RRType.A:
      return done({ kind: 'A', address: formatV4(address(parseIPv4, take('address'))) });
    case RRType.AAAA:
      return done({ kind: 'AAAA', address: formatIPv6(address(parseIPv6, take('address'))) });
    case RRType.NS:
      return done({ kind: 'NS', host: nameOf(take('name server')) });
    case RRType.CNAME:
      return done({ kind: 'CNAME', target: nameOf(take('target')) });
    case RRType.PTR:
      return done({ kind: 'PTR', target: nameOf(take('target')) });
    case RRType.SOA: {
      const mname = nameOf(take('MNAME'));
      const rname = nameOf(take('RNAME'));
      const serial = parseUint(take('serial'), 32, 'serial');
      const timer = (what: string) => {
        const t = take(what);
        return parseTtl(t.text, t.line);
      };
      const refresh = timer('refresh');
      const retry = timer('retry');
      const expire = timer('expire');
      const minimum = timer('minimum');
      return done({ kind: 'SOA', mname, rname, serial, refresh, retry, expire, minimum });
    }
    case RRType.MX: {
      const preference = parseUint(take('preference'), 16, 'preference');
      return done({ kind: 'MX', preference, exchange: nameOf(take('exchange')) });
    }
    case RRType.TXT: {
      const strings = tokens.splice(0).map((t) => {
        const octets = textOctets(t);
        if (octets.length > 255) {
          throw new ZoneParseError(t.line, 'zone.txt_too_long', { octets: octets.length });
        }
        return octets;
      });
      if (strings.length === 0) throw new ZoneParseError(line, 'zone.txt_empty');
      return { kind: 'TXT', strings };
    }
    case RRType.SRV: {
      const priority = parseUint(take('priority'), 16, 'priority');
      const weight = parseUint(take('weight'), 16, 'weight');
      const port = parseUint(take('port'), 16, 'port');
      return done({ kind: 'SRV', priority, weight, port, target: nameOf(take('target')) });
    }
    case RRType.CAA: {
      const flags = parseUint(take('flags'), 8, 'flags');
      const tagToken = take('tag');
      if (!/^[A-Za-z0-9]{1,15}$/.test(tagToken.text)) {
        throw new ZoneParseError(tagToken.line, 'zone.caa_tag', { tag: tagToken.text });
      }
      const value = textOctets(take('value'));
      return done({ kind: 'CAA', flags, tag: tagToken.text, value });
    }
    default:
      throw new ZoneParseError(line, 'zone.needs_generic', { type: typeName(type) });
  }
}

function formatV4(bytes: Uint8Array): string {
  return `${bytes[0]}.${bytes[1]}.${bytes[2]}.${bytes[3]}`;
}

/** Generic RDATA of a type this codec knows is decoded into its typed form (RFC 3597 §5). */
function typedFromGeneric(type: RRType, bytes: Uint8Array, line: number): RData {
  const inp = new LeanIn(bytes);
  try {
    return inp.window(bytes.length, 'RDATA', () =>
      readRData(inp, type, bytes.length, new NameDecodeState()),
    );
  } catch (error) {
    const cause =
      error instanceof DecodeError
        ? error.asParam('cause')
        : {
            cause: 'zone.unexpected',
            detail: error instanceof Error ? error.message : String(error),
          };
    throw new ZoneParseError(line, 'zone.generic_invalid', { ...cause, type: typeName(type) });
  }
}
