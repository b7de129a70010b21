import { describe, expect, it } from 'vitest';
import { DecodeError, fromHex, toHex } from '../../bytes';
import { decodeChangeCipherSpec, encodeChangeCipherSpec } from './change-cipher-spec';

describe('ChangeCipherSpec (RFC 5246, Section 7.1)', () => {
  it('is the single byte 1', () => {
    const { bytes, spans } = encodeChangeCipherSpec();
    expect(toHex(bytes)).toBe('01');
    expect(spans[0]!.children[0]).toMatchObject({
      name: 'type',
      value: 'change_cipher_spec (1)',
      offset: 0,
      length: 1,
    });
    expect(() => decodeChangeCipherSpec(bytes)).not.toThrow();
  });

  it('rejects any other byte, an empty body, and extra bytes', () => {
    expect(() => decodeChangeCipherSpec(fromHex('02'))).toThrow(
      'ChangeCipherSpec type is 2, not change_cipher_spec (1) at offset 0',
    );
    expect(() => decodeChangeCipherSpec(new Uint8Array(0))).toThrow(DecodeError);
    expect(() => decodeChangeCipherSpec(fromHex('0101'))).toThrow(
      '1 bytes of trailing data after ChangeCipherSpec',
    );
  });
});
