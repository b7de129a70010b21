/**
 * Hex from the argument, or from stdin when the argument is "-", as bytes; bad hex is a one-line
 * error. The input limits (src/engine/limits.ts) apply as in the browser's Decode view: 64 KiB of
 * bytes, and stdin is not read past the text that many bytes can take.
 */
import { MAX_PASTED_BYTES, MAX_PASTED_HEX_CHARS, parsePastedHex } from '../engine/limits';
import { limitText } from '../i18n/limits.en';
import { CliError } from './args';

export async function readHexBytes(arg: string): Promise<Uint8Array> {
  let text = arg;
  if (arg === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size > MAX_PASTED_HEX_CHARS)
        throw new CliError(
          `bad hex input: more than ${MAX_PASTED_HEX_CHARS} characters on stdin; at most ${MAX_PASTED_BYTES} bytes (64 KiB) are decoded`,
          2,
        );
    }
    text = Buffer.concat(chunks).toString('utf8');
  }
  const parsed = parsePastedHex(text);
  if (!parsed.ok) throw new CliError(`bad hex input: ${limitText(parsed.key, parsed.params)}`, 2);
  return parsed.bytes;
}
