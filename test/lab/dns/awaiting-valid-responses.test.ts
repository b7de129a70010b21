/**
 * The resolver's side of a forged datagram (src/engine/dns/resolver.ts): a response that does not
 * match its query is discarded and the resolver keeps listening on the same query, so the real
 * answer that arrives after it is still taken, from the same server, with no second query.
 */
import { describe, expect, it } from 'vitest';
import { AuthoritativeServer } from '../../../src/engine/dns/authoritative';
import { DelegationCache, RecordCache } from '../../../src/engine/dns/cache';
import { decodeMessage, encodeMessage } from '../../../src/engine/dns/codec';
import { parseQuestion } from '../../../src/engine/dns/lookup';
import { Name } from '../../../src/engine/dns/name';
import { IterativeResolver, QUERY_TIMEOUT_MS } from '../../../src/engine/dns/resolver';
import { SimTransport, type DnsTransport } from '../../../src/engine/dns/transport';
import { Zone } from '../../../src/engine/dns/zone/zone';
import { SimNetwork } from '../../../src/engine/sim/network';
import { SeededRng } from '../../../src/engine/sim/rng';
import { TraceRecorder } from '../../../src/engine/trace';

const T0 = 1_700_000_000_000;
const ROOT = `$ORIGIN .\n$TTL 3600\n@ SOA a.root.test. h.root.test. 1 2 3 4 300\n@ NS a.root.test.\na.root.test. A 192.0.2.1\nwww.example. 60 A 192.0.2.80\n`;

function setup(deliverReal: boolean) {
  const server = new AuthoritativeServer([Zone.parse(ROOT)]);
  const network = new SimNetwork();
  network.attach('192.0.2.1', (q) => {
    const bytes = server.handle(q);
    return bytes && { bytes };
  });
  const real = new SimTransport(network, '192.0.2.53', QUERY_TIMEOUT_MS);
  const forgedIds: number[] = [];
  const transport: DnsTransport = {
    async send(address, query, now) {
      const reply = await real.send(address, query, now);
      if (reply.kind !== 'response') return reply;
      const forged = decodeMessage(reply.bytes).message;
      forged.header.id ^= 0x5a5a;
      forged.answers = forged.answers.map((rr) => ({
        ...rr,
        data: { kind: 'A', address: '192.0.2.66' },
      }));
      forgedIds.push(forged.header.id);
      const lost = { kind: 'timeout' as const, at: now + QUERY_TIMEOUT_MS };
      return {
        kind: 'response',
        bytes: encodeMessage(forged).bytes,
        at: now + 1,
        repliedAt: now,
        next: async () => (deliverReal ? reply : lost),
      };
    },
  };
  const recorder = new TraceRecorder();
  const resolver = new IterativeResolver({
    transport,
    rootHints: [{ name: Name.parse('a.root.test'), address: '192.0.2.1' }],
    rng: new SeededRng('awaiting'),
    caches: {
      responses: new RecordCache('response cache', {
        maxTtl: 86400,
        maxNegativeTtl: 3600,
        maxEntries: 100,
      }),
      delegations: new DelegationCache(),
    },
    trace: { sink: recorder, lane: 'Recursive resolver' },
  });
  return { resolver, recorder, forgedIds };
}

describe('a resolver awaiting a valid response', () => {
  it('drops the forgery that arrives first and takes the real answer from the same server', async () => {
    const { resolver, recorder, forgedIds } = setup(true);
    const { result, queries } = await resolver.resolve(parseQuestion('www.example'), T0);
    expect(result).toMatchObject({ kind: 'answer' });
    expect(result.kind === 'answer' && result.records.map((r) => r.data)).toEqual([
      { kind: 'A', address: '192.0.2.80' },
    ]);
    expect(queries).toBe(1);
    const spoofed = recorder.events.filter(
      (e) => e.kind === 'note' && e.key === 'dns.note.spoofed',
    );
    expect(spoofed.map((e) => e.kind === 'note' && e.params?.gotId)).toEqual(forgedIds);
    // Query, forgery, real response: both datagrams are on the diagram, in arrival order.
    const ids = recorder.events.flatMap((e) =>
      e.kind === 'message' ? [(e.decoded as { message: { id: number } }).message.id] : [],
    );
    expect(ids).toEqual([ids[0], forgedIds[0], ids[0]]);
  });

  it('still times out when only the forgery ever comes', async () => {
    const { resolver, recorder } = setup(false);
    const { result, at } = await resolver.resolve(parseQuestion('www.example'), T0);
    expect(result).toMatchObject({ kind: 'servfail' });
    expect(at).toBe(T0 + QUERY_TIMEOUT_MS);
    const keys = recorder.events.flatMap((e) => (e.kind === 'note' ? [e.key] : []));
    expect(keys).toEqual(['dns.note.spoofed', 'dns.note.timeout', 'dns.note.all_servers_failed']);
  });
});
