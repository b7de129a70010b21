/** Reading certificates and keys from PEM files for the CLI, with one-line errors. */
import { readFileSync } from 'node:fs';
import { pemToDerList } from '../../engine/tls/certificates/pem';
import { CliError } from '../args';

export function readPemFile(
  path: string,
  what: string,
  only?: 'CERTIFICATE' | 'PRIVATE KEY',
): Uint8Array[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(
      `cannot read ${what} '${path}': ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  let ders: Uint8Array[];
  try {
    ders = pemToDerList(text, only);
  } catch (e) {
    throw new CliError(
      `bad PEM in ${what} '${path}': ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (ders.length === 0) throw new CliError(`no ${only ?? 'PEM'} blocks in ${what} '${path}'`);
  return ders;
}
