/**
 * `dns serve --zone FILE [--zone FILE …] --listen IP:PORT`: the engine's authoritative server on
 * real UDP and TCP sockets, so `dig @IP -p PORT name TYPE` gets its answers, referrals and
 * negative answers. One log line per query; runs until SIGINT or SIGTERM.
 */
import { untilStopSignal } from '../stop-signal';
import { AuthoritativeServer } from '../../engine/dns';
import { CliError, type Args } from '../args';
import type { Command } from '../command';
import { err, out } from '../output';
import { formatSocketAddress, parseSocketAddress } from './addresses';
import { startDnsServer } from './server';
import { loadZoneFiles } from './zone-files';

export const serveCommand: Command = {
  protocol: 'dns',
  command: 'serve',
  synopsis: '--zone FILE [--zone FILE ...] --listen IP:PORT   (port 0 picks a free port)',
  spec: { positional: [], values: ['listen'], repeatable: ['zone'], switches: [] },
  run,
};

async function run(args: Args): Promise<number> {
  const files = args.lists.zone ?? [];
  if (files.length === 0) throw new CliError('at least one --zone FILE is required', 2);
  if (!args.values.listen) throw new CliError('--listen IP:PORT is required', 2);
  const listen = parseSocketAddress(args.values.listen, '--listen', { allowZero: true });
  const zones = loadZoneFiles(files);
  let server;
  try {
    server = await startDnsServer({
      ...listen,
      server: new AuthoritativeServer(zones),
      log: (line) => out(line),
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CliError(`cannot listen on ${formatSocketAddress(listen)}: ${code}`);
  }
  // The signal handlers go in before the "listening" line: whoever waits for that line may
  // signal at once, and a SIGTERM that found no handler would kill the process instead.
  const stopped = untilStopSignal();
  const origins = zones.map((z) => z.origin.toString()).join(', ');
  out(`listening on ${formatSocketAddress(server)} (zones: ${origins})`);
  await stopped;
  await server.close();
  err('stopped');
  return 0;
}
