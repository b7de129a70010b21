/**
 * Fuzz targets for the TLS 1.3 codecs (src/engine/tls/tls13/messages) and its record protection
 * (TLSInnerPlaintext, RFC 8446, Section 5.2). Seeds are the handshake
 * messages of RFC 8448's traces and one of every TLS 1.3 message kind from our encoder. The
 * contract is the TLS 1.2 targets' one: a decode returns or throws a DecodeError inside the
 * input, and what decodes re-encodes to bytes that decode to the same thing.
 */
import fc from 'fast-check';
import { bytesEqual, fromHex } from '../../../src/engine/bytes/hex';
import { Reader } from '../../../src/engine/bytes/reader';
import { Writer } from '../../../src/engine/bytes/writer';
import { Tls13CipherSuite, namedGroup } from '../../../src/engine/tls/enums';
import {
  readExtensions,
  writeExtensions,
  type ExtensionContext,
} from '../../../src/engine/tls/messages/extensions';
import {
  decodeHandshake,
  encodeHandshake,
  type HandshakeMessage,
} from '../../../src/engine/tls/messages/handshake';
import vectors from '../../vectors/rfc8448-messages.json';
import { AeadAuthError } from '../../../src/engine/crypto/errors';
import { hashLength } from '../../../src/engine/crypto/hash';
import { TLS13_SUITES, Tls13RecordProtection } from '../../../src/engine/tls/tls13/key-schedule';
import { applyMutations, mutatedBytes, mutationArb, type Mutation } from './mutate';
import { handshakeTarget } from './tls-decoders';
import { FuzzFinding, crash, expectDecodeOutcome, hex, type FuzzTarget } from './target';
// These read TLS 1.3 without a connection, which would load its codecs first.
import '../../../src/engine/tls/tls13/install';

function encoderMessages(): HandshakeMessage[] {
  const counting = (n: number, start = 0) =>
    Uint8Array.from({ length: n }, (_, i) => (start + i) & 0xff);
  const share = { group: namedGroup(23), keyExchange: counting(65, 4) };
  return [
    {
      type: 'client_hello',
      body: {
        version: 0x0303,
        random: counting(32, 0xa0),
        sessionId: counting(32, 0x20),
        cipherSuites: Object.values(Tls13CipherSuite),
        compressionMethods: [0],
        extensions: [
          { kind: 'supported_versions', versions: [0x0304, 0x0303] },
          { kind: 'key_share', shares: [share] },
          { kind: 'cookie', cookie: counting(40, 0x90) },
          { kind: 'early_data' },
          { kind: 'psk_key_exchange_modes', modes: [1, 0] },
          {
            kind: 'pre_shared_key',
            identities: [{ identity: counting(60, 0x11), obfuscatedTicketAge: 12345 }],
            binders: [counting(48, 0x22)],
          },
        ],
      },
    },
    {
      type: 'server_hello',
      body: {
        version: 0x0303,
        random: counting(32, 0x50),
        sessionId: counting(32, 0x20),
        cipherSuite: Tls13CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        compressionMethod: 0,
        extensions: [
          { kind: 'selected_version', version: 0x0304 },
          { kind: 'key_share_server', share },
          { kind: 'pre_shared_key_server', selectedIdentity: 0 },
        ],
      },
    },
    {
      type: 'encrypted_extensions',
      body: { extensions: [{ kind: 'server_name', hostName: '' }, { kind: 'early_data' }] },
    },
    {
      type: 'certificate_13',
      body: {
        requestContext: new Uint8Array(0),
        entries: [
          { data: counting(200, 1), extensions: [] },
          { data: counting(30, 2), extensions: [{ kind: 'unknown', type: 5, data: counting(4) }] },
        ],
      },
    },
    { type: 'certificate_verify', body: { scheme: 0x0804, signature: counting(256, 3) } },
    {
      type: 'new_session_ticket_13',
      body: {
        lifetime: 7200,
        ageAdd: 0xdeadbeef,
        nonce: counting(8),
        ticket: counting(120, 5),
        extensions: [{ kind: 'early_data', maxEarlyDataSize: 16384 }],
      },
    },
    { type: 'key_update', body: { requestUpdate: 0 } },
    { type: 'finished', body: { verifyData: counting(48, 0xf0) } },
  ];
}

/** Every TLS 1.3 handshake message the seeds hold: RFC 8448's and our encoder's. */
export function tls13HandshakeSeeds(): Uint8Array[] {
  const rfc = [
    ...Object.values(vectors.simple),
    ...Object.values(vectors.resumed),
    ...Object.values(vectors.hello_retry),
  ]
    .map((h) => fromHex(h))
    // The PSK and the binder sit beside the messages; a message has a 4-byte header that fits.
    .filter((b) => b.length >= 4 && ((b[1]! << 16) | (b[2]! << 8) | b[3]!) === b.length - 4);
  return [...rfc, ...encoderMessages().map((m) => encodeHandshake(m).bytes)];
}

