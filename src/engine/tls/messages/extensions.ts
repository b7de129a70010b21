/**
 * Hello extensions (RFC 5246, Section 7.4.1.4) and the eight this engine understands. Any other
 * extension is kept raw, so a browser's or OpenSSL's hello decodes and re-encodes byte for byte.
 *
 * Each extension's span is named after its type ("server_name", "key_share", ...) and its value
 * is a short summary, so the inspector reads "server_name: www.example.com".
 */
import {
  DecodeError,
  EncodeError,
  Reader,
  fromUtf8,
  phrase,
  utf8,
  type SpanValue,
  type Writer,
} from '../../bytes';
import {
  ExtensionType,
  extensionName,
  showExtensionType,
  showNamedGroup,
  showPointFormat,
  showSignatureScheme,
  namedGroupName,
  pointFormatName,
  namedGroup,
  type NamedGroup,
} from '../enums';
import {
  readList,
  readOpaque,
  readRaw,
  writeList,
  writeOpaque,
  writeRaw,
  type ListSpec,
} from './codec';
import {
  TLS13_EXTENSION_NAMES,
  isTls13ExtensionType,
  tls13ExtensionType,
  type ExtensionContext,
  type Tls13Extension,
} from '../tls13/messages/extension-kinds';
import { tls13Parts } from '../tls13-parts';

export type { ExtensionContext } from '../tls13/messages/extension-kinds';

export type Extension =
  /** hostName '' is the empty extension a server sends back (RFC 6066, Section 3). */
  | { kind: 'server_name'; hostName: string }
  | { kind: 'supported_groups'; groups: NamedGroup[] }
  | { kind: 'ec_point_formats'; formats: number[] }
  | { kind: 'signature_algorithms'; schemes: number[] }
  | { kind: 'alpn'; protocols: string[] }
  | { kind: 'extended_master_secret' }
  | { kind: 'session_ticket'; ticket: Uint8Array }
  | { kind: 'renegotiation_info'; renegotiatedConnection: Uint8Array }
  | { kind: 'unknown'; type: number; data: Uint8Array }
  /** RFC 8446, Section 4.2: read in tls13/messages/extensions.ts. */
  | Tls13Extension;

export type ExtensionKind = Extension['kind'];

/** The first extension of a kind, typed as that kind. */
export function findExtension<K extends ExtensionKind>(
  exts: readonly Extension[],
  kind: K,
): Extract<Extension, { kind: K }> | undefined {
  return exts.find((e): e is Extract<Extension, { kind: K }> => e.kind === kind);
}

/** The wire type of an extension. */
export function extensionTypeOf(ext: Extension): number {
  switch (ext.kind) {
    case 'server_name':
      return ExtensionType.server_name;
    case 'supported_groups':
      return ExtensionType.supported_groups;
    case 'ec_point_formats':
      return ExtensionType.ec_point_formats;
    case 'signature_algorithms':
      return ExtensionType.signature_algorithms;
    case 'alpn':
      return ExtensionType.application_layer_protocol_negotiation;
    case 'extended_master_secret':
      return ExtensionType.extended_master_secret;
    case 'session_ticket':
      return ExtensionType.session_ticket;
    case 'renegotiation_info':
      return ExtensionType.renegotiation_info;
    case 'unknown':
      return ext.type;
    default:
      return tls13ExtensionType(ext);
  }
}

const knownKinds: Record<number, ExtensionKind> = {
  [ExtensionType.server_name]: 'server_name',
  [ExtensionType.supported_groups]: 'supported_groups',
  [ExtensionType.ec_point_formats]: 'ec_point_formats',
  [ExtensionType.signature_algorithms]: 'signature_algorithms',
  [ExtensionType.application_layer_protocol_negotiation]: 'alpn',
  [ExtensionType.extended_master_secret]: 'extended_master_secret',
  [ExtensionType.session_ticket]: 'session_ticket',
  [ExtensionType.renegotiation_info]: 'renegotiation_info',
};

// RFC 6066, Section 3: NameType host_name(0).
const HOST_NAME = 0;

