/**
 * From a captured frame to a TCP segment or UDP datagram: the link-layer header (Ethernet, Linux
 * cooked SLL and SLL2, raw IP, BSD loopback), then IPv4 (RFC 791) or IPv6 (RFC 8200), then TCP
 * (RFC 9293) or UDP (RFC 768). Anything else is skipped: a capture holds much that is not ours.
 */
import { formatIPv4, formatIPv6 } from '../dns/ip';
import type { CapturedPacket } from './file';

export interface TransportPacket {
  protocol: 'tcp' | 'udp';
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  time: number;
  frame: number;
  /** TCP only. */
  seq: number;
  flags: number;
  payload: Uint8Array;
}

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_ACK = 0x10;

const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;

/** The link types we read, by LINKTYPE_ value. */
export const LINK_TYPES: Readonly<Record<number, string>> = {
  0: 'NULL',
  1: 'ETHERNET',
  12: 'RAW',
  101: 'RAW',
  108: 'LOOP',
  113: 'LINUX_SLL',
  228: 'IPV4',
  229: 'IPV6',
  276: 'LINUX_SLL2',
};

/** Where the IP packet starts and which IP version it is, or undefined for anything else. */
function ipStart(p: CapturedPacket): number | undefined {
  const d = p.data;
  const u16 = (at: number) => (d[at]! << 8) | d[at + 1]!;
  const byEthertype = (type: number, at: number) =>
    type === ETHERTYPE_IPV4 || type === ETHERTYPE_IPV6 ? at : undefined;
  switch (p.linkType) {
    case 1: {
      let at = 12;
      // IEEE 802.1Q and 802.1ad tags sit before the real EtherType.
      while (d.length >= at + 2 && (u16(at) === 0x8100 || u16(at) === 0x88a8)) at += 4;
      return d.length >= at + 2 ? byEthertype(u16(at), at + 2) : undefined;
    }
    case 113: // LINUX_SLL: the protocol is at 14 of a 16-byte header.
      return d.length >= 16 ? byEthertype(u16(14), 16) : undefined;
    case 276: // LINUX_SLL2: the protocol is first in a 20-byte header.
      return d.length >= 20 ? byEthertype(u16(0), 20) : undefined;
    case 12:
    case 101:
    case 228:
    case 229:
      return 0;
    case 0:
    case 108: {
      // A 4-byte address family: host order for NULL, network order for LOOP. AF_INET is 2 and
      // AF_INET6 is 10, 24, 28 or 30 depending on the system that wrote it.
      if (d.length < 4) return undefined;
      const le = d[0]! | (d[1]! << 8);
      const be = (d[2]! << 8) | d[3]!;
      const family = p.linkType === 108 ? be : le || be;
      return [2, 10, 24, 28, 30].includes(family) ? 4 : undefined;
    }
    default:
      return undefined;
  }
}

export function transportOf(p: CapturedPacket): TransportPacket | undefined {
  const at = ipStart(p);
  if (at === undefined || at >= p.data.length) return undefined;
  const d = p.data;
  const version = d[at]! >> 4;
  let proto: number;
  let src: string;
  let dst: string;
  let payloadAt: number;
  let payloadEnd: number;
  if (version === 4) {
    if (d.length < at + 20) return undefined;
    const ihl = (d[at]! & 0x0f) * 4;
    const total = (d[at + 2]! << 8) | d[at + 3]!;
    const fragment = ((d[at + 6]! << 8) | d[at + 7]!) & 0x3fff;
    // A fragment (more-fragments flag or an offset) is not reassembled: TLS and DNS over TCP never
    // need it, and DNS over UDP on loopback does not fragment.
    if (fragment !== 0) return undefined;
    proto = d[at + 9]!;
    src = formatIPv4(d.subarray(at + 12, at + 16));
    dst = formatIPv4(d.subarray(at + 16, at + 20));
    payloadAt = at + ihl;
    // A frame padded past the IP packet (Ethernet's minimum) ends where IP says.
    payloadEnd = Math.min(d.length, at + (total || d.length - at));
  } else if (version === 6) {
    if (d.length < at + 40) return undefined;
    const payloadLength = (d[at + 4]! << 8) | d[at + 5]!;
    proto = d[at + 6]!;
    src = formatIPv6(d.subarray(at + 8, at + 24));
    dst = formatIPv6(d.subarray(at + 24, at + 40));
    payloadAt = at + 40;
    payloadEnd = Math.min(d.length, payloadAt + (payloadLength || d.length - payloadAt));
    // RFC 8200, Section 4: hop-by-hop, routing and destination options share one layout.
    while ([0, 43, 60].includes(proto) && payloadAt + 8 <= payloadEnd) {
      proto = d[payloadAt]!;
      payloadAt += (d[payloadAt + 1]! + 1) * 8;
    }
    if (proto === 44) return undefined;
  } else return undefined;
  if (payloadAt > payloadEnd) return undefined;
  const l4 = d.subarray(payloadAt, payloadEnd);
  if (proto === 6 && l4.length >= 20) {
    const offset = (l4[12]! >> 4) * 4;
    if (offset < 20 || offset > l4.length) return undefined;
    return {
      protocol: 'tcp',
      src,
      dst,
      srcPort: (l4[0]! << 8) | l4[1]!,
      dstPort: (l4[2]! << 8) | l4[3]!,
      seq: ((l4[4]! << 24) | (l4[5]! << 16) | (l4[6]! << 8) | l4[7]!) >>> 0,
      flags: l4[13]!,
      time: p.time,
      frame: p.frame,
      payload: l4.subarray(offset),
    };
  }
  if (proto === 17 && l4.length >= 8) {
    const length = (l4[4]! << 8) | l4[5]!;
    return {
      protocol: 'udp',
      src,
      dst,
      srcPort: (l4[0]! << 8) | l4[1]!,
      dstPort: (l4[2]! << 8) | l4[3]!,
      seq: 0,
      flags: 0,
      time: p.time,
      frame: p.frame,
      payload: l4.subarray(8, Math.max(8, Math.min(l4.length, length || l4.length))),
    };
  }
  return undefined;
}

/** "192.0.2.1:443", or "[::1]:443" for IPv6 (RFC 3986, Section 3.2.2). */
export function endpoint(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}
