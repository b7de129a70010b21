/**
 * `tls demo --pcap FILE --keylog FILE`: client and server in memory, a GET and a 200, written as a
 * classic pcap (Ethernet/IPv4/TCP with the three-way handshake and FIN) and an NSS key log, so
 * Wireshark decrypts the session and shows the HTTP. `--versions 1.3` runs TLS 1.3 and logs its
 * traffic secrets (CLIENT_HANDSHAKE_TRAFFIC_SECRET, …); the default is TLS 1.2, the handshake the
 * first scenarios teach, logged as CLIENT_RANDOM.
 */
import { writeFileSync } from 'node:fs';
import { runTlsExchange, type TlsRunResult } from '../../engine/scenarios/tls-run';
import { negotiatedKeyLog } from '../../engine/tls/keylog';
import { TLS13_SUITES } from '../../engine/tls/tls13/key-schedule';
import { tlsFlowsToPcap } from '../../engine/sim/tls-pcap';
import { cipherSuiteName } from '../../engine/tls/enums';
import { CliError, type Args } from '../args';
import type { Command } from '../command';
import { out } from '../output';
import { parseSuites } from './names';

export const demoCommand: Command = {
  protocol: 'tls',
  command: 'demo',
  synopsis: '--pcap FILE --keylog FILE [--seed N] [--suite NAME] [--versions 1.2|1.3|1.2,1.3]',
  spec: { positional: [], values: ['pcap', 'keylog', 'seed', 'suite', 'versions'], switches: [] },
  run,
};

async function run(args: Args): Promise<number> {
  const { pcap, keylog } = args.values;
  if (!pcap || !keylog) throw new CliError('--pcap and --keylog are both required', 2);
  const seed = args.values.seed ?? '1';
  const versions = parseVersions(args.values.versions ?? '1.2');
  const tls13Suite = TLS13_SUITES.find((s) => s.name === args.values.suite);
  const suites = tls13Suite ? undefined : parseSuites(args.values.suite);
  const result = await runTlsExchange({
    seed,
    client: (c) => {
      c.versions = versions;
      if (suites) c.cipherSuites = suites;
      if (tls13Suite) c.tls13CipherSuites = [tls13Suite.id];
    },
    server: (s) => void (s.versions = versions),
  });
  if (!result.ok) {
    out(`error: ${result.error ?? 'the exchange did not complete'}`);
    return 1;
  }
  writeFileSync(pcap, toPcap(result, seed));
  const n = result.client.negotiated;
  writeFileSync(keylog, negotiatedKeyLog(n));
  out(
    `${cipherSuiteName(n.cipherSuite ?? 0)}: ${result.flows.length} records, ${result.httpStatus}`,
  );
  out(`wrote ${pcap} and ${keylog}`);
  return 0;
}

/** RFC 8446, Section 4.2.1: the versions both sides offer, "1.2", "1.3" or "1.2,1.3". */
function parseVersions(list: string): ('1.2' | '1.3')[] {
  const items = list.split(',').map((v) => v.trim());
  const known = items.every((v) => v === '1.2' || v === '1.3');
  if (!known || items.length === 0 || new Set(items).size !== items.length)
    throw new CliError(`--versions takes 1.2, 1.3 or 1.2,1.3, not '${list}'`, 2);
  return items as ('1.2' | '1.3')[];
}

/** The capture the browser's "Download pcap" also writes (src/engine/sim/tls-pcap.ts). */
export function toPcap(result: TlsRunResult, seed: string): Uint8Array {
  return tlsFlowsToPcap(result.flows, seed);
}
