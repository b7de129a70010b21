/**
 * A TLS 1.2 client and server run in memory over a simulated link: a full handshake, one HTTP
 * GET and its 200, then close_notify both ways. The same code serves the UI, the CLI's `tls demo`,
 * the golden transcript and the benchmark.
 */
import { fromUtf8 } from '../bytes/hex';
import { DEMO_EPOCH_MS, VirtualClock } from '../sim/clock';
import { SeededRng, type Rng } from '../sim/rng';
import { TraceRecorder, type Trace } from '../trace';
import type { StatusLine } from './run-outcome';
import { clientMachine } from '../tls/client/handshake';
import type { ClientState } from '../tls/client/states';
import type { ClientConfig, ServerConfig } from '../tls/config';
import { TlsConnection } from '../tls/connection';
import { buildGetRequest, buildOkResponse, demoPage, parseHttpHead } from '../http/http';
import { serverMachine } from '../tls/server/handshake';
import type { ServerState } from '../tls/server/states';
import { demoClientConfig, demoServerConfig } from './tls-demo-config';

export const CLIENT_LANE = 'Client';
export const SERVER_LANE = 'Server';

/** One-way latency of the simulated link, in ms: a plausible same-continent round trip of 40 ms. */
export const DEFAULT_LINK_LATENCY_MS = 20;

export interface TlsRunOptions {
  seed: number | string;
  serverName?: string;
  path?: string;
  latencyMs?: number;
  /** Start of virtual time; defaults to DEMO_EPOCH_MS. */
  startMs?: number;
  /** The lanes the two sides draw in; CLIENT_LANE and SERVER_LANE by default. */
  lanes?: { client: string; server: string };
  /** Adjust the configs (the lab's negotiation editor, resumption, …). */
  client?: (config: ClientConfig) => void;
  server?: (config: ServerConfig) => void;
  /**
   * The wire itself (the lab's tamper scenario): sees each record as it leaves its sender, in send
   * order, and returns the bytes that arrive. Absent: every record arrives as it was sent.
   */
  onWire?: (record: WireRecord) => Uint8Array;
  /**
   * TLS 1.3: once its handshake is done the client sends a KeyUpdate with update_requested before
   * its request, and the server answers with its own (RFC 8446, Section 4.6.3).
   */
  keyUpdate?: boolean;
  /** Reuse configs, e.g. a second connection that resumes the first one's session. */
  reuse?: {
    client: ClientConfig;
    server: ServerConfig;
    clock: VirtualClock;
    rng: Rng;
    trace?: TraceRecorder;
  };
}

/** One record on the simulated link, as the `onWire` hook sees it. */
export interface WireRecord {
  /** Its position in `TlsRunResult.flows`: 0 is the ClientHello. */
  index: number;
  from: 'client' | 'server';
  bytes: Uint8Array;
}

export interface TlsRunResult {
  trace: Trace;
  ok: boolean;
  /** One line: the alert or error that ended the run, when it failed. */
  error?: string;
  /** The same line as a key, for the page to show in its language. */
  errorLine?: StatusLine;
  client: TlsConnection<ClientState>;
  server: TlsConnection<ServerState>;
  clientConfig: ClientConfig;
  serverConfig: ServerConfig;
  clock: VirtualClock;
  rng: Rng;
  httpStatus?: string;
  /** The record bytes each way, in order, for pcap export and the golden transcript. */
  flows: { t: number; from: 'client' | 'server'; bytes: Uint8Array }[];
  /**
   * Where the run went wrong: the side that found a problem on its own (not by receiving the
   * peer's alert), and the index in `flows` of the record whose arrival exposed it.
   */
  detectedAt?: { side: 'client' | 'server'; record: number };
}

/**
 * Records on their way over simulated links: each arrives at the time it was given; ties keep
 * send order. Shared by every in-memory runner (two parties here, three in the lab's
 * man-in-the-middle run).
 */
export class InFlight<To> {
  private readonly queue: { at: number; to: To; bytes: Uint8Array; record: number }[] = [];

  send(at: number, to: To, bytes: Uint8Array, record = -1): void {
    this.queue.push({ at, to, bytes, record });
  }

  /** The earliest arrival (the first sent among equals), removed from the queue. */
  next(): { at: number; to: To; bytes: Uint8Array; record: number } | undefined {
    let first = 0;
    for (let i = 1; i < this.queue.length; i++)
      if (this.queue[i]!.at < this.queue[first]!.at) first = i;
    return this.queue.splice(first, 1)[0];
  }

