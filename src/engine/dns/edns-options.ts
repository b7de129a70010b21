/**
 * EDNS(0) options (RFC 6891, Section 6.1.2), read field by field for the inspector: NSID (RFC
 * 5001), Client Subnet (RFC 7871), COOKIE (RFC 7873), TCP keepalive (RFC 7828), Padding (RFC
 * 7830) and Extended DNS Errors (RFC 8914). Any other option stays opaque. A field that breaks
 * its RFC's layout is refused with its offset.
 */
import { DnsDecodeError } from './decode-error';
import { phrase, type DecodeKey, type DecodeParams, type SpanValue } from '../bytes';
import { formatIPv4, formatIPv6 } from './ip';
import type { WireIn } from './wire';

export const EdnsOptionCode = {
  NSID: 3,
  CLIENT_SUBNET: 8,
  COOKIE: 10,
  TCP_KEEPALIVE: 11,
  PADDING: 12,
  EDE: 15,
} as const;

const names: Record<number, string> = {
  3: 'NSID',
  8: 'Client Subnet',
  10: 'COOKIE',
  11: 'edns-tcp-keepalive',
  12: 'Padding',
  15: 'Extended DNS Error',
};

export function ednsOptionName(code: number): string {
  return names[code] ?? `option ${code}`;
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** RFC 8914, Section 4: the INFO-CODEs. */
const EDE_CODES = [
  'Other Error',
  'Unsupported DNSKEY Algorithm',
  'Unsupported DS Digest Type',
  'Stale Answer',
  'Forged Answer',
  'DNSSEC Indeterminate',
  'DNSSEC Bogus',
  'Signature Expired',
  'Signature Not Yet Valid',
  'DNSKEY Missing',
  'RRSIGs Missing',
  'No Zone Key Bit Set',
  'NSEC Missing',
  'Cached Error',
  'Not Ready',
  'Blocked',
  'Censored',
  'Filtered',
  'Prohibited',
  'Stale NXDomain Answer',
  'Not Authoritative',
  'Not Supported',
  'No Reachable Authority',
  'Network Error',
  'Invalid Data',
];

/**
 * Reads one option's data (`length` bytes at the cursor) and returns it raw, with a one-line
 * summary for the option's span.
 */
export function readEdnsOptionData(
  inp: WireIn,
  code: number,
  length: number,
): { data: Uint8Array; summary: SpanValue } {
  const start = inp.offset;
  if (length > inp.remaining) {
    throw new DnsDecodeError(
      'decode.truncated',
      { what: 'option data', n: length, left: inp.remaining },
      start,
    );
  }
  const fail = (problem: DecodeKey, params: DecodeParams = {}, at = start) =>
    new DnsDecodeError(
      'decode.dns.edns_option',
      { ...params, option: ednsOptionName(code), problem },
      at,
    );
  let summary: SpanValue;
  switch (code) {
    // RFC 5001, Section 2.3: opaque, often ASCII.
    case EdnsOptionCode.NSID: {
      if (length === 0) {
        summary = phrase('dns.option.nsid_asking');
        break;
      }
      const id = inp.bytes(length, 'nsid', (b) => `${hex(b)} "${printable(b)}"`);
      summary = `NSID "${printable(id)}"`;
      break;
    }
    // RFC 7871, Section 6.
    case EdnsOptionCode.CLIENT_SUBNET: {
      if (length < 4) throw fail('decode.dns.edns.needs_at_least', { length, min: 4 });
      const family = inp.u16('family', (f) =>
        f === 1 ? 'IPv4 (1)' : f === 2 ? 'IPv6 (2)' : `${f}`,
      );
      const source = inp.u8('source_prefix_length');
      const scope = inp.u8('scope_prefix_length');
      const size = family === 1 ? 4 : family === 2 ? 16 : undefined;
      if (size === undefined) throw fail('decode.dns.edns.family', { family });
      if (source > size * 8) throw fail('decode.dns.edns.source_prefix', { source });
      // "ADDRESS ... MUST be truncated to the number of bits indicated by SOURCE PREFIX-LENGTH".
      const octets = Math.ceil(source / 8);
      if (length - 4 !== octets)
        throw fail(
          'decode.dns.edns.address_length',
          { length: length - 4, source, octets },
          start + 4,
        );
      const full = new Uint8Array(size);
      if (octets > 0) full.set(inp.bytes(octets, 'address', hex), 0);
      const text = size === 4 ? formatIPv4(full) : formatIPv6(full);
      summary = `Client Subnet ${text}/${source}/${scope}`;
      break;
    }
    // RFC 7873, Section 4: an 8-byte client cookie, then an optional 8- to 32-byte server cookie.
    case EdnsOptionCode.COOKIE: {
      if (length !== 8 && (length < 16 || length > 40))
        throw fail('decode.dns.edns.cookie_length', { length });
      inp.bytes(8, 'client_cookie', hex);
      if (length > 8) inp.bytes(length - 8, 'server_cookie', hex);
      summary = phrase(length > 8 ? 'dns.option.cookie_both' : 'dns.option.cookie_client');
      break;
    }
    // RFC 7828, Section 3.1: empty from a client; a 16-bit timeout in units of 100 ms otherwise.
    case EdnsOptionCode.TCP_KEEPALIVE: {
      if (length === 0) {
        summary = 'edns-tcp-keepalive';
        break;
      }
      if (length !== 2) throw fail('decode.dns.edns.keepalive_length', { length });
      const t = inp.u16('timeout', (v) => `${v} (${v / 10} s)`);
      summary = phrase('dns.option.keepalive', { s: t / 10 });
      break;
    }
    // RFC 7830, Section 3: "The PADDING octets SHOULD be set to 0x00".
    case EdnsOptionCode.PADDING:
      if (length > 0) inp.bytes(length, 'padding', (b) => phrase('bytes.count', { n: b.length }));
      summary = phrase('dns.option.padding', { n: length });
      break;
    // RFC 8914, Section 2.
    case EdnsOptionCode.EDE: {
      if (length < 2) throw fail('decode.dns.edns.needs_at_least', { length, min: 2 });
      const info = inp.u16('info_code', (c) => `${EDE_CODES[c] ?? 'unassigned'} (${c})`);
      const text =
        length > 2
          ? new TextDecoder().decode(
              inp.bytes(length - 2, 'extra_text', (b) => new TextDecoder().decode(b)),
            )
          : '';
      summary = `Extended DNS Error ${info} (${EDE_CODES[info] ?? 'unassigned'})${text ? ` "${text}"` : ''}`;
      break;
    }
    default:
      if (length > 0) inp.bytes(length, 'data', undefined, 'dns.opt.option.data');
      summary = phrase('dns.option', { code });
  }
  if (inp.offset !== start + length) throw fail('decode.dns.edns.fill', {}, inp.offset);
  return { data: inp.buf.slice(start, start + length), summary };
}

function printable(b: Uint8Array): string {
  return Array.from(b, (x) => (x >= 0x20 && x < 0x7f ? String.fromCharCode(x) : '.')).join('');
}
