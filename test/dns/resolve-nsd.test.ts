/**
 * `dns resolve` against Debian's nsd: a root, two TLDs and three authoritative zones, each set on
 * its own loopback address on port 53 (one nsd per address), written here as zone files. Our
 * resolver must walk root → TLD → authoritative with real UDP (and TCP after TC) and report the
 * answers and rcodes the zone files say, as nsd itself gives them to dig.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMessage } from '../../src/engine/dns';
import { parseTraceJson } from '../../src/engine/scenarios/trace-json';
import { indexTrace } from '../../src/store/trace-view';
import { toHex } from '../../src/engine/bytes/hex';
import { dig, digParsed, parseDig } from './support/dig';
import { startUdpRelay } from './support/relay';
import { portIsFree, runCli, startNsd, type NsdProcess, type NsdZone } from './support/processes';

/** The third octet of 127.0.X.1-4 tried for the four servers, in order. */
const SUBNETS = [53, 153, 253, 54, 154];
/** DNS servers listen on port 53 (RFC 1035 §4.2.1); the test uses it when it is free. */
const DNS_PORT = 53;

interface Layout {
  root: string;
  tld: string;
  auth: string;
  provider: string;
  /** The port every nsd listens on: 53 unless it was taken everywhere. */
  port: number;
}

/**
 * Four addresses where port 53 is free for UDP and TCP. If no subnet has four (a system nsd or
 * resolver bound 0.0.0.0:53), all four servers share another free port and the resolver is told
 * with --port.
 */
async function chooseLayout(): Promise<Layout> {
  for (const subnet of SUBNETS) {
    const hosts = [1, 2, 3, 4].map((h) => `127.0.${subnet}.${h}`);
    const free = await Promise.all(hosts.map((h) => portIsFree(h, DNS_PORT)));
    if (free.every(Boolean)) {
      const [root, tld, auth, provider] = hosts as [string, string, string, string];
      return { root, tld, auth, provider, port: DNS_PORT };
    }
  }
  const hosts = [1, 2, 3, 4].map((h) => `127.0.${SUBNETS[0]}.${h}`);
  for (let port = 20053; port < 20553; port += 17) {
    const free = await Promise.all(hosts.map((h) => portIsFree(h, port)));
    if (free.every(Boolean)) {
      const [root, tld, auth, provider] = hosts as [string, string, string, string];
      return { root, tld, auth, provider, port };
    }
  }
  throw new Error('no loopback addresses with a free DNS port');
}

/** Two 250-octet strings and more: an answer nsd must truncate over UDP at 1232 octets. */
const BIG_TXT = Array.from({ length: 6 }, (_, i) => `"${String(i).repeat(250)}"`).join(' ');

function zones(l: Layout): Record<keyof Omit<Layout, 'port'>, NsdZone[]> {
  return {
    root: [
      {
        origin: '.',
        text: `$ORIGIN .
$TTL 86400
@ IN SOA a.root-servers.net. nstld.root-servers.net. 2026011501 1800 900 604800 86400
@ 518400 IN NS a.root-servers.net.
a.root-servers.net. 518400 IN A ${l.root}
test. 172800 IN NS ns1.nic.test.
ns1.nic.test. 172800 IN A ${l.tld}
example. 172800 IN NS ns1.nic.example.
ns1.nic.example. 172800 IN A ${l.tld}
`,
      },
    ],
    tld: [
      {
        origin: 'test.',
        text: `$ORIGIN test.
$TTL 86400
@ IN SOA ns1.nic hostmaster.nic 2026011501 1800 900 604800 3600
@ IN NS ns1.nic
ns1.nic IN A ${l.tld}
wirestep IN NS ns1.wirestep
ns1.wirestep IN A ${l.auth}
; served by a name server under another TLD: no glue can be given here
glueless IN NS ns.provider.example.
slow IN NS ns1.wirestep
`,
      },
      {
        origin: 'example.',
        text: `$ORIGIN example.
$TTL 86400
@ IN SOA ns1.nic hostmaster.nic 2026011501 1800 900 604800 3600
@ IN NS ns1.nic
ns1.nic IN A ${l.tld}
provider IN NS ns.provider
ns.provider IN A ${l.provider}
`,
      },
    ],
    auth: [
      {
        origin: 'wirestep.test.',
        text: `$ORIGIN wirestep.test.
$TTL 3600
@ IN SOA ns1 hostmaster 2026011501 7200 3600 1209600 300
  IN NS ns1
  IN MX 10 mail
ns1 IN A ${l.auth}
www 300 IN A 192.0.2.80
www 300 IN AAAA 2001:db8::80
mail IN A 192.0.2.25
cdn 600 IN CNAME edge.provider.example.
big IN TXT ${BIG_TXT}
long 172800 IN A 192.0.2.172
`,
      },
      {
        // Negative answers that NSD gives with a TTL of a day (SOA TTL and MINIMUM 86400).
        origin: 'slow.test.',
        text: `$ORIGIN slow.test.
$TTL 86400
@ IN SOA ns1.wirestep.test. hostmaster 2026011501 7200 3600 1209600 86400
  IN NS ns1.wirestep.test.
`,
      },
    ],
    provider: [
      {
        origin: 'provider.example.',
        text: `$ORIGIN provider.example.
$TTL 3600
@ IN SOA ns hostmaster 2026011501 7200 3600 1209600 600
  IN NS ns
ns IN A ${l.provider}
edge 120 IN A 192.0.2.90
`,
      },
      {
        origin: 'glueless.test.',
        text: `$ORIGIN glueless.test.
$TTL 3600
@ IN SOA ns.provider.example. hostmaster.provider.example. 2026011501 7200 3600 1209600 300
  IN NS ns.provider.example.
www 300 IN A 192.0.2.100
`,
      },
    ],
  };
}

