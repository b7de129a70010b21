/**
 * The named TLS negative cases, in the manner of tlsfuzzer's negative scripts and BoGo: one
 * thing wrong on the wire, and the exact alert (and who sends it) that RFC 5246, RFC 8446 and
 * their extensions call for. Vitest (tls.test.ts) and `npm run fuzz` both run this list.
 *
 * Most cases feed one side a genuine recorded handshake with one record edited, so everything
 * up to the edit is real (test/fuzz/targets/tls-session.ts). Negotiation failures run both sides.
 */
import { concatBytes } from '../../src/engine/bytes/hex';
import { sign } from '../../src/engine/crypto/signature';
import { pemToDerList } from '../../src/engine/tls/certificates/pem';
import {
  CipherSuite,
  ContentType,
  HandshakeType,
  NamedGroup,
  SignatureScheme,
  cipherSuite,
  namedGroup,
} from '../../src/engine/tls/enums';
import type { Extension } from '../../src/engine/tls/messages/extensions';
import type { HandshakeMessage } from '../../src/engine/tls/messages/handshake';
import { serverKeyExchangeSignedContent } from '../../src/engine/tls/messages/server-key-exchange';
import { DEMO_PKI } from '../../src/engine/tls/pki/demo-pki';
import type { Recording } from '../fuzz/targets/tls-session';
import { TLS13_CASES } from './tls13-cases';
import {
  alertBy,
  exchange,
  fed,
  fedChangedClient,
  handshakeRecord,
  indexOfMessage,
  indexOfType,
  messageOf,
  rawRecord,
  rewrite,
  type NegativeCase,
} from './support';

/** The demo handshake: ECDHE-RSA-AES128-GCM-SHA256, X25519, EMS, a session ticket. */
const DEMO = 'rsa-aes128gcm-ems-ticket';
/** ECDHE-ECDSA over P-256 only, without EMS or tickets. */
const ECDSA_NO_EMS = 'ecdsa-aes128gcm-p256-no-ems';
const RESUME = 'resume-session-id';
/** Both sides start from a session the server also has in its cache (ID 01 02 … 20, tls-session.ts). */
const RESUME_TICKET = 'resume-ticket';
/** That session's ID in the server's cache: bytes 1 to 32 (variantConfigs in tls-session.ts). */
const CACHED_SESSION_ID = Uint8Array.from({ length: 32 }, (_, i) => i + 1);

/**
 * A resuming ClientHello whose ticket is edited by `edit` and whose session ID is the one the
 * server has cached, so a server that fell back to its session cache would resume by ID.
 */
function ticketBesideCachedId(edit: (ticket: Uint8Array) => void) {
  return clientHello((b) => {
    b.sessionId = CACHED_SESSION_ID;
    b.extensions = b.extensions.map((e) => {
      if (e.kind !== 'session_ticket') return e;
      const ticket = e.ticket.slice();
      edit(ticket);
      return { ...e, ticket };
    });
  });
}

/** What the server made of a ticket it could not use: its notes, and the handshake it started. */
function ticketFallback(outcome: { notes: string[]; sent: string[] }) {
  return {
    notes: outcome.notes.filter((n) => n.startsWith('tls.server.')),
    fullHandshake: outcome.sent.includes('Certificate'),
  };
}

type Msg<T extends HandshakeMessage['type']> = Extract<HandshakeMessage, { type: T }>;

type Body<T extends HandshakeMessage['type']> = Msg<T> extends { body: infer B } ? B : never;

/** Edits the body of the one `type` message in a recording's records, re-encoding it. */
function editBody<T extends 'client_hello' | 'server_hello' | 'server_key_exchange'>(type: T) {
  return (change: (body: Body<T>) => void) => (records: Uint8Array[]) =>
    rewrite(records, indexOfMessage(records, type), (m) => {
      const body = { ...(m as { body: object }).body } as Body<T>;
      change(body);
      return { type, body } as HandshakeMessage;
    });
}

const serverHello = editBody('server_hello');
const clientHello = editBody('client_hello');
const serverKeyExchange = editBody('server_key_exchange');

function certificateChain(chainPem: string) {
  return (records: Uint8Array[]) =>
    rewrite(records, indexOfMessage(records, 'certificate'), () => ({
      type: 'certificate',
      body: { certificates: pemToDerList(chainPem) },
    }));
}

const insertAt = (records: Uint8Array[], at: number, ...extra: Uint8Array[]) => [
  ...records.slice(0, at),
  ...extra,
  ...records.slice(at),
];

const CCS = rawRecord(ContentType.change_cipher_spec, 0x0303, Uint8Array.of(1));

/** A warning-level unsupported_certificate alert, as tlsfuzzer's test-ssl-death-alert sends. */
const WARNING_ALERT = rawRecord(ContentType.alert, 0x0303, Uint8Array.of(1, 43));

/** The record holding handshake message `type`, with its 1-byte msg_type changed to `msgType`. */
function retypeMessage(type: HandshakeMessage['type'], msgType: number) {
  return (records: Uint8Array[]) => {
    const at = indexOfMessage(records, type);
    const changed = records[at]!.slice();
    changed[5] = msgType; // after the 5-byte record header
    return [...records.slice(0, at), changed, ...records.slice(at + 1)];
  };
}

