import { describe, expect, it } from 'vitest';
import { DecodeError, fromHex } from '../engine/bytes';
import { decodeTlsRecords } from '../engine/tls/decode';
import { translate } from './format';
import { TLS_TEXT_EN } from './tls.en';
import { TLS_TEXT_KO } from './tls.ko';

function decodeError(hex: string): DecodeError {
  try {
    decodeTlsRecords(fromHex(hex));
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw e;
  }
  throw new Error('decoded');
}

describe('a DecodeError read from the tables', () => {
  // A ServerHelloDone (RFC 5246, Section 7.4.5: an empty body) that claims a 4-byte body.
  const error = decodeError('160303000a' + '0e000004' + '000000000000');

  it('is a key with parameters, wrapped reasons flattened into one record', () => {
    expect(error.key).toBe('decode.tls.in_record');
    expect(error.params).toMatchObject({ record: 1, problem: 'decode.trailing', count: 4 });
  });

  it('reads the same in English as the error message, and in Korean without English', () => {
    const en = translate(TLS_TEXT_EN, 'decode.at_offset', error.asParam('x'));
    const ko = translate(TLS_TEXT_KO, 'decode.at_offset', error.asParam('x'));
    expect(en).toBe(error.message);
    expect(en).toBe('record 1: 4 bytes of trailing data after ServerHelloDone at offset 9');
    expect(ko).toBe('레코드 1: ServerHelloDone 뒤에 남는 데이터가 4바이트 있습니다(오프셋 9)');
  });
});
