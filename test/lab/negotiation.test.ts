/**
 * The negotiation editor: what the server chooses and why, and the alert when it cannot, checked
 * against OpenSSL. The same lists are given to a node:tls server (OpenSSL 3) and our client must
 * end up with the same suite, or receive OpenSSL's handshake_failure; and a node:tls client meeting
 * our misbehaving server sends the same illegal_parameter our client does.
 */
import 'reflect-metadata';
import { connect as tlsConnect } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { inEnglish } from './support/english';
import { findNote } from '../../src/engine/scenarios/lab/trace-facts';
import {
  negotiationScenario,
  runNegotiation,
  type NegotiationSettings,
} from '../../src/engine/scenarios/lab/negotiation';
import { demoClientConfig, demoServerConfig } from '../../src/engine/scenarios/tls-demo-config';
import { SystemRng } from '../../src/engine/sim/rng';
import {
  AlertDescription,
  CipherSuite,
  NamedGroup,
  SignatureScheme,
  namedGroupName,
  signatureSchemeName,
  cipherSuite,
  namedGroup,
} from '../../src/engine/tls/enums';
import { runOurClient, waitUntil, within } from '../tls/support/peers';
import { engineConnection, startEngineServer } from './support/engine-server';
import { withNodeServer } from './support/node-server';
import { openssl } from './support/openssl-names';

const preset = (id: string): NegotiationSettings =>
  negotiationScenario.presets.find((p) => p.id === id)!.settings;