/** A server_name extension whose extension_data is exactly `data` (RFC 6066, Section 3). */
const rawServerName = (data: number[]) => (exts: Extension[]) =>
  withExtensions(exts, { kind: 'unknown', type: 0, data: Uint8Array.from(data) }).filter(
    (e) => e.kind !== 'server_name',
  );

/** RFC 8422, Section 5.4 and RFC 5246, Section 7.4.2: an ECDSA certificate and a valid ECDSA
 * signature over this handshake's randoms, under an ECDHE_RSA suite. */
async function ecdsaCertificateForRsaSuite(
  records: Uint8Array[],
  rec: Recording,
): Promise<Uint8Array[]> {
  const clientRandom = (messageOf(rec.received.server[0]!) as Msg<'client_hello'>).body.random;
  const serverRandom = (
    messageOf(records[indexOfMessage(records, 'server_hello')]!) as Msg<'server_hello'>
  ).body.random;
  const at = indexOfMessage(records, 'server_key_exchange');
  const params = {
    ...(messageOf(records[at]!) as Msg<'server_key_exchange'>).body,
    signatureScheme: SignatureScheme.ecdsa_secp256r1_sha256,
  };
  const signature = await sign(
    SignatureScheme.ecdsa_secp256r1_sha256,
    pemToDerList(DEMO_PKI.leaves.ecdsa.keyPem)[0]!,
    serverKeyExchangeSignedContent(clientRandom, serverRandom, params),
  );
  const out = certificateChain(DEMO_PKI.leaves.ecdsa.chainPem)(records);
  out[at] = handshakeRecord({ type: 'server_key_exchange', body: { ...params, signature } });
  return out;
}

const withExtensions = (exts: Extension[], add: Extension) => [
  ...exts.filter((e) => e.kind !== add.kind),
  add,
];

