/**
 * An authoritative DNS server on real sockets: UDP and TCP on the same address and port
 * (RFC 1035 §4.2; RFC 7766 requires TCP of every server). Answers come from `respond`. With
 * `logQueries` each query gives one log line (`udp 127.0.0.1:53124 id=0x1a2b www.example.com. A
 * -> NOERROR aa …`); without it only malformed queries, failures, rate limiting and closed TCP
 * connections are logged, one line each.
 *
 * The hostile cases are bounded: UDP responses are rate-limited per source prefix before the
 * query is even decoded (rate-limit.ts); a TCP connection must deliver a whole query within an
 * idle deadline and is closed after a total deadline whatever it does; at most
 * MAX_TCP_CONNECTIONS are open at once; a client that sends queries without reading its answers
 * stops being read.
 */
import { createSocket, type RemoteInfo, type Socket as UdpSocket } from 'node:dgram';
import { createServer, isIPv6, type Server as TcpServer, type Socket } from 'node:net';
import type { AuthoritativeServer } from '../../engine/dns';
import { RateLimiter, slipResponse } from './rate-limit';
import { respond, type DnsTransportKind } from './responder';
import { FrameReader, frameMessage } from './tcp-framing';

/**
 * A TCP connection that has not delivered a whole query for this long is closed. RFC 7766 §6.2.3
 * asks for "a few seconds" at most between queries for a server under load; 10 s leaves room for
 * a slow test client. Only whole queries count, so a client dripping a byte at a time cannot keep
 * the connection open (BIND's tcp-initial-timeout and tcp-idle-timeout default to 30 s).
 */
export const TCP_IDLE_TIMEOUT_MS = 10_000;
/**
 * A TCP connection is closed this long after it was accepted, however busy: NSD's tcp-timeout
 * default (120 s).
 */
export const TCP_TOTAL_TIMEOUT_MS = 120_000;
/** Concurrent TCP connections: NSD's tcp-count default (100; BIND's tcp-clients is 150). */
export const MAX_TCP_CONNECTIONS = 100;
/**
 * Bytes of answers queued for a TCP client before its socket stops being read, until they drain
 * (RFC 7766 §6.2.1.1 lets a server bound its pipelining). 64 answers of the largest size.
 */
const TCP_WRITE_BACKLOG = 64 * 0xffff;
/**
 * UDP answers remembered by query bytes (after the ID). The zones do not change while the server
 * runs, so the same question with the same flags and EDNS always gets the same bytes back; a hit
 * skips decoding, lookup and encoding. Bounded, oldest out first.
 */
const PACKET_CACHE_ENTRIES = 10_000;
/** Only queries this short are remembered: a question and an OPT record fit easily. */
const PACKET_CACHE_MAX_QUERY = 512;
/** The UDP socket's receive buffer asked for: 4 MiB (NSD and BIND ask for more; Linux caps it). */
const UDP_RECEIVE_BUFFER = 4 * 1024 * 1024;
/** How often limited prefixes that went quiet get their closing log line. */
const RRL_SWEEP_MS = 1_000;
/** How many times to look for a port free for both UDP and TCP when asked for port 0. */
const FREE_PORT_ATTEMPTS = 20;

export interface DnsSocketServer {
  host: string;
  port: number;
  close(): Promise<void>;
}

export interface DnsServerOptions {
  host: string;
  /** 0 picks a port that is free for both UDP and TCP. */
  port: number;
  server: AuthoritativeServer;
  log(line: string): void;
  /** One line per query (off by default: a busy server would write gigabytes). */
  logQueries?: boolean;
  /** UDP responses a second per source prefix; 0 turns rate limiting off. */
  rrlRate: number;
  /** Every how many limited queries one gets a truncated answer; 0 never. */
  rrlSlip: number;
  /** Overrides for the TCP bounds above (tests use shorter ones). */
  tcpIdleTimeoutMs?: number;
  tcpTotalTimeoutMs?: number;
  maxTcpConnections?: number;
}

