import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError, fromHex, spanAt, toHex, utf8 } from '../bytes';
import { decodeMessage, encodeMessage } from './codec';
import { Name } from './name';
import { CompressionTable, NameDecodeState, readName, writeName } from './namewire';
import { plainMessage } from './plain';
import { formatRecord } from './present';
import {
  RRClass,
  RRType,
  Rcode,
  emptyHeader,
  type Message,
  type RData,
  type ResourceRecord,
  rrType,
  rcode,
} from './types';
import { AnnotatedIn, LeanIn, LeanOut } from './wire';
import { SPAN_VALUE_TEXT_EN } from '../../i18n/span-values.en';
import { spanValueText } from '../../i18n/span-value';

const n = Name.parse;
const rr = (name: string, type: RRType, ttl: number, data: RData): ResourceRecord => ({
  name: n(name),
  type,
  class: RRClass.IN,
  ttl,
  data,
});

/** One record of every supported type, plus an unknown one. */
function everyTypeMessage(): Message {
  return {
    header: { ...emptyHeader(0xbeef), qr: true, aa: true, rd: true, ad: true, cd: true },
    questions: [{ name: n('www.example.com'), type: RRType.A, class: RRClass.IN }],
    answers: [
      rr('www.example.com', RRType.A, 300, { kind: 'A', address: '192.0.2.1' }),
      rr('www.example.com', RRType.AAAA, 300, { kind: 'AAAA', address: '2001:db8::1' }),
      rr('alias.example.com', RRType.CNAME, 60, { kind: 'CNAME', target: n('www.example.com') }),
      rr('1.2.0.192.in-addr.arpa', RRType.PTR, 3600, { kind: 'PTR', target: n('www.example.com') }),
      rr('example.com', RRType.MX, 3600, {
        kind: 'MX',
        preference: 10,
        exchange: n('mail.example.com'),
      }),
      rr('example.com', RRType.TXT, 3600, {
        kind: 'TXT',
        strings: [utf8('v=spf1 -all'), utf8('say "hi"\\'), new Uint8Array([0, 255])],
      }),
      rr('_sip._udp.example.com', RRType.SRV, 86400, {
        kind: 'SRV',
        priority: 0,
        weight: 5,
        port: 5060,
        target: n('sip.example.com'),
      }),
      rr('example.com', RRType.CAA, 86400, {
        kind: 'CAA',
        flags: 0,
        tag: 'issue',
        value: utf8('ca.example.net'),
      }),
      rr('example.com', rrType(65280), 30, { kind: 'unknown', bytes: fromHex('0a000001') }),
    ],
    authority: [
      rr('example.com', RRType.NS, 86400, { kind: 'NS', host: n('ns1.example.com') }),
      rr('example.com', RRType.SOA, 3600, {
        kind: 'SOA',
        mname: n('ns1.example.com'),
        rname: n('hostmaster.example.com'),
        serial: 2026011501,
        refresh: 7200,
        retry: 3600,
        expire: 1209600,
        minimum: 300,
      }),
    ],
    additional: [rr('ns1.example.com', RRType.A, 86400, { kind: 'A', address: '203.0.113.10' })],
    edns: {
      udpPayloadSize: 1232,
      version: 0,
      dnssecOk: true,
      zFlags: 0,
      options: [{ code: 10, data: fromHex('0102030405060708') }],
    },
  };
}

function expectDecodeError(bytes: Uint8Array, pattern: RegExp, offset?: number): DecodeError {
  let caught: unknown;
  try {
    decodeMessage(bytes);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DecodeError);
  const error = caught as DecodeError;
  expect(error.message).toMatch(pattern);
  if (offset !== undefined) expect(error.offset).toBe(offset);
  return error;
}

/** A header with the given counts and nothing else set. */
function header(qd: number, an = 0, ns = 0, ar = 0): string {
  const c = (v: number) => v.toString(16).padStart(4, '0');
  return `1234 0000 ${c(qd)} ${c(an)} ${c(ns)} ${c(ar)}`;
}

