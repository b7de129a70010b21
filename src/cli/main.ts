/**
 * The Wirestep CLI: `npm run --silent cli -- <protocol> <command> [options]`.
 * Real sockets (TCP for TLS, UDP/TCP for DNS) around the same engine the browser runs.
 * Exit 0 on success; otherwise one line naming the alert or rcode and the reason. Never a stack trace.
 */
import { CliError, parseArgs } from './args';
import { COMMANDS, usage } from './commands';
// A peer on the network may speak TLS 1.3 in any hello, and the probe reads hellos at once.
import '../engine/tls/tls13/install';

async function main(argv: string[]): Promise<number> {
  const [protocol, command, ...rest] = argv;
  if (!protocol || protocol === '--help' || protocol === 'help') {
    process.stdout.write(usage());
    return protocol ? 0 : 2;
  }
  // `capture FILE` has no subcommand: what follows the word is its arguments.
  const single = COMMANDS.find((c) => c.protocol === protocol && c.command === '');
  if (single) return single.run(parseArgs(argv.slice(1), single.spec));
  const entry = COMMANDS.find((c) => c.protocol === protocol && c.command === command);
  if (!entry)
    throw new CliError(
      `unknown command '${[protocol, command].filter(Boolean).join(' ')}'; try --help`,
      2,
    );
  const args = parseArgs(rest, entry.spec);
  return entry.run(args);
}

// A reader that went away (`tls serve | head -1`) ends the command quietly, as SIGPIPE ends a C
// program: Node ignores SIGPIPE, and the failed write would surface as an unhandled 'error' event
// with a stack trace. Any other output error is one line.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE')
    process.stderr.write(`error: cannot write the output: ${e.code ?? e.message}\n`);
  process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : 1);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`error: ${message.split('\n')[0]}\n`);
    process.exitCode = e instanceof CliError ? e.exitCode : 1;
  },
);