let layout: Layout;
const servers: NsdProcess[] = [];

beforeAll(async () => {
  layout = await chooseLayout();
  const z = zones(layout);
  for (const role of ['root', 'tld', 'auth', 'provider'] as const) {
    servers.push(await startNsd(layout[role], layout.port, z[role]));
  }
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.child.stop()));
});

/** `dns resolve NAME TYPE --root ROOT [--port N] [--verbose]`. */
async function resolve(name: string, type: string, verbose = false) {
  const args = ['dns', 'resolve', name, type, '--root', layout.root];
  if (layout.port !== DNS_PORT) args.push('--port', String(layout.port));
  if (verbose) args.push('--verbose');
  const run = await runCli(args);
  const lines = run.stdout.split('\n');
  const section = (title: string) => {
    const at = lines.indexOf(`;; ${title} SECTION:`);
    if (at < 0) return [];
    const end = lines.indexOf('', at);
    return lines.slice(at + 1, end).map((l) => l.split('\t').join(' '));
  };
  return {
    ...run,
    lines,
    status: /^;; status: (.*)$/m.exec(run.stdout)?.[1],
    answer: section('ANSWER'),
    authority: section('AUTHORITY'),
  };
}

const at = (host: string) => `${host}:${layout.port}`;

describe('dns resolve against nsd', () => {
  it('walks root → TLD → authoritative for an A record, as --verbose shows', async () => {
    const r = await resolve('www.wirestep.test', 'A', true);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.status).toBe('NOERROR');
    expect(r.answer).toEqual(['www.wirestep.test. 300 IN A 192.0.2.80']);
    // The same record nsd gives dig from the zone file.
    const direct = await digParsed(layout.auth, layout.port, ['www.wirestep.test', 'A']);
    expect(r.answer).toEqual(direct.answer);

    const steps = r.lines.filter((l) => /^;; (->|<-) /.test(l));
    expect(steps).toHaveLength(6);
    expect(steps[0]).toMatch(
      new RegExp(
        `^;; -> query +${at(layout.root)} \\(root-hint\\., zone \\.\\): www\\.wirestep\\.test\\. A id=0x[0-9a-f]{4}$`,
      ),
    );
    expect(steps[1]).toContain(
      `${at(layout.root)}: NOERROR, referral to test.: ns1.nic.test. (${layout.tld})`,
    );
    expect(steps[2]).toContain(
      `${at(layout.tld)} (ns1.nic.test., zone test.): www.wirestep.test. A`,
    );
    expect(steps[3]).toContain(
      `${at(layout.tld)}: NOERROR, referral to wirestep.test.: ns1.wirestep.test. (${layout.auth})`,
    );
    expect(steps[4]).toContain(
      `${at(layout.auth)} (ns1.wirestep.test., zone wirestep.test.): www.wirestep.test. A`,
    );
    expect(steps[5]).toContain(
      `${at(layout.auth)}: NOERROR aa, answer: www.wirestep.test. 300 IN A 192.0.2.80`,
    );
    expect(r.stdout).toMatch(/^;; 3 queries in \d+ ms$/m);
  });

  it('--trace FILE writes the walk as a trace the app imports, every message in it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wirestep-resolve-trace-')), 'resolve.json');
    const args = ['dns', 'resolve', 'www.wirestep.test', 'A', '--root', layout.root];
    if (layout.port !== DNS_PORT) args.push('--port', String(layout.port));
    const run = await runCli([...args, '--trace', file]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`wrote ${file}`);
    const parsed = parseTraceJson(readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error(`import refused: ${JSON.stringify(parsed.problem)}`);
    expect(parsed.file.source).toEqual({
      kind: 'real',
      label: `dns resolve www.wirestep.test A --root ${layout.root}`,
    });
    expect(parsed.file.settings).toMatchObject({
      kind: 'dns',
      name: 'www.wirestep.test',
      type: 'A',
    });
    const view = indexTrace(parsed.file.trace, parsed.file.phases);
    expect(view.protocol).toBe('dns');
    // Three queries and three responses, as sent and received: each decodes to its question.
    expect(view.messages).toHaveLength(6);
    for (const m of view.messages) {
      const { message } = decodeMessage(m.bytes);
      expect(message.questions.map((q) => `${q.name} ${q.type}`)).toEqual(['www.wirestep.test. 1']);
    }
    // The last response is nsd's authoritative answer: the record dig gets from it.
    const { message: last } = decodeMessage(view.messages[5]!.bytes);
    const direct = await digParsed(layout.auth, layout.port, ['www.wirestep.test', 'A']);
    expect(last.answers.map((rr) => `${rr.name} ${rr.ttl}`)).toEqual(['www.wirestep.test. 300']);
    expect(direct.answer).toEqual(['www.wirestep.test. 300 IN A 192.0.2.80']);
    expect(parsed.file.trace.events.some((e) => e.kind === 'cache')).toBe(true);
  });

  it('--trace without a FILE before another flag is one line, not a file named after the flag', async () => {
    const run = await runCli([
      'dns',
      'resolve',
      'www.wirestep.test',
      '--root',
      layout.root,
      '--trace',
      '--verbose',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(
      "error: --trace needs a FILE, got '--verbose' (--verbose prints each step as it happens)",
    );
  });

  it('AAAA and MX come back as the zone file has them', async () => {
    const aaaa = await resolve('www.wirestep.test', 'AAAA');
    expect(aaaa.code).toBe(0);
    expect(aaaa.answer).toEqual(['www.wirestep.test. 300 IN AAAA 2001:db8::80']);
    const mx = await resolve('wirestep.test', 'MX');
    expect(mx.answer).toEqual(['wirestep.test. 3600 IN MX 10 mail.wirestep.test.']);
  });

  it('NXDOMAIN: status printed with the SOA, one error line, exit 1', async () => {
    const r = await resolve('nope.wirestep.test', 'A');
    expect(r.code).toBe(1);
    expect(r.status).toBe('NXDOMAIN');
    expect(r.answer).toEqual([]);
    expect(r.authority).toEqual([
      'wirestep.test. 300 IN SOA ns1.wirestep.test. hostmaster.wirestep.test. 2026011501 7200 3600 1209600 300',
    ]);
    expect(r.stderr).toBe('error: NXDOMAIN: nope.wirestep.test. does not exist\n');
    const direct = await digParsed(layout.auth, layout.port, ['nope.wirestep.test', 'A']);
    expect(direct.status).toBe('NXDOMAIN');
    expect(r.authority).toEqual(direct.authority);
  });

  it('NXDOMAIN from the TLD itself, for a name under no delegation', async () => {
    const r = await resolve('missing.test', 'A');
    expect(r.code).toBe(1);
    expect(r.status).toBe('NXDOMAIN');
    expect(r.authority[0]).toMatch(/^test\. 3600 IN SOA ns1\.nic\.test\. /);
  });

  it('NODATA: NOERROR with no answer and the SOA, exit 0', async () => {
    const r = await resolve('www.wirestep.test', 'MX');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.status).toBe('NOERROR (no data)');
    expect(r.answer).toEqual([]);
    expect(r.authority).toEqual([
      'wirestep.test. 300 IN SOA ns1.wirestep.test. hostmaster.wirestep.test. 2026011501 7200 3600 1209600 300',
    ]);
  });

  it('caps a returned TTL at 86400 s and a negative one at 3600 s, as on a cache hit', async () => {
    // nsd gives the zone file's TTLs; the resolver hands back at most its cache maximums
    // (unbound's cache-max-ttl and cache-max-negative-ttl defaults), like BIND and Knot Resolver.
    const direct = await digParsed(layout.auth, layout.port, ['long.wirestep.test', 'A']);
    expect(direct.answer).toEqual(['long.wirestep.test. 172800 IN A 192.0.2.172']);
    const r = await resolve('long.wirestep.test', 'A');
    expect(r.code).toBe(0);
    expect(r.answer).toEqual(['long.wirestep.test. 86400 IN A 192.0.2.172']);

    const negative = await digParsed(layout.auth, layout.port, ['nope.slow.test', 'A']);
    expect(negative.status).toBe('NXDOMAIN');
    expect(negative.authority[0]).toMatch(/^slow\.test\. 86400 IN SOA /);
    const nx = await resolve('nope.slow.test', 'A');
    expect(nx.status).toBe('NXDOMAIN');
    expect(nx.authority).toEqual([
      'slow.test. 3600 IN SOA ns1.wirestep.test. hostmaster.slow.test. 2026011501 7200 3600 1209600 86400',
    ]);
  });

  it('follows a CNAME into another TLD, starting again from the root', async () => {
    const r = await resolve('cdn.wirestep.test', 'A', true);
    expect(r.code).toBe(0);
    expect(r.answer).toEqual([
      'cdn.wirestep.test. 600 IN CNAME edge.provider.example.',
      'edge.provider.example. 120 IN A 192.0.2.90',
    ]);
    const queries = r.lines.filter((l) => l.startsWith(';; -> query'));
    expect(queries.map((q) => / \((.*?), zone /.exec(q)?.[1])).toEqual([
      'root-hint.',
      'ns1.nic.test.',
      'ns1.wirestep.test.',
      'root-hint.',
      'ns1.nic.example.',
      'ns.provider.example.',
    ]);
    expect(queries.at(-1)).toContain(
      `${at(layout.provider)} (ns.provider.example., zone provider.example.): edge.provider.example. A`,
    );
  });

  it('looks up a name server that came without glue, then asks it', async () => {
    const r = await resolve('www.glueless.test', 'A', true);
    expect(r.code).toBe(0);
    expect(r.answer).toEqual(['www.glueless.test. 300 IN A 192.0.2.100']);
    const referral = r.lines.find((l) => l.includes('referral to glueless.test.'));
    expect(referral).toMatch(
      new RegExp(
        `^;; <- response ${at(layout.tld).replace(/\./g, '\\.')}: NOERROR, referral to glueless\\.test\\.: ns\\.provider\\.example\\. \\(no glue\\) \\[\\d+ bytes\\]$`,
      ),
    );
    expect(r.lines).toContain(
      ';; note       glueless server=ns.provider.example. zone=glueless.test.',
    );
    const queries = r.lines
      .filter((l) => l.startsWith(';; -> query'))
      .map((l) => l.replace(/ id=.*/, ''));
    expect(queries).toEqual([
      `;; -> query    ${at(layout.root)} (root-hint., zone .): www.glueless.test. A`,
      `;; -> query    ${at(layout.tld)} (ns1.nic.test., zone test.): www.glueless.test. A`,
      `;; -> query    ${at(layout.root)} (root-hint., zone .): ns.provider.example. A`,
      `;; -> query    ${at(layout.tld)} (ns1.nic.example., zone example.): ns.provider.example. A`,
      `;; -> query    ${at(layout.provider)} (ns.provider.example., zone provider.example.): ns.provider.example. A`,
      `;; -> query    ${at(layout.provider)} (ns.provider.example., zone glueless.test.): www.glueless.test. A`,
    ]);
  });

  it('retries over TCP when nsd truncates a UDP answer', async () => {
    const r = await resolve('big.wirestep.test', 'TXT', true);
    expect(r.code).toBe(0);
    expect(
      r.lines.some((l) => l.startsWith(`;; truncated  ${at(layout.auth)}: TC set in a `)),
    ).toBe(true);
    expect(r.answer).toEqual([`big.wirestep.test. 3600 IN TXT ${BIG_TXT}`]);
    // nsd really truncates it for dig too.
    const udp = await digParsed(layout.auth, layout.port, ['big.wirestep.test', 'TXT', '+ignore']);
    expect(udp.flags).toContain('tc');
  });

  it('SERVFAIL when the root does not answer: one error line, exit 1', async () => {
    // A port nothing listens on: the query times out.
    const args = ['dns', 'resolve', 'www.wirestep.test', '--root', `${layout.root}:9`];
    const r = await runCli(args);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^;; status: SERVFAIL$/m);
    expect(r.stderr).toBe(
      `error: SERVFAIL: no server for . answered: root-hint. (${layout.root}): timeout\n`,
    );
  });

  it('a bad type or a bad --root is a one-line usage error', async () => {
    const badType = await runCli([
      'dns',
      'resolve',
      'www.wirestep.test',
      'BOGUS',
      '--root',
      layout.root,
    ]);
    expect(badType.code).toBe(2);
    expect(badType.stderr).toBe(`error: unknown record type 'BOGUS'\n`);
    const badRoot = await runCli([
      'dns',
      'resolve',
      'www.wirestep.test',
      '--root',
      'a.root-servers.net',
    ]);
    expect(badRoot.code).toBe(2);
    expect(badRoot.stderr).toBe(
      `error: --root must be an IP address with an optional :PORT, got 'a.root-servers.net'\n`,
    );
  });
});

