/**
 * Link, network and transport headers for the simulated capture: Ethernet II, IPv4 (RFC 791),
 * TCP (RFC 9293) and UDP (RFC 768), with real Internet checksums (RFC 1071). The pcap writer
 * stores the frames these build, so Wireshark dissects the simulated run like a real capture.
 * All multi-byte fields are big-endian ("network byte order", RFC 791 Appendix B).
 */
import { Writer } from '../bytes';

/** IP protocol numbers (IANA "Assigned Internet Protocol Numbers"). */
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;

/** EtherType for IPv4 in an Ethernet II frame (IEEE 802.3 / IANA). */
export const ETHERTYPE_IPV4 = 0x0800;

/** TCP control bits (RFC 9293, Section 3.1). */
export const TcpFlags = {
  FIN: 0x01,
  SYN: 0x02,
  RST: 0x04,
  PSH: 0x08,
  ACK: 0x10,
  URG: 0x20,
} as const;

/** A host and port: one end of a TCP connection or a UDP exchange. */
export interface Endpoint {
  ip: string;
  port: number;
}

/** Dotted-quad IPv4 text to its 4 bytes. Only the strict a.b.c.d decimal form is accepted. */
export function parseIpv4(ip: string): Uint8Array {
  const parts = ip.split('.');
  if (
    parts.length !== 4 ||
    !parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255)
  ) {
    throw new RangeError(`not an IPv4 address: '${ip}'`);
  }
  return Uint8Array.from(parts.map(Number));
}

/**
 * A made-up MAC for a host: 02:00 followed by its IPv4 address. The 0x02 first octet sets the
 * locally-administered (U/L) bit and clears the group (I/G) bit (IEEE 802), so these can
 * never collide with a real vendor's address, and each host keeps one MAC for the whole run.
 */
export function macForIpv4(ip: string): Uint8Array {
  const mac = new Uint8Array(6);
  mac[0] = 0x02;
  mac.set(parseIpv4(ip), 2);
  return mac;
}

/**
 * The Internet checksum (RFC 1071): the one's-complement of the one's-complement sum of the
 * 16-bit big-endian words. An odd trailing byte is padded with a zero byte (RFC 1071, 4.1).
 * `parts` are summed as if concatenated, which is how the TCP and UDP pseudo-headers are used;
 * every part but the last must have an even length so the words line up.
 */
export function internetChecksum(...parts: Uint8Array[]): number {
  let sum = 0;
  parts.forEach((bytes, index) => {
    if (bytes.length % 2 !== 0 && index !== parts.length - 1) {
      throw new RangeError('only the last checksum part may have an odd length');
    }
    for (let i = 0; i < bytes.length; i += 2) {
      sum += (bytes[i]! << 8) | (bytes[i + 1] ?? 0);
    }
  });
  // Fold the carries back into the low 16 bits (the end-around carry of RFC 1071, 2(1)).
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return ~sum & 0xffff;
}

/** Ethernet II: destination MAC, source MAC, EtherType, payload. No FCS, as capture files omit it. */
export function encodeEthernet(
  dst: Uint8Array,
  src: Uint8Array,
  etherType: number,
  payload: Uint8Array,
): Uint8Array {
  if (dst.length !== 6 || src.length !== 6) throw new RangeError('a MAC address is 6 bytes');
  return new Writer()
    .bytes(dst, 'destination')
    .bytes(src, 'source')
    .u16(etherType, 'ethertype')
    .bytes(payload, 'payload')
    .toBytes();
}

export interface Ipv4Fields {
  src: string;
  dst: string;
  protocol: number;
  /** The Identification field; the sender's counter (see Ipv4IdCounter). */
  identification: number;
  payload: Uint8Array;
  /** Time to live; 64 is the default that RFC 1700 recommended and Linux still uses. */
  ttl?: number;
}

const IPV4_HEADER_BYTES = 20;
/** RFC 791: total length is a 16-bit field, so header plus payload is at most 65535 bytes. */
const IPV4_MAX_TOTAL = 0xffff;
/** RFC 791, Section 3.1: flags bit 1 is "Don't Fragment"; it sits in the top of the 16-bit word. */
const IPV4_DONT_FRAGMENT = 0x4000;

/**
 * An IPv4 packet (RFC 791, Section 3.1): version 4, IHL 5 (no options), DSCP/ECN 0, DF set and
 * fragment offset 0 (every packet here is whole), and the header checksum over the 20 header bytes.
 */
export function encodeIpv4(fields: Ipv4Fields): Uint8Array {
  const total = IPV4_HEADER_BYTES + fields.payload.length;
  if (total > IPV4_MAX_TOTAL) throw new RangeError(`IPv4 packet of ${total} bytes exceeds 65535`);
  const w = new Writer()
    .u8((4 << 4) | (IPV4_HEADER_BYTES / 4), 'version_ihl')
    .u8(0, 'dscp_ecn')
    .u16(total, 'total_length')
    .u16(fields.identification, 'identification')
    .u16(IPV4_DONT_FRAGMENT, 'flags_fragment_offset')
    .u8(fields.ttl ?? 64, 'ttl')
    .u8(fields.protocol, 'protocol')
    .u16(0, 'header_checksum')
    .bytes(parseIpv4(fields.src), 'source')
    .bytes(parseIpv4(fields.dst), 'destination');
  // The checksum is computed with its own field zeroed, then written in (RFC 791, Section 3.1).
  const checksum = internetChecksum(w.toBytes());
  w.patch(10, u16be(checksum));
  w.bytes(fields.payload, 'payload');
  return w.toBytes();
}