describe('name compression: the RFC 1035 §4.1.4 example', () => {
  // F.ISI.ARPA at offset 20, FOO.F.ISI.ARPA at 40, ARPA at 64 and the root at 92.
  const out = new LeanOut();
  const table = new CompressionTable();
  const padTo = (offset: number) => {
    while (out.length < offset) out.u8(0xee);
  };
  padTo(20);
  writeName(out, n('F.ISI.ARPA'), table, 'name', 'x');
  padTo(40);
  writeName(out, n('FOO.F.ISI.ARPA'), table, 'name', 'x');
  padTo(64);
  writeName(out, n('ARPA'), table, 'name', 'x');
  padTo(92);
  writeName(out, Name.root, table, 'name', 'x');
  const bytes = out.finish().bytes;

  it('writes the octets and pointers the RFC shows', () => {
    expect(toHex(bytes.subarray(20, 32))).toBe(
      '01' + '46' + '03' + '495349' + '04' + '41525041' + '00',
    );
    // FOO, then a pointer to offset 20 (0xC014).
    expect(toHex(bytes.subarray(40, 46))).toBe('03' + '464f4f' + 'c014');
    // ARPA is a pointer to offset 26, where the label ARPA of F.ISI.ARPA starts (0xC01A).
    expect(toHex(bytes.subarray(64, 66))).toBe('c01a');
    expect(bytes[92]).toBe(0);
    expect(bytes.length).toBe(93);
  });

  it('reads them back, with spans that name the pointer targets', () => {
    const inp = new AnnotatedIn(bytes);
    const state = new NameDecodeState();
    const names: string[] = [];
    for (const at of [20, 40, 64, 92]) {
      inp.bytes(at - inp.offset);
      names.push(readName(inp, state, 'name', 'dns.rr.name').toString());
    }
    expect(names).toEqual(['F.ISI.ARPA.', 'FOO.F.ISI.ARPA.', 'ARPA.', '.']);
    const pointer = (at: number) => {
      const span = spanAt(inp.spans, at)!;
      return `${span.name}: ${spanValueText(SPAN_VALUE_TEXT_EN, span.value!)}`;
    };
    expect(pointer(44)).toBe('pointer: → offset 20 (F.ISI.ARPA.)');
    expect(pointer(64)).toBe('pointer: → offset 26 (ARPA.)');
    expect(spanAt(inp.spans, 40)).toMatchObject({ name: 'label', value: 'FOO' });
  });

  it('leaves SRV targets uncompressed (RFC 2782) but compresses MX exchanges', () => {
    const m: Message = {
      header: emptyHeader(1),
      questions: [{ name: n('sip.example.com'), type: RRType.SRV, class: RRClass.IN }],
      answers: [
        rr('_sip._udp.example.com', RRType.SRV, 60, {
          kind: 'SRV',
          priority: 1,
          weight: 1,
          port: 5060,
          target: n('sip.example.com'),
        }),
        rr('example.com', RRType.MX, 60, {
          kind: 'MX',
          preference: 1,
          exchange: n('sip.example.com'),
        }),
      ],
      authority: [],
      additional: [],
    };
    const { bytes: wire } = encodeMessage(m, { annotate: false });
    const hex = toHex(wire);
    // sip.example.com written in full twice would be 03 736970 07 6578616d706c65 03 636f6d 00.
    const full = '03736970076578616d706c6503636f6d00';
    expect(hex.split(full).length - 1).toBe(2); // the question and the SRV target
    // The MX exchange is a bare pointer to the question name at offset 12.
    expect(hex.endsWith('0001c00c')).toBe(true);
  });
});

