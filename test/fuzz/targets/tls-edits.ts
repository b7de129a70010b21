/**
 * Edits to a stream of TLS records, the way an active attacker or a broken peer would make them:
 * drop, duplicate, reorder or cut records; flip bytes; inject records of any type; or decode a
 * plaintext handshake message, change one field, and re-encode it with every length right, so the
 * edit gets past the parser and reaches the state machine's own checks.
 */
import fc from 'fast-check';
import { Reader } from '../../../src/engine/bytes/reader';
import { concatBytes } from '../../../src/engine/bytes/hex';
import { pemToDerList } from '../../../src/engine/tls/certificates/pem';
import { ContentType, ExtensionType, cipherSuite, namedGroup } from '../../../src/engine/tls/enums';
import { extensionTypeOf, type Extension } from '../../../src/engine/tls/messages/extensions';
import {
  encodeHandshake,
  readHandshake,
  type HandshakeMessage,
} from '../../../src/engine/tls/messages/handshake';
import { encodeRecord, RECORD_HEADER_LENGTH } from '../../../src/engine/tls/record';
import { DEMO_PKI } from '../../../src/engine/tls/pki/demo-pki';
import { applyMutations, mutationArb, type Mutation } from './mutate';
// These read TLS 1.3 without a connection, which would load its codecs first.
import '../../../src/engine/tls/tls13/install';

/** A record the attacker adds to the stream. */
export type Injected =
  | { kind: 'random'; type: number; version: number; body: Uint8Array }
  | { kind: 'ccs' }
  | { kind: 'alert'; level: number; description: number }
  | { kind: 'application_data'; body: Uint8Array }
  | { kind: 'handshake'; msgType: number; body: Uint8Array }
  /** A header that announces more than the record layer allows, and a few bytes of body. */
  | { kind: 'oversized'; type: number; length: number }
  /** A record from somewhere else in this stream or another handshake (a replay). */
  | { kind: 'foreign'; pool: number; index: number };

export type Edit =
  | { at: number; op: 'drop' }
  | { at: number; op: 'duplicate' }
  | { at: number; op: 'swap' }
  | { at: number; op: 'move'; to: number }
  | { at: number; op: 'cut' }
  | { at: number; op: 'bytes'; mutations: Mutation[] }
  | { at: number; op: 'field'; message: number; field: number; value: number; bytes: Uint8Array }
  | { at: number; op: 'insert'; record: Injected }
  | { at: number; op: 'version'; version: number }
  /** Benign: one plaintext handshake record re-fragmented into two (RFC 5246, Section 6.2.1). */
  | { at: number; op: 'split'; cut: number }
  /** Benign: a plaintext handshake record joined with the next one when that is one too. */
  | { at: number; op: 'coalesce' };

export const BENIGN_OPS: ReadonlySet<Edit['op']> = new Set(['split', 'coalesce']);

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const index = fc.nat({ max: 63 });

