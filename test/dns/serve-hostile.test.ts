/**
 * `dns serve` against hostile and heavy clients, with real tools on loopback: ANY answered with
 * one RRset (RFC 8482), the same one nsd gives; a dnsperf flood from one prefix rate-limited and
 * slipped while 75 digs from another prefix all get their answers; a TCP client dripping one
 * byte every 4 s closed at the idle deadline; with `--tcp-lifetime 3`, a client dripping a byte a
 * second and a busy one both closed at the total deadline; the TCP connection cap; the query log
 * off by default.
 * Each hostile case leaves one log line and never a stack trace.
 */
import { writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dnsperfArgs } from '../../src/scripts/nsd';
import { dig, digParsed } from './support/dig';
import {
  portIsFree,
  runCli,
  startChild,
  startNsd,
  startServe,
  tempDir,
  udpOnce,
  within,
  type NsdProcess,
  type ServeProcess,
} from './support/processes';

/** This file's own loopback addresses: our server, nsd, the flood's prefix, the other client's. */
const HOST = '127.0.64.1';
const NSD_HOST = '127.0.64.2';
const FLOOD_SOURCE = '127.0.65.1';
const OTHER_CLIENT = '127.0.66.1';

const ZONE = `; written by serve-hostile.test.ts
$ORIGIN example.com.
$TTL 3600
@        IN SOA ns1 hostmaster 2026011501 7200 3600 1209600 300
         IN NS  ns1
         IN NS  ns2
         IN MX  10 mail
         IN TXT "v=spf1 mx -all"
         IN TXT "google-site-verification=0123456789abcdef0123456789abcdef"
         IN CAA 0 issue "ca.example.net"
ns1      IN A   192.0.2.1
ns2      IN A   192.0.2.2
www  300 IN A   192.0.2.80
     300 IN AAAA 2001:db8::80
     300 IN TXT "web front end"
mail     IN A   192.0.2.25
`;

let dir: string;
let zoneFile: string;

beforeAll(() => {
  dir = tempDir('serve-hostile');
  zoneFile = join(dir, 'example.com.zone');
  writeFileSync(zoneFile, ZONE);
});

/** No line of the server's output looks like a stack trace. */
function expectNoStackTrace(server: ServeProcess): void {
  const all = server.child.stdout() + server.child.stderr();
  expect(all).not.toMatch(/^\s+at /m);
  expect(server.child.stderr()).toBe('');
}

/** The size dig reports for its query and for the response. */
function sizes(text: string): { query: number; response: number } {
  return {
    query: Number(/;; QUERY SIZE: (\d+)/.exec(text)?.[1]),
    response: Number(/;; MSG SIZE {2}rcvd: (\d+)/.exec(text)?.[1]),
  };
}

describe('ANY (RFC 8482)', () => {
  let ours: ServeProcess;
  let nsd: NsdProcess;

  beforeAll(async () => {
    ours = await startServe(HOST, [zoneFile], []);
    let port = 20_153;
    while (!(await portIsFree(NSD_HOST, port))) port += 11;
    nsd = await startNsd(NSD_HOST, port, [{ origin: 'example.com.', text: ZONE }]);
  });
  afterAll(async () => {
    await Promise.all([ours?.child.stop(), nsd?.child.stop()]);
  });

  it('answers with one RRset, the one nsd gives, a response under 3× the query', async () => {
    for (const name of ['example.com', 'www.example.com']) {
      const args = [name, 'ANY', '+norec'];
      const r = await digParsed(HOST, ours.port, args);
      const theirs = await digParsed(NSD_HOST, nsd.port, args);
      expect(r.status).toBe('NOERROR');
      expect(r.flags).toContain('aa');
      expect(r.answer).toEqual(theirs.answer);
      // One RRset: one owner and one type among the answers.
      expect(new Set(r.answer.map((rr) => rr.split(' ').slice(0, 4).join(' '))).size).toBe(1);

      const size = sizes(await dig(HOST, ours.port, [...args, '+qr']));
      expect(size.response / size.query).toBeLessThan(3);
      const nsdSize = sizes(await dig(NSD_HOST, nsd.port, [...args, '+qr']));
      expect(size.response).toBe(nsdSize.response);
    }
    // The apex's first RRset in the zone file is its SOA; the whole node would be 8 records.
    expect((await digParsed(HOST, ours.port, ['example.com', 'ANY'])).answer).toEqual([
      'example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. 2026011501 7200 3600 1209600 300',
    ]);
  });

  it('gives the same single RRset over TCP', async () => {
    const r = await digParsed(HOST, ours.port, ['www.example.com', 'ANY', '+tcp']);
    expect(r.answer).toEqual(['www.example.com. 300 IN A 192.0.2.80']);
  });
});

