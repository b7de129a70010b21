/**
 * One TCP connection as it would appear in a capture taken on the path: the three-way handshake,
 * data segments with the peer's ACKs, and the FIN exchange (RFC 9293). It does not implement TCP;
 * it writes down, with correct sequence and acknowledgment numbers, what a loss-free connection
 * carrying the simulation's bytes looks like, so Wireshark's TCP analysis finds nothing to flag.
 */
import type { PcapWriter } from './pcap';
import { Ipv4IdCounter, TcpFlags, tcpFrame, udpFrame, type Endpoint } from './packets';

/**
 * Maximum segment size: a 1500-byte Ethernet MTU less 20 bytes of IPv4 and 20 of TCP header
 * (RFC 9293, Section 3.7.1; RFC 894 for the Ethernet MTU). The SYNs here carry no MSS option (data
 * offset 5), after which RFC 9293 strictly allows only 536 bytes; Wireshark does not check this,
 * and 1460 is what captures on Ethernet show, so the capture uses it.
 */
export const TCP_MSS = 1460;

/** The receive window each side advertises: the largest without window scaling (RFC 7323). */
export const TCP_WINDOW = 65535;

export type TcpSide = 'client' | 'server';

/** One captured segment, with the fields tests and the trace may want without re-parsing. */
export interface TcpPacket {
  /** Virtual time in milliseconds. */
  t: number;
  from: TcpSide;
  seq: number;
  ack: number;
  flags: number;
  payloadLength: number;
  frame: Uint8Array;
}

export interface TcpConversationOptions {
  client: Endpoint;
  server: Endpoint;
  /** Initial sequence numbers; the caller draws them from the seeded RNG (RFC 9293, 3.4.1). */
  clientIsn: number;
  serverIsn: number;
  /** Share one counter between conversations and datagrams of the same run to keep IP IDs unique. */
  ipIds?: Ipv4IdCounter;
}

interface SideState {
  endpoint: Endpoint;
  /** SND.NXT: the sequence number of the next byte (or SYN/FIN) this side sends. */
  next: number;
}

type Phase = 'new' | 'open' | 'closed';

export class TcpConversation {
  private readonly sides: Record<TcpSide, SideState>;
  private readonly ids: Ipv4IdCounter;
  private readonly packets: TcpPacket[] = [];
  private phase: Phase = 'new';
  private lastT = -Infinity;

  constructor(opts: TcpConversationOptions) {
    for (const isn of [opts.clientIsn, opts.serverIsn]) {
      if (!Number.isInteger(isn) || isn < 0 || isn > 0xffffffff) {
        throw new RangeError(`an ISN is a 32-bit unsigned integer: ${isn}`);
      }
    }
    this.sides = {
      client: { endpoint: opts.client, next: opts.clientIsn },
      server: { endpoint: opts.server, next: opts.serverIsn },
    };
    this.ids = opts.ipIds ?? new Ipv4IdCounter();
  }

  /** Every segment so far, in capture order. */
  get segments(): readonly TcpPacket[] {
    return this.packets;
  }

  /**
   * The three-way handshake (RFC 9293, Section 3.5): SYN, SYN-ACK, ACK. The SYN of each side
   * consumes one sequence number. The peer's packets may be given later times (network delay).
   */
  open(t: number, synAckAt = t, ackAt = synAckAt): void {
    if (this.phase !== 'new') throw new Error(`cannot open a connection that is ${this.phase}`);
    this.checkTimes(t, synAckAt, ackAt);
    this.emit(t, 'client', TcpFlags.SYN, new Uint8Array(0), { ack: 0, consumes: 1 });
    this.emit(synAckAt, 'server', TcpFlags.SYN | TcpFlags.ACK, new Uint8Array(0), { consumes: 1 });
    this.emit(ackAt, 'client', TcpFlags.ACK, new Uint8Array(0));
    this.phase = 'open';
  }