describe('encodeMessage / decodeMessage', () => {
  it('round-trips a record of every type, with EDNS', () => {
    const m = everyTypeMessage();
    const { bytes } = encodeMessage(m);
    const { message } = decodeMessage(bytes);
    expect(plainMessage(message)).toEqual(plainMessage(m));
    expect(message.header.rcode).toBe(Rcode.NOERROR);
  });

  it('produces the same span tree when encoding and decoding, covering every byte', () => {
    const encoded = encodeMessage(everyTypeMessage());
    const decoded = decodeMessage(encoded.bytes);
    expect(decoded.spans).toEqual(encoded.spans);
    for (let i = 0; i < encoded.bytes.length; i++) {
      expect(spanAt(encoded.spans, i), `byte ${i}`).toBeDefined();
    }
    expect(spanAt(encoded.spans, 0)).toMatchObject({
      name: 'id',
      value: '0xbeef',
      explain: 'dns.header.id',
    });
    const ttl = spanAt(encoded.spans, 12 + 17 + 4 + 2 + 2 + 2);
    expect(ttl).toMatchObject({ name: 'ttl', value: '300 (5m)', explain: 'dns.rr.ttl' });
    const rdlength = spanAt(encoded.spans, 12 + 17 + 4 + 2 + 2 + 2 + 4);
    expect(rdlength).toMatchObject({ name: 'rdlength', value: 4 });
    expect(encoded.spans[1]).toMatchObject({ name: 'question', value: 'www.example.com. A' });
    expect(encoded.spans[2]).toMatchObject({
      name: 'answer',
      value: 'www.example.com. 300 IN A 192.0.2.1',
    });
  });

  it('encodes the same bytes with and without annotation', () => {
    const m = everyTypeMessage();
    expect(toHex(encodeMessage(m, { annotate: false }).bytes)).toBe(toHex(encodeMessage(m).bytes));
    const lean = decodeMessage(encodeMessage(m).bytes, { annotate: false });
    expect(lean.spans).toEqual([]);
    expect(plainMessage(lean.message)).toEqual(plainMessage(m));
  });

  it('carries an extended rcode in OPT (RFC 6891 §6.1.3)', () => {
    const m = everyTypeMessage();
    m.header.rcode = Rcode.BADVERS;
    const { bytes } = encodeMessage(m);
    expect(bytes[3]! & 0xf).toBe(0); // 16 = 0x10: low four bits zero
    expect(decodeMessage(bytes).message.header.rcode).toBe(Rcode.BADVERS);
    delete m.edns;
    expect(() => encodeMessage(m)).toThrow(/BADVERS needs an OPT record/);
  });

  it('keeps every header flag and the opcode', () => {
    const h = {
      ...emptyHeader(7),
      qr: true,
      opcode: 5,
      aa: true,
      tc: true,
      rd: true,
      ra: true,
      z: true,
      ad: true,
      cd: true,
      rcode: Rcode.NOTZONE,
    };
    const m: Message = { header: h, questions: [], answers: [], authority: [], additional: [] };
    const { bytes } = encodeMessage(m);
    expect(toHex(bytes.subarray(2, 4))).toBe('affa');
    expect(decodeMessage(bytes).message.header).toEqual(h);
  });

  it('formats records as dig does', () => {
    const m = everyTypeMessage();
    expect(m.answers.map(formatRecord)).toEqual([
      'www.example.com. 300 IN A 192.0.2.1',
      'www.example.com. 300 IN AAAA 2001:db8::1',
      'alias.example.com. 60 IN CNAME www.example.com.',
      '1.2.0.192.in-addr.arpa. 3600 IN PTR www.example.com.',
      'example.com. 3600 IN MX 10 mail.example.com.',
      'example.com. 3600 IN TXT "v=spf1 -all" "say \\"hi\\"\\\\" "\\000\\255"',
      '_sip._udp.example.com. 86400 IN SRV 0 5 5060 sip.example.com.',
      'example.com. 86400 IN CAA 0 issue "ca.example.net"',
      'example.com. 30 IN TYPE65280 \\# 4 0a000001',
    ]);
    expect(formatRecord(m.authority[1]!)).toBe(
      'example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. 2026011501 7200 3600 1209600 300',
    );
  });
});

