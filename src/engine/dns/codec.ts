/**
 * DNS messages on the wire (RFC 1035, Section 4.1), with EDNS(0) (RFC 6891, Section 6).
 *
 * `encodeMessage` and `decodeMessage` produce the same span tree for the same bytes, so the
 * inspector explains exactly what was sent or received. Pass `{ annotate: false }` to skip spans
 * (servers, benchmarks).
 */
import { DnsDecodeError } from './decode-error';
import {
  DecodeError,
  EncodeError,
  phrase,
  type DecodeKey,
  type Encoded,
  type Span,
  type SpanPhrase,
  type SpanValue,
} from '../bytes';
import { Name } from './name';
import { CompressionTable, NameDecodeState, readName, writeName } from './namewire';
import { formatRecord, humanDuration } from './present';
import { ednsOptionName, readEdnsOptionData } from './edns-options';
import { readRData, writeRData } from './rdata';
import {
  RRClass,
  RRType,
  className,
  opcodeName,
  rcodeName,
  typeName,
  type Edns,
  type Header,
  type Message,
  type Question,
  type ResourceRecord,
  type SectionName,
  rcode,
  rrClass,
  rrType,
} from './types';
import { AnnotatedIn, AnnotatedOut, LeanIn, LeanOut, type WireIn, type WireOut } from './wire';

export interface CodecOptions {
  /** Record annotation spans (default true). */
  annotate?: boolean;
  /** Compress names (default true); off only to show the difference. */
  compress?: boolean;
}

/** RFC 6891 §6.1.3: the OPT TTL field holds the extended rcode, version, DO and Z. */
const DO_BIT = 0x8000;
/** The header holds the low 4 bits of the rcode; EDNS holds the upper 8 (RFC 6891 §6.1.3). */
const HEADER_RCODE_MASK = 0xf;
const MAX_RCODE = 0xfff;

const hex16 = (v: number) => `0x${v.toString(16).padStart(4, '0')}`;
const flag = (on: boolean, name: string) => `${name}=${on ? 1 : 0}`;

function flagsHighText(h: Header): string {
  return `${flag(h.qr, 'QR')} opcode=${opcodeName(h.opcode)} ${flag(h.aa, 'AA')} ${flag(h.tc, 'TC')} ${flag(h.rd, 'RD')}`;
}
function flagsLowText(h: Header): string {
  return `${flag(h.ra, 'RA')} ${flag(h.z, 'Z')} ${flag(h.ad, 'AD')} ${flag(h.cd, 'CD')} rcode=${rcodeName(h.rcode & HEADER_RCODE_MASK)}`;
}
/** "response, QUERY, NOERROR, AA RD" — the header flags in one line. */
export function flagsSummary(h: Header): SpanPhrase {
  const set = (
    [
      ['AA', h.aa],
      ['TC', h.tc],
      ['RD', h.rd],
      ['RA', h.ra],
      ['Z', h.z],
      ['AD', h.ad],
      ['CD', h.cd],
    ] as const
  )
    .filter(([, on]) => on)
    .map(([name]) => name);
  const params = {
    qr: phrase(h.qr ? 'dns.qr.response' : 'dns.qr.query'),
    opcode: opcodeName(h.opcode),
    rcode: rcodeName(h.rcode),
  };
  return set.length
    ? phrase('dns.flags.set', { ...params, set: set.join(' ') })
    : phrase('dns.flags', params);
}

/** "id 0x1a2b, response, QUERY, NOERROR": the header in one line. */
function headerSummary(h: Header): SpanPhrase {
  return phrase('dns.header', { id: hex16(h.id), flags: flagsSummary(h) });
}

function flagsHighByte(h: Header): number {
  if (h.opcode < 0 || h.opcode > 15) throw new EncodeError(`opcode out of range: ${h.opcode}`);
  return (+h.qr << 7) | (h.opcode << 3) | (+h.aa << 2) | (+h.tc << 1) | +h.rd;
}
function flagsLowByte(h: Header): number {
  return (+h.ra << 7) | (+h.z << 6) | (+h.ad << 5) | (+h.cd << 4) | (h.rcode & HEADER_RCODE_MASK);
}

const typeText = (t: number) => `${typeName(t)} (${t})`;
const classText = (c: number) => `${className(c)} (${c})`;
const ednsOptionText = (code: number) => `${ednsOptionName(code)} (${code})`;

