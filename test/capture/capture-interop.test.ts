/**
 * Captures of real traffic, taken on loopback by this test with dumpcap (root, as in CI), opened
 * by our reader and compared with tshark's reading of the same file: the TLS records each side
 * sent (their lengths, in order), what the key log decrypts, and the DNS queries and answers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCapture, type CapturedConnection } from '../../src/engine/capture';
import { startNsd, tempDir } from '../dns/support/processes';
import { dig } from '../dns/support/dig';
import { freePort, runCli, type Child } from '../tls/support/peers';
import { chromiumFetch, curlFetch, opensslFetch, opensslServer } from './corpus';
import { capture as captureWith, run } from './support';

const dir = tempDir('capture');
const children: Child[] = [];
afterAll(async () => {
  await Promise.all(children.map((c) => c.stop()));
});

const capture = (
  name: string,
  iface: string,
  filter: string,
  traffic: () => Promise<void>,
  format: 'pcap' | 'pcapng' = 'pcapng',
) => captureWith(join(dir, name), iface, filter, traffic, format);

/**
 * One page fetched by openssl s_client from s_server, captured on `iface`. The filter is the
 * server's port alone: other tests share loopback, and their traffic must not enter the file.
 */
async function opensslCapture(
  name: string,
  iface: string,
  server: { host: string; args: string[] },
  client: string[],
  keylog: string,
  format: 'pcap' | 'pcapng' = 'pcapng',
): Promise<string> {
  const port = await freePort();
  return capture(
    name,
    iface,
    `tcp port ${port}`,
    () => opensslFetch(server.host, port, server.args, client, keylog),
    format,
  );
}

interface TsharkRecord {
  /** "source port>destination port": one direction of one connection. */
  way: string;
  length: number;
}

/** tshark's records per TCP source port, with their lengths, in capture order. */
async function tsharkRecords(file: string): Promise<TsharkRecord[]> {
  const text = await run('tshark', [
    '-r',
    file,
    '-Y',
    'tls',
    '-T',
    'fields',
    '-e',
    'tcp.srcport',
    '-e',
    'tcp.dstport',
    '-e',
    'tls.record.length',
  ]);
  return text
    .trim()
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      const [src, dst, lengths] = line.split('\t');
      return lengths!.split(',').map((l) => ({ way: `${src}>${dst}`, length: Number(l) }));
    });
}

/** tshark's decrypted handshake types and HTTP request methods, with the key log given. */
async function tsharkDecrypted(file: string, keylog?: string) {
  const text = await run('tshark', [
    '-r',
    file,
    ...(keylog ? ['-o', `tls.keylog_file:${keylog}`] : []),
    '-Y',
    'tls',
    '-T',
    'fields',
    '-e',
    'tls.handshake.type',
    '-e',
    'http.request.method',
  ]);
  const types = new Set<number>();
  const methods: string[] = [];
  for (const line of text.trim().split('\n')) {
    const [t, m] = line.split('\t');
    for (const x of (t ?? '').split(',').filter(Boolean)) types.add(Number(x));
    if (m) methods.push(m);
  }
  return { types, methods };
}

function ourRecords(c: CapturedConnection): TsharkRecord[] {
  const port = (lane: string) => Number(lane.slice(lane.lastIndexOf(':') + 1));
  return c.trace.events.flatMap((e) =>
    e.kind === 'message'
      ? [{ way: `${port(e.from)}>${port(e.to)}`, length: e.bytes.length - 5 }]
      : [],
  );
}

const byWay = (list: TsharkRecord[]) => {
  const m = new Map<string, number[]>();
  for (const r of list) m.set(r.way, [...(m.get(r.way) ?? []), r.length]);
  return m;
};

