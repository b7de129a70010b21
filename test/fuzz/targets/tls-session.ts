/**
 * Handshakes that can be replayed to one side. Each side draws from its own seeded RNG and reads
 * a fixed clock, so a side fed the very records it received in a recorded run makes the very same
 * choices (randoms, ECDHE keys) and completes the same handshake. A fuzz input then edits that
 * stream of records, and the side is judged on what it does with it: it completes the real
 * handshake, or it sends exactly one fatal alert and then nothing more.
 */
import { alertFor } from '../../../src/engine/tls/errors';
import { bytesEqual } from '../../../src/engine/bytes/hex';
import { DEMO_EPOCH_MS, VirtualClock } from '../../../src/engine/sim/clock';
import { SeededRng } from '../../../src/engine/sim/rng';
import { TraceRecorder, type AlertEvent, type MessageEvent } from '../../../src/engine/trace';
import { buildGetRequest, buildOkResponse, demoPage } from '../../../src/engine/http/http';
import {
  demoClientConfig,
  demoCredentials,
  DETERMINISTIC_SIGNATURE_SCHEMES,
} from '../../../src/engine/scenarios/tls-demo-config';
import { clientMachine } from '../../../src/engine/tls/client/handshake';
import type { ClientState } from '../../../src/engine/tls/client/states';
import {
  defaultServerConfig,
  type ClientConfig,
  type ServerConfig,
  type ServerCredential,
} from '../../../src/engine/tls/config';
import { TlsConnection } from '../../../src/engine/tls/connection';
import type { Negotiated } from '../../../src/engine/tls/context';
import {
  CipherSuite,
  NamedGroup,
  SignatureScheme,
  Tls13CipherSuite,
} from '../../../src/engine/tls/enums';
import { serverMachine } from '../../../src/engine/tls/server/handshake';
import type { ServerState } from '../../../src/engine/tls/server/states';
import {
  ClientSessionStore,
  ServerSessionStore,
  type Session,
} from '../../../src/engine/tls/session';
import { sealTicket } from '../../../src/engine/tls/tickets';
import { Tls13TicketStore } from '../../../src/engine/tls/tls13/client/tickets';
import { sealTicket13 } from '../../../src/engine/tls/tls13/server/tickets';
import { FuzzFinding } from './target';

export type Side = 'client' | 'server';

/**
 * The secret that names a completed session: TLS 1.2's master secret, or TLS 1.3's
 * client_application_traffic_secret_0 (RFC 8446, Section 7.1), which every earlier secret feeds.
 */
export function sessionSecret(n: Negotiated): Uint8Array | undefined {
  return n.masterSecret ?? n.tls13Secrets?.CLIENT_TRAFFIC_SECRET_0;
}
export const SERVER_NAME = 'www.example.com';
const LANES: Record<Side, string> = { client: 'Client', server: 'Server' };

/** A fixed ticket key: 16 bytes of key name, 16 of AES-128-GCM key (RFC 5077, Section 4). */
const TICKET_KEY = Uint8Array.from({ length: 32 }, (_, i) => 0xa0 + i);

/** One configuration of the two sides, named for what it exercises. */
export interface HandshakeVariant {
  id: string;
  client?(config: ClientConfig): void;
  server?(config: ServerConfig): void;
  /** Start from a session both sides already hold, so the handshake is abbreviated. */
  resume?: 'session_id' | 'session_ticket' | 'tls13_psk';
  /** TLS 1.3: the client sends a KeyUpdate (update_requested) before its request. */
  keyUpdate?: boolean;
}

export const VARIANTS: readonly HandshakeVariant[] = [
  // The demo's own handshake: RSA, AES-128-GCM, X25519, EMS, a NewSessionTicket.
  { id: 'rsa-aes128gcm-ems-ticket' },
  // TLS 1.3 (RFC 8446): ECDSA CertificateVerify, X25519, a NewSessionTicket after the handshake.
  {
    id: 'tls13-aes128gcm-x25519',
    client: (c) => {
      c.versions = ['1.2', '1.3'];
    },
    server: (s) => {
      s.versions = ['1.2', '1.3'];
    },
  },
  {
    id: 'ecdsa-aes128gcm-p256-no-ems',
    client: (c) => {
      c.cipherSuites = [CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256];
      c.groups = [NamedGroup.secp256r1];
      c.offerExtendedMasterSecret = false;
      c.offerSessionTicket = false;
      c.alpn = [];
    },
  },
  {
    id: 'rsa-chacha20-p384',
    client: (c) => {
      c.cipherSuites = [CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256];
      c.groups = [NamedGroup.secp384r1];
      c.signatureSchemes = [SignatureScheme.rsa_pkcs1_sha384];
    },
  },
  {
    id: 'rsa-aes256gcm-sha384',
    client: (c) => {
      c.cipherSuites = [CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384];
      c.offerSessionTicket = false;
    },
  },
  { id: 'resume-session-id', resume: 'session_id', client: (c) => (c.offerSessionTicket = false) },
  { id: 'resume-ticket', resume: 'session_ticket' },
  // CertificateRequest from the server, and the client's empty Certificate (RFC 5246, 7.4.6).
  { id: 'rsa-client-certificate-requested', server: (c) => (c.requestClientCertificate = true) },
];

