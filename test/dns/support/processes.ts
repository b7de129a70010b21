/**
 * Starting and always stopping the DNS tests' peers: our `dns serve` as a child process, and
 * Debian's nsd, each with bounded waits. The generic child-process helpers are the TLS tests'.
 */
import { createSocket } from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForNsd, writeNsdConf } from '../../../src/scripts/nsd';
import { startChild, startCli, within, type Child } from '../../tls/support/peers';

export { udpOnce } from '../../../src/scripts/nsd';

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
  zones.forEach((z, i) => writeFileSync(join(dir, `zone${i}.zone`), z.text));
  const conf = writeNsdConf({
    dir,
    host,
    port,
    zones: zones.map((z, i) => ({ name: z.origin, file: `zone${i}.zone` })),
    server: ['verbosity: 1', 'server-count: 1', 'do-ip6: no', 'hide-version: yes'],
  });
  const check = startChild('nsd-checkconf', [conf]);
  const checked = await within(check.exited, 'nsd-checkconf', 10_000);
  if (checked !== 0) throw new Error(`nsd-checkconf ${conf}: ${check.stderr()}${check.stdout()}`);

  const child = startChild('nsd', ['-d', '-c', conf]);
  try {
    const exited = () => (child.process.exitCode === null ? undefined : child.stderr());
    await waitForNsd(host, port, zones[0]!.origin, exited, NSD_START_MS);
    return { child, host, port, dir };
  } catch (e) {
    await child.stop();
    throw e;
  }
}
