/**
 * The TLS 1.3 server's named negative cases: one thing wrong in a ClientHello and the exact alert
 * RFC 8446 calls for, through the same fault-to-alert mapping as every other error. Each case
 * feeds encoded records to the server's TlsConnection, as a peer's bytes would arrive.
 */
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../src/engine/bytes/hex';
import { generateKeyShare } from '../../src/engine/crypto/ecdhe';
import { hash } from '../../src/engine/crypto/hash';
import { demoServerConfig } from '../../src/engine/scenarios/tls-demo-config';
import { VirtualClock } from '../../src/engine/sim/clock';
import { SeededRng } from '../../src/engine/sim/rng';
import { TraceRecorder } from '../../src/engine/trace';
import type { ServerConfig } from '../../src/engine/tls/config';
import { TlsConnection } from '../../src/engine/tls/connection';
import {
  AlertDescription,
  ContentType,
  NamedGroup,
  cipherSuite,
  type NamedGroup as Group,
} from '../../src/engine/tls/enums';
import type { ClientHello } from '../../src/engine/tls/messages/client-hello';
import type { Extension } from '../../src/engine/tls/messages/extensions';
import { decodeHandshake, encodeHandshake } from '../../src/engine/tls/messages/handshake';
import { serverMachine } from '../../src/engine/tls/server/handshake';
import { tls13Suite } from '../../src/engine/tls/tls13/key-schedule';
import { truncatedClientHello } from '../../src/engine/tls/tls13/messages';
import { Tls13KeySchedule } from '../../src/engine/tls/tls13/schedule';
import { sealTicket13 } from '../../src/engine/tls/tls13/server/tickets';
// These read TLS 1.3 without a connection, which would load its codecs first.
import '../../src/engine/tls/tls13/install';

const TLS13 = 0x0304;

function server(config: ServerConfig, clock = new VirtualClock(1_700_000_000_000)) {
  const trace = new TraceRecorder();
  const conn = new TlsConnection(serverMachine(config), {
    rng: new SeededRng(7),
    clock,
    trace,
    lane: 'Server',
    peerLane: 'Client',
    traceReceived: true,
  });
  return { conn, trace };
}

function record(type: number, body: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(type, 3, 3, body.length >> 8, body.length & 0xff), body);
}

function encodeHello(hello: ClientHello): Uint8Array {
  return encodeHandshake({ type: 'client_hello', body: hello }).bytes;
}

async function clientHello(
  edit: (hello: ClientHello, share: Uint8Array) => void = () => undefined,
  group: Group = NamedGroup.x25519,
): Promise<ClientHello> {
  const rng = new SeededRng(1);
  const share = await generateKeyShare(group === NamedGroup.x25519 ? 'x25519' : 'secp256r1', rng);
  const hello: ClientHello = {
    version: 0x0303,
    random: rng.bytes(32),
    sessionId: rng.bytes(32),
    cipherSuites: [cipherSuite(0x1301)],
    compressionMethods: [0],
    extensions: [
      { kind: 'server_name', hostName: 'www.example.com' },
      { kind: 'supported_groups', groups: [NamedGroup.x25519, NamedGroup.secp256r1] },
      { kind: 'signature_algorithms', schemes: [0x0804, 0x0403] },
      { kind: 'supported_versions', versions: [TLS13] },
      { kind: 'psk_key_exchange_modes', modes: [1] },
      { kind: 'key_share', shares: [{ group, keyExchange: share.publicKey }] },
    ],
  };
  edit(hello, share.publicKey);
  return hello;
}

const without = (hello: ClientHello, kind: Extension['kind']) => {
  hello.extensions = hello.extensions.filter((e) => e.kind !== kind);
};

async function alertFor(config: ServerConfig, ...hellos: ClientHello[]) {
  const { conn } = server(config);
  await conn.start();
  for (const hello of hellos) await conn.receive(record(ContentType.handshake, encodeHello(hello)));
  return { fault: conn.failure?.fault, alert: conn.closingAlert?.description, conn };
}

// The demo config as the CLI serves it: both versions (the simulated scenarios pin 1.2).
const config = (): ServerConfig => ({
  ...demoServerConfig(new SeededRng(3)),
  versions: ['1.2', '1.3'],
});

