/** The NSS key log format Wireshark reads: "CLIENT_RANDOM <client_random hex> <master_secret hex>". */
import { appendFileSync } from 'node:fs';
import { toHex } from '../../engine/bytes/hex';

export function keyLogLine(clientRandom: Uint8Array, masterSecret: Uint8Array): string {
  return `CLIENT_RANDOM ${toHex(clientRandom)} ${toHex(masterSecret)}\n`;
}

export function appendKeyLog(
  file: string,
  clientRandom: Uint8Array | undefined,
  masterSecret: Uint8Array | undefined,
): void {
  if (clientRandom && masterSecret) appendFileSync(file, keyLogLine(clientRandom, masterSecret));
}