/**
 * The TCP/UDP pseudo-header (RFC 9293, Section 3.1; RFC 768): source and destination address,
 * a zero byte, the protocol and the transport length. It is summed but never sent, so a segment
 * delivered to the wrong host fails its checksum.
 */
function pseudoHeader(src: string, dst: string, protocol: number, length: number): Uint8Array {
  return new Writer()
    .bytes(parseIpv4(src))
    .bytes(parseIpv4(dst))
    .u8(0)
    .u8(protocol)
    .u16(length)
    .toBytes();
}

export interface TcpFields {
  src: Endpoint;
  dst: Endpoint;
  seq: number;
  ack: number;
  /** A combination of TcpFlags. */
  flags: number;
  payload: Uint8Array;
  /** Receive window; 65535 is the largest without window scaling (RFC 7323). */
  window?: number;
}

const TCP_HEADER_BYTES = 20;

/**
 * A TCP segment (RFC 9293, Section 3.1): data offset 5 (no options), urgent pointer 0, and the
 * checksum over pseudo-header, header and data. Sequence numbers are taken modulo 2^32.
 */
export function encodeTcp(fields: TcpFields): Uint8Array {
  const length = TCP_HEADER_BYTES + fields.payload.length;
  const w = new Writer()
    .u16(fields.src.port, 'source_port')
    .u16(fields.dst.port, 'destination_port')
    .u32(fields.seq >>> 0, 'sequence_number')
    .u32(fields.ack >>> 0, 'acknowledgment_number')
    // Data offset counts 32-bit words, in the top 4 bits; the reserved bits stay zero.
    .u8((TCP_HEADER_BYTES / 4) << 4, 'data_offset')
    .u8(fields.flags, 'flags')
    .u16(fields.window ?? 0xffff, 'window')
    .u16(0, 'checksum')
    .u16(0, 'urgent_pointer')
    .bytes(fields.payload, 'payload');
  const segment = w.toBytes();
  const pseudo = pseudoHeader(fields.src.ip, fields.dst.ip, IPPROTO_TCP, length);
  w.patch(16, u16be(internetChecksum(pseudo, segment)));
  return w.toBytes();
}

export interface UdpFields {
  src: Endpoint;
  dst: Endpoint;
  payload: Uint8Array;
}

const UDP_HEADER_BYTES = 8;

/**
 * A UDP datagram (RFC 768): ports, length, and the checksum over pseudo-header, header and data.
 * A computed checksum of zero is sent as 0xffff, because zero on the wire means "no checksum"
 * (RFC 768: "If the computed checksum is zero, it is transmitted as all ones").
 */
export function encodeUdp(fields: UdpFields): Uint8Array {
  const length = UDP_HEADER_BYTES + fields.payload.length;
  const w = new Writer()
    .u16(fields.src.port, 'source_port')
    .u16(fields.dst.port, 'destination_port')
    .u16(length, 'length')
    .u16(0, 'checksum')
    .bytes(fields.payload, 'payload');
  const pseudo = pseudoHeader(fields.src.ip, fields.dst.ip, IPPROTO_UDP, length);
  const checksum = internetChecksum(pseudo, w.toBytes());
  w.patch(6, u16be(checksum === 0 ? 0xffff : checksum));
  return w.toBytes();
}

/**
 * Each sending host's IPv4 Identification counter. RFC 791 asks that the value be unique per
 * (source, destination, protocol) while a datagram may be alive; a per-host counter that goes up by
 * one per packet, as many stacks do, satisfies that, and with DF set the value is never used for
 * reassembly anyway (RFC 6864, Section 4.1).
 */
export class Ipv4IdCounter {
  private readonly next = new Map<string, number>();

  constructor(private readonly first = 1) {}

  /** The identification for the next packet that `ip` sends. */
  take(ip: string): number {
    const id = this.next.get(ip) ?? this.first;
    this.next.set(ip, (id + 1) & 0xffff);
    return id;
  }
}

/** A whole Ethernet frame carrying a TCP segment from `fields.src` to `fields.dst`. */
export function tcpFrame(fields: TcpFields, ids: Ipv4IdCounter): Uint8Array {
  return ipv4Frame(fields.src.ip, fields.dst.ip, IPPROTO_TCP, encodeTcp(fields), ids);
}

/** A whole Ethernet frame carrying a UDP datagram from `fields.src` to `fields.dst`. */
export function udpFrame(fields: UdpFields, ids: Ipv4IdCounter): Uint8Array {
  return ipv4Frame(fields.src.ip, fields.dst.ip, IPPROTO_UDP, encodeUdp(fields), ids);
}

function ipv4Frame(
  src: string,
  dst: string,
  protocol: number,
  payload: Uint8Array,
  ids: Ipv4IdCounter,
): Uint8Array {
  const packet = encodeIpv4({ src, dst, protocol, identification: ids.take(src), payload });
  return encodeEthernet(macForIpv4(dst), macForIpv4(src), ETHERTYPE_IPV4, packet);
}

function u16be(v: number): Uint8Array {
  return Uint8Array.of(v >>> 8, v & 0xff);
}
