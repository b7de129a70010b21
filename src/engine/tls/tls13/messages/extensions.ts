/**
 * The TLS 1.3 extensions (RFC 8446, Section 4.2), encoded and decoded field by field.
 *
 * Several of them read differently by the message that carries them (RFC 8446, Section 4.2):
 * supported_versions is a list in a ClientHello and one version in a ServerHello; key_share is a
 * list of entries, one entry, or (in a HelloRetryRequest) a bare group. Each form is its own
 * `kind`, so a value says what it is without its context, while the wire type is shared. The
 * hello codecs (messages/extensions.ts) hand these types here with the message they sit in.
 *
 * Span names follow the RFC's field names, as the `tls decode` reader (decode-extensions.ts) does.
 */
import {
  DecodeError,
  EncodeError,
  Reader,
  phrase,
  type SpanValue,
  type Writer,
} from '../../../bytes';
import {
  ExtensionType,
  namedGroup,
  namedGroupName,
  showNamedGroup,
  showVersion,
  versionName,
} from '../../enums';
import { readList, readOpaque, writeList, writeOpaque, type ListSpec } from '../../messages/codec';
import {
  TLS13_EXTENSION_NAMES,
  isTls13ExtensionType,
  type ExtensionContext,
  type KeyShareEntry,
  type PskIdentity,
  type Tls13Extension,
} from './extension-kinds';

export * from './extension-kinds';

const PSK_MODE_NAMES: Record<number, string> = { 0: 'psk_ke', 1: 'psk_dhe_ke' };
export function pskModeName(mode: number): string {
  return PSK_MODE_NAMES[mode] ?? `unknown (${mode})`;
}
const showPskMode = (m: number): string => `${pskModeName(m)} (${m})`;

// RFC 8446, Section 4.2.1: ProtocolVersion versions<2..254>.
const versionList: ListSpec = {
  name: 'versions',
  item: 'version',
  prefix: 1,
  width: 2,
  min: 2,
  max: 254,
  explain: 'tls.ext.supported_versions.versions',
  fmt: { show: showVersion },
};

// RFC 8446, Section 4.2.9: PskKeyExchangeMode ke_modes<1..255>.
const modeList: ListSpec = {
  name: 'ke_modes',
  item: 'ke_mode',
  prefix: 1,
  width: 1,
  min: 1,
  max: 255,
  explain: 'tls.ext.psk_key_exchange_modes.ke_modes',
  fmt: { show: showPskMode },
};

/** RFC 8446, Section 4.2.11: opaque PskBinderEntry<32..255>. */
const MIN_BINDER = 32;
const MAX_BINDER = 255;

