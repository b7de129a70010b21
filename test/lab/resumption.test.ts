/**
 * Session resumption: the second connection resumes by session ID or ticket, with the abbreviated
 * handshake's message count and round trips beside the full one's, or falls back to a full
 * handshake when the server has lost the session. A node:tls (OpenSSL) client meeting our server,
 * configured and disturbed exactly as the lab does it, resumes in exactly the same cases.
 */
import 'reflect-metadata';
import { constants, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PAUSE_BETWEEN_CONNECTIONS_MS,
  applyBetween,
  resumptionConfigs,
  resumptionScenario,
  runResumption,
  type ResumptionSettings,
} from '../../src/engine/scenarios/lab/resumption';
import { bytesEqual } from '../../src/engine/bytes/hex';
import { demoClientConfig } from '../../src/engine/scenarios/tls-demo-config';
import { DEFAULT_LINK_LATENCY_MS } from '../../src/engine/scenarios/tls-run';
import { SystemRng } from '../../src/engine/sim/rng';
import type { MessageEvent } from '../../src/engine/trace';
import { SESSION_LIFETIME_MS } from '../../src/engine/tls/session';
import { pem, runNodeClient, runOurClient } from '../tls/support/peers';
import { engineConnection, startEngineServer } from './support/engine-server';
import { withNodeServer } from './support/node-server';

const FULL = [
  'ClientHello',
  'ServerHello',
  'Certificate',
  'ServerKeyExchange',
  'ServerHelloDone',
  'ClientKeyExchange',
  'ChangeCipherSpec',
  'Finished',
];
const FULL_BY_ID = [...FULL, 'ChangeCipherSpec', 'Finished'];
const FULL_WITH_TICKET = [...FULL, 'NewSessionTicket', 'ChangeCipherSpec', 'Finished'];
const ABBREVIATED = [
  'ClientHello',
  'ServerHello',
  'ChangeCipherSpec',
  'Finished',
  'ChangeCipherSpec',
  'Finished',
];
/** Two round trips of 2 × 20 ms before the client may send data, or one. */
const FULL_SHAPE = { roundTrips: 2, clientReadyAfterMs: 80 };
const ABBREVIATED_SHAPE = { messages: ABBREVIATED, roundTrips: 1, clientReadyAfterMs: 40 };

const preset = (id: string): ResumptionSettings =>
  resumptionScenario.presets.find((p) => p.id === id)!.settings;

describe('resumption, in memory', () => {
  it.each([
    { id: 'by-session-id', resumed: 'session_id', first: FULL_BY_ID },
    { id: 'by-ticket', resumed: 'session_ticket', first: FULL_WITH_TICKET },
    // The ticket carries the session: a server that lost its cache still resumes it.
    { id: 'cache-cleared-ticket', resumed: 'session_ticket', first: FULL_WITH_TICKET },
  ] as const)('$id: the second handshake is abbreviated', async ({ id, resumed, first }) => {
    const { outcome } = await runResumption(preset(id), 1);
    expect(outcome.ok).toBe(true);
    expect(outcome.offered).toBe(resumed);
    expect(outcome.resumed).toBe(resumed);
    expect(outcome.fallback).toEqual([]);
    expect(outcome.first.handshake).toEqual({ messages: first, ...FULL_SHAPE });
    expect(outcome.second.handshake).toEqual(ABBREVIATED_SHAPE);
    expect(outcome.first.httpStatus).toBe('HTTP/1.1 200 OK');
    expect(outcome.second.httpStatus).toBe('HTTP/1.1 200 OK');
  });

  it.each([
    {
      id: 'cache-cleared',
      offered: 'session_id',
      fallback: [{ key: 'tls.server.session_cache_miss' }],
      second: FULL_BY_ID,
    },
    {
      id: 'ticket-key-rotated',
      offered: 'session_ticket',
      // The ticket's key name is not the new key's; the session ID beside it is not looked up.
      fallback: [{ key: 'tls.server.ticket_unknown_key' }],
      second: FULL_WITH_TICKET,
    },
    // Past SESSION_LIFETIME_MS the client's own store has dropped the session: nothing to offer.
    { id: 'lifetime-passed', offered: 'nothing', fallback: [], second: FULL_WITH_TICKET },
  ] as const)(
    '$id: the server does a full handshake again',
    async ({ id, offered, fallback, second }) => {
      const { outcome } = await runResumption(preset(id), 1);
      expect(outcome.ok).toBe(true);
      expect(outcome.offered).toBe(offered);
      expect(outcome.resumed).toBe(false);
      expect(outcome.fallback).toEqual(fallback);
      expect(outcome.second.handshake).toEqual({ messages: second, ...FULL_SHAPE });
    },
  );

  it('splits the one Trace into the two connections, the second after the pause', async () => {
    for (const id of ['by-ticket', 'lifetime-passed']) {
      const { outcome, trace } = await runResumption(preset(id), 1);
      const [firstStart, firstEnd] = outcome.first.events;
      const [secondStart, secondEnd] = outcome.second.events;
      expect([firstStart, firstEnd, secondEnd]).toEqual([0, secondStart, trace.events.length]);
      const hellos = trace.events.filter(
        (e): e is MessageEvent => e.kind === 'message' && e.name === 'ClientHello',
      );
      expect(hellos.map((h) => trace.events.indexOf(h) >= secondStart)).toEqual([false, true]);
      // The last record of the first connection still takes one link latency to arrive.
      const lastSent = trace.events[firstEnd - 1]!.t;
      expect(hellos[1]!.t - lastSent - DEFAULT_LINK_LATENCY_MS).toBe(
        id === 'lifetime-passed' ? SESSION_LIFETIME_MS + 60_000 : PAUSE_BETWEEN_CONNECTIONS_MS,
      );
    }
  });

  it('offers nothing when the server kept neither a cache nor a ticket key', async () => {
    const { outcome } = await runResumption(
      {
        server: { sessionCache: false, tickets: false },
        client: { offerTickets: true },
        between: 'nothing',
      },
      1,
    );
    expect(outcome.offered).toBe('nothing');
    expect(outcome.resumed).toBe(false);
    expect(outcome.first.handshake!.messages).toEqual(FULL_BY_ID);
  });
});

