/**
 * OpenSSL 3 commands that recompute each secret of the Keys tab from the bytes the trace shows, in
 * the manner of The Illustrated TLS Connection, so a reader can check every step with a tool that
 * shares no code with this page:
 *
 * - The PRF outputs (master or extended master secret, key block, verify_data) with
 *   `openssl kdf … TLS1-PRF`. The TLS 1.2 PRF is P_hash(secret, label ‖ seed) (RFC 5246,
 *   Section 5), so the command's seed is the label's ASCII bytes followed by the seed parts in the
 *   order the trace lists them: client_random ‖ server_random for the master secret (Section 8.1),
 *   server_random ‖ client_random for the key block (Section 6.3), the session hash with EMS
 *   (RFC 7627, Section 4) and the handshake hash for verify_data (Section 7.4.9).
 * - The ECDHE pre-master secret with `openssl pkeyutl -derive`, given this side's private key and
 *   the peer's public key as PEM: PKCS#8 and SubjectPublicKeyInfo for X25519 (RFC 8410), SEC 1's
 *   ECPrivateKey and SubjectPublicKeyInfo for the NIST curves (RFC 5915, RFC 5480).
 *
 * - The TLS 1.3 key schedule (RFC 8446, Section 7.1) step by step, each value from the step that
 *   made it: HKDF-Extract with `openssl kdf … mode:EXTRACT_ONLY … HKDF` (salt and IKM as the trace
 *   lists them), HKDF-Expand-Label with `mode:EXPAND_ONLY` and the whole HkdfLabel structure as
 *   the info (length ‖ "tls13 " + label ‖ context, so a reader sees where every byte of it comes
 *   from), and Finished's HMAC (Section 4.4.4) with `openssl mac … HMAC` over the transcript hash.
 *
 * `openssl kdf` prints the bytes as colon-separated hex ("7A:BC:…"); the derive command pipes its
 * raw output through od, and `openssl mac` prints plain hex, so both print plain hex.
 */
import type { SecretInput } from '../../engine/trace';
import type { KnownSecret } from './keys';

export interface SecretCommand {
  /** One shell line (POSIX sh) to paste into a terminal. */
  command: string;
  /** What it prints: 'colon-hex' (AB:CD:…) or 'hex' (abcd…). */
  output: 'colon-hex' | 'hex';
}

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const ascii = (text: string) => new TextEncoder().encode(text);

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const bytesOf = (input: SecretInput | undefined) =>
  input && typeof input.value !== 'string' ? input.value : undefined;
const textOf = (inputs: readonly SecretInput[], name: string) => {
  const v = inputs.find((i) => i.name === name)?.value;
  return typeof v === 'string' ? v : undefined;
};

/** The PRF's hash as OpenSSL names the digest: "sha256" → "SHA256". */
function digestName(prfHash: string): string | undefined {
  return /^sha(256|384)$/i.test(prfHash) ? prfHash.toUpperCase() : undefined;
}

/** A PRF output: the first input is the secret, then the label, then the seed parts in order. */
function prfCommand(secret: KnownSecret): SecretCommand | undefined {
  const label = textOf(secret.inputs, 'label');
  const digest = digestName(textOf(secret.inputs, 'prf_hash') ?? '');
  const [key, ...rest] = secret.inputs;
  const keyBytes = bytesOf(key);
  if (label === undefined || !digest || !keyBytes) return undefined;
  const seed = concat([
    ascii(label),
    ...rest.flatMap((i) => (typeof i.value === 'string' ? [] : [i.value])),
  ]);
  return {
    command: [
      'openssl kdf',
      `-keylen ${secret.value.length}`,
      `-kdfopt digest:${digest}`,
      `-kdfopt hexsecret:${hex(keyBytes)}`,
      `-kdfopt hexseed:${hex(seed)}`,
      'TLS1-PRF',
    ].join(' '),
    output: 'colon-hex',
  };
}

// DER, just enough for the two key structures (X.690: tag, definite length, content).
function der(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = concat(content);
  const n = body.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return concat([Uint8Array.of(tag, ...length), body]);
}
const seq = (...c: Uint8Array[]) => der(0x30, ...c);
const int = (n: number) => der(0x02, Uint8Array.of(n));
const octets = (b: Uint8Array) => der(0x04, b);
const bits = (b: Uint8Array) => der(0x03, Uint8Array.of(0), b);
const oid = (encoded: number[]) => der(0x06, Uint8Array.from(encoded));

