/** `tls decode` and `dns decode` alike: hex in, an annotated field tree out, one line on failure. */
import { DecodeError } from '../engine/bytes/errors';
import { renderSpanTree } from '../engine/bytes/render';
import type { Span } from '../engine/bytes/span';
import { CliError } from './args';
import type { Command } from './command';
import { readHexBytes } from './hex-input';
import { out } from './output';

export function decodeCommand(
  protocol: Command['protocol'],
  synopsis: string,
  decode: (bytes: Uint8Array) => { spans: Span[] },
  /** The status a peer would answer with: decode_error for TLS, FORMERR for DNS. */
  failureStatus: string,
): Command {
  return {
    protocol,
    command: 'decode',
    synopsis,
    spec: { positional: ['hex'], values: [], switches: [] },
    async run(args) {
      const bytes = await readHexBytes(args.positional.hex!);
      let spans: Span[];
      try {
        spans = decode(bytes).spans;
      } catch (e) {
        if (e instanceof DecodeError)
          throw new CliError(`${failureStatus}: ${e.reason} at offset ${e.offset}`);
        throw e;
      }
      out(renderSpanTree(spans, bytes));
      return 0;
    },
  };
}
