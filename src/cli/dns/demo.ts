/**
 * `dns demo --pcap FILE [--name N] [--type T] [--seed S]`: the simulated lookup (browser → OS
 * stub → recursive resolver → root → TLD → authoritative, and back) of the demo universe, with
 * every DNS message written as a UDP datagram to a classic pcap that Wireshark and tshark read.
 */
import { writeFileSync } from 'node:fs';
import { LookupInputError, runDnsLookup, type DnsLookupResult } from '../../engine/dns';
import { CliError, type Args } from '../args';
import type { Command } from '../command';
import { out } from '../output';
import { dnsTraceToPcap, type PcapPacket } from '../../engine/dns/pcap';

export const demoCommand: Command = {
  protocol: 'dns',
  command: 'demo',
  synopsis: '--pcap FILE [--name www.example.com] [--type A] [--seed N]',
  spec: { positional: [], values: ['pcap', 'name', 'type', 'seed'], switches: [] },
  run,
};

async function run(args: Args): Promise<number> {
  const file = args.values.pcap;
  if (!file) throw new CliError('--pcap FILE is required', 2);
  const seed = args.values.seed ?? '1';
  let lookup: DnsLookupResult;
  try {
    lookup = await runDnsLookup({
      seed,
      name: args.values.name ?? 'www.example.com',
      type: args.values.type ?? 'A',
    });
  } catch (e) {
    if (e instanceof LookupInputError) throw new CliError(e.message, 2);
    throw e;
  }
  const { file: bytes, packets } = dnsTraceToPcap(lookup.trace, seed);
  try {
    writeFileSync(file, bytes);
  } catch (e) {
    throw new CliError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  const start = packets[0]?.t ?? 0;
  for (const p of packets) out(packetLine(p, start));
  out(`;; status: ${statusOf(lookup)}`);
  out(`wrote ${packets.length} packets to ${file}`);
  return 0;
}

function packetLine(p: PcapPacket, start: number): string {
  const t = `+${(p.t - start).toFixed(0).padStart(4)} ms`;
  const ends = `${p.from.ip}:${p.from.port} -> ${p.to.ip}:${p.to.port}`;
  return `${t}  ${ends.padEnd(44)}  ${p.name} (${p.bytes} bytes)`;
}

function statusOf({ result }: DnsLookupResult): string {
  switch (result.kind) {
    case 'answer':
      return 'NOERROR';
    case 'nodata':
      return 'NOERROR (no data)';
    case 'nxdomain':
      return 'NXDOMAIN';
    case 'servfail':
      return `SERVFAIL (${result.reason})`;
  }
}
