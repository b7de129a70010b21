/**
 * Reading an NSS key log (the SSLKEYLOGFILE format of NSS, OpenSSL, curl and browsers): lines
 * "<LABEL> <client_random hex> <secret hex>", comments starting with "#". TLS 1.2 logs
 * CLIENT_RANDOM (the master secret); TLS 1.3 logs the traffic secrets by name
 * (CLIENT_HANDSHAKE_TRAFFIC_SECRET, SERVER_TRAFFIC_SECRET_0, …).
 */
import { fromHex, toHex } from '../bytes/hex';

/** client_random (hex, lower case) → label → secret. */
export type KeyLog = Map<string, Map<string, Uint8Array>>;

export function parseKeyLog(text: string, into: KeyLog = new Map()): KeyLog {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [label, random, secret] = line.split(/\s+/);
    if (!label || !random || !secret || random.length !== 64) continue;
    if (!/^[0-9a-fA-F]+$/.test(random) || !/^[0-9a-fA-F]+$/.test(secret)) continue;
    if (secret.length % 2 !== 0) continue;
    const key = random.toLowerCase();
    let entry = into.get(key);
    if (!entry) into.set(key, (entry = new Map()));
    entry.set(label, fromHex(secret));
  }
  return into;
}

export function keyLogSecret(log: KeyLog, clientRandom: Uint8Array, label: string) {
  return log.get(toHex(clientRandom))?.get(label);
}
