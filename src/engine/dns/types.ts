/**
 * DNS message types (RFC 1035, Section 4.1) and the registries' names for their numbers
 * (RFC 6895 and the IANA "Domain Name System (DNS) Parameters" registry).
 *
 * Wire enums keep the raw number: an unknown type, class or rcode survives a round trip and is
 * printed in the RFC 3597 generic form (TYPE65280, CLASS7, RCODE12).
 */
import type { Name } from './name';

declare const rrTypeBrand: unique symbol;
/**
 * A record type number. Any 16-bit value is one (RFC 3597 §2), so it is a branded number rather
 * than a closed enum: an unknown type keeps its number through decode and encode.
 */
export type RRType = number & { readonly [rrTypeBrand]: true };

/** A type number read off the wire or parsed from text. */
export function rrType(value: number): RRType {
  return value as RRType;
}

function brandTypes<K extends string>(table: Record<K, number>): Readonly<Record<K, RRType>> {
  return table as Record<K, RRType>;
}

/** A table of wire numbers, each given the brand `B`. */
function brand<B extends number>() {
  return <K extends string>(table: Record<K, number>): Readonly<Record<K, B>> =>
    table as Record<K, B>;
}

/** Resource record types (RFC 1035 §3.2.2, RFC 3596 AAAA, RFC 2782 SRV, RFC 6891 OPT, RFC 8659 CAA). */
export const RRType = brandTypes({
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  HINFO: 13,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  LOC: 29,
  SRV: 33,
  NAPTR: 35,
  DNAME: 39,
  OPT: 41,
  DS: 43,
  SSHFP: 44,
  RRSIG: 46,
  NSEC: 47,
  DNSKEY: 48,
  NSEC3: 50,
  NSEC3PARAM: 51,
  TLSA: 52,
  SVCB: 64,
  HTTPS: 65,
  TKEY: 249,
  TSIG: 250,
  IXFR: 251,
  AXFR: 252,
  ANY: 255,
  URI: 256,
  CAA: 257,
});
export type RRTypeName = keyof typeof RRType;

declare const rrClassBrand: unique symbol;
/** A class number; like a type, any 16-bit value is one and survives a round trip (RFC 3597 §2). */
export type RRClass = number & { readonly [rrClassBrand]: true };

/** A class number read off the wire or parsed from text. */
export function rrClass(value: number): RRClass {
  return value as RRClass;
}

/** Classes (RFC 1035 §3.2.4; NONE from RFC 2136; ANY is a QCLASS). */
export const RRClass = brand<RRClass>()({ IN: 1, CH: 3, HS: 4, NONE: 254, ANY: 255 });

/** Opcodes (RFC 1035 §4.1.1, RFC 1996 NOTIFY, RFC 2136 UPDATE, RFC 8490 DSO). */
export const Opcode = { QUERY: 0, IQUERY: 1, STATUS: 2, NOTIFY: 4, UPDATE: 5, DSO: 6 } as const;

declare const rcodeBrand: unique symbol;
/**
 * A response code: the full 12 bits, EDNS's extended part included (RFC 6891 §6.1.3). An unknown
 * value keeps its number, as record types do.
 */
export type Rcode = number & { readonly [rcodeBrand]: true };

/** An rcode read off the wire. */
export function rcode(value: number): Rcode {
  return value as Rcode;
}

/**
 * Response codes. 0–5 are RFC 1035 §4.1.1; 6–10 are RFC 2136 §2.2; 11 is RFC 8490. Values above 15
 * need the EDNS extended rcode (RFC 6891 §6.1.3); 16 is BADVERS there (RFC 6895 §2.3 notes the
 * TSIG reuse of 16 as BADSIG), 23 is BADCOOKIE (RFC 7873).
 */
export const Rcode = brand<Rcode>()({
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
  YXDOMAIN: 6,
  YXRRSET: 7,
  NXRRSET: 8,
  NOTAUTH: 9,
  NOTZONE: 10,
  DSOTYPENI: 11,
  BADVERS: 16,
  BADKEY: 17,
  BADTIME: 18,
  BADMODE: 19,
  BADNAME: 20,
  BADALG: 21,
  BADTRUNC: 22,
  BADCOOKIE: 23,
});
export type RcodeName = keyof typeof Rcode;

function invert(table: Record<string, number>): Map<number, string> {
  return new Map(Object.entries(table).map(([name, value]) => [value, name]));
}
const typeNames = invert(RRType);
const classNames = invert(RRClass);
const opcodeNames = invert(Opcode);
const rcodeNames = invert(Rcode);

/** "A", "CAA", or RFC 3597 §5's "TYPE65280" for types without a mnemonic. */
export function typeName(type: number): string {
  return typeNames.get(type) ?? `TYPE${type}`;
}
export function className(cls: number): string {
  return classNames.get(cls) ?? `CLASS${cls}`;
}
export function opcodeName(opcode: number): string {
  return opcodeNames.get(opcode) ?? `OPCODE${opcode}`;
}
export function rcodeName(rcode: number): string {
  return rcodeNames.get(rcode) ?? `RCODE${rcode}`;
}

/** The number for a type mnemonic or TYPEnnn (RFC 3597 §5), or undefined. */
export function parseTypeName(text: string): RRType | undefined {
  const upper = text.toUpperCase();
  if (Object.hasOwn(RRType, upper)) return RRType[upper as RRTypeName];
  const generic = /^TYPE([0-9]{1,5})$/.exec(upper);
  if (generic && Number(generic[1]) <= 0xffff) return rrType(Number(generic[1]));
  return undefined;
}

