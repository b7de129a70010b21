/**
 * The TLS 1.3 client against a scripted server: each case answers the client's real ClientHello
 * with one ServerHello or HelloRetryRequest that RFC 8446 forbids, and checks the alert the
 * client sends through the one fault-to-alert mapping (errors.ts).
 */
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../bytes/hex';
import { DEMO_EPOCH_MS, VirtualClock } from '../../../sim/clock';
import { SeededRng } from '../../../sim/rng';
import { TraceRecorder } from '../../../trace';
import { demoTrustAnchors } from '../../../scenarios/tls-demo-config';
import { clientMachine } from '../../client/handshake';
import { defaultClientConfig, type ClientConfig } from '../../config';
import { TlsConnection } from '../../connection';
import {
  ContentType,
  Tls13CipherSuite,
  alertDescriptionName,
  namedGroup,
  type CipherSuite,
} from '../../enums';
import { findExtension, type Extension } from '../../messages/extensions';
import { decodeHandshake, encodeHandshake, type HandshakeMessage } from '../../messages/handshake';
import type { ClientHello } from '../../messages/client-hello';
import { encodeRecord, RECORD_HEADER_LENGTH } from '../../record';
import { withDowngradeSentinel } from '../downgrade';
import { hash } from '../../../crypto/hash';

const HRR_RANDOM = hash('sha256', new TextEncoder().encode('HelloRetryRequest'));

function record(...messages: HandshakeMessage[]): Uint8Array {
  return encodeRecord({
    type: ContentType.handshake,
    version: 0x0303,
    fragment: concatBytes(...messages.map((m) => encodeHandshake(m).bytes)),
  }).bytes;
}

/** Starts our client, hands the ClientHello to `answer`, feeds back what it returns. */
async function run(
  answer: (hello: ClientHello) => Uint8Array,
  configure: (c: ClientConfig) => void = () => undefined,
): Promise<{ alert: string | null; fault: string | null; state: string }> {
  const config = defaultClientConfig('www.example.com', demoTrustAnchors());
  configure(config);
  const conn = new TlsConnection(clientMachine(config), {
    rng: new SeededRng('tls13 client negative'),
    clock: new VirtualClock(DEMO_EPOCH_MS),
    trace: new TraceRecorder(),
    lane: 'Client',
    peerLane: 'Server',
    traceReceived: false,
  });
  await conn.start();
  const [first] = conn.takeOutgoing();
  const { message } = decodeHandshake(first!.subarray(RECORD_HEADER_LENGTH), false);
  if (message.type !== 'client_hello') throw new Error('no ClientHello');
  await conn.receive(answer(message.body));
  const closing = conn.closingAlert;
  return {
    alert: closing?.from === 'us' ? alertDescriptionName(closing.description) : null,
    fault: conn.failure?.fault ?? null,
    state: conn.stateName,
  };
}

function serverHello(
  hello: ClientHello,
  extensions: Extension[],
  options: { random?: Uint8Array; suite?: CipherSuite; version?: number } = {},
): HandshakeMessage {
  return {
    type: 'server_hello',
    body: {
      version: options.version ?? 0x0303,
      random: options.random ?? new Uint8Array(32).fill(0x42),
      sessionId: hello.sessionId,
      cipherSuite: options.suite ?? Tls13CipherSuite.TLS_AES_128_GCM_SHA256,
      compressionMethod: 0,
      extensions,
    },
  };
}

const TLS13: Extension = { kind: 'selected_version', version: 0x0304 };

