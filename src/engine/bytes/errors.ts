/** A decoding failure that names where in the input it happened. */
export class DecodeError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
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
