import { describe, expect, it } from 'vitest';
import { concatBytes, DecodeError, fromHex, toHex } from '../bytes';
import { counting, sampleMessages } from '../../../test/fixtures/tls/samples';
import { HandshakeBuffer, MAX_CLIENT_HELLO, MAX_HANDSHAKE_MESSAGE } from './handshake-buffer';
import { encodeHandshake } from './messages/handshake';
// These read TLS 1.3 without a connection, which would load its codecs first.
import './tls13/install';

const encoded = sampleMessages.map((m) => encodeHandshake(m));
const flight = concatBytes(...encoded.map((e) => e.bytes));

function drain(buffer: HandshakeBuffer): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let m = buffer.next(); m; m = buffer.next()) out.push(m.raw);
  return out;
}

describe('HandshakeBuffer (RFC 5246, Section 6.2.1)', () => {
  it('splits messages coalesced in one record, each with its exact bytes, message and spans', () => {
    const buffer = new HandshakeBuffer();
    buffer.push(flight);
    for (let i = 0; i < sampleMessages.length; i++) {
      const next = buffer.next();
      expect(next, `message ${i}`).toBeDefined();
      expect(toHex(next!.raw)).toBe(toHex(encoded[i]!.bytes));
      expect(next!.message).toEqual(sampleMessages[i]);
      expect(next!.spans).toEqual(encoded[i]!.spans);
    }
    expect(buffer.next()).toBeUndefined();
    expect(buffer.isEmpty).toBe(true);
  });

  it('reassembles a message fragmented across records, header included', () => {
    const certificate = encoded[4]!.bytes; // 300 + 20 bytes of certificates
    // Cut inside the header, inside the body and at the last byte.
    const cuts = [2, 150, certificate.length - 1];
    const buffer = new HandshakeBuffer();
    let from = 0;
    for (const cut of cuts) {
      buffer.push(certificate.subarray(from, cut));
      expect(buffer.next()).toBeUndefined();
      expect(buffer.isEmpty).toBe(false);
      from = cut;
    }
    buffer.push(certificate.subarray(from));
    const next = buffer.next();
    expect(next?.message).toEqual(sampleMessages[4]);
    expect(toHex(next!.raw)).toBe(toHex(certificate));
    expect(buffer.isEmpty).toBe(true);
  });

  it('yields the same messages whatever the fragment boundaries', () => {
    for (const size of [1, 3, 4, 7, 64, 1000]) {
      const buffer = new HandshakeBuffer();
      const got: Uint8Array[] = [];
      for (let at = 0; at < flight.length; at += size) {
        buffer.push(flight.subarray(at, at + size));
        got.push(...drain(buffer));
      }
      expect(got.map(toHex), `fragments of ${size}`).toEqual(encoded.map((e) => toHex(e.bytes)));
      expect(buffer.isEmpty).toBe(true);
    }
  });

  it('keeps the start of the next message when one completes mid-fragment', () => {
    const buffer = new HandshakeBuffer();
    const two = concatBytes(encoded[7]!.bytes, encoded[9]!.bytes); // ServerHelloDone, Finished
    buffer.push(two.subarray(0, 6));
    expect(buffer.next()?.message).toEqual({ type: 'server_hello_done', body: {} });
    expect(buffer.next()).toBeUndefined();
    expect(buffer.isEmpty).toBe(false);
    buffer.push(two.subarray(6));
    expect(buffer.next()?.message.type).toBe('finished');
  });

  it('refuses a message longer than the limit as soon as its header arrives', () => {
    const buffer = new HandshakeBuffer();
    buffer.push(encoded[7]!.bytes);
    buffer.next();
    buffer.push(fromHex('0b010001'));
    expect(() => buffer.next()).toThrow(
      new DecodeError(
        'decode.length_exceeds_max',
        { field: 'handshake message', length: 65537, max: MAX_HANDSHAKE_MESSAGE },
        5,
      ),
    );
  });

  it("takes a ClientHello up to OpenSSL's 131396 bytes, and reports its msg_type before the body", () => {
    const buffer = new HandshakeBuffer();
    buffer.push(fromHex('01020144')); // 0x020144 = 131396
    expect(buffer.nextType()).toBe(1);
    expect(buffer.next()).toBeUndefined(); // waiting for the body
    const over = new HandshakeBuffer();
    over.push(fromHex('01020145'));
    expect(() => over.next()).toThrow(
      `handshake message length 131397 exceeds the maximum ${MAX_CLIENT_HELLO} at offset 1`,
    );
  });

  it('reports a bad body at its offset in the handshake stream', () => {
    const buffer = new HandshakeBuffer();
    buffer.push(concatBytes(encoded[7]!.bytes, fromHex('14000003'), counting(3)));
    buffer.next();
    expect(() => buffer.next()).toThrow(
      'verify_data is 3 bytes but must be at least 12 at offset 8',
    );
  });
});