/** A one-line summary for the extension's span. */
export function tls13Summary(ext: Tls13Extension): SpanValue {
  switch (ext.kind) {
    case 'supported_versions':
      return ext.versions.map(versionName).join(', ');
    case 'selected_version':
      return versionName(ext.version);
    case 'key_share':
      return ext.shares.map((s) => namedGroupName(s.group)).join(', ') || phrase('bytes.empty');
    case 'key_share_server':
      return namedGroupName(ext.share.group);
    case 'key_share_retry':
      return `selected_group ${namedGroupName(ext.selectedGroup)}`;
    case 'psk_key_exchange_modes':
      return ext.modes.map(pskModeName).join(', ');
    case 'pre_shared_key':
      return phrase('tls.ext.identities', { n: ext.identities.length });
    case 'pre_shared_key_server':
      return `selected_identity ${ext.selectedIdentity}`;
    case 'cookie':
      return phrase('tls.ext.cookie', { n: ext.cookie.length });
    case 'early_data':
      return ext.maxEarlyDataSize === undefined
        ? phrase('bytes.empty')
        : `max_early_data_size ${ext.maxEarlyDataSize}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Encoding

function writeKeyShareEntry(w: Writer, entry: KeyShareEntry): void {
  if (entry.keyExchange.length === 0) throw new EncodeError('key_share key_exchange is empty');
  w.group(
    'key_share_entry',
    (e) => {
      e.u16(entry.group, 'group', { show: showNamedGroup, explain: 'tls.ext.key_share.group' });
      writeOpaque(e, 2, 'key_exchange', entry.keyExchange, 'tls.ext.key_share.key_exchange');
    },
    { value: namedGroupName(entry.group) },
  );
}

/** The extension_data of a TLS 1.3 extension. */
export function writeTls13ExtensionData(w: Writer, ext: Tls13Extension): void {
  switch (ext.kind) {
    case 'supported_versions':
      return writeList(w, versionList, ext.versions);
    case 'selected_version':
      w.u16(ext.version, 'selected_version', {
        show: showVersion,
        explain: 'tls.ext.supported_versions.selected_version',
      });
      return;
    case 'key_share':
      w.vector(
        2,
        'client_shares',
        (v) => {
          for (const s of ext.shares) writeKeyShareEntry(v, s);
        },
        { explain: 'tls.ext.key_share.client_shares' },
      );
      return;
    case 'key_share_server':
      return writeKeyShareEntry(w, ext.share);
    case 'key_share_retry':
      w.u16(ext.selectedGroup, 'selected_group', {
        show: showNamedGroup,
        explain: 'tls.ext.key_share.selected_group',
      });
      return;
    case 'psk_key_exchange_modes':
      return writeList(w, modeList, ext.modes);
    case 'pre_shared_key':
      return writeOfferedPsks(w, ext.identities, ext.binders);
    case 'pre_shared_key_server':
      w.u16(ext.selectedIdentity, 'selected_identity', {
        explain: 'tls.ext.pre_shared_key.selected_identity',
      });
      return;
    case 'cookie':
      if (ext.cookie.length === 0) throw new EncodeError('cookie is empty');
      return writeOpaque(w, 2, 'cookie', ext.cookie, 'tls.ext.cookie.cookie');
    case 'early_data':
      if (ext.maxEarlyDataSize !== undefined)
        w.u32(ext.maxEarlyDataSize, 'max_early_data_size', {
          explain: 'tls.ext.early_data.max_early_data_size',
        });
      return;
  }
}

function writeOfferedPsks(
  w: Writer,
  identities: readonly PskIdentity[],
  binders: readonly Uint8Array[],
): void {
  if (identities.length === 0 || identities.length !== binders.length)
    throw new EncodeError(
      `pre_shared_key has ${identities.length} identities and ${binders.length} binders`,
    );
  w.vector(
    2,
    'identities',
    (v) => {
      for (const id of identities) {
        if (id.identity.length === 0) throw new EncodeError('pre_shared_key identity is empty');
        v.group('identity', (i) => {
          writeOpaque(i, 2, 'identity', id.identity, 'tls.ext.pre_shared_key.identity');
          i.u32(id.obfuscatedTicketAge, 'obfuscated_ticket_age', {
            explain: 'tls.ext.pre_shared_key.obfuscated_ticket_age',
          });
        });
      }
    },
    { explain: 'tls.ext.pre_shared_key.identities' },
  );
  w.vector(
    2,
    'binders',
    (v) => {
      for (const b of binders) {
        if (b.length < MIN_BINDER || b.length > MAX_BINDER)
          throw new EncodeError(`a PSK binder is ${b.length} bytes; 32 to 255`);
        writeOpaque(v, 1, 'binder', b, 'tls.ext.pre_shared_key.binder');
      }
    },
    { explain: 'tls.ext.pre_shared_key.binders' },
  );
}

// ---------------------------------------------------------------------------------------------
// Decoding

function readKeyShareEntry(r: Reader): KeyShareEntry {
  return r.group(
    'key_share_entry',
    (e) => {
      const group = namedGroup(
        e.u16('group', { show: showNamedGroup, explain: 'tls.ext.key_share.group' }),
      );
      const keyExchange = readOpaque(
        e,
        2,
        'key_exchange',
        { min: 1 },
        'tls.ext.key_share.key_exchange',
      );
      return { group, keyExchange };
    },
    { show: (entry) => namedGroupName(entry.group) },
  );
}

/**
 * The extension_data of a TLS 1.3 extension of wire type `type`, as the message `context` holds
 * it. An extension in a message that never carries it (RFC 8446, Section 4.2: "If an
 * implementation receives an extension which it recognizes and which is not specified for the
 * message in which it appears, it MUST abort the handshake with an illegal_parameter alert") is
 * an illegal value; its bytes are not read.
 */
export function readTls13ExtensionData(
  r: Reader,
  type: number,
  context: ExtensionContext,
  start: number,
): Tls13Extension {
  const misplaced = (): never => {
    throw new DecodeError(
      'decode.tls.extension_not_allowed',
      { extension: TLS13_EXTENSION_NAMES[type] ?? type, message: context },
      start,
      'illegal_value',
    );
  };
  switch (type) {
    case ExtensionType.supported_versions:
      if (context === 'client_hello')
        return { kind: 'supported_versions', versions: readList(r, versionList) };
      if (context === 'server_hello' || context === 'hello_retry_request')
        return {
          kind: 'selected_version',
          version: r.u16('selected_version', {
            show: showVersion,
            explain: 'tls.ext.supported_versions.selected_version',
          }),
        };
      return misplaced();
    case ExtensionType.key_share:
      if (context === 'client_hello') {
        const shares = r.vector(
          2,
          'client_shares',
          (v) => {
            const out: KeyShareEntry[] = [];
            while (!v.atEnd) out.push(readKeyShareEntry(v));
            return out;
          },
          { explain: 'tls.ext.key_share.client_shares' },
        );
        return { kind: 'key_share', shares };
      }
      if (context === 'server_hello')
        return { kind: 'key_share_server', share: readKeyShareEntry(r) };
      if (context === 'hello_retry_request')
        return {
          kind: 'key_share_retry',
          selectedGroup: namedGroup(
            r.u16('selected_group', {
              show: showNamedGroup,
              explain: 'tls.ext.key_share.selected_group',
            }),
          ),
        };
      return misplaced();
    case ExtensionType.psk_key_exchange_modes:
      if (context !== 'client_hello') return misplaced();
      return { kind: 'psk_key_exchange_modes', modes: readList(r, modeList) };
    case ExtensionType.pre_shared_key:
      if (context === 'client_hello') return readOfferedPsks(r);
      if (context === 'server_hello')
        return {
          kind: 'pre_shared_key_server',
          selectedIdentity: r.u16('selected_identity', {
            explain: 'tls.ext.pre_shared_key.selected_identity',
          }),
        };
      return misplaced();
    case ExtensionType.cookie:
      if (context !== 'client_hello' && context !== 'hello_retry_request') return misplaced();
      return {
        kind: 'cookie',
        cookie: readOpaque(r, 2, 'cookie', { min: 1 }, 'tls.ext.cookie.cookie'),
      };
    case ExtensionType.early_data:
      if (context === 'new_session_ticket')
        return {
          kind: 'early_data',
          maxEarlyDataSize: r.u32('max_early_data_size', {
            explain: 'tls.ext.early_data.max_early_data_size',
          }),
        };
      if (context === 'client_hello' || context === 'encrypted_extensions') {
        // RFC 8446, Section 4.2.10: "the "extension_data" field of this extension is empty" here;
        // anything in it is left for the caller's expectEnd to reject.
        return { kind: 'early_data' };
      }
      return misplaced();
    default:
      throw new Error(`extension type ${type} is not a TLS 1.3 one`);
  }
}

function readOfferedPsks(r: Reader): Tls13Extension {
  const identities = r.vector(
    2,
    'identities',
    (v) => {
      const out: PskIdentity[] = [];
      while (!v.atEnd)
        out.push(
          v.group('identity', (i) => ({
            identity: readOpaque(i, 2, 'identity', { min: 1 }, 'tls.ext.pre_shared_key.identity'),
            obfuscatedTicketAge: i.u32('obfuscated_ticket_age', {
              explain: 'tls.ext.pre_shared_key.obfuscated_ticket_age',
            }),
          })),
        );
      return out;
    },
    { min: 7, explain: 'tls.ext.pre_shared_key.identities' },
  );
  const bindersAt = r.offset;
  const binders = r.vector(
    2,
    'binders',
    (v) => {
      const out: Uint8Array[] = [];
      while (!v.atEnd)
        out.push(
          readOpaque(
            v,
            1,
            'binder',
            { min: MIN_BINDER, max: MAX_BINDER },
            'tls.ext.pre_shared_key.binder',
          ),
        );
      return out;
    },
    { min: 33, explain: 'tls.ext.pre_shared_key.binders' },
  );
  // RFC 8446, Section 4.2.11: one binder for each identity, in the same order.
  if (binders.length !== identities.length)
    throw new DecodeError(
      'decode.tls.psk_binder_count',
      { identities: identities.length, binders: binders.length },
      bindersAt,
      'illegal_value',
    );
  return { kind: 'pre_shared_key', identities, binders };
}

// ---------------------------------------------------------------------------------------------
// PSK binders, RFC 8446, Section 4.2.11.2

/**
 * How many bytes the binders list takes at the very end of a ClientHello: its 2-byte length,
 * then each binder with its 1-byte length. pre_shared_key is the last extension and binders its
 * last field, so the list is the ClientHello's tail.
 */
export function bindersListLength(binders: readonly Uint8Array[]): number {
  return 2 + binders.reduce((n, b) => n + 1 + b.length, 0);
}

/**
 * RFC 8446, Section 4.2.11.2: the binder is an HMAC over the transcript hash of "a partial
 * ClientHello up to and including the PreSharedKeyExtension.identities field", that is the
 * encoded ClientHello (handshake header included, its length counting the binders) without the
 * binders list. `rawClientHello` is the whole message; the binders in it only count by length,
 * so a client can pass its ClientHello with placeholder binders of the final lengths.
 */
export function truncatedClientHello(
  rawClientHello: Uint8Array,
  binders: readonly Uint8Array[],
): Uint8Array {
  const cut = rawClientHello.length - bindersListLength(binders);
  if (cut < 4) throw new EncodeError('the binders are longer than the ClientHello');
  return rawClientHello.slice(0, cut);
}

/**
 * A hello keeps a TLS 1.3 extension raw when it does not decode (readsAsTls13 in
 * ../../messages/extensions.ts), so that a TLS 1.2 reader can pass over it. Once a TLS 1.3
 * machine reads the hello, each such extension is decoded again here and the first one's
 * DecodeError thrown: a malformed key_share is decode_error, and an extension this message never
 * carries illegal_parameter (RFC 8446, Section 4.2), not the missing_extension it would look like
 * (tlsfuzzer: test-tls13-keyshare-omitted).
 */
export function refuseMalformedTls13Extensions(
  extensions: readonly { kind: string }[],
  context: ExtensionContext,
): void {
  for (const ext of extensions) {
    if (!isKeptRaw(ext) || !isTls13ExtensionType(ext.type)) continue;
    const r = new Reader(ext.data);
    readTls13ExtensionData(r, ext.type, context, 0);
    r.expectEnd(TLS13_EXTENSION_NAMES[ext.type]!);
  }
}

function isKeptRaw(ext: {
  kind: string;
}): ext is { kind: 'unknown'; type: number; data: Uint8Array } {
  return ext.kind === 'unknown';
}
