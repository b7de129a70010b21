/**
 * RDATA of types the resolver does not use but real traffic carries: DNSSEC (RFC 4034, RFC 5155),
 * SVCB and HTTPS (RFC 9460), TLSA, SSHFP, NAPTR, LOC, HINFO, DNAME, URI, TSIG and TKEY. They are
 * read field by field for the inspector and kept as raw RDATA in the message (RFC 3597, Section
 * 4), so the resolver and the zone code see them as before. A field that does not fit its RDLENGTH,
 * or a value the RFC forbids, is refused with its offset.
 *
 * Names in these types are never compressed by a sender (RFC 3597, Section 4; RFC 4034, Section
 * 3.1.7; RFC 9460, Section 2.2), but a pointer is followed if one is met, as resolvers do.
 */
import { DnsDecodeError } from './decode-error';
import { phrase, type DecodeKey, type DecodeParams } from '../bytes';
import { formatIPv4, formatIPv6 } from './ip';
import { readName, type NameDecodeState } from './namewire';
import { humanDuration, quoteCharacterString } from './present';
import { rcodeName, RRType, typeName } from './types';
import type { WireIn } from './wire';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const base64 = (b: Uint8Array) => {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
};

/** RFC 4034, Appendix A.1 (and the IANA registry): DNSSEC algorithm numbers. */
const DNSSEC_ALGORITHMS: Record<number, string> = {
  5: 'RSASHA1',
  7: 'RSASHA1-NSEC3-SHA1',
  8: 'RSASHA256',
  10: 'RSASHA512',
  13: 'ECDSAP256SHA256',
  14: 'ECDSAP384SHA384',
  15: 'ED25519',
  16: 'ED448',
};
const algorithm = (n: number) => `${DNSSEC_ALGORITHMS[n] ?? 'unknown'} (${n})`;
const DIGEST_TYPES: Record<number, string> = { 1: 'SHA-1', 2: 'SHA-256', 4: 'SHA-384' };
const digestType = (n: number) => `${DIGEST_TYPES[n] ?? 'unknown'} (${n})`;

const readers = new Map<number, (inp: WireIn, state: NameDecodeState, end: number) => void>();

/** True when `type` is one this module reads. */
export function decodesType(type: number): boolean {
  return readers.has(type);
}

/**
 * Reads RDATA of `type` from a reader confined to its RDLENGTH and returns the raw bytes; the
 * fields are recorded as spans.
 */
export function readDecodedRData(inp: WireIn, type: number, state: NameDecodeState): Uint8Array {
  const start = inp.offset;
  const end = start + inp.remaining;
  readers.get(type)!(inp, state, end);
  return inp.buf.slice(start, end);
}

function need(inp: WireIn, n: number, what: string): void {
  if (inp.remaining < n) {
    throw new DnsDecodeError('decode.truncated', { what, n, left: inp.remaining }, inp.offset);
  }
}

/** RFC 1035, Section 3.3: <character-string>, a length octet and that many octets. */
function characterString(inp: WireIn, name: string): Uint8Array {
  need(inp, 1, name);
  return inp.group(name, () => inp.bytes(inp.u8()), quoteCharacterString);
}

function rest(inp: WireIn, name: string, show: (b: Uint8Array) => string, min = 0): Uint8Array {
  if (inp.remaining < min) {
    throw new DnsDecodeError(
      'decode.needs_at_least',
      { what: name, min, left: inp.remaining },
      inp.offset,
    );
  }
  if (inp.remaining === 0) return new Uint8Array(0);
  return inp.bytes(inp.remaining, name, show);
}

/** A 48-bit time in seconds since the epoch (RFC 8945, Section 4.2), as u16 high + u32 low. */
function time48(inp: WireIn, name: string): number {
  const at = inp.offset;
  need(inp, 6, name);
  const b = inp.buf;
  const value =
    (b[at]! * 256 + b[at + 1]!) * 2 ** 32 +
    ((b[at + 2]! << 24) >>> 0) +
    (b[at + 3]! << 16) +
    (b[at + 4]! << 8) +
    b[at + 5]!;
  inp.bytes(6, name, () => `${value} (${isoTime(value)})`);
  return value;
}

/** Seconds since the epoch as an ISO date; past JavaScript's last date (year 275760), the number. */
function isoTime(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? 'out of range' : date.toISOString().replace('.000', '');
}

function timestamp(inp: WireIn, name: string): number {
  return inp.u32(name, (v) => `${v} (${isoTime(v)})`);
}

