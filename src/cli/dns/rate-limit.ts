/**
 * Response-rate limiting for `dns serve` over UDP, as BIND's and NSD's RRL do it: responses to one
 * source prefix (IPv4 /24, IPv6 /56, BIND's defaults) are counted, and beyond the rate the server
 * answers only every `slip`-th query, with an empty truncated response (TC=1) that sends a real
 * client to TCP, where a forged source address cannot follow; the others are dropped. A forged
 * flood then gets no amplification, while a real resolver in the same prefix still gets its
 * answer over TCP. TCP is never limited here (its handshake proves the address).
 *
 * The count is a token bucket per prefix: `rate` tokens a second, at most `rate` saved up (one
 * second of burst). A limited prefix stays limited (a token now and then is still spent on an
 * answer) until its bucket is full again, that is a second under the rate: one log line when
 * limiting starts and one when it ends, not one per refilled token. Whether to answer is decided from the source address alone, before the query
 * is decoded, so a limited packet costs a Map lookup and, for a slip, a copy of its question.
 */
import { isIPv4 } from 'node:net';
import { parseIPv6 } from '../../engine/dns';

/** NSD's rrl-ratelimit default: 200 responses a second per prefix. */
export const DEFAULT_RRL_RATE = 200;
/** NSD's rrl-slip and BIND's slip default: every second limited query gets a TC answer. */
export const DEFAULT_RRL_SLIP = 2;
/** IPv4 prefix length (NSD's rrl-ipv4-prefix-length and BIND's ipv4-prefix-length default). */
export const RRL_IPV4_PREFIX = 24;
/** IPv6 prefix length (BIND's ipv6-prefix-length default; NSD uses /64). */
export const RRL_IPV6_PREFIX = 56;
/**
 * Prefixes tracked at once. A flood from many prefixes (each under the rate) cannot make the
 * table grow past this: the oldest idle entries go first. NSD's rrl-size default is 1,000,000
 * buckets; this server is far smaller.
 */
const MAX_TRACKED = 65_536;

export type RateDecision = 'answer' | 'slip' | 'drop';

interface Bucket {
  tokens: number;
  /** When the tokens were last topped up (ms). */
  at: number;
  /** Since the prefix went over the rate: responses dropped and slipped (0, 0 when it is not). */
  dropped: number;
  slipped: number;
  limited: boolean;
}

export interface RateLimiterOptions {
  /** Responses a second per prefix; 0 turns limiting off. */
  rate: number;
  slip: number;
  /** One line when a prefix starts and stops being limited. */
  log(line: string): void;
  now?: () => number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;

  constructor(private readonly opts: RateLimiterOptions) {
    this.now = opts.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.opts.rate > 0;
  }

  /** The last address seen and its prefix: a flood comes from few addresses. */
  private lastAddress = '';
  private lastKey = '';

  /** Whether to answer a UDP query from `address`. */
  check(address: string): RateDecision {
    if (this.opts.rate <= 0) return 'answer';
    if (address !== this.lastAddress) {
      this.lastAddress = address;
      this.lastKey = prefixOf(address);
    }
    const key = this.lastKey;
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_TRACKED) this.evict(now);
      bucket = { tokens: this.opts.rate, at: now, dropped: 0, slipped: 0, limited: false };
      this.buckets.set(key, bucket);
    } else if (now > bucket.at) {
      const rate = this.opts.rate;
      bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.at) * rate) / 1000);
      bucket.at = now;
    }
    if (bucket.limited && bucket.tokens >= this.opts.rate) this.release(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 'answer';
    }
    if (!bucket.limited) {
      bucket.limited = true;
      this.opts.log(`rrl: limiting ${key} (over ${this.opts.rate} responses/s)`);
    }
    const slip = this.opts.slip;
    if (slip > 0 && (bucket.dropped + bucket.slipped + 1) % slip === 0) {
      bucket.slipped++;
      return 'slip';
    }
    bucket.dropped++;
    return 'drop';
  }

  /** Ends every limited period with its line (when the server stops). */
  flush(): void {
    for (const [key, bucket] of this.buckets) if (bucket.limited) this.release(key, bucket);
  }

  /**
   * Ends the limited periods of prefixes that have been quiet for a second (their next query
   * would pass), so a flood that stops gets its closing line without waiting for another packet.
   */
  sweep(): void {
    const now = this.now();
    for (const [key, bucket] of this.buckets) {
      if (bucket.limited && now - bucket.at >= 1000) this.release(key, bucket);
    }
  }

  private release(key: string, bucket: Bucket): void {
    this.opts.log(
      `rrl: ${key} back under ${this.opts.rate} responses/s (${bucket.dropped} dropped, ${bucket.slipped} slipped)`,
    );
    bucket.limited = false;
    bucket.dropped = 0;
    bucket.slipped = 0;
  }

  /**
   * Makes room for a quarter of the table at once, oldest first, prefixes being limited right now
   * last: one pass over the Map per 16,384 new prefixes, never one per packet (V8 keeps deleted
   * slots until a rehash, so starting over from the first key each time would walk them all).
   */
  private evict(now: number): void {
    const target = (MAX_TRACKED * 3) / 4;
    for (const [key, bucket] of this.buckets) {
      if (this.buckets.size <= target) return;
      if (!bucket.limited || now - bucket.at >= 1000) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= target) return;
      this.buckets.delete(key);
    }
  }
}

/** "192.0.2.0/24" for 192.0.2.77; "2001:db8:0:100::/56" style for IPv6 (hex of 7 octets). */
export function prefixOf(address: string): string {
  if (isIPv4(address)) return `${address.slice(0, address.lastIndexOf('.'))}.0/${RRL_IPV4_PREFIX}`;
  // An IPv4-mapped IPv6 address (a dual-stack socket) counts as its IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return prefixOf(mapped[1]!);
  let bytes: Uint8Array;
  try {
    bytes = parseIPv6(address.replace(/%.*$/, ''));
  } catch {
    return address;
  }
  const octets = RRL_IPV6_PREFIX / 8;
  let text = '';
  for (let i = 0; i < 8; i += 2) {
    const hi = i < octets ? bytes[i]! : 0;
    const lo = i + 1 < octets ? bytes[i + 1]! : 0;
    text += `${((hi << 8) | lo).toString(16)}:`;
  }
  return `${text}:/${RRL_IPV6_PREFIX}`;
}

/**
 * The truncated, empty response a slip sends: the query's ID, opcode, RD and question, with QR
 * and TC set (RFC 1035 §4.1.1), no records. Undefined when the question cannot be found (then
 * nothing is sent).
 */
export function slipResponse(query: Uint8Array): Uint8Array | undefined {
  if (query.length < 12 || query[4] !== 0 || query[5] !== 1) return undefined;
  let at = 12;
  // The question name, label by label; a compression pointer cannot come first in a query.
  for (;;) {
    const length = query[at];
    if (length === undefined || length > 63) return undefined;
    at += 1 + length;
    if (length === 0) break;
    if (at - 12 > 255) return undefined;
  }
  const end = at + 4;
  if (end > query.length) return undefined;
  const response = new Uint8Array(end);
  response.set(query.subarray(0, end));
  // QR, the opcode, TC and RD kept; AA, RA, Z, AD, CD and RCODE cleared; one question, no records.
  response[2] = 0x80 | (query[2]! & 0x79) | 0x02;
  response[3] = 0;
  response.fill(0, 6, 12);
  return response;
}