// RFC 8422, Section 5.1.1: NamedCurve named_curve_list<2..2^16-1> (NamedGroup since RFC 7919).
const namedGroupList: ListSpec = {
  name: 'named_group_list',
  item: 'named_group',
  prefix: 2,
  width: 2,
  min: 2,
  max: 0xffff,
  explain: 'tls.ext.supported_groups.named_group_list',
  fmt: { show: showNamedGroup },
};

// RFC 8422, Section 5.1.2: ECPointFormat ec_point_format_list<1..2^8-1>.
const pointFormatList: ListSpec = {
  name: 'ec_point_format_list',
  item: 'ec_point_format',
  prefix: 1,
  width: 1,
  min: 1,
  max: 0xff,
  explain: 'tls.ext.ec_point_formats.ec_point_format_list',
  fmt: { show: showPointFormat },
};

// RFC 5246, Section 7.4.1.4.1: SignatureAndHashAlgorithm supported_signature_algorithms<2..2^16-2>.
export const signatureAlgorithmList: ListSpec = {
  name: 'supported_signature_algorithms',
  item: 'signature_algorithm',
  prefix: 2,
  width: 2,
  min: 2,
  max: 0xfffe,
  explain: 'tls.ext.signature_algorithms.supported_signature_algorithms',
  fmt: { show: showSignatureScheme },
};

const EMPTY = phrase('bytes.empty');

/** "(empty)", or how many bytes. */
function sizeOf(data: Uint8Array): SpanValue {
  return data.length === 0 ? EMPTY : phrase('bytes.count', { n: data.length });
}

/** A one-line summary of an extension for its span's value. */
function summary(ext: Extension): SpanValue {
  switch (ext.kind) {
    case 'server_name':
      return ext.hostName === '' ? EMPTY : ext.hostName;
    case 'supported_groups':
      return ext.groups.map(namedGroupName).join(', ');
    case 'ec_point_formats':
      return ext.formats.map(pointFormatName).join(', ');
    case 'signature_algorithms':
      return phrase('tls.ext.algorithms', { n: ext.schemes.length });
    case 'alpn':
      return ext.protocols.join(', ');
    case 'extended_master_secret':
      return EMPTY;
    case 'session_ticket':
      return ext.ticket.length === 0 ? EMPTY : phrase('tls.ext.ticket', { n: ext.ticket.length });
    case 'renegotiation_info':
      return sizeOf(ext.renegotiatedConnection);
    case 'unknown':
      return sizeOf(ext.data);
    default:
      return tls13Parts().tls13Summary(ext);
  }
}

/** Keyed by wire type, so encoder and decoder agree even on an extension kept raw. */
function explainForType(type: number): string {
  const tls13 = TLS13_EXTENSION_NAMES[type];
  if (tls13 !== undefined) return `tls.ext.${tls13}`;
  const kind = knownKinds[type];
  return kind === undefined ? 'tls.ext.unknown' : `tls.ext.${kind}`;
}

// ---------------------------------------------------------------------------------------------
// Encoding

/** RFC 5246, Section 7.4.1.4: struct { ExtensionType extension_type; opaque extension_data<0..2^16-1>; }. */
export function writeExtension(w: Writer, ext: Extension): void {
  const type = extensionTypeOf(ext);
  w.group(
    extensionName(type),
    (g) => {
      g.u16(type, 'extension_type', { show: showExtensionType, explain: 'tls.ext.extension_type' });
      g.vector(2, 'extension_data', (d) => writeExtensionData(d, ext), {
        explain: 'tls.ext.extension_data',
      });
    },
    {
      value: summary(ext),
      explain: ext.kind === 'unknown' ? rawExplain(type) : explainForType(type),
    },
  );
}

