/**
 * Typed errors for the crypto wrappers. Each names what was wrong in one line, so the TLS layer
 * can map it to an alert and the UI can show it without a stack trace.
 */

/** A caller passed a value of the wrong shape: a key of the wrong length, an unknown name. */
export class CryptoArgumentError extends Error {
  constructor(
    readonly parameter: string,
    readonly reason: string,
  ) {
    super(`${parameter}: ${reason}`);
    this.name = 'CryptoArgumentError';
  }
}

/** A peer's key share is not a usable point (RFC 8422, Section 5.11; RFC 7748, Section 6.1). */
export class InvalidPublicKey extends Error {
  constructor(
    readonly group: string,
    readonly reason: string,
  ) {
    super(`invalid ${group} public key: ${reason}`);
    this.name = 'InvalidPublicKey';
  }
}

/** An AEAD tag did not verify: the ciphertext, nonce, AAD or key is not what the sender used. */
export class AeadAuthError extends Error {
  constructor(readonly aead: string) {
    super(`${aead}: authentication failed (the tag does not match)`);
    this.name = 'AeadAuthError';
  }
}

/** DER key bytes (PKCS#8 or SPKI) that could not be imported as the kind of key asked for. */
export class InvalidKeyEncoding extends Error {
  constructor(
    readonly parameter: string,
    readonly reason: string,
  ) {
    super(`${parameter}: ${reason}`);
    this.name = 'InvalidKeyEncoding';
  }
}

/** A TLS SignatureScheme code we do not implement. */
export class UnsupportedSignatureScheme extends Error {
  constructor(readonly scheme: number) {
    super(`unsupported signature scheme 0x${scheme.toString(16).padStart(4, '0')}`);
    this.name = 'UnsupportedSignatureScheme';
  }
}

/** A signature scheme used with a key of another type (an ECDSA scheme with an RSA key, say). */
export class SignatureKeyMismatch extends Error {
  constructor(
    readonly scheme: string,
    readonly keyType: string,
  ) {
    super(`signature scheme ${scheme} cannot be used with a ${keyType} key`);
    this.name = 'SignatureKeyMismatch';
  }
}

/** WebCrypto is missing: browsers expose crypto.subtle only in secure contexts (HTTPS, localhost). */
export class WebCryptoUnavailable extends Error {
  constructor() {
    super('WebCrypto (crypto.subtle) is not available; RSA needs a secure context or Node 20+');
    this.name = 'WebCryptoUnavailable';
  }
}
