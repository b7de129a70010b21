import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError, toHex } from '../../bytes';
import { serverHello } from '../../../../test/fixtures/tls/arbitraries';
import { tilingProblems } from '../../../../test/fixtures/tls/span-tiling';
import { decodeHandshake, encodeHandshake } from './handshake';

describe('ServerHello (property)', () => {
  it('decodes what it encodes, re-encodes the same bytes, and annotates every byte', () => {
    fc.assert(
      fc.property(serverHello, (body) => {
        const encoded = encodeHandshake({ type: 'server_hello', body });
        const decoded = decodeHandshake(encoded.bytes);
        expect(decoded.message).toEqual({ type: 'server_hello', body });
        expect(toHex(encodeHandshake(decoded.message).bytes)).toBe(toHex(encoded.bytes));
        expect(decoded.spans).toEqual(encoded.spans);
        expect(tilingProblems(encoded.spans, 0, encoded.bytes.length)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('no strict prefix decodes', () => {
    fc.assert(
      fc.property(serverHello, fc.nat(), (body, cut) => {
        const { bytes } = encodeHandshake({ type: 'server_hello', body });
        expect(() => decodeHandshake(bytes.subarray(0, cut % bytes.length))).toThrow(DecodeError);
      }),
      { numRuns: 300 },
    );
  });

  it('puts cipher_suite and compression_method right after the session_id', () => {
    fc.assert(
      fc.property(serverHello, (body) => {
        const { bytes } = encodeHandshake({ type: 'server_hello', body });
        const at = 4 + 2 + 32 + 1 + body.sessionId.length;
        expect((bytes[at]! << 8) | bytes[at + 1]!).toBe(body.cipherSuite);
        expect(bytes[at + 2]).toBe(body.compressionMethod);
      }),
      { numRuns: 100 },
    );
  });
});
