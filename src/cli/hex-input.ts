/** Hex from the argument, or from stdin when the argument is "-", as bytes; bad hex is a one-line error. */
import { fromHex } from '../engine/bytes/hex';
import { CliError } from './args';

export async function readHexBytes(arg: string): Promise<Uint8Array> {
  let text = arg;
  if (arg === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    text = Buffer.concat(chunks).toString('utf8');
  }
  let bytes: Uint8Array;
  try {
    bytes = fromHex(text.trim());
  } catch (e) {
    throw new CliError(`bad hex input: ${e instanceof Error ? e.message : String(e)}`, 2);
  }
  if (bytes.length === 0) throw new CliError('no bytes to decode', 2);
  return bytes;
}