describe('TLS 1.3 server: what a ClientHello gets wrong, and the alert for it', () => {
  it('a missing key_share is missing_extension (RFC 8446, Section 9.2)', async () => {
    const r = await alertFor(config(), await clientHello((h) => without(h, 'key_share')));
    expect(r).toMatchObject({
      fault: 'peer_misbehaved.missing_extension',
      alert: AlertDescription.missing_extension,
    });
  });

  it('a key_share that does not decode is decode_error, not missing_extension', async () => {
    // Empty extension_data (no client_shares length at all), then a share cut short.
    for (const data of [new Uint8Array(0), Uint8Array.of(0, 6, 0, 0x1d, 0, 32, 1, 2)]) {
      const hello = await clientHello((h) => {
        h.extensions = h.extensions.map((e) =>
          e.kind === 'key_share' ? { kind: 'unknown', type: 51, data } : e,
        );
      });
      const r = await alertFor(config(), hello);
      expect(r).toMatchObject({
        fault: 'invalid_message.decode',
        alert: AlertDescription.decode_error,
      });
    }
  });

  it('no group in common is handshake_failure', async () => {
    const hello = await clientHello((h) => {
      h.extensions = h.extensions.map((e) =>
        e.kind === 'supported_groups' ? { ...e, groups: [0x0100 as Group] } : e,
      );
    });
    const r = await alertFor(config(), hello);
    expect(r).toMatchObject({
      fault: 'peer_incompatible.no_shared_group',
      alert: AlertDescription.handshake_failure,
    });
  });

  it('a compression method besides null is illegal_parameter (Section 4.1.2)', async () => {
    const r = await alertFor(config(), await clientHello((h) => (h.compressionMethods = [1, 0])));
    expect(r.alert).toBe(AlertDescription.illegal_parameter);
  });

  it('after a HelloRetryRequest, a share for another group is illegal_parameter', async () => {
    // A secp256r1 share only: the server prefers x25519 and asks for it.
    const first = await clientHello(() => undefined, NamedGroup.secp256r1);
    const { conn } = server(config());
    await conn.start();
    await conn.receive(record(ContentType.handshake, encodeHello(first)));
    expect(conn.stateName).toBe('ExpectRetryClientHello');
    const sent = conn.takeOutgoing();
    const retry = decodeHandshake(sent[0]!.subarray(5), false, 'tls13').message;
    expect(retry.type === 'server_hello' && retry.body.extensions).toContainEqual({
      kind: 'key_share_retry',
      selectedGroup: NamedGroup.x25519,
    });
    // The compatibility ChangeCipherSpec follows the HelloRetryRequest (Appendix D.4).
    expect(sent[1]).toEqual(Uint8Array.of(20, 3, 3, 0, 1, 1));
    await conn.receive(record(ContentType.change_cipher_spec, Uint8Array.of(1)));
    await conn.receive(record(ContentType.handshake, encodeHello(first)));
    expect(conn.failure?.fault).toBe('peer_misbehaved.retry_hello_changed');
    expect(conn.closingAlert?.description).toBe(AlertDescription.illegal_parameter);
  });

  it('after a HelloRetryRequest, extensions moved or changed are illegal_parameter (Section 4.1.2)', async () => {
    const first = await clientHello(() => undefined, NamedGroup.secp256r1);
    const x25519Share = (await clientHello()).extensions.find((e) => e.kind === 'key_share')!;
    const retried = (edit: (exts: Extension[]) => Extension[]) => ({
      ...first,
      extensions: edit(first.extensions.map((e) => (e.kind === 'key_share' ? x25519Share : e))),
    });
    const answer = async (second: ClientHello) => {
      const { conn } = server(config());
      await conn.start();
      await conn.receive(record(ContentType.handshake, encodeHello(first)));
      expect(conn.stateName).toBe('ExpectRetryClientHello');
      await conn.receive(record(ContentType.handshake, encodeHello(second)));
      return { fault: conn.failure?.fault, alert: conn.closingAlert?.description, conn };
    };
    const refused = {
      fault: 'peer_misbehaved.retry_hello_changed',
      alert: AlertDescription.illegal_parameter,
    };
    expect(await answer(retried((exts) => [...exts].reverse()))).toMatchObject(refused);
    expect(
      await answer(retried((exts) => exts.filter((e) => e.kind !== 'server_name'))),
    ).toMatchObject(refused);
    // Only the key_share changed: the handshake goes on.
    const same = await answer(retried((exts) => exts));
    expect(same.fault).toBeUndefined();
    expect(same.conn.stateName).toBe('ExpectFinished');
  });

  it('a legacy_version of SSL 3.0 or below is protocol_version, with TLS 1.3 offered (Appendix D.5)', async () => {
    for (const version of [0x0000, 0x0100, 0x0300]) {
      const r = await alertFor(config(), await clientHello((h) => (h.version = version)));
      expect(r).toMatchObject({
        fault: 'peer_incompatible.client_version_too_old',
        alert: AlertDescription.protocol_version,
      });
    }
    // The usual 0x0303, and TLS 1.0's 0x0301, still reach TLS 1.3 through supported_versions.
    const old = await alertFor(config(), await clientHello((h) => (h.version = 0x0301)));
    expect(old.conn.failure).toBeUndefined();
    expect(old.conn.stateName).toBe('ExpectFinished');
  });

  it('a client that offers only TLS 1.3 to a 1.2-only server gets protocol_version', async () => {
    const r = await alertFor({ ...config(), versions: ['1.2'] }, await clientHello());
    expect(r).toMatchObject({
      fault: 'peer_incompatible.version_not_served',
      alert: AlertDescription.protocol_version,
    });
  });
});

