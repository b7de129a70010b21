/**
 * Interop with node:tls (OpenSSL 3 inside Node) over loopback, in both directions: our client
 * against node:tls servers and node:tls clients against our server, for every cipher suite the
 * engine implements × every group; session resumption by ID and by ticket both ways; the extended
 * master secret (RFC 7627) on and off; and certificate failures, where node's server must see the
 * alert our client sent.
 *
 * node:tls verifies our server's chain against the demo root and checks the hostname
 * (rejectUnauthorized and checkServerIdentity are on by default), so each completed handshake is a
 * real peer accepting every byte we sent, Finished included.
 */
import { constants } from 'node:crypto';
import {
  createServer as createTlsServer,
  type Server as TlsServer,
  type TlsOptions,
  type TLSSocket,
} from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClientConfig, demoServerConfig } from '../../src/engine/scenarios/tls-demo-config';
import { SystemRng } from '../../src/engine/sim/rng';
import type { AlertEvent, MessageEvent } from '../../src/engine/trace';
import { AlertDescription, CipherSuite, NamedGroup, namedGroup } from '../../src/engine/tls/enums';
import { alertFor } from '../../src/engine/tls/errors';
import {
  NODE_BODY,
  answerHttp,
  closeServer,
  listenOnFreePort,
  pem,
  runNodeClient,
  runOurClient,
  startOurServer,
  waitUntil,
  type OurServer,
} from './support/peers';

interface SuiteCase {
  id: number;
  openssl: string;
  iana: string;
  /** Which demo leaf the node:tls server presents: the suite's authentication decides. */
  leaf: 'rsa' | 'ecdsa';
}

const SUITES: SuiteCase[] = [
  {
    id: CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
    openssl: 'ECDHE-RSA-AES128-GCM-SHA256',
    iana: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
    leaf: 'rsa',
  },
  {
    id: CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
    openssl: 'ECDHE-RSA-AES256-GCM-SHA384',
    iana: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    leaf: 'rsa',
  },
  {
    id: CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    openssl: 'ECDHE-RSA-CHACHA20-POLY1305',
    iana: 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
    leaf: 'rsa',
  },
  {
    id: CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    openssl: 'ECDHE-ECDSA-AES128-GCM-SHA256',
    iana: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
    leaf: 'ecdsa',
  },
];

interface GroupCase {
  id: number;
  /** The name node:tls takes in `ecdhCurve`, and reports in getEphemeralKeyInfo(). */
  node: string;
  /** getEphemeralKeyInfo().size: the key's size in bits (X25519's is 253). */
  bits: number;
}

const GROUPS: GroupCase[] = [
  { id: NamedGroup.x25519, node: 'X25519', bits: 253 },
  { id: NamedGroup.secp256r1, node: 'prime256v1', bits: 256 },
  { id: NamedGroup.secp384r1, node: 'secp384r1', bits: 384 },
];

const CASES = SUITES.flatMap((suite) =>
  GROUPS.map((group) => ({ suite, group, label: `${suite.openssl} with ${group.node}` })),
);

