/**
 * `tls connect --pcap`: the real connection written down as it happened. Node gives no raw
 * sockets, so the capture is taken at the socket: every write we made and every chunk we read,
 * with its real time (microseconds), between the real local and remote addresses and ports. The
 * TCP segments are those chunks (split at the MSS); what the kernel alone knows (the initial
 * sequence numbers and the pure ACKs) is filled in the way TcpConversation writes any loss-free
 * connection, so Wireshark reassembles the TLS records and decrypts them with the key log.
 */
import { isIPv4, type Socket } from 'node:net';
import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { PcapWriter } from '../../engine/sim/pcap';
import { TcpConversation, type TcpSide } from '../../engine/sim/tcp-conversation';

interface Chunk {
  t: number;
  from: TcpSide;
  bytes: Uint8Array;
}

/** Wall-clock milliseconds with sub-millisecond precision, for the capture's timestamps. */
function now(): number {
  return performance.timeOrigin + performance.now();
}

export class SocketCapture {
  private readonly chunks: Chunk[] = [];
  private readonly openedAt: number;
  /** When `connect` fired: the SYN-ACK had arrived and our ACK gone out. */
  private readonly connectedAt: number;
  private closedAt: number | undefined;
  private readonly client: { ip: string; port: number };
  private readonly server: { ip: string; port: number };

  /** Starts recording a socket that has just connected; its SYN went out at `connectStarted`. */
  constructor(socket: Socket, connectStarted: number) {
    this.openedAt = connectStarted;
    this.connectedAt = now();
    this.client = { ip: v4(socket.localAddress), port: socket.localPort ?? 0 };
    this.server = { ip: v4(socket.remoteAddress), port: socket.remotePort ?? 0 };
    socket.on('data', (data: Buffer) => this.record('server', data));
    socket.once('close', () => (this.closedAt = now()));
    const write = socket.write.bind(socket) as (...a: unknown[]) => boolean;
    socket.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk instanceof Uint8Array && chunk.length > 0) this.record('client', chunk);
      return write(chunk, ...rest);
    }) as Socket['write'];
  }

  static now = now;

  private record(from: TcpSide, bytes: Uint8Array): void {
    this.chunks.push({ t: now(), from, bytes: new Uint8Array(bytes) });
  }

  /** Adds the connection: handshake, every chunk in the order it crossed the socket, the close. */
  writeTo(writer: PcapWriter): void {
    const tcp = new TcpConversation({
      client: this.client,
      server: this.server,
      clientIsn: randomInt(0, 2 ** 32),
      serverIsn: randomInt(0, 2 ** 32),
    });
    tcp.open(this.openedAt, this.connectedAt, this.connectedAt);
    let t = this.connectedAt;
    for (const c of this.chunks) {
      t = Math.max(t, c.t);
      tcp.send(t, c.from, c.bytes);
    }
    const end = Math.max(t, this.closedAt ?? t);
    tcp.close(end, 'client', end, end);
    tcp.writeTo(writer);
  }
}

/** The frames are IPv4; an IPv4-mapped IPv6 address is its IPv4 address. */
function v4(address: string | undefined): string {
  const a = (address ?? '').replace(/^::ffff:/, '');
  if (!isIPv4(a)) throw new CaptureError(`--pcap captures IPv4 connections only, not ${address}`);
  return a;
}

export class CaptureError extends Error {}