describe('response-rate limiting', () => {
  let server: ServeProcess;

  beforeAll(async () => {
    server = await startServe(HOST, [zoneFile], []);
  });
  afterAll(async () => {
    await server?.child.stop();
  });

  it('limits a dnsperf flood from one prefix while 75 digs from another all get answers', async () => {
    const queries = join(dir, 'flood.txt');
    writeFileSync(queries, 'www.example.com A\nexample.com MX\nnope.example.com A\n');
    // As fast as dnsperf can: 20,000 queries a second, a 1 s timeout so slots free up.
    const flood = startChild(
      'dnsperf',
      dnsperfArgs({
        server: HOST,
        port: server.port,
        source: FLOOD_SOURCE,
        queries,
        seconds: 120,
        maxQps: 20_000,
        outstanding: 20_000,
        timeout: 1,
      }),
    );
    const answers: string[] = [];
    try {
      await server.child.waitFor(/^rrl: limiting 127\.0\.65\.0\/24 /m, 'the flood to be limited');
      for (let i = 0; i < 75; i++) {
        // dig's own default of three tries, as a real client retries a lost datagram.
        const text = await dig(HOST, server.port, [
          ...['-b', OTHER_CLIENT, '+tries=3', 'www.example.com', 'A'],
        ]);
        answers.push(/status: (\w+)/.exec(text)?.[1] ?? 'no answer');
        expect(text).toMatch(/^www\.example\.com\.\s+300\s+IN\s+A\s+192\.0\.2\.80$/m);
      }
      // The flood was still on when the last dig got its answer.
      expect(flood.process.exitCode).toBeNull();
    } finally {
      await flood.stop();
    }
    expect(answers).toEqual(Array(75).fill('NOERROR'));

    // One line when limiting starts and one when it ends, with what was dropped and slipped.
    const [, dropped, slipped] = await server.child.waitFor(
      /^rrl: 127\.0\.65\.0\/24 back under 200 responses\/s \((\d+) dropped, (\d+) slipped\)$/m,
      'the flood to end',
    );
    expect(Number(dropped)).toBeGreaterThan(0);
    // Slip 2: every second limited query gets a truncated answer.
    expect(Math.abs(Number(dropped) - Number(slipped))).toBeLessThanOrEqual(1);
    const rrlLines = server.child
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('rrl: '));
    expect(rrlLines).toHaveLength(2);
    // The other client's prefix was never limited, and no query was logged.
    expect(server.child.stdout()).not.toContain('127.0.66.');
    expectNoStackTrace(server);
  });

  it('a slipped answer is an empty TC response that sends dig to TCP', async () => {
    // Rate 1, slip 1: beyond one query a second, every query gets a TC answer.
    const strict = await startServe(HOST, [zoneFile], ['--rrl-rate', '1', '--rrl-slip', '1']);
    try {
      const query = framedQuery(0x7c7c).subarray(2);
      const replies: Uint8Array[] = [];
      for (let i = 0; i < 20; i++) replies.push((await udpOnce(HOST, strict.port, query, 5_000))!);
      const truncated = replies.filter((r) => (r[2]! & 0x02) !== 0);
      expect(truncated.length).toBeGreaterThan(0);
      for (const r of truncated) {
        // QR, TC and RD; one question; no answer, authority or additional records.
        expect([r[2], r[3]]).toEqual([0x83, 0x00]);
        expect([...r.subarray(4, 12)]).toEqual([0, 1, 0, 0, 0, 0, 0, 0]);
        expect([...r.subarray(12)]).toEqual([...query.subarray(12)]);
      }
      // Two queries in one dig, back to back: at least the second is over the rate, and dig
      // takes the hint, retries over TCP and gets the answer.
      const both = await dig(HOST, strict.port, [
        ...['www.example.com', 'A', 'www.example.com', 'A'],
      ]);
      expect(both).toContain(';; Truncated, retrying in TCP mode.');
      expect(both.match(/^www\.example\.com\.\s+300\s+IN\s+A\s+192\.0\.2\.80$/gm)).toHaveLength(2);
      expect(strict.child.stdout()).toMatch(
        /^rrl: limiting 127\.0\.0\.0\/24 \(over 1 responses\/s\)$/m,
      );
    } finally {
      await strict.child.stop();
    }
  });

  it('--rrl-rate 0 turns it off', async () => {
    const off = await startServe(HOST, [zoneFile], ['--rrl-rate', '0']);
    try {
      expect(off.child.stdout()).toMatch(/\(zones: example\.com\.; rrl off\)$/m);
    } finally {
      await off.child.stop();
    }
  });
});

