/**
 * The downgrade sentinels (RFC 8446, Section 4.1.3). A server that supports TLS 1.3 but
 * negotiates an older version sets the last 8 bytes of ServerHello.random to one of these; a
 * TLS 1.3 client that sees one after negotiating below 1.3 aborts with illegal_parameter, so an
 * attacker who strips 1.3 from the ClientHello is caught by the signed random.
 */

/** "DOWNGRD" then 01: the server negotiated TLS 1.2. */
export const DOWNGRADE_TLS12 = Uint8Array.of(0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x01);
/** "DOWNGRD" then 00: the server negotiated TLS 1.1 or below. */
export const DOWNGRADE_TLS11 = Uint8Array.of(0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x00);

export type DowngradeSentinel = 'tls12' | 'tls11';

/** A copy of the 32-byte random with its last 8 bytes replaced by the sentinel. */
export function withDowngradeSentinel(
  random: Uint8Array,
  sentinel: DowngradeSentinel = 'tls12',
): Uint8Array {
  if (random.length !== 32) throw new RangeError('ServerHello.random must be 32 bytes');
  const out = random.slice();
  out.set(sentinel === 'tls12' ? DOWNGRADE_TLS12 : DOWNGRADE_TLS11, 24);
  return out;
}

/** Which sentinel a ServerHello.random carries, if any. */
export function downgradeSentinelOf(random: Uint8Array): DowngradeSentinel | undefined {
  if (random.length !== 32) return undefined;
  const tail = random.subarray(24);
  const equals = (s: Uint8Array) => s.every((b, i) => tail[i] === b);
  if (equals(DOWNGRADE_TLS12)) return 'tls12';
  if (equals(DOWNGRADE_TLS11)) return 'tls11';
  return undefined;
}
