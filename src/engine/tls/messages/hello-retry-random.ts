/**
 * RFC 8446, Section 4.1.3: a HelloRetryRequest is a ServerHello whose Random is
 * SHA-256("HelloRetryRequest"). The ServerHello codec reads it to pick its extensions' context,
 * so it lives apart from the decoder's extension readers (../decode-extensions.ts).
 */
import { hash } from '../../crypto/hash';

const HRR_RANDOM = hash('sha256', new TextEncoder().encode('HelloRetryRequest'));

export function isHelloRetryRandom(random: Uint8Array): boolean {
  return random.length === HRR_RANDOM.length && random.every((b, i) => b === HRR_RANDOM[i]);
}