describe('hostile input', () => {
  it('rejects a pointer loop', () => {
    expectDecodeError(fromHex(header(1) + 'c00c 0001 0001'), /compression pointer loop/, 12);
    // 12: "a" then a pointer to 16; 16: a pointer back to 12 — read from the second name.
    const twoStep = header(2) + '0161 c010' + '00010001' + 'c00c' + '00010001';
    expectDecodeError(fromHex(twoStep), /does not point before|loop/);
  });

  it('rejects a forward pointer', () => {
    const bytes = fromHex(header(2) + 'c012 0001 0001' + '0161 00 0001 0001');
    expectDecodeError(
      bytes,
      /compression pointer to offset 18 does not point before the name it continues \(offset 12\)/,
      12,
    );
  });

  it('rejects a pointer into the middle of a label', () => {
    const bytes = fromHex(header(2) + '03777777 00 0001 0001' + 'c00d 0001 0001');
    expectDecodeError(bytes, /into the middle of a label \(→ offset 13\)/, 21);
  });

  it('rejects a pointer into the header', () => {
    expectDecodeError(fromHex(header(1) + '0161 c002 0001 0001'), /into the header/, 14);
  });

  it('rejects the reserved label types 0x40 and 0x80', () => {
    expectDecodeError(fromHex(header(1) + '41 61 00 0001 0001'), /reserved label type 0x40/, 12);
    expectDecodeError(fromHex(header(1) + '81 61 00 0001 0001'), /reserved label type 0x80/, 12);
  });

  it('rejects names over 255 octets, directly or after expansion', () => {
    const label = '3f' + '61'.repeat(63);
    expectDecodeError(
      fromHex(header(1) + label.repeat(4) + '00 0001 0001'),
      /longer than 255 octets/,
    );
    // 193 octets at 12, then one 63-octet label and a pointer: 64 + 193 = 257.
    const first = label.repeat(3) + '00' + '0001 0001';
    expectDecodeError(
      fromHex(header(2) + first + label + 'c00c 0001 0001'),
      /longer than 255 octets after expansion/,
    );
  });

  it('rejects RDATA whose length disagrees with its content', () => {
    const q = '0161 00 0001 0001';
    const a = 'c00c 0001 0001 0000003c';
    expectDecodeError(
      fromHex(header(1, 1) + q + a + '0005 c0000201ff'),
      /1 bytes of trailing data after RDATA/,
    );
    expectDecodeError(
      fromHex(header(1, 1) + q + a + '0003 c00002' + '00'),
      /A RDATA is longer than its rdlength 3/,
    );
    // An NS whose name runs past RDLENGTH.
    expectDecodeError(
      fromHex(header(1, 1) + q + 'c00c 0002 0001 0000003c 0002 0362' + '6300'),
      /NS RDATA is longer than its rdlength 2/,
    );
  });

  it('rejects truncated messages, and no strict prefix of a valid message decodes', () => {
    expectDecodeError(fromHex('1234'), /truncated/, 2);
    const { bytes } = encodeMessage(everyTypeMessage());
    for (let length = 0; length < bytes.length; length++) {
      expect(() => decodeMessage(bytes.subarray(0, length)), `prefix ${length}`).toThrow(
        DecodeError,
      );
    }
  });

  it('rejects trailing data, misplaced and duplicate OPT records', () => {
    expectDecodeError(fromHex(header(0) + '00'), /1 bytes of trailing data after message/);
    const opt = '00 0029 04d0 00 00 0000 0000';
    expectDecodeError(fromHex(header(0, 1) + opt), /OPT record in the answer section/);
    expectDecodeError(fromHex(header(0, 0, 0, 2) + opt + opt), /more than one OPT/);
    expectDecodeError(
      fromHex(header(0, 0, 0, 1) + '0161 00 0029 04d0 00 00 0000 0000'),
      /OPT owner must be the root/,
    );
  });

  it('rejects a CAA tag that is not 1–15 letters and digits', () => {
    const q = '0161 00 0101 0001';
    const caa = 'c00c 0101 0001 0000003c 0004 00 01 21 78';
    expectDecodeError(fromHex(header(1, 1) + q + caa), /CAA tag '!' must be 1 to 15 letters/);
  });

  it('never throws anything but a DecodeError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        try {
          decodeMessage(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(DecodeError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('property: random messages', () => {
  const label = fc
    .uint8Array({ minLength: 1, maxLength: 12 })
    .map((b) => String.fromCharCode(...b));
  // A small alphabet of suffixes makes compression kick in often.
  const name = fc
    .tuple(
      fc.array(label, { maxLength: 3 }),
      fc.constantFrom('example.com', 'Example.COM', 'net', '.', 'a.b.c.d'),
    )
    .map(([labels, suffix]) => Name.fromLabels([...labels, ...Name.parse(suffix).labels]));
  const u16 = fc.integer({ min: 0, max: 0xffff });
  const u32 = fc.integer({ min: 0, max: 0xffffffff });
  const ipv4 = fc.ipV4();
  const data: fc.Arbitrary<[number, RData]> = fc.oneof(
    ipv4.map((a) => [RRType.A, { kind: 'A', address: a }] as [number, RData]),
    fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => {
      const groups = Array.from({ length: 8 }, (_, i) =>
        ((b[2 * i]! << 8) | b[2 * i + 1]!).toString(16),
      );
      const decoded = decodeMessage(
        encodeMessage({
          header: emptyHeader(0),
          questions: [],
          authority: [],
          additional: [],
          answers: [rr('x', RRType.AAAA, 0, { kind: 'AAAA', address: groups.join(':') })],
        }).bytes,
      ).message.answers[0]!.data;
      return [RRType.AAAA, decoded] as [number, RData];
    }),
    name.map((h) => [RRType.NS, { kind: 'NS', host: h }] as [number, RData]),
    name.map((t) => [RRType.CNAME, { kind: 'CNAME', target: t }] as [number, RData]),
    name.map((t) => [RRType.PTR, { kind: 'PTR', target: t }] as [number, RData]),
    fc
      .tuple(name, name, u32, u32, u32, u32, u32)
      .map(
        ([mname, rname, serial, refresh, retry, expire, minimum]) =>
          [RRType.SOA, { kind: 'SOA', mname, rname, serial, refresh, retry, expire, minimum }] as [
            number,
            RData,
          ],
      ),
    fc
      .tuple(u16, name)
      .map(
        ([preference, exchange]) =>
          [RRType.MX, { kind: 'MX', preference, exchange }] as [number, RData],
      ),
    fc
      .array(fc.uint8Array({ maxLength: 255 }), { minLength: 1, maxLength: 3 })
      .map((strings) => [RRType.TXT, { kind: 'TXT', strings }] as [number, RData]),
    fc
      .tuple(u16, u16, u16, name)
      .map(
        ([priority, weight, port, target]) =>
          [RRType.SRV, { kind: 'SRV', priority, weight, port, target }] as [number, RData],
      ),
    fc
      .tuple(
        fc.integer({ min: 0, max: 255 }),
        fc.stringMatching(/^[a-z0-9]{1,15}$/),
        fc.uint8Array({ maxLength: 40 }),
      )
      .map(
        ([flags, tag, value]) =>
          [RRType.CAA, { kind: 'CAA', flags, tag, value }] as [number, RData],
      ),
    fc
      .tuple(fc.integer({ min: 1000, max: 0xffff }), fc.uint8Array({ maxLength: 40 }))
      .map(([type, bytes]) => [type, { kind: 'unknown', bytes }] as [number, RData]),
  );
  const record = fc.tuple(name, data, u32).map(([owner, [type, d], ttl]): ResourceRecord => ({
    name: owner,
    type: rrType(type),
    class: RRClass.IN,
    ttl,
    data: d,
  }));
  const message = fc
    .record({
      id: u16,
      flags: fc.record({
        qr: fc.boolean(),
        aa: fc.boolean(),
        tc: fc.boolean(),
        rd: fc.boolean(),
        ra: fc.boolean(),
        ad: fc.boolean(),
        cd: fc.boolean(),
      }),
      rcode: fc.integer({ min: 0, max: 15 }),
      questions: fc.array(fc.tuple(name, u16), { maxLength: 2 }),
      answers: fc.array(record, { maxLength: 4 }),
      authority: fc.array(record, { maxLength: 3 }),
      additional: fc.array(record, { maxLength: 3 }),
      edns: fc.option(fc.record({ udpPayloadSize: u16, dnssecOk: fc.boolean() }), {
        nil: undefined,
      }),
    })
    .map((r): Message => {
      const m: Message = {
        header: { ...emptyHeader(r.id), ...r.flags, rcode: rcode(r.rcode) },
        questions: r.questions.map(([qname, type]) => ({
          name: qname,
          type: rrType(type),
          class: RRClass.IN,
        })),
        answers: r.answers,
        authority: r.authority,
        additional: r.additional,
      };
      if (r.edns) m.edns = { ...r.edns, version: 0, zFlags: 0, options: [] };
      return m;
    });

  it('decode(encode(m)) equals m, with identical spans, and no strict prefix decodes', () => {
    fc.assert(
      fc.property(message, (m) => {
        const encoded = encodeMessage(m);
        const decoded = decodeMessage(encoded.bytes);
        expect(plainMessage(decoded.message)).toEqual(plainMessage(m));
        expect(decoded.spans).toEqual(encoded.spans);
        for (const cut of [0, 1, encoded.bytes.length >> 1, encoded.bytes.length - 1]) {
          if (cut < encoded.bytes.length)
            expect(() => decodeMessage(encoded.bytes.subarray(0, cut))).toThrow(DecodeError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the lean reader agrees with the annotated one', () => {
    fc.assert(
      fc.property(message, (m) => {
        const bytes = encodeMessage(m, { annotate: false }).bytes;
        const lean = new LeanIn(bytes);
        expect(lean.remaining).toBe(bytes.length);
        expect(plainMessage(decodeMessage(bytes, { annotate: false }).message)).toEqual(
          plainMessage(m),
        );
      }),
      { numRuns: 100 },
    );
  });
});
