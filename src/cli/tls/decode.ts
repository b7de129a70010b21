/** `tls decode HEX|-`: one or more TLS records, as an annotated field tree. */
import { renderSpanTree } from '../../engine/bytes/render';
import { decodeTlsRecords } from '../../engine/tls/decode';
import { CliError, type Args } from '../args';
import type { Command } from '../command';
import { readHexBytes } from '../hex-input';
import { out } from '../output';

export const decodeCommand: Command = {
  protocol: 'tls',
  command: 'decode',
  synopsis: 'HEX|-   (records as hex; - reads hex from stdin)',
  spec: { positional: ['hex'], values: [], switches: [] },
  run,
};

async function run(args: Args): Promise<number> {
  const bytes = await readHexBytes(args.positional.hex!);
  let decoded;
  try {
    decoded = decodeTlsRecords(bytes);
  } catch (e) {
    throw new CliError(`decode_error: ${e instanceof Error ? e.message : String(e)}`);
  }
  out(renderSpanTree(decoded.spans, bytes));
  return 0;
}