export async function startDnsServer(opts: DnsServerOptions): Promise<DnsSocketServer> {
  const attempts = opts.port === 0 ? FREE_PORT_ATTEMPTS : 1;
  for (let attempt = 1; ; attempt++) {
    const tcp = createTcp(opts);
    const tcpPort = await listenTcp(tcp, opts.host, opts.port);
    const limiter = new RateLimiter({ rate: opts.rrlRate, slip: opts.rrlSlip, log: opts.log });
    const udp = createUdp(opts, limiter);
    try {
      await bindUdp(udp, opts.host, tcpPort);
    } catch (e) {
      closeQuietly(udp);
      await closeTcp(tcp);
      // The OS found a TCP port whose UDP twin is taken: try another.
      if (attempt < attempts && (e as NodeJS.ErrnoException).code === 'EADDRINUSE') continue;
      throw e;
    }
    try {
      // Room for a burst while the event loop is busy, so a flood's packets and other clients'
      // wait in line instead of being dropped by the kernel (Linux caps it at rmem_max).
      udp.setRecvBufferSize(UDP_RECEIVE_BUFFER);
    } catch {
      // The system default stays.
    }
    // Once bound, a failed send (a vanished client) is logged and must not stop the server.
    udp.on('error', (e) => opts.log(`udp error: ${e.message}`));
    const sweeper = limiter.enabled ? setInterval(() => limiter.sweep(), RRL_SWEEP_MS) : undefined;
    sweeper?.unref();
    return {
      host: opts.host,
      port: tcpPort,
      close: async () => {
        clearInterval(sweeper);
        limiter.flush();
        await Promise.all([closeTcp(tcp), new Promise<void>((r) => udp.close(() => r()))]);
      },
    };
  }
}

function peerText(address: string, port: number): string {
  return isIPv6(address) ? `[${address}]:${port}` : `${address}:${port}`;
}

function answer(
  opts: DnsServerOptions,
  query: Uint8Array,
  transport: DnsTransportKind,
  peer: () => string,
) {
  const reply = respond(opts.server, query, transport);
  if (opts.logQueries || reply.error) opts.log(`${transport} ${peer()} ${reply.log()}`);
  return reply;
}

interface CachedAnswer {
  /** The response with its ID bytes still those of the first query that asked. */
  bytes: Uint8Array;
  /** The log line after the ID. */
  line: string;
}

/**
 * Answers by query bytes, in two generations of half the bound each: when the young one is full
 * it becomes the old one and the old one is dropped, and a hit in the old one moves up. Every
 * operation is O(1); evicting the oldest entry of one Map instead (delete its first key) is not,
 * since V8 leaves deleted entries in place until the next rehash and finding the first live key
 * walks over them.
 */
class PacketCache {
  private young = new Map<string, CachedAnswer>();
  private old = new Map<string, CachedAnswer>();

  get(key: string): CachedAnswer | undefined {
    const hit = this.young.get(key);
    if (hit) return hit;
    const aged = this.old.get(key);
    if (aged) this.set(key, aged);
    return aged;
  }

