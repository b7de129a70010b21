import { translate } from '../../i18n/format';
import { CERT_TEXT_EN } from '../../i18n/cert.en';
import { DECODE_TEXT_EN, type DecodeKey } from '../../i18n/decode.en';

/** The English the error's own message is made of; a certificate's reason may sit inside. */
export const DECODE_ERROR_TEXT_EN: Readonly<Record<string, string>> = {
  ...DECODE_TEXT_EN,
  ...CERT_TEXT_EN,
};

export type { DecodeKey };

/**
 * A reason's parameters. One that holds another DecodeKey (`problem`, `cause`) is filled in from
 * the same parameters, so a wrapped reason stays one flat record of plain data.
 */
export type DecodeParams = Readonly<Record<string, string | number>>;

/**
 * A decoding failure that names where in the input it happened, and why as a key of the language
 * tables with its parameters (src/i18n/decode.en.ts). `illegal_value` marks input that is well
 * formed but holds a value the protocol forbids (TLS answers it with illegal_parameter, not
 * decode_error: RFC 5246, Section 7.2.2). The Error's own message is the English text, for logs.
 */
export class DecodeError extends Error {
  constructor(
    readonly key: DecodeKey,
    readonly params: DecodeParams,
    readonly offset: number,
    readonly fault: 'malformed' | 'illegal_value' = 'malformed',
  ) {
    super();
    const reason = translate(this.words(), key, params);
    this.message = `${reason} at offset ${offset}`;
    this.reason = reason;
    this.name = 'DecodeError';
  }

  /** Why, in English (the CLI's language); the UI translates `key` instead. */
  readonly reason: string;

  /**
   * The English table the message is read from. A decoder loaded on demand throws a subclass
   * that adds its own keys (the DNS codec's, ../dns/decode-error.ts), so the first load carries
   * only the words of what it decodes.
   */
  protected words(): Readonly<Record<string, string>> {
    return DECODE_ERROR_TEXT_EN;
  }

  /** The key and parameters as one flat record: `detail` is the key. */
  get detail(): DecodeParams & { detail: DecodeKey } {
    return { ...this.params, detail: this.key };
  }

  /** The whole error, offset included, as one parameter `name` of another key's text. */
  asParam(name: string): DecodeParams {
    return { ...this.params, [name]: 'decode.at_offset', decoded: this.key, offset: this.offset };
  }
}

/** An encoding failure: a value does not fit the field it is written into. */
export class EncodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncodeError';
  }
}