/** node:tls options both sides share: TLS 1.2 only. */
const TLS12_ONLY = { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' } as const;

/** What a node:tls client needs to trust and check our server. */
const NODE_CLIENT_TRUST = {
  ca: pem('root.cert.pem'),
  servername: 'www.example.com',
  ...TLS12_ONLY,
};

function leafOptions(leaf: string): TlsOptions {
  // node:tls sends every certificate in `cert`, so the chain file (leaf + intermediate) is used whole.
  return { cert: pem(`${leaf}.chain.pem`), key: pem(`${leaf}.key.pem`) };
}

interface NodeServer {
  server: TlsServer;
  port: number;
  /** node's own view of each connection, in order of completed handshakes. */
  seen: { cipher: string; reused: boolean }[];
  /** Errors node reports for connections that failed before the handshake completed. */
  clientErrors: Error[];
}

async function startNodeServer(options: TlsOptions): Promise<NodeServer> {
  const seen: NodeServer['seen'] = [];
  const clientErrors: Error[] = [];
  const server = createTlsServer({ ...TLS12_ONLY, ...options }, (socket: TLSSocket) => {
    seen.push({ cipher: socket.getCipher().standardName, reused: socket.isSessionReused() });
    answerHttp(socket);
  });
  server.on('tlsClientError', (e: Error) => clientErrors.push(e));
  const port = await listenOnFreePort(server);
  return { server, port, seen, clientErrors };
}

async function withNodeServer<T>(
  options: TlsOptions,
  body: (s: NodeServer) => Promise<T>,
): Promise<T> {
  const s = await startNodeServer(options);
  try {
    return await body(s);
  } finally {
    await closeServer(s.server);
  }
}

function expectHttpOk(response: string, body: string): void {
  expect(response.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
  expect(response.endsWith(body)).toBe(true);
}

describe('our client against a node:tls server', () => {
  it.each(CASES)('negotiates $label and receives the response body', async ({ suite, group }) => {
    // The server allows only this suite and group; our client offers its whole default list.
    await withNodeServer(
      { ...leafOptions(suite.leaf), ciphers: suite.openssl, ecdhCurve: group.node },
      async (node) => {
        const { conn, response } = await runOurClient(
          node.port,
          demoClientConfig('www.example.com'),
        );
        expect(conn.failure).toBeUndefined();
        expect(conn.negotiated.cipherSuite).toBe(suite.id);
        expect(conn.negotiated.group).toBe(group.id);
        // OpenSSL 3 negotiates the extended master secret unless told not to (RFC 7627).
        expect(conn.negotiated.extendedMasterSecret).toBe(true);
        expect(conn.negotiated.resumed).toBeUndefined();
        expectHttpOk(response, NODE_BODY);
        expect(node.seen).toEqual([{ cipher: suite.iana, reused: false }]);
      },
    );
  });
});

describe('a node:tls client against our server', () => {
  let ours: OurServer;
  const config = demoServerConfig(new SystemRng());
  beforeAll(async () => {
    ours = await startOurServer(config);
  });
  afterAll(async () => {
    await ours?.close();
  });

  it.each(CASES)('negotiates $label and gets the 200', async ({ suite, group }) => {
    // The client offers only this suite; both sides allow only this group for ECDHE. An ECDSA
    // suite also needs secp256r1 in the client's supported_groups, for the certificate's own
    // curve (RFC 8422, Section 5.1), so the client lists it second there.
    config.groups = [namedGroup(group.id)];
    const curves =
      suite.leaf === 'ecdsa' && group.node !== 'prime256v1'
        ? `${group.node}:prime256v1`
        : group.node;
    const run = await runNodeClient(ours.port, {
      ...NODE_CLIENT_TRUST,
      ciphers: suite.openssl,
      ecdhCurve: curves,
    });
    expect(run.cipher).toEqual({
      name: suite.openssl,
      standardName: suite.iana,
      version: 'TLSv1.2',
    });
    expect(run.ephemeral).toEqual({ type: 'ECDH', name: group.node, size: group.bits });
    expect(run.reused).toBe(false);
    expectHttpOk(
      run.response,
      'Hello from www.example.com</h1><p>Served over TLS 1.2 by Wirestep.</p></body></html>\n',
    );

    const served = await ours.resultFor(run.localPort);
    expect(served.conn.failure).toBeUndefined();
    expect(served.request).toBe('GET / HTTP/1.1');
    expect(served.conn.negotiated).toMatchObject({
      cipherSuite: suite.id,
      group: group.id,
      extendedMasterSecret: true,
    });
  });

  it("refuses an ECDSA suite when the client cannot take the certificate's curve, as OpenSSL does", async () => {
    // RFC 8422, Section 5.1: supported_groups [x25519] rules out the P-256 certificate, so the
    // only suite offered cannot be completed: handshake_failure, not a handshake node aborts.
    config.groups = [NamedGroup.x25519];
    const failed = runNodeClient(ours.port, {
      ...NODE_CLIENT_TRUST,
      ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256',
      ecdhCurve: 'X25519',
    });
    await expect(failed).rejects.toThrow(/alert handshake failure.*SSL alert number 40/);
  });
});

describe('session resumption', () => {
  describe('a node:tls client resuming with our server', () => {
    let ours: OurServer;
    beforeAll(async () => {
      ours = await startOurServer(demoServerConfig(new SystemRng()));
    });
    afterAll(async () => {
      await ours?.close();
    });

    it('resumes by session ticket (node offers tickets by default)', async () => {
      const first = await runNodeClient(ours.port, NODE_CLIENT_TRUST);
      expect(first.reused).toBe(false);
      expect(first.session).toBeDefined();
      expect((await ours.resultFor(first.localPort)).conn.negotiated.resumed).toBeUndefined();

      const second = await runNodeClient(ours.port, {
        ...NODE_CLIENT_TRUST,
        session: first.session!,
      });
      expect(second.reused).toBe(true);
      expectHttpOk(second.response, '</html>\n');
      const served = await ours.resultFor(second.localPort);
      expect(served.conn.failure).toBeUndefined();
      expect(served.conn.negotiated.resumed).toBe('session_ticket');
    });

    it('resumes by session ID when the client turns tickets off', async () => {
      const noTickets = { ...NODE_CLIENT_TRUST, secureOptions: constants.SSL_OP_NO_TICKET };
      const first = await runNodeClient(ours.port, noTickets);
      expect(first.session).toBeDefined();
      const second = await runNodeClient(ours.port, { ...noTickets, session: first.session! });
      expect(second.reused).toBe(true);
      expectHttpOk(second.response, '</html>\n');
      const served = await ours.resultFor(second.localPort);
      expect(served.conn.failure).toBeUndefined();
      expect(served.conn.negotiated.resumed).toBe('session_id');
    });
  });

  describe('our client resuming with a node:tls server', () => {
    it('resumes by session ticket', async () => {
      await withNodeServer(leafOptions('rsa'), async (node) => {
        const config = demoClientConfig('www.example.com');
        const first = await runOurClient(node.port, config);
        expect(first.conn.failure).toBeUndefined();
        expect(first.conn.negotiated.resumed).toBeUndefined();
        expect(config.sessions!.get('www.example.com', Date.now())?.ticket?.length).toBeGreaterThan(
          0,
        );

        const second = await runOurClient(node.port, config);
        expect(second.conn.failure).toBeUndefined();
        expect(second.conn.negotiated.resumed).toBe('session_ticket');
        expectHttpOk(second.response, NODE_BODY);
        expect(node.seen.map((s) => s.reused)).toEqual([false, true]);
      });
    });

    it('resumes by session ID when the server issues no tickets', async () => {
      // node:tls keeps no server-side session cache of its own (SSL_SESS_CACHE_NO_INTERNAL): the
      // application stores sessions through 'newSession' and hands them back in 'resumeSession'.
      const cache = new Map<string, Buffer>();
      await withNodeServer(
        { ...leafOptions('rsa'), secureOptions: constants.SSL_OP_NO_TICKET },
        async (node) => {
          node.server.on('newSession', (id: Buffer, data: Buffer, done: () => void) => {
            cache.set(id.toString('hex'), data);
            done();
          });
          node.server.on(
            'resumeSession',
            (id: Buffer, done: (err: Error | null, data: Buffer | null) => void) =>
              done(null, cache.get(id.toString('hex')) ?? null),
          );

          const config = demoClientConfig('www.example.com');
          const first = await runOurClient(node.port, config);
          expect(first.conn.failure).toBeUndefined();
          const stored = config.sessions!.get('www.example.com', Date.now());
          expect(stored?.ticket).toBeUndefined();
          expect(stored?.sessionId.length).toBe(32);
          expect([...cache.keys()]).toEqual([Buffer.from(stored!.sessionId).toString('hex')]);

          const second = await runOurClient(node.port, config);
          expect(second.conn.failure).toBeUndefined();
          expect(second.conn.negotiated.resumed).toBe('session_id');
          expectHttpOk(second.response, NODE_BODY);
          expect(node.seen.map((s) => s.reused)).toEqual([false, true]);
        },
      );
    });
  });
});

describe('extended master secret (RFC 7627)', () => {
  it('is negotiated with node:tls in both directions', async () => {
    // A completed handshake is the proof that both sides derived the same EMS master secret: any
    // difference would make the Finished messages fail to verify.
    await withNodeServer(leafOptions('rsa'), async (node) => {
      const { conn } = await runOurClient(node.port, demoClientConfig('www.example.com'));
      expect(conn.failure).toBeUndefined();
      expect(conn.negotiated.extendedMasterSecret).toBe(true);
    });
    const ours = await startOurServer(demoServerConfig(new SystemRng()));
    try {
      const run = await runNodeClient(ours.port, NODE_CLIENT_TRUST);
      expectHttpOk(run.response, '</html>\n');
      expect((await ours.resultFor(run.localPort)).conn.negotiated.extendedMasterSecret).toBe(true);
    } finally {
      await ours.close();
    }
  });

  it('still completes, without it, when our client does not offer it', async () => {
    await withNodeServer(leafOptions('rsa'), async (node) => {
      const config = { ...demoClientConfig('www.example.com'), offerExtendedMasterSecret: false };
      const { conn, trace, response } = await runOurClient(node.port, config);
      expect(conn.failure).toBeUndefined();
      expect(conn.negotiated.extendedMasterSecret).toBe(false);
      expectHttpOk(response, NODE_BODY);
      const master = trace.events.find((e) => e.kind === 'secret' && e.name === 'master_secret');
      expect(
        master?.kind === 'secret' && master.inputs.find((i) => i.name === 'label')?.value,
      ).toBe('master secret');
    });
  });

  it('still completes, without it, when our server does not support it', async () => {
    const ours = await startOurServer({
      ...demoServerConfig(new SystemRng()),
      supportExtendedMasterSecret: false,
    });
    try {
      const run = await runNodeClient(ours.port, NODE_CLIENT_TRUST);
      expectHttpOk(run.response, '</html>\n');
      const served = await ours.resultFor(run.localPort);
      expect(served.conn.failure).toBeUndefined();
      expect(served.conn.negotiated.extendedMasterSecret).toBe(false);
    } finally {
      await ours.close();
    }
  });
});

describe('our client refusing a certificate', () => {
  const cases = [
    {
      label: 'a leaf for another host (www.example.net)',
      server: leafOptions('wrong-host'),
      serverName: 'www.example.com',
      alert: 'bad_certificate' as const,
      nodeSays: /alert bad certificate/,
    },
    {
      label: 'a good leaf, but a server name not in its SAN',
      server: leafOptions('rsa'),
      serverName: 'www.example.org',
      alert: 'bad_certificate' as const,
      nodeSays: /alert bad certificate/,
    },
    {
      label: 'a leaf from an unknown CA (the rogue root)',
      server: leafOptions('rogue-leaf'),
      serverName: 'www.example.com',
      alert: 'unknown_ca' as const,
      nodeSays: /alert unknown ca/,
    },
  ];

  it.each(cases)(
    'sends $alert for $label, and node sees it',
    async ({ server, serverName, alert, nodeSays }) => {
      await withNodeServer(server, async (node) => {
        const { conn, trace, response } = await runOurClient(
          node.port,
          demoClientConfig(serverName),
        );
        expect(response).toBe('');
        expect(conn.failure?.fault).toMatch(/^invalid_certificate\./);
        expect(alertFor(conn.failure!)).toBe(AlertDescription[alert]);
        expect(conn.closingAlert).toEqual({ from: 'us', description: AlertDescription[alert] });
        const alertEvent = trace.events.find((e): e is AlertEvent => e.kind === 'alert');
        expect(alertEvent).toMatchObject({
          from: 'Client',
          to: 'Server',
          level: 'fatal',
          description: alert,
          code: AlertDescription[alert],
        });
        const sent = trace.events
          .filter((e): e is MessageEvent => e.kind === 'message' && e.from === 'Client')
          .map((e) => e.name);
        expect(sent).toEqual(['ClientHello', `Alert ${alert}`]);

        // OpenSSL's error for a received alert: "... ssl3_read_bytes:sslv3 alert bad certificate ... SSL alert number 42".
        await waitUntil(() => node.clientErrors.length > 0, "node's tlsClientError");
        expect(node.clientErrors).toHaveLength(1);
        expect(node.clientErrors[0]!.message).toMatch(nodeSays);
        expect(node.clientErrors[0]!.message).toContain(
          `SSL alert number ${AlertDescription[alert]}`,
        );
        expect(node.seen).toEqual([]);
      });
    },
  );
});
