/**
 * The NSS key log format that Wireshark, curl and browsers share (SSLKEYLOGFILE): for TLS 1.2, one
 * line per session, "CLIENT_RANDOM <client_random hex> <master_secret hex>". With it Wireshark
 * derives the record keys itself and decrypts the capture.
 */
import { toHex } from '../bytes/hex';
import type { Trace } from '../trace';

export function keyLogLine(clientRandom: Uint8Array, masterSecret: Uint8Array): string {
  if (clientRandom.length !== 32) throw new RangeError('clientRandom must be 32 bytes');
  if (masterSecret.length !== 48) throw new RangeError('masterSecret must be 48 bytes');
  return `CLIENT_RANDOM ${toHex(clientRandom)} ${toHex(masterSecret)}\n`;
}

/**
 * Every session's line, from the trace alone: each `key_block` secret event names the
 * master_secret and the client_random it was expanded from (RFC 5246, Section 6.3), full and
 * resumed handshakes alike. Both ends log the same session; it is written once.
 */
export function traceKeyLog(trace: Trace): string {
  const lines = new Map<string, string>();
  for (const e of trace.events) {
    if (e.kind !== 'secret' || e.name !== 'key_block') continue;
    const input = (name: string) => e.inputs.find((i) => i.name === name)?.value;
    const master = input('master_secret');
    const random = input('client_random');
    if (!(master instanceof Uint8Array) || !(random instanceof Uint8Array)) continue;
    const key = toHex(random);
    if (!lines.has(key)) lines.set(key, keyLogLine(random, master));
  }
  return [...lines.values()].join('');
}
