/**
 * `npm run bench`: speed figures for the engines, printed with their ratios to the targets in the
 * issues. Never assertions: machines are noisy. The last line is one JSON object.
 */
import { benchDnsServe } from './bench/dns-serve';
import { benchDns } from './bench-dns';
import { benchTls } from './bench-tls';
import { benchTlsServe } from './bench-tls-serve';
import { benchTls13 } from './bench-tls13';

async function main(): Promise<void> {
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  const tls = await benchTls(log);
  log(
    `tls: warm, ${tls.tls_vs_primitives}× the primitives (target ≤ 1.25×), ${tls.tls_vs_node_tls}× node:tls (target ≤ 1.5×); first runs ${tls.tls_first_runs_vs_primitives}× the primitives`,
  );
  const tls13 = await benchTls13(log);
  log(
    `tls13: warm, ${tls13.tls13_vs_primitives}× its primitives, ${tls13.tls13_vs_node_tls13}× node:tls with TLS 1.3`,
  );
  const serve = await benchTlsServe(log);
  log(
    `tls: tls serve ${serve.tls_serve_vs_openssl}× openssl s_server's full handshakes per second (target ≥ 0.7×)`,
  );
  const dns = await benchDns(log);
  log(
    `dns: cold ${dns.dns_cold_us_1k} µs/name at 1k, ${dns.dns_cold_us_10k} µs/name at 10k (target < 100), hit ${dns.dns_hit_us} µs (target < 5), growth ${dns.dns_growth_10k_over_1k} (target ≤ 11)`,
  );
  const dnsServe = await benchDnsServe(log);
  log(JSON.stringify({ ...tls, ...tls13, ...serve, ...dns, ...dnsServe }));
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
