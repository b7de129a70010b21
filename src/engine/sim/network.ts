/**
 * An in-memory network: hosts at addresses, one-way latency per link, and faults per address.
 * It carries opaque bytes (a DNS message, a TLS flight) and keeps virtual time: every exchange
 * says when the request arrived, when the reply left and when it came back. Nothing here knows a
 * protocol; protocol-shaped faults (a lame DNS server) are `respond` overrides built elsewhere.
 */

/** The one-way latency of a link nobody configured. */
export const DEFAULT_LINK_LATENCY_MS = 10;

export interface Delivery {
  from: string;
  to: string;
  /** Virtual time (ms) at which the request reached the handler. */
  arrivedAt: number;
}

export interface HandlerReply {
  bytes: Uint8Array;
  /** When the reply leaves the host; defaults to the request's arrival (an instant answer). */
  sentAt?: number;
}

/** A host's behaviour: request bytes in, reply bytes out, or nothing (the request is ignored). */
export type Handler = (
  request: Uint8Array,
  delivery: Delivery,
) => HandlerReply | undefined | Promise<HandlerReply | undefined>;

export type Fault =
  /** The host is unreachable: requests are lost and the sender times out. */
  | { kind: 'down' }
  /** The host answers with `respond` instead of its handler (e.g. REFUSED or SERVFAIL). */
  | { kind: 'respond'; respond: (request: Uint8Array) => Uint8Array | undefined };

export type Exchange =
  | {
      kind: 'reply';
      bytes: Uint8Array;
      sentAt: number;
      /** When the reply left the remote host. */
      repliedAt: number;
      /** When the reply reached the sender. */
      arrivedAt: number;
    }
  | {
      kind: 'lost';
      sentAt: number;
      /** When the sender gives up: `sentAt + timeoutMs`. */
      timeoutAt: number;
      why: 'unreachable' | 'down' | 'no reply' | 'late';
    };

export class SimNetwork {
  private readonly hosts = new Map<string, Handler>();
  private readonly faults = new Map<string, Fault>();
  private readonly linkLatency = new Map<string, number>();
  private readonly hostLatency = new Map<string, number>();

  attach(address: string, handler: Handler): void {
    this.hosts.set(address, handler);
  }

  detach(address: string): void {
    this.hosts.delete(address);
  }

  /** The one-way latency between two addresses, both directions. */
  setLinkLatency(a: string, b: string, ms: number): void {
    checkLatency(ms);
    this.linkLatency.set(linkKey(a, b), ms);
  }

  /** The one-way latency of every link to `address` that has no latency of its own. */
  setHostLatency(address: string, ms: number): void {
    checkLatency(ms);
    this.hostLatency.set(address, ms);
  }

  setFault(address: string, fault: Fault | undefined): void {
    if (fault) this.faults.set(address, fault);
    else this.faults.delete(address);
  }

  fault(address: string): Fault | undefined {
    return this.faults.get(address);
  }

  latency(a: string, b: string): number {
    return (
      this.linkLatency.get(linkKey(a, b)) ??
      this.hostLatency.get(b) ??
      this.hostLatency.get(a) ??
      DEFAULT_LINK_LATENCY_MS
    );
  }

  /**
   * Sends `request` from `from` to `to` at `sentAt` and waits for one reply. A reply that would
   * come back after `timeoutMs` counts as lost, as it would for a real client.
   */
  async exchange(
    from: string,
    to: string,
    request: Uint8Array,
    sentAt: number,
    timeoutMs: number,
  ): Promise<Exchange> {
    const timeoutAt = sentAt + timeoutMs;
    const lost = (why: 'unreachable' | 'down' | 'no reply' | 'late'): Exchange => ({
      kind: 'lost',
      sentAt,
      timeoutAt,
      why,
    });
    const handler = this.hosts.get(to);
    const fault = this.faults.get(to);
    if (fault?.kind === 'down') return lost('down');
    if (!handler && !fault) return lost('unreachable');
    const oneWay = this.latency(from, to);
    const arrivedAt = sentAt + oneWay;
    let reply: HandlerReply | undefined;
    if (fault?.kind === 'respond') {
      const bytes = fault.respond(request);
      reply = bytes ? { bytes } : undefined;
    } else {
      reply = await handler!(request, { from, to, arrivedAt });
    }
    if (!reply) return lost('no reply');
    const repliedAt = Math.max(reply.sentAt ?? arrivedAt, arrivedAt);
    const back = repliedAt + oneWay;
    if (back > timeoutAt) return lost('late');
    return { kind: 'reply', bytes: reply.bytes, sentAt, repliedAt, arrivedAt: back };
  }
}

function linkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function checkLatency(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be ≥ 0 ms, got ${ms}`);
}
