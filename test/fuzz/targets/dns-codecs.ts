/**
 * Fuzz targets for the DNS wire codec and the master-file parser.
 *
 * Decoder: seeds are packets captured between dig and nsd (passed in by the caller) and messages
 * from our own encoder. A decode returns or throws a DecodeError at an offset inside the input; the
 * annotated and the lean decoder agree; what decodes re-encodes to bytes that decode the same.
 *
 * Zone parser: random master-file text from the grammar's own tokens, and mutants of real zone
 * files. Only ZoneParseError (with a line that exists) or ZoneError may escape, and a zone that
 * parses can be served.
 */
import fc from 'fast-check';
import { DecodeError } from '../../../src/engine/bytes/errors';
import { bytesEqual } from '../../../src/engine/bytes/hex';
import { AuthoritativeServer } from '../../../src/engine/dns/authoritative';
import { decodeMessage, encodeMessage } from '../../../src/engine/dns/codec';
import { Name } from '../../../src/engine/dns/name';
import {
  RRClass,
  RRType,
  makeQuery,
  type Message,
  type RData,
  type ResourceRecord,
  rcode,
  rrType,
} from '../../../src/engine/dns/types';
import { Zone, ZoneError } from '../../../src/engine/dns/zone/zone';
import { ZoneParseError } from '../../../src/engine/dns/zone/tokens';
import { applyMutations, mutatedBytes, mutationArb } from './mutate';
import { FuzzFinding, crash, expectDecodeOutcome, hex, type FuzzTarget } from './target';

// ---------------------------------------------------------------------------------------------
// Messages from our encoder

const labelArb = fc.oneof(
  fc.constantFrom('www', 'example', 'com', 'ns1', 'a', 'Mail', '*', 'xn--bcher-kva'),
  fc.stringMatching(/^[a-z0-9-]{1,12}$/),
  fc.uint8Array({ minLength: 1, maxLength: 8 }).map((b) => String.fromCharCode(...b)),
);
const nameArb: fc.Arbitrary<Name> = fc
  .array(labelArb, { maxLength: 5 })
  .map((labels) => Name.fromLabels(labels));
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });

const rdataArb: fc.Arbitrary<[number, RData]> = fc.oneof(
  fc.ipV4().map((address): [number, RData] => [RRType.A, { kind: 'A', address }]),
  fc
    .constantFrom('2001:db8::1', '::', 'fe80::1:2:3:4')
    .map((address): [number, RData] => [RRType.AAAA, { kind: 'AAAA', address }]),
  nameArb.map((host): [number, RData] => [RRType.NS, { kind: 'NS', host }]),
  nameArb.map((target): [number, RData] => [RRType.CNAME, { kind: 'CNAME', target }]),
  nameArb.map((target): [number, RData] => [RRType.PTR, { kind: 'PTR', target }]),
  fc
    .tuple(nameArb, nameArb, u32, u32)
    .map(([mname, rname, serial, minimum]): [number, RData] => [
      RRType.SOA,
      { kind: 'SOA', mname, rname, serial, refresh: 7200, retry: 900, expire: 1209600, minimum },
    ]),
  fc
    .tuple(u16, nameArb)
    .map(([preference, exchange]): [number, RData] => [
      RRType.MX,
      { kind: 'MX', preference, exchange },
    ]),
  fc
    .array(fc.uint8Array({ maxLength: 40 }), { minLength: 1, maxLength: 3 })
    .map((strings): [number, RData] => [RRType.TXT, { kind: 'TXT', strings }]),
  fc
    .tuple(u16, u16, u16, nameArb)
    .map(([priority, weight, port, target]): [number, RData] => [
      RRType.SRV,
      { kind: 'SRV', priority, weight, port, target },
    ]),
  fc
    .tuple(
      fc.integer({ min: 0, max: 255 }),
      fc.constantFrom('issue', 'iodef', 'issuewild'),
      fc.uint8Array({ maxLength: 20 }),
    )
    .map(([flags, tag, value]): [number, RData] => [
      RRType.CAA,
      { kind: 'CAA', flags, tag, value },
    ]),
  fc
    .tuple(fc.integer({ min: 1000, max: 0xffff }), fc.uint8Array({ maxLength: 30 }))
    .map(([type, bytes]): [number, RData] => [
      type === RRType.OPT ? 65000 : type,
      { kind: 'unknown', bytes },
    ]),
);

