/**
 * DNS messages as a classic pcap: each message event becomes one Ethernet/IPv4/UDP datagram at the
 * event's virtual time, between plausible addresses for its lanes. Servers keep the demo
 * universe's addresses (carried in each message's decoded peer); the browser, the OS stub and the
 * recursive resolver get the simulation's own made-up ones (127.0.0.1 → 127.0.0.53 on loopback,
 * then 192.0.2.200 → 192.0.2.53 across the access link). Clients send from an ephemeral port
 * and servers answer from 53, so Wireshark pairs each response with its query. The browser's
 * "Download pcap" and the CLI's `dns demo --pcap` both write their captures with this code.
 */
import { Lane } from './lanes';
import { BROWSER_ADDRESS, HOST_ADDRESS, RECURSIVE_ADDRESS } from './lookup';
import type { Peer } from './messages';
import type { PlainMessage } from './plain';
import type { MessageEvent, Trace } from '../trace';
import { PcapWriter } from '../sim/pcap';
import { Ipv4IdCounter, type Endpoint } from '../sim/packets';
import { SeededRng, randomBelow, type Rng } from '../sim/rng';
import { udpDatagram } from '../sim/tcp-conversation';

/** DNS servers listen on port 53 (RFC 1035 §4.2.1). */
const DNS_PORT = 53;
/** The IANA dynamic port range (RFC 6335 §6), where clients pick their source ports. */
const EPHEMERAL_FIRST = 49152;
const EPHEMERAL_COUNT = 65536 - EPHEMERAL_FIRST;

/** Where each client lane sends its queries from. */
const CLIENT_ADDRESS: Record<string, string> = {
  [Lane.browser]: BROWSER_ADDRESS,
  [Lane.os]: HOST_ADDRESS,
  [Lane.recursive]: RECURSIVE_ADDRESS,
};

export interface PcapPacket {
  t: number;
  from: Endpoint;
  to: Endpoint;
  name: string;
  bytes: number;
}

export interface DnsPcap {
  file: Uint8Array;
  packets: PcapPacket[];
}

/** The RNG and IP ID counter a DNS capture draws its ports and IDs from, for one seed. */
export function dnsPcapState(seed: number | string): { rng: Rng; ids: Ipv4IdCounter } {
  const rng = new SeededRng(`dns pcap ${seed}`);
  return { rng, ids: new Ipv4IdCounter(1 + randomBelow(rng, 0xffff)) };
}

/** Adds every DNS message of `events` to `pcap` as a UDP datagram; returns what it added. */
export function addDnsDatagrams(
  pcap: PcapWriter,
  events: Trace['events'],
  { rng, ids }: { rng: Rng; ids: Ipv4IdCounter },
): PcapPacket[] {
  const packets: PcapPacket[] = [];
  /** The client port of each query still waiting for its response. */
  const open = new Map<string, number>();
  for (const event of events) {
    if (event.kind !== 'message' || event.protocol !== 'dns') continue;
    const { server, message } = event.decoded as { server: Peer; message: PlainMessage };
    const isResponse = message.flags.qr;
    const clientLane = isResponse ? event.to : event.from;
    const clientIp = CLIENT_ADDRESS[clientLane];
    if (!clientIp) throw new Error(`no address for the client lane '${clientLane}'`);
    const key = `${clientLane}|${server.address}|${message.id}`;
    let clientPort = open.get(key);
    if (isResponse) {
      open.delete(key);
      // A response whose query is not in the trace still needs a port.
      clientPort ??= EPHEMERAL_FIRST + randomBelow(rng, EPHEMERAL_COUNT);
    } else {
      clientPort = EPHEMERAL_FIRST + randomBelow(rng, EPHEMERAL_COUNT);
      open.set(key, clientPort);
    }
    const client = { ip: clientIp, port: clientPort };
    const srv = { ip: server.address, port: DNS_PORT };
    const [from, to] = isResponse ? [srv, client] : [client, srv];
    udpDatagram(pcap, event.t, from, to, event.bytes, ids);
    packets.push(packetOf(event, from, to));
  }
  return packets;
}

export function dnsTraceToPcap(trace: Trace, seed: number | string): DnsPcap {
  const pcap = new PcapWriter();
  const packets = addDnsDatagrams(pcap, trace.events, dnsPcapState(seed));
  return { file: pcap.toBytes(), packets };
}

function packetOf(event: MessageEvent, from: Endpoint, to: Endpoint): PcapPacket {
  return { t: event.t, from, to, name: event.name, bytes: event.bytes.length };
}