/**
 * mDNS uses the top bit of a class (RFC 6762): in a question it asks for a unicast response
 * (Section 5.4), in a record it is the cache-flush bit (Section 10.2). Unicast DNS has no class
 * above 0x7fff in use, so a set top bit over a known class is read that way.
 */
const MDNS_CLASS_BIT = 0x8000;
function mdnsClassText(c: number, bit: string): string {
  const low = c & ~MDNS_CLASS_BIT;
  if (c & MDNS_CLASS_BIT && !className(low).startsWith('CLASS'))
    return `${className(low)} (${low}), ${bit}`;
  return classText(c);
}
const qclassText = (c: number) => mdnsClassText(c, 'unicast response (QU)');
const rrclassText = (c: number) => mdnsClassText(c, 'cache flush');
const ttlText = (t: number) => `${t} (${humanDuration(t)})`;

// ---------------------------------------------------------------------------------------------
// Encoding

export function encodeMessage(message: Message, opts: CodecOptions = {}): Encoded {
  const annotate = opts.annotate ?? true;
  const out: WireOut = annotate ? new AnnotatedOut() : new LeanOut();
  const table = (opts.compress ?? true) ? new CompressionTable() : undefined;
  const h = message.header;
  // The header shows only the rcode's low 4 bits; the rest is in the OPT record.
  const shown: Header = { ...h, rcode: rcode(h.rcode & HEADER_RCODE_MASK) };
  if (h.rcode < 0 || h.rcode > MAX_RCODE) throw new EncodeError(`rcode out of range: ${h.rcode}`);
  if (h.rcode > HEADER_RCODE_MASK && !message.edns) {
    throw new EncodeError(`rcode ${rcodeName(h.rcode)} needs an OPT record (RFC 6891 §6.1.3)`);
  }
  const arcount = message.additional.length + (message.edns ? 1 : 0);

  // RFC 1035 §4.1.1
  out.group(
    'header',
    () => {
      out.u16(h.id, 'id', () => hex16(h.id), 'dns.header.id');
      out.group(
        'flags',
        () => {
          out.u8(
            flagsHighByte(h),
            'QR opcode AA TC RD',
            () => flagsHighText(h),
            'dns.header.flags1',
          );
          out.u8(flagsLowByte(h), 'RA Z AD CD rcode', () => flagsLowText(h), 'dns.header.flags2');
        },
        () => flagsSummary(shown),
        'dns.header.flags',
      );
      out.u16(message.questions.length, 'qdcount', undefined, 'dns.header.qdcount');
      out.u16(message.answers.length, 'ancount', undefined, 'dns.header.ancount');
      out.u16(message.authority.length, 'nscount', undefined, 'dns.header.nscount');
      out.u16(arcount, 'arcount', undefined, 'dns.header.arcount');
    },
    () => headerSummary(shown),
    'dns.header',
  );
  // RFC 1035 §4.1.2
  for (const q of message.questions) writeQuestion(out, q, table);
  // RFC 1035 §4.1.3
  for (const rr of message.answers) writeRecord(out, rr, table, 'answer');
  for (const rr of message.authority) writeRecord(out, rr, table, 'authority');
  for (const rr of message.additional) writeRecord(out, rr, table, 'additional');
  if (message.edns) writeOpt(out, message.edns, h.rcode >>> 4);

  const encoded = out.finish();
  if (annotate) fillRdlengths(encoded);
  return encoded;
}

function writeQuestion(out: WireOut, q: Question, table: CompressionTable | undefined): void {
  out.group(
    'question',
    () => {
      writeName(out, q.name, table, 'qname', 'dns.question.qname');
      out.u16(q.type, 'qtype', () => typeText(q.type), 'dns.question.qtype');
      out.u16(q.class, 'qclass', () => classText(q.class), 'dns.question.qclass');
    },
    () => `${q.name} ${typeName(q.type)}`,
    'dns.question',
  );
}

