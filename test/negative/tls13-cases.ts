/**
 * The named TLS 1.3 negative cases (RFC 8446): one thing wrong, and the alert the one mapping
 * (src/engine/tls/errors.ts) sends for it, and from which side. Most feed one side a genuine
 * recorded TLS 1.3 handshake (TLS13_VARIANTS in test/fuzz/targets/tls-session.ts) with its
 * plaintext hellos edited; a bad CertificateVerify, which travels encrypted, runs both sides with
 * a server whose key is not its certificate's.
 */
import { demoCredentials } from '../../src/engine/scenarios/tls-demo-config';
import { pemToDerList } from '../../src/engine/tls/certificates/pem';
import type { ClientConfig, ServerConfig } from '../../src/engine/tls/config';
import { NamedGroup, namedGroup } from '../../src/engine/tls/enums';
import type { Extension } from '../../src/engine/tls/messages/extensions';
import type { HandshakeMessage } from '../../src/engine/tls/messages/handshake';
import { LEAVES_WILDCARD_KEY_PEM } from '../../src/engine/tls/pki/demo-pki';
import {
  alertBy,
  exchange,
  fed,
  handshakeRecord,
  indexOfMessage,
  messageOf,
  rewrite,
  type NegativeCase,
} from './support';

const FULL = 'tls13-full-p256';
/** The client offers an x25519 share; the server takes only secp384r1 and asks for it. */
const HELLO_RETRY = 'tls13-hello-retry-chacha';
const PSK = 'tls13-psk-resumption';

/** The first hello of `type` in the records, its extensions changed by `change`. */
function hello(type: 'client_hello' | 'server_hello', change: (e: Extension[]) => Extension[]) {
  return (records: Uint8Array[]) =>
    rewrite(records, indexOfMessage(records, type), (m) => {
      const msg = m as Extract<HandshakeMessage, { type: typeof type }>;
      return {
        type,
        body: { ...msg.body, extensions: change(msg.body.extensions) },
      } as HandshakeMessage;
    });
}

const without = (kind: Extension['kind']) => (exts: Extension[]) =>
  exts.filter((e) => e.kind !== kind);

/** The HelloRetryRequest (the first ServerHello the client got) asking for `group`. */
const retryFor = (group: number) =>
  hello('server_hello', (exts) =>
    exts.map((e) =>
      e.kind === 'key_share_retry' ? { ...e, selectedGroup: namedGroup(group) } : e,
    ),
  );

function tls13Only(c: ClientConfig | ServerConfig): void {
  c.versions = ['1.3'];
}

export const TLS13_CASES: NegativeCase[] = [
  {
    id: 'tls13.client-hello-missing-key-share',
    protocol: 'tls',
    title:
      'a TLS 1.3 ClientHello without key_share (psk_dhe_ke needs one) → missing_extension from the server (RFC 8446 §9.2)',
    expected: alertBy('server', 'missing_extension'),
    run: () => fed('server', FULL, hello('client_hello', without('key_share'))),
  },
  {
    id: 'tls13.server-hello-missing-key-share',
    protocol: 'tls',
    title:
      'a TLS 1.3 ServerHello without key_share → missing_extension from the client (RFC 8446 §4.2.8)',
    expected: alertBy('client', 'missing_extension'),
    run: () => fed('client', FULL, hello('server_hello', without('key_share_server'))),
  },
  {
    id: 'tls13.hello-retry-group-not-offered',
    protocol: 'tls',
    title:
      'a HelloRetryRequest for x448, a group the client never offered → illegal_parameter (RFC 8446 §4.1.4)',
    expected: alertBy('client', 'illegal_parameter'),
    run: () => fed('client', HELLO_RETRY, retryFor(30)),
  },
  {
    id: 'tls13.hello-retry-for-the-sent-share',
    protocol: 'tls',
    title:
      'a HelloRetryRequest for x25519, the group the client already sent a share for → illegal_parameter (RFC 8446 §4.2.8)',
    expected: alertBy('client', 'illegal_parameter'),
    run: () => fed('client', HELLO_RETRY, retryFor(NamedGroup.x25519)),
  },
  {
    id: 'tls13.second-client-hello-wrong-group',
    protocol: 'tls',
    title:
      'after a HelloRetryRequest for secp384r1, a second ClientHello with an x25519 share → illegal_parameter from the server (RFC 8446 §4.1.2)',
    expected: alertBy('server', 'illegal_parameter'),
    run: () =>
      fed('server', HELLO_RETRY, (records) => {
        const at = records.findLastIndex((r) => r[0] === 22 && r[5] === 1);
        const first = messageOf(records[0]!) as Extract<HandshakeMessage, { type: 'client_hello' }>;
        const share = first.body.extensions.find((e) => e.kind === 'key_share')!;
        return rewrite(records, at, (m) => {
          const msg = m as Extract<HandshakeMessage, { type: 'client_hello' }>;
          const extensions = msg.body.extensions.map((e) => (e.kind === 'key_share' ? share : e));
          return { type: 'client_hello', body: { ...msg.body, extensions } };
        });
      }),
  },
  {
    id: 'tls13.bad-binder',
    protocol: 'tls',
    title: 'a PSK binder one bit off → decrypt_error from the server (RFC 8446 §4.2.11)',
    expected: alertBy('server', 'decrypt_error'),
    run: () =>
      fed(
        'server',
        PSK,
        hello('client_hello', (exts) =>
          exts.map((e) => {
            if (e.kind !== 'pre_shared_key') return e;
            const binder = e.binders[0]!.slice();
            binder[0]! ^= 1;
            return { ...e, binders: [binder] };
          }),
        ),
      ),
  },
  {
    id: 'tls13.bad-certificate-verify',
    protocol: 'tls',
    title:
      'a CertificateVerify signed with a key that is not the certificate’s → decrypt_error from the client (RFC 8446 §4.4.3)',
    expected: alertBy('client', 'decrypt_error'),
    run: () => {
      const [rsa] = demoCredentials();
      const otherKey = pemToDerList(LEAVES_WILDCARD_KEY_PEM)[0]!;
      return exchange({
        client: tls13Only,
        server: (c) => {
          tls13Only(c);
          c.credentials = [{ ...rsa!, privateKeyPkcs8: otherKey }];
        },
      });
    },
  },
  {
    id: 'tls13.downgrade-sentinel',
    protocol: 'tls',
    title:
      'supported_versions stripped from the ClientHello on the wire: the server answers TLS 1.2 with DOWNGRD 01 in its random → illegal_parameter from the client (RFC 8446 §4.1.3)',
    expected: alertBy('client', 'illegal_parameter'),
    run: () =>
      exchange({
        client: (c) => (c.versions = ['1.2', '1.3']),
        server: (c) => (c.versions = ['1.2', '1.3']),
        onWire: ({ index, bytes }) => {
          if (index !== 0) return bytes;
          const m = messageOf(bytes) as Extract<HandshakeMessage, { type: 'client_hello' }>;
          const extensions = without('supported_versions')(m.body.extensions);
          return handshakeRecord({ type: 'client_hello', body: { ...m.body, extensions } });
        },
      }),
  },
  {
    id: 'tls13.client-only-tls13-server-only-tls12',
    protocol: 'tls',
    title: 'a TLS 1.3-only client and a TLS 1.2-only server → protocol_version (RFC 8446 §4.2.1)',
    expected: alertBy('server', 'protocol_version'),
    run: () => exchange({ client: tls13Only, server: (c) => (c.versions = ['1.2']) }),
  },
];
