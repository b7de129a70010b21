/**
 * An attacker racing the real server: when the recursive resolver asks a chosen server a chosen
 * question, forged responses claiming to come from that server reach the resolver before the real
 * one. An off-path attacker cannot see the query, so it must guess its 16-bit ID; an on-path one
 * (on the wire between the two) reads it. The forgeries are real DNS messages; whether one is
 * accepted is decided by the resolver's own checks (RFC 5452), not here.
 */
import { decodeMessage, encodeMessage } from '../../../dns/codec';
import type { Name } from '../../../dns/name';
import type { DnsTransport, TransportResult } from '../../../dns/transport';
import { RRClass, RRType, emptyHeader, type Message } from '../../../dns/types';
import type { Rng } from '../../../sim/rng';

/** The lane forged responses are drawn from: they claim another source, but the attacker sent them. */
export const ATTACKER_LANE = 'Attacker';

/** How long a forgery takes from the attacker to the resolver: it sits close to the resolver. */
export const ATTACKER_LATENCY_MS = 5;

export interface ForgeryPlan {
  /** The question to race. */
  qname: Name;
  qtype: RRType;
  /** The address of the server the forgeries claim to come from. */
  server: string;
  /** The address the forged answer gives for `qname`. */
  forgedAddress: string;
  /** The TTL the attacker asks caches to keep it for. */
  forgedTtl: number;
  /** How many forgeries, each with its own ID guess. */
  count: number;
  /** On the path: the attacker copies the query's ID instead of guessing. */
  knowsId: boolean;
  /** Where an off-path attacker's guesses come from. */
  rng: Rng;
}

/** One forged response, as sent. */
export interface Forgery {
  id: number;
  /** The ID of the query it raced. */
  queryId: number;
  sentAt: number;
  arrivedAt: number;
  /**
   * It reached the resolver while the query was open. One that would land after the real answer
   * finds the query closed and is never read.
   */
  delivered: boolean;
  bytes: Uint8Array;
}

/** The attacker: it fires once, at the first query that matches its plan. */
export class ResponseForger {
  readonly forgeries: Forgery[] = [];
  private fired = false;

  constructor(private readonly plan: ForgeryPlan) {}

  /** The resolver's transport with the attacker on its path. */
  over(inner: DnsTransport): DnsTransport {
    return { send: (server, query, now) => this.race(inner, server, query, now) };
  }

  private async race(
    inner: DnsTransport,
    server: string,
    query: Uint8Array,
    now: number,
  ): Promise<TransportResult> {
    const real = await inner.send(server, query, now);
    const message = this.fired || server !== this.plan.server ? undefined : this.target(query);
    if (!message) return real;
    this.fired = true;
    const queryId = message.header.id;
    const forged: Forgery[] = [];
    for (let i = 0; i < this.plan.count; i++) {
      const id = this.plan.knowsId ? queryId : this.plan.rng.uint32() & 0xffff;
      // The attacker fires as the query leaves (it provoked the query itself), then one forgery
      // every ATTACKER_LATENCY_MS: a burst that races the real answer.
      const sentAt = now + 1 + i * ATTACKER_LATENCY_MS;
      forged.push({
        id,
        queryId,
        sentAt,
        arrivedAt: sentAt + ATTACKER_LATENCY_MS,
        delivered: false,
        bytes: this.forge(message, id),
      });
    }
    this.forgeries.push(...forged);
    // The socket delivers datagrams in arrival order: the forgeries, then the real response.
    const chain = (i: number): TransportResult => {
      const f = forged[i];
      if (!f || (real.kind === 'response' && f.arrivedAt >= real.at)) return real;
      f.delivered = true;
      return {
        kind: 'response',
        bytes: f.bytes,
        at: f.arrivedAt,
        repliedAt: f.sentAt,
        next: async () => chain(i + 1),
      };
    };
    return chain(0);
  }

  /** The query, if it is the one to race. */
  private target(query: Uint8Array): Message | undefined {
    const { message } = decodeMessage(query, { annotate: false });
    const q = message.questions[0];
    return q && q.name.equals(this.plan.qname) && q.type === this.plan.qtype ? message : undefined;
  }

  /** An authoritative answer to the query's question, with the attacker's address. */
  private forge(query: Message, id: number): Uint8Array {
    const question = query.questions[0]!;
    const response: Message = {
      header: { ...emptyHeader(id), qr: true, aa: true },
      questions: [question],
      answers: [
        {
          name: question.name,
          type: RRType.A,
          class: RRClass.IN,
          ttl: this.plan.forgedTtl,
          data: { kind: 'A', address: this.plan.forgedAddress },
        },
      ],
      authority: [],
      additional: [],
    };
    return encodeMessage(response, { annotate: false }).bytes;
  }
}