function writeRecord(
  out: WireOut,
  rr: ResourceRecord,
  table: CompressionTable | undefined,
  section: SectionName,
): void {
  if (rr.type === RRType.OPT) {
    throw new EncodeError('OPT goes in Message.edns, not among the records (RFC 6891 §6.1.1)');
  }
  out.group(
    section,
    () => {
      writeName(out, rr.name, table, 'name', 'dns.rr.name');
      out.u16(rr.type, 'type', () => typeText(rr.type), 'dns.rr.type');
      out.u16(rr.class, 'class', () => classText(rr.class), 'dns.rr.class');
      out.u32(rr.ttl, 'ttl', () => ttlText(rr.ttl), 'dns.rr.ttl');
      const lengthAt = out.length;
      out.u16(0, 'rdlength', undefined, 'dns.rr.rdlength');
      const start = out.length;
      out.group(
        'rdata',
        () => writeRData(out, rr.type, rr.data, rr.data.kind === 'unknown' ? undefined : table),
        undefined,
        'dns.rr.rdata',
      );
      const rdlength = out.length - start;
      if (rdlength > 0xffff) throw new EncodeError(`RDATA of ${rdlength} octets is too long`);
      out.patchU16(lengthAt, rdlength);
    },
    () => formatRecord(rr),
    `dns.${section}`,
  );
}

/** "OPT extended rcode 0, version 0, no DO, udp 1232": the OPT record in one line. */
function optText(extendedRcode: number, edns: Edns): SpanPhrase {
  return phrase('dns.opt', {
    rcode: extendedRcode,
    version: edns.version,
    do: phrase(edns.dnssecOk ? 'dns.opt.do' : 'dns.opt.no_do'),
    udp: edns.udpPayloadSize,
  });
}

/** RFC 6891 §6.1.2: the OPT pseudo-record, always owned by the root. */
function writeOpt(out: WireOut, edns: Edns, extendedRcode: number): void {
  const flags = (edns.dnssecOk ? DO_BIT : 0) | (edns.zFlags & ~DO_BIT);
  out.group(
    'additional',
    () => {
      writeName(out, Name.root, undefined, 'name', 'dns.rr.name');
      out.u16(RRType.OPT, 'type', () => typeText(RRType.OPT), 'dns.rr.type');
      out.u16(edns.udpPayloadSize, 'udp payload size', undefined, 'dns.opt.udp_payload_size');
      out.u8(extendedRcode, 'extended rcode', undefined, 'dns.opt.extended_rcode');
      out.u8(edns.version, 'version', undefined, 'dns.opt.version');
      out.u16(
        flags,
        'flags',
        () => (edns.dnssecOk ? 'DO' : phrase('dns.flags.none')),
        'dns.opt.flags',
      );
      const lengthAt = out.length;
      out.u16(0, 'rdlength', undefined, 'dns.rr.rdlength');
      const start = out.length;
      for (const option of edns.options) {
        // Only an annotated message needs the option's fields.
        const fields =
          out instanceof AnnotatedOut ? optionFields(option.code, option.data) : undefined;
        out.group(
          'option',
          () => {
            out.u16(option.code, 'code', () => ednsOptionText(option.code), 'dns.opt.option.code');
            out.u16(option.data.length, 'length', undefined, 'dns.opt.option.length');
            if (fields) replaySpans(out, option.data, fields.spans);
            else out.bytes(option.data, 'data', undefined, 'dns.opt.option.data');
          },
          () => fields?.summary ?? phrase('dns.option', { code: option.code }),
          'dns.opt.option',
        );
      }
      out.patchU16(lengthAt, out.length - start);
    },
    () => optText(extendedRcode, edns),
    'dns.additional',
  );
}

/**
 * The fields of an option's data as the decoder reads them, so that encoding and decoding give
 * the same span tree; undefined when the data does not read (it is then written as raw bytes).
 */
function optionFields(
  code: number,
  data: Uint8Array,
): { spans: Span[]; summary: SpanValue } | undefined {
  try {
    const inp = new AnnotatedIn(data);
    const { summary } = readEdnsOptionData(inp, code, data.length);
    return { spans: inp.spans, summary };
  } catch (e) {
    if (e instanceof DecodeError) return undefined;
    throw e;
  }
}

/** Writes `bytes` again under spans recorded over them. */
function replaySpans(out: WireOut, bytes: Uint8Array, spans: readonly Span[]): void {
  for (const s of spans) {
    const value = s.value === undefined ? undefined : () => s.value!;
    if (s.children.length > 0)
      out.group(s.name, () => replaySpans(out, bytes, s.children), value, s.explain);
    else out.bytes(bytes.slice(s.offset, s.offset + s.length), s.name, value, s.explain);
  }
}

