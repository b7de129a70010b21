/** `dns decode HEX|-`: one DNS message as an annotated field tree. */
import { DecodeError } from '../../engine/bytes';
import { renderSpanTree } from '../../engine/bytes/render';
import { decodeMessage } from '../../engine/dns';
import { CliError, type Args } from '../args';
import type { Command } from '../command';
import { readHexBytes } from '../hex-input';
import { out } from '../output';

export const decodeCommand: Command = {
  protocol: 'dns',
  command: 'decode',
  synopsis: 'HEX|-   (one message as hex; - reads hex from stdin)',
  spec: { positional: ['hex'], values: [], switches: [] },
  run,
};

async function run(args: Args): Promise<number> {
  const bytes = await readHexBytes(args.positional.hex!);
  let decoded;
  try {
    decoded = decodeMessage(bytes);
  } catch (e) {
    // What a server would answer to such a message (RFC 1035 §4.1.1), and where it went wrong.
    if (e instanceof DecodeError) throw new CliError(`FORMERR: ${e.reason} at offset ${e.offset}`);
    throw e;
  }
  out(renderSpanTree(decoded.spans, bytes));
  return 0;
}
