/**
 * `npm run tlsfuzzer -- DIR [--tlslite DIR] [--python PATH] [--only SCRIPT]…`: runs the tlsfuzzer
 * scripts that apply to a TLS 1.2 ECDHE AEAD server against `tls serve`, from a tlsfuzzer
 * checkout at DIR (never vendored here: its licence is not ours). tlslite-ng comes from --tlslite,
 * or $TLSLITE_NG, or DIR/../tlslite-ng. One line per script, a summary, and exit 1 on any failure.
 *
 * What runs and what is left out, with the reason for each, is in tlsfuzzer-plan.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXCLUDED_SCRIPTS, SCRIPT_RUNS, runArguments, type ScriptRun } from './tlsfuzzer-plan';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** A script that runs longer than this is stuck (the slowest applicable one takes about a minute). */
const SCRIPT_TIMEOUT_MS = 600_000;

interface Options {
  dir: string;
  tlslite: string;
  python: string;
  only: string[];
}

function parseOptions(argv: string[]): Options {
  const rest = [...argv];
  let dir: string | undefined;
  let tlslite = process.env.TLSLITE_NG;
  let python = '/usr/bin/python3';
  const only: string[] = [];
  while (rest.length > 0) {
    const a = rest.shift()!;
    if (a === '--tlslite') tlslite = rest.shift();
    else if (a === '--python') python = rest.shift() ?? python;
    else if (a === '--only') only.push(rest.shift() ?? '');
    else if (!dir) dir = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  if (!dir) throw new Error('usage: npm run tlsfuzzer -- DIR [--tlslite DIR] [--python PATH]');
  dir = resolve(dir);
  tlslite = resolve(tlslite ?? join(dir, '..', 'tlslite-ng'));
  if (!existsSync(join(dir, 'scripts'))) throw new Error(`${dir} is not a tlsfuzzer checkout`);
  if (!existsSync(join(tlslite, 'tlslite')))
    throw new Error(`${tlslite} is not a tlslite-ng checkout (give --tlslite DIR)`);
  return { dir, tlslite, python, only };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

interface Finished {
  code: number | string;
  output: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, env, detached: true });
    running.add(child.pid);
    child.once('exit', () => running.delete(child.pid));
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
    const timer = setTimeout(() => {
      output += `\n(stopped after ${SCRIPT_TIMEOUT_MS / 1000} s)`;
      kill(child.pid, 'SIGKILL');
    }, SCRIPT_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      done({ code: code ?? signal ?? 'unknown', output });
    });
  });
}

/** Process groups started here (each child is detached), stopped if we are stopped. */
const running = new Set<number | undefined>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const pid of running) kill(pid, 'SIGTERM');
    process.exit(130);
  });
}

function kill(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** `tls serve` on a free loopback port, once it says it listens; its log goes to `logFile`. */
async function startServer(
  logFile: string,
): Promise<{ port: number; pid: number | undefined; stop: () => void }> {
  const port = await freePort();
  const child = spawn(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [join(ROOT, 'src', 'cli', 'main.ts'), 'tls', 'serve', '--port', String(port)],
    { cwd: ROOT, detached: true },
  );
  let log = '';
  const flush = () => writeFileSync(logFile, log);
  child.stdout.setEncoding('utf8').on('data', (c: string) => ((log += c), flush()));
  child.stderr.setEncoding('utf8').on('data', (c: string) => ((log += c), flush()));
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('tls serve did not start in 30 s')), 30_000);
    const check = () => {
      if (/listening on /.test(log)) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout.on('data', check);
    child.once('exit', () => fail(new Error(`tls serve exited: ${log.trim()}`)));
  });
  return { port, pid: child.pid, stop: () => kill(child.pid, 'SIGTERM') };
}

/**
 * For scripts that hard-code an ECDHE CBC suite and take no -C: Python that replaces the ECDHE CBC
 * suites in every ClientHelloGenerator (and in ExpectServerHello's cipher) with the AES-128-GCM
 * suite of the same key exchange, then runs the script unchanged. The conversations are
 * tlsfuzzer's; only the suite differs.
 */
const CBC_TO_GCM_SHIM = `
import runpy, sys
from tlslite.constants import CipherSuite as C
import tlsfuzzer.messages as m
gcm = {
    C.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA: C.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
    C.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA: C.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    C.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA: C.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
}
init = m.ClientHelloGenerator.__init__
def with_gcm(self, ciphers=None, *args, **kwargs):
    if ciphers is not None:
        ciphers = [gcm.get(c, c) for c in ciphers]
    init(self, ciphers, *args, **kwargs)
m.ClientHelloGenerator.__init__ = with_gcm
import tlsfuzzer.expect as e
expect_init = e.ExpectServerHello.__init__
def expect_gcm(self, *args, **kwargs):
    c = kwargs.get('cipher')
    if c is not None:
        kwargs['cipher'] = [gcm.get(x, x) for x in c] if isinstance(c, list) else gcm.get(c, c)
    expect_init(self, *args, **kwargs)
e.ExpectServerHello.__init__ = expect_gcm
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name='__main__')
`;

function label(r: ScriptRun): string {
  return [r.script, ...(r.args ?? []), ...(r.cbcToGcm ? ['(ECDHE CBC offered as GCM)'] : [])].join(
    ' ',
  );
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const runs = SCRIPT_RUNS.filter(
    (r) => options.only.length === 0 || options.only.includes(r.script),
  );
  const logDir = mkdtempSync(join(tmpdir(), 'wirestep-tlsfuzzer-'));
  const logFile = join(logDir, 'tls-serve.log');
  const server = await startServer(logFile);
  running.add(server.pid);
  console.log(`tls serve on 127.0.0.1:${server.port} (log: ${logFile})`);
  const env = {
    ...process.env,
    PYTHONPATH: [options.tlslite, options.dir].join(':'),
    PYTHONDONTWRITEBYTECODE: '1',
  };
  const failed: string[] = [];
  try {
    for (const r of runs) {
      const started = Date.now();
      const args = [
        ...(r.cbcToGcm ? ['-c', CBC_TO_GCM_SHIM] : []),
        join(options.dir, 'scripts', r.script),
        '-h',
        'localhost',
        '-p',
        String(server.port),
        ...runArguments(r),
      ];
      const result = await run(options.python, args, env);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const ok = result.code === 0;
      const excluded = r.exclude?.length ? ` (${r.exclude.length} probes excluded)` : '';
      console.log(`${ok ? 'PASS' : 'FAIL'} ${label(r)}${excluded} ${seconds} s`);
      if (!ok) {
        failed.push(label(r));
        const file = join(logDir, `${r.script}.${failed.length}.log`);
        writeFileSync(file, result.output);
        const summary =
          result.output.match(/TOTAL:[\s\S]*?={5,}/)?.[0] ?? result.output.slice(-600);
        console.log(`  exit ${result.code}; output in ${file}`);
        console.log(summary.replace(/^/gm, '  '));
      }
    }
  } finally {
    server.stop();
  }
  if (options.only.length === 0)
    for (const e of EXCLUDED_SCRIPTS) console.log(`SKIP ${e.script}: ${e.reason}`);
  console.log(
    `tlsfuzzer: ${runs.length - failed.length} passed, ${failed.length} failed, ${options.only.length === 0 ? EXCLUDED_SCRIPTS.length : 0} scripts excluded`,
  );
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`tlsfuzzer: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
