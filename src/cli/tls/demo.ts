/**
 * `tls demo --pcap FILE --keylog FILE`: client and server in memory, a GET and a 200, written as a
 * classic pcap (Ethernet/IPv4/TCP with the three-way handshake and FIN) and an NSS key log, so
 * Wireshark decrypts the session and shows the HTTP.
 */
import { writeFileSync } from 'node:fs';
import { runTlsExchange, type TlsRunResult } from '../../engine/scenarios/tls-run';
import { keyLogLine } from '../../engine/tls/keylog';
import { tlsFlowsToPcap } from '../../engine/sim/tls-pcap';
import { cipherSuiteName } from '../../engine/tls/enums';
import { CliError, type Args } from '../args';
import type { Command } from '../command';
import { out } from '../output';
import { parseSuites } from './names';

export const demoCommand: Command = {
  protocol: 'tls',
  command: 'demo',
  synopsis: '--pcap FILE --keylog FILE [--seed N] [--suite NAME]',
  spec: { positional: [], values: ['pcap', 'keylog', 'seed', 'suite'], switches: [] },
  run,
};

async function run(args: Args): Promise<number> {
  const { pcap, keylog } = args.values;
  if (!pcap || !keylog) throw new CliError('--pcap and --keylog are both required', 2);
  const seed = args.values.seed ?? '1';
  const suites = parseSuites(args.values.suite);
  const result = await runTlsExchange({
    seed,
    ...(suites ? { client: (c) => void (c.cipherSuites = suites) } : {}),
  });
  if (!result.ok) {
    out(`error: ${result.error ?? 'the exchange did not complete'}`);
    return 1;
  }
  writeFileSync(pcap, toPcap(result, seed));
  const n = result.client.negotiated;
  writeFileSync(keylog, keyLogLine(n.clientRandom!, n.masterSecret!));
  out(
    `${cipherSuiteName(n.cipherSuite ?? 0)}: ${result.flows.length} records, ${result.httpStatus}`,
  );
  out(`wrote ${pcap} and ${keylog}`);
  return 0;
}

/** The capture the browser's "Download pcap" also writes (src/engine/sim/tls-pcap.ts). */
export function toPcap(result: TlsRunResult, seed: string): Uint8Array {
  return tlsFlowsToPcap(result.flows, seed);
}