/** Our reading against tshark's: the same records each way, and all decrypted that tshark does. */
async function compareTls(
  file: string,
  keylog: string | undefined,
  expectVersion: string,
  /** How many connections; 'some' when the peer decides (a browser may fetch a favicon). */
  expected: number | 'some' = 1,
) {
  const keyText = keylog ? readFileSync(keylog, 'utf8') : '';
  const opened = openCapture(new Uint8Array(readFileSync(file)), keyText);
  expect(opened.problem).toBeUndefined();
  const tls = opened.connections.filter((c) => c.kind === 'tls');
  if (expected === 'some') expect(tls.length).toBeGreaterThan(0);
  else expect(tls).toHaveLength(expected);
  const connections = tls.length;
  const c = tls[0]!;
  for (const x of tls) {
    expect(x.version).toBe(expectVersion);
    expect(x.problems).toEqual([]);
  }
  expect(byWay(tls.flatMap(ourRecords))).toEqual(byWay(await tsharkRecords(file)));

  const messages = tls.flatMap((x) =>
    x.trace.events.flatMap((e) => (e.kind === 'message' ? [e] : [])),
  );
  const theirs = await tsharkDecrypted(file, keylog);
  // Every handshake type tshark saw (in the clear or decrypted) is one we named.
  const names = new Set(messages.flatMap((m) => m.name.split(' + ')));
  const typeNames: Record<number, string> = {
    1: 'ClientHello',
    2: 'ServerHello',
    4: 'NewSessionTicket',
    8: 'EncryptedExtensions',
    11: 'Certificate',
    12: 'ServerKeyExchange',
    14: 'ServerHelloDone',
    15: 'CertificateVerify',
    16: 'ClientKeyExchange',
    20: 'Finished',
  };
  for (const t of theirs.types) expect(names).toContain(typeNames[t]);
  // Every protected record opened, and the request named as tshark's HTTP dissector reads it.
  expect(messages.filter((m) => m.encrypted && !m.decrypted)).toEqual([]);
  // A browser may open a spare connection that never carries a request, so with 'some' only the
  // requests that were made are counted.
  const requests = expected === 'some' ? Math.max(1, theirs.methods.length) : connections;
  expect(theirs.methods).toEqual(Array<string>(requests).fill('GET'));
  expect(messages.map((m) => m.name)).toContain('ApplicationData (GET /)');
  return c;
}

describe('TLS captures of OpenSSL on loopback', () => {
  it.each([
    ['ECDHE-RSA-AES128-GCM-SHA256', 'pcapng'],
    ['ECDHE-RSA-AES256-GCM-SHA384', 'pcap'],
    ['ECDHE-RSA-CHACHA20-POLY1305', 'pcapng'],
  ] as const)('TLS 1.2 %s (%s, lo) decrypts with CLIENT_RANDOM', async (suite, format) => {
    const keylog = join(dir, `${suite}.keys`);
    const file = await opensslCapture(
      `${suite}.${format}`,
      'lo',
      { host: '127.0.0.1', args: ['-tls1_2'] },
      ['-tls1_2', '-cipher', suite],
      keylog,
      format,
    );
    const c = await compareTls(file, keylog, 'TLS 1.2');
    expect(c.trace.events.some((e) => e.kind === 'secret' && e.name === 'key_block')).toBe(true);
  });

  it.each(['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'])(
    'TLS 1.3 %s over ::1 on the any interface decrypts from the traffic secrets',
    async (suite) => {
      const keylog = join(dir, `${suite}.keys`);
      const file = await opensslCapture(
        `${suite}.pcapng`,
        'any',
        { host: '::1', args: ['-tls1_3'] },
        ['-tls1_3', '-ciphersuites', suite],
        keylog,
      );
      const c = await compareTls(file, keylog, 'TLS 1.3');
      expect(c.client).toMatch(/^\[::1\]:\d+$/);
      const link = await run('capinfos', ['-E', file]);
      expect(link).toMatch(/Linux cooked-mode capture v[12]/);
    },
  );

  it('reads the keys a pcapng carries itself (editcap --inject-secrets), and the CLI prints them', async () => {
    const keylog = join(dir, 'inject.keys');
    const plain = await opensslCapture(
      'inject-plain.pcapng',
      'lo',
      { host: '127.0.0.1', args: [] },
      ['-tls1_3'],
      keylog,
    );
    const file = join(dir, 'inject.pcapng');
    await run('editcap', ['--inject-secrets', `tls,${keylog}`, plain, file]);
    const opened = await compareTls(file, undefined, 'TLS 1.3');
    expect(opened.keys).toBe('found');

    const cli = await runCli(['capture', file, '--json']);
    expect(cli.code).toBe(0);
    const json = JSON.parse(cli.stdout) as {
      connections: {
        kind: string;
        client: string;
        messages: { name: string; decrypted: boolean }[];
      }[];
    };
    expect(json.connections).toHaveLength(1);
    expect(json.connections[0]!.client).toBe(opened.client);
    expect(json.connections[0]!.messages.map((m) => m.name)).toEqual(
      opened.trace.events.flatMap((e) => (e.kind === 'message' ? [e.name] : [])),
    );
  });

  it('curl with SSLKEYLOGFILE against openssl s_server', async () => {
    const keylog = join(dir, 'curl.keys');
    const port = await freePort();
    const file = await capture('curl.pcapng', 'lo', `tcp port ${port}`, async () => {
      const s = await opensslServer('127.0.0.1', port, []);
      try {
        await curlFetch(`https://127.0.0.1:${port}/`, keylog);
      } finally {
        await s.stop();
      }
    });
    await compareTls(file, keylog, 'TLS 1.3');
  });

  it('headless Chromium with SSLKEYLOGFILE against openssl s_server', async () => {
    const keylog = join(dir, 'chromium.keys');
    const port = await freePort();
    const file = await capture('chromium.pcapng', 'lo', `tcp port ${port}`, async () => {
      const s = await opensslServer('127.0.0.1', port, []);
      try {
        await chromiumFetch(`https://127.0.0.1:${port}/`, keylog, join(dir, 'chromium-profile'));
      } finally {
        await s.stop();
      }
    });
    // The page, and perhaps its favicon: every connection decrypted, every GET named.
    await compareTls(file, keylog, 'TLS 1.3', 'some');
  });

  it('says where a damaged file stops and keeps what came before', async () => {
    const keylog = join(dir, 'cut.keys');
    const file = await opensslCapture(
      'cut.pcap',
      'lo',
      { host: '127.0.0.1', args: [] },
      ['-tls1_2'],
      keylog,
      'pcap',
    );
    const whole = readFileSync(file);
    const cut = whole.subarray(0, whole.length - 10);
    const cutPath = join(dir, 'cut-short.pcap');
    writeFileSync(cutPath, cut);
    const opened = openCapture(new Uint8Array(cut));
    expect(opened.problem?.reason).toMatch(/claims \d+ bytes but the file ends first/);
    expect(opened.problem!.offset).toBeLessThan(cut.length);
    expect(opened.connections[0]!.trace.events.length).toBeGreaterThan(3);
    const cli = await runCli(['capture', cutPath]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/→ ClientHello \d+ bytes/);
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli.stderr).toMatch(/reading stopped at byte \d+/);

    const bad = join(dir, 'not-a-capture');
    writeFileSync(bad, 'hello world');
    const refused = await runCli(['capture', bad]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/not a pcap or pcapng file/);
  });
});

