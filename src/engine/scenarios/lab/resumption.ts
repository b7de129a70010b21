/**
 * Session resumption: two connections from the same client to the same server, the second of
 * which may resume the first one's session by session ID (RFC 5246, Section 7.3, Figure 2) or by
 * session ticket (RFC 5077, Section 3.4). Between them the server may lose its cache, change its
 * ticket key, or the session may outlive SESSION_LIFETIME_MS; then the second handshake is a full
 * one again, and the outcome says why.
 */
import { DEMO_EPOCH_MS, VirtualClock } from '../../sim/clock';
import { SeededRng, type Rng } from '../../sim/rng';
import { TraceRecorder } from '../../trace';
import type { TraceParams } from '../../trace';
import type { ClientConfig, ServerConfig } from '../../tls/config';
import { SESSION_LIFETIME_MS, ServerSessionStore } from '../../tls/session';
import { demoClientConfig, demoServerConfig } from '../tls-demo-config';
import { CLIENT_LANE, SERVER_LANE, runTlsExchange, type TlsRunResult } from '../tls-run';
import { defineLabScenario, type PresetId } from './define';
import { handshakeShape, type HandshakeShape } from './trace-facts';
import type { LabRun, LabScenario } from './types';

/** What happens between the first connection and the second. */
export type BetweenConnections =
  | 'nothing'
  /** The server restarts: its session-ID cache is empty; its ticket key is kept. */
  | 'server-cache-cleared'
  /** The server replaces its ticket key, as servers do every few hours. */
  | 'ticket-key-rotated'
  /** More than SESSION_LIFETIME_MS passes, so both sides let the session expire. */
  | 'session-lifetime-passed';

export interface ResumptionSettings {
  server: {
    /** A session-ID cache: resumption by ID. */
    sessionCache: boolean;
    /** A ticket key: the server issues and accepts tickets. */
    tickets: boolean;
  };
  client: {
    /** The client sends the session_ticket extension. */
    offerTickets: boolean;
  };
  between: BetweenConnections;
}

/** A second visit comes a little after the first. */
export const PAUSE_BETWEEN_CONNECTIONS_MS = 1_000;

export interface ConnectionSummary {
  /** Index range of this connection's events in the Trace: [start, end). */
  events: [number, number];
  /** Absent when the handshake did not complete. */
  handshake?: HandshakeShape;
  httpStatus?: string;
}

export interface ResumptionOutcome {
  /** Both connections completed and got their HTTP response. */
  ok: boolean;
  /** What the client presented in its second ClientHello. */
  offered: 'nothing' | 'session_id' | 'session_ticket';
  /** How the second handshake resumed, or false when it was a full handshake. */
  resumed: false | 'session_id' | 'session_ticket';
  /**
   * Why the server did not resume what was offered: its notes, in order, e.g.
   * 'tls.server.ticket_unknown_key' or 'tls.server.session_cache_miss'.
   */
  fallback: FallbackNote[];
  first: ConnectionSummary;
  second: ConnectionSummary;
}

/** One of the server's notes on why it did a full handshake, with the note's own parameters. */
export interface FallbackNote {
  key: string;
  params?: TraceParams;
}

export type ResumptionScenario = LabScenario<
  'lab-tls-resumption',
  ResumptionSettings,
  ResumptionOutcome
>;

const FALLBACK_NOTES = [
  'tls.server.ticket_unknown_key',
  'tls.server.ticket_not_authentic',
  'tls.server.ticket_expired',
  'tls.server.session_cache_miss',
  'tls.server.resumption_suite_gone',
  'tls.server.resumption_ems_mismatch',
];

/** The client and server configs a resumption run starts from. */
export function resumptionConfigs(
  settings: ResumptionSettings,
  rng: Rng,
): { client: ClientConfig; server: ServerConfig } {
  const client = demoClientConfig('www.example.com');
  client.offerSessionTicket = settings.client.offerTickets;
  const server = demoServerConfig(rng);
  if (!settings.server.sessionCache) delete server.sessions;
  if (!settings.server.tickets) delete server.ticketKey;
  return { client, server };
}

