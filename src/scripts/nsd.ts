/**
 * Debian's nsd and dnsperf as the bench, the tests and the corpus generator run them: one nsd.conf
 * writer for a foreground nsd whose every file lives in one temporary directory, a wait that asks
 * nsd for its zone's SOA until it answers, and dnsperf's arguments.
 */
import { createSocket } from 'node:dgram';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NsdConf {
  /** Holds nsd.conf, the zone files, the pid file, xfrd state, zone list and log. */
  dir: string;
  host: string;
  port: number;
  /** Each zone's name and its file, relative to `dir`; `options` are more lines of its clause. */
  zones: readonly { name: string; file: string; options?: readonly string[] }[];
  /** More `server:` lines, each as "name: value". */
  server?: readonly string[];
  /** Whole clauses after `server:` and before the zones, each line as written (a `key:`...). */
  clauses?: readonly string[];
}

/** Writes `dir`/nsd.conf: nsd as this user, no chroot, no database, no remote control. */
export function writeNsdConf(c: NsdConf): string {
  const conf = join(c.dir, 'nsd.conf');
  const lines = [
    'server:',
    `  ip-address: ${c.host}@${c.port}`,
    `  port: ${c.port}`,
    '  username: ""',
    '  chroot: ""',
    `  zonesdir: "${c.dir}"`,
    `  pidfile: "${join(c.dir, 'nsd.pid')}"`,
    `  xfrdfile: "${join(c.dir, 'xfrd.state')}"`,
    `  zonelistfile: "${join(c.dir, 'zone.list')}"`,
    '  database: ""',
    `  logfile: "${join(c.dir, 'nsd.log')}"`,
    ...(c.server ?? []).map((l) => `  ${l}`),
    'remote-control:',
    '  control-enable: no',
    ...(c.clauses ?? []),
    ...c.zones.flatMap((z) => [
      'zone:',
      `  name: "${z.name}"`,
      `  zonefile: "${z.file}"`,
      ...(z.options ?? []).map((l) => `  ${l}`),
    ]),
  ];
  writeFileSync(conf, lines.join('\n') + '\n');
  return conf;
}

/** A query for `origin` SOA IN (RFC 1035, Section 4.1), with ID 0x5a5a and no flags. */
export function soaQuery(origin: string): Uint8Array {
  const labels = origin.split('.').filter(Boolean);
  const name = labels.flatMap((l) => [l.length, ...Buffer.from(l, 'ascii')]);
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

/**
 * Asks host:port for `origin`'s SOA until an answer with the query's ID comes back: nsd logs
 * that it started before its zones are loaded, so only an answer says it is ready. Throws if
 * `exited()` says the process is gone, or after `ms`.
 */
export async function waitForNsd(
  host: string,
  port: number,
  origin: string,
  exited: () => string | undefined,
  ms: number,
): Promise<void> {
  const deadline = Date.now() + ms;
  const query = soaQuery(origin);
  for (;;) {
    const gone = exited();
    if (gone !== undefined) throw new Error(`nsd on ${host}@${port} exited: ${gone}`);
    const reply = await udpOnce(host, port, query, 300);
    if (reply && reply[0] === query[0] && reply[1] === query[1]) return;
    if (Date.now() > deadline) throw new Error(`nsd on ${host}@${port} did not answer in time`);
  }
}

export interface DnsperfRun {
  server: string;
  port: number;
  /** The query file: one "name type" a line. */
  queries: string;
  seconds: number;
  /** Queries in flight at once (-q). */
  outstanding: number;
  /** Seconds before a query counts as lost (-t). */
  timeout: number;
  /** The address to send from (-a). */
  source?: string;
  /** A cap on queries a second (-Q). */
  maxQps?: number;
}

export function dnsperfArgs(r: DnsperfRun): string[] {
  return [
    ...['-s', r.server, '-p', String(r.port)],
    ...(r.source === undefined ? [] : ['-a', r.source]),
    ...['-d', r.queries, '-l', String(r.seconds)],
    ...(r.maxQps === undefined ? [] : ['-Q', String(r.maxQps)]),
    ...['-q', String(r.outstanding), '-t', String(r.timeout)],
  ];
}
