/**
 * Three parties in memory: Client ⇄ Attacker ⇄ Server. The attacker is two TLS connections on one
 * lane: toward the client a TLS server with its own certificate, toward the server an ordinary TLS
 * client, like an intercepting proxy (mitmproxy, a corporate TLS inspection box). Whatever it
 * decrypts on one side it reads, puts in the Trace, and re-encrypts on the other.
 */
import { fromUtf8 } from '../../bytes/hex';
import { buildGetRequest, buildOkResponse, demoPage, parseHttpHead } from '../../http/http';
import { DEMO_EPOCH_MS, VirtualClock } from '../../sim/clock';
import { SeededRng } from '../../sim/rng';
import { TraceRecorder, type Trace } from '../../trace';
import { clientMachine } from '../../tls/client/handshake';
import type { ClientState } from '../../tls/client/states';
import { pemToDerList } from '../../tls/certificates/pem';
import { defaultServerConfig, type ClientConfig, type ServerConfig } from '../../tls/config';
import { TlsConnection } from '../../tls/connection';
import { DEMO_PKI } from '../../tls/pki/demo-pki';
import { serverMachine } from '../../tls/server/handshake';
import type { ServerState } from '../../tls/server/states';
import {
  DETERMINISTIC_SIGNATURE_SCHEMES,
  demoClientConfig,
  demoServerConfig,
} from '../tls-demo-config';
import { CLIENT_LANE, DEFAULT_LINK_LATENCY_MS, InFlight, SERVER_LANE } from '../tls-run';

export const ATTACKER_LANE = 'Attacker';

export interface MitmRunOptions {
  seed: number | string;
  serverName?: string;
  /** One-way latency of each of the two links. */
  latencyMs?: number;
  /** Adjust the victim client's config, e.g. its trust anchors. */
  client?: (config: ClientConfig) => void;
}

export interface MitmRunResult {
  trace: Trace;
  client: TlsConnection<ClientState>;
  /** The attacker's two connections: the server it plays to the client, the client it plays to the server. */
  attacker: { towardClient: TlsConnection<ServerState>; towardServer: TlsConnection<ClientState> };
  server: TlsConnection<ServerState>;
  /** Application data the attacker decrypted, in the order it read it. */
  intercepted: { from: string; to: string; data: Uint8Array }[];
  /** The real server received a request, necessarily through the attacker. */
  serverGotRequest: boolean;
  httpStatus?: string;
}

/** The attacker's face toward the client: the rogue leaf for www.example.com and its rogue root. */
export function attackerServerConfig(): ServerConfig {
  const { leaf } = DEMO_PKI.rogue;
  return {
    ...defaultServerConfig([
      {
        chain: pemToDerList(leaf.chainPem),
        privateKeyPkcs8: pemToDerList(leaf.keyPem)[0]!,
        keyType: 'RSA',
      },
    ]),
    signatureSchemes: [...DETERMINISTIC_SIGNATURE_SCHEMES],
  };
}

type Endpoint = 'client' | 'attackerTowardClient' | 'attackerTowardServer' | 'server';

const PEER: Record<Endpoint, Endpoint> = {
  client: 'attackerTowardClient',
  attackerTowardClient: 'client',
  attackerTowardServer: 'server',
  server: 'attackerTowardServer',
};

