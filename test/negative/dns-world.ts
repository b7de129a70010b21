/**
 * A small internet described as data (hickory-dns's test style), for the DNS negative cases:
 * servers at addresses, each serving some zones (master-file text or ready Zone objects) and
 * optionally bending its answers; the resolver walks it from root hints. Every resolution reports
 * the rcode a recursive server would answer with (stub.ts responseFor), so cases assert rcodes.
 */
import { decodeMessage } from '../../src/engine/dns/codec';
import { AuthoritativeServer } from '../../src/engine/dns/authoritative';
import {
  DelegationCache,
  MAX_CACHE_TTL,
  MAX_NEGATIVE_CACHE_TTL,
  RecordCache,
} from '../../src/engine/dns/cache';
import { formatRData } from '../../src/engine/dns/present';
import { Name } from '../../src/engine/dns/name';
import {
  IterativeResolver,
  QUERY_TIMEOUT_MS,
  type ResolverCaches,
} from '../../src/engine/dns/resolver';
import { responseFor } from '../../src/engine/dns/stub';
import type { DnsTransport, TransportResult } from '../../src/engine/dns/transport';
import { RRClass, parseTypeName, rcodeName, type Message } from '../../src/engine/dns/types';
import { Zone } from '../../src/engine/dns/zone/zone';
import { SeededRng } from '../../src/engine/sim/rng';
import type { Observed } from './support';

export interface WorldServer {
  zones: (string | Zone)[];
  /** Replaces the server's genuine answer (undefined: the query is lost and times out). */
  bend?: (query: Message, genuine: Uint8Array | undefined) => Uint8Array | undefined;
  /** Never answers. */
  down?: boolean;
}

export type World = Record<string, WorldServer>;

/** The root and test. zones every world starts from; worlds add their own below test. */
export const ROOT_AND_TEST: World = {
  '10.0.0.1': {
    zones: [
      `$ORIGIN .
$TTL 86400
@ IN SOA a.root. hostmaster.root. 1 1800 900 604800 86400
@ IN NS a.root.
a.root. IN A 10.0.0.1
test. 172800 IN NS ns.nic.test.
ns.nic.test. 172800 IN A 10.0.0.2
`,
    ],
  },
};

export function testZone(delegations: string): string {
  return `$ORIGIN test.
$TTL 86400
@ IN SOA ns.nic hostmaster.nic 1 1800 900 604800 3600
@ IN NS ns.nic
ns.nic IN A 10.0.0.2
${delegations}`;
}

const LATENCY_MS = 10;

class WorldTransport implements DnsTransport {
  private readonly servers = new Map<string, { server: AuthoritativeServer; spec: WorldServer }>();
  queries = 0;

  constructor(world: World) {
    for (const [address, spec] of Object.entries(world)) {
      const zones = spec.zones.map((z) => (typeof z === 'string' ? Zone.parse(z) : z));
      this.servers.set(address, { server: new AuthoritativeServer(zones), spec });
    }
  }

  async send(address: string, query: Uint8Array, now: number): Promise<TransportResult> {
    this.queries++;
    const host = this.servers.get(address);
    const timeout: TransportResult = { kind: 'timeout', at: now + QUERY_TIMEOUT_MS };
    if (!host || host.spec.down) return timeout;
    const genuine = host.server.handle(query);
    const bytes = host.spec.bend
      ? host.spec.bend(decodeMessage(query, { annotate: false }).message, genuine)
      : genuine;
    return bytes
      ? { kind: 'response', bytes, at: now + 2 * LATENCY_MS, repliedAt: now + LATENCY_MS }
      : timeout;
  }
}

export interface Session {
  /** Resolves `name type` at virtual time `at` (ms) with the session's caches. */
  resolve(name: string, type: string, at?: number): Promise<Observed>;
}

/** A resolver over `world` whose caches last for the session. */
export function session(world: World): Session {
  const transport = new WorldTransport(world);
  const caches: ResolverCaches = {
    responses: new RecordCache('responses', {
      maxTtl: MAX_CACHE_TTL,
      maxNegativeTtl: MAX_NEGATIVE_CACHE_TTL,
      maxEntries: 1000,
    }),
    delegations: new DelegationCache('delegations'),
  };
  const resolver = new IterativeResolver({
    transport,
    rootHints: [{ name: Name.parse('a.root'), address: '10.0.0.1' }],
    rng: new SeededRng('negative dns'),
    caches,
  });
  return {
    async resolve(name, type, at = 0) {
      const question = { name: Name.parse(name), type: parseTypeName(type)!, class: RRClass.IN };
      transport.queries = 0;
      const { result } = await resolver.resolve(question, at);
      const response = responseFor(0, question, result);
      return {
        rcode: rcodeName(response.header.rcode),
        answer: response.answers.map((rr) => `${rr.name} ${rr.ttl} ${formatRData(rr.data)}`),
        ...(result.kind === 'servfail' ? { reason: result.reason } : {}),
        queries: transport.queries,
      };
    },
  };
}

/** One resolution in a fresh session. */
export function resolveIn(world: World, name: string, type = 'A'): Promise<Observed> {
  return session(world).resolve(name, type);
}
