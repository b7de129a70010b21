/**
 * The iterative resolver against random zone universes: a handful of zones on a handful of
 * servers, with delegations that may be lame, glueless, cyclic or pointing upwards, CNAMEs that
 * may loop, TTLs anywhere in 32 bits, and servers that time out, fail, refuse, answer garbage or
 * answer with the wrong ID. Every resolution must end within its query budget with an answer,
 * NXDOMAIN, NODATA or SERVFAIL, and never hang: the transport counts every query (a step bound)
 * and virtual time must stay within what that many queries can take.
 */
import fc from 'fast-check';
import { AuthoritativeServer } from '../../../src/engine/dns/authoritative';
import {
  DelegationCache,
  MAX_CACHE_TTL,
  MAX_NEGATIVE_CACHE_TTL,
  RecordCache,
} from '../../../src/engine/dns/cache';
import { Name } from '../../../src/engine/dns/name';
import {
  IterativeResolver,
  MAX_QUERIES_PER_RESOLUTION,
  QUERY_TIMEOUT_MS,
  type Resolved,
} from '../../../src/engine/dns/resolver';
import type { DnsTransport, TransportResult } from '../../../src/engine/dns/transport';
import {
  RRClass,
  RRType,
  isRecordOf,
  recordsOf,
  type RData,
  type ResourceRecord,
} from '../../../src/engine/dns/types';
import { Zone, ZoneError } from '../../../src/engine/dns/zone/zone';
import { SeededRng } from '../../../src/engine/sim/rng';
import { FuzzFinding, crash, type FuzzTarget } from './target';

/** Every name a universe may use: zones are picked from these, and so are owners and targets. */
const ZONE_NAMES = [
  '.',
  'com',
  'net',
  'test',
  'example.com',
  'example.net',
  'a.test',
  'sub.example.com',
  'b.a.test',
];
const HOST_LABELS = ['ns1', 'ns2', 'www', 'mail', 'x.y', '*', 'ftp'];
/** Addresses 10.0.0.1 to 10.0.0.6 may be servers; 10.9.9.9 is never anyone. */
const SERVER_COUNT = 6;
const NOWHERE = '10.9.9.9';
/** One-way latency of every link, ms. */
const LATENCY_MS = 5;

export type Behaviour =
  'normal' | 'down' | 'servfail' | 'refused' | 'silent-lame' | 'garbage' | 'wrong-id' | 'cut';
const BEHAVIOURS: Behaviour[] = [
  ...Array<Behaviour>(12).fill('normal'),
  'down',
  'servfail',
  'refused',
  'silent-lame',
  'garbage',
  'wrong-id',
  'cut',
];

export interface UniverseInput {
  /** Which of ZONE_NAMES exist (bit i), the root always. */
  zoneMask: number;
  /** Per zone: its NS hosts (indexes into the host list) and extra records. */
  zones: {
    ns: number[];
    records: [number, number, number, number][];
    soaTtl: number;
    soaMinimum: number;
  }[];
  /** Per server address: the zones it serves (a bit mask over existing zones) and how it behaves. */
  servers: { zones: number; behaviour: number }[];
  /** Where each host name points (an index into the server addresses, or beyond: nowhere). */
  hostAddress: number[];
  /** The questions, asked in turn with the same caches, `after` ms apart. */
  questions: { name: number; type: number; after: number }[];
  qnameMinimisation: boolean;
  rngSeed: number;
}

const TTLS = [0, 1, 30, 300, 86400, 0x7fffffff, 0x80000000, 0xffffffff];
const QTYPES = [
  RRType.A,
  RRType.AAAA,
  RRType.MX,
  RRType.CNAME,
  RRType.NS,
  RRType.TXT,
  RRType.SOA,
  RRType.ANY,
];

const zoneArb = fc.record({
  ns: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  records: fc.array(
    fc.tuple(fc.nat(), fc.nat({ max: 7 }), fc.nat(), fc.nat({ max: TTLS.length - 1 })),
    { maxLength: 10 },
  ),
  soaTtl: fc.nat({ max: TTLS.length - 1 }),
  soaMinimum: fc.nat({ max: TTLS.length - 1 }),
});

