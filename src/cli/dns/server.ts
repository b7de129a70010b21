/**
 * An authoritative DNS server on real sockets: UDP and TCP on the same address and port
 * (RFC 1035 §4.2; RFC 7766 requires TCP of every server). Answers come from `respond`; each query
 * gives one log line: `udp 127.0.0.1:53124 id=0x1a2b www.example.com. A -> NOERROR aa …`.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, isIPv6, type Server as TcpServer, type Socket } from 'node:net';
import type { AuthoritativeServer } from '../../engine/dns';
import { respond, type DnsTransportKind } from './responder';
import { FrameReader, frameMessage } from './tcp-framing';

/**
 * An idle TCP connection is closed after this long. RFC 7766 §6.2.3 asks for "a few seconds" at
 * most between queries for a server under load; 10 s leaves room for a slow test client.
 */
export const TCP_IDLE_TIMEOUT_MS = 10_000;
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
}

export async function startDnsServer(opts: DnsServerOptions): Promise<DnsSocketServer> {
  const attempts = opts.port === 0 ? FREE_PORT_ATTEMPTS : 1;
  for (let attempt = 1; ; attempt++) {
    const tcp = createTcp(opts);
    const tcpPort = await listenTcp(tcp, opts.host, opts.port);
    const udp = createUdp(opts);
    try {
      await bindUdp(udp, opts.host, tcpPort);
    } catch (e) {
      closeQuietly(udp);
      await closeTcp(tcp);
      // The OS found a TCP port whose UDP twin is taken: try another.
      if (attempt < attempts && (e as NodeJS.ErrnoException).code === 'EADDRINUSE') continue;
      throw e;
    }
    // Once bound, a failed send (a vanished client) is logged and must not stop the server.
    udp.on('error', (e) => opts.log(`udp error: ${e.message}`));
    return {
      host: opts.host,
      port: tcpPort,
      close: async () => {
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
  peer: string,
) {
  const reply = respond(opts.server, query, transport);
  opts.log(`${transport} ${peer} ${reply.log}`);
  return reply.bytes;
}

function createUdp(opts: DnsServerOptions): UdpSocket {
  const udp = createSocket({ type: isIPv6(opts.host) ? 'udp6' : 'udp4' });
  udp.on('message', (msg, rinfo) => {
    const peer = peerText(rinfo.address, rinfo.port);
    const bytes = answer(opts, new Uint8Array(msg), 'udp', peer);
    if (bytes) udp.send(bytes, rinfo.port, rinfo.address);
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
  const server = createServer((socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
    serveConnection(opts, socket);
  });
  return { server, connections };
}

/** RFC 7766 §6.2.1: answer every query on the connection, in order, until the client closes. */
function serveConnection(opts: DnsServerOptions, socket: Socket): void {
  const peer = peerText(socket.remoteAddress ?? '?', socket.remotePort ?? 0);
  const frames = new FrameReader();
  socket.setTimeout(TCP_IDLE_TIMEOUT_MS, () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    for (const query of frames.push(new Uint8Array(chunk))) {
      const bytes = answer(opts, query, 'tcp', peer);
      if (bytes) socket.write(frameMessage(bytes));
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