  set(key: string, value: CachedAnswer): void {
    if (this.young.size >= PACKET_CACHE_ENTRIES / 2) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}

function createUdp(opts: DnsServerOptions, limiter: RateLimiter): UdpSocket {
  const family = isIPv6(opts.host) ? 6 : 4;
  const udp = createSocket({
    type: family === 6 ? 'udp6' : 'udp4',
    // Every answer goes to the address a datagram came from, an IP literal already. dgram's default
    // lookup (dns.lookup) answers an IP literal only on the next tick; this one answers at once,
    // and under dnsperf that alone is about 15% more answers a second.
    lookup: (address, _options, callback) => callback(null, address, family),
  });
  const cache = new PacketCache();
  const send = (bytes: Uint8Array, rinfo: RemoteInfo) => udp.send(bytes, rinfo.port, rinfo.address);
  udp.on('message', (msg: Buffer, rinfo: RemoteInfo) => {
    // The rate limit comes first, so a flood costs as little as possible per packet.
    const decision = limiter.check(rinfo.address);
    if (decision !== 'answer') {
      if (decision === 'slip') {
        const tc = slipResponse(msg);
        if (tc) send(tc, rinfo);
      }
      return;
    }
    const key =
      msg.length >= 12 && msg.length <= PACKET_CACHE_MAX_QUERY
        ? msg.toString('latin1', 2)
        : undefined;
    const hit = key === undefined ? undefined : cache.get(key);
    if (hit) {
      const bytes = Buffer.allocUnsafe(hit.bytes.length);
      bytes.set(hit.bytes);
      bytes[0] = msg[0]!;
      bytes[1] = msg[1]!;
      send(bytes, rinfo);
      if (opts.logQueries) {
        const id = ((msg[0]! << 8) | msg[1]!).toString(16).padStart(4, '0');
        opts.log(`udp ${peerText(rinfo.address, rinfo.port)} id=0x${id}${hit.line}`);
      }
      return;
    }
    const reply = answer(opts, msg, 'udp', () => peerText(rinfo.address, rinfo.port));
    if (!reply.bytes) return;
    send(reply.bytes, rinfo);
    if (key !== undefined && !reply.error) {
      // The line is kept only when there is a query log to write it to.
      const line = opts.logQueries ? reply.log().replace(/^id=0x[0-9a-f]{4}/, '') : '';
      cache.set(key, { bytes: reply.bytes, line });
    }
  });
  return udp;
}

/** A TCP listener and the connections it has open, so closing it can end them all. */
interface TcpListener {
  server: TcpServer;
  connections: Set<Socket>;
}

function createTcp(opts: DnsServerOptions): TcpListener {
  const connections = new Set<Socket>();
  const cap = opts.maxTcpConnections ?? MAX_TCP_CONNECTIONS;
  let refusing = false;
  let refused = 0;
  const server = createServer((socket: Socket) => {
    if (connections.size >= cap) {
      // Accepted and closed at once (NSD's tcp-reject-overflow): the client learns right away.
      // One line when the cap is reached and one when it is left, not one per connection.
      refused++;
      if (!refusing) {
        refusing = true;
        opts.log(`tcp: ${cap} connections open, refusing more`);
      }
      socket.on('error', () => {});
      socket.destroy();
      return;
    }
    connections.add(socket);
    socket.once('close', () => {
      connections.delete(socket);
      if (refusing && connections.size < cap) {
        refusing = false;
        opts.log(`tcp: below ${cap} connections again (${refused} refused)`);
        refused = 0;
      }
    });
    serveConnection(opts, socket);
  });
  return { server, connections };
}

/**
 * RFC 7766 §6.2.1: answer every query on the connection, in order, until the client closes, the
 * idle deadline passes without a whole query, or the total deadline passes.
 */
function serveConnection(opts: DnsServerOptions, socket: Socket): void {
  const peer = peerText(socket.remoteAddress ?? '?', socket.remotePort ?? 0);
  const frames = new FrameReader();
  const idleMs = opts.tcpIdleTimeoutMs ?? TCP_IDLE_TIMEOUT_MS;
  const totalMs = opts.tcpTotalTimeoutMs ?? TCP_TOTAL_TIMEOUT_MS;
  let queries = 0;
  const close = (why: string) => {
    if (socket.destroyed) return;
    const pending = frames.buffered ? `, ${frames.buffered} bytes of a query pending` : '';
    opts.log(`tcp ${peer} closed: ${why} (${queries} queries answered${pending})`);
    socket.destroy();
  };
  let idle = setTimeout(() => close(`no whole query in ${idleMs / 1000} s`), idleMs);
  const total = setTimeout(() => close(`open for ${totalMs / 1000} s`), totalMs);
  socket.once('close', () => {
    clearTimeout(idle);
    clearTimeout(total);
  });
  socket.setNoDelay(true);
  socket.on('data', (chunk: Buffer) => {
    const messages = frames.push(new Uint8Array(chunk));
    if (messages.length === 0) return;
    clearTimeout(idle);
    idle = setTimeout(() => close(`no whole query in ${idleMs / 1000} s`), idleMs);
    const out: Uint8Array[] = [];
    for (const query of messages) {
      queries++;
      const { bytes } = answer(opts, query, 'tcp', () => peer);
      if (bytes) out.push(frameMessage(bytes));
    }
    // One write for all the answers to one segment's queries.
    if (out.length > 0 && !socket.destroyed)
      socket.write(out.length === 1 ? out[0]! : Buffer.concat(out));
    if (socket.writableLength > TCP_WRITE_BACKLOG) {
      socket.pause();
      socket.once('drain', () => socket.resume());
    }
  });
  socket.on('end', () => socket.end());
  socket.on('error', () => socket.destroy());
}

function listenTcp({ server }: TcpListener, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}

function bindUdp(udp: UdpSocket, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    udp.once('error', reject);
    udp.bind({ address: host, port, exclusive: true }, () => {
      udp.off('error', reject);
      resolve();
    });
  });
}

function closeTcp({ server, connections }: TcpListener): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    for (const socket of connections) socket.destroy();
  });
}

function closeQuietly(udp: UdpSocket): void {
  try {
    udp.close();
  } catch {
    // A socket that never bound may already count as closed.
  }
}
