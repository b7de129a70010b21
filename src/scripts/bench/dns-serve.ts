/**
 * `dns serve` against NSD under dnsperf, for `npm run bench`: both serve the demo universe's
 * example.com zone on loopback, each on its own address, and dnsperf sends them the same query
 * mix (answers, a CNAME, a wildcard, NODATA, NXDOMAIN, a referral, ANY) for a few seconds.
 * Queries per second is what dnsperf reports as answered. Response-rate limiting is turned off on
 * both sides: one dnsperf source is exactly what it exists to slow down.
 *
 * NSD runs one server process (server-count 1), as `dns serve` is one thread. If nsd or dnsperf is
 * missing the figures are null and a line says why.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_COM_ZONE } from '../../engine/dns/universe/leaves';
import { dnsperfArgs, waitForNsd, writeNsdConf } from '../nsd';

/** How long each dnsperf run lasts. */
const SECONDS = Number(process.env.BENCH_DNSPERF_SECONDS ?? 5);
/** Runs against each server, alternating. */
const ROUNDS = 3;
/** Two loopback addresses no test uses, so a running test cannot collide with the bench. */
const OURS = '127.0.90.1';
const NSD = '127.0.90.2';
const PORT = 20_953;
/** dnsperf's outstanding queries: enough to keep a single-threaded server busy. */
const OUTSTANDING = 100;

const QUERIES = [
  'www.example.com A',
  'www.example.com AAAA',
  'example.com MX',
  'example.com NS',
  'api.example.com A',
  'someone.users.example.com A',
  'www.example.com MX',
  'nope.example.com A',
  'www.shop.example.com A',
  'example.com ANY',
];

export interface DnsServeFigures {
  dns_serve_qps: number | null;
  nsd_qps: number | null;
  dns_serve_vs_nsd: number | null;
}

interface Proc {
  stop(): Promise<void>;
  output(): string;
  exited: Promise<number | null>;
}

function start(command: string, args: string[], cwd?: string): Proc {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd, detached: true });
  let text = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (text += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (text += c));
  child.on('error', (e) => (text += `spawn ${command}: ${e.message}\n`));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  return {
    output: () => text,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // Already gone.
          }
        }, 3000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

async function waitForOutput(proc: Proc, pattern: RegExp, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (pattern.test(proc.output())) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not start: ${proc.output().slice(0, 300)}`);
}

async function dnsperf(host: string, queries: string): Promise<number> {
  const run = start(
    'dnsperf',
    dnsperfArgs({
      server: host,
      port: PORT,
      queries,
      seconds: SECONDS,
      outstanding: OUTSTANDING,
      timeout: 2,
    }),
  );
  await run.exited;
  const m = /Queries per second:\s+([\d.]+)/.exec(run.output());
  if (!m) throw new Error(`dnsperf against ${host}: ${run.output().slice(-300)}`);
  return Number(m[1]);
}

export async function benchDnsServe(log: (line: string) => void): Promise<DnsServeFigures> {
  const none: DnsServeFigures = { dns_serve_qps: null, nsd_qps: null, dns_serve_vs_nsd: null };
  const dir = mkdtempSync(join(tmpdir(), 'wirestep-bench-dns-'));
  const zone = join(dir, 'example.com.zone');
  writeFileSync(zone, EXAMPLE_COM_ZONE);
  const queries = join(dir, 'queries.txt');
  writeFileSync(queries, QUERIES.join('\n') + '\n');
  const procs: Proc[] = [];
  try {
    const server = start(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'dns',
        'serve',
        '--zone',
        zone,
        '--listen',
        `${OURS}:${PORT}`,
        '--rrl-rate',
        '0',
      ],
      process.cwd(),
    );
    procs.push(server);
    await waitForOutput(server, /listening on /, 'dns serve');
    const conf = writeNsdConf({
      dir,
      host: NSD,
      port: PORT,
      zones: [{ name: 'example.com.', file: 'example.com.zone' }],
      server: [
        ...['verbosity: 1', 'server-count: 1', 'do-ip6: no', 'hide-version: yes'],
        ...['rrl-ratelimit: 0', 'rrl-whitelist-ratelimit: 0'],
      ],
    });
    const nsd = start('nsd', ['-d', '-c', conf]);
    procs.push(nsd);
    let nsdExited: number | null | undefined;
    void nsd.exited.then((code) => (nsdExited = code));
    await waitForNsd(
      NSD,
      PORT,
      'example.com.',
      () => (nsdExited === undefined ? undefined : nsd.output().slice(0, 300)),
      15_000,
    );
    // Warm-up: the JIT and NSD's caches both settle before the measured runs.
    await dnsperf(OURS, queries);
    // Alternating runs, the best of each kept: on a shared machine other processes only ever
    // take queries away, and alternating gives both servers the same chances.
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      ours.push(await dnsperf(OURS, queries));
      theirs.push(await dnsperf(NSD, queries));
    }
    const oursQps = Math.max(...ours);
    const nsdQps = Math.max(...theirs);
    const ratio = Math.round((oursQps / nsdQps) * 1000) / 1000;
    const runs = (qps: number[]) => qps.map((q) => q.toFixed(0)).join(', ');
    log(
      `dns serve: ${oursQps.toFixed(0)} queries/s, nsd ${nsdQps.toFixed(0)} queries/s under dnsperf (best of ${ROUNDS} alternating ${SECONDS} s runs, ${OUTSTANDING} outstanding, RRL off; ours ${runs(ours)}, nsd ${runs(theirs)}): ${ratio}× (target ≥ 0.5×)`,
    );
    return {
      dns_serve_qps: Math.round(oursQps),
      nsd_qps: Math.round(nsdQps),
      dns_serve_vs_nsd: ratio,
    };
  } catch (e) {
    log(`dns serve vs nsd: not measured (${e instanceof Error ? e.message : String(e)})`);
    return none;
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}
