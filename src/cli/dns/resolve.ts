/**
 * `dns resolve NAME [TYPE] --root IP[:PORT] [--port N] [--verbose] [--trace FILE]`: the engine's
 * iterative resolver over real UDP (TCP after a truncated answer), starting at the given root
 * server. Prints a dig-like status and the answer; `--verbose` prints every query and response as
 * it happens; `--trace FILE` writes the resolution's Trace in the app's trace JSON (Import trace),
 * as `tls connect --trace FILE` does for a handshake.
 * Exit 0 for NOERROR (NODATA included), 1 for NXDOMAIN and SERVFAIL.
 */
import {
  DelegationCache,
  IterativeResolver,
  LookupInputError,
  MAX_CACHE_TTL,
  MAX_NEGATIVE_CACHE_TTL,
  Name,
  RecordCache,
  parseQuestion,
  type Question,
  type ResolveResult,
} from '../../engine/dns';
import { writeFileSync } from 'node:fs';
import { DNS_QUERY_TYPES } from '../../engine/scenarios/catalog';
import { realTraceFile, traceToJson } from '../../engine/scenarios/trace-json';
import { SystemRng } from '../../engine/sim/rng';
import type { TraceEvent } from '../../engine/trace';
import { CliError, parsePort, type Args } from '../args';
import type { Command } from '../command';
import { err, out } from '../output';
import { parseSocketAddress } from './addresses';
import { recordLine, traceLine, transportLine } from './resolve-output';
import { SocketTransport } from './socket-transport';

export const resolveCommand: Command = {
  protocol: 'dns',
  command: 'resolve',
  synopsis: 'NAME [TYPE] --root IP[:PORT] [--port N] [--verbose] [--trace FILE]',
  spec: {
    positional: ['name', 'type?'],
    values: ['root', 'port', 'trace'],
    switches: ['verbose'],
  },
  run,
};

/** DNS servers listen on port 53 (RFC 1035 §4.2.1). */
export const DNS_PORT = 53;
/** The root server given on the command line has no name of its own; the trace calls it this. */
export const ROOT_HINT_NAME = Name.parse('root-hint');
/** A one-shot resolution needs few entries; the bound only guards against a hostile walk. */
const CACHE_ENTRIES = 10_000;

async function run(args: Args): Promise<number> {
  let question: Question;
  try {
    question = parseQuestion(args.positional.name!, args.positional.type ?? 'A');
  } catch (e) {
    if (e instanceof LookupInputError) throw new CliError(e.message, 2);
    throw e;
  }
  if (!args.values.root) throw new CliError('--root IP[:PORT] is required', 2);
  const referralPort = parsePort(args.values.port, 'port') ?? DNS_PORT;
  const root = parseSocketAddress(args.values.root, '--root', { defaultPort: referralPort });
  const printing = args.switches.has('verbose');
  const traceFile = args.values.trace;
  // `--trace` once was the switch that prints each step; a flag where its file should be is that.
  if (traceFile?.startsWith('--'))
    throw new CliError(
      `--trace needs a FILE, got '${traceFile}' (--verbose prints each step as it happens)`,
      2,
    );
  const tracing = printing || traceFile !== undefined;
  const recorded: TraceEvent[] = [];

  const transport = new SocketTransport({
    portFor: (address) => (address === root.host ? root.port : referralPort),
    ...(printing ? { onEvent: (e) => out(transportLine(e)) } : {}),
  });
  const resolver = new IterativeResolver({
    transport,
    rootHints: [{ name: ROOT_HINT_NAME, address: root.host }],
    rng: new SystemRng(),
    caches: {
      responses: new RecordCache('response cache', {
        maxTtl: MAX_CACHE_TTL,
        maxNegativeTtl: MAX_NEGATIVE_CACHE_TTL,
        maxEntries: CACHE_ENTRIES,
      }),
      delegations: new DelegationCache('delegation cache'),
    },
    ...(tracing
      ? {
          trace: {
            lane: 'Recursive resolver',
            sink: {
              push: (event) => {
                if (traceFile !== undefined) recorded.push(event);
                if (!printing) return;
                const line = traceLine(event, transport.portFor);
                if (line !== undefined) out(line);
              },
            },
          },
        }
      : {}),
  });
  const started = Date.now();
  const { result, queries, at } = await resolver.resolve(question, started);
  printResult(result);
  out(`;; ${queries} ${queries === 1 ? 'query' : 'queries'} in ${at - started} ms`);
  if (traceFile !== undefined) writeTraceFile(traceFile, question, recorded, args);
  switch (result.kind) {
    case 'answer':
    case 'nodata':
      return 0;
    case 'nxdomain':
      err(`error: NXDOMAIN: ${result.question.name} does not exist`);
      return 1;
    case 'servfail':
      err(`error: SERVFAIL: ${result.reason}`);
      return 1;
  }
}

/**
 * The resolution as the app's trace file. Its lanes are the actors in the order they first appear:
 * the resolver, then each server it asked.
 */
function writeTraceFile(file: string, question: Question, events: TraceEvent[], args: Args): void {
  if (!events.some((e) => e.kind === 'message')) {
    out(`no messages: ${file} not written`);
    return;
  }
  const lanes: string[] = [];
  const add = (lane: string): void => {
    if (!lanes.includes(lane)) lanes.push(lane);
  };
  for (const e of events) {
    if ('lane' in e) add(e.lane);
    if ('from' in e) add(e.from);
    if ('to' in e) add(e.to);
  }
  const name = question.name.toString().replace(/\.$/, '') || '.';
  const type = DNS_QUERY_TYPES.find((t) => t === args.positional.type?.toUpperCase()) ?? 'A';
  const label = [
    'dns resolve',
    args.positional.name,
    args.positional.type,
    '--root',
    args.values.root,
  ]
    .filter((part) => part !== undefined)
    .join(' ');
  const json = traceToJson(realTraceFile({ kind: 'dns', name, type }, label, { lanes, events }));
  try {
    writeFileSync(file, json);
  } catch (e) {
    throw new CliError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  out(`wrote ${file}`);
}

function printResult(result: ResolveResult): void {
  const status = {
    answer: 'NOERROR',
    nodata: 'NOERROR',
    nxdomain: 'NXDOMAIN',
    servfail: 'SERVFAIL',
  };
  out(`;; status: ${status[result.kind]}${result.kind === 'nodata' ? ' (no data)' : ''}`);
  const q = result.question;
  out(';; QUESTION SECTION:');
  out(`;${recordLine({ name: q.name, class: q.class, type: q.type })}`);
  const answers = result.kind === 'answer' ? result.records : result.chain;
  if (answers.length > 0) {
    out('');
    out(';; ANSWER SECTION:');
    for (const rr of answers) out(recordLine(rr));
  }
  if ((result.kind === 'nodata' || result.kind === 'nxdomain') && result.soa) {
    out('');
    out(';; AUTHORITY SECTION:');
    out(recordLine(result.soa));
  }
  out('');
}
