/**
 * What kind of message a message event is, for styling and for choosing its explanation. Reads
 * only what the Trace carries: the name, spans, `decoded` and the events around it.
 */
import type { MessageEvent } from '../../engine/trace';
import { flattenSpans, type Span } from '../../engine/bytes/span';
import type { TraceView } from '../../store/trace-view';

export type Tone = 'normal' | 'warning' | 'fatal' | 'dropped';

/** Fatal alerts and lost messages draw red; a warning alert (close_notify) draws amber. */
export function messageTone(view: TraceView, step: number): Tone {
  const m = view.messages[step];
  if (!m) return 'normal';
  if (m.dropped) return 'dropped';
  const level = alertLevel(m);
  if (level === 'fatal') return 'fatal';
  if (level === 'warning') return 'warning';
  // The engine logs an `alert` event just before sending a fatal alert record.
  const at = view.messageEvents[step]!;
  const before = view.trace.events[at - 1];
  if (before?.kind === 'alert' && before.from === m.from && before.to === m.to) return 'fatal';
  return 'normal';
}

function alertLevel(m: MessageEvent): 'warning' | 'fatal' | undefined {
  const spans = [...(m.decrypted?.spans ?? []), ...m.spans];
  const level = flattenSpans(spans).find(({ span }) => span.explain === 'tls.alert.level')?.span
    .value;
  if (typeof level !== 'string') return undefined;
  if (level.startsWith('fatal')) return 'fatal';
  if (level.startsWith('warning')) return 'warning';
  return undefined;
}

/**
 * The TLS version of the connection a message belongs to: the first ServerHello (or
 * HelloRetryRequest) between the same two lanes after the ClientHello that opened it. A ServerHello
 * that carries supported_versions chose TLS 1.3: a server that negotiates an older version must not
 * send it (RFC 8446, Section 4.2.1), and a HelloRetryRequest exists only in TLS 1.3 (Section 4.1.4).
 */
export function tlsVersionAt(view: TraceView, step: number): 'tls12' | 'tls13' | undefined {
  const m = view.messages[step];
  if (!m || m.protocol !== 'tls') return undefined;
  const samePair = (x: MessageEvent) =>
    x.protocol === 'tls' &&
    ((x.from === m.from && x.to === m.to) || (x.from === m.to && x.to === m.from));
  let start = 0;
  for (let i = step; i >= 0; i--) {
    const x = view.messages[i]!;
    if (samePair(x) && x.name.startsWith('ClientHello')) {
      start = i;
      break;
    }
  }
  for (let i = start; i < view.messages.length; i++) {
    const x = view.messages[i]!;
    if (!samePair(x)) continue;
    if (x.name.startsWith('HelloRetryRequest')) return 'tls13';
    if (/^ServerHello(?!Done)/.test(x.name)) {
      const spans = flattenSpans([...x.spans, ...(x.decrypted?.spans ?? [])]);
      const chose13 = spans.some(({ span }) =>
        span.explain?.startsWith('tls.ext.supported_versions'),
      );
      return chose13 ? 'tls13' : 'tls12';
    }
    // A second ClientHello with no answer in between: the first one got none.
    if (i > start && x.name.startsWith('ClientHello') && i > step) return undefined;
  }
  return undefined;
}

/** Explanations written for a message as TLS 1.3 sends it are keyed "TLS 1.3 <name>". */
export const TLS13_MESSAGE_PREFIX = 'TLS 1.3 ';

/** The key of a TLS 1.3 message's own explanation, when the table has one for it. */
export function tls13MessageExplainKey(
  name: string,
  table: Readonly<Record<string, string>>,
): string | undefined {
  const own: Record<string, string> = {};
  for (const [k, v] of Object.entries(table))
    if (k.startsWith(TLS13_MESSAGE_PREFIX)) own[k.slice(TLS13_MESSAGE_PREFIX.length)] = v;
  const key = messageExplainKey(name, own);
  return key !== undefined && Object.hasOwn(own, key) ? TLS13_MESSAGE_PREFIX + key : undefined;
}

/** The key of a message's explanation in the language table's `messages`. */
export function messageExplainKey(
  name: string,
  table: Readonly<Record<string, string>>,
): string | undefined {
  if (Object.hasOwn(table, name)) return name;
  if (name.startsWith('ApplicationData')) return 'ApplicationData';
  if (name.startsWith('Alert')) return 'Alert';
  const first = name.split(' ')[0]!;
  return Object.hasOwn(table, first) ? first : undefined;
}

export type DnsKind =
  | 'queryStub'
  | 'queryIterative'
  | 'referral'
  | 'answer'
  | 'answerAuthoritative'
  | 'answerFromCache'
  | 'nodata'
  | 'nxdomain'
  | 'failure'
  | 'unknown';

export interface DnsClass {
  kind: DnsKind;
  params: Record<string, string>;
}

/**
 * The DNS engine's `decoded` value: the server it talked to and a plain view of the message
 * (src/engine/dns/plain.ts), read structurally so a missing field degrades to the message name.
 */
interface DnsDecoded {
  server?: { name?: string; address?: string; zone?: string };
  message?: {
    flags?: { qr?: boolean; aa?: boolean; rd?: boolean };
    rcode?: string;
    questions?: { name?: string; type?: string }[];
    answers?: unknown[];
    authority?: { type?: string }[];
  };
}