function tls13Only(c: ClientConfig | ServerConfig): void {
  c.versions = ['1.3'];
}

/**
 * TLS 1.3 handshakes (RFC 8446) for the TLS 1.3 client target: each path of its machine that a
 * real server takes with it (client-openssl.test.ts runs the same ones against s_server).
 */
export const TLS13_VARIANTS: readonly HandshakeVariant[] = [
  {
    id: 'tls13-full-p256',
    client: (c) => (tls13Only(c), (c.groups = [NamedGroup.secp256r1])),
    server: tls13Only,
  },
  {
    id: 'tls13-hello-retry-chacha',
    client: (c) => {
      tls13Only(c);
      c.tls13CipherSuites = [Tls13CipherSuite.TLS_CHACHA20_POLY1305_SHA256];
      c.groups = [NamedGroup.x25519, NamedGroup.secp384r1];
    },
    server: (s) => {
      tls13Only(s);
      s.groups = [NamedGroup.secp384r1];
    },
  },
  { id: 'tls13-psk-resumption', resume: 'tls13_psk', client: tls13Only, server: tls13Only },
  {
    id: 'tls13-certificate-requested-aes256',
    client: (c) => {
      tls13Only(c);
      c.tls13CipherSuites = [Tls13CipherSuite.TLS_AES_256_GCM_SHA384];
    },
    server: (s) => {
      tls13Only(s);
      s.requestClientCertificate = true;
    },
  },
  { id: 'tls13-key-update', keyUpdate: true, client: tls13Only, server: tls13Only },
];

let credentials: ServerCredential[] | undefined;
let trustClient: ClientConfig | undefined;

/** The two configurations of a variant, fresh (session stores included) for every run. */
export function variantConfigs(variant: HandshakeVariant): {
  client: ClientConfig;
  server: ServerConfig;
} {
  credentials ??= demoCredentials();
  trustClient ??= demoClientConfig(SERVER_NAME);
  const client: ClientConfig = {
    ...trustClient,
    // TLS 1.2 unless a variant asks for TLS 1.3: the variants below are TLS 1.2 handshakes.
    versions: ['1.2'],
    cipherSuites: [...trustClient.cipherSuites],
    groups: [...trustClient.groups],
    signatureSchemes: [...trustClient.signatureSchemes],
    alpn: [...trustClient.alpn],
    sessions: new ClientSessionStore(),
  };
  const server: ServerConfig = {
    ...defaultServerConfig(credentials),
    // The recorded variants are TLS 1.2 handshakes, as the demo client that offers them is: a
    // server that also served TLS 1.3 would mark its random with the downgrade sentinel.
    versions: ['1.2'],
    signatureSchemes: [...DETERMINISTIC_SIGNATURE_SCHEMES],
    sessions: new ServerSessionStore(),
    ticketKey: TICKET_KEY,
  };
  variant.client?.(client);
  variant.server?.(server);
  if (variant.resume === 'tls13_psk') {
    // A ticket this server sealed an hour ago (RFC 8446, Section 4.6.1), with its PSK.
    const psk = Uint8Array.from({ length: 32 }, (_, i) => 0x50 + i);
    const issuedAt = DEMO_EPOCH_MS - 3_600_000;
    const ageAdd = 0x12345678;
    const suite = Tls13CipherSuite.TLS_AES_128_GCM_SHA256;
    const state = { psk, cipherSuite: suite, issuedAt, lifetimeSeconds: 7200, ageAdd, alpn: '' };
    const ticket = sealTicket13(TICKET_KEY, state, new SeededRng('fuzz ticket 1.3'));
    client.tls13Tickets = new Tls13TicketStore();
    client.tls13Tickets.put(SERVER_NAME, {
      ticket,
      psk,
      cipherSuite: suite,
      ageAdd,
      lifetime: 7200,
      receivedAt: issuedAt,
    });
  } else if (variant.resume) {
    const session: Session = {
      sessionId: Uint8Array.from({ length: 32 }, (_, i) => i + 1),
      masterSecret: Uint8Array.from({ length: 48 }, (_, i) => 0x30 + i),
      cipherSuite: CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
      extendedMasterSecret: true,
      createdAt: DEMO_EPOCH_MS,
    };
    server.sessions!.put(session);
    const ticket =
      variant.resume === 'session_ticket'
        ? sealTicket(TICKET_KEY, session, new SeededRng('fuzz ticket'))
        : undefined;
    client.sessions!.put(SERVER_NAME, { ...session, ...(ticket ? { ticket } : {}) });
  }
  return { client, server };
}

