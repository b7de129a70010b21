/** Resumable sessions (RFC 5246, Section 7.3; RFC 5077). Time is always an argument, in ms. */
import { toHex } from '../bytes/hex';

export interface Session {
  sessionId: Uint8Array;
  /** The RFC 5077 ticket the server gave us, if any (client side only). */
  ticket?: Uint8Array;
  masterSecret: Uint8Array;
  cipherSuite: number;
  extendedMasterSecret: boolean;
  createdAt: number;
}

/**
 * How long a session stays resumable. OpenSSL's default session timeout is 300 s
 * (SSL_get_default_timeout(3)), which we keep so that runs against it behave alike.
 */
export const SESSION_LIFETIME_MS = 300_000;

/** The client remembers one session per server name. */
export class ClientSessionStore {
  private readonly byName = new Map<string, Session>();

  get(serverName: string, now: number): Session | undefined {
    const session = this.byName.get(serverName.toLowerCase());
    if (session && now - session.createdAt > SESSION_LIFETIME_MS) {
      this.byName.delete(serverName.toLowerCase());
      return undefined;
    }
    return session;
  }

  put(serverName: string, session: Session): void {
    this.byName.set(serverName.toLowerCase(), session);
  }
}

/** The server's session-ID cache. */
export class ServerSessionStore {
  private readonly byId = new Map<string, Session>();

  get(sessionId: Uint8Array, now: number): Session | undefined {
    if (sessionId.length === 0) return undefined;
    const key = toHex(sessionId);
    const session = this.byId.get(key);
    if (session && now - session.createdAt > SESSION_LIFETIME_MS) {
      this.byId.delete(key);
      return undefined;
    }
    return session;
  }

  put(session: Session): void {
    if (session.sessionId.length > 0) this.byId.set(toHex(session.sessionId), session);
  }

  get size(): number {
    return this.byId.size;
  }
}