export const injectedArb: fc.Arbitrary<Injected> = fc.oneof(
  fc.record({
    kind: fc.constant('random' as const),
    type: fc.oneof(fc.constantFrom(20, 21, 22, 23), u8),
    version: fc.oneof(fc.constantFrom(0x0303, 0x0301, 0x0300, 0x0304), u16),
    body: fc.uint8Array({ maxLength: 80 }),
  }),
  fc.constant({ kind: 'ccs' as const }),
  fc.record({
    kind: fc.constant('alert' as const),
    level: fc.constantFrom(1, 2, 3),
    description: fc.oneof(fc.constantFrom(0, 10, 20, 40, 42, 47, 50, 51, 70, 80, 90, 100, 110), u8),
  }),
  fc.record({
    kind: fc.constant('application_data' as const),
    body: fc.uint8Array({ maxLength: 64 }),
  }),
  fc.record({
    kind: fc.constant('handshake' as const),
    msgType: fc.oneof(fc.constantFrom(0, 1, 2, 4, 11, 12, 13, 14, 15, 16, 20), u8),
    body: fc.uint8Array({ maxLength: 80 }),
  }),
  fc.record({
    kind: fc.constant('oversized' as const),
    type: fc.constantFrom(21, 22, 23),
    length: fc.constantFrom(
      2 ** 14 + 1,
      2 ** 14 + 256,
      2 ** 14 + 257,
      2 ** 14 + 2048,
      2 ** 14 + 2049,
      0xffff,
    ),
  }),
  fc.record({ kind: fc.constant('foreign' as const), pool: fc.nat(), index }),
);

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ at: index, op: fc.constant('drop' as const) }) },
  { weight: 2, arbitrary: fc.record({ at: index, op: fc.constant('duplicate' as const) }) },
  { weight: 2, arbitrary: fc.record({ at: index, op: fc.constant('swap' as const) }) },
  { weight: 2, arbitrary: fc.record({ at: index, op: fc.constant('move' as const), to: index }) },
  { weight: 1, arbitrary: fc.record({ at: index, op: fc.constant('cut' as const) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      at: index,
      op: fc.constant('bytes' as const),
      mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      at: index,
      op: fc.constant('field' as const),
      message: fc.nat({ max: 7 }),
      field: fc.nat({ max: 63 }),
      value: fc.nat(),
      bytes: fc.uint8Array({ maxLength: 72 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ at: index, op: fc.constant('insert' as const), record: injectedArb }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      at: index,
      op: fc.constant('version' as const),
      version: fc.oneof(fc.constantFrom(0x0300, 0x0301, 0x0302, 0x0304, 0x0203, 0xfeff), u16),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ at: index, op: fc.constant('split' as const), cut: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ at: index, op: fc.constant('coalesce' as const) }) },
);

function record(type: number, version: number, fragment: Uint8Array): Uint8Array {
  const out = new Uint8Array(RECORD_HEADER_LENGTH + fragment.length);
  out[0] = type;
  out[1] = version >> 8;
  out[2] = version & 0xff;
  out[3] = (fragment.length >> 8) & 0xff;
  out[4] = fragment.length & 0xff;
  out.set(fragment, RECORD_HEADER_LENGTH);
  return out;
}

export function injectedBytes(
  inj: Injected,
  pools: readonly (readonly Uint8Array[])[],
): Uint8Array {
  switch (inj.kind) {
    case 'random':
      return record(inj.type, inj.version, inj.body);
    case 'ccs':
      return record(ContentType.change_cipher_spec, 0x0303, Uint8Array.of(1));
    case 'alert':
      return record(ContentType.alert, 0x0303, Uint8Array.of(inj.level, inj.description));
    case 'application_data':
      return record(ContentType.application_data, 0x0303, inj.body);
    case 'handshake': {
      const n = inj.body.length;
      return record(
        ContentType.handshake,
        0x0303,
        concatBytes(Uint8Array.of(inj.msgType, n >> 16, (n >> 8) & 0xff, n & 0xff), inj.body),
      );
    }
    case 'oversized': {
      const header = record(inj.type, 0x0303, new Uint8Array(0));
      header[3] = inj.length >> 8;
      header[4] = inj.length & 0xff;
      return concatBytes(header, new Uint8Array(16));
    }
    case 'foreign': {
      const pool = pools.length > 0 ? pools[inj.pool % pools.length]! : [];
      return pool.length > 0 ? pool[inj.index % pool.length]! : new Uint8Array(0);
    }
  }
}

/** A record in a stream: its bytes, and whether it travels in the clear (before ChangeCipherSpec). */
interface StreamRecord {
  bytes: Uint8Array;
  plaintext: boolean;
}

/** Marks which records of a recorded stream are readable: the ones before ChangeCipherSpec. */
export function classifyStream(records: readonly Uint8Array[]): StreamRecord[] {
  let protectedNow = false;
  return records.map((bytes) => {
    const plaintext = !protectedNow;
    if (bytes[0] === ContentType.change_cipher_spec) protectedNow = true;
    return { bytes, plaintext };
  });
}

/**
 * Applies `edits` in order to the records; `pools` are the records a 'foreign' injection may
 * replay. Returns the records as they arrive.
 */
