/**
 * `capture FILE [--keylog FILE] [--json]`: a pcap or pcapng file read as Wirestep runs, one line
 * per message grouped by connection; with a key log, the protected records decrypted. Exit 0
 * when the file was read (a damaged one too: what was read is printed, and where reading stopped).
 */
import { readFile, stat } from 'node:fs/promises';
import {
  CaptureFileError,
  MAX_CAPTURE_BYTES,
  captureSummary,
  openCapture,
} from '../../engine/capture';
import { CliError } from '../args';
import type { Command } from '../command';
import { err, out } from '../output';

async function readInput(path: string, what: string, limit: number): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.size > limit)
      throw new CliError(
        `${path}: the ${what} is ${info.size} bytes; the limit is ${limit} (64 MiB)`,
      );
    return new Uint8Array(await readFile(path));
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${path}: cannot read the ${what} (${code ?? 'error'})`);
  }
}

export const captureCommand: Command = {
  protocol: 'capture',
  command: '',
  synopsis: 'FILE [--keylog FILE] [--json]   (a .pcap or .pcapng file, with an NSS key log)',
  spec: { positional: ['file'], values: ['keylog'], switches: ['json'] },
  async run(args) {
    const path = args.positional.file!;
    const bytes = await readInput(path, 'capture', MAX_CAPTURE_BYTES);
    const keylogPath = args.values.keylog;
    const keyLog = keylogPath
      ? new TextDecoder().decode(await readInput(keylogPath, 'key log', MAX_CAPTURE_BYTES))
      : '';
    let opened;
    try {
      opened = openCapture(bytes, keyLog);
    } catch (e) {
      if (e instanceof CaptureFileError) throw new CliError(`${path}: ${e.message}`);
      throw e;
    }
    const summary = captureSummary(opened);
    if (args.switches.has('json')) {
      out(JSON.stringify(summary));
    } else {
      summary.connections.forEach((c, i) => {
        const extra = opened.connections[i]!;
        const about = [c.kind.toUpperCase(), extra.transport.toUpperCase(), extra.version]
          .filter(Boolean)
          .join(' ');
        out(`${c.client} → ${c.server} (${about})`);
        for (const m of c.messages) {
          const state = m.decrypted ? ' (decrypted)' : m.encrypted ? ' (encrypted)' : '';
          out(`  ${m.from === 'client' ? '→' : '←'} ${m.name} ${m.bytes} bytes${state}`);
        }
        for (const p of extra.problems) out(`  ! ${p}`);
      });
      if (summary.connections.length === 0) out('no TLS connection or DNS exchange in the capture');
      if (opened.unreadLinkTypes.length > 0)
        out(`! link type ${opened.unreadLinkTypes.join(', ')} is not read (LINKTYPE_ values)`);
    }
    if (opened.problem)
      err(`${path}: reading stopped at byte ${opened.problem.offset}: ${opened.problem.reason}`);
    return 0;
  },
};
