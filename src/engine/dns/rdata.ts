/**
 * RDATA for each supported type: encode and decode, in the order of their RFC sections.
 * Names inside NS, CNAME, SOA, MX and PTR may be compressed (RFC 1035 §4.1.4, RFC 3597 §4 keeps
 * that list closed); SRV targets are never compressed (RFC 2782, "Target"), nor is anything in
 * the RDATA of types this codec does not know.
 */
import { EncodeError } from '../bytes';
import { DnsDecodeError } from './decode-error';
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from './ip';
import { readName, writeName, type CompressionTable, type NameDecodeState } from './namewire';
import { humanDuration, quoteCharacterString } from './present';
import { decodesType, readDecodedRData } from './rdata-decode';
import { RRType, typeName, type RData } from './types';
import type { WireIn, WireOut } from './wire';

/** RFC 1035 §3.3: a <character-string> is a length octet and up to 255 octets. */
const MAX_CHARACTER_STRING = 255;

const seconds = (v: number) => `${v} (${humanDuration(v)})`;

/** The RR type whose RDATA layout `data` has, or undefined for raw RDATA. */
export function rdataType(data: RData): number | undefined {
  return data.kind === 'unknown' ? undefined : RRType[data.kind];
}

export function writeRData(
  out: WireOut,
  type: RRType,
  data: RData,
  table: CompressionTable | undefined,
): void {
  const expected = rdataType(data);
  if (expected !== undefined && expected !== type) {
    throw new EncodeError(`${data.kind} RDATA in a record of type ${typeName(type)}`);
  }
  switch (data.kind) {
    // RFC 1035 §3.4.1
    case 'A': {
      const octets = parseIPv4(data.address);
      out.bytes(octets, 'address', () => formatIPv4(octets), 'dns.rdata.a.address');
      return;
    }
    // RFC 3596 §2.2
    case 'AAAA': {
      const octets = parseIPv6(data.address);
      out.bytes(octets, 'address', () => formatIPv6(octets), 'dns.rdata.aaaa.address');
      return;
    }
    // RFC 1035 §3.3.11
    case 'NS':
      writeName(out, data.host, table, 'nsdname', 'dns.rdata.ns.nsdname');
      return;
    // RFC 1035 §3.3.1
    case 'CNAME':
      writeName(out, data.target, table, 'cname', 'dns.rdata.cname.cname');
      return;
    // RFC 1035 §3.3.12
    case 'PTR':
      writeName(out, data.target, table, 'ptrdname', 'dns.rdata.ptr.ptrdname');
      return;
    // RFC 1035 §3.3.13
    case 'SOA':
      writeName(out, data.mname, table, 'mname', 'dns.rdata.soa.mname');
      writeName(out, data.rname, table, 'rname', 'dns.rdata.soa.rname');
      out.u32(data.serial, 'serial', undefined, 'dns.rdata.soa.serial');
      out.u32(data.refresh, 'refresh', () => seconds(data.refresh), 'dns.rdata.soa.refresh');
      out.u32(data.retry, 'retry', () => seconds(data.retry), 'dns.rdata.soa.retry');
      out.u32(data.expire, 'expire', () => seconds(data.expire), 'dns.rdata.soa.expire');
      out.u32(data.minimum, 'minimum', () => seconds(data.minimum), 'dns.rdata.soa.minimum');
      return;
    // RFC 1035 §3.3.9
    case 'MX':
      out.u16(data.preference, 'preference', undefined, 'dns.rdata.mx.preference');
      writeName(out, data.exchange, table, 'exchange', 'dns.rdata.mx.exchange');
      return;
    // RFC 1035 §3.3.14
    case 'TXT':
      for (const s of data.strings) {
        if (s.length > MAX_CHARACTER_STRING) {
          throw new EncodeError(`TXT string of ${s.length} octets; the limit is 255`);
        }
        out.group(
          'string',
          () => {
            out.u8(s.length);
            out.bytes(s);
          },
          () => quoteCharacterString(s),
          'dns.rdata.txt.string',
        );
      }
      return;
    // RFC 2782
    case 'SRV':
      out.u16(data.priority, 'priority', undefined, 'dns.rdata.srv.priority');
      out.u16(data.weight, 'weight', undefined, 'dns.rdata.srv.weight');
      out.u16(data.port, 'port', undefined, 'dns.rdata.srv.port');
      writeName(out, data.target, undefined, 'target', 'dns.rdata.srv.target');
      return;
    // RFC 8659 §4.1
    case 'CAA': {
      if (!caaTagOk(data.tag))
        throw new EncodeError(
          `CAA tag '${data.tag}' must be 1 to 15 letters and digits (RFC 8659 §4.1)`,
        );
      out.u8(data.flags, 'flags', () => caaFlags(data.flags), 'dns.rdata.caa.flags');
      const tag = Uint8Array.from(data.tag, (c) => c.charCodeAt(0));
      out.group(
        'tag',
        () => {
          out.u8(tag.length);
          out.bytes(tag);
        },
        () => data.tag,
        'dns.rdata.caa.tag',
      );
      out.bytes(data.value, 'value', () => quoteCharacterString(data.value), 'dns.rdata.caa.value');
      return;
    }
    // RFC 3597 §4: unknown RDATA is opaque.
    case 'unknown':
      out.bytes(data.bytes, 'data', undefined, 'dns.rdata.unknown');
      return;
  }
}