type AnyConnection = TlsConnection<ClientState> | TlsConnection<ServerState>;

function connect(
  side: Side,
  variant: HandshakeVariant,
  configs: ReturnType<typeof variantConfigs>,
  trace: TraceRecorder,
): AnyConnection {
  const env = {
    rng: new SeededRng(`fuzz ${side} ${variant.id}`),
    clock: new VirtualClock(DEMO_EPOCH_MS),
    trace,
    lane: LANES[side],
    peerLane: LANES[side === 'client' ? 'server' : 'client'],
    traceReceived: false,
  };
  return side === 'client'
    ? new TlsConnection(clientMachine(configs.client), env)
    : new TlsConnection(serverMachine(configs.server), env);
}

/**
 * What each side does once its handshake is complete, the same in recording and in replay: the
 * client sends a GET, the server answers the first request, the client closes after the answer.
 */
class Application {
  private requested = false;
  private responded = false;
  private closed = false;
  constructor(
    private readonly side: Side,
    private readonly keyUpdate = false,
  ) {}

  async step(conn: AnyConnection): Promise<void> {
    if (!conn.isTraffic) return;
    if (this.side === 'client') {
      if (!this.requested) {
        this.requested = true;
        if (this.keyUpdate) await conn.updateKeys();
        if (!conn.isTraffic) return;
        conn.write(buildGetRequest(SERVER_NAME, '/'));
      }
      if (conn.received.length > 0 && !this.closed) {
        this.closed = true;
        conn.close();
      }
    } else if (conn.received.length > 0 && !this.responded) {
      this.responded = true;
      conn.write(buildOkResponse(demoPage(SERVER_NAME)));
    }
  }
}

/** A handshake as each side saw it: the records it received, in order, and what it ended with. */
export interface Recording {
  variant: HandshakeVariant;
  received: Record<Side, Uint8Array[]>;
  masterSecret: Uint8Array;
  appData: Record<Side, Uint8Array[]>;
}

const recordings = new Map<string, Promise<Recording>>();

/** Runs the variant once between the two sides (in memory, records in send order), memoised. */
export function recording(variant: HandshakeVariant): Promise<Recording> {
  let found = recordings.get(variant.id);
  if (!found) {
    found = record(variant);
    recordings.set(variant.id, found);
  }
  return found;
}

async function record(variant: HandshakeVariant): Promise<Recording> {
  const configs = variantConfigs(variant);
  const trace = new TraceRecorder();
  const conns: Record<Side, AnyConnection> = {
    client: connect('client', variant, configs, trace),
    server: connect('server', variant, configs, trace),
  };
  const apps: Record<Side, Application> = {
    client: new Application('client', variant.keyUpdate),
    server: new Application('server'),
  };
  const received: Record<Side, Uint8Array[]> = { client: [], server: [] };
  const queue: { to: Side; bytes: Uint8Array }[] = [];
  const collect = (from: Side): void => {
    for (const bytes of conns[from].takeOutgoing())
      queue.push({ to: from === 'client' ? 'server' : 'client', bytes });
  };
  await conns.server.start();
  await conns.client.start();
  collect('client');
  for (let next = queue.shift(); next; next = queue.shift()) {
    received[next.to].push(next.bytes);
    await conns[next.to].receive(next.bytes);
    await apps[next.to].step(conns[next.to]);
    collect('client');
    collect('server');
  }
  const { client, server } = conns;
  const masterSecret = sessionSecret(client.negotiated);
  if (client.failure || server.failure || !masterSecret)
    throw new Error(
      `recording ${variant.id} failed: ${JSON.stringify(client.failure ?? server.failure)}`,
    );
  return {
    variant,
    received,
    masterSecret,
    appData: { client: [...client.received], server: [...server.received] },
  };
}

/** How a replayed side ended. */
export type ReplayEnd = 'completed' | 'alert-sent' | 'peer-alert' | 'stalled' | 'closed';

export interface ReplayOutcome {
  end: ReplayEnd;
  /** The fatal alert this side sent, by name ("decode_error"), if it sent one. */
  alert?: string;
  /** Names of the messages this side sent, in order ("ServerHello", "Alert illegal_parameter"). */
  sent: string[];
  /** Explanation keys of the notes this side recorded. */
  notes: string[];
}

/**
 * Feeds `deliveries` (TCP segments: any cut of the byte stream) to a fresh `side` of the variant
 * and checks the rules every run must keep. Throws a FuzzFinding when one is broken.
 */