/** RFC 4034, Section 4.1.2: the type bit maps, window by window, in increasing order. */
function typeBitMaps(inp: WireIn): string[] {
  const types: string[] = [];
  let lastWindow = -1;
  while (inp.remaining > 0) {
    const at = inp.offset;
    need(inp, 2, 'window block');
    const window = inp.buf[at]!;
    const length = inp.buf[at + 1]!;
    if (window <= lastWindow)
      throw new DnsDecodeError('decode.dns.bitmap_window_order', { window }, at);
    if (length < 1 || length > 32)
      throw new DnsDecodeError('decode.dns.bitmap_length', { length }, at + 1);
    need(inp, 2 + length, 'type bit map');
    const inWindow: string[] = [];
    for (let i = 0; i < length; i++) {
      const byte = inp.buf[at + 2 + i]!;
      for (let bit = 0; bit < 8; bit++)
        if (byte & (0x80 >> bit)) inWindow.push(typeName(window * 256 + i * 8 + bit));
    }
    inp.group(
      'type_bit_map',
      () => {
        inp.u8('window_block');
        inp.u8('bitmap_length');
        inp.bytes(length, 'bitmap', () => inWindow.join(' '));
      },
      () => inWindow.join(' '),
    );
    types.push(...inWindow);
    lastWindow = window;
  }
  return types;
}

// RFC 1035, Section 3.3.2.
readers.set(RRType.HINFO, (inp) => {
  characterString(inp, 'cpu');
  characterString(inp, 'os');
});

/** RFC 1876, Section 2: sizes and precisions as a digit and a power of ten, in centimetres. */
function locSize(v: number): string {
  const mantissa = v >> 4;
  const exponent = v & 0xf;
  return `${(mantissa * 10 ** exponent) / 100} m`;
}
function locAngle(v: number, pos: string, neg: string): string {
  const ms = v - 2 ** 31;
  const abs = Math.abs(ms);
  const deg = Math.floor(abs / 3600000);
  const min = Math.floor((abs % 3600000) / 60000);
  const sec = ((abs % 60000) / 1000).toFixed(3);
  return `${deg} ${min} ${sec} ${ms >= 0 ? pos : neg}`;
}

// RFC 1876, Section 2.
readers.set(RRType.LOC, (inp) => {
  const at = inp.offset;
  const version = inp.u8('version');
  if (version !== 0) throw new DnsDecodeError('decode.dns.loc_version', { version }, at);
  if (inp.remaining !== 15)
    throw new DnsDecodeError('decode.dns.loc_length', { length: inp.remaining + 1 }, at);
  inp.u8('size', locSize);
  inp.u8('horiz_pre', locSize);
  inp.u8('vert_pre', locSize);
  inp.u32('latitude', (v) => locAngle(v, 'N', 'S'));
  inp.u32('longitude', (v) => locAngle(v, 'E', 'W'));
  // Altitude is in centimetres above 100 km below the WGS 84 ellipsoid.
  inp.u32('altitude', (v) => `${(v - 10000000) / 100} m`);
});

// RFC 3403, Section 4.1.
readers.set(RRType.NAPTR, (inp, state) => {
  inp.u16('order');
  inp.u16('preference');
  characterString(inp, 'flags');
  characterString(inp, 'services');
  characterString(inp, 'regexp');
  readName(inp, state, 'replacement', 'dns.rdata.name');
});

// RFC 6672, Section 2.1.
readers.set(RRType.DNAME, (inp, state) => {
  readName(inp, state, 'target', 'dns.rdata.name');
});

// RFC 4034, Section 5.1.
readers.set(RRType.DS, (inp) => {
  inp.u16('key_tag');
  inp.u8('algorithm', algorithm);
  inp.u8('digest_type', digestType);
  rest(inp, 'digest', hex, 1);
});

// RFC 4255, Section 3.1.
const SSHFP_ALGORITHMS: Record<number, string> = {
  1: 'RSA',
  2: 'DSA',
  3: 'ECDSA',
  4: 'Ed25519',
  6: 'Ed448',
};
readers.set(RRType.SSHFP, (inp) => {
  inp.u8('algorithm', (n) => `${SSHFP_ALGORITHMS[n] ?? 'unknown'} (${n})`);
  inp.u8('fp_type', (n) => `${n === 1 ? 'SHA-1' : n === 2 ? 'SHA-256' : 'unknown'} (${n})`);
  rest(inp, 'fingerprint', hex, 1);
});

// RFC 4034, Section 3.1.
readers.set(RRType.RRSIG, (inp, state) => {
  inp.u16('type_covered', (t) => `${typeName(t)} (${t})`);
  inp.u8('algorithm', algorithm);
  inp.u8('labels');
  inp.u32('original_ttl', (v) => `${v} (${humanDuration(v)})`);
  timestamp(inp, 'signature_expiration');
  timestamp(inp, 'signature_inception');
  inp.u16('key_tag');
  readName(inp, state, 'signer_name', 'dns.rdata.name');
  rest(inp, 'signature', base64, 1);
});