describe('DNS captures of dig against nsd', () => {
  it('reads the UDP and TCP exchanges as tshark does', async () => {
    const host = '127.0.61.1';
    const port = await freePort();
    const nsd = await startNsd(host, port, [
      {
        origin: 'capture.test.',
        text: [
          '$ORIGIN capture.test.',
          '$TTL 300',
          '@ IN SOA ns1 admin 1 3600 600 86400 60',
          '@ IN NS ns1',
          'ns1 IN A 192.0.2.53',
          'www IN A 192.0.2.80',
          'www IN AAAA 2001:db8::80',
          '',
        ].join('\n'),
      },
    ]);
    children.push(nsd.child);
    const file = await capture('dns.pcapng', 'lo', `host ${host} and port ${port}`, async () => {
      await dig(host, port, ['www.capture.test', 'A']);
      await dig(host, port, ['+tcp', 'www.capture.test', 'AAAA']);
    });
    await nsd.child.stop();
    const opened = openCapture(new Uint8Array(readFileSync(file)));
    const names = opened.connections.map((c) => [
      c.kind,
      c.server,
      ...c.trace.events.flatMap((e) => (e.kind === 'message' ? [e.name] : [])),
    ]);
    expect(names).toEqual([
      ['dns', `${host}:${port}`, 'Query www.capture.test A', 'Response www.capture.test A NOERROR'],
      [
        'dns',
        `${host}:${port}`,
        'Query www.capture.test AAAA',
        'Response www.capture.test AAAA NOERROR',
      ],
    ]);
    expect(opened.connections.map((c) => c.transport)).toEqual(['udp', 'tcp']);
    // tshark's view of the same file: the same names and types, query then response, each way.
    const text = await run('tshark', [
      '-r',
      file,
      '-d',
      `udp.port==${port},dns`,
      '-d',
      `tcp.port==${port},dns`,
      '-Y',
      'dns',
      '-T',
      'fields',
      '-e',
      'dns.flags.response',
      '-e',
      'dns.qry.name',
      '-e',
      'dns.qry.type',
    ]);
    const theirs = text
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    const types: Record<string, string> = { '1': 'A', '28': 'AAAA' };
    expect(
      theirs.map(
        ([r, n, t]) => `${r === 'True' || r === '1' ? 'Response' : 'Query'} ${n} ${types[t!]}`,
      ),
    ).toEqual(names.flatMap((n) => n.slice(2).map((x) => x.replace(/ NOERROR$/, ''))));
  });
});
