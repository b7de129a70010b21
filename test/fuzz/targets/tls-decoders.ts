/**
 * Fuzz targets for the TLS codecs and the record layer. Seeds are real records (OpenSSL's, passed
 * in by the caller) and our own encoder's (every message kind, and the records of every recorded
 * handshake variant). The contract: a decode returns, or throws a DecodeError at an offset inside
 * the input; the record layer throws only its typed errors; what decodes re-encodes to bytes
 * that decode to the same thing; and a protected record that was changed never opens.
 */
import fc from 'fast-check';
import { DecodeError } from '../../../src/engine/bytes/errors';
import { bytesEqual, concatBytes } from '../../../src/engine/bytes/hex';
import { Reader } from '../../../src/engine/bytes/reader';
import { Writer } from '../../../src/engine/bytes/writer';
import { pemToDerList } from '../../../src/engine/tls/certificates/pem';
import { parseCertificate } from '../../../src/engine/tls/certificates/parse';
import { ContentType, cipherSuite, namedGroup } from '../../../src/engine/tls/enums';
import { decodeTlsRecords } from '../../../src/engine/tls/decode';
import { HandshakeBuffer } from '../../../src/engine/tls/handshake-buffer';
import {
  readExtensions,
  writeExtensions,
  type Extension,
} from '../../../src/engine/tls/messages/extensions';
import {
  decodeHandshake,
  encodeHandshake,
  type HandshakeMessage,
  type HandshakeVersion,
} from '../../../src/engine/tls/messages/handshake';
import {
  BadRecordMac,
  RecordOverflow as PlaintextOverflow,
  RecordProtector,
} from '../../../src/engine/tls/protection';
import {
  RECORD_HEADER_LENGTH,
  RecordOverflow,
  RecordSplitter,
  encodeRecord,
} from '../../../src/engine/tls/record';
import { DEMO_PKI } from '../../../src/engine/tls/pki/demo-pki';
import { SUITES } from '../../../src/engine/tls/suites';
import { applyMutations, mutatedBytes, mutationArb, type Mutation } from './mutate';
import { FuzzFinding, crash, expectDecodeOutcome, hex, type FuzzTarget } from './target';
import { VARIANTS, recording } from './tls-session';
// These read TLS 1.3 without a connection, which would load its codecs first.
import '../../../src/engine/tls/tls13/install';

/** One value of every handshake message kind and every extension kind, from our encoder. */
function encoderMessages(): HandshakeMessage[] {
  const counting = (n: number, start = 0) =>
    Uint8Array.from({ length: n }, (_, i) => (start + i) & 0xff);
  const extensions: Extension[] = [
    { kind: 'server_name', hostName: 'www.example.com' },
    { kind: 'supported_groups', groups: [29, 23, 24].map(namedGroup) },
    { kind: 'ec_point_formats', formats: [0] },
    { kind: 'signature_algorithms', schemes: [0x0804, 0x0401, 0x0403] },
    { kind: 'alpn', protocols: ['h2', 'http/1.1'] },
    { kind: 'extended_master_secret' },
    { kind: 'session_ticket', ticket: counting(48, 0x80) },
    { kind: 'renegotiation_info', renegotiatedConnection: new Uint8Array(0) },
    { kind: 'unknown', type: 51, data: counting(10, 0x40) },
  ];
  return [
    {
      type: 'client_hello',
      body: {
        version: 0x0303,
        random: counting(32, 0xa0),
        sessionId: counting(32, 0x20),
        cipherSuites: [0xc02f, 0xc030, 0xcca8, 0xc02b, 0x00ff].map(cipherSuite),
        compressionMethods: [0],
        extensions,
      },
    },
    {
      type: 'server_hello',
      body: {
        version: 0x0303,
        random: counting(32, 0x50),
        sessionId: counting(16, 0x30),
        cipherSuite: cipherSuite(0xc02f),
        compressionMethod: 0,
        extensions: [
          { kind: 'server_name', hostName: '' },
          { kind: 'renegotiation_info', renegotiatedConnection: counting(24, 0x10) },
          { kind: 'alpn', protocols: ['h2'] },
          { kind: 'extended_master_secret' },
          { kind: 'session_ticket', ticket: new Uint8Array(0) },
        ],
      },
    },
    { type: 'certificate', body: { certificates: [counting(300, 1), counting(20, 2)] } },
    {
      type: 'server_key_exchange',
      body: {
        curveType: 3,
        namedGroup: namedGroup(29),
        publicKey: counting(32, 0x60),
        signatureScheme: 0x0804,
        signature: counting(256, 0x70),
      },
    },
    { type: 'server_hello_done', body: {} },
    { type: 'client_key_exchange', body: { publicKey: counting(65, 0x04) } },
    { type: 'finished', body: { verifyData: counting(12, 0xf0) } },
    { type: 'new_session_ticket', body: { lifetimeHint: 7200, ticket: counting(100, 0x33) } },
    {
      type: 'certificate_request',
      body: {
        certificateTypes: [1, 64],
        signatureSchemes: [0x0804, 0x0403, 0x0401],
        certificateAuthorities: [
          parseCertificate(pemToDerList(DEMO_PKI.root.certPem)[0]!).subjectDer,
        ],
      },
    },
    { type: 'certificate', body: { certificates: [] } },
    { type: 'unknown', msgType: 15, body: counting(9, 0x01) },
  ];
}

