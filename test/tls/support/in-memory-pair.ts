/**
 * Our client and our server as two TlsConnections, the records passed between them by hand, so
 * a test can alter one side (its machine, or a record it writes) and watch the other answer.
 */
import { demoClientConfig, demoServerConfig } from '../../../src/engine/scenarios/tls-demo-config';
import { DEMO_EPOCH_MS, VirtualClock } from '../../../src/engine/sim/clock';
import { SeededRng } from '../../../src/engine/sim/rng';
import { lazyEncoded } from '../../../src/engine/bytes/writer';
import { TraceRecorder } from '../../../src/engine/trace';
import { clientMachine } from '../../../src/engine/tls/client/handshake';
import type { ClientState } from '../../../src/engine/tls/client/states';
import type { Machine } from '../../../src/engine/tls/context';
import { TlsConnection } from '../../../src/engine/tls/connection';
import type { RecordWriter } from '../../../src/engine/tls/record-writer';
import { serverMachine } from '../../../src/engine/tls/server/handshake';

export interface PairOptions {
  /** Wraps the client's machine, to change what it sends. */
  alterClient?: (machine: Machine<ClientState>) => Machine<ClientState>;
  /** Runs once the ClientHello is queued, before any record moves. */
  beforePump?: (client: TlsConnection<ClientState>) => void;
}

export async function inMemoryPair(version: '1.2' | '1.3', options: PairOptions = {}) {
  const alterClient = options.alterClient ?? ((m) => m);
  const rng = new SeededRng(`in-memory pair ${version}`);
  const env = { rng, clock: new VirtualClock(DEMO_EPOCH_MS), trace: new TraceRecorder() };
  const clientConfig = { ...demoClientConfig('www.example.com'), versions: [version] };
  const serverConfig = { ...demoServerConfig(rng), versions: [version] };
  const client = new TlsConnection(alterClient(clientMachine(clientConfig)), {
    ...env,
    lane: 'Client',
    peerLane: 'Server',
    traceReceived: false,
  });
  const server = new TlsConnection(serverMachine(serverConfig), {
    ...env,
    lane: 'Server',
    peerLane: 'Client',
    traceReceived: false,
  });
  await server.start();
  await client.start();
  /** Passes records both ways until neither side has any to send, or one has closed. */
  const pump = async (): Promise<void> => {
    for (let round = 0; round < 10 && !server.isClosed && !client.isClosed; round++) {
      const toServer = client.takeOutgoing();
      for (const bytes of toServer) await server.receive(bytes);
      const toClient = server.takeOutgoing();
      for (const bytes of toClient) await client.receive(bytes);
      if (toServer.length === 0 && toClient.length === 0) return;
    }
  };
  options.beforePump?.(client);
  await pump();
  return { client, server, pump };
}

/**
 * Writes one record of `type` holding `content` through a connection's own record writer, so it
 * is protected with the keys in use: what a peer that breaks a record-layer rule would send.
 */
export function writeRecord(connection: object, type: number, content: Uint8Array): void {
  const { writer } = connection as { writer: RecordWriter };
  writer.write(
    type,
    lazyEncoded(content, () => []),
    'test record',
  );
}