function caaFlags(flags: number): string {
  return flags & 0x80 ? `${flags} (critical)` : `${flags}`;
}

/** RFC 8659 §4.1: the tag is 1–15 ASCII letters and digits. */
function caaTagOk(tag: string): boolean {
  return /^[A-Za-z0-9]{1,15}$/.test(tag);
}

/** Reads RDATA of `type` from a reader already confined to RDLENGTH octets. */
export function readRData(
  inp: WireIn,
  type: RRType,
  rdlength: number,
  state: NameDecodeState,
): RData {
  switch (type) {
    case RRType.A: {
      const b = inp.bytes(4, 'address', formatIPv4, 'dns.rdata.a.address');
      return { kind: 'A', address: formatIPv4(b) };
    }
    case RRType.AAAA: {
      const b = inp.bytes(16, 'address', formatIPv6, 'dns.rdata.aaaa.address');
      return { kind: 'AAAA', address: formatIPv6(b) };
    }
    case RRType.NS:
      return { kind: 'NS', host: readName(inp, state, 'nsdname', 'dns.rdata.ns.nsdname') };
    case RRType.CNAME:
      return { kind: 'CNAME', target: readName(inp, state, 'cname', 'dns.rdata.cname.cname') };
    case RRType.PTR:
      return { kind: 'PTR', target: readName(inp, state, 'ptrdname', 'dns.rdata.ptr.ptrdname') };
    case RRType.SOA: {
      const mname = readName(inp, state, 'mname', 'dns.rdata.soa.mname');
      const rname = readName(inp, state, 'rname', 'dns.rdata.soa.rname');
      const serial = inp.u32('serial', undefined, 'dns.rdata.soa.serial');
      const refresh = inp.u32('refresh', seconds, 'dns.rdata.soa.refresh');
      const retry = inp.u32('retry', seconds, 'dns.rdata.soa.retry');
      const expire = inp.u32('expire', seconds, 'dns.rdata.soa.expire');
      const minimum = inp.u32('minimum', seconds, 'dns.rdata.soa.minimum');
      return { kind: 'SOA', mname, rname, serial, refresh, retry, expire, minimum };
    }
    case RRType.MX: {
      const preference = inp.u16('preference', undefined, 'dns.rdata.mx.preference');
      const exchange = readName(inp, state, 'exchange', 'dns.rdata.mx.exchange');
      return { kind: 'MX', preference, exchange };
    }
    case RRType.TXT: {
      const strings: Uint8Array[] = [];
      while (inp.remaining > 0) {
        strings.push(
          inp.group(
            'string',
            () => inp.bytes(inp.u8()),
            quoteCharacterString,
            'dns.rdata.txt.string',
          ),
        );
      }
      return { kind: 'TXT', strings };
    }
    case RRType.SRV: {
      const priority = inp.u16('priority', undefined, 'dns.rdata.srv.priority');
      const weight = inp.u16('weight', undefined, 'dns.rdata.srv.weight');
      const port = inp.u16('port', undefined, 'dns.rdata.srv.port');
      const target = readName(inp, state, 'target', 'dns.rdata.srv.target');
      return { kind: 'SRV', priority, weight, port, target };
    }
    case RRType.CAA: {
      const flags = inp.u8('flags', caaFlags, 'dns.rdata.caa.flags');
      const at = inp.offset;
      const tag = inp.group(
        'tag',
        () => String.fromCharCode(...inp.bytes(inp.u8())),
        (t) => t,
        'dns.rdata.caa.tag',
      );
      if (!caaTagOk(tag)) throw new DnsDecodeError('decode.dns.caa_tag', { tag }, at);
      const value = inp.bytes(inp.remaining, 'value', quoteCharacterString, 'dns.rdata.caa.value');
      return { kind: 'CAA', flags, tag, value };
    }
    default:
      if (decodesType(type)) return { kind: 'unknown', bytes: readDecodedRData(inp, type, state) };
      return {
        kind: 'unknown',
        bytes: inp.bytes(rdlength, 'data', undefined, 'dns.rdata.unknown'),
      };
  }
}