export async function runThroughAttacker(options: MitmRunOptions): Promise<MitmRunResult> {
  const serverName = options.serverName ?? 'www.example.com';
  const latency = options.latencyMs ?? DEFAULT_LINK_LATENCY_MS;
  const clock = new VirtualClock(DEMO_EPOCH_MS);
  const rng = new SeededRng(options.seed);
  const trace = new TraceRecorder([CLIENT_LANE, ATTACKER_LANE, SERVER_LANE]);
  const clientConfig = demoClientConfig(serverName);
  options.client?.(clientConfig);
  const env = { rng, clock, trace, traceReceived: false };

  const client = new TlsConnection(clientMachine(clientConfig), {
    ...env,
    lane: CLIENT_LANE,
    peerLane: ATTACKER_LANE,
  });
  const towardClient = new TlsConnection(serverMachine(attackerServerConfig()), {
    ...env,
    lane: ATTACKER_LANE,
    peerLane: CLIENT_LANE,
  });
  // Toward the real server the attacker is a careful client: it checks the real certificate.
  const towardServer = new TlsConnection(clientMachine(demoClientConfig(serverName)), {
    ...env,
    lane: ATTACKER_LANE,
    peerLane: SERVER_LANE,
  });
  const server = new TlsConnection(serverMachine(demoServerConfig(rng)), {
    ...env,
    lane: SERVER_LANE,
    peerLane: ATTACKER_LANE,
  });
  const conns: Record<Endpoint, TlsConnection<ClientState> | TlsConnection<ServerState>> = {
    client,
    attackerTowardClient: towardClient,
    attackerTowardServer: towardServer,
    server,
  };

  const inFlight = new InFlight<Endpoint>();
  const collect = (): void => {
    for (const from of Object.keys(conns) as Endpoint[])
      for (const bytes of conns[from].takeOutgoing())
        inFlight.send(clock.now() + latency, PEER[from], bytes);
  };

  const intercepted: MitmRunResult['intercepted'] = [];
  const toServer: Uint8Array[] = [];
  const toClient: Uint8Array[] = [];
  const read = { fromClient: 0, fromServer: 0 };
  /** The attacker reads what it decrypted, notes it in the Trace, and queues it for the other side. */
  const intercept = (from: string, to: string, data: Uint8Array, queue: Uint8Array[]): void => {
    intercepted.push({ from, to, data });
    trace.push({
      kind: 'note',
      t: clock.now(),
      lane: ATTACKER_LANE,
      key: 'lab.mitm.read_plaintext',
      params: { from, to, text: fromUtf8(data) },
    });
    queue.push(data);
  };

  let upstreamStarted = false;
  let requested = false;
  let serverGotRequest = false;
  let httpStatus: string | undefined;
  const step = async (): Promise<void> => {
    // Like an intercepting proxy in its eager mode, the attacker opens its own connection to the
    // server as soon as the client's ClientHello (with the name it wants, in SNI) arrives.
    if (
      !upstreamStarted &&
      (towardClient.stateName !== 'ExpectClientHello' || towardClient.isClosed)
    ) {
      upstreamStarted = true;
      await towardServer.start();
    }
    if (client.isTraffic && !requested) {
      requested = true;
      client.write(buildGetRequest(serverName, '/'));
    }
    for (; read.fromClient < towardClient.received.length; read.fromClient++)
      intercept(CLIENT_LANE, SERVER_LANE, towardClient.received[read.fromClient]!, toServer);
    if (towardServer.isTraffic) for (const data of toServer.splice(0)) towardServer.write(data);
    if (server.isTraffic && server.received.length > 0 && !serverGotRequest) {
      serverGotRequest = true;
      server.write(buildOkResponse(demoPage(serverName)));
    }
    for (; read.fromServer < towardServer.received.length; read.fromServer++)
      intercept(SERVER_LANE, CLIENT_LANE, towardServer.received[read.fromServer]!, toClient);
    if (towardClient.isTraffic) for (const data of toClient.splice(0)) towardClient.write(data);
    if (client.isTraffic && client.received.length > 0 && !httpStatus) {
      httpStatus = parseHttpHead(client.received[0]!)?.startLine ?? 'a response';
      client.close();
    }
    // Once the client has gone (close_notify or a fatal alert), the attacker hangs up upstream too.
    if (towardClient.isClosed && upstreamStarted && !towardServer.isClosed && toServer.length === 0)
      towardServer.close();
  };

  await server.start();
  await towardClient.start();
  await client.start();
  collect();
  for (let next = inFlight.next(); next; next = inFlight.next()) {
    if (next.at > clock.now()) clock.set(next.at);
    await conns[next.to].receive(next.bytes);
    await step();
    collect();
  }

  return {
    trace: trace.toTrace(),
    client,
    attacker: { towardClient, towardServer },
    server,
    intercepted,
    serverGotRequest,
    ...(httpStatus ? { httpStatus } : {}),
  };
}
