/**
 * How a resolver reaches a server: one query out, one response back or a timeout. The simulated
 * network implements it here; the CLI implements it over a real UDP socket. Time is explicit:
 * the caller says when it sends (`now`), the transport says when the answer came (`at`).
 */
import type { SimNetwork } from '../sim/network';

export type TransportResult =
  | {
      kind: 'response';
      bytes: Uint8Array;
      /** When the response reached the resolver (ms). */
      at: number;
      /** When the server sent it, if the transport knows (the simulation does). */
      repliedAt?: number;
      /**
       * Another datagram may still arrive for this query: a socket keeps listening until its
       * timeout. A resolver that discards this one as not its own (RFC 5452, Section 4.3) calls
       * this to wait for the next; absent, nothing else will come.
       */
      next?: () => Promise<TransportResult>;
    }
  | { kind: 'timeout'; at: number };

export interface DnsTransport {
  send(server: string, query: Uint8Array, now: number): Promise<TransportResult>;
}

/** The resolver's side of the simulated network, at address `from`. */
export class SimTransport implements DnsTransport {
  constructor(
    private readonly network: SimNetwork,
    private readonly from: string,
    private readonly timeoutMs: number,
  ) {}

  async send(server: string, query: Uint8Array, now: number): Promise<TransportResult> {
    const exchange = await this.network.exchange(this.from, server, query, now, this.timeoutMs);
    if (exchange.kind === 'lost') return { kind: 'timeout', at: exchange.timeoutAt };
    return {
      kind: 'response',
      bytes: exchange.bytes,
      at: exchange.arrivedAt,
      repliedAt: exchange.repliedAt,
    };
  }
}
