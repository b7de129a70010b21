import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AuthoritativeServer } from './authoritative';
import { decodeMessage, encodeMessage } from './codec';
import { Name } from './name';
import { formatRecord } from './present';
import { RRClass, RRType, Rcode, makeQuery, rcodeName, typeName, parseTypeName } from './types';
import { buildDemoUniverse } from './universe';
import { Zone } from './zone/zone';

const zone = Zone.parse(readFileSync('test/fixtures/dns/wild.example.zone', 'utf8'));
const server = new AuthoritativeServer([zone]);

function ask(name: string, type: string, srv = server) {
  const query = makeQuery(0x4242, {
    name: Name.parse(name),
    type: parseTypeName(type)!,
    class: RRClass.IN,
  });
  const response = srv.answer(query);
  return {
    rcode: rcodeName(response.header.rcode),
    aa: response.header.aa,
    answer: response.answers.map(formatRecord),
    authority: response.authority.map(formatRecord),
    additional: response.additional.map(formatRecord),
  };
}

const SOA =
  'example. 3600 IN SOA ns.example.com. hostmaster.example. 2026011501 7200 3600 1209600 5400';

describe('AuthoritativeServer', () => {
  it('answers with AA from its zone', () => {
    expect(ask('host1.example', 'A')).toEqual({
      rcode: 'NOERROR',
      aa: true,
      answer: ['host1.example. 3600 IN A 192.0.2.1'],
      authority: [],
      additional: [],
    });
  });

  it('gives NODATA and NXDOMAIN with the SOA at TTL min(SOA TTL, MINIMUM) (RFC 2308 §3)', () => {
    expect(ask('host1.example', 'MX')).toMatchObject({
      rcode: 'NOERROR',
      aa: true,
      answer: [],
      authority: [SOA],
    });
    const nx = ask('_telnet._tcp.host1.example', 'SRV');
    expect(nx).toMatchObject({ rcode: 'NXDOMAIN', aa: true, answer: [], authority: [SOA] });
    expect(nx.authority[0]).toContain(' 3600 IN SOA ');
  });

  // RFC 4592 §2.2.1's examples, query by query.
  it('synthesizes from wildcards and applies the closest-encloser rule (RFC 4592)', () => {
    expect(ask('host3.example', 'MX').answer).toEqual([
      'host3.example. 3600 IN MX 10 host1.example.',
    ]);
    expect(ask('host3.example', 'MX').additional).toEqual(['host1.example. 3600 IN A 192.0.2.1']);
    expect(ask('host3.example', 'A')).toMatchObject({
      rcode: 'NOERROR',
      answer: [],
      authority: [SOA],
    });
    expect(ask('foo.bar.example', 'TXT').answer).toEqual([
      'foo.bar.example. 3600 IN TXT "this is a wildcard"',
    ]);
    expect(ask('host1.example', 'MX')).toMatchObject({ rcode: 'NOERROR', answer: [] });
    expect(ask('sub.*.example', 'MX')).toMatchObject({ rcode: 'NOERROR', answer: [] });
    // _tcp.host1.example is an empty non-terminal: it blocks *.example.
    expect(ask('_telnet._tcp.host1.example', 'SRV').rcode).toBe('NXDOMAIN');
    expect(ask('_tcp.host1.example', 'A')).toMatchObject({
      rcode: 'NOERROR',
      answer: [],
      authority: [SOA],
    });
    // The closest encloser of ghost.*.example is *.example itself; *.*.example does not exist.
    expect(ask('ghost.*.example', 'MX').rcode).toBe('NXDOMAIN');
  });

  it('refers delegated children with NS in authority, in-bailiwick glue only, AA off', () => {
    expect(ask('www.subdel.example', 'A')).toEqual({
      rcode: 'NOERROR',
      aa: false,
      answer: [],
      authority: [
        'subdel.example. 3600 IN NS ns.example.com.',
        'subdel.example. 3600 IN NS ns.subdel.example.',
      ],
      additional: ['ns.subdel.example. 3600 IN A 192.0.2.53'],
    });
    expect(ask('subdel.example', 'NS').aa).toBe(false);
  });

  it('follows CNAMEs inside the zone, stops at its edge and at loops', () => {
    expect(ask('a.example', 'A')).toMatchObject({
      rcode: 'NOERROR',
      aa: true,
      answer: [
        'a.example. 3600 IN CNAME b.example.',
        'b.example. 3600 IN CNAME host1.example.',
        'host1.example. 3600 IN A 192.0.2.1',
      ],
    });
    expect(ask('out.example', 'A')).toMatchObject({
      rcode: 'NOERROR',
      answer: ['out.example. 3600 IN CNAME www.elsewhere.test.'],
    });
    expect(ask('loop1.example', 'A').answer).toEqual([
      'loop1.example. 3600 IN CNAME loop2.example.',
      'loop2.example. 3600 IN CNAME loop1.example.',
    ]);
    expect(ask('a.example', 'CNAME').answer).toEqual(['a.example. 3600 IN CNAME b.example.']);
  });

  it('refuses names outside its zones, and other opcodes and transfers', () => {
    expect(ask('www.example.com', 'A')).toEqual({
      rcode: 'REFUSED',
      aa: false,
      answer: [],
      authority: [],
      additional: [],
    });
    expect(ask('example', 'AXFR').rcode).toBe('REFUSED');
    const notify = makeQuery(1, {
      name: Name.parse('example'),
      type: RRType.SOA,
      class: RRClass.IN,
    });
    notify.header.opcode = 4;
    expect(server.answer(notify).header.rcode).toBe(Rcode.NOTIMP);
  });

  it('answers EDNS with its payload size and BADVERS for unknown versions (RFC 6891)', () => {
    const q = makeQuery(
      9,
      { name: Name.parse('host1.example'), type: RRType.A, class: RRClass.IN },
      {
        edns: { udpPayloadSize: 4096, version: 0, dnssecOk: false, zFlags: 0, options: [] },
      },
    );
    expect(server.answer(q).edns?.udpPayloadSize).toBe(1232);
    q.edns!.version = 1;
    const bad = decodeMessage(encodeMessage(server.answer(q)).bytes).message;
    expect(bad.header.rcode).toBe(Rcode.BADVERS);
  });

  it('works on the wire: FORMERR for garbage with a header, silence for shorter garbage', () => {
    const wire = encodeMessage(
      makeQuery(0x1234, { name: Name.parse('HOST1.example'), type: RRType.A, class: RRClass.IN }),
    ).bytes;
    const reply = decodeMessage(server.handle(wire)!).message;
    expect(reply.header.id).toBe(0x1234);
    expect(reply.questions[0]!.name.toString()).toBe('HOST1.example.'); // the question's case is kept
    expect(reply.answers.map((r) => typeName(r.type))).toEqual(['A']);
    const garbage = Uint8Array.from([0xab, 0xcd, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0]);
    expect(decodeMessage(server.handle(garbage)!).message.header).toMatchObject({
      id: 0xabcd,
      rcode: Rcode.FORMERR,
    });
    expect(server.handle(Uint8Array.from([1, 2, 3]))).toBeUndefined();
  });
});