/** RDLENGTH is written before the RDATA it measures; give its span the real value afterwards. */
function fillRdlengths(encoded: Encoded): void {
  const visit = (spans: Span[]) => {
    for (const span of spans) {
      if (span.explain === 'dns.rr.rdlength') {
        span.value = (encoded.bytes[span.offset]! << 8) | encoded.bytes[span.offset + 1]!;
      }
      visit(span.children);
    }
  };
  visit(encoded.spans);
}

// ---------------------------------------------------------------------------------------------
// Decoding

export interface Decoded {
  message: Message;
  spans: Span[];
}

/** Reasons that mean the bytes ran out: inside RDATA, the RDATA outgrew its RDLENGTH. */
const TRUNCATED: ReadonlySet<DecodeKey> = new Set<DecodeKey>([
  'decode.truncated',
  'decode.dns.name_past_end',
  'decode.dns.pointer_truncated',
  'decode.dns.label_past_end',
  'decode.dns.rdlength_truncated',
]);

export function decodeMessage(bytes: Uint8Array, opts: CodecOptions = {}): Decoded {
  const inp: WireIn = (opts.annotate ?? true) ? new AnnotatedIn(bytes) : new LeanIn(bytes);
  try {
    const message = readMessage(inp, new NameDecodeState());
    return { message, spans: inp.spans };
  } catch (error) {
    if (error instanceof DecodeError) throw error;
    // Anything else is a bug or an unforeseen input; it still becomes a one-line decode error.
    // The original stays as `cause`, so the fuzzer (test/fuzz/targets) can tell it from a typed one.
    const reason = error instanceof Error ? error.message : String(error);
    throw Object.assign(new DnsDecodeError('decode.unexpected', { detail: reason }, inp.offset), {
      cause: error,
    });
  }
}

function readMessage(inp: WireIn, state: NameDecodeState): Message {
  let counts = [0, 0, 0, 0];
  let low4 = 0;
  const header = inp.group(
    'header',
    (): Header => {
      const id = inp.u16('id', hex16, 'dns.header.id');
      let high = 0;
      let low = 0;
      const partial = inp.group(
        'flags',
        () => {
          high = inp.u8(
            'QR opcode AA TC RD',
            (b) => flagsHighText(headerFrom(b, 0, 0)),
            'dns.header.flags1',
          );
          low = inp.u8(
            'RA Z AD CD rcode',
            (b) => flagsLowText(headerFrom(0, b, 0)),
            'dns.header.flags2',
          );
          return headerFrom(high, low, id);
        },
        flagsSummary,
        'dns.header.flags',
      );
      counts = [
        inp.u16('qdcount', undefined, 'dns.header.qdcount'),
        inp.u16('ancount', undefined, 'dns.header.ancount'),
        inp.u16('nscount', undefined, 'dns.header.nscount'),
        inp.u16('arcount', undefined, 'dns.header.arcount'),
      ];
      low4 = partial.rcode;
      return partial;
    },
    headerSummary,
    'dns.header',
  );
  const message: Message = { header, questions: [], answers: [], authority: [], additional: [] };
  for (let i = 0; i < counts[0]!; i++) message.questions.push(readQuestion(inp, state));
  const sections: [SectionName, ResourceRecord[]][] = [
    ['answer', message.answers],
    ['authority', message.authority],
    ['additional', message.additional],
  ];
  sections.forEach(([section, list], s) => {
    for (let i = 0; i < counts[s + 1]!; i++) {
      const at = inp.offset;
      const item = readRecord(inp, state, section);
      if ('edns' in item) {
        // RFC 6891 §6.1.1: at most one OPT, and only in the additional section.
        if (section !== 'additional') {
          throw new DnsDecodeError('decode.dns.opt_in_section', { section }, at);
        }
        if (message.edns) throw new DnsDecodeError('decode.dns.opt_twice', {}, at);
        message.edns = item.edns;
        header.rcode = rcode((item.extendedRcode << 4) | low4);
      } else {
        list.push(item);
      }
    }
  });
  inp.expectEnd('message');
  return message;
}

function headerFrom(high: number, low: number, id: number): Header {
  return {
    id,
    qr: (high & 0x80) !== 0,
    opcode: (high >>> 3) & 0xf,
    aa: (high & 0x04) !== 0,
    tc: (high & 0x02) !== 0,
    rd: (high & 0x01) !== 0,
    ra: (low & 0x80) !== 0,
    z: (low & 0x40) !== 0,
    ad: (low & 0x20) !== 0,
    cd: (low & 0x10) !== 0,
    rcode: rcode(low & HEADER_RCODE_MASK),
  };
}