describe('the same server settings against an OpenSSL client', () => {
  it.each([
    'by-session-id',
    'by-ticket',
    'cache-cleared',
    'cache-cleared-ticket',
    'ticket-key-rotated',
  ])('%s: node:tls resumes exactly when our client does', async (id) => {
    const settings = preset(id);
    const { outcome } = await runResumption(settings, 1);
    const rng = new SystemRng();
    const { server } = resumptionConfigs(settings, rng);
    const ours = await startEngineServer(server);
    try {
      const client = {
        host: '127.0.0.1',
        ca: pem('root.cert.pem'),
        servername: 'www.example.com',
        minVersion: 'TLSv1.2',
        maxVersion: 'TLSv1.2',
        ...(settings.client.offerTickets ? {} : { secureOptions: constants.SSL_OP_NO_TICKET }),
      } as const;
      const first = await runNodeClient(ours.port, client);
      expect(first.reused).toBe(false);
      expect(first.session).toBeDefined();
      applyBetween(settings.between, server, rng);
      const second = await runNodeClient(ours.port, { ...client, session: first.session! });
      expect(second.reused).toBe(outcome.resumed !== false);
      const served = await engineConnection(ours, 1);
      expect(served.failure).toBeUndefined();
      expect(served.negotiated.resumed ?? false).toBe(outcome.resumed);
    } finally {
      await ours.close();
    }
  });
});

/**
 * The lab's rotated ticket key, with OpenSSL as the server: node:tls with an external session
 * cache (its 'newSession'/'resumeSession' events), so the test sees every cache lookup OpenSSL makes.
 */
describe('our client against an OpenSSL server that rotates its ticket key', () => {
  async function twoConnections(offerTickets: boolean, rotate: boolean) {
    const cache = new Map<string, Buffer>();
    const lookups: string[] = [];
    return withNodeServer({}, async (node) => {
      node.server.on('newSession', (id: Buffer, data: Buffer, done: () => void) => {
        cache.set(id.toString('hex'), data);
        done();
      });
      node.server.on('resumeSession', (id: Buffer, done: (e: null, d: Buffer | null) => void) => {
        lookups.push(id.toString('hex'));
        done(null, cache.get(id.toString('hex')) ?? null);
      });
      const config = demoClientConfig('www.example.com');
      config.offerSessionTicket = offerTickets;
      const first = await runOurClient(node.port, config);
      // node:tls takes 48 bytes: key name, HMAC secret and AES key (tls.Server#setTicketKeys).
      if (rotate) node.server.setTicketKeys(randomBytes(48));
      const second = await runOurClient(node.port, config);
      const hellos = (run: typeof second) =>
        run.trace.events.filter(
          (e): e is MessageEvent =>
            e.kind === 'message' && (e.name === 'ClientHello' || e.name === 'ServerHello'),
        );
      const [clientHello, serverHello] = hellos(second).map(
        (e) => (e.decoded as { body: { sessionId: Uint8Array } }).body.sessionId,
      );
      return {
        first: first.conn.negotiated.resumed ?? false,
        resumed: second.conn.negotiated.resumed ?? false,
        messages: second.trace.events.flatMap((e) => (e.kind === 'message' ? [e.name] : [])),
        echoed: bytesEqual(clientHello!, serverHello!),
        lookups,
        cached: cache.size,
      };
    });
  }

  it('a rotated key: OpenSSL cannot decrypt the ticket, does not look in its cache, and does a full handshake with a new ticket, as our server does', async () => {
    const openssl = await twoConnections(true, true);
    expect(openssl.first).toBe(false);
    expect(openssl.resumed).toBe(false);
    expect(openssl.lookups).toEqual([]);
    expect(openssl.echoed).toBe(false);
    expect(openssl.messages).toEqual(expect.arrayContaining(['Certificate', 'NewSessionTicket']));

    const { outcome, trace } = await runResumption(preset('ticket-key-rotated'), 1);
    const [start] = outcome.second.events;
    const ours = trace.events
      .slice(start)
      .filter(
        (e): e is MessageEvent =>
          e.kind === 'message' && (e.name === 'ClientHello' || e.name === 'ServerHello'),
      )
      .map((e) => (e.decoded as { body: { sessionId: Uint8Array } }).body.sessionId);
    expect(outcome.resumed).toBe(openssl.resumed);
    expect(bytesEqual(ours[0]!, ours[1]!)).toBe(openssl.echoed);
    expect(outcome.second.handshake!.messages).toEqual(
      expect.arrayContaining(['Certificate', 'NewSessionTicket']),
    );
    expect(outcome.fallback).toEqual([{ key: 'tls.server.ticket_unknown_key' }]);
  });

  it('the same key: OpenSSL resumes by ticket, also without a cache lookup', async () => {
    const run = await twoConnections(true, false);
    expect(run.resumed).toBe('session_ticket');
    expect(run.echoed).toBe(true);
    expect(run.lookups).toEqual([]);
  });

  it('no tickets: OpenSSL looks the session ID up in its cache and resumes by it', async () => {
    const run = await twoConnections(false, true);
    expect(run.cached).toBe(1);
    expect(run.lookups).toHaveLength(1);
    expect(run.resumed).toBe('session_id');
  });
});