/** decodeHandshake under TLS 1.3 on mutated messages of every kind, with a round trip. */
export function tls13HandshakeTarget(seeds: readonly Uint8Array[]): FuzzTarget<Uint8Array> {
  return handshakeTarget(
    'tls13.handshake',
    'decodeHandshake (TLS 1.3 bodies) on mutated RFC 8448 and encoder messages',
    seeds,
    'tls13',
  );
}

const CONTEXTS: readonly ExtensionContext[] = [
  'client_hello',
  'server_hello',
  'hello_retry_request',
  'encrypted_extensions',
  'certificate',
  'new_session_ticket',
];

export interface ExtensionsInContext {
  bytes: Uint8Array;
  context: ExtensionContext;
}

/** The extensions blocks of the seed messages, 2-byte length included. */
function extensionBlocks(seeds: readonly Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const bytes of seeds) {
    const { message } = decodeHandshake(bytes, false, 'tls13');
    const exts =
      message.type === 'client_hello' ||
      message.type === 'server_hello' ||
      message.type === 'encrypted_extensions' ||
      message.type === 'new_session_ticket_13'
        ? message.body.extensions
        : undefined;
    if (!exts) continue;
    const w = new Writer(false);
    writeExtensions(w, exts, 'extensions');
    out.push(w.toBytes());
  }
  return out;
}

/** readExtensions in every message context (RFC 8446, Section 4.2) on mutated blocks. */
export function tls13ExtensionsTarget(
  seeds: readonly Uint8Array[],
): FuzzTarget<ExtensionsInContext> {
  return {
    name: 'tls13.extensions',
    description: 'readExtensions with each TLS 1.3 message context on mutated extension blocks',
    arbitrary: fc.record({
      bytes: mutatedBytes(extensionBlocks(seeds), { maxRandomLength: 120 }),
      context: fc.constantFrom(...CONTEXTS),
    }),
    check: ({ bytes, context }) =>
      expectDecodeOutcome(`readExtensions(${context})`, bytes, () => {
        const r = new Reader(bytes);
        const exts = readExtensions(r, 'extensions', context);
        r.expectEnd('extensions');
        const w = new Writer(false);
        writeExtensions(w, exts, 'extensions');
        const again = new Reader(w.toBytes());
        readExtensions(again, 'extensions', context);
      }),
    share: 1,
    testRuns: 500,
    show: ({ bytes, context }) => `${context} ${hex(bytes)}`,
  };
}

export interface Tls13ProtectionInput {
  suite: number;
  type: number;
  content: Uint8Array;
  padding: number;
  mutations: Mutation[];
}

const TRAFFIC_SECRET = Uint8Array.from({ length: 48 }, (_, i) => 0x40 + i);

/**
 * Tls13RecordProtection.open and the TLSInnerPlaintext it unwraps (RFC 8446, Section 5.2: the
 * content type is the last non-zero byte, zeros after it are padding) on sealed records with bytes
 * of the header or the ciphertext changed. An untouched record opens to what was sealed; a
 * changed one fails its tag (AeadAuthError) and nothing else.
 */
export function tls13ProtectionTarget(): FuzzTarget<Tls13ProtectionInput> {
  return {
    name: 'tls13.record-protection',
    description: 'Tls13RecordProtection.open on sealed TLS 1.3 records with bytes changed',
    arbitrary: fc.record({
      suite: fc.nat({ max: TLS13_SUITES.length - 1 }),
      type: fc.constantFrom(21, 22, 23),
      content: fc.uint8Array({ maxLength: 96 }),
      padding: fc.nat({ max: 40 }),
      mutations: fc.array(mutationArb, { maxLength: 3 }),
    }),
    check({ suite: s, type, content, padding, mutations }) {
      const suite = TLS13_SUITES[s]!;
      const secret = TRAFFIC_SECRET.subarray(0, hashLength(suite.hash));
      const { record } = new Tls13RecordProtection(suite, secret).sealRecord(
        type,
        content,
        padding,
      );
      const changed = applyMutations(record, mutations);
      if (changed.length < 5) return 'too-short';
      let opened;
      try {
        opened = new Tls13RecordProtection(suite, secret).open(
          changed.subarray(0, 5),
          changed.subarray(5),
        );
      } catch (e) {
        if (!(e instanceof AeadAuthError)) throw crash('Tls13RecordProtection.open', e);
        if (bytesEqual(changed, record))
          throw new FuzzFinding('invariant', `an untouched ${suite.name} record did not open`);
        return 'bad_record_mac';
      }
      if (!bytesEqual(changed, record))
        throw new FuzzFinding('invariant', `a changed ${suite.name} record still opened`);
      if (opened.type !== type || !bytesEqual(opened.content, content))
        throw new FuzzFinding(
          'invariant',
          `a ${suite.name} record opened to type ${opened.type} and ${opened.content.length} bytes`,
        );
      return 'opened';
    },
    share: 1,
    testRuns: 300,
    show: (i) =>
      `${i.suite} ${i.type} pad ${i.padding} ${hex(i.content)} ${JSON.stringify(i.mutations)}`,
  };
}