/** The seeds every TLS decoder target starts from. */
export interface TlsDecoderSeeds {
  /** Record streams: whole records, one direction each. */
  streams: Uint8Array[];
  /** Handshake messages, 4-byte header included. */
  handshakes: Uint8Array[];
  /** Extensions blocks, 2-byte length included. */
  extensionBlocks: Uint8Array[];
}

/** Handshake messages found in the plaintext handshake records of a stream. */
function handshakesIn(stream: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at + RECORD_HEADER_LENGTH <= stream.length;) {
    const length = (stream[at + 3]! << 8) | stream[at + 4]!;
    const end = at + RECORD_HEADER_LENGTH + length;
    if (end > stream.length) break;
    if (stream[at] === ContentType.change_cipher_spec) break;
    if (stream[at] === ContentType.handshake) {
      const r = new Reader(stream, at + RECORD_HEADER_LENGTH, end);
      while (r.remaining >= 4) {
        const n =
          (r.byteAt(r.offset + 1) << 16) | (r.byteAt(r.offset + 2) << 8) | r.byteAt(r.offset + 3);
        if (4 + n > r.remaining) break;
        out.push(r.bytes(4 + n));
      }
    }
    at = end;
  }
  return out;
}

/**
 * Builds the seed set from `realStreams` (captured from real peers) and our own encoder's output:
 * every message kind, and both directions of every recorded handshake variant.
 */
export async function tlsDecoderSeeds(
  realStreams: readonly Uint8Array[],
): Promise<TlsDecoderSeeds> {
  const ours = encoderMessages().map((m) => encodeHandshake(m).bytes);
  const streams = [
    ...realStreams,
    encodeRecord({ type: ContentType.handshake, version: 0x0303, fragment: concatBytes(...ours) })
      .bytes,
  ];
  for (const variant of VARIANTS) {
    const rec = await recording(variant);
    streams.push(concatBytes(...rec.received.client), concatBytes(...rec.received.server));
  }
  const handshakes = [...ours, ...streams.flatMap(handshakesIn)];
  const extensionBlocks: Uint8Array[] = [];
  for (const bytes of handshakes) {
    const { message } = decodeHandshake(bytes);
    if (message.type === 'client_hello' || message.type === 'server_hello') {
      const w = new Writer();
      writeExtensions(w, message.body.extensions, 'extensions');
      extensionBlocks.push(w.toBytes());
    }
  }
  return { streams, handshakes: dedupe(handshakes), extensionBlocks: dedupe(extensionBlocks) };
}