describe('TLS 1.3 server: PSK binders (RFC 8446, Section 4.2.11.2)', () => {
  /** A ClientHello offering a ticket this server sealed, with the binder `binderFor` computes. */
  async function resumingHello(
    cfg: ServerConfig,
    clock: VirtualClock,
    binderFor: (truncatedHash: Uint8Array, psk: Uint8Array) => Uint8Array,
  ): Promise<ClientHello> {
    const psk = new Uint8Array(32).fill(0x42);
    const ticket = sealTicket13(
      cfg.ticketKey!,
      {
        psk,
        cipherSuite: 0x1301,
        issuedAt: clock.now(),
        lifetimeSeconds: 7200,
        ageAdd: 5,
        alpn: '',
      },
      new SeededRng(9),
    );
    const placeholder = new Uint8Array(32);
    const offer = (binder: Uint8Array): Extension => ({
      kind: 'pre_shared_key',
      identities: [{ identity: ticket, obfuscatedTicketAge: 5 }],
      binders: [binder],
    });
    const hello = await clientHello((h) => h.extensions.push(offer(placeholder)));
    const truncated = truncatedClientHello(encodeHello(hello), [placeholder]);
    const binder = binderFor(hash('sha256', truncated), psk);
    hello.extensions = [...hello.extensions.slice(0, -1), offer(binder)];
    return hello;
  }

  const rightBinder = (truncatedHash: Uint8Array, psk: Uint8Array) => {
    const schedule = new Tls13KeySchedule(tls13Suite(0x1301)!);
    schedule.earlySecret(psk);
    return schedule.binder('res', truncatedHash);
  };

  it('resumes when the binder is right', async () => {
    const cfg = config();
    const clock = new VirtualClock(1_700_000_000_000);
    const hello = await resumingHello(cfg, clock, rightBinder);
    const { conn } = server(cfg, clock);
    await conn.start();
    await conn.receive(record(ContentType.handshake, encodeHello(hello)));
    expect(conn.failure).toBeUndefined();
    expect(conn.negotiated.resumedPsk).toBe(true);
    expect(conn.stateName).toBe('ExpectFinished');
    const serverHello = decodeHandshake(
      conn.takeOutgoing()[0]!.subarray(5),
      false,
      'tls13',
    ).message;
    expect(serverHello.type === 'server_hello' && serverHello.body.extensions).toContainEqual({
      kind: 'pre_shared_key_server',
      selectedIdentity: 0,
    });
  });

  it('a binder one bit off is decrypt_error', async () => {
    const cfg = config();
    const clock = new VirtualClock(1_700_000_000_000);
    const hello = await resumingHello(cfg, clock, (h, psk) => {
      const binder = rightBinder(h, psk);
      binder[0]! ^= 1;
      return binder;
    });
    const { conn } = server(cfg, clock);
    await conn.start();
    await conn.receive(record(ContentType.handshake, encodeHello(hello)));
    expect(conn.failure?.fault).toBe('peer_misbehaved.bad_psk_binder');
    expect(conn.closingAlert?.description).toBe(AlertDescription.decrypt_error);
  });
});