// RFC 4034, Section 4.1.
readers.set(RRType.NSEC, (inp, state) => {
  readName(inp, state, 'next_domain_name', 'dns.rdata.name');
  inp.group(
    'type_bit_maps',
    () => typeBitMaps(inp),
    (t) => t.join(' '),
  );
});

/** RFC 4034, Appendix B: the key tag of a DNSKEY RDATA (algorithm 1 aside, which is obsolete). */
export function keyTag(rdata: Uint8Array): number {
  let ac = 0;
  for (let i = 0; i < rdata.length; i++) ac += i & 1 ? rdata[i]! : rdata[i]! << 8;
  ac += (ac >> 16) & 0xffff;
  return ac & 0xffff;
}

// RFC 4034, Section 2.1.
readers.set(RRType.DNSKEY, (inp, _state, end) => {
  const start = inp.offset;
  inp.u16('flags', (f) => {
    const bits = [f & 0x100 ? 'ZONE' : '', f & 0x1 ? 'SEP' : '', f & 0x80 ? 'REVOKE' : ''];
    const set = bits.filter(Boolean).join(' ');
    return set
      ? `${f} (${set})`
      : phrase('dns.flags.bits', { value: f, bits: phrase('dns.flags.none') });
  });
  const at = inp.offset;
  // RFC 4034, Section 2.1.2: "The Protocol Field MUST have value 3".
  const protocol = inp.u8('protocol');
  if (protocol !== 3) throw new DnsDecodeError('decode.dns.dnskey_protocol', { protocol }, at);
  inp.u8('algorithm', algorithm);
  const tag = keyTag(inp.buf.subarray(start, end));
  rest(inp, 'public_key', (b) => `${b.length} bytes, key tag ${tag}`, 1);
});

