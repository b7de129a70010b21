/**
 * Facts the DNS lab reads off one lookup's events: which layer answered, which servers were asked
 * what, and the rcode the browser got. Pure functions over trace events, so an outcome says only
 * what the Trace shows.
 */
import { Lane } from '../../../dns/lanes';
import type { PlainMessage } from '../../../dns/plain';
import type { Peer } from '../../../dns/messages';
import type { MessageEvent, TraceEvent } from '../../../trace';

/**
 * How far a lookup went: the first layer that could answer it. 'Authoritative servers' means the
 * recursive resolver had to ask at least one server of the DNS tree (root, TLD or authoritative).
 */
export type AnsweringLayer =
  typeof Lane.browser | typeof Lane.os | typeof Lane.recursive | 'Authoritative servers';

/** The lanes of the servers a recursive resolver asks. */
const SERVER_LANES: readonly string[] = [Lane.root, Lane.tld, Lane.authoritative];

/** One query the recursive resolver sent to a server of the tree, and what came back. */
export interface ServerQuery {
  /** 'Root', 'TLD' or 'Authoritative'. */
  lane: string;
  /** The server's name, e.g. "a.root-servers.net.". */
  server: string;
  address: string;
  /** The name the server saw in the question (QNAME minimisation shortens it). */
  qname: string;
  qtype: string;
  id: number;
  /**
   * The first response with this query's ID from that server's lane ("Referral to com.",
   * "Response www.example.com A NOERROR"), or null when the query was lost.
   */
  reply: string | null;
}

interface DnsDecoded {
  server: Peer;
  message: PlainMessage;
}

function dnsMessages(events: readonly TraceEvent[]): MessageEvent[] {
  return events.filter((e): e is MessageEvent => e.kind === 'message' && e.protocol === 'dns');
}

function decodedOf(event: MessageEvent): DnsDecoded {
  return event.decoded as DnsDecoded;
}

export function answeringLayer(events: readonly TraceEvent[]): AnsweringLayer {
  const hitOn = (lane: string) =>
    events.some((e) => e.kind === 'cache' && e.lane === lane && e.op === 'hit');
  // The browser and the OS answer from their one cache: a hit there ends the lookup.
  if (hitOn(Lane.browser)) return Lane.browser;
  if (hitOn(Lane.os)) return Lane.os;
  return serverQueries(events).length === 0 ? Lane.recursive : 'Authoritative servers';
}

export function serverQueries(events: readonly TraceEvent[]): ServerQuery[] {
  const messages = dnsMessages(events);
  return messages.flatMap((query, index) => {
    if (query.from !== Lane.recursive || !SERVER_LANES.includes(query.to)) return [];
    const { server, message } = decodedOf(query);
    const question = message.questions[0];
    const reply = query.dropped
      ? undefined
      : messages.slice(index + 1).find((m) => {
          const d = decodedOf(m);
          return (
            m.to === Lane.recursive &&
            d.message.flags.qr &&
            d.message.id === message.id &&
            d.server.address === server.address
          );
        });
    return [
      {
        lane: query.to,
        server: server.name ?? server.address,
        address: server.address,
        qname: question?.name ?? '',
        qtype: question?.type ?? '',
        id: message.id,
        reply: reply ? reply.name : null,
      },
    ];
  });
}

/**
 * The rcode of the response the OS resolver gave the browser, or undefined when the browser
 * answered from its own cache and nothing was on the wire.
 */
export function browserRcode(events: readonly TraceEvent[]): string | undefined {
  const toBrowser = dnsMessages(events).filter((m) => m.to === Lane.browser);
  const last = toBrowser[toBrowser.length - 1];
  return last && decodedOf(last).message.rcode;
}

/** How many DNS messages a lookup put on the wire (the browser's loopback query included). */
export function dnsMessageCount(events: readonly TraceEvent[]): number {
  return dnsMessages(events).length;
}