const recordArb: fc.Arbitrary<ResourceRecord> = fc
  .tuple(nameArb, rdataArb, u32)
  .map(([name, [type, data], ttl]) => ({ name, type: rrType(type), class: RRClass.IN, ttl, data }));

export const messageArb: fc.Arbitrary<Message> = fc
  .record({
    id: u16,
    qr: fc.boolean(),
    aa: fc.boolean(),
    tc: fc.boolean(),
    rd: fc.boolean(),
    ra: fc.boolean(),
    rcode: fc.integer({ min: 0, max: 15 }),
    questions: fc.array(fc.tuple(nameArb, u16), { maxLength: 2 }),
    answers: fc.array(recordArb, { maxLength: 4 }),
    authority: fc.array(recordArb, { maxLength: 3 }),
    additional: fc.array(recordArb, { maxLength: 3 }),
    edns: fc.option(
      fc.record({
        size: u16,
        options: fc.array(fc.tuple(u16, fc.uint8Array({ maxLength: 12 })), { maxLength: 2 }),
      }),
    ),
  })
  .map((m) => {
    const message: Message = {
      header: {
        id: m.id,
        qr: m.qr,
        opcode: 0,
        aa: m.aa,
        tc: m.tc,
        rd: m.rd,
        ra: m.ra,
        z: false,
        ad: false,
        cd: false,
        rcode: rcode(m.rcode),
      },
      questions: m.questions.map(([name, type]) => ({
        name,
        type: rrType(type),
        class: RRClass.IN,
      })),
      answers: m.answers,
      authority: m.authority,
      additional: m.additional,
    };
    if (m.edns)
      message.edns = {
        udpPayloadSize: m.edns.size,
        version: 0,
        dnssecOk: false,
        zFlags: 0,
        options: m.edns.options.map(([code, data]) => ({ code, data })),
      };
    return message;
  });

/** Encoded with compression, as a server sends it. */
function encode(message: Message): Uint8Array {
  return encodeMessage(message, { annotate: false }).bytes;
}

// ---------------------------------------------------------------------------------------------
// The decoder

/**
 * `dns decode`, the resolver and the server all start here. Seeds: real packets, plus one
 * fresh message from our encoder per input (mutated or not).
 */
export function dnsDecoderTarget(captures: readonly Uint8Array[]): FuzzTarget<Uint8Array> {
  const fromEncoder = fc
    .tuple(messageArb, fc.array(mutationArb, { maxLength: 3 }))
    .map(([m, ms]) => applyMutations(encode(m), ms, captures));
  return {
    name: 'dns.decode',
    description: 'decodeMessage on mutated nsd/dig packets and mutated messages from our encoder',
    arbitrary: fc.oneof(
      { weight: 3, arbitrary: mutatedBytes(captures, { maxRandomLength: 200 }) },
      { weight: 2, arbitrary: fromEncoder },
    ),
    check(bytes) {
      let annotated: Message | undefined;
      expectDecodeOutcome('decodeMessage', bytes, () => {
        annotated = decodeMessage(bytes).message;
      });
      let lean: Message | undefined;
      let leanError: string | undefined;
      try {
        lean = decodeMessage(bytes, { annotate: false }).message;
      } catch (e) {
        if (!(e instanceof DecodeError)) throw crash('decodeMessage (lean)', e);
        leanError = e.message;
      }
      if ((annotated === undefined) !== (lean === undefined))
        throw new FuzzFinding(
          'invariant',
          `the annotated and lean decoders disagree (${leanError ?? 'lean decoded'})`,
        );
      if (annotated) roundTrip(annotated);
      return annotated ? 'decoded' : 'decode-error';
    },
    share: 1,
    testRuns: 500,
    show: (b) => hex(b),
  };
}