/** RFC 5155, Section 3.3: the hash is shown in base32hex, as in zone files. */
function base32hex(b: Uint8Array): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUV';
  let out = '';
  let bits = 0;
  let value = 0;
  for (const x of b) {
    value = (value << 8) | x;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

function nsec3Params(inp: WireIn): void {
  inp.u8('hash_algorithm', (n) => `${n === 1 ? 'SHA-1' : 'unknown'} (${n})`);
  inp.u8('flags', (f) => (f & 1 ? `${f} (Opt-Out)` : `${f}`));
  inp.u16('iterations');
  need(inp, 1, 'salt_length');
  inp.group(
    'salt',
    () => {
      const n = inp.u8('salt_length');
      return n === 0 ? new Uint8Array(0) : inp.bytes(n, 'salt_value', hex);
    },
    (s) => (s.length === 0 ? '-' : hex(s)),
  );
}

// RFC 5155, Section 3.2.
readers.set(RRType.NSEC3, (inp) => {
  nsec3Params(inp);
  need(inp, 1, 'hash_length');
  inp.group(
    'next_hashed_owner_name',
    () => {
      const at = inp.offset;
      const n = inp.u8('hash_length');
      if (n === 0) throw new DnsDecodeError('decode.dns.nsec3_hash_empty', {}, at);
      return inp.bytes(n, 'next_hashed_owner', base32hex);
    },
    base32hex,
  );
  inp.group(
    'type_bit_maps',
    () => typeBitMaps(inp),
    (t) => t.join(' '),
  );
});

// RFC 5155, Section 4.2.
readers.set(RRType.NSEC3PARAM, (inp) => nsec3Params(inp));

// RFC 6698, Section 2.1.
const TLSA_USAGE = ['PKIX-TA', 'PKIX-EE', 'DANE-TA', 'DANE-EE'];
readers.set(RRType.TLSA, (inp) => {
  inp.u8('certificate_usage', (n) => `${TLSA_USAGE[n] ?? 'unknown'} (${n})`);
  inp.u8('selector', (n) => `${['Cert', 'SPKI'][n] ?? 'unknown'} (${n})`);
  inp.u8('matching_type', (n) => `${['Full', 'SHA2-256', 'SHA2-512'][n] ?? 'unknown'} (${n})`);
  rest(inp, 'certificate_association_data', hex);
});

/** RFC 9460, Section 14.3.2: the SvcParamKeys. */
const SVC_KEYS = [
  'mandatory',
  'alpn',
  'no-default-alpn',
  'port',
  'ipv4hint',
  'ech',
  'ipv6hint',
  'dohpath',
];
const svcKey = (k: number) => SVC_KEYS[k] ?? `key${k}`;

function svcParamValue(inp: WireIn, key: number, length: number): string {
  const at = inp.offset;
  const fail = (problem: DecodeKey, params: DecodeParams = {}) =>
    new DnsDecodeError('decode.dns.svc_param', { ...params, key: svcKey(key), problem }, at);
  const list = <T>(width: number, read: () => T): T[] => {
    if (length === 0 || length % width !== 0)
      throw fail('decode.dns.svc.not_multiple', { length, width });
    const out: T[] = [];
    for (let i = 0; i < length / width; i++) out.push(read());
    return out;
  };
  switch (key) {
    case 0:
      return list(2, () => svcKey(inp.u16('key', (k) => `${svcKey(k)} (${k})`))).join(',');
    case 1: {
      // RFC 9460, Section 7.1.1: a list of character-strings, none empty.
      const names: string[] = [];
      const end = inp.offset + length;
      while (inp.offset < end) {
        const n = inp.peekU8();
        if (n === 0) throw fail('decode.dns.svc.empty_alpn');
        if (inp.offset + 1 + n > end) throw fail('decode.dns.svc.alpn_overrun', { n });
        names.push(quoteCharacterString(characterString(inp, 'alpn_id')));
      }
      return names.join(',');
    }
    case 2:
      if (length !== 0) throw fail('decode.dns.svc.not_empty', { length });
      return '';
    case 3:
      if (length !== 2) throw fail('decode.dns.svc.not_two', { length });
      return `${inp.u16('port')}`;
    case 4:
      return list(4, () => formatIPv4(inp.bytes(4, 'ipv4', formatIPv4))).join(',');
    case 6:
      return list(16, () => formatIPv6(inp.bytes(16, 'ipv6', formatIPv6))).join(',');
    default:
      return length === 0 ? '' : hex(inp.bytes(length, 'value', key === 5 ? base64 : hex));
  }
}

function svcb(inp: WireIn, state: NameDecodeState): void {
  inp.u16('svc_priority', (p) => (p === 0 ? '0 (AliasMode)' : `${p} (ServiceMode)`));
  readName(inp, state, 'target_name', 'dns.rdata.name');
  // RFC 9460, Section 2.2: keys in strictly increasing order, each at most once.
  let last = -1;
  while (inp.remaining > 0) {
    const at = inp.offset;
    need(inp, 4, 'SvcParam');
    const key = inp.buf[at]! * 256 + inp.buf[at + 1]!;
    const length = inp.buf[at + 2]! * 256 + inp.buf[at + 3]!;
    if (key <= last) throw new DnsDecodeError('decode.dns.svc_key_order', { key: svcKey(key) }, at);
    last = key;
    inp.group(
      'svc_param',
      () => {
        inp.u16('key', (k) => `${svcKey(k)} (${k})`);
        inp.u16('length');
        need(inp, length, `SvcParam ${svcKey(key)}`);
        const value = svcParamValue(inp, key, length);
        if (inp.offset !== at + 4 + length)
          throw new DnsDecodeError('decode.dns.svc_value_fill', { key: svcKey(key) }, inp.offset);
        return value;
      },
      (v) => (v === '' ? svcKey(key) : `${svcKey(key)}=${v}`),
    );
  }
}
readers.set(RRType.SVCB, svcb);
readers.set(RRType.HTTPS, svcb);

// RFC 8945, Section 4.2.
readers.set(RRType.TSIG, (inp, state) => {
  readName(inp, state, 'algorithm_name', 'dns.rdata.name');
  time48(inp, 'time_signed');
  inp.u16('fudge');
  need(inp, 2, 'mac_size');
  const macSize = inp.u16('mac_size');
  if (macSize > 0) {
    need(inp, macSize, 'mac');
    inp.bytes(macSize, 'mac', hex);
  }
  inp.u16('original_id');
  inp.u16('error', (e) => `${rcodeName(e)} (${e})`);
  const otherLen = inp.u16('other_len');
  if (otherLen > 0) {
    need(inp, otherLen, 'other_data');
    inp.bytes(otherLen, 'other_data', hex);
  }
});

// RFC 2930, Section 2.
const TKEY_MODES: Record<number, string> = {
  1: 'server assignment',
  2: 'Diffie-Hellman exchange',
  3: 'GSS-API negotiation',
  4: 'resolver assignment',
  5: 'key deletion',
};
readers.set(RRType.TKEY, (inp, state) => {
  readName(inp, state, 'algorithm', 'dns.rdata.name');
  timestamp(inp, 'inception');
  timestamp(inp, 'expiration');
  inp.u16('mode', (m) => `${TKEY_MODES[m] ?? 'unknown'} (${m})`);
  inp.u16('error', (e) => `${rcodeName(e)} (${e})`);
  const keySize = inp.u16('key_size');
  if (keySize > 0) {
    need(inp, keySize, 'key_data');
    inp.bytes(keySize, 'key_data', hex);
  }
  const otherSize = inp.u16('other_size');
  if (otherSize > 0) {
    need(inp, otherSize, 'other_data');
    inp.bytes(otherSize, 'other_data', hex);
  }
});

// RFC 7553, Section 4.5.
readers.set(RRType.URI, (inp) => {
  inp.u16('priority');
  inp.u16('weight');
  rest(inp, 'target', (b) => quoteCharacterString(b), 1);
});
