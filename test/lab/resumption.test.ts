/**
 * Session resumption: the second connection resumes by session ID or ticket, with the abbreviated
 * handshake's message count and round trips beside the full one's, or falls back to a full
 * handshake when the server has lost the session. A node:tls (OpenSSL) client meeting our server,
 * configured and disturbed exactly as the lab does it, resumes in exactly the same cases.
 */
import 'reflect-metadata';
import { constants } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PAUSE_BETWEEN_CONNECTIONS_MS,
  applyBetween,
  resumptionConfigs,
  resumptionScenario,
  runResumption,
  type ResumptionSettings,
} from '../../src/engine/scenarios/lab/resumption';
import { DEFAULT_LINK_LATENCY_MS } from '../../src/engine/scenarios/tls-run';
import { SystemRng } from '../../src/engine/sim/rng';
import type { MessageEvent } from '../../src/engine/trace';
import { SESSION_LIFETIME_MS } from '../../src/engine/tls/session';
import { pem, runNodeClient } from '../tls/support/peers';
import { engineConnection, startEngineServer } from './support/engine-server';

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
      fallback: ['tls.server.session_cache_miss'],
      second: FULL_BY_ID,
    },
    {
      id: 'ticket-key-rotated',
      offered: 'session_ticket',
      // The ticket no longer opens, and the fresh session ID sent beside it names nothing.
      fallback: ['tls.server.ticket_rejected', 'tls.server.session_cache_miss'],
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
