/**
 * The TLS 1.3 tickets a client keeps for PSK resumption (RFC 8446, Sections 4.6.1 and 2.2): the
 * ticket to send back as a PSK identity, the PSK it stands for, and what the age obfuscation and
 * the lifetime need. Time is always an argument, in ms.
 */
export interface Tls13Ticket {
  ticket: Uint8Array;
  /** HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length). */
  psk: Uint8Array;
  /** The suite of the connection that issued it: a PSK may only be used with its hash. */
  cipherSuite: number;
  ageAdd: number;
  /** Seconds (RFC 8446, Section 4.6.1). */
  lifetime: number;
  receivedAt: number;
}

/** One ticket per server name, the newest: enough for `--reconnect` and the scenarios. */
export class Tls13TicketStore {
  private readonly byName = new Map<string, Tls13Ticket>();
  private readonly groupByName = new Map<string, number>();

  /**
   * The group a server chose last time (its key_share, after a HelloRetryRequest or not), so the
   * next ClientHello to it sends a share it accepts and costs no extra round trip (RFC 8446,
   * Section 4.2.8: a client MAY use what it learned, as OpenSSL's and browsers' clients do).
   */
  group(serverName: string): number | undefined {
    return this.groupByName.get(serverName.toLowerCase());
  }

  rememberGroup(serverName: string, group: number): void {
    this.groupByName.set(serverName.toLowerCase(), group);
  }

  /** The ticket for `serverName` while its lifetime lasts (RFC 8446, Section 4.6.1). */
  get(serverName: string, now: number): Tls13Ticket | undefined {
    const key = serverName.toLowerCase();
    const t = this.byName.get(key);
    if (t && now - t.receivedAt > t.lifetime * 1000) {
      this.byName.delete(key);
      return undefined;
    }
    return t;
  }

  put(serverName: string, ticket: Tls13Ticket): void {
    this.byName.set(serverName.toLowerCase(), ticket);
  }

  /** RFC 8446, Section 4.6.1: "Clients MUST NOT cache tickets for longer than 7 days". */
  delete(serverName: string): void {
    this.byName.delete(serverName.toLowerCase());
  }
}