export async function replay(
  rec: Recording,
  side: Side,
  deliveries: readonly Uint8Array[],
): Promise<ReplayOutcome> {
  const trace = new TraceRecorder();
  const conn = connect(side, rec.variant, variantConfigs(rec.variant), trace);
  const app = new Application(side, rec.variant.keyUpdate);
  const lane = LANES[side];
  await conn.start();
  conn.takeOutgoing();
  let reachedTraffic = false;
  for (const bytes of deliveries) {
    const wasClosed = conn.isClosed;
    await conn.receive(bytes);
    if (conn.isTraffic) {
      reachedTraffic = true;
      await app.step(conn);
    }
    const sent = conn.takeOutgoing();
    if (wasClosed && sent.length > 0)
      throw new FuzzFinding(
        'invariant',
        `the ${side} sent ${sent.length} record(s) after it had closed`,
      );
  }
  let end: ReplayEnd;
  if (conn.isTraffic) {
    end = 'completed';
  } else if (!conn.isClosed) {
    // Nothing more will come (a record was dropped or cut): a real socket times out here.
    conn.abortTimeout();
    if (conn.takeOutgoing().length !== 1)
      throw new FuzzFinding(
        'invariant',
        `the ${side} did not send exactly one alert on timing out`,
      );
    end = 'stalled';
  } else if (conn.failure && alertFor(conn.failure) === undefined) {
    end = 'peer-alert';
  } else if (conn.failure) {
    end = 'alert-sent';
  } else {
    end = 'closed';
  }
  checkFailureTyped(side, conn, end);
  checkOneAlert(side, lane, trace, conn);
  if (reachedTraffic) checkIntegrity(side, rec, conn);
  const alert = trace.events.find((e): e is AlertEvent => e.kind === 'alert' && e.from === lane);
  return {
    end,
    ...(alert ? { alert: alert.description } : {}),
    sent: trace.events
      .filter((e): e is MessageEvent => e.kind === 'message' && e.from === lane)
      .map((e) => e.name),
    notes: trace.events.flatMap((e) => (e.kind === 'note' && e.lane === lane ? [e.key] : [])),
  };
}

/** An 'internal' failure means an exception the engine did not type: a bug. */
function checkFailureTyped(side: Side, conn: AnyConnection, end: ReplayEnd): void {
  const failure = conn.failure;
  if (
    failure?.fault === 'internal.error' ||
    (failure?.fault.startsWith('internal.timeout') && end !== 'stalled')
  )
    throw new FuzzFinding(
      'crash',
      `the ${side} failed with an untyped error: ${JSON.stringify(failure.params)}`,
      failure,
    );
}

/** At most one fatal alert, and it is the last record the side sent. */
function checkOneAlert(side: Side, lane: string, trace: TraceRecorder, conn: AnyConnection): void {
  const alerts = trace.events.filter((e): e is AlertEvent => e.kind === 'alert' && e.from === lane);
  if (alerts.length > 1)
    throw new FuzzFinding(
      'invariant',
      `the ${side} sent ${alerts.length} fatal alerts: ${alerts.map((a) => a.description).join(', ')}`,
    );
  if (alerts.length === 1) {
    if (!conn.isClosed)
      throw new FuzzFinding('invariant', `the ${side} sent a fatal alert but is not closed`);
    const sent = trace.events.filter(
      (e): e is MessageEvent => e.kind === 'message' && e.from === lane,
    );
    const last = sent[sent.length - 1];
    if (!last || !last.name.startsWith('Alert'))
      throw new FuzzFinding(
        'invariant',
        `the ${side} sent ${last?.name ?? 'nothing'} after its fatal alert`,
      );
  }
  if (conn.failure && alertFor(conn.failure) !== undefined && alerts.length !== 1)
    throw new FuzzFinding(
      'invariant',
      `the ${side} failed (${conn.failure.fault}) without sending an alert`,
    );
}

/**
 * A side that completed a handshake completed the real one: the records it got could only have
 * been edited in ways TLS does not protect (TCP segmentation, the first record's version), so the
 * master secret and every byte of application data must be the recorded ones.
 */
function checkIntegrity(side: Side, rec: Recording, conn: AnyConnection): void {
  const master = sessionSecret(conn.negotiated);
  if (!master || !bytesEqual(master, rec.masterSecret))
    throw new FuzzFinding(
      'invariant',
      `the ${side} completed a handshake with a master secret the peer never had`,
    );
  const expected = rec.appData[side];
  conn.received.forEach((data, i) => {
    if (i >= expected.length || !bytesEqual(data, expected[i]!))
      throw new FuzzFinding(
        'invariant',
        `the ${side} accepted application data record ${i} that the peer never sent`,
      );
  });
}
