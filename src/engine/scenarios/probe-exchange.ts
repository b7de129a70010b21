/**
 * One probe of a `tls probe` report as messages the inspector shows like any run's: the Client's
 * ClientHello, then the Server's records (its ServerHello flight, or an alert), each read with the
 * `tls decode` decoder. Nothing is re-encoded: every message carries the bytes that were on the
 * wire, and its spans are the decoder's.
 */
import { DecodeError, type Span } from '../bytes';
import { fromHex } from '../bytes/hex';
import { shiftSpans } from '../bytes/span';
import { decodeTlsRecords } from '../tls/decode';
import { ContentType, alertDescriptionName } from '../tls/enums';
import type { MessageEvent, Trace } from '../trace';
import type { ProbeExchange } from './probe-json';

/** RFC 8446, Section 4.1.3: the Random of a HelloRetryRequest, SHA-256("HelloRetryRequest"). */
export const HELLO_RETRY_REQUEST_RANDOM = fromHex(
  'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c',
);

export const PROBE_CLIENT = 'Client';
export const PROBE_SERVER = 'Server';

/** How the server answered, for the list of probes. */
export type ProbeAnswerSummary =
  /** `message` is ServerHello, or HelloRetryRequest. */
  | { kind: 'hello'; message: string; suite: string }
  | { kind: 'alert'; description: string }
  | { kind: 'closed' }
  | { kind: 'undecodable' };

export interface ExchangeMessages {
  /** ClientHello first, then one message per record of the answer. */
  trace: Trace;
  answer: ProbeAnswerSummary;
  /** Where and why a side's bytes do not decode as TLS records; its bytes are still shown. */
  problem?: { side: 'clientHello' | 'answer'; reason: string; offset: number };
}

/** One message per record: a record's handshake messages share its bytes, as in a real run. */
function recordMessages(
  bytes: Uint8Array,
  from: string,
  to: string,
  t: number,
): { messages: MessageEvent[] } | { reason: string; offset: number } {
  let spans: Span[];
  try {
    spans = decodeTlsRecords(bytes).spans;
  } catch (e) {
    if (e instanceof DecodeError) return { reason: e.reason, offset: e.offset };
    throw e;
  }
  const messages = spans.map((record): MessageEvent => {
    const recordBytes = bytes.slice(record.offset, record.offset + record.length);
    return {
      kind: 'message',
      t,
      from,
      to,
      protocol: 'tls',
      name: recordName(recordBytes, record),
      bytes: recordBytes,
      spans: shiftSpans([record], -record.offset),
      decoded: null,
      encrypted: false,
    };
  });
  return { messages };
}

/**
 * Named as the engine names what it receives: "Alert handshake_failure" for an alert, and the
 * handshake messages of the record ("ServerHello", or "ServerHello + Certificate" when a server
 * puts several in one record, RFC 5246, Section 6.2.1). A ServerHello whose random is the
 * HelloRetryRequest value is one (RFC 8446, Section 4.1.3): TLS 1.3 reuses the structure.
 */
function recordName(bytes: Uint8Array, record: Span): string {
  // RFC 5246, Section 7.2: Alert { level, description }, right after the 5-byte record header.
  if (bytes[0] === ContentType.alert && bytes.length >= 7)
    return `Alert ${alertDescriptionName(bytes[6]!)}`;
  const fragment = record.children.find((c) => c.name === 'fragment');
  const names = (fragment?.children ?? []).map((c) =>
    c.name === 'ServerHello' && isHelloRetry(bytes, c) ? 'HelloRetryRequest' : c.name,
  );
  return names.length > 0 ? names.join(' + ') : 'Record';
}

function isHelloRetry(bytes: Uint8Array, serverHello: Span): boolean {
  const random = serverHello.children.find((c) => c.name === 'random');
  if (!random || random.length !== HELLO_RETRY_REQUEST_RANDOM.length) return false;
  const value = bytes.subarray(random.offset, random.offset + random.length);
  return value.every((b, i) => b === HELLO_RETRY_REQUEST_RANDOM[i]);
}

function findSpan(spans: readonly Span[], name: string): Span | undefined {
  for (const s of spans) {
    if (s.name === name) return s;
    const inner = findSpan(s.children, name);
    if (inner) return inner;
  }
  return undefined;
}

function summaryOf(first: MessageEvent): ProbeAnswerSummary {
  if (first.name.startsWith('Alert '))
    return { kind: 'alert', description: first.name.slice('Alert '.length) };
  const suite = findSpan(first.spans, 'cipher_suite')?.value;
  return {
    kind: 'hello',
    message: first.name.split(' + ')[0]!,
    suite: typeof suite === 'string' ? suite : '',
  };
}

/**
 * How the server answered, for the list of probes: read from the answer's first record alone
 * (the ServerHello or the alert), so a report of hundreds of probes does not decode every
 * certificate to draw its list. A first record that does not decode alone (a ServerHello cut
 * across records) is read with the rest.
 */
export function answerSummary(x: ProbeExchange): ProbeAnswerSummary {
  if (x.answer.length === 0) return { kind: 'closed' };
  // RFC 5246, Section 6.2.1: a 5-byte header whose last two bytes are the fragment's length.
  const end = x.answer.length >= 5 ? 5 + ((x.answer[3]! << 8) | x.answer[4]!) : x.answer.length;
  const first = recordMessages(x.answer.subarray(0, end), PROBE_SERVER, PROBE_CLIENT, 1);
  if ('messages' in first && first.messages.length > 0) return summaryOf(first.messages[0]!);
  return exchangeMessages(x).answer;
}

/** The probe's ClientHello and the server's answer, as a Trace of real records. */
export function exchangeMessages(x: ProbeExchange): ExchangeMessages {
  const events: MessageEvent[] = [];
  let problem: ExchangeMessages['problem'];
  const raw = (bytes: Uint8Array, from: string, to: string, t: number): MessageEvent => ({
    kind: 'message',
    t,
    from,
    to,
    protocol: 'tls',
    name: 'Bytes',
    bytes,
    spans: [],
    decoded: null,
    encrypted: false,
  });

  const hello = recordMessages(x.clientHello, PROBE_CLIENT, PROBE_SERVER, 0);
  if ('messages' in hello) events.push(...hello.messages);
  else {
    problem = { side: 'clientHello', reason: hello.reason, offset: hello.offset };
    events.push(raw(x.clientHello, PROBE_CLIENT, PROBE_SERVER, 0));
  }

  let answer: ProbeAnswerSummary = { kind: 'closed' };
  if (x.answer.length > 0) {
    const got = recordMessages(x.answer, PROBE_SERVER, PROBE_CLIENT, 1);
    if ('messages' in got) {
      events.push(...got.messages);
      answer = summaryOf(got.messages[0]!);
    } else {
      problem ??= { side: 'answer', reason: got.reason, offset: got.offset };
      events.push(raw(x.answer, PROBE_SERVER, PROBE_CLIENT, 1));
      answer = { kind: 'undecodable' };
    }
  }
  return {
    trace: { lanes: [PROBE_CLIENT, PROBE_SERVER], events },
    answer,
    ...(problem ? { problem } : {}),
  };
}
