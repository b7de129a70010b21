import { chacha20 } from '@noble/ciphers/chacha.js';
import { sha256 } from '@noble/hashes/sha2.js';

/** The injected source of randomness, so that one seed gives the same bytes everywhere. */
export interface Rng {
  /**
   * True when a seed reproduces these bytes. Where it is false, code may draw from WebCrypto's own
   * generator instead (the same CSPRNG), when that is cheaper: see generateKeyShare.
   */
  readonly reproducible: boolean;
  bytes(n: number): Uint8Array;
  /** A uniform integer in [0, 2^32). */
  uint32(): number;
}

/**
 * A deterministic RNG: the ChaCha20 keystream under key SHA-256("wirestep seed " + seed).
 * The same seed gives the same bytes in the browser, in Vitest and in the CLI.
 */
export class SeededRng implements Rng {
  readonly reproducible = true;
  private readonly key: Uint8Array;
  private counter = 0;
  private pool = new Uint8Array(0);
  private used = 0;

  constructor(readonly seed: number | string) {
    this.key = sha256(new TextEncoder().encode(`wirestep seed ${seed}`));
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (this.used === this.pool.length) this.refill();
      out[i] = this.pool[this.used++]!;
    }
    return out;
  }

  uint32(): number {
    const b = this.bytes(4);
    return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  }

  private refill(): void {
    // Start small (most runs need a few hundred bytes), then in larger blocks. The keystream is
    // one continuous ChaCha20 stream either way: each refill starts where the last one ended.
    const block = this.counter === 0 ? 256 : 4096;
    this.pool = chacha20(
      this.key,
      new Uint8Array(12),
      new Uint8Array(block),
      undefined,
      this.counter,
    );
    this.counter += block / 64;
    this.used = 0;
  }
}

/** Real randomness from WebCrypto, for the CLI against real peers. */
export class SystemRng implements Rng {
  readonly reproducible = false;
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let at = 0; at < n; at += 65536)
      globalThis.crypto.getRandomValues(out.subarray(at, Math.min(n, at + 65536)));
    return out;
  }
  uint32(): number {
    return new DataView(this.bytes(4).buffer).getUint32(0);
  }
}

/** A uniform integer in [0, bound) without modulo bias. */
export function randomBelow(rng: Rng, bound: number): number {
  if (bound <= 0 || bound > 2 ** 32) throw new RangeError(`bound out of range: ${bound}`);
  const limit = Math.floor(2 ** 32 / bound) * bound;
  for (;;) {
    const v = rng.uint32();
    if (v < limit) return v % bound;
  }
}