describe('the TLS 1.3 client refuses what RFC 8446 forbids', () => {
  it('offers TLS 1.3 and 1.2 in one ClientHello, with one x25519 share', async () => {
    let seen: ClientHello | undefined;
    await run((hello) => {
      seen = hello;
      return record(serverHello(hello, [TLS13]));
    });
    expect(findExtension(seen!.extensions, 'supported_versions')?.versions).toEqual([
      0x0304, 0x0303,
    ]);
    expect(findExtension(seen!.extensions, 'key_share')?.shares.map((s) => s.group)).toEqual([29]);
    expect(findExtension(seen!.extensions, 'psk_key_exchange_modes')?.modes).toEqual([1]);
    expect(seen!.sessionId.length).toBe(32);
    expect(seen!.cipherSuites.slice(0, 3)).toEqual([0x1301, 0x1302, 0x1303]);
  });

  it('a ServerHello without key_share → missing_extension (RFC 8446 §4.2.8, §9.2)', async () => {
    expect(await run((hello) => record(serverHello(hello, [TLS13])))).toEqual({
      alert: 'missing_extension',
      fault: 'peer_misbehaved.server_hello_missing_key_share',
      state: 'Closed',
    });
  });

  it('a key share in a group we sent none for → illegal_parameter (RFC 8446 §4.2.8)', async () => {
    const share = { group: namedGroup(23), keyExchange: new Uint8Array(65).fill(4) };
    const result = await run((hello) =>
      record(serverHello(hello, [TLS13, { kind: 'key_share_server', share }])),
    );
    expect(result.alert).toBe('illegal_parameter');
    expect(result.fault).toBe('peer_misbehaved.key_share_group_not_offered');
  });

  it('a HelloRetryRequest for a group not offered → illegal_parameter (RFC 8446 §4.2.8)', async () => {
    const result = await run(
      (hello) =>
        record(
          serverHello(hello, [TLS13, { kind: 'key_share_retry', selectedGroup: namedGroup(24) }], {
            random: HRR_RANDOM,
          }),
        ),
      (c) => (c.groups = [namedGroup(29), namedGroup(23)]),
    );
    expect(result).toEqual({
      alert: 'illegal_parameter',
      fault: 'peer_misbehaved.retry_for_unoffered_group',
      state: 'Closed',
    });
  });

  it('a HelloRetryRequest for the group we already sent a share for → illegal_parameter', async () => {
    const result = await run((hello) =>
      record(
        serverHello(hello, [TLS13, { kind: 'key_share_retry', selectedGroup: namedGroup(29) }], {
          random: HRR_RANDOM,
        }),
      ),
    );
    expect(result.fault).toBe('peer_misbehaved.retry_for_sent_share');
    expect(result.alert).toBe('illegal_parameter');
  });

  it('a TLS 1.2 ServerHello with the downgrade sentinel → illegal_parameter (RFC 8446 §4.1.3)', async () => {
    const result = await run((hello) =>
      record(
        serverHello(hello, [], {
          random: withDowngradeSentinel(new Uint8Array(32).fill(7)),
          suite: hello.cipherSuites.find((s) => s === 0xc02f)!,
        }),
      ),
    );
    expect(result).toEqual({
      alert: 'illegal_parameter',
      fault: 'peer_misbehaved.downgrade_sentinel',
      state: 'Closed',
    });
  });

  it('a TLS 1.2 ServerHello to a TLS 1.3-only client → protocol_version', async () => {
    const result = await run(
      (hello) => record(serverHello(hello, [], { suite: 0xc02f as CipherSuite })),
      (c) => (c.versions = ['1.3']),
    );
    expect(result.alert).toBe('protocol_version');
  });

  it('supported_versions naming TLS 1.2 → illegal_parameter (RFC 8446 §4.2.1)', async () => {
    const result = await run((hello) =>
      record(serverHello(hello, [{ kind: 'selected_version', version: 0x0303 }])),
    );
    expect(result.fault).toBe('peer_misbehaved.selected_unoffered_version');
    expect(result.alert).toBe('illegal_parameter');
  });

  it('a legacy_session_id_echo that is not ours → illegal_parameter (RFC 8446 §4.1.3)', async () => {
    const result = await run((hello) =>
      record(serverHello({ ...hello, sessionId: new Uint8Array(32) }, [TLS13])),
    );
    expect(result.fault).toBe('peer_misbehaved.session_id_not_echoed');
  });
});
