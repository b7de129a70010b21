/**
 * One HTTPS exchange over a real TCP socket, for either side: our client sends GET and closes once
 * the whole response is in; our server answers the first request head and closes. The CLI's
 * connect and serve commands, and the interop tests, all run exactly this.
 */
import type { Socket } from 'node:net';
import { concatBytes } from '../../engine/bytes/hex';
import {
  RequestHeadReader,
  buildErrorResponse,
  buildGetRequest,
  buildOkResponse,
  demoPage,
  isCompleteResponse,
  type HttpHead,
} from '../../engine/http/http';
import { SystemClock } from '../../engine/sim/clock';
import { SystemRng, type Rng } from '../../engine/sim/rng';
import { TraceRecorder, type TraceEvent } from '../../engine/trace';
import { clientMachine } from '../../engine/tls/client/handshake';
import type { ClientState } from '../../engine/tls/client/states';
import type { ClientConfig, ServerConfig } from '../../engine/tls/config';
import { TlsConnection } from '../../engine/tls/connection';
import { serverMachine } from '../../engine/tls/server/handshake';
import type { ServerState } from '../../engine/tls/server/states';
import { pumpSocket, type PumpDeadlines } from './socket-session';

export interface ClientExchange {
  conn: TlsConnection<ClientState>;
  trace: TraceRecorder;
}

export async function clientExchange(
  socket: Socket,
  config: ClientConfig,
  options: {
    path: string;
    timeoutMs: number;
    trace?: TraceRecorder;
    afterInput?: () => void;
    /** TLS 1.3: a KeyUpdate with update_requested before the request (RFC 8446, 4.6.3). */
    keyUpdate?: boolean;
  },
): Promise<ClientExchange> {
  const trace = options.trace ?? new TraceRecorder();
  const conn = new TlsConnection(clientMachine(config), {
    rng: new SystemRng(),
    clock: new SystemClock(),
    trace,
    lane: 'Client',
    peerLane: 'Server',
    traceReceived: true,
  });
  let requested = false;
  await conn.start();
  await pumpSocket(
    socket,
    conn,
    {
      async afterInput() {
        if (conn.isTraffic && !requested) {
          requested = true;
          if (options.keyUpdate) await conn.updateKeys();
          if (conn.isTraffic) conn.write(buildGetRequest(config.serverName, options.path));
        }
        const response = concatBytes(...conn.received);
        if (conn.isTraffic && conn.received.length > 0 && isCompleteResponse(response))
          conn.close();
        options.afterInput?.();
      },
    },
    options.timeoutMs,
  );
  return { conn, trace };
}

export interface ServerExchange {
  conn: TlsConnection<ServerState>;
  /** The handshake reached Traffic (a failure after it is not a negotiation failure). */
  handshakeDone: boolean;
  /**
   * ClientHellos after the handshake, each answered with a no_renegotiation warning (RFC 5246,
   * Section 7.2.2; refusing to renegotiate at all is the mitigation RFC 5746, Section 5 names):
   * clients usually give up with a fatal alert of their own.
   */
  renegotiationsRefused: number;
  /** The request's start line, if a whole request head arrived and it was a request. */
  request?: HttpHead;
  /** The status we answered with, if we answered: 200, or 400, 414 or 431 for a refused request. */
  status?: 200 | 400 | 414 | 431;
  /** The client went quiet in Traffic and we closed with close_notify at the idle deadline. */
  idleClosed: boolean;
}

export interface ServerExchangeOptions {
  rng: Rng;
  pageHost: string;
  /** Both deadlines at once, or each (PumpDeadlines). */
  timeoutMs: number | PumpDeadlines;
  /** Aborting it ends the connection: close_notify in Traffic, dropped in the handshake. */
  signal?: AbortSignal;
}

/**
 * The server's side: once the whole request head is in (an empty line after the request line, with
 * CRLF or bare-LF line ends), a 200; a head past MAX_REQUEST_HEAD is refused at once with 414 (the
 * request line) or 431 (the header fields), a head whose first line is no request with 400. Then
 * close_notify. The client's close_notify does not stop the answer (halfClose).
 */
export async function serverExchange(
  socket: Socket,
  config: ServerConfig,
  options: ServerExchangeOptions,
): Promise<ServerExchange> {
  // Nobody reads a served connection's Trace: its outcome is in conn.failure and negotiated, and
  // the one note the log line needs is counted.
  const refusals = new NoteCounter('tls.server.renegotiation_refused');
  const conn = new TlsConnection(serverMachine(config), {
    rng: options.rng,
    clock: new SystemClock(),
    trace: refusals,
    lane: 'Server',
    peerLane: 'Client',
    traceReceived: true,
    halfClose: true,
  });
  const head = new RequestHeadReader();
  let read = 0;
  let request: HttpHead | undefined;
  let status: ServerExchange['status'];
  let handshakeDone = false;
  await conn.start();
  const { idleClosed } = await pumpSocket(
    socket,
    conn,
    {
      afterInput() {
        if (conn.isTraffic) handshakeDone = true;
        if (!conn.isTraffic || status !== undefined) return;
        let progress = head.progress;
        while (read < conn.received.length && progress.kind === 'incomplete')
          progress = head.push(conn.received[read++]!);
        if (progress.kind === 'incomplete') return;
        if (progress.kind === 'too_large') status = progress.status;
        else if (progress.head) {
          request = progress.head;
          status = 200;
        } else status = 400;
        conn.write(
          status === 200 ? buildOkResponse(demoPage(options.pageHost)) : buildErrorResponse(status),
        );
        conn.close();
      },
    },
    {
      deadlines: options.timeoutMs,
      onIdle: 'close',
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
  return {
    conn,
    handshakeDone,
    idleClosed,
    renegotiationsRefused: refusals.count,
    ...(request ? { request } : {}),
    ...(status ? { status } : {}),
  };
}

/** A recorder that keeps no events (emitters skip what only a Trace shows) but counts one note. */
class NoteCounter extends TraceRecorder {
  count = 0;
  constructor(private readonly key: string) {
    super([], false);
  }
  override push(event: TraceEvent): void {
    if (event.kind === 'note' && event.key === this.key) this.count++;
  }
}
