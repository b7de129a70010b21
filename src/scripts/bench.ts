/**
 * `npm run bench`: speed figures for the engines, printed with their ratios to the targets in the
 * issues. Never assertions: machines are noisy. The last line is one JSON object.
 *
 * `npm run bench -- --only tls` (or tls13, serve, dns, dns-serve; a comma-separated list) runs
 * just those parts, so a noisy figure can be measured again without the rest.
 */
import { benchDnsServe } from './bench/dns-serve';
import { benchDns } from './bench-dns';
import { benchTls } from './bench-tls';
import { benchTlsServe } from './bench-tls-serve';
import { benchTls13 } from './bench-tls13';

type Log = (line: string) => void;

const PARTS: Record<string, (log: Log) => Promise<object>> = {
  tls: async (log) => {
    const tls = await benchTls(log);
    log(
      `tls: warm, ${tls.tls_vs_primitives}× the primitives (target ≤ 1.25×), ${tls.tls_vs_node_tls}× node:tls (target ≤ 1.5×); first runs ${tls.tls_first_runs_vs_primitives}× the primitives`,
    );
    return tls;
  },
  tls13: async (log) => {
    const tls13 = await benchTls13(log);
    log(
      `tls13: warm, ${tls13.tls13_vs_primitives}× its primitives, ${tls13.tls13_vs_node_tls13}× node:tls with TLS 1.3`,
    );
    return tls13;
  },
  serve: async (log) => {
    const serve = await benchTlsServe(log);
    log(
      `tls: tls serve ${serve.tls_serve_vs_openssl}× openssl s_server's full handshakes per second (target ≥ 0.7×)`,
    );
    return serve;
  },
  dns: async (log) => {
    const dns = await benchDns(log);
    log(
      `dns: cold ${dns.dns_cold_us_1k} µs/name at 1k, ${dns.dns_cold_us_10k} µs/name at 10k (target < 100), hit ${dns.dns_hit_us} µs (target < 5), growth ${dns.dns_growth_10k_over_1k} (target ≤ 11)`,
    );
    return dns;
  },
  'dns-serve': (log) => benchDnsServe(log),
};

/** The parts named after `--only`, in the order above; every part without it. */
function chosenParts(args: readonly string[]): string[] {
  const at = args.indexOf('--only');
  if (at < 0) return Object.keys(PARTS);
  const wanted = (args[at + 1] ?? '').split(',').filter((part) => part !== '');
  const unknown = wanted.filter((part) => !(part in PARTS));
  if (wanted.length === 0 || unknown.length > 0)
    throw new Error(
      `--only takes a comma-separated list of ${Object.keys(PARTS).join(', ')}; got '${args[at + 1] ?? ''}'`,
    );
  return Object.keys(PARTS).filter((part) => wanted.includes(part));
}

async function main(): Promise<void> {
  const log: Log = (line) => void process.stdout.write(`${line}\n`);
  const figures: object[] = [];
  for (const part of chosenParts(process.argv.slice(2))) figures.push(await PARTS[part]!(log));
  log(JSON.stringify(Object.assign({}, ...figures)));
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
