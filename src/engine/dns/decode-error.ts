import { DECODE_ERROR_TEXT_EN, DecodeError } from '../bytes/errors';
import { DNS_DECODE_TEXT_EN } from '../../i18n/decode-dns.en';

const TEXT_EN: Readonly<Record<string, string>> = {
  ...DECODE_ERROR_TEXT_EN,
  ...DNS_DECODE_TEXT_EN,
};

/**
 * A DecodeError of the DNS codec: the same key, parameters and offset, its English message read
 * with the DNS keys (src/i18n/decode-dns.en.ts), which come with the DNS engine.
 */
export class DnsDecodeError extends DecodeError {
  protected override words(): Readonly<Record<string, string>> {
    return TEXT_EN;
  }
}
