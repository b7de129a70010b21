import { describe, expect, it } from 'vitest';
import { SimNetwork } from '../sim/network';
import { SeededRng } from '../sim/rng';
import { TraceRecorder, type MessageEvent, type NoteEvent } from '../trace';
import { AuthoritativeServer } from './authoritative';
import { DelegationCache, MAX_CACHE_TTL, MAX_NEGATIVE_CACHE_TTL, RecordCache } from './cache';
import { decodeMessage, encodeMessage } from './codec';
import { DnsSession, parseQuestion, runDnsLookup } from './lookup';
import { Name } from './name';
import {
  IterativeResolver,
  MAX_CNAME_CHAIN,
  MAX_QUERIES_PER_RESOLUTION,
  MAX_RECURSION_DEPTH,
  QUERY_TIMEOUT_MS,
} from './resolver';
import { SimTransport, type DnsTransport } from './transport';
import { Rcode } from './types';
import { Zone } from './zone/zone';

const T0 = 1_700_000_000_000;
const HINT = { name: Name.parse('a.root.test'), address: '192.0.2.1' };

function caches() {
  return {
    responses: new RecordCache('response cache', {
      maxTtl: MAX_CACHE_TTL,
      maxNegativeTtl: MAX_NEGATIVE_CACHE_TTL,
      maxEntries: 1000,
    }),
    delegations: new DelegationCache(),
  };
}

/** One server at 192.0.2.1 serving the root zone (with `rootExtra`) and every zone given. */
function oneServerWorld(rootExtra: string, zones: string[]) {
  const root = Zone.parse(
    `$ORIGIN .\n$TTL 3600\n@ SOA a.root.test. h.root.test. 1 2 3 4 300\n@ NS a.root.test.\na.root.test. A 192.0.2.1\n${rootExtra}`,
  );
  const server = new AuthoritativeServer([root, ...zones.map((z) => Zone.parse(z))]);
  const network = new SimNetwork();
  network.attach('192.0.2.1', (q) => {
    const bytes = server.handle(q);
    return bytes && { bytes };
  });
  return network;
}

function resolverOver(transport: DnsTransport, hints = [HINT]) {
  const recorder = new TraceRecorder();
  const resolver = new IterativeResolver({
    transport,
    rootHints: hints,
    rng: new SeededRng('resolver test'),
    caches: caches(),
    trace: { sink: recorder, lane: 'Recursive resolver' },
  });
  return { resolver, recorder };
}

const notes = (r: TraceRecorder) =>
  r.events.filter((e): e is NoteEvent => e.kind === 'note').map((e) => e.key);
const messages = (r: TraceRecorder) =>
  r.events.filter((e): e is MessageEvent => e.kind === 'message');

