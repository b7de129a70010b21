/**
 * The named DNS negative cases, after miekg/dns's hostile-name tests and Unbound's replay tests:
 * hostile wire input, which a server answers FORMERR (RFC 1035 §4.1.1) and the decoder refuses at
 * the offset where it goes wrong; and hostile universes, which a recursive resolver answers with
 * the exact rcode. Vitest (dns.test.ts) and `npm run fuzz` both run this list.
 */
import { DecodeError } from '../../src/engine/bytes/errors';
import { fromHex } from '../../src/engine/bytes/hex';
import { AuthoritativeServer } from '../../src/engine/dns/authoritative';
import { decodeMessage, encodeMessage } from '../../src/engine/dns/codec';
import { Name } from '../../src/engine/dns/name';
import {
  RRClass,
  RRType,
  rcodeName,
  type Message,
  type ResourceRecord,
} from '../../src/engine/dns/types';
import { Zone } from '../../src/engine/dns/zone/zone';
import { ROOT_AND_TEST, resolveIn, session, testZone, type World } from './dns-world';
import type { NegativeCase, Observed } from './support';

/** ID 0xabcd, RD; then the counts. */
function header(qd: number, an = 0, ns = 0, ar = 0, flags = '0100'): string {
  const u16 = (n: number) => n.toString(16).padStart(4, '0');
  return `abcd${flags}${u16(qd)}${u16(an)}${u16(ns)}${u16(ar)}`;
}
const WWW_EXAMPLE_TEST = '03777777076578616d706c65047465737400';

/**
 * What a server answers to these bytes (FORMERR when the decoder refuses them), and why the
 * decoder refused them, where.
 */
function hostileWire(hex: string): Observed {
  const bytes = fromHex(hex);
  let reason: string | null = null;
  let offset: number | null = null;
  try {
    decodeMessage(bytes);
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    reason = e.reason;
    offset = e.offset;
  }
  const reply = new AuthoritativeServer([]).handle(bytes);
  const rcode = reply ? rcodeName(decodeMessage(reply).message.header.rcode) : null;
  return { rcode, reason, offset };
}

/** A world in which example.test is served by the given servers (NS names ns1, ns2, ...). */
function exampleWorld(
  zone: string,
  servers: World = { '10.0.0.3': { zones: [exampleZone(zone)] } },
): World {
  const addresses = Object.keys(servers);
  const delegation = addresses
    .map(
      (a, i) => `example.test. IN NS ns${i + 1}.example.test.\nns${i + 1}.example.test. IN A ${a}`,
    )
    .join('\n');
  return {
    ...ROOT_AND_TEST,
    '10.0.0.2': { zones: [testZone(delegation)] },
    ...servers,
  };
}

function exampleZone(body: string, nsCount = 1): string {
  const ns = Array.from(
    { length: nsCount },
    (_, i) => `@ IN NS ns${i + 1}\nns${i + 1} IN A 10.0.0.${3 + i}`,
  ).join('\n');
  return `$ORIGIN example.test.
$TTL 300
@ IN SOA ns1 hostmaster 1 7200 900 1209600 300
${ns}
${body}`;
}

/** The genuine answer with another ID or question, as an off-path forger sends it. */
function forged(change: (m: Message) => void) {
  return (_query: Message, genuine: Uint8Array | undefined): Uint8Array | undefined => {
    if (!genuine) return undefined;
    const message = decodeMessage(genuine, { annotate: false }).message;
    message.answers = message.answers.map((rr) =>
      rr.type === RRType.A ? { ...rr, data: { kind: 'A', address: '192.0.2.66' } } : rr,
    );
    change(message);
    return encodeMessage(message, { annotate: false }).bytes;
  };
}

const twoServers = (first: Partial<World[string]>): World => {
  const zone = exampleZone('www IN A 192.0.2.80', 2);
  return { '10.0.0.3': { zones: [zone], ...first }, '10.0.0.4': { zones: [zone] } };
};