function dedupe(list: Uint8Array[]): Uint8Array[] {
  const seen = new Set<string>();
  return list.filter((b) => {
    const key = hex(b, 1 << 20);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `tls decode`: a byte stream of records, each with the messages inside it. */
export function tlsRecordsTarget(seeds: TlsDecoderSeeds): FuzzTarget<Uint8Array> {
  return {
    name: 'tls.records',
    description: 'decodeTlsRecords on mutated record streams (OpenSSL captures and our own)',
    arbitrary: mutatedBytes(seeds.streams, { maxRandomLength: 300 }),
    check: (bytes) => expectDecodeOutcome('decodeTlsRecords', bytes, () => decodeTlsRecords(bytes)),
    share: 1,
    testRuns: 400,
    show: (b) => hex(b),
  };
}

/**
 * Every handshake message kind. What decodes must re-encode, and the re-encoding must decode to
 * the same value (STYLE.md: wire enums keep the raw number, unknown data survives a round trip).
 */
export function tlsHandshakeTarget(seeds: TlsDecoderSeeds): FuzzTarget<Uint8Array> {
  return handshakeTarget(
    'tls.handshake',
    'decodeHandshake on mutated handshake messages of every type, with a round trip',
    seeds.handshakes,
    'tls12',
  );
}

/** decodeHandshake with one version's bodies on mutated messages, with a round trip. */
export function handshakeTarget(
  name: string,
  description: string,
  seeds: readonly Uint8Array[],
  version: HandshakeVersion,
): FuzzTarget<Uint8Array> {
  return {
    name,
    description,
    arbitrary: mutatedBytes(seeds, { maxRandomLength: 200 }),
    check(bytes) {
      let message: HandshakeMessage | undefined;
      const outcome = expectDecodeOutcome(`decodeHandshake(${version})`, bytes, () => {
        message = decodeHandshake(bytes, true, version).message;
      });
      if (message) roundTrip(message, version);
      return message ? `decoded:${message.type}` : outcome;
    },
    share: 1,
    testRuns: 500,
    show: (b) => hex(b),
  };
}

function roundTrip(message: HandshakeMessage, version: HandshakeVersion): void {
  let once: Uint8Array;
  try {
    once = encodeHandshake(message).bytes;
  } catch (e) {
    throw new FuzzFinding(
      'invariant',
      `a decoded ${message.type} does not re-encode: ${String(e)}`,
    );
  }
  let again: Uint8Array;
  try {
    again = encodeHandshake(decodeHandshake(once, false, version).message).bytes;
  } catch (e) {
    throw new FuzzFinding(
      'invariant',
      `a re-encoded ${message.type} does not decode: ${String(e)}`,
    );
  }
  if (!bytesEqual(once, again))
    throw new FuzzFinding('invariant', `a ${message.type} changes on a second round trip`);
}

/** The extensions block of a hello on its own, where every extension's parser is. */
export function tlsExtensionsTarget(seeds: TlsDecoderSeeds): FuzzTarget<Uint8Array> {
  return {
    name: 'tls.extensions',
    description: 'readExtensions on mutated extension blocks of every extension kind',
    arbitrary: mutatedBytes(seeds.extensionBlocks, { maxRandomLength: 120 }),
    check: (bytes) =>
      expectDecodeOutcome('readExtensions', bytes, () => {
        const r = new Reader(bytes);
        readExtensions(r, 'extensions');
        r.expectEnd('extensions');
      }),
    share: 1,
    testRuns: 500,
    show: (b) => hex(b),
  };
}

export interface RecordLayerInput {
  bytes: Uint8Array;
  /** Where TCP cuts the stream, as fractions of its length (0 to 2^16). */
  cuts: number[];
}

function recordLayerError(e: unknown): boolean {
  return e instanceof DecodeError || e instanceof RecordOverflow;
}

/**
 * The receive path below the state machine: RecordSplitter cutting a TCP stream into records
 * and HandshakeBuffer cutting handshake fragments into messages. Segmentation must not matter.
 */
export function tlsRecordLayerTarget(seeds: TlsDecoderSeeds): FuzzTarget<RecordLayerInput> {
  return {
    name: 'tls.record-layer',
    description: 'RecordSplitter and HandshakeBuffer on mutated streams cut at random points',
    arbitrary: fc.record({
      bytes: mutatedBytes(seeds.streams, { maxRandomLength: 300 }),
      cuts: fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 8 }),
    }),
    check({ bytes, cuts }) {
      const whole = split([bytes]);
      const points = [...new Set(cuts.map((c) => Math.floor((c / 0x10000) * bytes.length)))].sort(
        (a, b) => a - b,
      );
      const chunks: Uint8Array[] = [];
      let from = 0;
      for (const p of [...points, bytes.length]) {
        chunks.push(bytes.subarray(from, Math.max(from, p)));
        from = Math.max(from, p);
      }
      const cut = split(chunks);
      if (
        (whole.error === undefined) !== (cut.error === undefined) ||
        (whole.error && whole.error !== cut.error)
      )
        throw new FuzzFinding(
          'invariant',
          `segmentation changed the outcome: ${whole.error ?? 'ok'} vs ${cut.error ?? 'ok'}`,
        );
      if (
        !whole.error &&
        (whole.records.length !== cut.records.length ||
          whole.records.some((r, i) => !bytesEqual(r, cut.records[i]!)))
      )
        throw new FuzzFinding('invariant', 'segmentation changed the records');
      const buffer = new HandshakeBuffer();
      try {
        for (const raw of cut.records) {
          if (raw[0] !== ContentType.handshake) continue;
          buffer.push(raw.subarray(RECORD_HEADER_LENGTH));
          while (buffer.next());
        }
      } catch (e) {
        if (!(e instanceof DecodeError)) throw crash('HandshakeBuffer', e);
        return 'handshake-error';
      }
      return cut.error ? 'record-error' : 'ok';
    },
    share: 1,
    testRuns: 400,
    show: ({ bytes, cuts }) => `${hex(bytes)} cut at ${cuts.join(',')}`,
  };
}

function split(chunks: Uint8Array[]): { records: Uint8Array[]; error?: string } {
  const splitter = new RecordSplitter();
  const records: Uint8Array[] = [];
  try {
    for (const chunk of chunks) for (const { raw } of splitter.push(chunk)) records.push(raw);
    // A bad header after whole records is reported once they are out (RecordSplitter.error).
    if (splitter.error) {
      if (!recordLayerError(splitter.error)) throw crash('RecordSplitter', splitter.error);
      return { records, error: splitter.error.message };
    }
    return { records };
  } catch (e) {
    if (!recordLayerError(e)) throw crash('RecordSplitter', e);
    return { records, error: (e as Error).message };
  }
}

export interface ProtectionInput {
  suite: number;
  type: number;
  plaintext: Uint8Array;
  mutations: Mutation[];
  /** A different type or version in the header than was sealed (both are in the AAD). */
  header: 'same' | 'type' | 'version';
}

const KEY = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
const IV = Uint8Array.from({ length: 12 }, (_, i) => 0xf0 - i);

/**
 * RFC 5246, Section 6.2.3.3: a protected record opens only as it was sealed. Any change to the
 * fragment, the type or the version is bad_record_mac (or record_overflow for a length no AEAD
 * output can have); an untouched record opens to its plaintext.
 */
export function tlsProtectionTarget(): FuzzTarget<ProtectionInput> {
  return {
    name: 'tls.record-protection',
    description: 'RecordProtector.open on sealed records with bytes, type or version changed',
    arbitrary: fc.record({
      suite: fc.nat({ max: SUITES.length - 1 }),
      type: fc.constantFrom(21, 22, 23),
      plaintext: fc.uint8Array({ maxLength: 96 }),
      mutations: fc.array(mutationArb, { maxLength: 3 }),
      header: fc.constantFrom(
        'same' as const,
        'same' as const,
        'type' as const,
        'version' as const,
      ),
    }),
    check({ suite: s, type, plaintext, mutations, header }) {
      const suite = SUITES[s]!;
      const key = KEY.subarray(0, suite.keyLength);
      const iv = IV.subarray(0, suite.fixedIvLength);
      const sealed = new RecordProtector(suite, key, iv).seal(type, 0x0303, plaintext).fragment;
      const fragment = applyMutations(sealed, mutations);
      const openType = header === 'type' ? (type === 23 ? 22 : 23) : type;
      const openVersion = header === 'version' ? 0x0302 : 0x0303;
      const untouched = bytesEqual(fragment, sealed) && header === 'same';
      let opened: Uint8Array;
      try {
        opened = new RecordProtector(suite, key, iv).open(
          openType,
          openVersion,
          fragment,
        ).plaintext;
      } catch (e) {
        if (!(e instanceof BadRecordMac || e instanceof PlaintextOverflow))
          throw crash('RecordProtector.open', e);
        if (untouched)
          throw new FuzzFinding(
            'invariant',
            `an untouched ${suite.name} record did not open: ${String(e)}`,
          );
        return e instanceof BadRecordMac ? 'bad_record_mac' : 'record_overflow';
      }
      if (!untouched) throw new FuzzFinding('invariant', `a changed ${suite.name} record opened`);
      if (!bytesEqual(opened, plaintext))
        throw new FuzzFinding('invariant', 'a record opened to other plaintext');
      return 'opened';
    },
    share: 1,
    testRuns: 300,
    show: (i) => JSON.stringify({ ...i, plaintext: hex(i.plaintext) }),
  };
}
