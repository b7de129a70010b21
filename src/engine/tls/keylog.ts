/**
 * The NSS key log format that Wireshark, curl and browsers share (SSLKEYLOGFILE): for TLS 1.2, one
 * line per session, "CLIENT_RANDOM <client_random hex> <master_secret hex>". With it Wireshark
 * derives the record keys itself and decrypts the capture.
 */
import { toHex } from '../bytes/hex';
import type { Trace } from '../trace';
import type { Negotiated, Tls13KeyLogLabel } from './context';

/**
 * The TLS 1.3 labels in the order a handshake makes them. With the handshake and application
 * traffic secrets Wireshark decrypts every record (the NSS format, as OpenSSL's
 * SSL_CTX_set_keylog_callback and Firefox write it).
 */
export const TLS13_KEYLOG_LABELS: readonly Tls13KeyLogLabel[] = [
  'CLIENT_HANDSHAKE_TRAFFIC_SECRET',
  'SERVER_HANDSHAKE_TRAFFIC_SECRET',
  'CLIENT_TRAFFIC_SECRET_0',
  'SERVER_TRAFFIC_SECRET_0',
  'EXPORTER_SECRET',
];

/** The trace's secret event names (tls13/schedule.ts) for each TLS 1.3 key log label. */
export const TLS13_KEYLOG_SECRET_NAMES: Readonly<Record<Tls13KeyLogLabel, string>> = {
  CLIENT_HANDSHAKE_TRAFFIC_SECRET: 'client_handshake_traffic_secret',
  SERVER_HANDSHAKE_TRAFFIC_SECRET: 'server_handshake_traffic_secret',
  CLIENT_TRAFFIC_SECRET_0: 'client_application_traffic_secret_0',
  SERVER_TRAFFIC_SECRET_0: 'server_application_traffic_secret_0',
  EXPORTER_SECRET: 'exporter_master_secret',
};

/** "<LABEL> <client_random hex> <secret hex>", one line per TLS 1.3 secret known. */
export function tls13KeyLogLines(
  clientRandom: Uint8Array,
  secrets: Partial<Record<Tls13KeyLogLabel, Uint8Array>>,
): string {
  if (clientRandom.length !== 32) throw new RangeError('clientRandom must be 32 bytes');
  return TLS13_KEYLOG_LABELS.filter((label) => secrets[label] !== undefined)
    .map((label) => `${label} ${toHex(clientRandom)} ${toHex(secrets[label]!)}\n`)
    .join('');
}

/** The key log lines for one connection, TLS 1.2 or 1.3, or '' when they are not known. */
export function negotiatedKeyLog(n: Negotiated): string {
  if (!n.clientRandom) return '';
  if (n.tls13Secrets) return tls13KeyLogLines(n.clientRandom, n.tls13Secrets);
  return n.masterSecret ? keyLogLine(n.clientRandom, n.masterSecret) : '';
}

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
