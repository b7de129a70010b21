/** Resumable sessions (RFC 5246, Section 7.3; RFC 5077). Time is always an argument, in ms. */
import { toHex } from '../bytes/hex';
import type { CipherSuite } from './enums';

export interface Session {
  sessionId: Uint8Array;
  /** The RFC 5077 ticket the server gave us, if any (client side only). */
  ticket?: Uint8Array;
  masterSecret: Uint8Array;
  cipherSuite: CipherSuite;
  extendedMasterSecret: boolean;
  createdAt: number;
}

/**
 * How long a session stays resumable. OpenSSL's default session timeout is 300 s
 * (SSL_get_default_timeout(3)), as is nginx's ssl_session_timeout (5m); we keep it so that runs
 * against them behave alike.
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

/**
 * How many sessions the server keeps: OpenSSL's SSL_SESSION_CACHE_MAX_SIZE_DEFAULT (1024 * 20,
 * include/openssl/ssl.h; SSL_CTX_sess_set_cache_size(3)). At about 2.4 KB a session that bounds the cache
 * near 50 MB, where an unbounded one grows with every full handshake.
 */
export const SERVER_SESSION_CACHE_SIZE = 20_480;

export interface ServerSessionStoreLimits {
  /** The most sessions kept; the oldest is evicted to make room. */
  maxEntries: number;
  /** How long a session stays resumable, in ms. */
  lifetimeMs: number;
}

/**
 * The server's session-ID cache, bounded in size and in age. Sessions are kept in the order they
 * were stored, which is the order they were created: evicting from the front drops the oldest, as
 * OpenSSL's cache does when it is full (ssl_sess.c, SSL_CTX_add_session: it removes the tail).
 * Time is an argument, so the engine stays deterministic.
 */
export class ServerSessionStore {
  private readonly byId = new Map<string, Session>();
  readonly limits: ServerSessionStoreLimits;

  constructor(limits: Partial<ServerSessionStoreLimits> = {}) {
    this.limits = {
      maxEntries: limits.maxEntries ?? SERVER_SESSION_CACHE_SIZE,
      lifetimeMs: limits.lifetimeMs ?? SESSION_LIFETIME_MS,
    };
    if (!Number.isInteger(this.limits.maxEntries) || this.limits.maxEntries < 0)
      throw new RangeError(`maxEntries must be a whole number >= 0, got ${this.limits.maxEntries}`);
  }

  get(sessionId: Uint8Array, now: number): Session | undefined {
    if (sessionId.length === 0) return undefined;
    const key = toHex(sessionId);
    const session = this.byId.get(key);
    if (session && this.expired(session, now)) {
      this.byId.delete(key);
      return undefined;
    }
    return session;
  }

  /**
   * Stores a new session. `now` defaults to the session's creation time, which the handshake took
   * from its injected clock a moment ago.
   */
  put(session: Session, now = session.createdAt): void {
    if (session.sessionId.length === 0 || this.limits.maxEntries === 0) return;
    this.evictExpired(now);
    const key = toHex(session.sessionId);
    this.byId.delete(key);
    while (this.byId.size >= this.limits.maxEntries) this.evictOldest();
    this.byId.set(key, session);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Drops expired sessions from the oldest on; stops at the first one still alive. */
  private evictExpired(now: number): void {
    for (const [key, session] of this.byId) {
      if (!this.expired(session, now)) return;
      this.byId.delete(key);
    }
  }

  private evictOldest(): void {
    const oldest = this.byId.keys().next();
    if (!oldest.done) this.byId.delete(oldest.value);
  }

  private expired(session: Session, now: number): boolean {
    return now - session.createdAt > this.limits.lifetimeMs;
  }
}
