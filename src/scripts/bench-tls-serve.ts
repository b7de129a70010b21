/**
 * `tls serve` under load for `npm run bench`: full handshakes per second from four parallel
 * `openssl s_time -new` clients, against our server and against `openssl s_server`, both on
 * loopback with the demo RSA certificate and ECDHE-RSA-AES128-GCM-SHA256. s_time without -www
 * only handshakes and closes, so the figure is handshakes, not HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

const PEM = 'src/engine/tls/pki/pem';
const SUITE = 'ECDHE-RSA-AES128-GCM-SHA256';
const CLIENTS = 4;
const SECONDS = 4;
const WARMUP_SECONDS = 1;

export interface ServeFigures {
  tls_serve_hps: number;
  openssl_s_server_hps: number;
  tls_serve_vs_openssl: number;
}

export async function benchTlsServe(log: (line: string) => void): Promise<ServeFigures> {
  const ours = await measure(log, 'tls serve', (port) => [
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'tls',
      'serve',
      '--port',
      String(port),
      '--suites',
      SUITE,
    ],
  ]);
  const openssl = await measure(log, 'openssl s_server', (port) => [
    'openssl',
    [
      's_server',
      '-accept',
      `127.0.0.1:${port}`,
      '-tls1_2',
      '-www',
      '-cipher',
      SUITE,
      '-cert',
      `${PEM}/rsa.cert.pem`,
      '-key',
      `${PEM}/rsa.key.pem`,
      '-cert_chain',
      `${PEM}/intermediate.cert.pem`,
    ],
  ]);
  return {
    tls_serve_hps: round(ours),
    openssl_s_server_hps: round(openssl),
    tls_serve_vs_openssl: round(ours / openssl),
  };
}

async function measure(
  log: (line: string) => void,
  name: string,
  command: (port: number) => [string, string[]],
): Promise<number> {
  const port = await freePort();
  const [file, args] = command(port);
  const server = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    await untilListening(server, port);
    // Warm the JIT (and OpenSSL's caches) before counting, as a long-running server would be.
    await sTimeClients(port, WARMUP_SECONDS);
    const perClient = await sTimeClients(port, SECONDS);
    const total = perClient.reduce((a, b) => a + b, 0);
    log(
      `tls: ${name}: ${total.toFixed(1)} full handshakes/s from ${CLIENTS} parallel s_time -new clients (${perClient.map((x) => x.toFixed(1)).join(' + ')})`,
    );
    return total;
  } finally {
    server.kill('SIGTERM');
    const exited = once(server, 'exit');
    const timer = setTimeout(() => server.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
}

/** Runs the clients in parallel; each one's connections over its own wall-clock time. */
async function sTimeClients(port: number, seconds: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const start = performance.now();
      const child = spawn(
        'openssl',
        [
          's_time',
          '-connect',
          `127.0.0.1:${port}`,
          '-new',
          '-time',
          String(seconds),
          '-cipher',
          SUITE,
        ],
        { stdio: ['ignore', 'pipe', 'ignore'] },
      );
      let output = '';
      child.stdout!.setEncoding('utf8').on('data', (c: string) => (output += c));
      await once(child, 'exit');
      const elapsed = (performance.now() - start) / 1000;
      const count = /(\d+) connections in [\d.]+s;/.exec(output);
      if (!count) throw new Error(`s_time printed no count: ${output.slice(-200)}`);
      return Number(count[1]) / elapsed;
    }),
  );
}

function untilListening(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nothing listened on ${port}`)), 30_000);
    child.once('exit', () => reject(new Error(`the server on ${port} exited`)));
    // Both servers print a line once they accept: ours "listening on …", s_server "ACCEPT".
    const onData = (chunk: Buffer): void => {
      if (/listening on|ACCEPT/.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', () => {});
  });
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
