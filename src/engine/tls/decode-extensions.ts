/**
 * The hello extensions that the engine keeps raw (it speaks TLS 1.2 only), read field by field for
 * the decoder: the TLS 1.3 ones of RFC 8446, Section 4.2, and those that browsers and OpenSSL send.
 *
 * The engine's codec records such an extension as `extension_data` holding one opaque run. This
 * module walks a decoded span tree and replaces that run by the extension's fields, read from the
 * same bytes, so the tree still tiles the input. A malformed one keeps its raw bytes, and its
 * value names the fault and its offset. Several extensions read differently in a
 * ClientHello, a ServerHello and a HelloRetryRequest (RFC 8446, Section 4.2), so the message that
 * holds the extension is passed along.
 */
import { RecordsDecodeError } from './decode-error';
import { DecodeError, Reader, phrase, type Span, type SpanValue } from '../bytes';
import {
  extensionName,
  namedGroupName,
  showNamedGroup,
  showSignatureScheme,
  showVersion,
  versionName,
} from './enums';
import { readOpaque } from './messages/codec';
import { isHelloRetryRandom } from './messages/hello-retry-random';

export type HelloKind = 'client_hello' | 'server_hello' | 'hello_retry_request';

type ExtensionReader = (r: Reader, hello: HelloKind) => SpanValue;

/** An opaque name as Wireshark prints it: printable ASCII as is, any other byte as \xNN. */
export function escapedName(b: Uint8Array): string {
  return Array.from(b, (x) =>
    x >= 0x20 && x < 0x7f && x !== 0x5c
      ? String.fromCharCode(x)
      : `\\x${x.toString(16).padStart(2, '0')}`,
  ).join('');
}

/** RFC 8446, Section 4.2.1. */
const supportedVersions: ExtensionReader = (r, hello) => {
  if (hello !== 'client_hello') {
    return versionName(r.u16('selected_version', { show: showVersion }));
  }
  const versions = r.vector(
    1,
    'versions',
    (v) => {
      const out: number[] = [];
      while (!v.atEnd) out.push(v.u16('version', { show: showVersion }));
      return out;
    },
    { min: 2, max: 254 },
  );
  return versions.map(versionName).join(', ');
};

/** RFC 8446, Section 4.2.8: KeyShareEntry { NamedGroup group; opaque key_exchange<1..2^16-1>; }. */
function keyShareEntry(r: Reader): number {
  const at = r.offset;
  const group = r.byteAt(at) * 256 + r.byteAt(at + 1);
  return r.group(
    'key_share_entry',
    (e) => {
      const g = e.u16('group', { show: showNamedGroup });
      // Hybrid groups carry both parts in one key_exchange (draft-ietf-tls-ecdhe-mlkem, Section 3).
      readOpaque(e, 2, 'key_exchange', { min: 1 });
      return g;
    },
    { show: () => `${namedGroupName(group)}` },
  );
}

const keyShare: ExtensionReader = (r, hello) => {
  if (hello === 'hello_retry_request') {
    return namedGroupName(r.u16('selected_group', { show: showNamedGroup }));
  }
  if (hello === 'server_hello') return namedGroupName(keyShareEntry(r));
  const groups = r.vector(2, 'client_shares', (v) => {
    const out: number[] = [];
    while (!v.atEnd) out.push(keyShareEntry(v));
    return out;
  });
  return groups.map(namedGroupName).join(', ') || phrase('bytes.empty');
};

const PSK_MODES: Record<number, string> = { 0: 'psk_ke', 1: 'psk_dhe_ke' };
const pskModeName = (m: number) => PSK_MODES[m] ?? `unknown (${m})`;

/** RFC 8446, Section 4.2.9: PskKeyExchangeMode ke_modes<1..255>. */
const pskKeyExchangeModes: ExtensionReader = (r) =>
  r
    .vector(
      1,
      'ke_modes',
      (v) => {
        const out: number[] = [];
        while (!v.atEnd) out.push(v.u8('ke_mode', { show: (m) => `${pskModeName(m)} (${m})` }));
        return out;
      },
      { min: 1 },
    )
    .map(pskModeName)
    .join(', ');