export function applyEdits(
  records: readonly Uint8Array[],
  edits: readonly Edit[],
  pools: readonly (readonly Uint8Array[])[],
): Uint8Array[] {
  let stream = classifyStream(records);
  for (const edit of edits) {
    if (stream.length === 0) break;
    const at = edit.at % stream.length;
    const here = stream[at]!;
    switch (edit.op) {
      case 'drop':
        stream.splice(at, 1);
        break;
      case 'duplicate':
        stream.splice(at, 0, here);
        break;
      case 'swap':
        if (at + 1 < stream.length) [stream[at], stream[at + 1]] = [stream[at + 1]!, here];
        break;
      case 'move': {
        stream.splice(at, 1);
        stream.splice(edit.to % (stream.length + 1), 0, here);
        break;
      }
      case 'cut':
        stream = stream.slice(0, at);
        break;
      case 'bytes':
        stream[at] = {
          bytes: applyMutations(here.bytes, edit.mutations, records),
          plaintext: false,
        };
        break;
      case 'field':
        stream[at] = {
          bytes: here.plaintext
            ? (editField(here.bytes, edit) ??
              applyMutations(here.bytes, [
                { op: 'flip', at: edit.value & 0xffff, bit: edit.field & 7 },
              ]))
            : applyMutations(here.bytes, [
                { op: 'flip', at: edit.value & 0xffff, bit: edit.field & 7 },
              ]),
          plaintext: false,
        };
        break;
      case 'insert':
        stream.splice(at, 0, {
          bytes: injectedBytes(edit.record, [records, ...pools]),
          plaintext: false,
        });
        break;
      case 'version': {
        const bytes = here.bytes.slice();
        if (bytes.length >= 3) {
          bytes[1] = edit.version >> 8;
          bytes[2] = edit.version & 0xff;
        }
        stream[at] = { bytes, plaintext: false };
        break;
      }
      case 'split': {
        const parts = here.plaintext ? splitRecord(here.bytes, edit.cut) : undefined;
        if (parts) stream.splice(at, 1, ...parts.map((bytes) => ({ bytes, plaintext: true })));
        break;
      }
      case 'coalesce': {
        const next = stream[at + 1];
        if (
          next &&
          here.plaintext &&
          next.plaintext &&
          here.bytes[0] === ContentType.handshake &&
          next.bytes[0] === ContentType.handshake
        ) {
          const joined = concatBytes(
            here.bytes.subarray(RECORD_HEADER_LENGTH),
            next.bytes.subarray(RECORD_HEADER_LENGTH),
          );
          if (joined.length <= 2 ** 14)
            stream.splice(at, 2, {
              bytes: record(ContentType.handshake, recordVersion(here.bytes), joined),
              plaintext: true,
            });
        }
        break;
      }
    }
  }
  return stream.map((r) => r.bytes);
}

function recordVersion(bytes: Uint8Array): number {
  return (bytes[1]! << 8) | bytes[2]!;
}

/** A plaintext handshake record cut into two records of the same type (both non-empty). */
function splitRecord(bytes: Uint8Array, cut: number): Uint8Array[] | undefined {
  if (bytes[0] !== ContentType.handshake) return undefined;
  const fragment = bytes.subarray(RECORD_HEADER_LENGTH);
  if (fragment.length < 2) return undefined;
  const at = 1 + (cut % (fragment.length - 1));
  const version = recordVersion(bytes);
  return [
    record(ContentType.handshake, version, fragment.subarray(0, at)),
    record(ContentType.handshake, version, fragment.subarray(at)),
  ];
}

/**
 * Decodes the handshake messages of a plaintext record, changes one field of one of them and
 * re-encodes the record. Undefined when the record is not a decodable handshake record.
 */
