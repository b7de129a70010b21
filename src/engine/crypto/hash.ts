/** SHA-256 and SHA-384 (FIPS 180-4) and HMAC (RFC 2104), from @noble/hashes. */
import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { sha256, sha384 } from '@noble/hashes/sha2.js';
import { CryptoArgumentError } from './errors';

/** The PRF hashes of the TLS 1.2 suites we implement (RFC 5246, Section 5; RFC 5289). */
export type HashName = 'sha256' | 'sha384';

const HASHES = { sha256, sha384 } as const;

function hashFunction(name: HashName): (typeof HASHES)[HashName] {
  // Checked at run time too: lab scenarios are data, and a typo there should fail clearly.
  const fn = (HASHES as Record<string, (typeof HASHES)[HashName] | undefined>)[name];
  if (!fn) throw new CryptoArgumentError('name', `unknown hash '${String(name)}'`);
  return fn;
}

export function hash(name: HashName, data: Uint8Array): Uint8Array {
  return hashFunction(name)(data);
}

export function hmac(name: HashName, key: Uint8Array, data: Uint8Array): Uint8Array {
  return nobleHmac(hashFunction(name), key, data);
}

/**
 * HMAC under one key for many messages (the TLS PRF's P_hash): the key's inner and outer pads
 * are hashed once (RFC 2104, Section 2), and each message starts from a copy of that state. A
 * message may come in parts, hashed as their concatenation.
 */
export function hmacWithKey(
  name: HashName,
  key: Uint8Array,
): (...parts: Uint8Array[]) => Uint8Array {
  const keyed = nobleHmac.create(hashFunction(name), key);
  return (...parts) => {
    const h = keyed.clone();
    for (const part of parts) h.update(part);
    return h.digest();
  };
}

/** A hash fed in pieces whose digest so far can be read without ending it. */
export interface RunningHash {
  update(data: Uint8Array): void;
  /** Hash of everything fed so far; feeding may go on. */
  digestSoFar(): Uint8Array;
}

export function runningHash(name: HashName): RunningHash {
  const h = hashFunction(name).create();
  return {
    update: (data) => void h.update(data),
    digestSoFar: () => h.clone().digest(),
  };
}

/** Output length in bytes: 32 for SHA-256, 48 for SHA-384. */
export function hashLength(name: HashName): number {
  return hashFunction(name).outputLen;
}