  get isEmpty(): boolean {
    return this.queue.length === 0;
  }
}

export async function runTlsExchange(options: TlsRunOptions): Promise<TlsRunResult> {
  const serverName = options.serverName ?? 'www.example.com';
  const latency = options.latencyMs ?? DEFAULT_LINK_LATENCY_MS;
  const clock = options.reuse?.clock ?? new VirtualClock(options.startMs ?? DEMO_EPOCH_MS);
  const rng = options.reuse?.rng ?? new SeededRng(options.seed);
  const lanes = options.lanes ?? { client: CLIENT_LANE, server: SERVER_LANE };
  const trace = options.reuse?.trace ?? new TraceRecorder([lanes.client, lanes.server]);
  const clientConfig = options.reuse?.client ?? demoClientConfig(serverName);
  const serverConfig = options.reuse?.server ?? demoServerConfig(rng);
  options.client?.(clientConfig);
  options.server?.(serverConfig);

  const env = { rng, clock, trace, traceReceived: false };
  const client = new TlsConnection(clientMachine(clientConfig), {
    ...env,
    lane: lanes.client,
    peerLane: lanes.server,
  });
  const server = new TlsConnection(serverMachine(serverConfig), {
    ...env,
    lane: lanes.server,
    peerLane: lanes.client,
  });

  const flows: TlsRunResult['flows'] = [];
  const inFlight = new InFlight<'client' | 'server'>();
  const collect = (from: 'client' | 'server'): void => {
    const conn = from === 'client' ? client : server;
    for (const bytes of conn.takeOutgoing()) {
      const index = flows.length;
      flows.push({ t: clock.now(), from, bytes });
      const arriving = options.onWire ? options.onWire({ index, from, bytes }) : bytes;
      inFlight.send(
        clock.now() + latency,
        from === 'client' ? 'server' : 'client',
        arriving,
        index,
      );
    }
  };
  let detectedAt: TlsRunResult['detectedAt'];

  let requested = false;
  let responded = false;
  let httpStatus: string | undefined;
  await server.start();
  await client.start();
  collect('client');
  // Deliver in arrival order; ties keep send order. The loop ends when nothing is in flight.
  for (let next = inFlight.next(); next; next = inFlight.next()) {
    if (next.at > clock.now()) clock.set(next.at);
    const receiver = next.to === 'client' ? client : server;
    const failedBefore = receiver.failure !== undefined;
    await receiver.receive(next.bytes);
    if (
      !detectedAt &&
      !failedBefore &&
      receiver.failure &&
      receiver.failure.fault !== 'alert_received'
    )
      detectedAt = { side: next.to, record: next.record };

    if (client.isTraffic && !requested) {
      requested = true;
      if (options.keyUpdate) await client.updateKeys();
      if (client.isTraffic) client.write(buildGetRequest(serverName, options.path ?? '/'));
    }
    if (server.isTraffic && !responded && server.received.length > 0) {
      responded = true;
      server.write(buildOkResponse(demoPage(serverName)));
    }
    if (client.isTraffic && client.received.length > 0 && !httpStatus) {
      httpStatus =
        parseHttpHead(client.received[0]!)?.startLine ??
        fromUtf8(client.received[0]!.subarray(0, 40));
      client.close();
    }
    collect('client');
    collect('server');
  }

  // Report the side that detected the problem, not the one that only received its alert.
  const serverDetected = server.failure !== undefined && server.failure.fault !== 'alert_received';
  const failure = serverDetected ? server.failure : (client.failure ?? server.failure);
  const failedSide =
    serverDetected || !client.failure
      ? ({ us: 'server', peer: 'client' } as const)
      : ({ us: 'client', peer: 'server' } as const);
  return {
    trace: trace.toTrace(),
    ok: failure === undefined && httpStatus !== undefined,
    // The failure's words come with the failure: a handshake that succeeds (the page's first
    // drawing) does not load the TLS engine's table of faults.
    ...(failure
      ? await import('../../i18n/tls-failure').then((words) => ({
          error: words.failureLine(failure, failedSide),
          errorLine: words.failureStatusLine(failure, failedSide),
        }))
      : {}),
    client,
    server,
    clientConfig,
    serverConfig,
    clock,
    rng,
    ...(httpStatus ? { httpStatus } : {}),
    flows,
    ...(detectedAt ? { detectedAt } : {}),
  };
}
