/**
 * A capture file opened as Wirestep runs: every TLS connection and every DNS exchange in it, each
 * a Trace between the capture's real addresses, with times in milliseconds from the first packet
 * of the capture. The UI and the CLI both draw these.
 */
import { DecodeError } from '../bytes';
import { decodeMessage, labelName, queryLabel, responseLabel, type MessageLabel } from '../dns';
import type { MessageEvent, Trace } from '../trace';
import { readCaptureFile, type CaptureProblem } from './file';
import { parseKeyLog, type KeyLog } from './keylog';
import {
  endpoint,
  LINK_TYPES,
  TCP_SYN,
  TCP_ACK,
  transportOf,
  type TransportPacket,
} from './packets';
import { arrivalOf, reassemble, type TcpStream } from './tcp';
import { looksLikeTls, readTlsConnection } from './tls-connection';

export interface CapturedConnection {
  kind: 'tls' | 'dns';
  transport: 'tcp' | 'udp';
  client: string;
  server: string;
  /** Lanes are [client, server]; `t` counts milliseconds from the capture's first packet. */
  trace: Trace;
  /** Milliseconds since the Unix epoch of the connection's first packet. */
  start: number;
  version?: string;
  suite?: number;
  /** Whether the key log held this TLS session's secrets. */
  keys?: 'none' | 'found';
  problems: string[];
}

export interface OpenedCapture {
  format: 'pcap' | 'pcapng';
  packets: number;
  /** Milliseconds since the Unix epoch of the first packet; the traces count from here. */
  start: number;
  connections: CapturedConnection[];
  /** Where reading the file stopped, when it is damaged. */
  problem?: CaptureProblem;
  /** Whether the file carried its own key log (pcapng Decryption Secrets Block). */
  embeddedKeys: boolean;
  /** The LINKTYPE_ values of packets we do not read (not Ethernet, cooked, raw IP or loopback). */
  unreadLinkTypes: number[];
}

const DNS_PORT = 53;

function flowKey(a: string, ap: number, b: string, bp: number): string {
  return `${a}|${ap}|${b}|${bp}`;
}

/** Opens a capture; `keyLogText` is an NSS key log to use beside any the file embeds. */
export function openCapture(bytes: Uint8Array, keyLogText = ''): OpenedCapture {
  const file = readCaptureFile(bytes);
  const keyLog: KeyLog = parseKeyLog(keyLogText);
  parseKeyLog(file.keyLog, keyLog);
  const start = file.packets.length > 0 ? Math.min(...file.packets.map((p) => p.time)) : 0;

  const tcp = new Map<string, TransportPacket[]>();
  const udp: TransportPacket[] = [];
  for (const p of file.packets) {
    const t = transportOf(p);
    if (!t) continue;
    if (t.protocol === 'udp') {
      udp.push(t);
      continue;
    }
    const forward = flowKey(t.src, t.srcPort, t.dst, t.dstPort);
    const backward = flowKey(t.dst, t.dstPort, t.src, t.srcPort);
    // A connection is keyed by the direction it was first seen in; a new SYN on a used 4-tuple
    // starts a new connection.
    const key = tcp.has(backward) ? backward : forward;
    const list = tcp.get(key);
    const isNewSyn = (t.flags & (TCP_SYN | TCP_ACK)) === TCP_SYN;
    if (list && isNewSyn && list.some((x) => x.payload.length > 0)) {
      tcp.set(`${key}|${t.frame}`, list);
      tcp.set(forward, [t]);
    } else if (list) list.push(t);
    else tcp.set(forward, [t]);
  }

  const connections: CapturedConnection[] = [];
  for (const packets of tcp.values()) {
    const c = tcpConnection(packets, keyLog, start);
    if (c) connections.push(c);
  }
  connections.push(...udpDns(udp, start));
  connections.sort((a, b) => a.start - b.start);
  return {
    format: file.format,
    packets: file.packets.length,
    start,
    connections,
    embeddedKeys: file.keyLog.trim() !== '',
    unreadLinkTypes: [
      ...new Set(file.packets.map((p) => p.linkType).filter((l) => !(l in LINK_TYPES))),
    ],
    ...(file.problem ? { problem: file.problem } : {}),
  };
}

