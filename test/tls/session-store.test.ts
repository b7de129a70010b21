/**
 * The server's session-ID cache is bounded in size and in age, with time passed in: no clock is
 * read, so each assertion is about exactly the instants given.
 */
import { cipherSuite } from '../../src/engine/tls/enums';
import { describe, expect, it } from 'vitest';
import {
  SERVER_SESSION_CACHE_SIZE,
  SESSION_LIFETIME_MS,
  ServerSessionStore,
  type Session,
} from '../../src/engine/tls/session';

function session(n: number, createdAt: number): Session {
  return {
    sessionId: Uint8Array.from({ length: 32 }, (_, i) => (n >> (8 * (i % 4))) & 0xff),
    masterSecret: new Uint8Array(48).fill(n & 0xff),
    cipherSuite: cipherSuite(0xc02f),
    extendedMasterSecret: true,
    createdAt,
  };
}

describe('ServerSessionStore', () => {
  it("defaults to OpenSSL's cache size and a 300 s lifetime", () => {
    expect(new ServerSessionStore().limits).toEqual({
      maxEntries: 20_480,
      lifetimeMs: 300_000,
    });
    expect(SERVER_SESSION_CACHE_SIZE).toBe(20_480);
    expect(SESSION_LIFETIME_MS).toBe(300_000);
  });

  it('keeps at most maxEntries, evicting the oldest first', () => {
    const store = new ServerSessionStore({ maxEntries: 3 });
    for (let n = 1; n <= 5; n++) store.put(session(n, 1_000 + n));
    expect(store.size).toBe(3);
    const now = 2_000;
    expect(store.get(session(1, 0).sessionId, now)).toBeUndefined();
    expect(store.get(session(2, 0).sessionId, now)).toBeUndefined();
    for (const n of [3, 4, 5])
      expect(store.get(session(n, 0).sessionId, now)?.masterSecret[0]).toBe(n);
  });

  it('stays at its bound through many handshakes (what grew without limit before)', () => {
    const store = new ServerSessionStore({ maxEntries: 100, lifetimeMs: 1e12 });
    for (let n = 0; n < 10_000; n++) store.put(session(n, n));
    expect(store.size).toBe(100);
    expect(store.get(session(9_999, 0).sessionId, 10_000)?.createdAt).toBe(9_999);
    expect(store.get(session(9_899, 0).sessionId, 10_000)).toBeUndefined();
  });

  it('serves a session up to its lifetime and not a millisecond past it', () => {
    const store = new ServerSessionStore({ lifetimeMs: 300_000 });
    const s = session(7, 50_000);
    store.put(s);
    expect(store.get(s.sessionId, 50_000 + 300_000)).toBe(s);
    expect(store.get(s.sessionId, 50_000 + 300_001)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('sweeps expired sessions when it stores a new one, with the time given', () => {
    const store = new ServerSessionStore({ lifetimeMs: 1_000 });
    store.put(session(1, 0));
    store.put(session(2, 500));
    store.put(session(3, 900));
    // At 1_600, sessions 1 and 2 are past 1 s old; 3 is not.
    store.put(session(4, 1_600));
    expect(store.size).toBe(2);
    expect(store.get(session(3, 0).sessionId, 1_600)?.createdAt).toBe(900);
    // The time may be passed explicitly, apart from the session's creation time.
    store.put(session(5, 1_600), 2_500);
    expect(store.size).toBe(2);
    expect(store.get(session(3, 0).sessionId, 1_600)).toBeUndefined();
  });

  it('replacing a session id keeps one entry for it', () => {
    const store = new ServerSessionStore({ maxEntries: 2 });
    store.put(session(1, 10));
    store.put(session(1, 20));
    store.put(session(2, 30));
    expect(store.size).toBe(2);
    expect(store.get(session(1, 0).sessionId, 30)?.createdAt).toBe(20);
  });

  it('stores nothing with maxEntries 0 or an empty session id, and rejects a bad bound', () => {
    const none = new ServerSessionStore({ maxEntries: 0 });
    none.put(session(1, 0));
    expect(none.size).toBe(0);
    const store = new ServerSessionStore();
    store.put({ ...session(1, 0), sessionId: new Uint8Array(0) });
    expect(store.size).toBe(0);
    expect(() => new ServerSessionStore({ maxEntries: -1 })).toThrow(/maxEntries/);
  });
});