describe('the demo universe', () => {
  const universe = buildDemoUniverse();
  const at = (address: string) =>
    new AuthoritativeServer(universe.servers.find((s) => s.address === address)!.zones);

  it('has root hints with the real root server names and addresses', () => {
    expect(universe.rootHints.map((h) => `${h.name} ${h.address}`)).toEqual([
      'a.root-servers.net. 198.41.0.4',
      'b.root-servers.net. 170.247.170.2',
      'c.root-servers.net. 192.33.4.12',
    ]);
  });

  it('refers from the root to com with glue, and from com to example.com', () => {
    const root = ask('www.example.com', 'A', at('198.41.0.4'));
    expect(root.authority).toEqual([
      'com. 172800 IN NS a.gtld-servers.net.',
      'com. 172800 IN NS b.gtld-servers.net.',
    ]);
    expect(root.additional).toEqual([
      'a.gtld-servers.net. 172800 IN A 192.0.2.30',
      'b.gtld-servers.net. 172800 IN A 192.0.2.31',
    ]);
    expect(ask('www.example.com', 'A', at('192.0.2.30')).additional).toEqual([
      'ns1.example.com. 172800 IN A 203.0.113.10',
      'ns2.example.com. 172800 IN A 203.0.113.11',
    ]);
  });

  it('refers example.org without glue: its servers live under net', () => {
    expect(ask('www.example.org', 'A', at('192.0.2.40'))).toMatchObject({
      authority: [
        'example.org. 86400 IN NS ns1.example.net.',
        'example.org. 86400 IN NS ns2.example.net.',
      ],
      additional: [],
    });
  });

  it('serves the zones and CNAME chain the scenarios use', () => {
    expect(ask('www.example.org', 'A', at('198.51.100.10')).answer).toEqual([
      'www.example.org. 600 IN CNAME cdn.example.net.',
    ]);
    expect(ask('cdn.example.net', 'A', at('198.51.100.10')).answer).toEqual([
      'cdn.example.net. 120 IN CNAME edge.example.com.',
    ]);
    expect(ask('edge.example.com', 'A', at('203.0.113.10')).answer).toEqual([
      'edge.example.com. 30 IN A 203.0.113.90',
    ]);
    expect(ask('shop.example.com', 'A', at('203.0.113.10')).authority).toEqual([
      'shop.example.com. 86400 IN NS ns1.shop.example.com.',
    ]);
    expect(ask('x.y.apps.wirestep.test', 'A', at('192.0.2.110')).answer).toEqual([
      'x.y.apps.wirestep.test. 3600 IN A 192.0.2.131',
    ]);
    expect(ask('z.y.apps.wirestep.test', 'A', at('192.0.2.110')).rcode).toBe('NXDOMAIN');
    expect(ask('any.apps.wirestep.test', 'A', at('192.0.2.110')).answer).toEqual([
      'any.apps.wirestep.test. 300 IN A 192.0.2.130',
    ]);
  });
});
