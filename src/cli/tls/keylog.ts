/** Appends NSS key log lines (src/engine/tls/keylog.ts) to a file, for `tls connect --keylog`. */
import { appendFileSync } from 'node:fs';
import { keyLogLine } from '../../engine/tls/keylog';

export { keyLogLine };

export function appendKeyLog(
  file: string,
  clientRandom: Uint8Array | undefined,
  masterSecret: Uint8Array | undefined,
): void {
  if (clientRandom && masterSecret) appendFileSync(file, keyLogLine(clientRandom, masterSecret));
}
