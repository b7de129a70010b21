/**
 * One visit to an https URL, as a browser makes it: (1) the DNS lookup of the host through the
 * browser's, the OS's and the recursive resolver's caches; (2) a TCP connection to the address it
 * got (RFC 9293, Section 3.5: SYN, SYN-ACK, ACK); (3) the TLS 1.2 handshake, in which the browser
 * checks the certificate against the host it looked up; (4) the encrypted GET and its response;
 * then TLS close_notify and the TCP FIN exchange (RFC 9293, Section 3.6). Every step is the real
 * engine's, on one virtual clock.
 */
import { Lane } from '../../dns/lanes';
import { HOST_ADDRESS } from '../../dns/lookup';
import { VirtualClock } from '../../sim/clock';
import { Ipv4IdCounter, type Endpoint } from '../../sim/packets';
import { randomBelow, type Rng } from '../../sim/rng';
import { TcpConversation, type TcpPacket } from '../../sim/tcp-conversation';
import { TraceRecorder, type TraceEvent, type TraceParams } from '../../trace';
import type { ClientConfig, ServerConfig } from '../../tls/config';
import { cipherSuiteName } from '../../tls/enums';
import { CLIENT_LANE, SERVER_LANE, runTlsExchange } from '../tls-run';
import type { LookupReport, LookupSequence } from '../lab/dns/sequence';
import { relane } from './relane';
import { tcpSegmentEvent } from './tcp-segment';

/** One-way latency between the browser and the web server: the TLS runner's default, 20 ms. */
export const WEB_LATENCY_MS = 20;

/** A frame's TCP header starts after 14 bytes of Ethernet II and 20 of IPv4 without options. */
const TCP_OFFSET_IN_FRAME = 14 + 20;

/** The dynamic port range a client picks its port from (RFC 6335, Section 6). */
const EPHEMERAL_PORT_FIRST = 49152;
const EPHEMERAL_PORT_COUNT = 65536 - EPHEMERAL_PORT_FIRST;

export class JourneyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JourneyInputError';
  }
}

export interface VisitTarget {
  url: string;
  host: string;
  port: number;
  path: string;
}

/** An https URL, split into what the browser needs; anything else is a JourneyInputError. */
export function parseVisitUrl(url: string): VisitTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new JourneyInputError(`not a URL: '${url}'`);
  }
  if (parsed.protocol !== 'https:')
    throw new JourneyInputError(`the journey visits https URLs, not '${parsed.protocol}'`);
  return {
    url: parsed.toString(),
    host: parsed.hostname,
    port: parsed.port === '' ? 443 : Number(parsed.port),
    path: `${parsed.pathname}${parsed.search}`,
  };
}

/** What one visit's TLS handshake did. */
export interface TlsReport {
  ok: boolean;
  /** How the session was set up: a full handshake (false) or a resumption. */
  resumed: false | 'session_id' | 'session_ticket';
  cipherSuite: string | null;
  certificate: {
    /** The name the browser checks the certificate against: the host it looked up. */
    checkedFor: string;
    /** 'not sent' on a resumed session: the certificate was checked when it was made. */
    result: 'valid' | 'rejected' | 'not sent';
  };
  /** The alert that ended the connection, if one did. */
  alert: { description: string; sentBy: string; reason: string; params?: TraceParams } | null;
}

export interface VisitReport {
  url: string;
  host: string;
  /** Virtual ms since the journey began. */
  startedAtMs: number;
  dns: LookupReport;
  /** The address the browser connected to; null when DNS gave none. */
  address: string | null;
  tcp: { client: string; server: string } | null;
  tls: TlsReport | null;
  /** "HTTP/1.1 200 OK", or null when no response came. */
  httpStatus: string | null;
  messages: { dns: number; tcp: number; tls: number; total: number };
  /** From the start of the visit until the browser had the HTTP response. */
  responseAfterMs: number | null;
  /** From the start of the visit until the last TCP segment. */
  durationMs: number;
  /** This visit's events in the Trace: [start, end). */
  events: [number, number];
}

/** What lives across visits: the DNS caches, the TLS sessions, one clock and one RNG. */
export interface Browser {
  dns: LookupSequence;
  recorder: TraceRecorder;
  clock: VirtualClock;
  rng: Rng;
  seed: number | string;
  tlsClient: (host: string) => ClientConfig;
  tlsServer: ServerConfig;
  ipIds: Ipv4IdCounter;
}

/** The lane of the web server for `host`. */
export function serverLane(host: string): string {
  return `Server ${host}`;
}