describe('the negotiation editor, in memory', () => {
  it("takes the first suite in the server's own list that the client offered, and says so", async () => {
    const { outcome: keyed } = await runNegotiation(preset('server-order'), 1);
    const outcome = inEnglish(keyed);
    expect(outcome).toEqual({
      ok: true,
      serverChose: {
        id: CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        name: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
        reason:
          'The server picked TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 because it was the first suite in its own preference list that the client offered.',
      },
      serverHelloSuite: CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
      group: 'x25519',
      signatureScheme: 'rsa_pkcs1_sha256',
    });
  });

  it("takes the client's first choice when the server defers to the client", async () => {
    const { outcome: keyed } = await runNegotiation(preset('client-order'), 1);
    const outcome = inEnglish(keyed);
    expect(outcome.ok).toBe(true);
    expect(outcome.serverChose?.name).toBe('TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256');
    expect(outcome.serverChose?.reason).toContain("the client's preference list");
  });

  it('passes over an ECDSA suite when only an RSA certificate fits what the client allows', async () => {
    const settings = preset('server-order');
    const { outcome: keyed, trace } = await runNegotiation(
      {
        ...settings,
        client: { ...settings.client, signatureSchemes: [0x0401] },
        server: { ...settings.server, cipherSuites: [0xc02b, 0xc02f] },
      },
      1,
    );
    const outcome = inEnglish(keyed);
    expect(outcome.serverChose?.name).toBe('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
    expect(outcome.serverChose?.reason).toContain(
      'after passing over TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256.',
    );
    expect(findNote(trace.events, 'tls.server.passed_over.no_signature_scheme')?.params).toEqual({
      suite: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
    });
  });

  it.each([
    { id: 'no-overlap', reason: /^no cipher suite in common/ },
    { id: 'no-common-group', reason: /^no shared ECDHE group/ },
  ])('$id: the server sends handshake_failure', async ({ id, reason }) => {
    const { outcome: keyed, trace } = await runNegotiation(preset(id), 1);
    const outcome = inEnglish(keyed);
    expect(outcome.ok).toBe(false);
    expect(outcome.serverChose).toBeUndefined();
    expect(outcome.alert).toMatchObject({
      description: 'handshake_failure',
      code: AlertDescription.handshake_failure,
      sentBy: 'Server',
      to: 'Client',
    });
    expect(outcome.alert!.reason).toMatch(reason);
    const sent = trace.events.flatMap((e) =>
      e.kind === 'message' ? [`${e.from}: ${e.name}`] : [],
    );
    expect(sent).toEqual(['Client: ClientHello', 'Server: Alert handshake_failure']);
  });

  it('a server naming a suite the client never offered gets illegal_parameter from the client', async () => {
    const { outcome: keyed, trace } = await runNegotiation(preset('misbehaving-server'), 1);
    const outcome = inEnglish(keyed);
    expect(outcome.serverChose?.id).toBe(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
    expect(outcome.serverHelloSuite).toBe(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384);
    expect(outcome.alert).toEqual({
      description: 'illegal_parameter',
      code: AlertDescription.illegal_parameter,
      sentBy: 'Client',
      to: 'Server',
      reason:
        'the server selected TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, which the client never offered',
    });
    expect(trace.events).toContainEqual(
      expect.objectContaining({
        kind: 'note',
        key: 'tls.server.misbehave_select_suite',
        params: { suite: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384' },
      }),
    );
  });

  it('an honest server (no serverNamesSuite) never sets the misbehaviour hook', async () => {
    const { trace } = await runNegotiation(preset('server-order'), 1);
    expect(trace.events.some((e) => e.kind === 'note' && e.key.includes('misbehave'))).toBe(false);
  });
});

describe('the same lists against OpenSSL', () => {
  /** node:tls given the lab's server lists; our client given the lab's client lists. */
  async function againstOpenSslServer(settings: NegotiationSettings) {
    return withNodeServer(
      {
        ciphers: openssl.suites(settings.server.cipherSuites),
        ecdhCurve: openssl.groups(settings.server.groups),
        sigalgs: openssl.schemes(settings.server.signatureSchemes),
        honorCipherOrder: settings.server.preference === 'server',
      },
      async (node) => {
        const config = demoClientConfig('www.example.com');
        config.cipherSuites = settings.client.cipherSuites.map(cipherSuite);
        config.groups = settings.client.groups.map(namedGroup);
        config.signatureSchemes = [...settings.client.signatureSchemes];
        const run = await runOurClient(node.port, config);
        return { run, negotiated: node.negotiated };
      },
    );
  }

  it.each(['server-order', 'client-order'])(
    '%s: OpenSSL chooses the suite our server chose',
    async (id) => {
      const { outcome: keyed } = await runNegotiation(preset(id), 1);
      const outcome = inEnglish(keyed);
      const { run, negotiated } = await againstOpenSslServer(preset(id));
      expect(run.conn.failure).toBeUndefined();
      expect(negotiated).toEqual([outcome.serverChose!.name]);
      expect(run.conn.negotiated.cipherSuite).toBe(outcome.serverChose!.id);
    },
  );

  it.each(['server', 'client'] as const)(
    'with %s preference, the group and signature scheme follow the same order as OpenSSL’s',
    async (preference) => {
      const base = preset('server-order');
      const settings: NegotiationSettings = {
        client: {
          ...base.client,
          groups: [NamedGroup.x25519, NamedGroup.secp256r1],
          signatureSchemes: [SignatureScheme.rsa_pkcs1_sha256, SignatureScheme.rsa_pkcs1_sha384],
        },
        server: {
          ...base.server,
          groups: [NamedGroup.secp256r1, NamedGroup.x25519],
          signatureSchemes: [SignatureScheme.rsa_pkcs1_sha384, SignatureScheme.rsa_pkcs1_sha256],
          preference,
        },
      };
      const { outcome: keyed } = await runNegotiation(settings, 1);
      const outcome = inEnglish(keyed);
      expect([outcome.group, outcome.signatureScheme]).toEqual(
        preference === 'server'
          ? ['secp256r1', 'rsa_pkcs1_sha384']
          : ['x25519', 'rsa_pkcs1_sha256'],
      );
      const { run } = await againstOpenSslServer(settings);
      expect(run.conn.failure).toBeUndefined();
      expect(namedGroupName(run.conn.negotiated.group!)).toBe(outcome.group);
      expect(signatureSchemeName(run.conn.negotiated.signatureScheme!)).toBe(
        outcome.signatureScheme,
      );
    },
  );

  it.each(['no-overlap', 'no-common-group'])(
    '%s: OpenSSL sends handshake_failure too',
    async (id) => {
      const { outcome: keyed } = await runNegotiation(preset(id), 1);
      const outcome = inEnglish(keyed);
      const { run } = await againstOpenSslServer(preset(id));
      expect(run.conn.failure).toMatchObject({
        fault: 'alert_received',
        params: { description: outcome.alert!.description },
      });
      expect(outcome.alert!.code).toBe(AlertDescription.handshake_failure);
    },
  );

  it("OpenSSL's client also answers a suite it never offered with illegal_parameter", async () => {
    const settings = preset('misbehaving-server');
    const { outcome: keyed } = await runNegotiation(settings, 1);
    const outcome = inEnglish(keyed);
    const config = demoServerConfig(new SystemRng());
    config.misbehave = { selectSuite: settings.serverNamesSuite! };
    const ours = await startEngineServer(config);
    try {
      const socket = tlsConnect({
        host: '127.0.0.1',
        port: ours.port,
        servername: 'www.example.com',
        minVersion: 'TLSv1.2',
        maxVersion: 'TLSv1.2',
        ciphers: openssl.suites(settings.client.cipherSuites),
        rejectUnauthorized: false,
      });
      const error = await within(
        new Promise<Error>((resolve) => {
          socket.once('error', resolve);
          socket.once('secureConnect', () => resolve(new Error('handshake completed')));
        }),
        'node:tls client to fail',
      );
      socket.destroy();
      // OpenSSL: SSL_R_WRONG_CIPHER_RETURNED, sent as illegal_parameter.
      expect(error.message).toMatch(/wrong cipher returned/i);
      const served = await engineConnection(ours);
      await waitUntil(() => served.isClosed, 'our server to close');
      expect(served.failure).toMatchObject({
        fault: 'alert_received',
        params: { description: outcome.alert!.description },
      });
      expect(outcome.alert!.code).toBe(AlertDescription.illegal_parameter);
    } finally {
      await ours.close();
    }
  });
});

describe('the negotiation editor, with TLS versions (RFC 8446, Section 4.2.1)', () => {
  /** The last 8 bytes of the ServerHello.random, as they went over the wire. */
  function randomTail(events: Awaited<ReturnType<typeof runNegotiation>>['trace']['events']) {
    const hello = events.find((e) => e.kind === 'message' && e.name === 'ServerHello');
    if (hello?.kind !== 'message') throw new Error('no ServerHello');
    // Record header (5), handshake header (4), legacy_version (2), then the 32-byte random.
    return new TextDecoder('latin1').decode(hello.bytes.subarray(11 + 24, 11 + 32));
  }

  it('both sides speak TLS 1.3: supported_versions settles on it', async () => {
    const { outcome } = await runNegotiation(preset('tls13-both'), 1);
    expect(outcome).toMatchObject({
      ok: true,
      version: 'TLS 1.3',
      suite: 'TLS_AES_128_GCM_SHA256',
    });
  });

  it('a TLS 1.3 client and a TLS 1.2-only server agree on TLS 1.2, with no sentinel', async () => {
    const { outcome, trace } = await runNegotiation(preset('tls13-client-tls12-server'), 1);
    expect(outcome).toMatchObject({ ok: true, version: 'TLS 1.2' });
    expect(randomTail(trace.events)).not.toMatch(/^DOWNGRD/);
  });

  it('an attacker who strips TLS 1.3 is caught by the downgrade sentinel', async () => {
    const { outcome, trace } = await runNegotiation(preset('downgrade-attack'), 1);
    // RFC 8446, Section 4.1.3: a server that speaks 1.3 but negotiates 1.2 ends its random so.
    expect(randomTail(trace.events)).toBe('DOWNGRD\x01');
    expect(outcome.ok).toBe(false);
    expect(outcome.stripped).toBe(true);
    expect(outcome.alert).toMatchObject({
      description: 'illegal_parameter',
      code: AlertDescription.illegal_parameter,
      sentBy: 'Client',
    });
  });
});