/** The number for a class mnemonic or CLASSnnn (RFC 3597 §5), or undefined. */
export function parseClassName(text: string): RRClass | undefined {
  const upper = text.toUpperCase();
  if (Object.hasOwn(RRClass, upper)) return RRClass[upper as keyof typeof RRClass];
  const generic = /^CLASS([0-9]{1,5})$/.exec(upper);
  if (generic && Number(generic[1]) <= 0xffff) return rrClass(Number(generic[1]));
  return undefined;
}

/** The header (RFC 1035 §4.1.1, with AD and CD from RFC 4035 §3.2). */
export interface Header {
  id: number;
  /** QR: this is a response. */
  qr: boolean;
  opcode: number;
  /** AA: the answer comes from an authority for the zone. */
  aa: boolean;
  /** TC: truncated. */
  tc: boolean;
  /** RD: recursion desired. */
  rd: boolean;
  /** RA: recursion available. */
  ra: boolean;
  /** Z: the reserved bit, which must be zero (RFC 1035 §4.1.1); kept so it round-trips. */
  z: boolean;
  /** AD: authentic data (RFC 4035 §3.2.3). */
  ad: boolean;
  /** CD: checking disabled (RFC 4035 §3.2.2). */
  cd: boolean;
  /**
   * The full 12-bit rcode: the low 4 bits live in the header and the high 8 bits in the OPT
   * record's extended rcode (RFC 6891 §6.1.3).
   */
  rcode: Rcode;
}

export interface Question {
  name: Name;
  type: RRType;
  class: RRClass;
}

export type RData =
  | { kind: 'A'; address: string }
  | { kind: 'AAAA'; address: string }
  | { kind: 'NS'; host: Name }
  | { kind: 'CNAME'; target: Name }
  | { kind: 'PTR'; target: Name }
  | {
      kind: 'SOA';
      mname: Name;
      rname: Name;
      serial: number;
      refresh: number;
      retry: number;
      expire: number;
      minimum: number;
    }
  | { kind: 'MX'; preference: number; exchange: Name }
  /** Character-strings as raw octets (RFC 1035 §3.3.14, §3.3). */
  | { kind: 'TXT'; strings: Uint8Array[] }
  | { kind: 'SRV'; priority: number; weight: number; port: number; target: Name }
  | { kind: 'CAA'; flags: number; tag: string; value: Uint8Array }
  /** RDATA kept as octets (RFC 3597), for unknown types or when written as \# in a zone file. */
  | { kind: 'unknown'; bytes: Uint8Array };

export interface ResourceRecord {
  name: Name;
  type: RRType;
  class: RRClass;
  /** Seconds (RFC 1035 §3.2.1; RFC 2181 §8 limits it to 31 bits). */
  ttl: number;
  data: RData;
}

/** A record whose RDATA decoded as variant `K` (a CNAME record with a \\# RDATA is not one). */
export type RecordOf<K extends RData['kind']> = ResourceRecord & {
  data: Extract<RData, { kind: K }>;
};

/** Narrows a record by its RDATA's tag. */
export function isRecordOf<K extends RData['kind']>(
  rr: ResourceRecord,
  kind: K,
): rr is RecordOf<K> {
  return rr.data.kind === kind;
}

/** The records among `records` whose RDATA is variant `K`, in order. */
export function recordsOf<K extends RData['kind']>(
  records: readonly ResourceRecord[],
  kind: K,
): RecordOf<K>[] {
  return records.filter((rr): rr is RecordOf<K> => isRecordOf(rr, kind));
}

/** An EDNS option, kept raw (RFC 6891 §6.1.2). */
export interface EdnsOption {
  code: number;
  data: Uint8Array;
}

/** The OPT pseudo-record's contents (RFC 6891 §6.1.2–§6.1.4). */
export interface Edns {
  /** The requestor's UDP payload size, carried in the CLASS field. */
  udpPayloadSize: number;
  version: number;
  /** DO: DNSSEC answer OK (RFC 3225). */
  dnssecOk: boolean;
  /** The other 15 flag bits, which must be zero but are kept so they round-trip. */
  zFlags: number;
  options: EdnsOption[];
}

export interface Message {
  header: Header;
  questions: Question[];
  answers: ResourceRecord[];
  authority: ResourceRecord[];
  /** Additional records, without the OPT pseudo-record (which is `edns`). */
  additional: ResourceRecord[];
  edns?: Edns;
}

export const SECTION_NAMES = ['answer', 'authority', 'additional'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** A header with every flag clear. */
export function emptyHeader(id: number): Header {
  return {
    id,
    qr: false,
    opcode: Opcode.QUERY,
    aa: false,
    tc: false,
    rd: false,
    ra: false,
    z: false,
    ad: false,
    cd: false,
    rcode: Rcode.NOERROR,
  };
}

/** A standard query for one question (RFC 1035 §4.1.1: opcode QUERY, QDCOUNT 1). */
export function makeQuery(
  id: number,
  question: Question,
  opts: { rd?: boolean; edns?: Edns } = {},
): Message {
  const message: Message = {
    header: { ...emptyHeader(id), rd: opts.rd ?? false },
    questions: [question],
    answers: [],
    authority: [],
    additional: [],
  };
  if (opts.edns) message.edns = opts.edns;
  return message;
}
