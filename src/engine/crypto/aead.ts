/**
 * The AEADs of our TLS 1.2 suites, from @noble/ciphers: AES-GCM (NIST SP 800-38D, as used by
 * RFC 5288) and ChaCha20-Poly1305 (RFC 8439, as used by RFC 7905). Output is ciphertext ‖ tag.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { AeadAuthError, CryptoArgumentError } from './errors';

export type AeadName = 'AES_128_GCM' | 'AES_256_GCM' | 'CHACHA20_POLY1305';

export const AEAD_KEY_LENGTH: Readonly<Record<AeadName, number>> = {
  AES_128_GCM: 16,
  AES_256_GCM: 32,
  CHACHA20_POLY1305: 32,
};
/** All three take a 96-bit nonce (RFC 5116, Section 3.2's N_MIN = N_MAX = 12 for these). */
export const AEAD_NONCE_LENGTH = 12;
export const AEAD_TAG_LENGTH = 16;

interface Cipher {
  encrypt(plaintext: Uint8Array): Uint8Array;
  decrypt(sealed: Uint8Array): Uint8Array;
}

function cipher(name: AeadName, key: Uint8Array, nonce: Uint8Array, aad: Uint8Array): Cipher {
  const keyLength = (AEAD_KEY_LENGTH as Record<string, number | undefined>)[name];
  if (keyLength === undefined)
    throw new CryptoArgumentError('name', `unknown AEAD '${String(name)}'`);
  if (key.length !== keyLength) {
    throw new CryptoArgumentError(
      'key',
      `${name} key must be ${keyLength} bytes, got ${key.length}`,
    );
  }
  if (nonce.length !== AEAD_NONCE_LENGTH) {
    throw new CryptoArgumentError(
      'nonce',
      `${name} nonce must be ${AEAD_NONCE_LENGTH} bytes, got ${nonce.length}`,
    );
  }
  return name === 'CHACHA20_POLY1305' ? chacha20poly1305(key, nonce, aad) : gcm(key, nonce, aad);
}

/** Encrypts and authenticates: returns ciphertext ‖ 16-byte tag. */
export function aeadSeal(
  name: AeadName,
  key: Uint8Array,
  nonce: Uint8Array,
  aad: Uint8Array,
  plaintext: Uint8Array,
): Uint8Array {
  return cipher(name, key, nonce, aad).encrypt(plaintext);
}

/** Checks the tag and decrypts ciphertext ‖ tag; throws AeadAuthError when the tag is wrong. */
export function aeadOpen(
  name: AeadName,
  key: Uint8Array,
  nonce: Uint8Array,
  aad: Uint8Array,
  sealed: Uint8Array,
): Uint8Array {
  const c = cipher(name, key, nonce, aad);
  // Too short to hold a tag: it cannot be authentic, which is the same failure as a wrong tag.
  if (sealed.length < AEAD_TAG_LENGTH) throw new AeadAuthError(name);
  try {
    return c.decrypt(sealed);
  } catch {
    // With the arguments checked above, the only way decrypt fails is a tag mismatch.
    throw new AeadAuthError(name);
  }
}