function roundTrip(message: Message): void {
  let once: Uint8Array;
  try {
    once = encode(message);
  } catch (e) {
    throw new FuzzFinding('invariant', `a decoded message does not re-encode: ${String(e)}`);
  }
  let again: Uint8Array;
  try {
    again = encode(decodeMessage(once, { annotate: false }).message);
  } catch (e) {
    throw new FuzzFinding('invariant', `a re-encoded message does not decode: ${String(e)}`);
  }
  if (!bytesEqual(once, again))
    throw new FuzzFinding('invariant', 'a message changes on a second round trip');
}

// ---------------------------------------------------------------------------------------------
// The zone parser

/** Tokens of the master-file grammar (RFC 1035, Section 5.1), good and bad. */
const ZONE_TOKENS = [
  '$ORIGIN',
  '$TTL',
  '$INCLUDE',
  '$GENERATE',
  '@',
  'example.com.',
  'example.com',
  'www',
  'ns1',
  '*',
  '*.wild',
  'a.b.c',
  '.',
  '..',
  'a..b',
  '\\.',
  'x\\.y',
  '\\065',
  '\\256',
  '\\',
  'IN',
  'in',
  'CH',
  'HS',
  'ANY',
  '3600',
  '0',
  '1h30m',
  '2w',
  '4294967296',
  '2147483648',
  '1x',
  'A',
  'AAAA',
  'NS',
  'SOA',
  'MX',
  'TXT',
  'CNAME',
  'PTR',
  'SRV',
  'CAA',
  'OPT',
  'AXFR',
  'TYPE65534',
  'TYPE1',
  'CLASS1',
  'DNAME',
  '\\#',
  '4',
  '0a000001',
  'zz',
  '(',
  ')',
  '"',
  '"quoted string"',
  '"a\\"b"',
  ';comment',
  '192.0.2.1',
  '256.1.1.1',
  '::1',
  '2001:db8::',
  ':::',
  '10',
  '65536',
  'issue',
  '"letsencrypt.org"',
  'é',
  '\u0000',
  'a'.repeat(64),
  `${'abcdefgh.'.repeat(32)}`,
  '-1',
  '1e3',
];
const SEPARATORS = [' ', ' ', ' ', '\t', '\n', '\n', '\r\n', '  '];

const grammarText: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...ZONE_TOKENS), fc.constantFrom(...SEPARATORS)), {
    maxLength: 60,
  })
  .map((parts) => parts.map(([t, s]) => t + s).join(''));

/** A small valid zone to build on: the grammar's text lands after a working header. */
const HEADER =
  '$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 900 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\n';

/** Record lines that are mostly well formed, so that zones get built and served, not only refused. */
const recordLine: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      '@',
      '',
      'www',
      'a.b',
      '*',
      '*.wild',
      'x\\.y',
      '\\065bc',
      'c'.repeat(63),
      'c'.repeat(64),
      'mail.example.com.',
      'other.org.',
      'deep.a.b.c.d',
    ),
    fc.constantFrom('', '300', '1h', '1w2d', '0', '2147483647', '2147483648'),
    fc.constantFrom('', 'IN', 'in'),
    fc.constantFrom(
      'A 192.0.2.1',
      'A 192.0.2',
      'AAAA 2001:db8::1',
      'NS ns1',
      'NS ns.sub',
      'CNAME www',
      'CNAME target.example.net.',
      'PTR x.',
      'MX 10 mail',
      'MX 70000 mail',
      'TXT "hello" "world"',
      'TXT "unterminated',
      'SRV 0 5 5060 sip',
      'CAA 0 issue "ca.example"',
      'CAA 0 is-sue "x"',
      'TYPE65534 \\# 3 010203',
      'A \\# 4 c0000201',
      'A \\# 4 c00002',
      'SOA ns1 hostmaster ( 2 7200 900\n 1209600 300 )',
    ),
    fc.constantFrom('', ' ; a comment', ' (\n)'),
  )
  .map(
    ([owner, ttl, cls, rest, tail]) =>
      [owner === '' ? ' ' : owner, ttl, cls, rest].filter((p) => p !== '').join(' ') + tail,
  );