export function editField(
  bytes: Uint8Array,
  edit: { message: number; field: number; value: number; bytes: Uint8Array },
): Uint8Array | undefined {
  if (bytes[0] !== ContentType.handshake || bytes.length <= RECORD_HEADER_LENGTH) return undefined;
  const messages: HandshakeMessage[] = [];
  try {
    const r = new Reader(bytes, RECORD_HEADER_LENGTH);
    while (!r.atEnd) messages.push(readHandshake(r));
  } catch {
    return undefined;
  }
  if (messages.length === 0) return undefined;
  const which = edit.message % messages.length;
  messages[which] = changeField(messages[which]!, edit.field, edit.value, edit.bytes);
  let body: Uint8Array;
  try {
    body = concatBytes(...messages.map((m) => encodeHandshake(m).bytes));
  } catch {
    // The change made a value the encoder refuses (an empty list, an over-long host name).
    return undefined;
  }
  if (body.length > 0xffff) return undefined;
  return encodeRecord({
    type: ContentType.handshake,
    version: recordVersion(bytes),
    fragment: body,
  }).bytes;
}

const SUITE_CHOICES = [
  0xc02f, 0xc030, 0xcca8, 0xc02b, 0x009c, 0x002f, 0x00ff, 0x1301, 0x0000, 0xffff,
].map(cipherSuite);
const GROUP_CHOICES = [29, 23, 24, 25, 30, 256, 0, 0xffff].map(namedGroup);
const SCHEME_CHOICES = [0x0401, 0x0501, 0x0804, 0x0403, 0x0201, 0x0805, 0x0503, 0x0807, 0x0000];
const VERSION_CHOICES = [0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x7f1c, 0x0203];

function pick<T>(list: readonly T[], value: number): T {
  return list[value % list.length]!;
}

/** The other chains the demo PKI has, for a Certificate that carries the wrong one. */
let otherChains: Uint8Array[][] | undefined;
function chains(): Uint8Array[][] {
  otherChains ??= [
    DEMO_PKI.leaves.rsa,
    DEMO_PKI.leaves.ecdsa,
    DEMO_PKI.leaves.expired,
    DEMO_PKI.leaves.notYetValid,
    DEMO_PKI.leaves.wrongHost,
    DEMO_PKI.leaves.selfSigned,
    DEMO_PKI.leaves.noDigitalSignature,
    DEMO_PKI.leaves.wildcard,
    DEMO_PKI.rogue.leaf,
  ].map((leaf) => pemToDerList(leaf.chainPem));
  return otherChains;
}

function editExtensions(
  exts: Extension[],
  field: number,
  value: number,
  bytes: Uint8Array,
): Extension[] {
  const out = [...exts];
  const at = out.length > 0 ? value % out.length : 0;
  switch (field % 8) {
    case 0:
      out.splice(at, 1);
      return out;
    case 1:
      // RFC 5246, Section 7.4.1.4: a repeated extension type.
      if (out.length > 0) out.splice(at, 0, out[at]!);
      return out;
    case 2:
      // RFC 5746, Section 3.4: on an initial handshake renegotiated_connection must be empty.
      return [
        ...out.filter((e) => e.kind !== 'renegotiation_info'),
        { kind: 'renegotiation_info', renegotiatedConnection: bytes.subarray(0, 32) },
      ];
    case 3: {
      const type = pick([ExtensionType.server_name, 0x3374, 51, 43, 0x1a1a, value & 0xffff], value);
      if (out.some((e) => extensionTypeOf(e) === type)) return out;
      return [...out, { kind: 'unknown', type, data: bytes.subarray(0, 16) }];
    }
    case 4:
      return out.map((e) =>
        e.kind === 'supported_groups' ? { kind: e.kind, groups: [pick(GROUP_CHOICES, value)] } : e,
      );
    case 5:
      return out.map((e) =>
        e.kind === 'signature_algorithms'
          ? { kind: e.kind, schemes: [pick(SCHEME_CHOICES, value)] }
          : e,
      );
    case 6:
      return out.map((e) =>
        e.kind === 'alpn'
          ? { kind: e.kind, protocols: [pick(['h2', 'http/1.1', 'x', 'spdy/3'], value)] }
          : e,
      );
    default:
      return out.map((e) =>
        e.kind === 'extended_master_secret'
          ? { kind: 'session_ticket' as const, ticket: bytes.subarray(0, 8) }
          : e,
      );
  }
}

