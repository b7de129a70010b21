/**
 * Servers for the `tls probe` tests, each configured with what the probe should find, and the
 * two scanners the probe must agree with: nmap's ssl-enum-ciphers and sslscan.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as netConnect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ianaSuiteName } from '../../../src/cli/tls/probe/iana-suites';
import type { ProbeJson, ProbeJsonWithExchanges } from '../../../src/cli/tls/probe/json';
import { writeNginxConf } from './nginx-conf';
import {
  closeServer,
  listenOnFreePort,
  pemPath,
  runCli,
  startChild,
  within,
  type Child,
} from './peers';

export interface Peer {
  host: string;
  port: number;
  stop(): Promise<void>;
}

/** `openssl s_server -www ARGS` with the demo RSA chain on an OS-chosen loopback port. */
export async function startSServer(args: readonly string[]): Promise<Peer> {
  const child = startChild('openssl', [
    's_server',
    '-accept',
    '127.0.0.1:0',
    '-www',
    '-cert',
    pemPath('rsa.cert.pem'),
    '-key',
    pemPath('rsa.key.pem'),
    '-cert_chain',
    pemPath('intermediate.cert.pem'),
    ...args,
  ]);
  try {
    const [, port] = await child.waitFor(/ACCEPT 127\.0\.0\.1:(\d+)/, 'openssl s_server to listen');
    return { host: '127.0.0.1', port: Number(port), stop: () => child.stop() };
  } catch (e) {
    await child.stop();
    throw e;
  }
}

/** `gnutls-serv --priority PRIORITY` with the demo RSA chain. */
export async function startGnutls(priority: string, port: number): Promise<Peer> {
  const child = startChild('gnutls-serv', [
    '--http',
    '--disable-client-cert',
    '--port',
    String(port),
    '--x509certfile',
    pemPath('rsa.chain.pem'),
    '--x509keyfile',
    pemPath('rsa.key.pem'),
    '--priority',
    priority,
  ]);
  try {
    await child.waitFor(
      new RegExp(`listening on IPv4 .* port ${port}\\.\\.\\.done`),
      'gnutls-serv',
    );
    return { host: '127.0.0.1', port, stop: () => child.stop() };
  } catch (e) {
    await child.stop();
    throw e;
  }
}

/** nginx in the foreground from a temporary prefix, on 127.0.0.1:port, with `directives`. */
export async function startNginx(port: number, directives: string): Promise<Peer> {
  const dir = mkdtempSync(join(tmpdir(), 'wirestep-probe-nginx-'));
  const conf = writeNginxConf(dir, {
    listen: `127.0.0.1:${port}`,
    chain: pemPath('rsa.chain.pem'),
    key: pemPath('rsa.key.pem'),
    directives,
    location: 'return 200 "nginx\\n";',
  });
  const child: Child = startChild('nginx', ['-p', dir, '-c', conf]);
  const stop = async (): Promise<void> => {
    await child.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await child.waitFor(/start worker processes|using the "epoll" event method/, 'nginx to start');
    return { host: '127.0.0.1', port, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** nginx for the probe: TLS 1.2 only, two suites in its own order, two curves, no tickets. */
export const NGINX_PROBED = `ssl_protocols TLSv1.2;
    ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-SHA384;
    ssl_prefer_server_ciphers on;
    ssl_ecdh_curve secp521r1:prime256v1;
    ssl_session_tickets off;`;

/**
 * gnutls-serv for the probe: TLS 1.2 only, two ciphers with RSA and ECDHE-RSA key exchange, one
 * group, in the server's order. %SERVER_PRECEDENCE orders by key exchange, then cipher, as listed.
 */
export const GNUTLS_PROBED =
  'NONE:+VERS-TLS1.2:+AES-256-GCM:+AES-128-CBC:+AEAD:+SHA1:+ECDHE-RSA:+RSA:+GROUP-SECP384R1:+SIGN-ALL:+COMP-NULL:%SERVER_PRECEDENCE';
/** The TLS 1.2 suites GNUTLS_PROBED allows, in the order it prefers them. */
export const GNUTLS_PROBED_SUITES = [
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
];

/** A TCP server that accepts and then either never answers or closes at once. */
export async function startMute(behaviour: 'silent' | 'close'): Promise<Peer> {
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    if (behaviour === 'close') s.destroy();
  });
  const port = await listenOnFreePort(server);
  return {
    host: '127.0.0.1',
    port,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await closeServer(server);
    },
  };
}

export type { ProbeJson, ProbeJsonWithExchanges };