const recordZone: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: recordLine },
      {
        weight: 1,
        arbitrary: fc.constantFrom('$ORIGIN sub.example.com.', '$TTL 60', '$ORIGIN example.com.'),
      },
    ),
    {
      maxLength: 12,
    },
  )
  .map((lines) => HEADER + lines.join('\n') + '\n');

function textMutants(seedTexts: readonly string[]): fc.Arbitrary<string> {
  const encoder = new TextEncoder();
  const seeds = seedTexts.map((t) => encoder.encode(t));
  const decoder = new TextDecoder();
  return fc
    .tuple(fc.nat({ max: seeds.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 5 }))
    .map(([i, ms]) => decoder.decode(applyMutations(seeds[i]!, ms, seeds)));
}

function lineMutants(seedTexts: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.nat({ max: seedTexts.length - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ZONE_TOKENS), fc.boolean()), {
        minLength: 1,
        maxLength: 4,
      }),
    )
    .map(([i, edits]) => {
      const lines = seedTexts[i]!.split('\n');
      for (const [at, token, replace] of edits) {
        const line = at % lines.length;
        const words = lines[line]!.split(' ');
        const w = Math.floor(at / lines.length) % (words.length + 1);
        if (replace && w < words.length) words[w] = token;
        else words.splice(w, 0, token);
        lines[line] = words.join(' ');
      }
      return lines.join('\n');
    });
}

export function zoneParserTarget(
  seedTexts: readonly string[],
): FuzzTarget<{ text: string; origin: boolean }> {
  return {
    name: 'dns.zone',
    description: 'Zone.parse on grammar-built text and on mutants of real zone files',
    arbitrary: fc.record({
      text: fc.oneof(
        { weight: 2, arbitrary: recordZone },
        grammarText,
        grammarText.map((t) => HEADER + t),
        textMutants(seedTexts),
        lineMutants(seedTexts),
        recordZone.chain((t) =>
          fc
            .array(mutationArb, { minLength: 1, maxLength: 2 })
            .map((ms) => new TextDecoder().decode(applyMutations(new TextEncoder().encode(t), ms))),
        ),
        fc.string({ maxLength: 200 }),
      ),
      origin: fc.boolean(),
    }),
    check({ text, origin }) {
      const lines = text.split('\n').length;
      let zone: Zone;
      try {
        zone = Zone.parse(text, origin ? { origin: Name.parse('example.com') } : {});
      } catch (e) {
        if (e instanceof ZoneParseError) {
          if (!Number.isInteger(e.line) || e.line < 1 || e.line > lines)
            throw new FuzzFinding(
              'invariant',
              `ZoneParseError names line ${e.line} of a ${lines}-line text: ${e.reason}`,
            );
          return 'ZoneParseError';
        }
        if (e instanceof ZoneError) return 'ZoneError';
        throw crash('Zone.parse', e);
      }
      serveSome(zone);
      return 'parsed';
    },
    share: 1,
    testRuns: 400,
    show: ({ text, origin }) => JSON.stringify({ text, origin }),
  };
}

/** A zone that parsed is served: a few questions about its own names must get an answer. */
function serveSome(zone: Zone): void {
  const server = new AuthoritativeServer([zone]);
  const owners = [zone.origin, ...zone.records.slice(0, 3).map((r) => r.name)];
  for (const [i, name] of owners.entries()) {
    for (const type of [RRType.A, RRType.ANY, RRType.CNAME]) {
      let response: Uint8Array | undefined;
      try {
        response = server.handle(encode(makeQuery(i, { name, type, class: RRClass.IN })));
      } catch (e) {
        throw crash(`serving ${name} ${type} from a parsed zone`, e);
      }
      if (!response)
        throw new FuzzFinding('invariant', `no response for ${name} from its own zone`);
      try {
        decodeMessage(response, { annotate: false });
      } catch (e) {
        throw new FuzzFinding(
          'invariant',
          `the server's response for ${name} does not decode: ${String(e)}`,
        );
      }
    }
  }
}