describe('dns decode on a response nsd sent to dig', () => {
  it('decodes every field of it, agreeing with what dig printed', async () => {
    const relay = await startUdpRelay('127.0.60.2', { host: layout.auth, port: layout.port });
    let digText: string;
    try {
      digText = await dig('127.0.60.2', relay.port, ['wirestep.test', 'MX', '+comments']);
    } finally {
      await relay.close();
    }
    expect(relay.replies).toHaveLength(1);
    const bytes = relay.replies[0]!;
    const digId = Number(/id: (\d+)/.exec(digText)?.[1]);

    const r = await runCli(['dns', 'decode', toHex(bytes)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const tree = r.stdout.split('\n');
    // Every byte is explained: the header first, the OPT record last.
    expect(tree[0]).toBe(
      `header: id 0x${digId.toString(16).padStart(4, '0')}, response, QUERY, NOERROR, AA RD  [0+12]`,
    );
    expect(r.stdout).not.toContain('(unannotated)');
    expect(tree).toContain('question: wirestep.test. MX  [12+19]');
    const answer = tree.filter((l) => l.startsWith('answer: '));
    expect(answer).toEqual([
      expect.stringMatching(
        /^answer: wirestep\.test\. 3600 IN MX 10 mail\.wirestep\.test\. {2}\[31\+\d+\]$/,
      ),
    ]);
    // nsd compressed the exchange name against the question's wirestep.test. (offset 12+...).
    expect(r.stdout).toMatch(/pointer: → offset \d+ \(wirestep\.test\.\)/);
    // What dig printed, record by record, is what the decoded tree says.
    const printed = parseDig(digText);
    expect(printed.answer).toEqual(['wirestep.test. 3600 IN MX 10 mail.wirestep.test.']);
    // nsd adds the zone's NS set and the addresses it knows (it does not minimise responses).
    expect(printed.authority).toEqual(['wirestep.test. 3600 IN NS ns1.wirestep.test.']);
    expect(printed.additional).toEqual([
      'mail.wirestep.test. 3600 IN A 192.0.2.25',
      `ns1.wirestep.test. 3600 IN A ${layout.auth}`,
    ]);
    for (const rr of printed.authority) {
      expect(tree.some((l) => l.startsWith(`authority: ${rr}  [`))).toBe(true);
    }
    for (const rr of printed.additional) {
      expect(tree.some((l) => l.startsWith(`additional: ${rr}  [`))).toBe(true);
    }
    expect(
      tree.some((l) =>
        /^additional: OPT extended rcode 0, version 0, no DO, udp 1232 {2}\[/.test(l),
      ),
    ).toBe(true);
  });
});
