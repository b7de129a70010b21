/**
 * One probe connection: send a ClientHello built with the engine's encoders, read the server's
 * first flight in the clear (ServerHello ... ServerHelloDone in TLS 1.0-1.2; the ServerHello or
 * HelloRetryRequest in TLS 1.3) or its alert, and close. No key is ever derived, so the answer
 * can be read even for suites the engine does not implement.
 */
import { connect as tcpConnect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { concatBytes, Reader, Writer } from '../../../engine/bytes';
import { ContentType, HandshakeType, cipherSuite, namedGroup } from '../../../engine/tls/enums';
import {
  encodeHandshake,
  extensionTypeOf,
  readHandshake,
  writeExtension,
  type Certificate,
  type Extension,
  type ServerHello,
} from '../../../engine/tls/messages';
import { encodeRecord } from '../../../engine/tls/record';
import { HELLO_RETRY_REQUEST_RANDOM as HRR_RANDOM } from '../../../engine/scenarios/probe-exchange';
// A server's hellos are read here at once, and may carry TLS 1.3's extensions.
import '../../../engine/tls/tls13/install';

export const TLS10 = 0x0301;
export const TLS11 = 0x0302;
export const TLS12 = 0x0303;
export const TLS13 = 0x0304;

/** RFC 8446, Section 4.2.7 and RFC 7919: the groups a probe can offer. */
export const PROBE_GROUPS: ReadonlyMap<number, string> = new Map([
  [29, 'x25519'],
  [23, 'secp256r1'],
  [24, 'secp384r1'],
  [25, 'secp521r1'],
  [30, 'x448'],
  [26, 'brainpoolP256r1'],
  [27, 'brainpoolP384r1'],
  [28, 'brainpoolP512r1'],
  [31, 'brainpoolP256r1tls13'],
  [32, 'brainpoolP384r1tls13'],
  [33, 'brainpoolP512r1tls13'],
  [256, 'ffdhe2048'],
  [257, 'ffdhe3072'],
  [258, 'ffdhe4096'],
  [259, 'ffdhe6144'],
  [260, 'ffdhe8192'],
  [0x11eb, 'SecP256r1MLKEM768'],
  [0x11ec, 'X25519MLKEM768'],
  [0x11ed, 'SecP384r1MLKEM1024'],
]);

/** RFC 8446, Section 4.2.3 (and RFC 5246, Section 7.4.1.4.1 for the SHA-1/SHA-224 pairs). */
export const PROBE_SIGNATURE_SCHEMES: ReadonlyMap<number, string> = new Map([
  [0x0403, 'ecdsa_secp256r1_sha256'],
  [0x0503, 'ecdsa_secp384r1_sha384'],
  [0x0603, 'ecdsa_secp521r1_sha512'],
  [0x0807, 'ed25519'],
  [0x0808, 'ed448'],
  [0x0804, 'rsa_pss_rsae_sha256'],
  [0x0805, 'rsa_pss_rsae_sha384'],
  [0x0806, 'rsa_pss_rsae_sha512'],
  [0x0809, 'rsa_pss_pss_sha256'],
  [0x080a, 'rsa_pss_pss_sha384'],
  [0x080b, 'rsa_pss_pss_sha512'],
  [0x0401, 'rsa_pkcs1_sha256'],
  [0x0501, 'rsa_pkcs1_sha384'],
  [0x0601, 'rsa_pkcs1_sha512'],
  [0x0303, 'ecdsa_sha224'],
  [0x0301, 'rsa_pkcs1_sha224'],
  [0x0302, 'dsa_sha224'],
  [0x0203, 'ecdsa_sha1'],
  [0x0201, 'rsa_pkcs1_sha1'],
  [0x0202, 'dsa_sha1'],
  [0x0402, 'dsa_sha256'],
  [0x0502, 'dsa_sha384'],
  [0x0602, 'dsa_sha512'],
  [0x081a, 'ecdsa_brainpoolP256r1tls13_sha256'],
  [0x081b, 'ecdsa_brainpoolP384r1tls13_sha384'],
  [0x081c, 'ecdsa_brainpoolP512r1tls13_sha512'],
]);

export interface HelloSpec {
  version: typeof TLS10 | typeof TLS11 | typeof TLS12 | typeof TLS13;
  suites: readonly number[];
  groups: readonly number[];
  /** TLS 1.3: the groups given a key share; x25519 only, since any 32 bytes are a valid key. */
  keyShareX25519?: boolean;
  schemes?: readonly number[];
  alpn?: readonly string[];
  serverName?: string;
}

function raw(type: number, data: Uint8Array): Extension {
  return { kind: 'unknown', type, data };
}

function u16s(values: readonly number[], lengthBytes: 1 | 2): Uint8Array {
  const w = new Writer();
  if (lengthBytes === 1) w.u8(values.length * 2);
  else w.u16(values.length * 2);
  for (const v of values) w.u16(v);
  return w.toBytes();
}

/** A ClientHello in one handshake record. */
export function clientHelloRecord(spec: HelloSpec): Uint8Array {
  const tls13 = spec.version === TLS13;
  const extensions: Extension[] = [];
  // RFC 6066, Section 3: no IP literals in SNI.
  if (spec.serverName && !/^[\d.]+$|:/.test(spec.serverName))
    extensions.push({ kind: 'server_name', hostName: spec.serverName });
  if (spec.groups.length > 0) {
    extensions.push({ kind: 'supported_groups', groups: spec.groups.map(namedGroup) });
    extensions.push({ kind: 'ec_point_formats', formats: [0] });
  }
  extensions.push({
    kind: 'signature_algorithms',
    schemes: [...(spec.schemes ?? PROBE_SIGNATURE_SCHEMES.keys())],
  });
  extensions.push({ kind: 'extended_master_secret' });
  extensions.push({ kind: 'session_ticket', ticket: new Uint8Array(0) });
  extensions.push({ kind: 'renegotiation_info', renegotiatedConnection: new Uint8Array(0) });
  if (spec.alpn && spec.alpn.length > 0)
    extensions.push({ kind: 'alpn', protocols: [...spec.alpn] });
  // RFC 6066, Section 8: status_type ocsp(1), empty responder_id_list and request_extensions.
  extensions.push(raw(5, Uint8Array.of(1, 0, 0, 0, 0)));
  if (tls13) {
    // RFC 8446, Section 4.2.1: supported_versions, ProtocolVersion versions<2..254>.
    extensions.push(raw(43, u16s([TLS13], 1)));
    // RFC 8446, Section 4.2.8: KeyShareClientHello { KeyShareEntry client_shares<0..2^16-1> }.
    const shares = new Writer();
    shares.vector(2, 'client_shares', (v) => {
      if (spec.keyShareX25519) {
        v.u16(29);
        v.vector(2, 'key_exchange', (k) => k.bytes(randomBytes(32), 'key'));
      }
    });
    extensions.push(raw(51, shares.toBytes()));
    // RFC 8446, Section 4.2.9: psk_dhe_ke, so that a server may send tickets.
    extensions.push(raw(45, Uint8Array.of(1, 1)));
  }
  const body = encodeHandshake({
    type: 'client_hello',
    body: {
      // RFC 8446, Section 4.1.2: legacy_version 0x0303 for TLS 1.3.
      version: tls13 ? TLS12 : spec.version,
      random: randomBytes(32),
      // RFC 8446, Appendix D.4: a non-empty legacy_session_id for middlebox compatibility.
      sessionId: tls13 ? randomBytes(32) : new Uint8Array(0),
      cipherSuites: spec.suites.map(cipherSuite),
      compressionMethods: [0],
      extensions,
    },
  }).bytes;
  // RFC 5246, Appendix E.1: the first record's version is 0x0301 for the widest acceptance.
  return encodeRecord({ type: ContentType.handshake, version: TLS10, fragment: body }).bytes;
}

export type ProbeAnswer =
  | {
      kind: 'hello';
      serverHello: ServerHello;
      /** RFC 8446, Section 4.1.4. */
      helloRetry: boolean;
      /** The version negotiated: supported_versions when present, else server_version. */
      version: number;
      certificate?: Certificate;
      /** The raw ServerKeyExchange body, read here only for its group and signature scheme. */
      serverKeyExchange?: Uint8Array;
      certificateStatus: boolean;
    }
  | { kind: 'alert'; level: number; description: number }
  | { kind: 'closed' }
  | { kind: 'reset'; code: string }
  | { kind: 'timeout' }
  | { kind: 'refused'; code: string }
  | { kind: 'garbled'; reason: string };

/**
 * The extension_data of the ServerHello's extension of wire type `type`. The codec reads the TLS 1.3
 * ones (supported_versions, key_share) into typed values, so those are written back to get their
 * bytes; the 4-byte type and length header is cut off.
 */
export function extensionData(sh: ServerHello, type: number): Uint8Array | undefined {
  const e = sh.extensions.find((x) => extensionTypeOf(x) === type);
  if (!e) return undefined;
  if (e.kind === 'unknown') return e.data;
  const w = new Writer(false);
  writeExtension(w, e);
  return w.toBytes().subarray(4);
}

/** What one probe connection got: the answer as read, and the records it was read from. */
export interface ProbeExchangeResult {
  answer: ProbeAnswer;
  /**
   * The server's records up to the one that decided the answer (its ServerHello flight, or its
   * alert), exactly as received; empty if it sent none. Bytes after that record are left out.
   */
  received: Uint8Array;
}

/** Sends one ClientHello and waits for the server's answer, at most `timeoutMs`. */
export function probeOnce(
  host: string,
  port: number,
  hello: Uint8Array,
  timeoutMs: number,
): Promise<ProbeExchangeResult> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port });
    let buffered: Uint8Array = new Uint8Array(0);
    const records: Uint8Array[] = [];
    let handshake: Uint8Array = new Uint8Array(0);
    let serverHello: ServerHello | undefined;
    let certificate: Certificate | undefined;
    let ske: Uint8Array | undefined;
    let certificateStatus = false;
    let connected = false;
    let done = false;
    const finish = (a: ProbeAnswer): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ answer: a, received: concatBytes(...records) });
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
    const helloAnswer = (sh: ServerHello): ProbeAnswer => {
      const sv = extensionData(sh, 43);
      const version = sv && sv.length === 2 ? (sv[0]! << 8) | sv[1]! : sh.version;
      const helloRetry = sh.random.every((b, i) => b === HRR_RANDOM[i]);
      return {
        kind: 'hello',
        serverHello: sh,
        helloRetry,
        version,
        ...(certificate ? { certificate } : {}),
        ...(ske ? { serverKeyExchange: ske } : {}),
        certificateStatus,
      };
    };
    const onHandshake = (): void => {
      // Handshake messages may span records and records may hold several (RFC 5246, 6.2.1).
      while (handshake.length >= 4) {
        const len = (handshake[1]! << 16) | (handshake[2]! << 8) | handshake[3]!;
        if (handshake.length < 4 + len) return;
        const msgBytes = handshake.slice(0, 4 + len);
        handshake = handshake.slice(4 + len);
        const type = msgBytes[0]!;
        if (type === HandshakeType.server_key_exchange) {
          ske = msgBytes.slice(4);
          continue;
        }
        if (type === 22) {
          // RFC 6066, Section 8: CertificateStatus means the server stapled an OCSP response.
          certificateStatus = true;
          continue;
        }
        const msg = readHandshake(new Reader(msgBytes));
        if (msg.type === 'server_hello') {
          serverHello = msg.body;
          const answer = helloAnswer(serverHello);
          // TLS 1.3: everything after the ServerHello is encrypted; HRR ends the probe too.
          if (answer.kind === 'hello' && (answer.version === TLS13 || answer.helloRetry))
            return finish(answer);
        } else if (msg.type === 'certificate') {
          certificate = msg.body;
        } else if (msg.type === 'server_hello_done' || msg.type === 'certificate_request') {
          if (serverHello) return finish(helloAnswer(serverHello));
        }
      }
    };
    socket.on('connect', () => {
      connected = true;
      socket.write(hello);
    });
    socket.on('data', (chunk: Buffer) => {
      if (done) return;
      buffered = concatBytes(buffered, new Uint8Array(chunk));
      try {
        while (buffered.length >= 5) {
          const len = (buffered[3]! << 8) | buffered[4]!;
          if (len > 2 ** 14 + 2048) return finish({ kind: 'garbled', reason: 'not TLS' });
          if (buffered.length < 5 + len) return;
          const type = buffered[0]!;
          const fragment = buffered.slice(5, 5 + len);
          records.push(buffered.slice(0, 5 + len));
          buffered = buffered.slice(5 + len);
          if (type === ContentType.alert && fragment.length >= 2) {
            return finish({ kind: 'alert', level: fragment[0]!, description: fragment[1]! });
          } else if (type === ContentType.handshake) {
            handshake = concatBytes(handshake, fragment);
            onHandshake();
          } else if (type === ContentType.change_cipher_spec) {
            // TLS 1.3 compatibility CCS (RFC 8446, Appendix D.4): the ServerHello came first.
            if (serverHello) return finish(helloAnswer(serverHello));
          } else {
            return finish({ kind: 'garbled', reason: `record type ${type} before the handshake` });
          }
          if (done) return;
        }
      } catch (e) {
        finish({ kind: 'garbled', reason: (e as Error).message });
      }
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? 'error';
      if (!connected) finish({ kind: 'refused', code });
      else finish({ kind: 'reset', code });
    });
    socket.on('close', () => {
      if (serverHello) finish(helloAnswer(serverHello));
      else finish({ kind: 'closed' });
    });
  });
}