/** RFC 8446, Section 4.2.11. */
const preSharedKey: ExtensionReader = (r, hello) => {
  if (hello !== 'client_hello') return `selected_identity ${r.u16('selected_identity')}`;
  const identities = r.vector(
    2,
    'identities',
    (v) => {
      let n = 0;
      while (!v.atEnd) {
        v.group('identity', (i) => {
          readOpaque(i, 2, 'identity', { min: 1 });
          i.u32('obfuscated_ticket_age');
        });
        n++;
      }
      return n;
    },
    { min: 7 },
  );
  r.vector(
    2,
    'binders',
    (v) => {
      while (!v.atEnd) readOpaque(v, 1, 'binder', { min: 32 });
    },
    { min: 33 },
  );
  return phrase('tls.ext.identities', { n: identities });
};

/** RFC 8446, Section 4.2.10: empty in a ClientHello (and EncryptedExtensions). */
const earlyData: ExtensionReader = (r) => {
  if (r.atEnd) return phrase('bytes.empty');
  return `max_early_data_size ${r.u32('max_early_data_size')}`;
};

/** RFC 8446, Section 4.2.2: opaque cookie<1..2^16-1>. */
const cookie: ExtensionReader = (r) =>
  phrase('tls.ext.cookie', { n: readOpaque(r, 2, 'cookie', { min: 1 }).length });

const HPKE_KDF: Record<number, string> = { 1: 'HKDF-SHA256', 2: 'HKDF-SHA384', 3: 'HKDF-SHA512' };
const HPKE_AEAD: Record<number, string> = {
  1: 'AES-128-GCM',
  2: 'AES-256-GCM',
  3: 'ChaCha20Poly1305',
  0xffff: 'Export-only',
};
const named = (table: Record<number, string>, n: number) =>
  `${table[n] ?? 'unknown'} (0x${n.toString(16).padStart(4, '0')})`;

/**
 * draft-ietf-tls-esni-22, Section 5: ECHClientHello. The outer form names the HPKE suite and the
 * config and carries the sealed inner ClientHello; the inner form is empty. A server sends retry
 * configs (Section 7.1) or, in a HelloRetryRequest, an 8-byte confirmation (Section 7.2.1).
 */
const encryptedClientHello: ExtensionReader = (r, hello) => {
  if (hello === 'hello_retry_request') {
    r.bytes(8, 'confirmation');
    return 'confirmation';
  }
  if (hello === 'server_hello') {
    r.rest('retry_configs');
    return 'retry_configs';
  }
  const type = r.u8('type', {
    show: (t) => (t === 0 ? 'outer (0)' : t === 1 ? 'inner (1)' : `unknown (${t})`),
  });
  if (type === 1) return 'inner';
  if (type !== 0) throw new RecordsDecodeError('decode.tls.ech_type', { type }, r.offset - 1);
  r.group('cipher_suite', (s) => {
    s.u16('kdf_id', { show: (n) => named(HPKE_KDF, n) });
    s.u16('aead_id', { show: (n) => named(HPKE_AEAD, n) });
  });
  const configId = r.u8('config_id');
  readOpaque(r, 2, 'enc');
  const payload = readOpaque(r, 2, 'payload', { min: 1 });
  return phrase('tls.ext.ech_outer', { id: configId, n: payload.length });
};

const CERT_COMPRESSION: Record<number, string> = { 1: 'zlib', 2: 'brotli', 3: 'zstd' };
const compressionName = (n: number) => CERT_COMPRESSION[n] ?? `unknown (${n})`;

