/**
 * Presentation format: records as dig and zone files print them (RFC 1035 §5.1), with the
 * RFC 3597 §5 generic form (\# length hex) for RDATA of unknown types.
 */
import { toHex } from '../bytes';
import type { Name } from './name';
import {
  className,
  typeName,
  type Question,
  type RData,
  type ResourceRecord,
  type RRType,
} from './types';

/** A character-string in double quotes; '"' and '\' escaped, other non-printables as \DDD. */
export function quoteCharacterString(octets: Uint8Array): string {
  let out = '"';
  for (const c of octets) {
    if (c === 0x22 || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c < 0x20 || c >= 0x7f) out += '\\' + c.toString().padStart(3, '0');
    else out += String.fromCharCode(c);
  }
  return out + '"';
}

/** "\# 4 c0000201" (RFC 3597 §5); zero-length RDATA is "\# 0". */
export function genericRData(bytes: Uint8Array): string {
  return bytes.length === 0 ? '\\# 0' : `\\# ${bytes.length} ${toHex(bytes)}`;
}

export function formatRData(data: RData): string {
  switch (data.kind) {
    case 'A':
    case 'AAAA':
      return data.address;
    case 'NS':
      return data.host.toString();
    case 'CNAME':
    case 'PTR':
      return data.target.toString();
    case 'SOA':
      return `${data.mname} ${data.rname} ${data.serial} ${data.refresh} ${data.retry} ${data.expire} ${data.minimum}`;
    case 'MX':
      return `${data.preference} ${data.exchange}`;
    case 'TXT':
      return data.strings.map(quoteCharacterString).join(' ');
    case 'SRV':
      return `${data.priority} ${data.weight} ${data.port} ${data.target}`;
    case 'CAA':
      return `${data.flags} ${data.tag} ${quoteCharacterString(data.value)}`;
    case 'unknown':
      return genericRData(data.bytes);
  }
}

/** One record as dig prints it: `www.example.com. 300 IN A 192.0.2.1`. */
export function formatRecord(rr: ResourceRecord): string {
  return `${rr.name} ${rr.ttl} ${className(rr.class)} ${typeName(rr.type)} ${formatRData(rr.data)}`;
}

export function formatQuestion(q: Question): string {
  return `${q.name} ${className(q.class)} ${typeName(q.type)}`;
}

/** "www.example.com A", the short form used in message names. */
export function shortQuestion(name: Name, type: RRType): string {
  const text = name.toString();
  return `${text === '.' ? '.' : text.slice(0, -1)} ${typeName(type)}`;
}

const UNITS: [string, number][] = [
  ['w', 604800],
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
];

/** A TTL for people, in the BIND units the zone parser accepts: 5400 → "1h30m", 0 → "0s". */
export function humanDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  let rest = seconds;
  let out = '';
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}
