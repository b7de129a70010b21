/** Reading certificates and keys from PEM files for the CLI, with one-line errors. */
import { readFileSync } from 'node:fs';
import { pemToDerList } from '../../engine/tls/certificates/pem';
import { CliError } from '../args';

export function readPemFile(path: string, what: string): Uint8Array[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${what} '${path}': ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const ders = pemToDerList(text);
  if (ders.length === 0) throw new CliError(`no PEM blocks in ${what} '${path}'`);
  return ders;
}