/** RFC 8879, Section 3: CertificateCompressionAlgorithm algorithms<2..2^8-2>. */
const compressCertificate: ExtensionReader = (r) =>
  r
    .vector(
      1,
      'algorithms',
      (v) => {
        const out: number[] = [];
        while (!v.atEnd)
          out.push(v.u16('algorithm', { show: (n) => `${compressionName(n)} (${n})` }));
        return out;
      },
      { min: 2, max: 254 },
    )
    .map(compressionName)
    .join(', ');

/** RFC 8449, Section 4: uint16 RecordSizeLimit, at least 64. */
const recordSizeLimit: ExtensionReader = (r) => {
  const at = r.offset;
  const limit = r.u16('record_size_limit');
  if (limit < 64) throw new RecordsDecodeError('decode.tls.record_size_limit', { limit }, at);
  return `${limit}`;
};

/** RFC 7685, Section 3: zero bytes. */
const padding: ExtensionReader = (r) => {
  const n = r.remaining;
  if (n > 0) r.rest('padding_data');
  return phrase('bytes.count', { n });
};

/**
 * RFC 6066, Section 8: CertificateStatusRequest { status_type; OCSPStatusRequest }, the request
 * being ResponderID responder_id_list<0..2^16-1> and Extensions request_extensions<0..2^16-1>. A
 * server's answer in the ServerHello is empty.
 */
const statusRequest: ExtensionReader = (r) => {
  if (r.atEnd) return phrase('bytes.empty');
  const type = r.u8('status_type', { show: (t) => (t === 1 ? 'ocsp (1)' : `unknown (${t})`) });
  if (type !== 1) {
    if (!r.atEnd) r.rest('request');
    return `status_type ${type}`;
  }
  r.vector(2, 'responder_id_list', (v) => {
    while (!v.atEnd) readOpaque(v, 2, 'responder_id', { min: 1 });
  });
  readOpaque(r, 2, 'request_extensions');
  return 'ocsp';
};

/** RFC 6962, Section 3.3.1: empty from the client; a SignedCertificateTimestampList from the server. */
const signedCertificateTimestamp: ExtensionReader = (r) => {
  if (r.atEnd) return phrase('bytes.empty');
  const n = r.vector(
    2,
    'sct_list',
    (v) => {
      let count = 0;
      while (!v.atEnd) {
        readOpaque(v, 2, 'sct', { min: 1 });
        count++;
      }
      return count;
    },
    { min: 1 },
  );
  return phrase('tls.ext.scts', { n });
};

/** RFC 7301, Section 3.1: ProtocolName protocol_name_list<2..2^16-1>, each opaque<1..2^8-1>. */
function protocolNames(r: Reader, list: string, item: string, explain?: string): string[] {
  return r.vector(
    2,
    list,
    (v) => {
      const out: string[] = [];
      while (!v.atEnd) {
        const name = v.vector(1, item, (n) => n.rest('name', { show: escapedName }), { min: 1 });
        out.push(escapedName(name));
      }
      return out;
    },
    { min: 2, explain },
  );
}

/** RFC 7301, Section 3.1, for a list with a name that is not UTF-8 (the engine keeps it raw). */
const alpn: ExtensionReader = (r) =>
  protocolNames(r, 'protocol_name_list', 'protocol_name', 'tls.ext.alpn.protocol_name_list').join(
    ', ',
  );

/**
 * draft-vvv-tls-alps-01, Section 4: a ClientHello lists the ALPN protocols it has settings for;
 * the settings themselves travel in EncryptedExtensions.
 */
const applicationSettings: ExtensionReader = (r, hello) => {
  if (hello !== 'client_hello') {
    r.rest('application_settings');
    return 'settings';
  }
  return protocolNames(r, 'supported_protocols', 'supported_protocol').join(', ');
};

/** RFC 9345, Section 4.1.1: SignatureScheme signature_algorithms<2..2^16-2>. */
const delegatedCredential: ExtensionReader = (r) => {
  const n = r.vector(
    2,
    'signature_algorithms',
    (v) => {
      let count = 0;
      while (!v.atEnd) {
        v.u16('signature_algorithm', { show: showSignatureScheme });
        count++;
      }
      return count;
    },
    { min: 2, max: 0xfffe },
  );
  return phrase('tls.ext.algorithms', { n });
};