/** A TCP connection to the server and a promise of its close. */
function tcpConnect(port: number): Promise<{ socket: Socket; closed: Promise<Buffer> }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: HOST, port });
    const received: Buffer[] = [];
    socket.on('data', (d: Buffer) => received.push(d));
    const closed = new Promise<Buffer>((r) =>
      socket.once('close', () => r(Buffer.concat(received))),
    );
    socket.once('error', () => {});
    socket.once('connect', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}

/** A framed TCP query for www.example.com A with the given ID. */
function framedQuery(id: number): Buffer {
  const name = [
    3,
    ...Buffer.from('www'),
    7,
    ...Buffer.from('example'),
    3,
    ...Buffer.from('com'),
    0,
  ];
  // RD set, as dig sends it.
  const message = [id >> 8, id & 0xff, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, ...name, 0, 1, 0, 1];
  return Buffer.from([message.length >> 8, message.length & 0xff, ...message]);
}

/** Sends one framed query and waits for its framed answer; resolves with the answer's ID. */
function askOver(socket: Socket, id: number): Promise<number> {
  return within(
    new Promise<number>((resolve) => {
      let got = Buffer.alloc(0);
      const onData = (d: Buffer) => {
        got = Buffer.concat([got, d]);
        if (got.length >= 2 && got.length >= 2 + got.readUInt16BE(0)) {
          socket.off('data', onData);
          resolve(got.readUInt16BE(2));
        }
      };
      socket.on('data', onData);
      socket.write(framedQuery(id));
    }),
    `an answer to query ${id}`,
  );
}

describe('TCP bounds', () => {
  let server: ServeProcess;

  beforeAll(async () => {
    server = await startServe(HOST, [zoneFile], []);
  });
  afterAll(async () => {
    await server?.child.stop();
  });

  it('closes a connection that drips one byte every 4 s', async () => {
    const { socket, closed } = await tcpConnect(server.port);
    const bytes = framedQuery(0x0d1d);
    let sent = 0;
    socket.write(bytes.subarray(0, 1));
    sent++;
    const drip = setInterval(() => {
      if (sent < bytes.length && !socket.destroyed) socket.write(bytes.subarray(sent, ++sent));
    }, 4_000);
    try {
      const received = await within(closed, 'the server to close the dripping connection', 40_000);
      // Closed before the query was whole, so nothing was answered.
      expect(sent).toBeLessThan(bytes.length);
      expect(received.length).toBe(0);
    } finally {
      clearInterval(drip);
      socket.destroy();
    }
    const lines = server.child
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('tcp '));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^tcp 127\.0\.0\.1:\d+ closed: no whole query in 10 s \(0 queries answered, \d+ bytes of a query pending\)$/,
    );
    expectNoStackTrace(server);
  });

  it('holds at most 100 connections, refusing the next at once, and takes one when one ends', async () => {
    const held: Socket[] = [];
    try {
      for (let i = 0; i < 100; i++) {
        const { socket } = await tcpConnect(server.port);
        held.push(socket);
        // Answered: the server has taken this connection in.
        expect(await askOver(socket, i)).toBe(i);
      }
      const extra = await tcpConnect(server.port);
      extra.socket.write(framedQuery(0xeeee));
      expect((await within(extra.closed, 'the 101st connection to be closed')).length).toBe(0);
      await server.child.waitFor(/^tcp: 100 connections open, refusing more$/m, 'the cap line');

      const one = held.pop()!;
      one.destroy();
      await server.child.waitFor(
        /^tcp: below 100 connections again \(1 refused\)$/m,
        'the cap to lift',
      );
      const next = await tcpConnect(server.port);
      held.push(next.socket);
      expect(await askOver(next.socket, 0x1234)).toBe(0x1234);
    } finally {
      for (const socket of held) socket.destroy();
    }
    const capLines = server.child
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('tcp: '));
    expect(capLines).toEqual([
      'tcp: 100 connections open, refusing more',
      'tcp: below 100 connections again (1 refused)',
    ]);
    expectNoStackTrace(server);
  });
});

