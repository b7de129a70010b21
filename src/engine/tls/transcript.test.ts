import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from '../bytes/hex';
import { CryptoArgumentError } from '../crypto/errors';
import { Transcript } from './transcript';

// Handshake messages as they appear on the wire: msg_type(1) ‖ length(3) ‖ body.
const clientHello = fromHex('010000050303aabbcc');
const serverHelloDone = fromHex('0e000000');
const finished = fromHex('1400000c' + '00112233445566778899aabb');

describe('Transcript', () => {
  it('hashes the exact bytes of the messages, in order, with the hash asked for', () => {
    const t = new Transcript();
    t.add(clientHello);
    t.add(serverHelloDone);
    t.add(finished);
    const all = concatBytes(clientHello, serverHelloDone, finished);
    expect(toHex(t.hash('sha256'))).toBe(createHash('sha256').update(all).digest('hex'));
    expect(toHex(t.hash('sha384'))).toBe(createHash('sha384').update(all).digest('hex'));
    expect(t.messages.map(toHex)).toEqual([clientHello, serverHelloDone, finished].map(toHex));
    expect(t.length).toBe(3);
  });

  it('hashes the empty transcript to the hash of nothing', () => {
    expect(toHex(new Transcript().hash('sha256'))).toBe(createHash('sha256').digest('hex'));
  });

  it('can be hashed part way and again later, as EMS and Finished need', () => {
    const t = new Transcript();
    t.add(clientHello);
    const early = t.hash('sha256');
    t.add(finished);
    expect(toHex(early)).toBe(createHash('sha256').update(clientHello).digest('hex'));
    expect(toHex(t.hash('sha256'))).not.toBe(toHex(early));
    // A hash asked for only now covers the messages added before too.
    t.add(serverHelloDone);
    const all = concatBytes(clientHello, finished, serverHelloDone);
    expect(toHex(t.hash('sha384'))).toBe(createHash('sha384').update(all).digest('hex'));
    expect(toHex(t.hash('sha256'))).toBe(createHash('sha256').update(all).digest('hex'));
  });

  it('keeps its own copy, so a reused buffer does not change the transcript', () => {
    const t = new Transcript();
    const buffer = clientHello.slice();
    t.add(buffer);
    buffer.fill(0);
    t.messages[0]!.fill(0);
    expect(toHex(t.messages[0]!)).toBe(toHex(clientHello));
  });

  it('rejects a record header, a truncated message and a short header, naming the parameter', () => {
    const t = new Transcript();
    // A record header in front of the message: its "length" no longer matches.
    expect(() => t.add(concatBytes(fromHex('1603030009'), clientHello))).toThrow(
      CryptoArgumentError,
    );
    expect(() => t.add(clientHello.subarray(0, 7))).toThrow(
      /^rawHandshakeMessage: header says 5 body bytes but 3 follow$/,
    );
    expect(() => t.add(fromHex('0e00'))).toThrow(
      /^rawHandshakeMessage: a handshake message has a 4-byte header/,
    );
    expect(t.length).toBe(0);
  });
});

describe('Transcript after a HelloRetryRequest (RFC 8446, Section 4.4.1)', () => {
  it('replaces ClientHello1 with message_hash: 254, 00 00 Hash.length, Hash(ClientHello1)', () => {
    const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());
    const clientHello = Uint8Array.of(1, 0, 0, 2, 3, 3);
    const t = new Transcript();
    t.add(clientHello);
    t.replaceWithMessageHash('sha256');
    const expected = new Uint8Array([254, 0, 0, 32, ...sha256(clientHello)]);
    expect(t.messages).toEqual([expected]);
    expect(t.hash('sha256')).toEqual(sha256(expected));
  });
});
