/**
 * `scenario run ID [--preset P] [--seed S] [--trace FILE] [--pcap FILE --keylog FILE]`: any
 * scenario of the app's picker, run headless with the same settings and seed, so it gives the same
 * bytes as the app. One line per message, then the status line the app shows. `--trace` writes the
 * file the app's Import trace opens; `--pcap` and `--keylog` what its Download pcap and key log
 * write. Exit 0 when the run ended as it should, 1 when it failed (its last line says why).
 */
import { writeFileSync } from 'node:fs';
import { traceToPcap } from '../../engine/export/trace-pcap';
import { traceToJson } from '../../engine/scenarios/trace-json';
import { traceKeyLog } from '../../engine/tls/keylog';
import { CliError, type Args } from '../args';
import type { Command } from '../command';
import { out } from '../output';
import { messageLines, runHeadless, scenarioList } from './headless';

export const runCommand: Command = {
  protocol: 'scenario',
  command: 'run',
  synopsis: 'ID [--preset P] [--seed S] [--trace FILE] [--pcap FILE --keylog FILE]',
  spec: { positional: ['id'], values: ['preset', 'seed', 'trace', 'pcap', 'keylog'], switches: [] },
  run,
};

export const listCommand: Command = {
  protocol: 'scenario',
  command: 'list',
  synopsis: '',
  spec: { positional: [], values: [], switches: [] },
  async run() {
    for (const s of scenarioList())
      out(`${s.id.padEnd(28)} ${s.title}${s.presets.length ? `  [${s.presets.join(', ')}]` : ''}`);
    return 0;
  },
};

function write(file: string, data: string | Uint8Array): void {
  try {
    writeFileSync(file, data);
  } catch (e) {
    throw new CliError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
}

async function run(args: Args): Promise<number> {
  const { preset, seed, trace: traceFile, pcap, keylog } = args.values;
  if ((pcap === undefined) !== (keylog === undefined))
    throw new CliError('--pcap and --keylog go together', 2);
  const { settings, outcome } = await runHeadless(args.positional['id']!, preset, seed);
  for (const line of messageLines(outcome)) out(line);
  const { trace, phases } = outcome;
  const messages = trace.events.filter((e) => e.kind === 'message').length;
  // A run that stopped before its first message (a zone file that does not parse) has nothing to
  // draw, and Import trace refuses such a file.
  if (traceFile !== undefined && messages === 0) out(`no messages: ${traceFile} not written`);
  if (traceFile !== undefined && messages > 0) {
    write(traceFile, traceToJson({ scenarioId: args.positional['id']!, settings, trace, phases }));
    out(`wrote ${traceFile}`);
  }
  if (pcap !== undefined && keylog !== undefined) {
    const capture = traceToPcap(trace, settings.seed);
    write(pcap, capture.file);
    write(keylog, traceKeyLog(trace));
    out(`wrote ${capture.frames} frames to ${pcap} and the key log to ${keylog}`);
  }
  if (!outcome.ok) {
    out(`error: ${outcome.error ?? 'the run did not complete'}`);
    return 1;
  }
  out(`ok: ${outcome.summary}`);
  return 0;
}