function writeExtensionData(w: Writer, ext: Extension): void {
  switch (ext.kind) {
    case 'server_name':
      // RFC 6066, Section 3: the server's extension_data is empty.
      if (ext.hostName === '') return;
      checkHostName(ext.hostName);
      w.vector(
        2,
        'server_name_list',
        (list) =>
          list.group(
            'server_name',
            (entry) => {
              entry.u8(HOST_NAME, 'name_type', { show: showNameType });
              entry.vector(2, 'host_name', (h) =>
                h.bytes(utf8(ext.hostName), 'name', { show: fromUtf8 }),
              );
            },
            { value: ext.hostName },
          ),
        { explain: 'tls.ext.server_name.server_name_list' },
      );
      return;
    case 'supported_groups':
      return writeList(w, namedGroupList, ext.groups);
    case 'ec_point_formats':
      return writeList(w, pointFormatList, ext.formats);
    case 'signature_algorithms':
      return writeList(w, signatureAlgorithmList, ext.schemes);
    case 'alpn':
      // RFC 7301, Section 3.1: ProtocolName protocol_name_list<2..2^16-1>; ProtocolName opaque<1..2^8-1>.
      w.vector(
        2,
        'protocol_name_list',
        (list) => {
          for (const p of ext.protocols) {
            const bytes = utf8(p);
            if (bytes.length === 0) throw new EncodeError('alpn protocol name is empty');
            list.vector(1, 'protocol_name', (n) => n.bytes(bytes, 'name', { show: fromUtf8 }));
          }
        },
        { explain: 'tls.ext.alpn.protocol_name_list' },
      );
      return;
    case 'extended_master_secret':
      // RFC 7627, Section 5.1: the extension_data field of this extension is empty.
      return;
    case 'session_ticket':
      // RFC 5077, Section 3.2: the extension_data is the ticket itself (empty to ask for one).
      return writeRaw(w, 'ticket', ext.ticket, 'tls.ext.session_ticket.ticket');
    case 'renegotiation_info':
      // RFC 5746, Section 3.2: opaque renegotiated_connection<0..255>.
      return writeOpaque(
        w,
        1,
        'renegotiated_connection',
        ext.renegotiatedConnection,
        'tls.ext.renegotiation_info.renegotiated_connection',
      );
    case 'unknown':
      return writeRaw(w, 'opaque', ext.data);
    default:
      return tls13Parts().writeTls13ExtensionData(w, ext);
  }
}

/** The extensions block of a hello: Extension extensions<0..2^16-1> (RFC 5246, Section 7.4.1.2). */
export function writeExtensions(w: Writer, exts: readonly Extension[], explain: string): void {
  w.vector(
    2,
    'extensions',
    (v) => {
      for (const ext of exts) writeExtension(v, ext);
    },
    { explain },
  );
}

// ---------------------------------------------------------------------------------------------
// Decoding

/**
 * One extension. `context` is the message it sits in, which decides how the TLS 1.3 extensions
 * read (RFC 8446, Section 4.2); without one they are kept raw, as before TLS 1.3 was spoken.
 */
export function readExtension(r: Reader, context?: ExtensionContext): Extension {
  const start = r.offset;
  const type = peekU16(r);
  const tls13 = context !== undefined && readsAsTls13(r, type, context, start);
  return r.group(
    extensionName(type),
    (g) => {
      g.u16('extension_type', { show: showExtensionType, explain: 'tls.ext.extension_type' });
      return g.vector(
        2,
        'extension_data',
        (d) =>
          tls13
            ? tls13Parts().readTls13ExtensionData(d, type, context, start)
            : readExtensionData(d, type, start),
        {
          explain: 'tls.ext.extension_data',
        },
      );
    },
    { show: summary, explain: tls13 ? explainForType(type) : rawExplain(type) },
  );
}

/**
 * Whether a TLS 1.3 extension reads as its typed form in `context`. One that is malformed, or
 * sits in a message that never carries it, is kept raw instead, as an ALPN list that is not UTF-8
 * is: the hello still decodes (a TLS 1.2 peer never reads these), and a TLS 1.3 state machine
 * finds the raw extension where it needs a typed one and refuses it with the right alert.
 */
