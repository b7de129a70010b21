/**
 * A decoding failure that names where in the input it happened. `illegal_value` marks input that
 * is well formed but holds a value the protocol forbids (TLS answers it with illegal_parameter,
 * not decode_error: RFC 5246, Section 7.2.2).
 */
export class DecodeError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
    readonly fault: 'malformed' | 'illegal_value' = 'malformed',
  ) {
    super(`${reason} at offset ${offset}`);
    this.name = 'DecodeError';
  }
}

/** An encoding failure: a value does not fit the field it is written into. */
export class EncodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncodeError';
  }
}