describe('IterativeResolver limits', () => {
  it(`gives SERVFAIL after ${MAX_CNAME_CHAIN} CNAMEs (BIND max-query-restarts)`, async () => {
    const zones = Array.from(
      { length: 13 },
      (_, i) =>
        `$ORIGIN z${i}.test.\n$TTL 60\n@ SOA ns h 1 2 3 4 5\n@ NS a.root.test.\nwww CNAME www.z${i + 1}.test.`,
    );
    const { resolver, recorder } = resolverOver(
      new SimTransport(oneServerWorld('', zones), '192.0.2.53', QUERY_TIMEOUT_MS),
    );
    const { result } = await resolver.resolve(parseQuestion('www.z0.test'), T0);
    expect(result).toMatchObject({
      kind: 'servfail',
      reason: `CNAME chain longer than ${MAX_CNAME_CHAIN}`,
    });
    expect(result.kind === 'servfail' && result.chain).toHaveLength(MAX_CNAME_CHAIN + 1);
    expect(notes(recorder)).toContain('dns.note.cname_limit');
  });

  it(`follows a chain of ${MAX_CNAME_CHAIN} CNAMEs`, async () => {
    const zones = Array.from(
      { length: MAX_CNAME_CHAIN },
      (_, i) =>
        `$ORIGIN z${i}.test.\n$TTL 60\n@ SOA ns h 1 2 3 4 5\n@ NS a.root.test.\nwww CNAME www.z${i + 1}.test.`,
    );
    zones.push(
      `$ORIGIN z${MAX_CNAME_CHAIN}.test.\n$TTL 60\n@ SOA ns h 1 2 3 4 5\n@ NS a.root.test.\nwww A 192.0.2.99`,
    );
    const { resolver } = resolverOver(
      new SimTransport(oneServerWorld('', zones), '192.0.2.53', QUERY_TIMEOUT_MS),
    );
    const { result } = await resolver.resolve(parseQuestion('www.z0.test'), T0);
    expect(result.kind === 'answer' && result.records).toHaveLength(MAX_CNAME_CHAIN + 1);
  });

  it(`stops after ${MAX_QUERIES_PER_RESOLUTION} queries (BIND max-recursion-queries)`, async () => {
    const hints = Array.from({ length: 150 }, (_, i) => ({
      name: Name.parse(`r${i}.root.test`),
      address: `198.51.100.${i}`,
    }));
    const { resolver, recorder } = resolverOver(
      new SimTransport(new SimNetwork(), '192.0.2.53', QUERY_TIMEOUT_MS),
      hints,
    );
    const { result, queries, at } = await resolver.resolve(parseQuestion('www.example.com'), T0);
    expect(result).toMatchObject({
      kind: 'servfail',
      reason: `more than ${MAX_QUERIES_PER_RESOLUTION} queries`,
    });
    expect(queries).toBe(MAX_QUERIES_PER_RESOLUTION);
    expect(at).toBe(T0 + MAX_QUERIES_PER_RESOLUTION * QUERY_TIMEOUT_MS);
    expect(notes(recorder).filter((k) => k === 'dns.note.timeout')).toHaveLength(
      MAX_QUERIES_PER_RESOLUTION,
    );
    expect(notes(recorder)).toContain('dns.note.query_budget');
  });

  it(`stops nesting glueless lookups at depth ${MAX_RECURSION_DEPTH} (BIND max-recursion-depth)`, async () => {
    // d0.test is served by ns.d1.test, d1.test by ns.d2.test, and so on: each level needs one more.
    const delegations = Array.from(
      { length: 10 },
      (_, i) => `d${i}.test. NS ns.d${i + 1}.test.`,
    ).join('\n');
    const test = `$ORIGIN test.\n$TTL 60\n@ SOA a.root.test. h 1 2 3 4 5\n@ NS a.root.test.\n${delegations}`;
    const { resolver, recorder } = resolverOver(
      new SimTransport(
        oneServerWorld('test. NS a.root.test.', [test]),
        '192.0.2.53',
        QUERY_TIMEOUT_MS,
      ),
    );
    const { result } = await resolver.resolve(parseQuestion('www.d0.test'), T0);
    expect(result.kind).toBe('servfail');
    expect(notes(recorder).filter((k) => k === 'dns.note.glueless')).toHaveLength(
      MAX_RECURSION_DEPTH,
    );
    expect(notes(recorder)).toContain('dns.note.depth_limit');
  });

  it('drops a response whose ID does not match as spoofed and asks the next server', async () => {
    const network = oneServerWorld('', [
      `$ORIGIN example.\n$TTL 60\n@ SOA ns h 1 2 3 4 5\n@ NS a.root.test.\nwww A 192.0.2.80`,
    ]);
    const real = new SimTransport(network, '192.0.2.53', QUERY_TIMEOUT_MS);
    let first = true;
    const spoofing: DnsTransport = {
      async send(server, query, now) {
        const reply = await real.send(server, query, now);
        if (first && reply.kind === 'response') {
          first = false;
          const forged = decodeMessage(reply.bytes).message;
          forged.header.id ^= 0x5a5a;
          return { ...reply, bytes: encodeMessage(forged).bytes };
        }
        return reply;
      },
    };
    const hints = [HINT, { name: Name.parse('b.root.test'), address: '192.0.2.1' }];
    const { resolver, recorder } = resolverOver(spoofing, hints);
    const { result } = await resolver.resolve(parseQuestion('www.example'), T0);
    expect(result).toMatchObject({ kind: 'answer' });
    expect(notes(recorder)).toEqual(['dns.note.spoofed']);
    expect(messages(recorder).map((m) => m.name)).toEqual([
      'Query www.example A',
      'Response www.example A NOERROR',
      'Query www.example A',
      'Response www.example A NOERROR',
    ]);
  });
});

