/**
 * A whole Trace as one classic pcap, for the browser's "Download pcap": DNS messages as UDP
 * datagrams (./dns-pcap.ts) and TLS records as TCP conversations (./tls-pcap.ts), each at its
 * virtual time. It reads the Trace only, so an imported trace exports the same way as a fresh run.
 *
 * TLS records are grouped into connections by the pair of lanes that exchange them; a ClientHello
 * on a pair that already carried one starts a new connection (back-to-back handshakes, a resumed
 * session). The side that sends the ClientHello is the TCP client. A trace with one connection
 * gives exactly the bytes of `tls demo --pcap` with the same seed.
 */
import type { MessageEvent, Trace } from '../trace';
import { addDnsDatagrams, dnsPcapState } from './dns-pcap';
import { PcapWriter } from './pcap';
import type { Endpoint } from './packets';
import { TLS_CLIENT, TLS_SERVER, addTlsConnection, pcapRng, type TlsFlow } from './tls-pcap';

export interface TracePcap {
  file: Uint8Array;
  /** Frames written: segments and datagrams. */
  frames: number;
  /** TLS connections found (each one TCP conversation). */
  connections: number;
}

interface Connection {
  clientLane: string;
  serverLane: string;
  flows: TlsFlow[];
}

/** The TLS connections of a trace, in the order they start. */
export function tlsConnections(trace: Trace): Connection[] {
  const connections: Connection[] = [];
  const current = new Map<string, Connection>();
  for (const e of trace.events) {
    if (e.kind !== 'message' || e.protocol !== 'tls') continue;
    const pair = [e.from, e.to].sort().join('\u0000');
    let c = current.get(pair);
    if (!c || (isClientHello(e) && c.flows.length > 0)) {
      const opensIt = isClientHello(e) || !c;
      c = {
        clientLane: opensIt ? e.from : e.to,
        serverLane: opensIt ? e.to : e.from,
        flows: [],
      };
      current.set(pair, c);
      connections.push(c);
    }
    c.flows.push({ t: e.t, from: e.from === c.clientLane ? 'client' : 'server', bytes: e.bytes });
  }
  return connections;
}

function isClientHello(e: MessageEvent): boolean {
  return e.name === 'ClientHello' || e.name.startsWith('ClientHello ');
}

/** Addresses for TLS lanes: the demo client and server first, then 192.0.2.30, .40, … */
function laneAddresses(connections: Connection[]): Map<string, string> {
  const ips = new Map<string, string>();
  const next = () =>
    ips.size < 2 ? [TLS_CLIENT.ip, TLS_SERVER.ip][ips.size]! : `192.0.2.${(ips.size + 1) * 10}`;
  for (const c of connections) {
    if (!ips.has(c.clientLane)) ips.set(c.clientLane, next());
    if (!ips.has(c.serverLane)) ips.set(c.serverLane, next());
  }
  return ips;
}

export function traceToPcap(trace: Trace, seed: number | string): TracePcap {
  const writer = new PcapWriter();
  addDnsDatagrams(writer, trace.events, dnsPcapState(seed));
  const connections = tlsConnections(trace);
  const ips = laneAddresses(connections);
  const rng = pcapRng(seed);
  connections.forEach((c, i) => {
    // Each connection from its own client port, so Wireshark keeps them apart.
    const client: Endpoint = { ip: ips.get(c.clientLane)!, port: TLS_CLIENT.port + i };
    const server: Endpoint = { ip: ips.get(c.serverLane)!, port: TLS_SERVER.port };
    addTlsConnection(writer, { client, server, flows: c.flows }, rng);
  });
  return { file: writer.toBytes(), frames: writer.count, connections: connections.length };
}
