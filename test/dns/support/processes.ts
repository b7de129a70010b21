/**
 * Starting and always stopping the DNS tests' peers: our `dns serve` as a child process, and
 * Debian's nsd, each with bounded waits. The generic child-process helpers are the TLS tests'.
 */
import { createSocket } from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild, startCli, within, type Child } from '../../tls/support/peers';

export { runCli, startChild, startCli, within, type Child } from '../../tls/support/peers';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `wirestep-${prefix}-`));
}

export interface ServeProcess {
  child: Child;
  host: string;
  port: number;
  /** The server's query log lines so far (one per query with --log-queries, else errors only). */
  log(): string[];
}

/** `dns serve --zone … --listen HOST:0 [extra…]`, once it says where it listens. */
export async function startServe(
  host: string,
  zoneFiles: readonly string[],
  extra: readonly string[] = ['--log-queries'],
): Promise<ServeProcess> {
  const args = ['dns', 'serve', '--listen', `${host}:0`, ...extra];
  for (const file of zoneFiles) args.push('--zone', file);
  const child = startCli(args);
  try {
    const [, port] = await child.waitFor(/listening on [0-9.]+:(\d+) /, 'dns serve to listen');
    return {
      child,
      host,
      port: Number(port),
      log: () =>
        child
          .stdout()
          .split('\n')
          .filter((l) => /^(udp|tcp) /.test(l)),
    };
  } catch (e) {
    await child.stop();
    throw e;
  }
}

/** True if `host:port` can be bound for both UDP and TCP right now. */
export async function portIsFree(host: string, port: number): Promise<boolean> {
  const tcpFree = await new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
  if (!tcpFree) return false;
  return new Promise<boolean>((resolve) => {
    const udp = createSocket('udp4');
    udp.once('error', () => {
      udp.close();
      resolve(false);
    });
    udp.bind({ address: host, port, exclusive: true }, () => udp.close(() => resolve(true)));
  });
}

export interface NsdZone {
  origin: string;
  text: string;
}

export interface NsdProcess {
  child: Child;
  host: string;
  port: number;
  dir: string;
}

/** How long nsd gets to load its zones and answer a first query. */
const NSD_START_MS = 15_000;

/**
 * nsd in the foreground (`nsd -d`) on host@port serving `zones`, with its config, zone files, pid,
 * xfrd state and zone list in a fresh temporary directory; resolves once it logs that it started
 * and answers an SOA query for its first zone.
 */
export async function startNsd(host: string, port: number, zones: NsdZone[]): Promise<NsdProcess> {
  const dir = tempDir('nsd');
  const zoneBlocks = zones.map((z, i) => {
    writeFileSync(join(dir, `zone${i}.zone`), z.text);
    return `zone:\n  name: "${z.origin}"\n  zonefile: "zone${i}.zone"\n`;
  });
  const conf = join(dir, 'nsd.conf');
  writeFileSync(
    conf,
    [
      'server:',
      `  ip-address: ${host}@${port}`,
      `  port: ${port}`,
      '  username: ""',
      '  chroot: ""',
      `  zonesdir: "${dir}"`,
      `  pidfile: "${join(dir, 'nsd.pid')}"`,
      `  xfrdfile: "${join(dir, 'xfrd.state')}"`,
      `  zonelistfile: "${join(dir, 'zone.list')}"`,
      '  database: ""',
      `  logfile: "${join(dir, 'nsd.log')}"`,
      '  verbosity: 1',
      '  server-count: 1',
      '  do-ip6: no',
      '  hide-version: yes',
      'remote-control:',
      '  control-enable: no',
      ...zoneBlocks,
    ].join('\n') + '\n',
  );
  const check = startChild('nsd-checkconf', [conf]);
  const checked = await within(check.exited, 'nsd-checkconf', 10_000);
  if (checked !== 0) throw new Error(`nsd-checkconf ${conf}: ${check.stderr()}${check.stdout()}`);

  const child = startChild('nsd', ['-d', '-c', conf]);
  try {
    await waitForAnswer(host, port, zones[0]!.origin, child);
    return { child, host, port, dir };
  } catch (e) {
    await child.stop();
    throw e;
  }
}

/** Polls host:port with an SOA query for `origin` until an answer comes back. */
async function waitForAnswer(host: string, port: number, origin: string, child: Child) {
  const deadline = Date.now() + NSD_START_MS;
  const query = soaQuery(origin);
  for (;;) {
    if (child.process.exitCode !== null)
      throw new Error(`nsd on ${host}@${port} exited: ${child.stderr()}`);
    const reply = await udpOnce(host, port, query, 300);
    if (reply && reply[0] === query[0] && reply[1] === query[1]) return;
    if (Date.now() > deadline) throw new Error(`nsd on ${host}@${port} did not answer in time`);
  }
}

function soaQuery(origin: string): Uint8Array {
  const labels = origin.split('.').filter(Boolean);
  const name = labels.flatMap((l) => [l.length, ...Buffer.from(l, 'ascii')]);
  // ID 0x5a5a, no flags, one question: origin SOA IN.
  return new Uint8Array([0x5a, 0x5a, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, ...name, 0, 0, 6, 0, 1]);
}

/** One UDP datagram out and the first one back, or undefined after `ms`. */
export function udpOnce(
  host: string,
  port: number,
  payload: Uint8Array,
  ms: number,
): Promise<Uint8Array | undefined> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const timer = setTimeout(() => {
      socket.close();
      resolve(undefined);
    }, ms);
    socket.on('error', () => {});
    socket.once('message', (msg) => {
      clearTimeout(timer);
      socket.close();
      resolve(new Uint8Array(msg));
    });
    socket.send(payload, port, host);
  });
}
