/**
 * A whole Trace as one classic pcap, for the browser's "Download pcap": DNS messages as UDP
 * datagrams (../dns/pcap.ts) and TLS records as TCP conversations (../sim/tls-pcap.ts), each at its
 * virtual time. It reads the Trace only, so an imported trace exports the same way as a fresh run.
 *
 * TLS records are grouped into connections by the pair of lanes that exchange them; a ClientHello
 * on a pair that already carried one starts a new connection (back-to-back handshakes, a resumed
 * session). The side that sends the ClientHello is the TCP client. A trace with one connection
 * gives exactly the bytes of `tls demo --pcap` with the same seed.
 *
 * When the trace shows the TCP connection itself (the journey's SYN, SYN-ACK, ACK and FINs, as
 * `tcp` messages), the capture uses what they say: the addresses and ports, the initial sequence
 * numbers and the times. Its segments are then the trace's own, with the data segments between.
 */
import type { MessageEvent, Trace } from '../trace';
import { addDnsDatagrams, dnsPcapState } from '../dns/pcap';
import { PcapWriter } from '../sim/pcap';
import type { Endpoint } from '../sim/packets';
import { TcpConversation } from '../sim/tcp-conversation';
import { TLS_CLIENT, TLS_SERVER, addTlsConnection, pcapRng, type TlsFlow } from '../sim/tls-pcap';

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
  /** The TCP connection as the trace showed it, if it did. */
  tcp?: TcpFacts;
}

/** What a trace's `tcp` messages say about one connection (src/engine/scenarios/journey). */
export interface TcpFacts {
  client: Endpoint;
  server: Endpoint;
  clientIsn: number;
  serverIsn: number;
  /** SYN, SYN-ACK and ACK times. */
  open: [number, number, number];
  /** The client's FIN, the server's FIN and the last ACK, when the trace has them. */
  close?: [number, number, number];
}

interface TcpSegmentFacts {
  source: string;
  destination: string;
  seq: number;
  flags: string[];
}

function endpoint(text: string): Endpoint | undefined {
  const m = /^(\d+\.\d+\.\d+\.\d+):(\d+)$/.exec(text);
  return m ? { ip: m[1]!, port: Number(m[2]) } : undefined;
}

/**
 * The TCP connections a trace shows, by lane pair, in order: each starts at a SYN that was not
 * lost, and collects the SYN-ACK, the ACK after it, and the FIN exchange.
 */
function tcpConnections(trace: Trace): Map<string, TcpFacts[]> {
  const byPair = new Map<string, TcpFacts[]>();
  const fins = new Map<TcpFacts, number[]>();
  const handshakeDone = new Set<TcpFacts>();
  for (const e of trace.events) {
    if (e.kind !== 'message' || e.protocol !== 'tcp' || e.dropped) continue;
    const seg = e.decoded as Partial<TcpSegmentFacts>;
    if (typeof seg.seq !== 'number' || !Array.isArray(seg.flags)) continue;
    const pair = [e.from, e.to].sort().join('\u0000');
    const list = byPair.get(pair) ?? [];
    byPair.set(pair, list);
    const flags = new Set(seg.flags);
    const current = list.at(-1);
    if (flags.has('SYN') && !flags.has('ACK')) {
      const client = endpoint(seg.source ?? '');
      const server = endpoint(seg.destination ?? '');
      if (client && server)
        list.push({ client, server, clientIsn: seg.seq, serverIsn: 0, open: [e.t, e.t, e.t] });
    } else if (!current) {
      continue;
    } else if (flags.has('SYN')) {
      current.serverIsn = seg.seq;
      current.open[1] = e.t;
      current.open[2] = e.t;
    } else if (flags.has('FIN') || fins.has(current)) {
      const times = [...(fins.get(current) ?? []), e.t];
      fins.set(current, times);
      if (times.length === 3) current.close = [times[0]!, times[1]!, times[2]!];
    } else if (!handshakeDone.has(current)) {
      current.open[2] = e.t; // the ACK that completes the three-way handshake
      handshakeDone.add(current);
    }
  }
  return byPair;
}

/** The TLS connections of a trace, in the order they start. */
export function tlsConnections(trace: Trace): Connection[] {
  const connections: Connection[] = [];
  const current = new Map<string, Connection>();
  const tcp = tcpConnections(trace);
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
      // The TCP connection this one rides on: the last one the trace opened before it.
      const facts = tcp
        .get(pair)
        ?.filter((f) => f.open[0] <= e.t)
        .at(-1);
      if (facts && !connections.some((other) => other.tcp === facts)) c.tcp = facts;
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
    if (c.tcp) {
      addShownConnection(writer, c.tcp, c.flows);
      return;
    }
    // Each connection from its own client port, so Wireshark keeps them apart.
    const client: Endpoint = { ip: ips.get(c.clientLane)!, port: TLS_CLIENT.port + i };
    const server: Endpoint = { ip: ips.get(c.serverLane)!, port: TLS_SERVER.port };
    addTlsConnection(writer, { client, server, flows: c.flows }, rng);
  });
  return { file: writer.toBytes(), frames: writer.count, connections: connections.length };
}

/** A connection whose TCP segments the trace showed: the same endpoints, numbers and times. */
function addShownConnection(writer: PcapWriter, facts: TcpFacts, flows: readonly TlsFlow[]): void {
  const tcp = new TcpConversation(facts);
  tcp.open(...facts.open);
  for (const flow of flows) tcp.send(flow.t, flow.from, flow.bytes);
  const last = flows.at(-1)?.t ?? facts.open[2];
  const close = facts.close ?? [last, last, last];
  tcp.close(close[0], 'client', close[1], close[2]);
  tcp.writeTo(writer);
}