/** RFC 5246 renegotiation and friends are read by the engine; these are read here, by wire type. */
const READERS: Record<number, ExtensionReader> = {
  5: statusRequest,
  16: alpn,
  18: signedCertificateTimestamp,
  21: padding,
  27: compressCertificate,
  28: recordSizeLimit,
  34: delegatedCredential,
  41: preSharedKey,
  42: earlyData,
  43: supportedVersions,
  44: cookie,
  45: pskKeyExchangeModes,
  51: keyShare,
  17513: applicationSettings,
  17613: applicationSettings,
  0xfe0d: encryptedClientHello,
};

/** The wire types this module reads, with the span explain key each gets. */
export function decodedExtensionTypes(): number[] {
  return Object.keys(READERS).map(Number);
}

/** The explain key of an extension read here: "tls.ext.key_share", ... */
export function extensionExplainKey(type: number): string {
  if (type === 16) return 'tls.ext.alpn';
  return `tls.ext.${extensionName(type).replace(/_old$/, '')}`;
}

/**
 * Replaces the raw bytes of every extension this module can read, in the handshake messages of
 * `spans` (recorded over `buf`), by the extension's fields.
 */
export function expandExtensions(buf: Uint8Array, spans: Span[], hello?: HelloKind): void {
  for (const span of spans) {
    let inner = hello;
    if (span.explain === 'tls.handshake') inner = helloKind(buf, span);
    if (isRaw(buf, span) && inner !== undefined) expandOne(buf, span, inner);
    else expandExtensions(buf, span.children, inner);
  }
}

/**
 * An extension the engine kept as bytes: one of a type it does not read, or an ALPN list with a
 * name that is not UTF-8 (which the engine keeps raw but still explains as ALPN).
 */
function isRaw(buf: Uint8Array, span: Span): boolean {
  if (span.explain === 'tls.ext.unknown') return true;
  const type = buf[span.offset]! * 256 + buf[span.offset + 1]!;
  return span.explain === 'tls.ext.alpn' && type === 16 && /^\d+ bytes$/.test(String(span.value));
}

function helloKind(buf: Uint8Array, message: Span): HelloKind | undefined {
  const type = buf[message.offset];
  if (type === 1) return 'client_hello';
  if (type !== 2) return undefined;
  // msg_type, length, server_version, then the 32-byte random (RFC 8446, Section 4.1.3).
  const random = buf.subarray(message.offset + 6, message.offset + 38);
  return isHelloRetryRandom(random) ? 'hello_retry_request' : 'server_hello';
}

function expandOne(buf: Uint8Array, ext: Span, hello: HelloKind): void {
  const type = buf[ext.offset]! * 256 + buf[ext.offset + 1]!;
  const read = READERS[type];
  const data = ext.children.find((c) => c.name === 'extension_data');
  if (read === undefined || data === undefined) return;
  // extension_data is opaque<0..2^16-1>: its first two bytes are the length.
  const start = data.offset + 2;
  const end = data.offset + data.length;
  const r = new Reader(buf, start, end);
  let value: SpanValue;
  try {
    value = read(r, hello);
    r.expectEnd(extensionName(type));
  } catch (e) {
    // The engine accepts an extension it does not read, whatever its content, so the decoder
    // does not refuse the message either: the bytes stay raw and the span says what is wrong.
    if (e instanceof DecodeError) {
      ext.value = phrase('tls.ext.malformed', {
        reason: phrase(e.key, e.params),
        offset: e.offset,
      });
      return;
    }
    throw e;
  }
  data.children = [...data.children.filter((c) => c.name === 'length'), ...r.spans];
  ext.value = value;
  ext.explain = extensionExplainKey(type);
}
