/**
 * `tls demo --pcap FILE --keylog FILE`: client and server in memory, a GET and a 200, written as a
 * classic pcap (Ethernet/IPv4/TCP with the three-way handshake and FIN) and an NSS key log, so
 * Wireshark decrypts the session and shows the HTTP.
 */
import { writeFileSync } from 'node:fs';
import { runTlsExchange, type TlsRunResult } from '../../engine/scenarios/tls-run';
import { PcapWriter } from '../../engine/sim/pcap';
import { SeededRng } from '../../engine/sim/rng';
import { TcpConversation } from '../../engine/sim/tcp-conversation';
import { cipherSuiteName } from '../../engine/tls/enums';
import { CliError, type Args } from '../args';
import type { Command } from '../command';
import { out } from '../output';
import { keyLogLine } from './keylog';
import { parseSuites } from './names';

export const demoCommand: Command = {
  protocol: 'tls',
  command: 'demo',
  synopsis: '--pcap FILE --keylog FILE [--seed N] [--suite NAME]',
  spec: { positional: [], values: ['pcap', 'keylog', 'seed', 'suite'], switches: [] },
  run,
};

const CLIENT = { ip: '192.0.2.10', port: 49152 };
const SERVER = { ip: '192.0.2.20', port: 443 };

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

/** The TCP handshake happens one round trip before the first TLS record; FINs follow the last. */
export function toPcap(result: TlsRunResult, seed: string): Uint8Array {
  const rng = new SeededRng(`pcap ${seed}`);
  const tcp = new TcpConversation({
    client: CLIENT,
    server: SERVER,
    clientIsn: rng.uint32(),
    serverIsn: rng.uint32(),
  });
  const first = result.flows[0]!.t;
  const rtt = 40;
  tcp.open(first - rtt);
  for (const flow of result.flows) tcp.send(flow.t, flow.from, flow.bytes);
  const last = result.flows[result.flows.length - 1]!.t;
  tcp.close(last + rtt / 2, 'client');
  const writer = new PcapWriter();
  tcp.writeTo(writer);
  return writer.toBytes();
}
