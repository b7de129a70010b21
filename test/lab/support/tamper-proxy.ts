/**
 * A TCP proxy on loopback that changes one byte of one TLS record in one direction, the way the
 * lab's onWire hook does in memory, so a real OpenSSL peer meets the same tampering. It counts
 * whole records (5-byte header + length) as they pass and never changes anything else.
 */
import { connect, createServer, type Socket } from 'node:net';
import { closeServer, listenOnFreePort } from '../../tls/support/peers';

export interface TamperRule {
  direction: 'client-to-server' | 'server-to-client';
  /** Which record in that direction, from 0. */
  record: number;
  /** Which byte of it, from the first byte of its header. */
  offset: number;
  mask: number;
}

export interface TamperProxy {
  port: number;
  /** The bytes before and after, once the rule has fired. */
  changed?: { before: number; after: number };
  close(): Promise<void>;
}

const RECORD_HEADER = 5;

/** Splits a byte stream into records and applies `rule` to the chosen one. */
function recordTamperer(rule: TamperRule, onChange: (before: number, after: number) => void) {
  let pending = Buffer.alloc(0);
  let seen = 0;
  return (chunk: Buffer): Buffer => {
    pending = Buffer.concat([pending, chunk]);
    const out: Buffer[] = [];
    while (pending.length >= RECORD_HEADER) {
      const total = RECORD_HEADER + pending.readUInt16BE(3);
      if (pending.length < total) break;
      const record = Buffer.from(pending.subarray(0, total));
      pending = pending.subarray(total);
      if (seen++ === rule.record && rule.offset < record.length) {
        const before = record[rule.offset]!;
        record[rule.offset] = before ^ rule.mask;
        onChange(before, record[rule.offset]!);
      }
      out.push(record);
    }
    return Buffer.concat(out);
  };
}

export async function startTamperProxy(
  upstreamPort: number,
  rule: TamperRule,
): Promise<TamperProxy> {
  const sockets: Socket[] = [];
  const proxy: TamperProxy = { port: 0, close: async () => {} };
  const server = createServer((downstream) => {
    const upstream = connect({ host: '127.0.0.1', port: upstreamPort });
    sockets.push(downstream, upstream);
    const note = (before: number, after: number): void => {
      proxy.changed = { before, after };
    };
    const up =
      rule.direction === 'client-to-server' ? recordTamperer(rule, note) : (b: Buffer) => b;
    const down =
      rule.direction === 'server-to-client' ? recordTamperer(rule, note) : (b: Buffer) => b;
    downstream.on('data', (chunk: Buffer) => upstream.write(up(chunk)));
    upstream.on('data', (chunk: Buffer) => downstream.write(down(chunk)));
    downstream.on('end', () => upstream.end());
    upstream.on('end', () => downstream.end());
    downstream.on('error', () => upstream.destroy());
    upstream.on('error', () => downstream.destroy());
  });
  proxy.port = await listenOnFreePort(server);
  proxy.close = async () => {
    for (const s of sockets) s.destroy();
    await closeServer(server);
  };
  return proxy;
}