export async function visit(
  browser: Browser,
  target: VisitTarget,
  at: number,
): Promise<VisitReport> {
  const { recorder } = browser;
  const first = recorder.events.length;
  const web = serverLane(target.host);
  recorder.push({
    kind: 'note',
    t: at,
    lane: Lane.browser,
    key: 'journey.note.visit',
    params: { url: target.url },
  });

  const dns = await browser.dns.lookupAt(target.host, 'A', at);
  const address = dns.addresses.find((a) => a.includes('.')) ?? null;
  const finish = (parts: Partial<VisitReport>): VisitReport => {
    const events = recorder.events.slice(first);
    const count = (protocol: string) =>
      events.filter((e) => e.kind === 'message' && e.protocol === protocol).length;
    const messages = { dns: count('dns'), tcp: count('tcp'), tls: count('tls'), total: 0 };
    messages.total = messages.dns + messages.tcp + messages.tls;
    const lastT = events.reduce((t, e) => Math.max(t, e.t), at);
    return {
      url: target.url,
      host: target.host,
      startedAtMs: at - browser.dns.start,
      dns,
      address,
      tcp: null,
      tls: null,
      httpStatus: null,
      messages,
      responseAfterMs: null,
      durationMs: lastT - at,
      events: [first, recorder.events.length],
      ...parts,
    };
  };
  if (!address) return finish({});

  // (2) TCP: the browser opens a connection to the address DNS gave.
  const client: Endpoint = {
    ip: HOST_ADDRESS,
    port: EPHEMERAL_PORT_FIRST + randomBelow(browser.rng, EPHEMERAL_PORT_COUNT),
  };
  const server: Endpoint = { ip: address, port: target.port };
  const tcp = new TcpConversation({
    client,
    server,
    // RFC 9293, Section 3.4.1: initial sequence numbers that an off-path attacker cannot guess.
    clientIsn: browser.rng.uint32(),
    serverIsn: browser.rng.uint32(),
    ipIds: browser.ipIds,
  });
  const synAt = browser.dns.now;
  tcp.open(synAt, synAt + WEB_LATENCY_MS, synAt + 2 * WEB_LATENCY_MS);
  const segmentLanes = {
    client: { from: Lane.browser, to: web },
    server: { from: web, to: Lane.browser },
  };
  const push = (packets: readonly TcpPacket[]) => {
    for (const p of packets)
      recorder.push(
        tcpSegmentEvent({
          t: p.t,
          ...segmentLanes[p.from],
          src: p.from === 'client' ? client : server,
          dst: p.from === 'client' ? server : client,
          segment: p.frame.subarray(TCP_OFFSET_IN_FRAME),
        }),
      );
  };
  push(tcp.segments);

  // (3) and (4): TLS over that connection, starting with the handshake's last ACK.
  browser.clock.set(synAt + 2 * WEB_LATENCY_MS);
  const tlsTrace = new TraceRecorder();
  const run = await runTlsExchange({
    seed: browser.seed,
    serverName: target.host,
    path: target.path,
    latencyMs: WEB_LATENCY_MS,
    reuse: {
      client: browser.tlsClient(target.host),
      server: browser.tlsServer,
      clock: browser.clock,
      rng: browser.rng,
      trace: tlsTrace,
    },
  });
  const lanes = new Map([
    [CLIENT_LANE, Lane.browser],
    [SERVER_LANE, web],
  ]);
  const tlsEvents = tlsTrace.events.map((e) => relane(e, lanes));
  for (const e of tlsEvents) recorder.push(e);

  // The records rode on the connection: their bytes move the sequence numbers the FINs carry.
  for (const flow of run.flows) tcp.send(flow.t, flow.from, flow.bytes);
  const closeAt = Math.max(browser.clock.now(), run.flows[run.flows.length - 1]?.t ?? 0);
  const before = tcp.segments.length;
  tcp.close(closeAt, 'client', closeAt + WEB_LATENCY_MS, closeAt + 2 * WEB_LATENCY_MS);
  push(tcp.segments.slice(before));

  const response = tlsEvents.find(
    (e) =>
      e.kind === 'message' &&
      e.from === web &&
      e.decrypted?.innerName.startsWith('ApplicationData (HTTP') === true,
  );
  return finish({
    tcp: { client: `${client.ip}:${client.port}`, server: `${server.ip}:${server.port}` },
    tls: tlsReport(run.client.negotiated, run.ok, tlsEvents, target.host),
    httpStatus: run.httpStatus ?? null,
    // The event's time is when the server sent it; it reaches the browser one latency later.
    responseAfterMs: response ? response.t + WEB_LATENCY_MS - at : null,
  });
}

function tlsReport(
  negotiated: { resumed?: 'session_id' | 'session_ticket'; cipherSuite?: number },
  ok: boolean,
  events: readonly TraceEvent[],
  host: string,
): TlsReport {
  const noted = (key: string) => events.some((e) => e.kind === 'note' && e.key === key);
  const alert = events.find((e) => e.kind === 'alert' && e.level === 'fatal');
  const resumed = negotiated.resumed ?? false;
  return {
    ok,
    resumed,
    cipherSuite:
      negotiated.cipherSuite === undefined ? null : cipherSuiteName(negotiated.cipherSuite),
    certificate: {
      checkedFor: host,
      result: noted('tls.client.certificate_valid')
        ? 'valid'
        : noted('tls.client.certificate_rejected')
          ? 'rejected'
          : 'not sent',
    },
    alert:
      alert?.kind === 'alert'
        ? {
            description: alert.description,
            sentBy: alert.from,
            reason: alert.reason,
            ...(alert.params ? { params: alert.params } : {}),
          }
        : null,
  };
}
