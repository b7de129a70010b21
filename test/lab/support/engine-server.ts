/**
 * Our engine's server on a loopback socket for exactly one connection, so a real OpenSSL client
 * (s_client, node:tls) can meet the very configuration a lab scenario runs in memory. The result
 * is the server's TlsConnection: its failure says which alert the OpenSSL client sent.
 */
import { createServer, type Socket } from 'node:net';
import { pumpSocket } from '../../../src/cli/tls/socket-session';
import { buildOkResponse, demoPage } from '../../../src/engine/http/http';
import { SystemClock } from '../../../src/engine/sim/clock';
import { SystemRng } from '../../../src/engine/sim/rng';
import { TraceRecorder } from '../../../src/engine/trace';
import type { ServerConfig } from '../../../src/engine/tls/config';
import { TlsConnection } from '../../../src/engine/tls/connection';
import { serverMachine } from '../../../src/engine/tls/server/handshake';
import type { ServerState } from '../../../src/engine/tls/server/states';
import { PEER_TIMEOUT_MS, closeServer, listenOnFreePort, within } from '../../tls/support/peers';

export interface EngineServer {
  port: number;
  /** Our side of each connection, in the order they were accepted. */
  connections: Promise<TlsConnection<ServerState>>[];
  close(): Promise<void>;
}

/** Serves `config` on 127.0.0.1: a 200 for the first request on each connection, then close_notify. */
export async function startEngineServer(config: ServerConfig): Promise<EngineServer> {
  const rng = new SystemRng();
  const connections: Promise<TlsConnection<ServerState>>[] = [];
  const server = createServer((socket: Socket) => connections.push(serve(socket, config, rng)));
  const port = await listenOnFreePort(server);
  return { port, connections, close: () => closeServer(server) };
}

async function serve(
  socket: Socket,
  config: ServerConfig,
  rng: SystemRng,
): Promise<TlsConnection<ServerState>> {
  const conn = new TlsConnection(serverMachine(config), {
    rng,
    clock: new SystemClock(),
    trace: new TraceRecorder(),
    lane: 'Server',
    peerLane: 'Client',
    traceReceived: true,
  });
  let answered = false;
  await conn.start();
  await pumpSocket(
    socket,
    conn,
    {
      afterInput() {
        if (conn.isTraffic && !answered && conn.received.length > 0) {
          answered = true;
          conn.write(buildOkResponse(demoPage('www.example.com')));
          conn.close();
        }
      },
    },
    PEER_TIMEOUT_MS,
  );
  return conn;
}

/** Our side of the connection at `index`, once it has ended. */
export async function engineConnection(
  server: EngineServer,
  index = 0,
): Promise<TlsConnection<ServerState>> {
  const deadline = Date.now() + PEER_TIMEOUT_MS;
  while (server.connections.length <= index) {
    if (Date.now() > deadline)
      throw new Error(`no connection ${index} within ${PEER_TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return within(server.connections[index]!, `our server's connection ${index}`);
}