/** a0.a.test → b0.b.test → a1.a.test → ...: each link in the other zone, so each is a new query. */
function crossZoneChain(links: number): World {
  const a: string[] = [];
  const b: string[] = [];
  for (let i = 0; i < links; i++) {
    const [zone, other] = i % 2 === 0 ? [a, 'b'] : [b, 'a'];
    const here = i % 2 === 0 ? `a${i}` : `b${i}`;
    zone.push(`${here} IN CNAME ${other === 'b' ? `b${i + 1}.b.test.` : `a${i + 1}.a.test.`}`);
  }
  const last = links % 2 === 0 ? a : b;
  last.push(`${links % 2 === 0 ? 'a' : 'b'}${links} IN A 192.0.2.7`);
  const zoneText = (origin: string, ns: string, lines: string[]) =>
    `$ORIGIN ${origin}.test.\n$TTL 300\n@ IN SOA ns hostmaster 1 7200 900 1209600 300\n@ IN NS ns\nns IN A ${ns}\n${lines.join('\n')}\n`;
  return {
    ...ROOT_AND_TEST,
    '10.0.0.2': {
      zones: [testZone('a IN NS ns.a\nns.a IN A 10.0.0.5\nb IN NS ns.b\nns.b IN A 10.0.0.6')],
    },
    '10.0.0.5': { zones: [zoneText('a', '10.0.0.5', a)] },
    '10.0.0.6': { zones: [zoneText('b', '10.0.0.6', b)] },
  };
}