function readsAsTls13(r: Reader, type: number, context: ExtensionContext, start: number): boolean {
  if (!isTls13ExtensionType(type) || r.remaining < 4) return false;
  const length = r.byteAt(start + 2) * 256 + r.byteAt(start + 3);
  if (start + 4 + length > r.end) return false;
  const { readTls13ExtensionData } = tls13Parts();
  const probe = new Reader(r.buf, start + 4, start + 4 + length);
  try {
    readTls13ExtensionData(probe, type, context, start);
    probe.expectEnd(extensionName(type));
    return true;
  } catch (e) {
    if (e instanceof DecodeError) return false;
    throw e;
  }
}

/** A TLS 1.3 extension read without a context stays raw, and is explained as an unknown one. */
function rawExplain(type: number): string {
  return isTls13ExtensionType(type) ? 'tls.ext.unknown' : explainForType(type);
}

function readExtensionData(r: Reader, type: number, start: number): Extension {
  switch (type) {
    case ExtensionType.server_name: {
      if (r.atEnd) return { kind: 'server_name', hostName: '' };
      const dataStart = r.offset;
      const hostName = readServerNameList(r);
      // A list with a NameType other than host_name cannot be held as one host name; keep it raw.
      if (hostName === undefined)
        return { kind: 'unknown', type, data: r.buf.slice(dataStart, r.offset) };
      return { kind: 'server_name', hostName };
    }
    case ExtensionType.supported_groups:
      return {
        kind: 'supported_groups',
        groups: readList(r, namedGroupList).map(namedGroup),
      };
    case ExtensionType.ec_point_formats:
      return { kind: 'ec_point_formats', formats: readList(r, pointFormatList) };
    case ExtensionType.signature_algorithms:
      return { kind: 'signature_algorithms', schemes: readList(r, signatureAlgorithmList) };
    case ExtensionType.application_layer_protocol_negotiation: {
      const dataStart = r.offset;
      const protocols = readProtocolNameList(r);
      // RFC 7301, Section 3.1: names are opaque. One that is not UTF-8 cannot be held as a
      // string, so the extension is kept raw (and re-encodes byte for byte).
      if (protocols === undefined)
        return { kind: 'unknown', type, data: r.buf.slice(dataStart, r.offset) };
      return { kind: 'alpn', protocols };
    }
    case ExtensionType.extended_master_secret:
      if (!r.atEnd) {
        throw new DecodeError('decode.tls.ems_not_empty', { length: r.remaining }, start);
      }
      return { kind: 'extended_master_secret' };
    case ExtensionType.session_ticket:
      return {
        kind: 'session_ticket',
        ticket: readRaw(r, 'ticket', 'tls.ext.session_ticket.ticket'),
      };
    case ExtensionType.renegotiation_info:
      return {
        kind: 'renegotiation_info',
        renegotiatedConnection: readOpaque(
          r,
          1,
          'renegotiated_connection',
          {},
          'tls.ext.renegotiation_info.renegotiated_connection',
        ),
      };
    default:
      return { kind: 'unknown', type, data: readRaw(r, 'opaque') };
  }
}

/**
 * RFC 6066, Section 3: ServerName server_name_list<1..2^16-1>, each { NameType name_type;
 * HostName host_name<1..2^16-1> } with host_name the only NameType defined; data of any future
 * NameType begins with a 16-bit length, so it can be stepped over. A list may not carry two names
 * of the same type; a host name is ASCII without a trailing dot. Returns undefined when the list
 * holds another NameType.
 */
function readServerNameList(r: Reader): string | undefined {
  return r.vector(
    2,
    'server_name_list',
    (list) => {
      let host: string | undefined;
      let otherTypes = false;
      while (!list.atEnd) {
        const at = list.offset;
        const nameType = list.byteAt(at);
        if (nameType !== HOST_NAME) {
          otherTypes = true;
          list.group('server_name', (entry) => {
            entry.u8('name_type', { show: showNameType });
            readOpaque(entry, 2, 'name');
          });
          continue;
        }
        const name = list.group(
          'server_name',
          (entry) => {
            entry.u8('name_type', { show: showNameType });
            return entry.vector(2, 'host_name', (h) => h.rest('name', { show: fromUtf8 }), {
              min: 1,
            });
          },
          { show: fromUtf8 },
        );
        // RFC 6066, Section 3: "MUST NOT contain more than one name of the same name_type";
        // well formed but forbidden, so illegal_parameter (as OpenSSL and tlsfuzzer expect).
        if (host !== undefined)
          throw new DecodeError('decode.tls.sni_two_names', {}, at, 'illegal_value');
        checkHostNameBytes(name, at);
        host = fromUtf8(name);
      }
      return otherTypes ? undefined : host;
    },
    { min: 1, explain: 'tls.ext.server_name.server_name_list' },
  );
}

