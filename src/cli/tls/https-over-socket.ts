/**
 * One HTTPS exchange over a real TCP socket, for either side: our client sends GET and closes once
 * the whole response is in; our server answers the first request with a 200 and closes. The CLI's
 * connect and serve commands, and the interop tests, all run exactly this.
 */
import type { Socket } from 'node:net';
import { concatBytes } from '../../engine/bytes/hex';
import {
  buildGetRequest,
  buildOkResponse,
  demoPage,
  isCompleteResponse,
  parseHttpHead,
  type HttpHead,
} from '../../engine/http/http';
import { SystemClock } from '../../engine/sim/clock';
import { SystemRng, type Rng } from '../../engine/sim/rng';
import { TraceRecorder } from '../../engine/trace';
import { clientMachine } from '../../engine/tls/client/handshake';
import type { ClientState } from '../../engine/tls/client/states';
import type { ClientConfig, ServerConfig } from '../../engine/tls/config';
import { TlsConnection } from '../../engine/tls/connection';
import { serverMachine } from '../../engine/tls/server/handshake';
import type { ServerState } from '../../engine/tls/server/states';
import { pumpSocket } from './socket-session';

export interface ClientExchange {
  conn: TlsConnection<ClientState>;
  trace: TraceRecorder;
}

export async function clientExchange(
  socket: Socket,
  config: ClientConfig,
  options: { path: string; timeoutMs: number; trace?: TraceRecorder; afterInput?: () => void },
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
      afterInput() {
        if (conn.isTraffic && !requested) {
          requested = true;
          conn.write(buildGetRequest(config.serverName, options.path));
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
  /** The request's start line, if one arrived. */
  request?: HttpHead;
}

export async function serverExchange(
  socket: Socket,
  config: ServerConfig,
  options: { rng: Rng; pageHost: string; timeoutMs: number },
): Promise<ServerExchange> {
  const conn = new TlsConnection(serverMachine(config), {
    rng: options.rng,
    clock: new SystemClock(),
    // Nobody reads a served connection's Trace: its outcome is in conn.failure and negotiated.
    trace: TraceRecorder.discarding(),
    lane: 'Server',
    peerLane: 'Client',
    traceReceived: true,
  });
  let request: HttpHead | undefined;
  await conn.start();
  await pumpSocket(
    socket,
    conn,
    {
      afterInput() {
        if (conn.isTraffic && request === undefined && conn.received.length > 0) {
          request = parseHttpHead(concatBytes(...conn.received));
          if (!request) return;
          conn.write(buildOkResponse(demoPage(options.pageHost)));
          conn.close();
        }
      },
    },
    options.timeoutMs,
  );
  return { conn, ...(request ? { request } : {}) };
}