  /**
   * Sends `payload` from one side in segments of at most TCP_MSS bytes, PSH on the last one (the
   * sender has nothing more queued). The peer ACKs every second segment and the last one, as a
   * receiver with delayed ACKs does (RFC 9293, 3.8.6.3; RFC 5681, Section 4.2); its ACKs carry
   * time `ackAt`, which must not be before `t`.
   */
  send(t: number, from: TcpSide, payload: Uint8Array, ackAt = t): void {
    if (this.phase !== 'open') throw new Error(`cannot send on a connection that is ${this.phase}`);
    if (payload.length === 0) throw new RangeError('an empty send would put nothing on the wire');
    if (ackAt > t && payload.length > TCP_WINDOW) {
      // With every ACK delayed, the whole payload would be in flight: more than the peer's window.
      throw new RangeError(`a payload over ${TCP_WINDOW} bytes needs ACKs at the time it is sent`);
    }
    this.checkTimes(t, ackAt);
    const peer = other(from);
    const batch: TcpPacket[] = [];
    const count = Math.ceil(payload.length / TCP_MSS);
    for (let i = 0; i < count; i++) {
      const chunk = payload.subarray(i * TCP_MSS, (i + 1) * TCP_MSS);
      const last = i === count - 1;
      const flags = TcpFlags.ACK | (last ? TcpFlags.PSH : 0);
      batch.push(this.build(t, from, flags, chunk));
      if (last || i % 2 === 1) batch.push(this.build(ackAt, peer, TcpFlags.ACK, new Uint8Array(0)));
    }
    // Data first, then ACKs that arrive later: a stable sort keeps the order within equal times.
    this.packets.push(...batch.sort((a, b) => a.t - b.t));
  }

  /**
   * The orderly close (RFC 9293, Section 3.6): `from` sends FIN-ACK, the peer answers with its own
   * FIN-ACK, and `from` ACKs it. Each FIN consumes one sequence number.
   */
  close(t: number, from: TcpSide, peerFinAt = t, lastAckAt = peerFinAt): void {
    if (this.phase !== 'open') throw new Error(`cannot close a connection that is ${this.phase}`);
    this.checkTimes(t, peerFinAt, lastAckAt);
    const peer = other(from);
    const finAck = TcpFlags.FIN | TcpFlags.ACK;
    this.emit(t, from, finAck, new Uint8Array(0), { consumes: 1 });
    this.emit(peerFinAt, peer, finAck, new Uint8Array(0), { consumes: 1 });
    this.emit(lastAckAt, from, TcpFlags.ACK, new Uint8Array(0));
    this.phase = 'closed';
  }

  /** Adds every segment so far to `pcap`. Call it once, after the conversation is complete. */
  writeTo(pcap: PcapWriter): void {
    for (const p of this.packets) pcap.addPacket(p.t, p.frame);
  }

  private emit(
    t: number,
    from: TcpSide,
    flags: number,
    payload: Uint8Array,
    opts: { ack?: number; consumes?: number } = {},
  ): void {
    this.packets.push(this.build(t, from, flags, payload, opts));
  }

  /**
   * Builds one segment from `from` and advances its SND.NXT by the payload length plus the
   * sequence numbers SYN and FIN consume. The ACK number is everything the peer has sent so far.
   */
  private build(
    t: number,
    from: TcpSide,
    flags: number,
    payload: Uint8Array,
    opts: { ack?: number; consumes?: number } = {},
  ): TcpPacket {
    const side = this.sides[from];
    const peer = this.sides[other(from)];
    const seq = side.next;
    const ack = opts.ack ?? peer.next;
    // Sequence space is modulo 2^32 (RFC 9293, Section 3.4), so a seeded ISN may wrap.
    side.next = (side.next + payload.length + (opts.consumes ?? 0)) >>> 0;
    const frame = tcpFrame(
      { src: side.endpoint, dst: peer.endpoint, seq, ack, flags, payload, window: TCP_WINDOW },
      this.ids,
    );
    return { t, from, seq, ack, flags, payloadLength: payload.length, frame };
  }

  /** Times come from the caller's virtual clock; a capture never runs backwards. */
  private checkTimes(...times: number[]): void {
    let last = this.lastT;
    for (const t of times) {
      if (!Number.isFinite(t) || t < last) {
        throw new RangeError(`segment time ${t} is before the previous segment at ${last}`);
      }
      last = t;
    }
    this.lastT = last;
  }
}

function other(side: TcpSide): TcpSide {
  return side === 'client' ? 'server' : 'client';
}

/** Adds one UDP datagram (in IPv4, in Ethernet) from `from` to `to` at time `t` to `pcap`. */
export function udpDatagram(
  pcap: PcapWriter,
  t: number,
  from: Endpoint,
  to: Endpoint,
  payload: Uint8Array,
  ipIds: Ipv4IdCounter = new Ipv4IdCounter(),
): void {
  pcap.addPacket(t, udpFrame({ src: from, dst: to, payload }, ipIds));
}