function readQuestion(inp: WireIn, state: NameDecodeState): Question {
  return inp.group(
    'question',
    () => {
      const name = readName(inp, state, 'qname', 'dns.question.qname');
      const type = rrType(inp.u16('qtype', typeText, 'dns.question.qtype'));
      const cls = rrClass(inp.u16('qclass', qclassText, 'dns.question.qclass'));
      return { name, type, class: cls };
    },
    (q) => `${q.name} ${typeName(q.type)}`,
    'dns.question',
  );
}

type ReadItem = ResourceRecord | { edns: Edns; extendedRcode: number };

function readRecord(inp: WireIn, state: NameDecodeState, section: SectionName): ReadItem {
  return inp.group(
    section,
    (): ReadItem => {
      const nameAt = inp.offset;
      // The OPT owner is read under the OPT span name; peek at the type to know which it is.
      const name = readName(inp, state, 'name', 'dns.rr.name');
      const type = rrType(inp.u16('type', typeText, 'dns.rr.type'));
      if (type === RRType.OPT) {
        if (!name.isRoot) throw new DnsDecodeError('decode.dns.opt_owner', {}, nameAt);
        return readOptBody(inp);
      }
      const cls = rrClass(inp.u16('class', rrclassText, 'dns.rr.class'));
      const ttl = inp.u32('ttl', ttlText, 'dns.rr.ttl');
      const rdlength = inp.u16('rdlength', undefined, 'dns.rr.rdlength');
      const rdataAt = inp.offset;
      if (rdlength > inp.remaining) {
        throw new DnsDecodeError(
          'decode.dns.rdlength_truncated',
          { rdlength, left: inp.remaining },
          rdataAt - 2,
        );
      }
      const data = inp.group(
        'rdata',
        () =>
          inp.window(rdlength, 'RDATA', () => {
            // RFC 2136, Sections 2.4 and 2.5: UPDATE prerequisites and deletions of class ANY or
            // NONE carry RDLENGTH 0 whatever the type.
            if (rdlength === 0 && (cls === RRClass.ANY || cls === RRClass.NONE))
              return { kind: 'unknown' as const, bytes: new Uint8Array(0) };
            try {
              return readRData(inp, type, rdlength, state);
            } catch (error) {
              if (error instanceof DecodeError && TRUNCATED.has(error.key)) {
                throw new DnsDecodeError(
                  'decode.dns.rdata_longer',
                  { ...error.params, cause: error.key, type: typeName(type), rdlength },
                  error.offset,
                );
              }
              throw error;
            }
          }),
        undefined,
        'dns.rr.rdata',
      );
      return { name, type, class: cls, ttl, data };
    },
    (item) => ('edns' in item ? optText(item.extendedRcode, item.edns) : formatRecord(item)),
    `dns.${section}`,
  );
}

function readOptBody(inp: WireIn): { edns: Edns; extendedRcode: number } {
  const udpPayloadSize = inp.u16('udp payload size', undefined, 'dns.opt.udp_payload_size');
  const extendedRcode = inp.u8('extended rcode', undefined, 'dns.opt.extended_rcode');
  const version = inp.u8('version', undefined, 'dns.opt.version');
  const flags = inp.u16(
    'flags',
    (f) => (f & DO_BIT ? 'DO' : phrase('dns.flags.none')),
    'dns.opt.flags',
  );
  const rdlength = inp.u16('rdlength', undefined, 'dns.rr.rdlength');
  const options = inp.window(rdlength, 'OPT RDATA', () => {
    const list: Edns['options'] = [];
    const shown = new Map<Uint8Array, SpanValue>();
    while (inp.remaining > 0) {
      list.push(
        inp.group(
          'option',
          () => {
            const code = inp.u16('code', ednsOptionText, 'dns.opt.option.code');
            const length = inp.u16('length', undefined, 'dns.opt.option.length');
            const { data, summary } = readEdnsOptionData(inp, code, length);
            shown.set(data, summary);
            return { code, data };
          },
          (o) => shown.get(o.data) ?? phrase('dns.option', { code: o.code }),
          'dns.opt.option',
        ),
      );
    }
    return list;
  });
  return {
    edns: {
      udpPayloadSize,
      version,
      dnssecOk: (flags & DO_BIT) !== 0,
      zFlags: flags & ~DO_BIT,
      options,
    },
    extendedRcode,
  };
}