/** What the server loses between the connections; the clock is moved by the caller. */
export function applyBetween(between: BetweenConnections, server: ServerConfig, rng: Rng): void {
  if (between === 'server-cache-cleared' && server.sessions)
    server.sessions = new ServerSessionStore();
  if (between === 'ticket-key-rotated' && server.ticketKey) server.ticketKey = rng.bytes(32);
}

/** How long the client waits before it connects again. */
export function pauseBefore(between: BetweenConnections): number {
  return between === 'session-lifetime-passed'
    ? SESSION_LIFETIME_MS + 60_000
    : PAUSE_BETWEEN_CONNECTIONS_MS;
}

export async function runResumption(
  settings: ResumptionSettings,
  seed: number | string,
): Promise<LabRun<ResumptionOutcome>> {
  const clock = new VirtualClock(DEMO_EPOCH_MS);
  const rng = new SeededRng(seed);
  const trace = new TraceRecorder([CLIENT_LANE, SERVER_LANE]);
  const { client, server } = resumptionConfigs(settings, rng);
  const reuse = { client, server, clock, rng, trace };

  const first = await runTlsExchange({ seed, reuse });
  const secondStart = trace.events.length;
  applyBetween(settings.between, server, rng);
  clock.advance(pauseBefore(settings.between));
  const second = await runTlsExchange({ seed, reuse });

  const { events } = trace;
  const offeredBy = events
    .slice(secondStart)
    .find((e) => e.kind === 'note' && e.key === 'tls.client.offer_resumption');
  const offered =
    offeredBy?.kind === 'note' ? (offeredBy.params?.by as ResumptionOutcome['offered']) : 'nothing';
  const fallback = events
    .slice(secondStart)
    .flatMap((e): FallbackNote[] =>
      e.kind === 'note' && FALLBACK_NOTES.includes(e.key)
        ? [{ key: e.key, ...(e.params ? { params: e.params } : {}) }]
        : [],
    );
  const summary = (run: TlsRunResult, start: number, end: number): ConnectionSummary => {
    const handshake = handshakeShape(events, CLIENT_LANE, start);
    return {
      events: [start, end],
      ...(handshake ? { handshake } : {}),
      ...(run.httpStatus ? { httpStatus: run.httpStatus } : {}),
    };
  };
  return {
    trace: trace.toTrace(),
    outcome: {
      ok: first.ok && second.ok,
      offered,
      resumed: second.client.negotiated.resumed ?? false,
      fallback,
      first: summary(first, 0, secondStart),
      second: summary(second, secondStart, events.length),
    },
  };
}

function resumptionPresets(): Record<PresetId<'lab-tls-resumption'>, ResumptionSettings> {
  const both = { sessionCache: true, tickets: true };
  return {
    'by-session-id': {
      server: { sessionCache: true, tickets: false },
      client: { offerTickets: false },
      between: 'nothing',
    },
    'by-ticket': { server: both, client: { offerTickets: true }, between: 'nothing' },
    'cache-cleared': {
      server: { sessionCache: true, tickets: false },
      client: { offerTickets: false },
      between: 'server-cache-cleared',
    },
    'cache-cleared-ticket': {
      server: both,
      client: { offerTickets: true },
      between: 'server-cache-cleared',
    },
    'ticket-key-rotated': {
      server: both,
      client: { offerTickets: true },
      between: 'ticket-key-rotated',
    },
    'lifetime-passed': {
      server: both,
      client: { offerTickets: true },
      between: 'session-lifetime-passed',
    },
  };
}

export const resumptionScenario: ResumptionScenario = defineLabScenario(
  'lab-tls-resumption',
  resumptionPresets(),
  runResumption,
);
