import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError, toHex } from '../../bytes';
import { clientHello } from '../../../../test/fixtures/tls/arbitraries';
import { tilingProblems } from '../../../../test/fixtures/tls/span-tiling';
import { decodeHandshake, encodeHandshake } from './handshake';

describe('ClientHello (property)', () => {
  it('decodes what it encodes, re-encodes the same bytes, and annotates every byte', () => {
    fc.assert(
      fc.property(clientHello, (body) => {
        const encoded = encodeHandshake({ type: 'client_hello', body });
        const decoded = decodeHandshake(encoded.bytes);
        expect(decoded.message).toEqual({ type: 'client_hello', body });
        expect(toHex(encodeHandshake(decoded.message).bytes)).toBe(toHex(encoded.bytes));
        expect(decoded.spans).toEqual(encoded.spans);
        expect(tilingProblems(encoded.spans, 0, encoded.bytes.length)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('no strict prefix decodes', () => {
    fc.assert(
      fc.property(clientHello, fc.nat(), (body, cut) => {
        const { bytes } = encodeHandshake({ type: 'client_hello', body });
        const n = cut % bytes.length;
        expect(() => decodeHandshake(bytes.subarray(0, n))).toThrow(DecodeError);
      }),
      { numRuns: 300 },
    );
  });

  it('omits the extensions block when there are none, and reads its absence as none', () => {
    fc.assert(
      fc.property(clientHello, (body) => {
        const bare = { ...body, extensions: [] };
        const { bytes } = encodeHandshake({ type: 'client_hello', body: bare });
        // header 4, version 2, random 32, session_id, cipher_suites, compression_methods: nothing after.
        const expected =
          4 +
          2 +
          32 +
          1 +
          body.sessionId.length +
          2 +
          2 * body.cipherSuites.length +
          1 +
          body.compressionMethods.length;
        expect(bytes.length).toBe(expected);
        expect(decodeHandshake(bytes).message).toEqual({ type: 'client_hello', body: bare });
      }),
      { numRuns: 100 },
    );
  });
});
