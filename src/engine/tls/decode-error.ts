import { DECODE_ERROR_TEXT_EN, DecodeError } from '../bytes/errors';
import { RECORDS_DECODE_TEXT_EN } from '../../i18n/decode-records.en';

const TEXT_EN: Readonly<Record<string, string>> = {
  ...DECODE_ERROR_TEXT_EN,
  ...RECORDS_DECODE_TEXT_EN,
};

/**
 * A DecodeError of the Decode view's record decoder (./decode.ts): the same key, parameters and
 * offset, its English message read with that decoder's keys (src/i18n/decode-records.en.ts),
 * which come with it.
 */
export class RecordsDecodeError extends DecodeError {
  protected override words(): Readonly<Record<string, string>> {
    return TEXT_EN;
  }
}
