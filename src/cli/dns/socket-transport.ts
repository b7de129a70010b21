/**
 * The resolver's DnsTransport over real sockets: one UDP datagram per query from a fresh socket
 * (so a fresh random source port, RFC 5452 §4.5), the first reply from that server whose ID
 * matches, and a retry over TCP when that reply has TC set (RFC 7766 §5; RFC 1035 §4.2.1).
 * Time is the wall clock in milliseconds, so cached TTLs count down in real time.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect, isIPv6 } from 'node:net';
import type { DnsTransport, TransportResult } from '../../engine/dns';
import { formatSocketAddress, type SocketAddress } from './addresses';
import { FrameReader, frameMessage } from './tcp-framing';

/**
 * How long to wait for one server before the resolver tries the next. Loopback and LAN servers
 * answer in a millisecond and internet ones in well under a second; dig waits 5 s per try, Unbound
 * starts at 376 ms for a server it does not know yet and backs off from there. 1.5 s is the
 * middle ground for a one-shot command without an RTT history.
 */
export const UDP_TIMEOUT_MS = 1500;
/** The TCP retry gets longer: a connection setup and the whole answer (dig's tcp timeout is 10 s). */
export const TCP_TIMEOUT_MS = 5000;

/** What the transport did besides the plain exchange, for `--trace`. */
export type TransportEvent =
  | { kind: 'truncated'; server: string; bytes: number }
  | { kind: 'tcp-failed'; server: string; reason: string };

export interface SocketTransportOptions {
  /** The port to use for a server address (the root's own port, or 53 / --port for the rest). */
  portFor(address: string): number;
  clock?: () => number;
  udpTimeoutMs?: number;
  tcpTimeoutMs?: number;
  onEvent?(event: TransportEvent): void;
}

const TC_BIT = 0x02;

export class SocketTransport implements DnsTransport {
  private readonly clock: () => number;
  readonly portFor: (address: string) => number;

  constructor(private readonly opts: SocketTransportOptions) {
    this.clock = opts.clock ?? Date.now;
    this.portFor = opts.portFor;
  }

  async send(server: string, query: Uint8Array, _now: number): Promise<TransportResult> {
    const to: SocketAddress = { host: server, port: this.opts.portFor(server) };
    const udp = await exchangeUdp(to, query, this.opts.udpTimeoutMs ?? UDP_TIMEOUT_MS);
    if (!udp) return { kind: 'timeout', at: this.clock() };
    if (udp.length < 3 || (udp[2]! & TC_BIT) === 0)
      return { kind: 'response', bytes: udp, at: this.clock() };
    const where = formatSocketAddress(to);
    this.opts.onEvent?.({ kind: 'truncated', server: where, bytes: udp.length });
    try {
      const tcp = await exchangeTcp(to, query, this.opts.tcpTimeoutMs ?? TCP_TIMEOUT_MS);
      return { kind: 'response', bytes: tcp, at: this.clock() };
    } catch (e) {
      // The truncated answer goes back as it came: the resolver counts TC as a failed server.
      this.opts.onEvent?.({ kind: 'tcp-failed', server: where, reason: (e as Error).message });
      return { kind: 'response', bytes: udp, at: this.clock() };
    }
  }
}

const idOf = (bytes: Uint8Array) => (bytes.length < 2 ? -1 : (bytes[0]! << 8) | bytes[1]!);

/**
 * One query over UDP; the reply, or undefined after `timeoutMs`. Datagrams from other addresses or
 * with another ID are ignored (RFC 5452 §9.1), as are ICMP errors (a closed port looks like a
 * timeout, as for any resolver).
 */
export function exchangeUdp(
  to: SocketAddress,
  query: Uint8Array,
  timeoutMs: number,
): Promise<Uint8Array | undefined> {
  return new Promise((resolve) => {
    const socket: UdpSocket = createSocket(isIPv6(to.host) ? 'udp6' : 'udp4');
    let done = false;
    const finish = (reply: Uint8Array | undefined): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.close();
      resolve(reply);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    socket.on('message', (msg, rinfo) => {
      if (rinfo.address !== to.host || rinfo.port !== to.port) return;
      const reply = new Uint8Array(msg);
      if (idOf(reply) === idOf(query)) finish(reply);
    });
    socket.on('error', () => {
      // ECONNREFUSED and the like: keep waiting until the timeout, like a lost datagram.
    });
    socket.send(query, to.port, to.host);
  });
}

/** One query over a new TCP connection (RFC 7766 §6.2.1 framing); the first framed reply. */
export function exchangeTcp(
  to: SocketAddress,
  query: Uint8Array,
  timeoutMs: number,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: to.host, port: to.port });
    const frames = new FrameReader();
    const fail = (reason: string): void => {
      socket.destroy();
      reject(new Error(reason));
    };
    socket.setTimeout(timeoutMs, () => fail(`no answer over TCP within ${timeoutMs} ms`));
    socket.on('connect', () => socket.write(frameMessage(query)));
    socket.on('data', (chunk: Buffer) => {
      for (const reply of frames.push(new Uint8Array(chunk))) {
        if (idOf(reply) !== idOf(query)) continue;
        socket.end();
        socket.destroy();
        resolve(reply);
        return;
      }
    });
    socket.on('error', (e: NodeJS.ErrnoException) => fail(e.code ?? e.message));
    socket.on('end', () => fail('the server closed the connection without an answer'));
  });
}
