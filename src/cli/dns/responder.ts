/**
 * One query in, one response out, for `dns serve`: the engine's AuthoritativeServer decides the
 * answer; this file fits it to the transport. Over UDP a response longer than the client can take
 * (512 octets, or its EDNS payload size) is cut at an RRset boundary with TC set, so the client
 * retries over TCP (RFC 1035 §4.2.1, RFC 2181 §9, RFC 6891 §6.2.5, RFC 7766 §5).
 */
import { DecodeError } from '../../engine/bytes';
import {
  AuthoritativeServer,
  RRType,
  Rcode,
  SERVER_UDP_PAYLOAD_SIZE,
  emptyHeader,
  decodeMessage,
  encodeMessage,
  rcodeName,
  typeName,
  type Message,
  type ResourceRecord,
} from '../../engine/dns';
import { MAX_TCP_MESSAGE } from './tcp-framing';

export type DnsTransportKind = 'udp' | 'tcp';

/** RFC 1035 §4.2.1: without EDNS, a UDP message carries at most 512 octets. */
export const CLASSIC_UDP_LIMIT = 512;

export interface Reply {
  /** What to send back; absent when nothing should be sent (a response, or a runt). */
  bytes?: Uint8Array;
  /** One line for the server's log, built only when asked for (the query log is opt-in). */
  log(): string;
  /**
   * Set when the query was malformed or the server failed on it: such lines are logged even
   * without the query log. Clear for an ordinary answer, which also makes the reply a pure
   * function of the query's bytes after its ID (what the server's packet cache relies on).
   */
  error: boolean;
}

/**
 * The most a UDP response to `query` may carry: 512 without EDNS; with EDNS the requestor's size,
 * never below 512 (RFC 6891 §6.2.5) and never above what this server offers (RFC 6891 §6.2.3).
 */
export function udpLimit(query: Message): number {
  if (!query.edns) return CLASSIC_UDP_LIMIT;
  return Math.min(SERVER_UDP_PAYLOAD_SIZE, Math.max(CLASSIC_UDP_LIMIT, query.edns.udpPayloadSize));
}

const hex16 = (v: number) => `0x${v.toString(16).padStart(4, '0')}`;

export function respond(
  server: AuthoritativeServer,
  query: Uint8Array,
  transport: DnsTransportKind,
): Reply {
  let message: Message;
  try {
    message = decodeMessage(query, { annotate: false }).message;
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    const why = `${error.reason} at offset ${error.offset}`;
    if (query.length < 12) return failed(`dropped ${query.length} bytes: ${why}`);
    // Never answer something that calls itself a response: two servers could loop forever.
    if ((query[2]! & 0x80) !== 0) return failed(`dropped a response: ${why}`);
    // RFC 1035 §4.1.1: FORMERR, echoing the ID (the server builds it from the first two bytes).
    const bytes = server.handle(query);
    const id = hex16((query[0]! << 8) | query[1]!);
    return { ...failed(`id=${id} -> FORMERR (${why})`), ...(bytes ? { bytes } : {}) };
  }
  if (message.header.qr) return failed(`id=${hex16(message.header.id)} dropped: QR is set`);

  const limit = transport === 'udp' ? udpLimit(message) : MAX_TCP_MESSAGE;
  let response: Message;
  let bytes: Uint8Array;
  try {
    response = server.answer(message);
    bytes = encodeMessage(response, { annotate: false }).bytes;
  } catch (error) {
    // A bug or a record that cannot be encoded must not take the server down: SERVFAIL
    // (RFC 1035 §4.1.1, "unable to process this query due to a problem with the name server").
    response = serverFailure(message);
    bytes = encodeMessage(response, { annotate: false }).bytes;
    const why = error instanceof Error ? error.message : String(error);
    const failure = response;
    const size = bytes.length;
    return { bytes, error: true, log: () => `${queryLine(message, failure, size)} (${why})` };
  }
  if (bytes.length > limit) {
    const fitted = fitResponse(response, limit);
    const cut = fitted.header.tc ? 'TC' : 'additional dropped';
    const sent = encodeMessage(fitted, { annotate: false }).bytes;
    const full = bytes.length;
    return {
      bytes: sent,
      error: false,
      log: () => `${queryLine(message, fitted, sent.length)} (${full} bytes > ${limit}, ${cut})`,
    };
  }
  const answered = response;
  return { bytes, error: false, log: () => queryLine(message, answered, bytes.length) };
}

function failed(line: string): Reply {
  return { error: true, log: () => line };
}

function serverFailure(query: Message): Message {
  return {
    header: {
      ...emptyHeader(query.header.id),
      qr: true,
      opcode: query.header.opcode,
      rd: query.header.rd,
      rcode: Rcode.SERVFAIL,
    },
    questions: query.questions.slice(0, 1),
    answers: [],
    authority: [],
    additional: [],
  };
}

function queryLine(query: Message, response: Message, size: number): string {
  const q = query.questions[0];
  const asked = q ? `${q.name} ${typeName(q.type)}` : '(no question)';
  const h = response.header;
  const flags = (['aa', 'tc'] as const).filter((f) => h[f]).join(' ');
  return `id=${hex16(query.header.id)} ${asked} -> ${rcodeName(h.rcode)}${flags ? ' ' + flags : ''} an=${response.answers.length} ns=${response.authority.length} ar=${response.additional.length} ${size}B`;
}

/** Records in order, grouped into RRsets (same owner, type and class, adjacent as the server adds them). */
function rrsets(records: readonly ResourceRecord[]): ResourceRecord[][] {
  const sets: ResourceRecord[][] = [];
  for (const rr of records) {
    const last = sets[sets.length - 1]?.[0];
    if (last && last.type === rr.type && last.class === rr.class && last.name.equals(rr.name)) {
      sets[sets.length - 1]!.push(rr);
    } else {
      sets.push([rr]);
    }
  }
  return sets;
}

/**
 * The response cut down to `limit` octets, whole RRsets at a time. An answer or authority RRset
 * that does not fit sets TC and ends the message (RFC 2181 §9). Additional data that does not fit
 * is left out without TC, except the glue of a referral, which the client needs to go on
 * (RFC 9471 §3).
 */
export function fitResponse(response: Message, limit: number): Message {
  const fitted: Message = { ...response, answers: [], authority: [], additional: [] };
  const referral =
    !response.header.aa &&
    response.answers.length === 0 &&
    response.authority.some((rr) => rr.type === RRType.NS);
  const sections = [
    ['answers', true],
    ['authority', true],
    ['additional', referral],
  ] as const;
  for (const [section, required] of sections) {
    for (const set of rrsets(response[section])) {
      const candidate: Message = { ...fitted, [section]: [...fitted[section], ...set] };
      if (encodeMessage(candidate, { annotate: false }).bytes.length <= limit) {
        fitted[section] = candidate[section];
      } else if (required) {
        fitted.header = { ...response.header, tc: true };
        return fitted;
      }
    }
  }
  return fitted;
}