describe('the stub chain and the scenario entry point', () => {
  it('is deterministic: same seed, same bytes; another seed, other query IDs', async () => {
    const a = await runDnsLookup({ name: 'www.example.com', seed: 42 });
    const b = await runDnsLookup({ name: 'www.example.com', seed: 42 });
    const c = await runDnsLookup({ name: 'www.example.com', seed: 43 });
    const bytes = (r: typeof a) =>
      messages({ events: r.trace.events } as TraceRecorder).map((m) =>
        Buffer.from(m.bytes).toString('hex'),
      );
    expect(bytes(a)).toEqual(bytes(b));
    expect(bytes(a)).not.toEqual(bytes(c));
  });

  it('puts every DNS message on a named lane with real bytes and spans', async () => {
    const { trace } = await runDnsLookup({ name: 'www.example.com', seed: 1 });
    expect(trace.lanes).toEqual([
      'Browser',
      'OS resolver',
      'Recursive resolver',
      'Root',
      'TLD',
      'Authoritative',
    ]);
    const msgs = trace.events.filter((e): e is MessageEvent => e.kind === 'message');
    expect(msgs.map((m) => `${m.from} > ${m.to}: ${m.name}`)).toEqual([
      'Browser > OS resolver: Query www.example.com A',
      'OS resolver > Recursive resolver: Query www.example.com A',
      'Recursive resolver > Root: Query www.example.com A',
      'Root > Recursive resolver: Referral to com.',
      'Recursive resolver > TLD: Query www.example.com A',
      'TLD > Recursive resolver: Referral to example.com.',
      'Recursive resolver > Authoritative: Query www.example.com A',
      'Authoritative > Recursive resolver: Response www.example.com A NOERROR',
      'Recursive resolver > OS resolver: Response www.example.com A NOERROR',
      'OS resolver > Browser: Response www.example.com A NOERROR',
    ]);
    for (const m of msgs) {
      expect(m.protocol).toBe('dns');
      expect(m.spans.length).toBeGreaterThan(0);
      expect(decodeMessage(m.bytes).spans).toEqual(m.spans);
    }
    expect(msgs[2]!.decoded).toMatchObject({
      server: { name: 'a.root-servers.net.', address: '198.41.0.4', zone: '.' },
    });
    // Times follow the links: 1 ms loopback, 10 ms to the ISP, 15 ms to the root.
    expect(msgs.slice(0, 4).map((m) => m.t - msgs[0]!.t)).toEqual([0, 1, 11, 26]);
  });

  it('continues from a state, and refuses to go back in time', async () => {
    const first = await runDnsLookup({ name: 'www.example.com', seed: 1 });
    const again = await runDnsLookup({ name: 'www.example.com', seed: 1, state: first.state });
    expect(again.trace.events.map((e) => e.kind)).toEqual(['cache']);
    await expect(
      runDnsLookup({ name: 'www.example.com', seed: 1, state: first.state, at: 0 }),
    ).rejects.toThrow(RangeError);
    await expect(runDnsLookup({ name: 'bad..name', seed: 1 })).rejects.toThrow(
      /bad name 'bad..name'/,
    );
    await expect(runDnsLookup({ name: 'x.test', type: 'BOGUS', seed: 1 })).rejects.toThrow(
      /unknown record type 'BOGUS'/,
    );
  });

  it('retries after a lame server that answers without AA and without a referral', async () => {
    const lame = (q: Uint8Array) => {
      const query = decodeMessage(q).message;
      return encodeMessage({
        ...query,
        header: { ...query.header, qr: true, rcode: Rcode.NOERROR },
      }).bytes;
    };
    const session = new DnsSession({
      seed: 3,
      faults: { '203.0.113.10': { kind: 'respond', respond: lame } },
    });
    const { result, trace } = await session.lookup(parseQuestion('www.example.com'));
    expect(result).toMatchObject({ kind: 'answer' });
    const lameNote = trace!.events.find(
      (e): e is NoteEvent => e.kind === 'note' && e.key === 'dns.note.lame',
    );
    expect(lameNote?.params).toMatchObject({
      server: 'ns1.example.com.',
      reason: 'lame.not_authoritative',
    });
  });

  it('runs without recording, for benchmarks', async () => {
    const session = new DnsSession({ seed: 1, record: false });
    const cold = await session.lookup(parseQuestion('www.shop.example.com'));
    expect(cold.trace).toBeUndefined();
    expect(cold.result).toMatchObject({ kind: 'answer' });
    const warm = await session.lookup(parseQuestion('www.shop.example.com'), cold.at + 1000);
    expect(warm.at).toBe(cold.at + 1000);
  });
});
