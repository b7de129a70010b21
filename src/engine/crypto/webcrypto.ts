/**
 * WebCrypto access for what @noble does not cover (RSA) and for reading PKCS#8 keys, with a cache
 * of imported CryptoKeys: importing an RSA key parses and checks it, which costs far more than one
 * signature, and a handshake uses the same demo keys again and again.
 */
import { toHex } from '../bytes/hex';
import { InvalidKeyEncoding, WebCryptoUnavailable } from './errors';

export type KeyFormat = 'pkcs8' | 'spki';

export interface ImportSpec {
  /** The WebCrypto algorithm, e.g. { name: 'RSA-PSS', hash: 'SHA-256' }. */
  algorithm: RsaHashedImportParams | EcKeyImportParams;
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
  return Uint8Array.from(bytes);
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
  const hashName = 'hash' in spec.algorithm ? String(spec.algorithm.hash) : '';
  const curve = 'namedCurve' in spec.algorithm ? spec.algorithm.namedCurve : '';
  const cacheKey = [
    format,
    spec.algorithm.name,
    hashName,
    curve,
    spec.usages.join('+'),
    spec.extractable,
    toHex(der),
  ].join('|');
  const hit = cache.get(cacheKey);
  if (hit) {
    // Refresh its place so the oldest-used entry is the one evicted.
    cache.delete(cacheKey);
    cache.set(cacheKey, hit);
    return hit;
  }
  const pending = subtle()
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
  return pending;
}