export const TLS_CASES: NegativeCase[] = [
  // ----- negotiation: both sides run -----
  {
    id: 'tls.no-common-suite',
    protocol: 'tls',
    title: 'no cipher suite in common → handshake_failure from the server (RFC 5246 §7.4.1.3)',
    expected: alertBy('server', 'handshake_failure'),
    // TLS_RSA_WITH_AES_128_GCM_SHA256: a real suite, but not one this server has.
    run: () => exchange({ client: (c) => (c.cipherSuites = [cipherSuite(0x009c)]) }),
  },
  {
    id: 'tls.no-common-group',
    protocol: 'tls',
    title: 'no ECDHE group in common → handshake_failure from the server (RFC 8422 §5.1.1)',
    expected: alertBy('server', 'handshake_failure'),
    run: () => exchange({ client: (c) => (c.groups = [namedGroup(30)]) }), // x448
  },
  {
    id: 'tls.no-common-signature-scheme',
    protocol: 'tls',
    title:
      'no signature scheme in common → handshake_failure from the server (RFC 5246 §7.4.1.4.1)',
    expected: alertBy('server', 'handshake_failure'),
    run: () => exchange({ client: (c) => (c.signatureSchemes = [0x0201]) }), // rsa_pkcs1_sha1
  },
  {
    id: 'tls.no-signature-scheme-for-the-key',
    protocol: 'tls',
    title:
      'RSA suites only, but only ECDSA signature schemes → handshake_failure from the server (RFC 5246 §7.4.1.4.1)',
    expected: alertBy('server', 'handshake_failure'),
    run: () =>
      exchange({
        client: (c) => {
          c.cipherSuites = [CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256];
          c.signatureSchemes = [
            SignatureScheme.ecdsa_secp384r1_sha384,
            SignatureScheme.ecdsa_secp521r1_sha512,
          ];
        },
      }),
  },
  {
    id: 'tls.alpn-no-overlap',
    protocol: 'tls',
    title: 'no ALPN protocol in common → no_application_protocol from the server (RFC 7301 §3.2)',
    expected: alertBy('server', 'no_application_protocol'),
    run: () => exchange({ client: (c) => (c.alpn = ['h2']) }),
  },

  // ----- a misbehaving server, seen by the client -----
  {
    id: 'tls.server-hello-suite-not-offered',
    protocol: 'tls',
    title:
      'ServerHello selects a suite the client never offered → illegal_parameter (RFC 5246 §7.4.1.3)',
    expected: alertBy('client', 'illegal_parameter'),
    run: () =>
      fed(
        'client',
        DEMO,
        serverHello((b) => (b.cipherSuite = cipherSuite(0x009c))),
      ),
  },
  {
    id: 'tls.server-key-exchange-group-not-offered',
    protocol: 'tls',
    title:
      'ServerKeyExchange uses a group the client never offered → illegal_parameter (RFC 8422 §5.4)',
    expected: alertBy('client', 'illegal_parameter'),
    run: () =>
      fed(
        'client',
        ECDSA_NO_EMS,
        serverKeyExchange((b) => (b.namedGroup = NamedGroup.x25519)),
      ),
  },
  {
    id: 'tls.server-hello-version',
    protocol: 'tls',
    title: 'ServerHello chooses TLS 1.1 → protocol_version (RFC 5246 Appendix E.1)',
    expected: alertBy('client', 'protocol_version'),
    run: () =>
      fed(
        'client',
        DEMO,
        serverHello((b) => (b.version = 0x0302)),
      ),
  },
  {
    id: 'tls.server-hello-compression',
    protocol: 'tls',
    title: 'ServerHello selects DEFLATE, never offered → illegal_parameter (RFC 5246 §7.4.1.3)',
    expected: alertBy('client', 'illegal_parameter'),
    run: () =>
      fed(
        'client',
        DEMO,
        serverHello((b) => (b.compressionMethod = 1)),
      ),
  },
  {
    id: 'tls.server-hello-unsolicited-extension',
    protocol: 'tls',
    title:
      'ServerHello answers an extension the client did not send → unsupported_extension (RFC 5246 §7.4.1.4)',
    expected: alertBy('client', 'unsupported_extension'),
    run: () =>
      fed(
        'client',
        DEMO,
        serverHello(
          (b) =>
            (b.extensions = [
              ...b.extensions,
              { kind: 'unknown', type: 0x3374, data: new Uint8Array(0) },
            ]),
        ),
      ),
  },
  {
    id: 'tls.server-hello-renegotiation-info-not-empty',
    protocol: 'tls',
    title:
      'a non-empty renegotiation_info on an initial handshake → handshake_failure (RFC 5746 §3.4)',
    expected: alertBy('client', 'handshake_failure'),
    run: () =>
      fed(
        'client',
        DEMO,
        serverHello(
          (b) =>
            (b.extensions = withExtensions(b.extensions, {
              kind: 'renegotiation_info',
              renegotiatedConnection: new Uint8Array(24).fill(7),
            })),
        ),
      ),
  },
  {
    id: 'tls.server-hello-alpn-not-offered',
    protocol: 'tls',
    title:
      'ServerHello selects an ALPN protocol the client did not offer → illegal_parameter (RFC 7301 §3.2)',
    expected: alertBy('client', 'illegal_parameter'),
    run: () =>
      fed(
        'client',
        DEMO,
        serverHello(
          (b) => (b.extensions = withExtensions(b.extensions, { kind: 'alpn', protocols: ['h2'] })),
        ),
      ),
  },
  {
    id: 'tls.server-hello-duplicate-extension',
    protocol: 'tls',
    title: 'ServerHello carries one extension twice → decode_error (RFC 5246 §7.4.1.4)',
    expected: alertBy('client', 'decode_error'),
    run: () =>
      fed(
        'client',
        DEMO,
        serverHello((b) => (b.extensions = [...b.extensions, b.extensions[0]!])),
      ),
  },
  {
    id: 'tls.certificate-before-server-hello',
    protocol: 'tls',
    title: 'Certificate arrives before ServerHello → unexpected_message (RFC 5246 §7.3)',
    expected: alertBy('client', 'unexpected_message'),
    run: () =>
      fed('client', DEMO, (records) => {
        const at = indexOfMessage(records, 'certificate');
        return [records[at]!, ...records.filter((_, i) => i !== at)];
      }),
  },
  {
    id: 'tls.server-key-exchange-missing',
    protocol: 'tls',
    title:
      'ServerHelloDone where ECDHE needs a ServerKeyExchange → unexpected_message (RFC 8422 §5.4)',
    expected: alertBy('client', 'unexpected_message'),
    run: () =>
      fed('client', DEMO, (records) =>
        records.filter((_, i) => i !== indexOfMessage(records, 'server_key_exchange')),
      ),
  },
  {
    id: 'tls.server-key-exchange-bad-signature',
    protocol: 'tls',
    title: 'a ServerKeyExchange signature that does not verify → decrypt_error (RFC 5246 §7.2.2)',
    expected: alertBy('client', 'decrypt_error'),
    run: () =>
      fed(
        'client',
        DEMO,
        serverKeyExchange((b) => {
          b.signature = b.signature.slice();
          b.signature[10] = b.signature[10]! ^ 0x01;
        }),
      ),
  },
  {
    id: 'tls.server-key-exchange-scheme-not-offered',
    protocol: 'tls',
    title:
      'ServerKeyExchange signed with a scheme the client did not offer (rsa_pkcs1_sha1) → illegal_parameter (RFC 5246 §7.4.1.4.1)',
    expected: alertBy('client', 'illegal_parameter'),
    run: () =>
      fed(
        'client',
        DEMO,
        serverKeyExchange((b) => (b.signatureScheme = 0x0201)),
      ),
  },
  {
    id: 'tls.server-key-exchange-scheme-wrong-key',
    protocol: 'tls',
    title:
      'ServerKeyExchange names ECDSA for an RSA certificate → illegal_parameter (RFC 5246 §7.4.3)',
    expected: alertBy('client', 'illegal_parameter'),
    run: () =>
      fed(
        'client',
        DEMO,
        serverKeyExchange((b) => (b.signatureScheme = SignatureScheme.ecdsa_secp256r1_sha256)),
      ),
  },
  {
    id: 'tls.server-key-exchange-valid-scheme-not-offered',
    protocol: 'tls',
    title:
      'a valid rsa_pkcs1_sha256 ServerKeyExchange to a client that offered only SHA-384/512 RSA schemes → illegal_parameter (RFC 5246 §7.4.1.4.1)',
    expected: alertBy('client', 'illegal_parameter'),
    run: () =>
      fedChangedClient(DEMO, (c) => {
        c.signatureSchemes = [
          SignatureScheme.rsa_pss_rsae_sha384,
          SignatureScheme.rsa_pss_rsae_sha512,
          SignatureScheme.rsa_pkcs1_sha384,
          SignatureScheme.rsa_pkcs1_sha512,
        ];
      }),
  },
  {
    id: 'tls.server-key-exchange-ecdsa-sha512-for-rsa-key',
    protocol: 'tls',
    title:
      'ServerKeyExchange names ecdsa_secp521r1_sha512, which the client offered, for an RSA certificate → illegal_parameter (RFC 5246 §7.4.3)',
    expected: alertBy('client', 'illegal_parameter'),
    run: () =>
      fed(
        'client',
        DEMO,
        serverKeyExchange((b) => (b.signatureScheme = SignatureScheme.ecdsa_secp521r1_sha512)),
      ),
  },
  {
    id: 'tls.server-key-exchange-explicit-curve',
    protocol: 'tls',
    title:
      'ServerKeyExchange with explicit curve parameters → illegal_parameter (RFC 8422 §5.4 allows named_curve only)',
    expected: alertBy('client', 'illegal_parameter'),
    run: () =>
      fed('client', DEMO, (records) =>
        rewrite(records, indexOfMessage(records, 'server_key_exchange'), () => ({
          type: 'unknown',
          msgType: 12,
          body: Uint8Array.of(1, 0, 0, 0), // curve_type explicit_prime (1) and the start of its parameters
        })),
      ),
  },
  {
    id: 'tls.certificate-key-type-mismatch',
    protocol: 'tls',
    title:
      'an ECDSA certificate (validly signing) under an ECDHE_RSA suite → illegal_parameter (RFC 5246 §7.4.2)',
    expected: alertBy('client', 'illegal_parameter'),
    run: () => fed('client', DEMO, ecdsaCertificateForRsaSuite),
  },
  {
    id: 'tls.certificate-curve-not-offered',
    protocol: 'tls',
    title:
      'an ECDSA P-256 certificate for a client that offered only x25519 → handshake_failure (RFC 8422 §5.3)',
    expected: alertBy('client', 'handshake_failure'),
    run: () => fedChangedClient(ECDSA_NO_EMS, (c) => (c.groups = [NamedGroup.x25519])),
  },
  {
    id: 'tls.certificate-empty',
    protocol: 'tls',
    title:
      "an empty server certificate_list → decode_error (RFC 5246 §7.4.2: the sender's certificate comes first)",
    expected: alertBy('client', 'decode_error'),
    run: () =>
      fed('client', DEMO, (records) =>
        rewrite(records, indexOfMessage(records, 'certificate'), () => ({
          type: 'certificate',
          body: { certificates: [] },
        })),
      ),
  },
  {
    id: 'tls.certificate-expired',
    protocol: 'tls',
    title: 'an expired server certificate → certificate_expired (RFC 5246 §7.2.2)',
    expected: alertBy('client', 'certificate_expired'),
    run: () => fed('client', DEMO, certificateChain(DEMO_PKI.leaves.expired.chainPem)),
  },
  {
    id: 'tls.certificate-unknown-ca',
    protocol: 'tls',
    title: 'a chain ending in a root the client does not trust → unknown_ca (RFC 5246 §7.2.2)',
    expected: alertBy('client', 'unknown_ca'),
    run: () => fed('client', DEMO, certificateChain(DEMO_PKI.rogue.leaf.chainPem)),
  },
  {
    id: 'tls.certificate-wrong-host',
    protocol: 'tls',
    title:
      'a certificate for another host name → bad_certificate (RFC 6125 §6; OpenSSL X509_V_ERR_HOSTNAME_MISMATCH)',
    expected: alertBy('client', 'bad_certificate'),
    run: () => fed('client', DEMO, certificateChain(DEMO_PKI.leaves.wrongHost.chainPem)),
  },
  {
    id: 'tls.early-change-cipher-spec',
    protocol: 'tls',
    title:
      'ChangeCipherSpec right after ServerHello → unexpected_message (RFC 5246 §7.1; CVE-2014-0224)',
    expected: alertBy('client', 'unexpected_message'),
    run: () =>
      fed('client', DEMO, (records) =>
        insertAt(records, indexOfMessage(records, 'server_hello') + 1, CCS),
      ),
  },
  {
    id: 'tls.change-cipher-spec-inside-handshake-message',
    protocol: 'tls',
    title:
      'ChangeCipherSpec between two fragments of one handshake message → unexpected_message (RFC 5246 §7.1)',
    expected: alertBy('client', 'unexpected_message'),
    run: () =>
      fed('client', DEMO, (records) => {
        const at = indexOfMessage(records, 'server_hello');
        const fragment = records[at]!.subarray(5);
        const head = rawRecord(ContentType.handshake, 0x0303, fragment.subarray(0, 20));
        const tail = rawRecord(ContentType.handshake, 0x0303, fragment.subarray(20));
        return [...records.slice(0, at), head, CCS, tail, ...records.slice(at + 1)];
      }),
  },
  {
    id: 'tls.application-data-before-finished',
    protocol: 'tls',
    title: "application data before the server's Finished → unexpected_message (RFC 5246 §7.4.9)",
    expected: alertBy('client', 'unexpected_message'),
    run: () =>
      fed('client', DEMO, (records) =>
        insertAt(
          records,
          indexOfMessage(records, 'server_hello_done') + 1,
          rawRecord(
            ContentType.application_data,
            0x0303,
            new TextEncoder().encode('HTTP/1.1 200 OK\r\n\r\n'),
          ),
        ),
      ),
  },
  {
    id: 'tls.wrong-finished-at-client',
    protocol: 'tls',
    title:
      'a server Finished over a different transcript (NewSessionTicket altered) → decrypt_error (RFC 5246 §7.4.9)',
    expected: alertBy('client', 'decrypt_error'),
    run: () =>
      fed('client', DEMO, (records) =>
        rewrite(records, indexOfMessage(records, 'new_session_ticket'), (m) => {
          const body = (m as Msg<'new_session_ticket'>).body;
          const ticket = body.ticket.slice();
          ticket[0] = ticket[0]! ^ 0x80;
          return { type: 'new_session_ticket', body: { ...body, ticket } };
        }),
      ),
  },
  {
    id: 'tls.bad-record-mac',
    protocol: 'tls',
    title:
      'a protected record with one ciphertext bit flipped → bad_record_mac (RFC 5246 §6.2.3.3)',
    expected: alertBy('client', 'bad_record_mac'),
    run: () =>
      fed('client', DEMO, (records) => {
        const at = indexOfType(records, ContentType.change_cipher_spec) + 1; // the encrypted Finished
        const changed = records[at]!.slice();
        changed[20] = changed[20]! ^ 0x01;
        return [...records.slice(0, at), changed, ...records.slice(at + 1)];
      }),
  },
  {
    id: 'tls.replayed-protected-record',
    protocol: 'tls',
    title:
      'a protected record delivered twice (a replay; the sequence number differs) → bad_record_mac (RFC 5246 §6.2.3.3)',
    expected: alertBy('client', 'bad_record_mac'),
    run: () =>
      fed('client', DEMO, (records) => {
        const at = indexOfType(records, ContentType.change_cipher_spec) + 1;
        return insertAt(records, at + 1, records[at]!);
      }),
  },
  {
    id: 'tls.record-overflow',
    protocol: 'tls',
    title:
      'a protected record of 2^14 + 257 bytes → record_overflow (RFC 8446 §5.2 bound; RFC 5246 §7.2.2)',
    expected: alertBy('client', 'record_overflow'),
    run: () =>
      fed('client', DEMO, (records) => {
        const at = indexOfType(records, ContentType.change_cipher_spec) + 1;
        return insertAt(
          records,
          at,
          rawRecord(ContentType.handshake, 0x0303, new Uint8Array(2 ** 14 + 257)),
        );
      }),
  },
  {
    id: 'tls.plaintext-record-overflow',
    protocol: 'tls',
    title: 'a plaintext record of 2^14 + 1 bytes → record_overflow (RFC 5246 §6.2.1)',
    expected: alertBy('client', 'record_overflow'),
    run: () =>
      fed('client', DEMO, (records) => [
        rawRecord(ContentType.handshake, 0x0303, new Uint8Array(2 ** 14 + 1)),
        ...records,
      ]),
  },
  {
    id: 'tls.truncated-handshake-message',
    protocol: 'tls',
    title:
      'a ServerHello cut short inside its session_id (lengths consistent) → decode_error (RFC 5246 §7.2.2)',
    expected: alertBy('client', 'decode_error'),
    run: () =>
      fed('client', DEMO, (records) => {
        const at = indexOfMessage(records, 'server_hello');
        const body = records[at]!.subarray(9, 9 + 40); // version, random, session_id length, 5 bytes of the ID
        const message = concatBytes(Uint8Array.of(2, 0, 0, body.length), body);
        return [
          ...records.slice(0, at),
          rawRecord(ContentType.handshake, 0x0303, message),
          ...records.slice(at + 1),
        ];
      }),
  },
  {
    id: 'tls.handshake-message-too-long',
    protocol: 'tls',
    title:
      'a handshake header announcing 2^24 - 1 bytes → decode_error (64 KiB cap, as rustls and Go crypto/tls)',
    expected: alertBy('client', 'decode_error'),
    run: () =>
      fed('client', DEMO, (records) => [
        rawRecord(ContentType.handshake, 0x0303, Uint8Array.of(2, 0xff, 0xff, 0xff)),
        ...records,
      ]),
  },
  {
    id: 'tls.unknown-record-type',
    protocol: 'tls',
    title: 'a heartbeat (24) record nobody negotiated → unexpected_message (RFC 5246 §6)',
    expected: alertBy('client', 'unexpected_message'),
    run: () =>
      fed('client', DEMO, (records) => [
        rawRecord(24, 0x0303, Uint8Array.of(1, 0, 16)),
        ...records,
      ]),
  },
  {
    id: 'tls.record-version-not-tls',
    protocol: 'tls',
    title: 'a record whose version is 2.0 → protocol_version (RFC 5246 Appendix E.1)',
    expected: alertBy('client', 'protocol_version'),
    run: () =>
      fed('client', DEMO, (records) => {
        const first = records[0]!.slice();
        first[1] = 2;
        first[2] = 0;
        return [first, ...records.slice(1)];
      }),
  },
  {
    id: 'tls.fatal-alert-received',
    protocol: 'tls',
    title:
      'a fatal handshake_failure from the server → the client closes and sends nothing (RFC 5246 §7.2.2)',
    expected: { alert: null, sentBy: 'client', sent: ['ClientHello'] },
    run: () =>
      fed(
        'client',
        DEMO,
        (records) =>
          insertAt(records, 1, rawRecord(ContentType.alert, 0x0303, Uint8Array.of(2, 40))),
        (outcome) => ({ sent: outcome.sent }),
      ),
  },
  {
    id: 'tls.ems-mismatch-on-resumption-client',
    protocol: 'tls',
    title:
      'the server resumes an EMS session without extended_master_secret → handshake_failure (RFC 7627 §5.3)',
    expected: alertBy('client', 'handshake_failure'),
    run: () =>
      fed(
        'client',
        RESUME,
        serverHello(
          (b) => (b.extensions = b.extensions.filter((e) => e.kind !== 'extended_master_secret')),
        ),
      ),
  },

  {
    id: 'tls.server-hello-retyped-as-certificate',
    protocol: 'tls',
    title:
      'a ServerHello whose msg_type says certificate → unexpected_message from the header, before the body is decoded (RFC 5246 §7.4)',
    expected: alertBy('client', 'unexpected_message'),
    run: () => fed('client', DEMO, retypeMessage('server_hello', HandshakeType.certificate)),
  },

  // ----- a misbehaving client, seen by the server -----
  {
    id: 'tls.client-hello-retyped-as-client-key-exchange',
    protocol: 'tls',
    title:
      'a ClientHello whose msg_type says client_key_exchange → unexpected_message before the body is decoded (RFC 5246 §7.4; tlsfuzzer test-invalid-client-hello)',
    expected: alertBy('server', 'unexpected_message'),
    run: () =>
      fed('server', DEMO, retypeMessage('client_hello', HandshakeType.client_key_exchange)),
  },
  {
    id: 'tls.warning-alerts-during-handshake-tolerated',
    protocol: 'tls',
    title:
      'four warning alerts after the ClientHello → ignored, the handshake completes (RFC 5246 §7.2; tlsfuzzer test-ssl-death-alert)',
    expected: {
      alert: null,
      sentBy: 'server',
      end: 'closed',
      sent: [
        'ServerHello',
        'Certificate',
        'ServerKeyExchange',
        'ServerHelloDone',
        'NewSessionTicket',
        'ChangeCipherSpec',
        'Finished',
        'ApplicationData (HTTP 200 OK)',
        'Alert close_notify',
      ],
    },
    run: () =>
      fed(
        'server',
        DEMO,
        (records) => insertAt(records, 1, ...Array<Uint8Array>(4).fill(WARNING_ALERT)),
        (outcome) => ({ end: outcome.end, sent: outcome.sent }),
      ),
  },
  {
    id: 'tls.too-many-warning-alerts',
    protocol: 'tls',
    title:
      "five warning alerts in a row → unexpected_message (OpenSSL's MAX_WARN_ALERT_COUNT; tlsfuzzer test-ssl-death-alert)",
    expected: alertBy('server', 'unexpected_message'),
    run: () =>
      fed('server', DEMO, (records) =>
        insertAt(records, 1, ...Array<Uint8Array>(5).fill(WARNING_ALERT)),
      ),
  },
  {
    id: 'tls.client-hello-empty-server-name',
    protocol: 'tls',
    title: 'a ClientHello with an empty server_name extension → decode_error (RFC 6066 §3)',
    expected: alertBy('server', 'decode_error'),
    run: () =>
      fed(
        'server',
        DEMO,
        clientHello((b) => (b.extensions = rawServerName([])(b.extensions))),
      ),
  },
  {
    id: 'tls.client-hello-server-name-empty-list',
    protocol: 'tls',
    title: 'a server_name with an empty server_name_list → decode_error (RFC 6066 §3)',
    expected: alertBy('server', 'decode_error'),
    run: () =>
      fed(
        'server',
        DEMO,
        clientHello((b) => (b.extensions = rawServerName([0, 0])(b.extensions))),
      ),
  },
  {
    id: 'tls.client-hello-server-name-empty-host',
    protocol: 'tls',
    title: 'a server_name whose host_name is empty → decode_error (RFC 6066 §3)',
    expected: alertBy('server', 'decode_error'),
    run: () =>
      fed(
        'server',
        DEMO,
        clientHello((b) => (b.extensions = rawServerName([0, 3, 0, 0, 0])(b.extensions))),
      ),
  },
  {
    id: 'tls.client-hello-server-name-control-character',
    protocol: 'tls',
    title:
      'a host_name with a BEL character (well formed, not a host name) → illegal_parameter (RFC 6066 §3; tlsfuzzer test-invalid-server-name-extension)',
    expected: alertBy('server', 'illegal_parameter'),
    run: () =>
      fed(
        'server',
        DEMO,
        clientHello(
          (b) => (b.extensions = rawServerName([0, 6, 0, 0, 3, 0x61, 0x07, 0x62])(b.extensions)),
        ),
      ),
  },
  {
    id: 'tls.client-hello-server-name-two-host-names',
    protocol: 'tls',
    title:
      'a server_name_list with two host_names → illegal_parameter (RFC 6066 §3: one name of each type)',
    expected: alertBy('server', 'illegal_parameter'),
    run: () =>
      fed(
        'server',
        DEMO,
        clientHello(
          (b) => (b.extensions = rawServerName([0, 8, 0, 0, 1, 0x61, 0, 0, 1, 0x62])(b.extensions)),
        ),
      ),
  },
  {
    id: 'tls.client-hello-fallback-scsv-below-tls12',
    protocol: 'tls',
    title:
      'a TLS 1.1 ClientHello with TLS_FALLBACK_SCSV → inappropriate_fallback (RFC 7507 §3; tlsfuzzer test-fallback-scsv)',
    expected: alertBy('server', 'inappropriate_fallback'),
    run: () =>
      fed(
        'server',
        DEMO,
        clientHello((b) => {
          b.version = 0x0302;
          b.cipherSuites = [...b.cipherSuites, cipherSuite(0x5600)]; // TLS_FALLBACK_SCSV (RFC 7507)
        }),
      ),
  },
  {
    id: 'tls.change-cipher-spec-two-bytes',
    protocol: 'tls',
    title:
      'a ChangeCipherSpec record of two bytes → unexpected_message (OpenSSL SSL_R_BAD_CHANGE_CIPHER_SPEC; tlsfuzzer test-ccs)',
    expected: alertBy('server', 'unexpected_message'),
    run: () =>
      fed('server', DEMO, (records) => [
        rawRecord(ContentType.change_cipher_spec, 0x0303, Uint8Array.of(1, 1)),
        ...records,
      ]),
  },
  {
    id: 'tls.heartbeat-record-after-client-hello',
    protocol: 'tls',
    title:
      'a heartbeat record in the same segment after a valid ClientHello → the ClientHello is answered first, then unexpected_message (RFC 5246 §6; tlsfuzzer test-no-heartbeat)',
    expected: {
      alert: 'unexpected_message',
      sentBy: 'server',
      sent: [
        'ServerHello',
        'Certificate',
        'ServerKeyExchange',
        'ServerHelloDone',
        'Alert unexpected_message',
      ],
    },
    run: () =>
      fed(
        'server',
        DEMO,
        (records) => [concatBytes(records[0]!, rawRecord(24, 0x0303, Uint8Array.of(1, 0, 16)))],
        (outcome) => ({ sent: outcome.sent }),
      ),
  },
  {
    id: 'tls.client-hello-point-formats-without-uncompressed',
    protocol: 'tls',
    title:
      'ec_point_formats without uncompressed beside ECC supported_groups → illegal_parameter (RFC 8422 §5.1.2)',
    expected: alertBy('server', 'illegal_parameter'),
    run: () =>
      fed(
        'server',
        DEMO,
        clientHello(
          (b) =>
            (b.extensions = withExtensions(b.extensions, {
              kind: 'ec_point_formats',
              formats: [1],
            })),
        ),
      ),
  },
  {
    id: 'tls.client-hello-renegotiation-info-not-empty',
    protocol: 'tls',
    title:
      'a non-empty renegotiation_info in an initial ClientHello → handshake_failure (RFC 5746 §3.6)',
    expected: alertBy('server', 'handshake_failure'),
    run: () =>
      fed(
        'server',
        DEMO,
        clientHello(
          (b) =>
            (b.extensions = withExtensions(b.extensions, {
              kind: 'renegotiation_info',
              renegotiatedConnection: new Uint8Array(12).fill(9),
            })),
        ),
      ),
  },
  {
    id: 'tls.client-hello-duplicate-extension',
    protocol: 'tls',
    title: 'a ClientHello with one extension twice → decode_error (RFC 5246 §7.4.1.4)',
    expected: alertBy('server', 'decode_error'),
    run: () =>
      fed(
        'server',
        DEMO,
        clientHello((b) => (b.extensions = [...b.extensions, b.extensions[1]!])),
      ),
  },
  {
    id: 'tls.client-hello-no-null-compression',
    protocol: 'tls',
    title:
      'a ClientHello without the null compression method → illegal_parameter (RFC 5246 §7.4.1.2)',
    expected: alertBy('server', 'illegal_parameter'),
    run: () =>
      fed(
        'server',
        DEMO,
        clientHello((b) => (b.compressionMethods = [1])),
      ),
  },
  {
    id: 'tls.client-hello-tls10-only',
    protocol: 'tls',
    title: 'a ClientHello offering at most TLS 1.0 → protocol_version (RFC 5246 Appendix E.1)',
    expected: alertBy('server', 'protocol_version'),
    run: () =>
      fed(
        'server',
        DEMO,
        clientHello((b) => (b.version = 0x0301)),
      ),
  },
  {
    id: 'tls.client-key-exchange-invalid-point',
    protocol: 'tls',
    title: 'a ClientKeyExchange point not on P-256 → illegal_parameter (RFC 8422 §5.10)',
    expected: alertBy('server', 'illegal_parameter'),
    run: () =>
      fed('server', ECDSA_NO_EMS, (records) =>
        rewrite(records, indexOfMessage(records, 'client_key_exchange'), () => ({
          type: 'client_key_exchange',
          body: { publicKey: concatBytes(Uint8Array.of(4), new Uint8Array(64).fill(1)) },
        })),
      ),
  },
  {
    id: 'tls.early-change-cipher-spec-at-server',
    protocol: 'tls',
    title:
      'ChangeCipherSpec before ClientKeyExchange → unexpected_message (RFC 5246 §7.1; CVE-2014-0224)',
    expected: alertBy('server', 'unexpected_message'),
    run: () => fed('server', DEMO, (records) => insertAt(records, 1, CCS)),
  },
  {
    id: 'tls.application-data-before-finished-at-server',
    protocol: 'tls',
    title: "application data before the client's Finished → unexpected_message (RFC 5246 §7.4.9)",
    expected: alertBy('server', 'unexpected_message'),
    run: () =>
      fed('server', DEMO, (records) =>
        insertAt(
          records,
          1,
          rawRecord(
            ContentType.application_data,
            0x0303,
            new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n'),
          ),
        ),
      ),
  },
  {
    id: 'tls.wrong-finished-at-server',
    protocol: 'tls',
    title:
      'a client Finished over a different transcript (ClientHello altered in flight, no EMS) → decrypt_error (RFC 5246 §7.4.9)',
    expected: alertBy('server', 'decrypt_error'),
    run: () =>
      fed(
        'server',
        ECDSA_NO_EMS,
        clientHello(
          (b) =>
            (b.extensions = b.extensions.map((e) =>
              e.kind === 'ec_point_formats' ? { kind: e.kind, formats: [0, 1] } : e,
            )),
        ),
      ),
  },
  {
    id: 'tls.resumption-without-the-session-suite',
    protocol: 'tls',
    title:
      'a ClientHello resuming a session without offering its cipher suite → illegal_parameter (RFC 5246 §7.4.1.2; OpenSSL SSL_R_REQUIRED_CIPHER_MISSING)',
    expected: alertBy('server', 'illegal_parameter'),
    run: () =>
      fed(
        'server',
        RESUME,
        clientHello(
          (b) =>
            (b.cipherSuites = b.cipherSuites.filter(
              (c) => c !== CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            )),
        ),
      ),
  },
  {
    id: 'tls.ems-mismatch-on-resumption-server',
    protocol: 'tls',
    title:
      'a ClientHello resuming an EMS session without extended_master_secret → illegal_parameter (RFC 7627 §5.3; OpenSSL SSL_R_INCONSISTENT_EXTMS)',
    expected: alertBy('server', 'illegal_parameter'),
    run: () =>
      fed(
        'server',
        RESUME,
        clientHello(
          (b) => (b.extensions = b.extensions.filter((e) => e.kind !== 'extended_master_secret')),
        ),
      ),
  },
  {
    id: 'tls.ticket-unknown-key-beside-cached-id',
    protocol: 'tls',
    title:
      'a ticket sealed under a key the server no longer has, beside a session ID it has cached: the ticket decides, so a full handshake without a cache lookup (RFC 5077 §3.4; OpenSSL ssl_get_prev_session)',
    expected: {
      alert: 'unexpected_message',
      sentBy: 'server',
      notes: ['tls.server.ticket_unknown_key', 'tls.server.chose_suite'],
      fullHandshake: true,
    },
    run: () =>
      fed(
        'server',
        RESUME_TICKET,
        // The key name is the ticket's first 16 bytes (src/engine/tls/tickets.ts).
        ticketBesideCachedId((ticket) => (ticket[0] = ticket[0]! ^ 0x01)),
        // The recorded abbreviated flight then arrives where the full handshake waits for ClientKeyExchange.
        ticketFallback,
      ),
  },
  {
    id: 'tls.ticket-altered-beside-cached-id',
    protocol: 'tls',
    title:
      'a ticket with our key name whose sealed state was altered, beside a cached session ID: it fails its integrity check; a full handshake without a cache lookup (RFC 5077 §3.4, §4)',
    expected: {
      alert: 'unexpected_message',
      sentBy: 'server',
      notes: ['tls.server.ticket_not_authentic', 'tls.server.chose_suite'],
      fullHandshake: true,
    },
    run: () =>
      fed(
        'server',
        RESUME_TICKET,
        ticketBesideCachedId((ticket) => (ticket[40] = ticket[40]! ^ 0x01)),
        ticketFallback,
      ),
  },

  // ----- TLS 1.3 (RFC 8446): tls13-cases.ts -----
  ...TLS13_CASES,
];