export const DNS_CASES: NegativeCase[] = [
  // ----- hostile wire input: the decoder refuses it, a server answers FORMERR -----
  {
    id: 'dns.pointer-loop',
    protocol: 'dns',
    title: 'a compression pointer to itself → FORMERR (RFC 1035 §4.1.4; a loop, at offset 12)',
    expected: { rcode: 'FORMERR', reason: 'compression pointer loop (→ offset 12)', offset: 12 },
    run: async () => hostileWire(`${header(1)}c00c00010001`),
  },
  {
    id: 'dns.forward-pointer',
    protocol: 'dns',
    title:
      'a compression pointer that points forward (the first step of a two-pointer loop) → FORMERR',
    expected: {
      rcode: 'FORMERR',
      reason:
        'compression pointer to offset 14 does not point before the name it continues (offset 12)',
      offset: 12,
    },
    run: async () => hostileWire(`${header(1)}c00ec00c00010001`),
  },
  {
    id: 'dns.name-over-255',
    protocol: 'dns',
    title: 'a name of 257 octets (four 63-octet labels) → FORMERR (RFC 1035 §2.3.4)',
    expected: {
      rcode: 'FORMERR',
      reason: 'name is longer than 255 octets after expansion (257+; RFC 1035 §2.3.4)',
      offset: 204,
    },
    run: async () => hostileWire(`${header(1)}${`3f${'61'.repeat(63)}`.repeat(4)}0000010001`),
  },
  {
    id: 'dns.label-over-63',
    protocol: 'dns',
    title:
      'a label length of 64 (0x40: no 64-octet label exists; the bits are the retired extended-label type) → FORMERR (RFC 1035 §2.3.4, RFC 6891 §5)',
    expected: {
      rcode: 'FORMERR',
      reason: 'reserved label type 0x40 (RFC 1035 §4.1.4, RFC 6891 §5)',
      offset: 12,
    },
    run: async () => hostileWire(`${header(1)}40${'61'.repeat(64)}0000010001`),
  },
  {
    id: 'dns.truncated-rr',
    protocol: 'dns',
    title: 'a resource record cut off inside its TTL → FORMERR (RFC 1035 §4.1.3)',
    expected: {
      rcode: 'FORMERR',
      reason: 'truncated: ttl needs 4 bytes but 2 are left',
      offset: 40,
    },
    run: async () =>
      hostileWire(`${header(1, 1, 0, 0, '8180')}${WWW_EXAMPLE_TEST}00010001c00c000100010000`),
  },
  {
    id: 'dns.rdlength-overrun',
    protocol: 'dns',
    title: 'an RDLENGTH of 255 with 4 octets left → FORMERR (RFC 1035 §4.1.3)',
    expected: {
      rcode: 'FORMERR',
      reason: 'truncated: rdlength 255 but 4 bytes are left',
      offset: 44,
    },
    run: async () =>
      hostileWire(
        `${header(1, 1, 0, 0, '8180')}${WWW_EXAMPLE_TEST}00010001c00c000100010000012c00ffc0000250`,
      ),
  },
  {
    id: 'dns.two-opt-records',
    protocol: 'dns',
    title: 'two OPT pseudo-records → FORMERR (RFC 6891 §6.1.1)',
    expected: {
      rcode: 'FORMERR',
      reason: 'more than one OPT record (RFC 6891 §6.1.1)',
      offset: 45,
    },
    run: async () =>
      hostileWire(
        `${header(1, 0, 0, 2)}${WWW_EXAMPLE_TEST}00010001${'0000291000000000000000'.repeat(2)}`,
      ),
  },

  // ----- hostile universes: the recursive resolver's rcode -----
  {
    id: 'dns.response-id-mismatch',
    protocol: 'dns',
    title:
      "a response with another ID (a forgery) is discarded; the next server's answer is used → NOERROR (RFC 5452 §4.3)",
    expected: { rcode: 'NOERROR', answer: ['www.example.test. 300 192.0.2.80'], queries: 4 },
    run: () =>
      resolveIn(
        exampleWorld('', twoServers({ bend: forged((m) => (m.header.id ^= 0x5a5a)) })),
        'www.example.test',
      ),
  },
  {
    id: 'dns.question-mismatch',
    protocol: 'dns',
    title:
      "a response for another question is discarded; the next server's answer is used → NOERROR (RFC 5452 §4.3)",
    expected: { rcode: 'NOERROR', answer: ['www.example.test. 300 192.0.2.80'], queries: 4 },
    run: () =>
      resolveIn(
        exampleWorld(
          '',
          twoServers({
            bend: forged(
              (m) =>
                (m.questions[0] = { ...m.questions[0]!, name: Name.parse('evil.example.test') }),
            ),
          }),
        ),
        'www.example.test',
      ),
  },
  {
    id: 'dns.cname-loop',
    protocol: 'dns',
    title: 'a CNAME loop (a → b → a) → SERVFAIL (RFC 1034 §3.6.2)',
    expected: {
      rcode: 'SERVFAIL',
      answer: [],
      reason: 'CNAME loop at a.example.test.',
      queries: 3,
    },
    run: () => resolveIn(exampleWorld('a IN CNAME b\nb IN CNAME a'), 'a.example.test'),
  },
  {
    id: 'dns.cname-chain-too-long',
    protocol: 'dns',
    title: 'a chain of 12 CNAMEs across zones → SERVFAIL after 11 (BIND max-query-restarts)',
    // 3 queries to reach a.test, 2 to reach b.test, then one per link.
    expected: { rcode: 'SERVFAIL', answer: [], reason: 'CNAME chain longer than 11', queries: 15 },
    run: () => resolveIn(crossZoneChain(12), 'a0.a.test'),
  },
  {
    id: 'dns.ns-cycle',
    protocol: 'dns',
    title: 'x.test served by ns.y.test and y.test by ns.x.test, both without glue → SERVFAIL',
    expected: {
      rcode: 'SERVFAIL',
      answer: [],
      reason: 'no server for x.test. answered: ns.y.test.: no address',
      // The root, test. for x.test, test. again for ns.y.test; ns.x.test is then already pending.
      queries: 3,
    },
    run: () =>
      resolveIn(
        { ...ROOT_AND_TEST, '10.0.0.2': { zones: [testZone('x IN NS ns.y\ny IN NS ns.x')] } },
        'www.x.test',
      ),
  },
  {
    id: 'dns.upward-referral',
    protocol: 'dns',
    title: 'a server for example.test that refers back up to test. (a referral loop) → SERVFAIL',
    expected: {
      rcode: 'SERVFAIL',
      answer: [],
      reason:
        'no server for example.test. answered: ns1.example.test. (10.0.0.3): no answer and no referral (not authoritative)',
      queries: 3,
    },
    run: () =>
      resolveIn(
        exampleWorld('', {
          '10.0.0.3': {
            zones: [],
            bend: (query) => {
              const up: ResourceRecord = {
                name: Name.parse('test'),
                type: RRType.NS,
                class: RRClass.IN,
                ttl: 3600,
                data: { kind: 'NS', host: Name.parse('ns.nic.test') },
              };
              const reply: Message = {
                header: { ...query.header, qr: true },
                questions: query.questions,
                answers: [],
                authority: [up],
                additional: [],
              };
              return encodeMessage(reply, { annotate: false }).bytes;
            },
          },
        }),
        'www.example.test',
      ),
  },
  {
    id: 'dns.query-budget-exhausted',
    protocol: 'dns',
    title:
      '30 glueless name servers with 3 dead addresses each → SERVFAIL at 100 queries (BIND max-recursion-queries)',
    expected: { rcode: 'SERVFAIL', answer: [], reason: 'more than 100 queries', queries: 100 },
    run: () => {
      const ns = Array.from({ length: 30 }, (_, i) => `example IN NS ns${i}.hosts`);
      const hosts = Array.from({ length: 30 }, (_, i) =>
        [1, 2, 3].map((h) => `ns${i} IN A 10.2.${i}.${h}`).join('\n'),
      );
      return resolveIn(
        {
          ...ROOT_AND_TEST,
          '10.0.0.2': {
            zones: [testZone(`${ns.join('\n')}\nhosts IN NS ns.hosts\nns.hosts IN A 10.0.0.7`)],
          },
          '10.0.0.7': {
            zones: [
              `$ORIGIN hosts.test.\n$TTL 300\n@ IN SOA ns hostmaster 1 7200 900 1209600 300\n@ IN NS ns\nns IN A 10.0.0.7\n${hosts.join('\n')}\n`,
            ],
          },
        },
        'www.example.test',
      );
    },
  },
  {
    id: 'dns.lame-everywhere',
    protocol: 'dns',
    title:
      'every server of example.test refuses it (lame delegation everywhere) → SERVFAIL (RFC 1034 §5.3.3)',
    expected: {
      rcode: 'SERVFAIL',
      answer: [],
      reason:
        'no server for example.test. answered: ns1.example.test. (10.0.0.3): REFUSED; ns2.example.test. (10.0.0.4): REFUSED',
      queries: 4,
    },
    run: () =>
      resolveIn(
        exampleWorld('', { '10.0.0.3': { zones: [] }, '10.0.0.4': { zones: [] } }),
        'www.example.test',
      ),
  },
  {
    id: 'dns.ttl-high-bit',
    protocol: 'dns',
    title:
      'a TTL of 2^31 is positive (RFC 8767 §4, updating RFC 2181 §8), so it is cached and returned capped at 86400 s: an hour later no query is sent',
    // Cached when the answer arrived, 60 ms into the first lookup; TTLs left are rounded up.
    expected: {
      rcode: 'NOERROR',
      first: 'www.example.test. 86400 192.0.2.80',
      again: 'www.example.test. 82801 192.0.2.80',
      queriesAgain: 0,
    },
    run: async () => {
      const origin = Name.parse('example.test');
      const rr = (
        name: Name,
        type: RRType,
        data: ResourceRecord['data'],
        ttl = 300,
      ): ResourceRecord => ({ name, type, class: RRClass.IN, ttl, data });
      // A zone file cannot say 2^31 (RFC 2181 §8 caps master files), but a server on the wire can.
      const zone = Zone.fromRecords(origin, [
        rr(origin, RRType.SOA, {
          kind: 'SOA',
          mname: Name.parse('ns1.example.test'),
          rname: Name.parse('hostmaster.example.test'),
          serial: 1,
          refresh: 7200,
          retry: 900,
          expire: 1209600,
          minimum: 300,
        }),
        rr(origin, RRType.NS, { kind: 'NS', host: Name.parse('ns1.example.test') }),
        rr(
          Name.parse('www.example.test'),
          RRType.A,
          { kind: 'A', address: '192.0.2.80' },
          0x80000000,
        ),
      ]);
      const s = session(exampleWorld('', { '10.0.0.3': { zones: [zone] } }));
      const first = await s.resolve('www.example.test', 'A', 0);
      const again = await s.resolve('www.example.test', 'A', 3_600_000);
      return {
        rcode: again.rcode as string,
        first: (first.answer as string[])[0]!,
        again: (again.answer as string[])[0]!,
        queriesAgain: again.queries as number,
      };
    },
  },
  {
    id: 'dns.empty-non-terminal',
    protocol: 'dns',
    title:
      'y.example.test exists only because x.y.example.test does: NODATA, that is NOERROR with no answer (RFC 4592 §2.2.2, RFC 8020)',
    expected: { rcode: 'NOERROR', answer: [], queries: 3 },
    run: () => resolveIn(exampleWorld('x.y IN TXT "below"'), 'y.example.test'),
  },
  {
    id: 'dns.nxdomain-beside-empty-non-terminal',
    protocol: 'dns',
    title:
      'z.example.test, beside that empty non-terminal, does not exist → NXDOMAIN (RFC 1034 §4.3.2)',
    expected: { rcode: 'NXDOMAIN', answer: [], queries: 3 },
    run: () => resolveIn(exampleWorld('x.y IN TXT "below"'), 'z.example.test'),
  },
  {
    id: 'dns.malformed-response',
    protocol: 'dns',
    title:
      'a server answering with a pointer loop is skipped like a lame one; the next server answers → NOERROR',
    expected: { rcode: 'NOERROR', answer: ['www.example.test. 300 192.0.2.80'], queries: 4 },
    run: () =>
      resolveIn(
        exampleWorld(
          '',
          twoServers({
            bend: (q) =>
              fromHex(
                `${q.header.id.toString(16).padStart(4, '0')}8180000100000000 0000 c00c00010001`,
              ),
          }),
        ),
        'www.example.test',
      ),
  },
];