/** One field of one message, changed. `field` picks the field; `value` and `bytes` the new value. */
export function changeField(
  msg: HandshakeMessage,
  field: number,
  value: number,
  bytes: Uint8Array,
): HandshakeMessage {
  switch (msg.type) {
    case 'client_hello': {
      const b = { ...msg.body };
      switch (field % 7) {
        case 0:
          b.cipherSuites = [
            pick(SUITE_CHOICES, value),
            ...(value & 1 ? [] : [pick(SUITE_CHOICES, value >> 4)]),
          ];
          break;
        case 1:
          b.version = pick(VERSION_CHOICES, value);
          break;
        case 2:
          b.compressionMethods = [pick([1, 64, 0xff], value)];
          break;
        case 3:
          b.sessionId = bytes.subarray(0, 32);
          break;
        default:
          b.extensions = editExtensions(b.extensions, field >> 2, value, bytes);
      }
      return { type: 'client_hello', body: b };
    }
    case 'server_hello': {
      const b = { ...msg.body };
      switch (field % 6) {
        case 0:
          b.cipherSuite = pick(SUITE_CHOICES, value);
          break;
        case 1:
          b.version = pick(VERSION_CHOICES, value);
          break;
        case 2:
          b.compressionMethod = pick([1, 64, 0xff], value);
          break;
        case 3:
          b.sessionId = bytes.subarray(0, 32);
          break;
        default:
          b.extensions = editExtensions(b.extensions, field >> 2, value, bytes);
      }
      return { type: 'server_hello', body: b };
    }
    case 'certificate': {
      const list = msg.body.certificates;
      switch (field % 5) {
        case 0:
          return { type: 'certificate', body: { certificates: [] } };
        case 1:
          return { type: 'certificate', body: { certificates: list.slice(1) } };
        case 2:
          return { type: 'certificate', body: { certificates: [...list].reverse() } };
        case 3:
          return { type: 'certificate', body: { certificates: pick(chains(), value) } };
        default: {
          // A byte of the leaf's DER changed: the certificate parser and the signature check.
          const leaf = list[0]?.slice() ?? new Uint8Array(1);
          const at = value % leaf.length;
          leaf[at] = leaf[at]! ^ (1 << (field & 7));
          return { type: 'certificate', body: { certificates: [leaf, ...list.slice(1)] } };
        }
      }
    }
    case 'server_key_exchange': {
      const b = { ...msg.body };
      switch (field % 5) {
        case 0:
          b.namedGroup = pick(GROUP_CHOICES, value);
          break;
        case 1:
          b.signatureScheme = pick(SCHEME_CHOICES, value);
          break;
        case 2: {
          const s = b.signature.slice();
          if (s.length > 0) s[value % s.length] ^= 1 << (field & 7);
          b.signature = s;
          break;
        }
        case 3:
          b.publicKey = bytes.length > 0 ? bytes : Uint8Array.of(4);
          break;
        default: {
          const p = b.publicKey.slice();
          p[value % p.length] ^= 1 << (field & 7);
          b.publicKey = p;
        }
      }
      return { type: 'server_key_exchange', body: b };
    }
    case 'client_key_exchange': {
      if (field % 2 === 0)
        return {
          type: 'client_key_exchange',
          body: { publicKey: bytes.length > 0 ? bytes : Uint8Array.of(0) },
        };
      const p = msg.body.publicKey.slice();
      p[value % p.length] ^= 1 << (field & 7);
      return { type: 'client_key_exchange', body: { publicKey: p } };
    }
    case 'new_session_ticket':
      return { type: 'new_session_ticket', body: { lifetimeHint: value >>> 0, ticket: bytes } };
    case 'finished':
      return {
        type: 'finished',
        body: { verifyData: bytes.length > 0 ? bytes : new Uint8Array(12) },
      };
    default:
      // ServerHelloDone and messages we keep raw: send it as another message type instead.
      return {
        type: 'unknown',
        msgType: pick([0, 1, 2, 4, 11, 12, 13, 14, 15, 16, 20, 0xfe], value),
        body: bytes,
      };
  }
}