/** `tls probe HOST:PORT --json [extra…]`: its JSON and its progress lines. */
export async function probeRun(
  peer: Peer,
  extra: readonly string[] = [],
): Promise<{ json: ProbeJson; stdout: string; stderr: string }> {
  const run = await runCli(['tls', 'probe', `${peer.host}:${peer.port}`, '--json', ...extra]);
  if (run.code !== 0) throw new Error(`probe exited ${run.code}: ${run.stderr}`);
  return { json: JSON.parse(run.stdout) as ProbeJson, stdout: run.stdout, stderr: run.stderr };
}

export async function probeJson(peer: Peer, extra: readonly string[] = []): Promise<ProbeJson> {
  return (await probeRun(peer, extra)).json;
}

/** `tls probe HOST:PORT --json --exchanges [extra…]`. */
export async function probeWithExchanges(
  peer: Peer,
  extra: readonly string[] = [],
): Promise<ProbeJsonWithExchanges> {
  return (await probeRun(peer, ['--exchanges', ...extra])).json as ProbeJsonWithExchanges;
}

async function tool(command: string, args: readonly string[]): Promise<string> {
  const child = startChild(command, args);
  try {
    await within(child.exited, `${command} ${args.join(' ')}`, 60_000);
    return child.stdout();
  } finally {
    await child.stop();
  }
}

export interface ScanResult {
  /** Per version, "TLSv1.2" ...: the IANA names of the accepted suites, in the tool's order. */
  suites: Record<string, string[]>;
  /** nmap only: "server", "client" or "indeterminate". */
  order: Record<string, string>;
}

/** nmap's names are IANA's except TLS 1.3's, which it spells TLS_AKE_WITH_... */
function fromNmap(name: string): string {
  return name.replace(/^TLS_AKE_WITH_/, 'TLS_');
}

export async function nmapScan(port: number): Promise<ScanResult> {
  const text = await tool('nmap', [
    '-Pn',
    '--script',
    'ssl-enum-ciphers',
    '-p',
    String(port),
    '127.0.0.1',
  ]);
  const result: ScanResult = { suites: {}, order: {} };
  let version = '';
  for (const line of text.split('\n')) {
    const v = /^\|\s+(TLSv1\.[0-3]):/.exec(line);
    if (v) {
      version = v[1]!;
      result.suites[version] = [];
      continue;
    }
    const c = /^\|\s+(TLS_\w+) \(/.exec(line);
    if (c && version) result.suites[version]!.push(fromNmap(c[1]!));
    const o = /cipher preference: (\w+)/.exec(line);
    if (o && version) result.order[version] = o[1]!;
  }
  if (!text.includes('ssl-enum-ciphers')) throw new Error(`nmap found no TLS:\n${text}`);
  return result;
}

export async function sslscan(
  port: number,
): Promise<ScanResult & { groups: Record<string, string[]> }> {
  const xml = await tool('sslscan', ['--no-colour', '--xml=-', `127.0.0.1:${port}`]);
  const result = {
    suites: {} as Record<string, string[]>,
    order: {},
    groups: {} as Record<string, string[]>,
  };
  for (const m of xml.matchAll(
    /<cipher status="\w+" sslversion="(TLSv1\.[0-3])"[^>]* id="0x([0-9A-Fa-f]{4})"/g,
  )) {
    (result.suites[m[1]!] ??= []).push(ianaSuiteName(parseInt(m[2]!, 16)));
  }
  for (const m of xml.matchAll(/<group sslversion="(TLSv1\.[0-3])"[^>]* name="(\w+)/g)) {
    (result.groups[m[1]!] ??= []).push(m[2]!);
  }
  return result;
}

/**
 * A middlebox in front of `upstream` that resets every connection whose first record is longer
 * than `maxRecord` bytes and relays the others: a server that chokes on a big ClientHello.
 */
export async function startChoker(upstream: Peer, maxRecord: number): Promise<Peer> {
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('error', () => undefined);
    client.once('data', (first: Buffer) => {
      if (first.length >= 5 && first.readUInt16BE(3) > maxRecord) {
        client.resetAndDestroy();
        return;
      }
      const up = netConnect({ host: upstream.host, port: upstream.port });
      sockets.add(up);
      up.on('error', () => client.destroy());
      client.on('close', () => up.destroy());
      up.on('close', () => client.destroy());
      up.write(first);
      client.pipe(up);
      up.pipe(client);
    });
  });
  const port = await listenOnFreePort(server);
  return {
    host: '127.0.0.1',
    port,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await closeServer(server);
      await upstream.stop();
    },
  };
}
