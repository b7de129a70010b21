/**
 * WebCrypto access for what @noble does not cover (RSA) and for reading PKCS#8 keys, with a cache
 * of imported CryptoKeys: importing an RSA key parses and checks it, which costs far more than one
 * signature, and a handshake uses the same demo keys again and again.
 */
import { bytesEqual, toHex } from '../bytes/hex';
import { InvalidKeyEncoding, WebCryptoUnavailable } from './errors';

/** DER keys, or a raw public key (an EC point, RFC 5480 Section 2.2). */
export type KeyFormat = 'pkcs8' | 'spki' | 'raw';

export interface ImportSpec {
  /** The WebCrypto algorithm, e.g. { name: 'RSA-PSS', hash: 'SHA-256' }. */
  algorithm: RsaHashedImportParams | EcKeyImportParams | Algorithm;
  usages: KeyUsage[];
  /** Only true where we must read the key back out (a P-256 private scalar, via JWK). */
  extractable: boolean;
}

/**
 * Enough for every demo key in every algorithm they are used with, while still bounding what a
 * long session against many peers (the CLI) can keep alive.
 */
const CACHE_LIMIT = 64;
const cache = new Map<string, Promise<CryptoKey>>();

export function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (!s) throw new WebCryptoUnavailable();
  return s;
}

/** WebCrypto wants an ArrayBuffer-backed view; this copies, so callers may reuse their buffers. */
export function bufferOf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  // The constructor copies typed arrays directly; Uint8Array.from goes through the iterator.
  return new Uint8Array(bytes);
}

/** What an import is, apart from the key's bytes. */
function specKey(format: KeyFormat, spec: ImportSpec): string {
  const hashName = 'hash' in spec.algorithm ? String(spec.algorithm.hash) : '';
  const curve = 'namedCurve' in spec.algorithm ? spec.algorithm.namedCurve : '';
  return [
    format,
    spec.algorithm.name,
    hashName,
    curve,
    spec.usages.join('+'),
    spec.extractable,
  ].join('|');
}

/**
 * The same cache reached through the array a caller passed (a configured key, a parsed
 * certificate's SPKI), so that a repeated import neither hex-encodes the DER nor waits a turn:
 * once the import has settled, the key is here. Each entry keeps the bytes it was made from and
 * is used only while the array still holds them.
 */
const byArray = new WeakMap<
  Uint8Array,
  Map<string, { der: Uint8Array; pending: Promise<CryptoKey>; key?: CryptoKey }>
>();

function arrayEntry(format: KeyFormat, der: Uint8Array, spec: ImportSpec) {
  const entry = byArray.get(der)?.get(specKey(format, spec));
  return entry && bytesEqual(entry.der, der) ? entry : undefined;
}

/** The key of an import already made from this very array, if it has settled; no waiting. */
export function importedKeyNow(
  format: KeyFormat,
  der: Uint8Array,
  spec: ImportSpec,
): CryptoKey | undefined {
  return arrayEntry(format, der, spec)?.key;
}

/**
 * Imports a DER key once per (format, algorithm, usages, bytes); later calls share the promise.
 * A failed import is not cached and becomes InvalidKeyEncoding naming `parameter`.
 */
export function importKeyCached(
  format: KeyFormat,
  der: Uint8Array,
  spec: ImportSpec,
  parameter: string,
): Promise<CryptoKey> {
  const known = arrayEntry(format, der, spec);
  if (known) return known.pending;
  const kind = specKey(format, spec);
  const cacheKey = `${kind}|${toHex(der)}`;
  let pending = cache.get(cacheKey);
  if (pending) {
    // Refresh its place so the oldest-used entry is the one evicted.
    cache.delete(cacheKey);
    cache.set(cacheKey, pending);
  } else {
    pending = subtle()
      .importKey(format, bufferOf(der), spec.algorithm, spec.extractable, spec.usages)
      .catch((e: unknown) => {
        cache.delete(cacheKey);
        const why = e instanceof Error ? e.message : String(e);
        throw new InvalidKeyEncoding(
          parameter,
          `not a ${format.toUpperCase()} ${spec.algorithm.name} key (${why})`,
        );
      });
    cache.set(cacheKey, pending);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  }
  const entry: { der: Uint8Array; pending: Promise<CryptoKey>; key?: CryptoKey } = {
    der: der.slice(),
    pending,
  };
  let forArray = byArray.get(der);
  if (!forArray) byArray.set(der, (forArray = new Map()));
  forArray.set(kind, entry);
  pending.then(
    (key) => (entry.key = key),
    () => {
      if (forArray.get(kind) === entry) forArray.delete(kind);
    },
  );
  return pending;
}