/** id-X25519 (RFC 8410, Section 3). */
const OID_X25519 = [0x2b, 0x65, 0x6e];
/** id-ecPublicKey (RFC 5480, Section 2.1.1). */
const OID_EC_PUBLIC_KEY = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
/** The named curves' OIDs (RFC 5480, Section 2.1.1.1). */
const CURVE_OIDS: Readonly<Record<string, number[]>> = {
  secp256r1: [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07],
  secp384r1: [0x2b, 0x81, 0x04, 0x00, 0x22],
  secp521r1: [0x2b, 0x81, 0x04, 0x00, 0x23],
};

function pem(label: string, body: Uint8Array): string[] {
  const b64 = btoa(String.fromCharCode(...body));
  const lines = b64.match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`];
}

/** This side's private key and the peer's public key, as PEM lines. */
function ecdhePems(
  group: string,
  privateKey: Uint8Array,
  publicKey: Uint8Array,
): { private: string[]; public: string[] } | undefined {
  if (group === 'x25519') {
    return {
      // OneAsymmetricKey v0 (RFC 8410, Section 7): the key is an OCTET STRING in the OCTET STRING.
      private: pem('PRIVATE KEY', seq(int(0), seq(oid(OID_X25519)), octets(octets(privateKey)))),
      public: pem('PUBLIC KEY', seq(seq(oid(OID_X25519)), bits(publicKey))),
    };
  }
  const curve = CURVE_OIDS[group];
  if (!curve) return undefined;
  return {
    // ECPrivateKey (RFC 5915, Section 3) with the curve as its parameters, [0].
    private: pem('EC PRIVATE KEY', seq(int(1), octets(privateKey), der(0xa0, oid(curve)))),
    public: pem('PUBLIC KEY', seq(seq(oid(OID_EC_PUBLIC_KEY), oid(curve)), bits(publicKey))),
  };
}

/** `printf '%s\n' 'line' … > file`: PEM lines written without a here-document. */
const writeFile = (lines: string[], file: string) =>
  `printf '%s\\n' ${lines.map((l) => `'${l}'`).join(' ')} > ${file}`;

function deriveCommand(secret: KnownSecret): SecretCommand | undefined {
  const group = textOf(secret.inputs, 'group');
  const privateKey = bytesOf(secret.inputs.find((i) => i.name.endsWith('private key')));
  const publicKey = bytesOf(secret.inputs.find((i) => i.name.endsWith('public key')));
  if (!group || !privateKey || !publicKey) return undefined;
  const keys = ecdhePems(group, privateKey, publicKey);
  if (!keys) return undefined;
  return {
    command: [
      writeFile(keys.private, 'ecdhe-private.pem'),
      writeFile(keys.public, 'ecdhe-peer.pem'),
      "openssl pkeyutl -derive -inkey ecdhe-private.pem -peerkey ecdhe-peer.pem | od -An -v -tx1 | tr -d ' \\n'",
    ].join(' && '),
    output: 'hex',
  };
}

/** An input whose name starts with `prefix` ("salt (derived)", "IKM (PSK)", …), as bytes. */
const bytesNamed = (inputs: readonly SecretInput[], prefix: string) =>
  bytesOf(inputs.find((i) => i.name === prefix || i.name.startsWith(`${prefix} (`)));

/** HKDF-Extract(salt, IKM) (RFC 5869, Section 2.2): the first step of each stage of RFC 8446, 7.1. */
function extractCommand(secret: KnownSecret, digest: string): SecretCommand | undefined {
  const salt = bytesNamed(secret.inputs, 'salt');
  const ikm = bytesNamed(secret.inputs, 'IKM');
  if (!salt || !ikm) return undefined;
  return {
    command: [
      'openssl kdf',
      `-keylen ${secret.value.length}`,
      `-kdfopt digest:${digest}`,
      '-kdfopt mode:EXTRACT_ONLY',
      `-kdfopt hexkey:${hex(ikm)}`,
      `-kdfopt hexsalt:${hex(salt)}`,
      'HKDF',
    ].join(' '),
    output: 'colon-hex',
  };
}

/**
 * RFC 8446, Section 7.1: HkdfLabel = uint16 length ‖ opaque label<7..255> ("tls13 " + Label) ‖
 * opaque context<0..255>, the info that HKDF-Expand-Label hands to HKDF-Expand.
 */
export function hkdfLabel(length: number, fullLabel: string, context: Uint8Array): Uint8Array {
  const label = ascii(fullLabel);
  return concat([
    Uint8Array.of(length >> 8, length & 0xff, label.length),
    label,
    Uint8Array.of(context.length),
    context,
  ]);
}

function expandCommand(
  secret: KnownSecret,
  digest: string,
  key: Uint8Array,
  fullLabel: string,
  context: Uint8Array,
): SecretCommand {
  return {
    command: [
      'openssl kdf',
      `-keylen ${secret.value.length}`,
      `-kdfopt digest:${digest}`,
      '-kdfopt mode:EXPAND_ONLY',
      `-kdfopt hexkey:${hex(key)}`,
      `-kdfopt hexinfo:${hex(hkdfLabel(secret.value.length, fullLabel, context))}`,
      'HKDF',
    ].join(' '),
    output: 'colon-hex',
  };
}

/**
 * HKDF-Expand-Label(Secret, Label, Context, Length): the inputs are the secret, the label with its
 * "tls13 " prefix, then the context (a transcript hash, Hash(""), a ticket nonce or nothing).
 */
function expandLabelCommand(secret: KnownSecret, digest: string): SecretCommand | undefined {
  const key = bytesNamed(secret.inputs, 'secret');
  const labelAt = secret.inputs.findIndex((i) => i.name === 'label');
  const label = textOf(secret.inputs, 'label');
  const context = bytesOf(
    secret.inputs.slice(labelAt + 1).find((i) => typeof i.value !== 'string'),
  );
  if (!key || label === undefined || !context) return undefined;
  return expandCommand(secret, digest, key, label, context);
}

/**
 * Finished's verify_data and the PSK binder: HMAC(finished_key, transcript hash) (RFC 8446,
 * Sections 4.4.4 and 4.2.11.2). printf writes the hash's bytes as octal escapes, which POSIX sh's
 * printf reads in its format string.
 */
function hmacCommand(secret: KnownSecret, digest: string): SecretCommand | undefined {
  const key = bytesNamed(secret.inputs, 'key');
  const data = bytesNamed(secret.inputs, 'transcript hash');
  if (!key || !data) return undefined;
  const octal = Array.from(data, (b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
  return {
    command: `printf '${octal}' | openssl mac -digest ${digest} -macopt hexkey:${hex(key)} HMAC`,
    output: 'hex',
  };
}

/**
 * A TLS 1.3 traffic key or IV read from a key log (a capture): the trace names only the traffic
 * secret, and the label, context and length are fixed by RFC 8446, Section 7.3. The hash is the
 * suite's, which the secret's length gives (32 bytes for SHA-256, 48 for SHA-384).
 */
function trafficKeyCommand(secret: KnownSecret, label: string): SecretCommand | undefined {
  const key = bytesOf(secret.inputs[0]);
  const digest = key?.length === 32 ? 'SHA256' : key?.length === 48 ? 'SHA384' : undefined;
  if (!key || !digest) return undefined;
  return expandCommand(secret, digest, key, `tls13 ${label}`, new Uint8Array(0));
}

function tls13Command(secret: KnownSecret, step: string): SecretCommand | undefined {
  const digest = digestName(textOf(secret.inputs, 'hash') ?? '');
  if (!digest) return undefined;
  if (step === 'HKDF-Extract') return extractCommand(secret, digest);
  if (step === 'HKDF-Expand-Label') return expandLabelCommand(secret, digest);
  if (step === 'HMAC') return hmacCommand(secret, digest);
  return undefined;
}

/** The command that recomputes a secret from the bytes on screen; undefined for one it cannot. */
export function opensslCommand(secret: KnownSecret): SecretCommand | undefined {
  const step = textOf(secret.inputs, 'step');
  if (step !== undefined) return tls13Command(secret, step);
  if (secret.explain === 'secret.tls13.key') return trafficKeyCommand(secret, 'key');
  if (secret.explain === 'secret.tls13.iv') return trafficKeyCommand(secret, 'iv');
  if (secret.explain === 'secret.pre_master.ecdhe') return deriveCommand(secret);
  if (textOf(secret.inputs, 'label') !== undefined) return prfCommand(secret);
  return undefined;
}
