/**
 * `dns serve --zone FILE [--zone FILE …] --listen IP:PORT [--log-queries] [--rrl-rate N]
 * [--rrl-slip N]`: the engine's authoritative server on real UDP and TCP sockets, so
 * `dig @IP -p PORT name TYPE` gets its answers, referrals and negative answers. Logs its start,
 * its stop and what goes wrong; `--log-queries` adds one line per query. UDP responses are
 * rate-limited per source prefix (200 a second by default, as NSD; `--rrl-rate 0` turns it off).
 * A TCP connection is closed after `--tcp-lifetime` seconds however busy (120 by default, NSD's
 * tcp-timeout). Runs until SIGINT or SIGTERM.
 */
import { untilStopSignal } from '../stop-signal';
import { AuthoritativeServer } from '../../engine/dns';
import { CliError, type Args } from '../args';
import type { Command } from '../command';
import { err, out } from '../output';
import { formatSocketAddress, parseSocketAddress } from './addresses';
import { TCP_TOTAL_TIMEOUT_MS, startDnsServer } from './server';
import { DEFAULT_RRL_RATE, DEFAULT_RRL_SLIP } from './rate-limit';
import { loadZoneFiles } from './zone-files';

/** A whole number from 0 to 1,000,000, or a one-line usage error. */
function count(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 1_000_000)
    throw new CliError(`${flag} must be a whole number from 0 to 1000000, got '${text}'`, 2);
  return n;
}

/** A duration in seconds above 0 (decimals allowed), at most a day, as milliseconds. */
function seconds(text: string | undefined, flag: string, fallbackMs: number): number {
  if (text === undefined) return fallbackMs;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 86_400)
    throw new CliError(
      `${flag} must be a number of seconds above 0, at most 86400, got '${text}'`,
      2,
    );
  return Math.ceil(n * 1000);
}

export const serveCommand: Command = {
  protocol: 'dns',
  command: 'serve',
  synopsis:
    '--zone FILE [--zone FILE ...] --listen IP:PORT [--log-queries] [--rrl-rate N] [--rrl-slip N] [--tcp-lifetime S]   (port 0 picks a free port; --rrl-rate: UDP responses/s per /24 or /56, default 200, 0 = off; --rrl-slip: every Nth limited query gets a TC answer, default 2, 0 = never; --tcp-lifetime: seconds a TCP connection may stay open however busy, default 120)',
  spec: {
    positional: [],
    values: ['listen', 'rrl-rate', 'rrl-slip', 'tcp-lifetime'],
    repeatable: ['zone'],
    switches: ['log-queries'],
  },
  run,
};

async function run(args: Args): Promise<number> {
  const files = args.lists.zone ?? [];
  if (files.length === 0) throw new CliError('at least one --zone FILE is required', 2);
  if (!args.values.listen) throw new CliError('--listen IP:PORT is required', 2);
  const listen = parseSocketAddress(args.values.listen, '--listen', { allowZero: true });
  const rrlRate = count(args.values['rrl-rate'], '--rrl-rate', DEFAULT_RRL_RATE);
  const rrlSlip = count(args.values['rrl-slip'], '--rrl-slip', DEFAULT_RRL_SLIP);
  const tcpTotalTimeoutMs = seconds(
    args.values['tcp-lifetime'],
    '--tcp-lifetime',
    TCP_TOTAL_TIMEOUT_MS,
  );
  const zones = loadZoneFiles(files);
  let server;
  try {
    server = await startDnsServer({
      ...listen,
      server: new AuthoritativeServer(zones),
      log: (line) => out(line),
      logQueries: args.switches.has('log-queries'),
      rrlRate,
      rrlSlip,
      tcpTotalTimeoutMs,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CliError(`cannot listen on ${formatSocketAddress(listen)}: ${code}`);
  }
  // The signal handlers go in before the "listening" line: whoever waits for that line may
  // signal at once, and a SIGTERM that found no handler would kill the process instead.
  const stopped = untilStopSignal();
  const origins = zones.map((z) => z.origin.toString()).join(', ');
  const rrl = rrlRate > 0 ? `rrl ${rrlRate}/s slip ${rrlSlip}` : 'rrl off';
  out(`listening on ${formatSocketAddress(server)} (zones: ${origins}; ${rrl})`);
  await stopped;
  await server.close();
  err('stopped');
  return 0;
}