export function classifyDns(view: TraceView, step: number): DnsClass {
  const m = view.messages[step];
  if (!m) return { kind: 'unknown', params: {} };
  const decoded = (m.decoded ?? {}) as DnsDecoded;
  const d = decoded.message ?? {};
  const q = d.questions?.[0];
  const fromName = questionFromName(m.name);
  const rcode = d.rcode ?? 'NOERROR';
  const server = decoded.server;
  const params: Record<string, string> = {
    from: m.from,
    to: m.to,
    name: q?.name !== undefined ? trimDot(q.name) : fromName.name,
    type: q?.type ?? fromName.type,
    rcode,
    server: server?.name
      ? `${trimDot(server.name)} (${server.address ?? ''})`
      : (server?.address ?? ''),
  };
  const isResponse = d.flags?.qr ?? !/^query\b/i.test(m.name);
  if (!isResponse) {
    const recursive = d.flags?.rd ?? m.from !== 'Recursive resolver';
    return { kind: recursive ? 'queryStub' : 'queryIterative', params };
  }
  if (rcode === 'NXDOMAIN') return { kind: 'nxdomain', params };
  if (rcode !== 'NOERROR') return { kind: 'failure', params };
  if ((d.answers?.length ?? 0) > 0) {
    if (answeredFromCache(view, step)) return { kind: 'answerFromCache', params };
    return { kind: d.flags?.aa ? 'answerAuthoritative' : 'answer', params };
  }
  if (/^referral\b/i.test(m.name) || d.authority?.some((r) => r.type === 'NS'))
    return { kind: 'referral', params };
  if (d.authority?.some((r) => r.type === 'SOA')) return { kind: 'nodata', params };
  return { kind: 'unknown', params };
}

/** A response whose sender hit its own cache since the previous message. */
function answeredFromCache(view: TraceView, step: number): boolean {
  const m = view.messages[step]!;
  const from = step > 0 ? view.messageEvents[step - 1]! + 1 : 0;
  const to = view.messageEvents[step]!;
  return view.trace.events
    .slice(from, to)
    .some((e) => e.kind === 'cache' && e.op === 'hit' && e.lane === m.from);
}

function trimDot(name: string): string {
  return name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name;
}

/** "Query www.example.com A" → name and type, when `decoded` does not say. */
function questionFromName(name: string): { name: string; type: string } {
  const parts = name.split(' ');
  return { name: parts[1] ?? '', type: parts[2] ?? '' };
}

/** The innermost span at an offset, with the chain of its ancestors (outermost first). */
export function spanPath(spans: readonly Span[], offset: number): Span[] {
  for (const span of spans) {
    if (offset >= span.offset && offset < span.offset + span.length)
      return [span, ...spanPath(span.children, offset)];
  }
  return [];
}

export type TcpKind =
  | 'syn'
  | 'synProbe'
  | 'synLost'
  | 'synAck'
  | 'ackOpen'
  | 'ackProbe'
  | 'ackClose'
  | 'ack'
  | 'fin'
  | 'rstProbe'
  | 'rst';

export interface TcpClass {
  kind: TcpKind;
  params: Record<string, string>;
}

/** The health checker's lane (src/engine/scenarios/lab/dns/gslb/health-checker.ts). */
const PROBER_LANE = 'Health checker';

/** The plain view the engine puts in a segment's `decoded` (journey/tcp-segment.ts). */
interface TcpDecoded {
  source?: string;
  destination?: string;
  seq?: number;
  ack?: number;
}

/**
 * What a TCP control segment does in its connection, for its explanation: the three-way handshake
 * (RFC 9293, Section 3.5), the close (Section 3.6) or an abort (Section 3.10.5). An ACK reads the
 * segment before it between the same two lanes: after a SYN-ACK it completes the handshake, after
 * a FIN it acknowledges the close. A health checker's segments are its probes. Undefined for a
 * segment whose flags say none of these, so the coverage test names it.
 */
export function classifyTcp(view: TraceView, step: number): TcpClass | undefined {
  const m = view.messages[step];
  if (!m || m.protocol !== 'tcp') return undefined;
  const d = (m.decoded ?? {}) as TcpDecoded;
  const probe = m.from === PROBER_LANE || m.to === PROBER_LANE;
  const params: Record<string, string> = {
    from: m.from,
    to: m.to,
    destination: d.destination ?? '',
    seq: String(d.seq ?? ''),
    ack: String(d.ack ?? ''),
  };
  const previous = view.messages
    .slice(0, step)
    .findLast(
      (p) =>
        p.protocol === 'tcp' &&
        ((p.from === m.from && p.to === m.to) || (p.from === m.to && p.to === m.from)),
    );
  switch (m.name) {
    case 'SYN':
      return { kind: m.dropped ? 'synLost' : probe ? 'synProbe' : 'syn', params };
    case 'SYN-ACK':
      return { kind: 'synAck', params };
    case 'ACK':
      if (previous?.name === 'SYN-ACK') return { kind: probe ? 'ackProbe' : 'ackOpen', params };
      if (previous?.name.startsWith('FIN')) return { kind: 'ackClose', params };
      return { kind: 'ack', params };
    case 'FIN':
    case 'FIN-ACK':
      return { kind: 'fin', params };
    case 'RST':
    case 'RST-ACK':
      return { kind: probe ? 'rstProbe' : 'rst', params };
    default:
      return undefined;
  }
}
