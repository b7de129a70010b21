/**
 * TCP segments without payload (SYN, SYN-ACK, ACK, FIN, RST) as trace `message` events: the real
 * 20-byte header that encodeTcp writes (RFC 9293, Section 3.1), read back field by field so the
 * inspector can explain every byte. The checksum covers the IPv4 pseudo-header, so the segment
 * belongs to exactly these two addresses.
 */
import { Reader, phrase, showHexU, type Span } from '../../bytes';
import { TcpFlags, encodeTcp, type Endpoint } from '../../sim/packets';
import type { MessageEvent } from '../../trace';

/** Byte 13 of the header holds the control bits (RFC 9293, Section 3.1). */
const TCP_FLAGS_OFFSET = 13;

/** Flag names from the lowest bit up, the order Wireshark lists them in ("SYN, ACK"). */
const FLAG_NAMES: readonly [number, string][] = [
  [TcpFlags.FIN, 'FIN'],
  [TcpFlags.SYN, 'SYN'],
  [TcpFlags.RST, 'RST'],
  [TcpFlags.PSH, 'PSH'],
  [TcpFlags.ACK, 'ACK'],
  [TcpFlags.URG, 'URG'],
];

export function tcpFlagList(flags: number): string[] {
  return FLAG_NAMES.filter(([bit]) => (flags & bit) !== 0).map(([, name]) => name);
}

/** "SYN", "SYN-ACK", "ACK", "FIN-ACK", "RST": how captures and textbooks name control segments. */
export function tcpSegmentName(flags: number): string {
  const main = tcpFlagList(flags & ~TcpFlags.ACK);
  const ack = (flags & TcpFlags.ACK) !== 0;
  if (main.length === 0) return ack ? 'ACK' : 'TCP';
  return ack ? `${main.join('-')}-ACK` : main.join('-');
}

/** The plain decoded view of a segment, for the inspector and for tests. */
export interface TcpSegmentView {
  source: string;
  destination: string;
  seq: number;
  ack: number;
  flags: string[];
  window: number;
  checksum: string;
  headerBytes: number;
}

/** Reads a TCP header (no options) and records a span for each field. */
export function readTcpHeader(segment: Uint8Array): {
  spans: Span[];
  fields: Omit<TcpSegmentView, 'source' | 'destination'> & {
    sourcePort: number;
    destinationPort: number;
  };
} {
  const r = new Reader(segment);
  const sourcePort = r.u16('source_port', { explain: 'tcp.source_port' });
  const destinationPort = r.u16('destination_port', { explain: 'tcp.destination_port' });
  const seq = r.u32('sequence_number', { explain: 'tcp.sequence_number' });
  const ack = r.u32('acknowledgment_number', { explain: 'tcp.acknowledgment_number' });
  // Data offset: the header length in 32-bit words, in the top four bits (RFC 9293, 3.1).
  const offset = r.u8('data_offset', {
    show: (v) => phrase('bytes.count', { n: (v >> 4) * 4 }),
    explain: 'tcp.data_offset',
  });
  const flags = r.u8('flags', {
    show: (v) => tcpFlagList(v).join(', '),
    explain: 'tcp.flags',
  });
  const window = r.u16('window', { explain: 'tcp.window' });
  const checksum = r.u16('checksum', { show: showHexU(2), explain: 'tcp.checksum' });
  r.u16('urgent_pointer', { explain: 'tcp.urgent_pointer' });
  r.expectEnd('TCP segment');
  return {
    spans: r.spans,
    fields: {
      sourcePort,
      destinationPort,
      seq,
      ack,
      flags: tcpFlagList(flags),
      window,
      checksum: showHexU(2)(checksum),
      headerBytes: (offset >> 4) * 4,
    },
  };
}

export interface TcpSegmentEventOptions {
  t: number;
  /** Lanes: who sends it and who it is for. */
  from: string;
  to: string;
  src: Endpoint;
  dst: Endpoint;
  /** The segment as it is on the wire (header only: these segments carry no data). */
  segment: Uint8Array;
  /** Lost on the way (a SYN to a host that is down). */
  dropped?: boolean;
}

export function tcpSegmentEvent(opts: TcpSegmentEventOptions): MessageEvent {
  const { spans, fields } = readTcpHeader(opts.segment);
  const decoded: TcpSegmentView = {
    source: `${opts.src.ip}:${fields.sourcePort}`,
    destination: `${opts.dst.ip}:${fields.destinationPort}`,
    seq: fields.seq,
    ack: fields.ack,
    flags: fields.flags,
    window: fields.window,
    checksum: fields.checksum,
    headerBytes: fields.headerBytes,
  };
  const event: MessageEvent = {
    kind: 'message',
    t: opts.t,
    from: opts.from,
    to: opts.to,
    protocol: 'tcp',
    name: tcpSegmentName(opts.segment[TCP_FLAGS_OFFSET] ?? 0),
    bytes: opts.segment,
    spans,
    decoded,
    encrypted: false,
  };
  if (opts.dropped) event.dropped = true;
  return event;
}

/** A control segment built from its fields (no payload), as a trace event. */
export function controlSegmentEvent(
  t: number,
  lanes: { from: string; to: string },
  fields: { src: Endpoint; dst: Endpoint; seq: number; ack: number; flags: number },
  dropped = false,
): MessageEvent {
  const segment = encodeTcp({ ...fields, payload: new Uint8Array(0) });
  return tcpSegmentEvent({
    t,
    ...lanes,
    src: fields.src,
    dst: fields.dst,
    segment,
    dropped,
  });
}