export const universeArb: fc.Arbitrary<UniverseInput> = fc.record({
  zoneMask: fc.nat({ max: (1 << ZONE_NAMES.length) - 1 }),
  zones: fc.array(zoneArb, { minLength: ZONE_NAMES.length, maxLength: ZONE_NAMES.length }),
  servers: fc.array(
    fc.record({ zones: fc.nat(), behaviour: fc.nat({ max: BEHAVIOURS.length - 1 }) }),
    {
      minLength: SERVER_COUNT,
      maxLength: SERVER_COUNT,
    },
  ),
  hostAddress: fc.array(fc.nat({ max: SERVER_COUNT }), { minLength: 64, maxLength: 64 }),
  questions: fc.array(
    fc.record({
      name: fc.nat(),
      type: fc.nat({ max: QTYPES.length - 1 }),
      after: fc.constantFrom(0, 1000, 301_000, 86_401_000),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  qnameMinimisation: fc.boolean(),
  rngSeed: fc.nat(),
});

const n = (text: string) => Name.parse(text);
const under = (label: string, zone: string) => n(zone === '.' ? label : `${label}.${zone}`);

interface Built {
  /** Every name a question may ask about. */
  names: Name[];
  servers: Map<string, { server: AuthoritativeServer; behaviour: Behaviour }>;
  rootHints: { name: Name; address: string }[];
}

function address(i: number): string {
  return i < SERVER_COUNT ? `10.0.0.${i + 1}` : NOWHERE;
}

/**
 * Turns the random choices into zones (dropping records that break a zone's rules) and servers.
 * Mostly the universe hangs together (a zone's servers are where its NS names point, with glue
 * for in-bailiwick names), so resolutions get deep; the random choices then break it in places.
 */
export function buildUniverse(u: UniverseInput): Built {
  const zoneNames = ZONE_NAMES.filter((_, i) => i === 0 || (u.zoneMask >> i) & 1);
  const hosts = zoneNames.flatMap((z) =>
    HOST_LABELS.filter((l) => l !== '*').map((l) => under(l, z)),
  );
  hosts.push(n('ns.nowhere.invalid'));
  // Names questions ask about; owners also include each zone's wildcard.
  const names = [
    ...zoneNames.map(n),
    ...zoneNames.flatMap((z) => HOST_LABELS.map((l) => under(l === '*' ? 'q' : l, z))),
    n('y.com'),
    n('nope.example.com'),
  ];
  const owners = [...names, ...zoneNames.map((z) => under('*', z))];
  const hostAddress = (host: Name) =>
    address(
      u.hostAddress[hosts.findIndex((h) => h.equals(host)) % u.hostAddress.length] ?? SERVER_COUNT,
    );
  const specOf = (zoneName: string) => u.zones[ZONE_NAMES.indexOf(zoneName)]!;
  // Even choices name the zone's own ns1/ns2 (in bailiwick, with glue); odd ones any host at all.
  const nsHostsOf = (zoneName: string): Name[] =>
    specOf(zoneName).ns.map((i) =>
      i % 2 === 0 ? under(i % 4 === 0 ? 'ns1' : 'ns2', zoneName) : hosts[(i >> 1) % hosts.length]!,
    );
  const rr = (name: Name, type: RRType, data: RData, ttl = 3600): ResourceRecord => ({
    name,
    type,
    class: RRClass.IN,
    ttl,
    data,
  });
  const glue = (host: Name) => rr(host, RRType.A, { kind: 'A', address: hostAddress(host) });

  const zones: Zone[] = [];
  for (const zoneName of zoneNames) {
    const origin = n(zoneName);
    const spec = specOf(zoneName);
    const nsHosts = nsHostsOf(zoneName);
    const records: ResourceRecord[] = [
      rr(
        origin,
        RRType.SOA,
        {
          kind: 'SOA',
          mname: nsHosts[0]!,
          rname: under('hostmaster', zoneName),
          serial: 1,
          refresh: 7200,
          retry: 900,
          expire: 1209600,
          minimum: TTLS[spec.soaMinimum]! & 0x7fffffff,
        },
        TTLS[spec.soaTtl],
      ),
    ];
    for (const host of nsHosts) records.push(rr(origin, RRType.NS, { kind: 'NS', host }));
    for (const host of nsHosts) if (host.isSubdomainOf(origin)) records.push(glue(host));
    // Delegations to every existing zone one level down, with the NS names the child lists and
    // glue for those inside the child (RFC 1034 §4.2.1).
    for (const child of zoneNames) {
      const c = n(child);
      if (c.labelCount !== origin.labelCount + 1 || !c.isSubdomainOf(origin)) continue;
      for (const host of nsHostsOf(child)) {
        records.push(rr(c, RRType.NS, { kind: 'NS', host }, 172800));
        if (host.isSubdomainOf(c)) records.push(glue(host));
      }
    }
    for (const [owner, kind, value, ttl] of spec.records) {
      const name = owners[owner % owners.length]!;
      if (!name.isSubdomainOf(origin)) continue;
      const t = TTLS[ttl]!;
      switch (kind) {
        case 0: // An address; for a host name, the one the universe gives it.
          records.push(
            rr(
              name,
              RRType.A,
              {
                kind: 'A',
                address: hosts.some((h) => h.equals(name))
                  ? hostAddress(name)
                  : `192.0.2.${value % 256}`,
              },
              t,
            ),
          );
          break;
        case 1: // Glue that lies: a name server's address pointing at another server, or nowhere.
          records.push(
            rr(name, RRType.A, { kind: 'A', address: address(value % (SERVER_COUNT + 1)) }, t),
          );
          break;
        case 2:
          records.push(
            rr(name, RRType.CNAME, { kind: 'CNAME', target: names[value % names.length]! }, t),
          );
          break;
        case 3:
          records.push(
            rr(
              name,
              RRType.MX,
              { kind: 'MX', preference: value % 100, exchange: names[value % names.length]! },
              t,
            ),
          );
          break;
        case 4:
          records.push(
            rr(name, RRType.TXT, { kind: 'TXT', strings: [Uint8Array.of(value % 256)] }, t),
          );
          break;
        case 5: // A delegation that may point anywhere, upwards and sideways included.
          if (!name.equals(origin))
            records.push(
              rr(name, RRType.NS, { kind: 'NS', host: hosts[value % hosts.length]! }, t),
            );
          break;
        case 6:
          records.push(rr(name, RRType.AAAA, { kind: 'AAAA', address: '2001:db8::1' }, t));
          break;
        default:
          records.push(rr(name, RRType.CNAME, { kind: 'CNAME', target: name }, t));
      }
    }
    zones.push(validZone(origin, records));
  }

  // A server serves the zones whose NS names point at it; a quarter of the time the random mask
  // flips that (a lame delegation, or a zone served by a server nobody lists).
  const servers = new Map<string, { server: AuthoritativeServer; behaviour: Behaviour }>();
  u.servers.forEach((s, i) => {
    const served = zones.filter((zone, zi) => {
      const listed = nsHostsOf(zoneNames[zi]!).some((h) => hostAddress(h) === address(i));
      const flip = ((s.zones >> (2 * zi)) & 3) === 3;
      return listed !== flip && zone !== undefined;
    });
    servers.set(address(i), {
      server: new AuthoritativeServer(served),
      behaviour: BEHAVIOURS[s.behaviour]!,
    });
  });
  const root = zones[0]!;
  const rootHints = recordsOf(root.rrset(Name.root, RRType.NS) ?? [], 'NS').map((r) => {
    const host = r.data.host;
    return { name: host, address: hostAddress(host) };
  });
  return { names, servers, rootHints };
}

/**
 * A zone from records that may break its rules: records are dropped, last first, until it
 * builds (a CNAME beside other data, two CNAMEs, an owner outside the zone).
 */
function validZone(origin: Name, records: ResourceRecord[]): Zone {
  const list = [...records];
  for (;;) {
    try {
      return Zone.fromRecords(origin, list);
    } catch (e) {
      if (!(e instanceof ZoneError) || list.length <= 2) throw e;
      list.pop();
    }
  }
}

/** The simulated network, counting queries: more than the budget allows is a runaway. */
class CountingTransport implements DnsTransport {
  /** Queries since the current resolution began. */
  queries = 0;
  constructor(
    private readonly built: Built,
    private readonly rng: SeededRng,
  ) {}

  async send(server: string, query: Uint8Array, now: number): Promise<TransportResult> {
    this.queries++;
    if (this.queries > MAX_QUERIES_PER_RESOLUTION * 4)
      throw new FuzzFinding(
        'hang',
        `the resolver sent ${this.queries} queries (budget ${MAX_QUERIES_PER_RESOLUTION})`,
      );
    const host = this.built.servers.get(server);
    const timeout: TransportResult = { kind: 'timeout', at: now + QUERY_TIMEOUT_MS };
    if (!host || host.behaviour === 'down') return timeout;
    const reply = (bytes: Uint8Array | undefined): TransportResult =>
      bytes
        ? { kind: 'response', bytes, at: now + 2 * LATENCY_MS, repliedAt: now + LATENCY_MS }
        : timeout;
    const genuine = host.server.handle(query);
    switch (host.behaviour) {
      case 'normal':
        return reply(genuine);
      case 'servfail':
      case 'refused':
      case 'silent-lame': {
        if (!genuine) return timeout;
        const out = genuine.slice(0, Math.min(genuine.length, query.length));
        out.set(query.subarray(0, out.length));
        out[2] = 0x80 | (query[2]! & 0x01);
        out[3] = host.behaviour === 'servfail' ? 2 : host.behaviour === 'refused' ? 5 : 0;
        return reply(out);
      }
      case 'garbage':
        return reply(this.rng.bytes(this.rng.uint32() % 64));
      case 'wrong-id': {
        if (!genuine) return timeout;
        const forged = genuine.slice();
        forged[0] = forged[0]! ^ 0x5a;
        // The forgery comes first; the genuine answer follows on the same socket.
        return {
          ...(reply(forged) as Extract<TransportResult, { kind: 'response' }>),
          next: async () => reply(genuine),
        };
      }
      case 'cut':
        return reply(
          genuine?.subarray(0, Math.max(0, genuine.length - 1 - (this.rng.uint32() % 20))),
        );
    }
  }
}

function checkResolved(resolved: Resolved, started: number, sent: number, question: string): void {
  const { result, queries, at } = resolved;
  if (!['answer', 'nodata', 'nxdomain', 'servfail'].includes(result.kind))
    throw new FuzzFinding('invariant', `${question} ended as ${String(result.kind)}`);
  if (queries > MAX_QUERIES_PER_RESOLUTION)
    throw new FuzzFinding(
      'hang',
      `${question} took ${queries} queries; the budget is ${MAX_QUERIES_PER_RESOLUTION}`,
    );
  if (sent !== queries)
    throw new FuzzFinding(
      'invariant',
      `${question}: the resolver counted ${queries} queries but sent ${sent}`,
    );
  if (at < started || at - started > queries * Math.max(QUERY_TIMEOUT_MS, 2 * LATENCY_MS))
    throw new FuzzFinding(
      'hang',
      `${question} ended ${at - started} ms after it began, with ${queries} queries`,
    );
  if (result.kind === 'answer') {
    if (result.records.length === 0)
      throw new FuzzFinding('invariant', `${question}: an answer with no records`);
    // The chain runs from the question's name through CNAMEs to the answer.
    let name = result.question.name;
    for (const rr of result.records) {
      if (!rr.name.equals(name))
        throw new FuzzFinding(
          'invariant',
          `${question}: answer record ${rr.name} does not follow the chain at ${name}`,
        );
      if (isRecordOf(rr, 'CNAME') && result.question.type !== RRType.CNAME) name = rr.data.target;
    }
  }
}

export function dnsResolverTarget(): FuzzTarget<UniverseInput> {
  return {
    name: 'dns.resolver',
    description: 'IterativeResolver against random zone universes with misbehaving servers',
    arbitrary: universeArb,
    async check(u) {
      let built: Built;
      try {
        built = buildUniverse(u);
      } catch (e) {
        throw crash('building zones from records', e);
      }
      const rng = new SeededRng(u.rngSeed);
      const transport = new CountingTransport(built, rng);
      const resolver = new IterativeResolver({
        transport,
        rootHints: built.rootHints,
        rng,
        caches: {
          responses: new RecordCache('responses', {
            maxTtl: MAX_CACHE_TTL,
            maxNegativeTtl: MAX_NEGATIVE_CACHE_TTL,
            maxEntries: 1000,
          }),
          delegations: new DelegationCache('delegations'),
        },
        qnameMinimisation: u.qnameMinimisation,
      });
      let now = 1_700_000_000_000;
      const kinds: string[] = [];
      for (const q of u.questions) {
        now += q.after;
        const name = built.names[q.name % built.names.length]!;
        const type = QTYPES[q.type]!;
        const question = `${name} ${type}`;
        transport.queries = 0;
        let resolved: Resolved;
        try {
          resolved = await resolver.resolve({ name, type, class: RRClass.IN }, now);
        } catch (e) {
          throw crash(`resolving ${question}`, e);
        }
        checkResolved(resolved, now, transport.queries, question);
        kinds.push(resolved.result.kind);
        now = resolved.at;
      }
      return kinds[0];
    },
    share: 1 / 5,
    testRuns: 150,
    show: (u) => JSON.stringify(u),
  };
}