function tcpConnection(
  packets: TransportPacket[],
  keyLog: KeyLog,
  t0: number,
): CapturedConnection | undefined {
  const first = packets[0]!;
  // The client sent the SYN; without one (a capture begun mid-connection) the one that sent
  // first, unless it used a well-known port and its peer did not.
  const syn = packets.find((p) => (p.flags & (TCP_SYN | TCP_ACK)) === TCP_SYN);
  let c = syn ?? first;
  if (!syn && c.srcPort < 1024 && c.dstPort >= 1024)
    c = { ...c, src: c.dst, srcPort: c.dstPort, dst: c.src, dstPort: c.srcPort };
  const fromClient = (p: TransportPacket) => p.src === c.src && p.srcPort === c.srcPort;
  const clientStream = reassemble(packets.filter(fromClient));
  const serverStream = reassemble(packets.filter((p) => !fromClient(p)));
  const lanes = { client: endpoint(c.src, c.srcPort), server: endpoint(c.dst, c.dstPort) };
  const startTime = Math.min(...packets.map((p) => p.time));
  const base = {
    transport: 'tcp' as const,
    client: lanes.client,
    server: lanes.server,
    start: startTime,
  };
  if (looksLikeTls(clientStream.bytes)) {
    const read = readTlsConnection(clientStream, serverStream, lanes, keyLog, t0);
    return {
      ...base,
      kind: 'tls',
      trace: { lanes: [lanes.client, lanes.server], events: [...read.secrets, ...read.messages] },
      ...(read.version ? { version: read.version } : {}),
      ...(read.suite !== undefined ? { suite: read.suite } : {}),
      keys: read.keys,
      problems: read.problems,
    };
  }
  if (c.dstPort === DNS_PORT || looksLikeTcpDns(clientStream.bytes)) {
    const problems: string[] = [];
    const events = [
      ...tcpDnsMessages(clientStream, lanes.client, lanes.server, t0, problems, 'client'),
      ...tcpDnsMessages(serverStream, lanes.server, lanes.client, t0, problems, 'server'),
    ].sort((a, b) => a.t - b.t);
    if (events.length === 0) return undefined;
    return {
      ...base,
      kind: 'dns',
      trace: { lanes: [lanes.client, lanes.server], events },
      problems,
    };
  }
  return undefined;
}

/** RFC 1035, Section 4.2.2: over TCP each message is prefixed with its two-byte length. */
function looksLikeTcpDns(bytes: Uint8Array): boolean {
  if (bytes.length < 14) return false;
  const length = (bytes[0]! << 8) | bytes[1]!;
  if (length < 12 || length + 2 > bytes.length) return false;
  return dnsMessage(bytes.subarray(2, 2 + length)) !== undefined;
}

function dnsMessage(bytes: Uint8Array) {
  try {
    const d = decodeMessage(bytes);
    return d.message.questions.length > 0 ? d : undefined;
  } catch (e) {
    if (e instanceof DecodeError) return undefined;
    throw e;
  }
}

function dnsEvent(
  bytes: Uint8Array,
  from: string,
  to: string,
  t: number,
): MessageEvent | undefined {
  const d = dnsMessage(bytes);
  if (!d) return undefined;
  return {
    kind: 'message',
    t,
    from,
    to,
    protocol: 'dns',
    ...named(d.message.header.qr ? responseLabel(d.message) : queryLabel(d.message)),
    bytes,
    spans: d.spans,
    decoded: { capture: { time: new Date(t).toISOString() } },
    encrypted: false,
  };
}

function tcpDnsMessages(
  stream: TcpStream,
  from: string,
  to: string,
  t0: number,
  problems: string[],
  side: string,
): MessageEvent[] {
  const out: MessageEvent[] = [];
  const b = stream.bytes;
  let at = 0;
  while (at + 2 <= b.length) {
    const length = (b[at]! << 8) | b[at + 1]!;
    if (at + 2 + length > b.length) break;
    const e = dnsEvent(b.subarray(at + 2, at + 2 + length), from, to, 0);
    if (!e) {
      problems.push(`${side} stream: not a DNS message at stream byte ${at}`);
      return out;
    }
    e.t = arrivalOf(stream, at, at + 2 + length) - t0;
    e.decoded = { capture: { time: new Date(e.t + t0).toISOString() } };
    out.push(e);
    at += 2 + length;
  }
  if (at < b.length)
    problems.push(`${side} stream: the capture ends inside a message at stream byte ${at}`);
  return out;
}

/** DNS over UDP: a query and its answers (same ports, same ID), one exchange each. */
function udpDns(datagrams: TransportPacket[], t0: number): CapturedConnection[] {
  const exchanges = new Map<string, CapturedConnection>();
  for (const d of datagrams) {
    if (d.srcPort !== DNS_PORT && d.dstPort !== DNS_PORT && !dnsMessage(d.payload)) continue;
    const parsed = dnsMessage(d.payload);
    if (!parsed) continue;
    const id = parsed.message.header.id;
    const isResponse = parsed.message.header.qr;
    const client = isResponse ? endpoint(d.dst, d.dstPort) : endpoint(d.src, d.srcPort);
    const server = isResponse ? endpoint(d.src, d.srcPort) : endpoint(d.dst, d.dstPort);
    const key = `${client}|${server}|${id}`;
    let x = exchanges.get(key);
    // A new query with the same ID after an answer is a new exchange.
    if (x && !isResponse && x.trace.events.some((e) => e.kind === 'message' && e.from === server)) {
      exchanges.set(`${key}|${d.frame}`, x);
      x = undefined;
    }
    if (!x) {
      x = {
        kind: 'dns',
        transport: 'udp',
        client,
        server,
        start: d.time,
        trace: { lanes: [client, server], events: [] },
        problems: [],
      };
      exchanges.set(key, x);
    }
    const e = dnsEvent(
      d.payload,
      isResponse ? server : client,
      isResponse ? client : server,
      d.time - t0,
    );
    if (e) {
      e.decoded = { capture: { time: new Date(d.time).toISOString() } };
      x.trace.events.push(e);
    }
  }
  return [...new Set(exchanges.values())];
}

/** A DNS message's name and the key it is made from. */
function named(label: MessageLabel): { name: string; label: MessageLabel } {
  return { name: labelName(label), label };
}