/**
 * RFC 7301, Section 3.1. Names are opaque; we hold them as strings, so a list with a name that is
 * not UTF-8 returns undefined.
 */
function readProtocolNameList(r: Reader): string[] | undefined {
  return r.vector(
    2,
    'protocol_name_list',
    (list) => {
      const out: string[] = [];
      let opaque = false;
      while (!list.atEnd) {
        const bytes = list.vector(1, 'protocol_name', (n) => n.rest('name', { show: fromUtf8 }), {
          min: 1,
        });
        const name = strictUtf8(bytes);
        if (name === undefined) opaque = true;
        else out.push(name);
      }
      return opaque ? undefined : out;
    },
    { min: 2, explain: 'tls.ext.alpn.protocol_name_list' },
  );
}

/**
 * The extensions block of a hello. "There MUST NOT be more than one extension of the same type"
 * (RFC 5246, Section 7.4.1.4), so a repeat is a decode error that names the extension.
 */
export function readExtensions(
  r: Reader,
  explain: string,
  context?: ExtensionContext,
): Extension[] {
  return r.vector(
    2,
    'extensions',
    (v) => {
      const seen = new Set<number>();
      const out: Extension[] = [];
      while (!v.atEnd) {
        const at = v.offset;
        const type = peekU16(v);
        if (seen.has(type)) {
          throw new DecodeError(
            'decode.tls.duplicate_extension',
            { extension: extensionName(type) },
            at,
          );
        }
        seen.add(type);
        out.push(readExtension(v, context));
      }
      // RFC 8446, Section 4.2.11: pre_shared_key "MUST be the last extension in the
      // ClientHello"; servers abort with illegal_parameter otherwise.
      const psk = out.findIndex((e) => e.kind === 'pre_shared_key');
      if (psk >= 0 && psk !== out.length - 1)
        throw new DecodeError('decode.tls.psk_not_last', {}, v.offset, 'illegal_value');
      return out;
    },
    { explain },
  );
}

// ---------------------------------------------------------------------------------------------

function showNameType(n: number): string {
  return n === HOST_NAME ? 'host_name (0)' : `unknown (${n})`;
}

function peekU16(r: Reader): number {
  if (r.remaining < 2) {
    throw new DecodeError(
      'decode.truncated',
      { what: 'extension_type', n: 2, left: r.remaining },
      r.offset,
    );
  }
  return r.byteAt(r.offset) * 256 + r.byteAt(r.offset + 1);
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const HOST_NAME_PROBLEMS = {
  'decode.tls.sni_not_printable': 'is not printable ASCII',
  'decode.tls.sni_trailing_dot': 'ends with a dot',
} as const;

function hostNameProblem(bytes: Uint8Array): keyof typeof HOST_NAME_PROBLEMS | undefined {
  for (const b of bytes) {
    if (b < 0x21 || b > 0x7e) return 'decode.tls.sni_not_printable';
  }
  if (bytes[bytes.length - 1] === 0x2e) return 'decode.tls.sni_trailing_dot';
  return undefined;
}

function checkHostNameBytes(bytes: Uint8Array, at: number): void {
  const problem = hostNameProblem(bytes);
  if (problem) throw new DecodeError(problem, {}, at, 'illegal_value');
}

function checkHostName(host: string): void {
  const problem = hostNameProblem(utf8(host));
  if (problem)
    throw new EncodeError(
      `server_name host_name ${JSON.stringify(host)} ${HOST_NAME_PROBLEMS[problem]}`,
    );
}