describe('TCP lifetime (--tcp-lifetime 3)', () => {
  let server: ServeProcess;

  beforeAll(async () => {
    server = await startServe(HOST, [zoneFile], ['--tcp-lifetime', '3']);
  });
  afterAll(async () => {
    await server?.child.stop();
  });

  /** The server's `tcp …` lines since `from` characters into its output. */
  const tcpLines = (from: number): string[] =>
    server.child
      .stdout()
      .slice(from)
      .split('\n')
      .filter((l) => l.startsWith('tcp '));

  it('closes a connection that drips one byte every second, before its query is whole', async () => {
    const from = server.child.stdout().length;
    const { socket, closed } = await tcpConnect(server.port);
    const bytes = framedQuery(0x1d1d);
    let sent = 0;
    socket.write(bytes.subarray(0, ++sent));
    const drip = setInterval(() => {
      if (sent < bytes.length && !socket.destroyed) socket.write(bytes.subarray(sent, ++sent));
    }, 1_000);
    try {
      const received = await within(closed, 'the server to close the dripping connection');
      expect(sent).toBeLessThan(bytes.length);
      expect(received.length).toBe(0);
    } finally {
      clearInterval(drip);
      socket.destroy();
    }
    // The idle deadline (10 s) is further off: the lifetime closed it, with what it had read.
    const lines = tcpLines(from);
    expect(lines).toHaveLength(1);
    const match =
      /^tcp 127\.0\.0\.1:\d+ closed: open for 3 s \(0 queries answered, (\d+) bytes of a query pending\)$/.exec(
        lines[0]!,
      );
    expect(match, lines[0]).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThanOrEqual(1);
    expect(Number(match![1])).toBeLessThanOrEqual(sent);
    expectNoStackTrace(server);
  });

  it('closes a busy connection too: whole queries every 500 ms, each answered, until the lifetime', async () => {
    const from = server.child.stdout().length;
    const { socket, closed } = await tcpConnect(server.port);
    let asked = 0;
    const answeredIds: number[] = [];
    let pending = Buffer.alloc(0);
    socket.on('data', (d: Buffer) => {
      pending = Buffer.concat([pending, d]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        answeredIds.push(pending.readUInt16BE(2));
        pending = pending.subarray(2 + pending.readUInt16BE(0));
      }
    });
    const ask = (): void => {
      if (!socket.destroyed) socket.write(framedQuery(asked++));
    };
    ask();
    const busy = setInterval(ask, 500);
    try {
      await within(closed, 'the server to close the busy connection');
    } finally {
      clearInterval(busy);
      socket.destroy();
    }
    // Busier than the idle deadline allows for, so only the lifetime can have closed it.
    const answered = answeredIds.length;
    expect(answeredIds).toEqual([...Array(answered).keys()]);
    expect(answered).toBeGreaterThanOrEqual(2);
    expect(tcpLines(from)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^tcp 127\\.0\\.0\\.1:\\d+ closed: open for 3 s \\(${answered} queries answered\\)$`,
        ),
      ),
    ]);
    expectNoStackTrace(server);
  });
  it('refuses a lifetime that is no number of seconds above 0, in one line', async () => {
    for (const value of ['0', '90000']) {
      const { code, stdout, stderr } = await runCli([
        'dns',
        'serve',
        '--zone',
        zoneFile,
        '--listen',
        `${HOST}:0`,
        '--tcp-lifetime',
        value,
      ]);
      expect({ code, stdout, stderr }).toEqual({
        code: 2,
        stdout: '',
        stderr: `error: --tcp-lifetime must be a number of seconds above 0, at most 86400, got '${value}'\n`,
      });
    }
  });
});

describe('the query log', () => {
  it('is off by default: start and error lines only', async () => {
    const server = await startServe(HOST, [zoneFile], []);
    try {
      expect((await digParsed(HOST, server.port, ['www.example.com', 'A'])).answer).toEqual([
        'www.example.com. 300 IN A 192.0.2.80',
      ]);
      await digParsed(HOST, server.port, ['www.example.com', 'A', '+tcp']);
      expect(server.log()).toEqual([]);
      // A malformed query still gets its line: ID 0xbeef, a name pointing at itself.
      const hostile = new Uint8Array([
        0xbe, 0xef, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 0x0c, 0, 1, 0, 1,
      ]);
      expect(await udpOnce(HOST, server.port, hostile, 5_000)).toBeDefined();
      expect(server.log()).toEqual([
        expect.stringMatching(/^udp 127\.0\.0\.1:\d+ id=0xbeef -> FORMERR \(compression pointer/),
      ]);
      expect(server.child.stdout().split('\n')).toHaveLength(3);
    } finally {
      await server.child.stop();
    }
  });

  it('--log-queries logs one line per query, answered from the packet cache or not', async () => {
    const server = await startServe(HOST, [zoneFile], ['--log-queries']);
    try {
      for (let i = 0; i < 3; i++) await digParsed(HOST, server.port, ['www.example.com', 'A']);
      const lines = server.log();
      expect(lines).toHaveLength(3);
      for (const line of lines) {
        expect(line).toMatch(
          /^udp 127\.0\.0\.1:\d+ id=0x[0-9a-f]{4} www\.example\.com\. A -> NOERROR aa an=1 ns=0 ar=0 \d+B$/,
        );
      }
    } finally {
      await server.child.stop();
    }
  });
});
