import { describe, expect, it } from 'vitest';
import { DecodeError, fromHex, toHex } from '../../bytes';
import { tilingProblems } from '../../../../test/fixtures/tls/span-tiling';
import { alertName, decodeAlert, encodeAlert } from './alert';

describe('Alert (RFC 5246, Section 7.2)', () => {
  it('round trips with named fields', () => {
    const { bytes, spans } = encodeAlert({ level: 2, description: 40 });
    expect(toHex(bytes)).toBe('0228');
    expect(decodeAlert(bytes)).toEqual({ level: 2, description: 40 });
    expect(spans[0]).toMatchObject({ name: 'Alert', value: 'handshake_failure' });
    expect(spans[0]!.children.map((s) => s.value)).toEqual(['fatal (2)', 'handshake_failure (40)']);
    expect(tilingProblems(spans, 0, 2)).toEqual([]);
  });

  it('keeps values it does not know', () => {
    expect(decodeAlert(fromHex('07fe'))).toEqual({ level: 7, description: 254 });
    expect(alertName({ level: 7, description: 254 })).toBe('Alert level 7 unknown (0xfe)');
    expect(alertName({ level: 1, description: 0 })).toBe('Alert warning close_notify');
  });

  it('rejects every strict prefix and trailing bytes', () => {
    expect(() => decodeAlert(new Uint8Array(0))).toThrow(DecodeError);
    expect(() => decodeAlert(fromHex('02'))).toThrow(
      'truncated: description needs 1 bytes but 0 are left at offset 1',
    );
    expect(() => decodeAlert(fromHex('022800'))).toThrow(
      '1 bytes of trailing data after Alert at offset 2',
    );
  });
});
