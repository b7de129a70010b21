/**
 * `dns demo --pcap`: the simulated lookup as UDP datagrams that tshark decodes without a single
 * malformed packet or bad checksum, with the queries to the root, the TLD and the authoritative
 * server where the demo universe puts them, each answered from port 53 to the port it came from.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKSUM_ARGS, tsharkFields, tsharkMalformedCount } from '../helpers/tshark';
import { runCli, tempDir } from './support/processes';

const ROOT = '198.41.0.4';
const COM_TLD = '192.0.2.30';
const EXAMPLE_COM = '203.0.113.10';
const RECURSIVE = '192.0.2.53';

interface Packet {
  frame: number;
  src: string;
  dst: string;
  sport: number;
  dport: number;
  response: boolean;
  id: number;
  rd: boolean;
  name: string;
  responseTo: string;
  ns: string;
  answers: string;
}

async function packets(file: string): Promise<Packet[]> {
  const rows = await tsharkFields(file, [
    'frame.number',
    'ip.src',
    'ip.dst',
    'udp.srcport',
    'udp.dstport',
    'dns.flags.response',
    'dns.id',
    'dns.flags.recdesired',
    'dns.qry.name',
    'dns.response_to',
    'dns.ns',
    'dns.a',
  ]);
  return rows.map(([frame, src, dst, sport, dport, response, id, rd, name, responseTo, ns, a]) => ({
    frame: Number(frame),
    src: src!,
    dst: dst!,
    sport: Number(sport),
    dport: Number(dport),
    response: response === '1' || response === 'True',
    id: Number(id),
    rd: rd === '1' || rd === 'True',
    name: name!,
    responseTo: responseTo ?? '',
    ns: ns ?? '',
    answers: a ?? '',
  }));
}

describe('dns demo --pcap, read by tshark', () => {
  let dir: string;
  let stdout: string;
  let code: number | string;
  beforeAll(async () => {
    dir = tempDir('dns-demo');
    ({ code, stdout } = await runCli(['dns', 'demo', '--pcap', join(dir, 'cold.pcap')]));
  });

  it('writes the ten datagrams of a cold lookup', () => {
    expect(code).toBe(0);
    expect(stdout.split('\n').filter(Boolean).at(-1)).toBe(
      `wrote 10 packets to ${join(dir, 'cold.pcap')}`,
    );
    expect(stdout).toContain(';; status: NOERROR');
  });

  it('has no malformed packet and no bad checksum', async () => {
    expect(await tsharkMalformedCount(join(dir, 'cold.pcap'), CHECKSUM_ARGS)).toBe(0);
  });

  it('shows the recursive resolver asking root, TLD and authoritative, each answering', async () => {
    const all = await packets(join(dir, 'cold.pcap'));
    expect(all).toHaveLength(10);
    expect(all.every((p) => p.name === 'www.example.com')).toBe(true);
    const iterative = all.filter((p) => p.src === RECURSIVE || p.dst === RECURSIVE);
    const exchanges = [ROOT, COM_TLD, EXAMPLE_COM].map((server) => {
      const query = all.find((p) => !p.response && p.src === RECURSIVE && p.dst === server);
      const reply = all.find((p) => p.response && p.src === server && p.dst === RECURSIVE);
      return { server, query, reply };
    });
    for (const { server, query, reply } of exchanges) {
      expect(query, `query to ${server}`).toBeDefined();
      expect(reply, `response from ${server}`).toBeDefined();
      // Iterative queries ask for no recursion (RFC 1034 §5.3.3).
      expect(query!.rd).toBe(false);
      expect(query!.dport).toBe(53);
      expect(reply!.sport).toBe(53);
      expect(reply!.dport).toBe(query!.sport);
      expect(reply!.id).toBe(query!.id);
      // tshark itself pairs the response with its query.
      expect(reply!.responseTo).toBe(String(query!.frame));
    }
    expect(exchanges[0]!.reply!.ns).toBe('a.gtld-servers.net,b.gtld-servers.net');
    expect(exchanges[1]!.reply!.ns).toBe('ns1.example.com,ns2.example.com');
    expect(exchanges[2]!.reply!.answers).toBe('203.0.113.80');
    // In time order: root, then TLD, then authoritative.
    const order = exchanges.map((e) => e.query!.frame);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(iterative).toHaveLength(8);
  });

  it('shows the stub chain: browser → OS stub on loopback, OS → recursive, with RD set', async () => {
    const all = await packets(join(dir, 'cold.pcap'));
    expect(all[0]).toMatchObject({ src: '127.0.0.1', dst: '127.0.0.53', dport: 53, rd: true });
    expect(all[1]).toMatchObject({ src: '192.0.2.200', dst: RECURSIVE, dport: 53, rd: true });
    expect(all[8]).toMatchObject({ src: RECURSIVE, dst: '192.0.2.200', sport: 53, response: true });
    expect(all[9]).toMatchObject({ src: '127.0.0.53', dst: '127.0.0.1', response: true });
    expect(all[9]!.answers).toBe('203.0.113.80');
  });

  it('a CNAME chain across three zones with a glueless delegation decodes cleanly too', async () => {
    const file = join(dir, 'org.pcap');
    const run = await runCli(['dns', 'demo', '--pcap', file, '--name', 'www.example.org']);
    expect(run.code).toBe(0);
    expect(await tsharkMalformedCount(file, CHECKSUM_ARGS)).toBe(0);
    const all = await packets(file);
    const asked = new Set(all.filter((p) => !p.response).map((p) => p.name));
    expect([...asked].sort()).toEqual([
      'cdn.example.net',
      'edge.example.com',
      'ns1.example.net',
      'www.example.org',
    ]);
    expect(all.filter((p) => p.response).every((p) => p.responseTo !== '')).toBe(true);
  });

  it('a bad --type is one usage line', async () => {
    const run = await runCli(['dns', 'demo', '--pcap', join(dir, 'x.pcap'), '--type', 'NOPE']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: unknown record type 'NOPE'\n`);
  });
});
