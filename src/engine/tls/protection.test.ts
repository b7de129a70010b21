import { createCipheriv, type CipherGCMTypes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex, utf8 } from '../bytes/hex';
import { CryptoArgumentError } from '../crypto/errors';
import { SeededRng } from '../sim/rng';
import { BadRecordMac, MAX_PLAINTEXT_LENGTH, RecordOverflow, RecordProtector } from './protection';
import { SUITES, suiteParams, type SuiteParams } from './suites';

const APPLICATION_DATA = 23;
const HANDSHAKE = 22;
const TLS12 = 0x0303;
const NODE_CIPHER = {
  AES_128_GCM: 'aes-128-gcm',
  AES_256_GCM: 'aes-256-gcm',
  CHACHA20_POLY1305: 'chacha20-poly1305',
} as const;

function keysFor(suite: SuiteParams, label: string): { key: Uint8Array; iv: Uint8Array } {
  const rng = new SeededRng(`${suite.name} ${label}`);
  return { key: rng.bytes(suite.keyLength), iv: rng.bytes(suite.fixedIvLength) };
}

function pair(suite: SuiteParams): [RecordProtector, RecordProtector] {
  const { key, iv } = keysFor(suite, 'pair');
  return [new RecordProtector(suite, key, iv), new RecordProtector(suite, key, iv)];
}

function u64(n: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(n);
  return b;
}

/**
 * The record fragment, built independently with node:crypto from the RFC text: the nonce of
 * RFC 5288, Section 3 (salt ‖ seq) or RFC 7905, Section 2 (IV XOR seq), and the AAD of RFC 5246,
 * Section 6.2.3.3.
 */
function nodeRecord(
  suite: SuiteParams,
  key: Uint8Array,
  iv: Uint8Array,
  seq: bigint,
  type: number,
  plaintext: Uint8Array,
): string {
  const aad = Buffer.concat([
    u64(seq),
    Buffer.from([type, TLS12 >> 8, TLS12 & 0xff, plaintext.length >> 8, plaintext.length & 0xff]),
  ]);
  const gcm = suite.aead !== 'CHACHA20_POLY1305';
  const nonce = gcm
    ? Buffer.concat([iv, u64(seq)])
    : Buffer.from(iv.map((b, i) => (i < 4 ? b : b ^ u64(seq)[i - 4]!)));
  // node's typings give ChaCha20-Poly1305 its own overload; at run time both are the same AEAD cipher.
  const cipher = createCipheriv(NODE_CIPHER[suite.aead] as CipherGCMTypes, key, nonce);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return (gcm ? Buffer.concat([u64(seq), body]) : body).toString('hex');
}

describe('RecordProtector', () => {
  for (const suite of SUITES) {
    describe(suite.name, () => {
      it('seals byte for byte what node:crypto makes from the RFC nonce and AAD, record after record', () => {
        const { key, iv } = keysFor(suite, 'node');
        const protector = new RecordProtector(suite, key, iv);
        const messages = [
          utf8('GET / HTTP/1.1\r\n\r\n'),
          new Uint8Array(0),
          new SeededRng(1).bytes(1000),
        ];
        messages.forEach((plaintext, i) => {
          expect(protector.sequence).toBe(BigInt(i));
          const sealed = protector.seal(APPLICATION_DATA, TLS12, plaintext);
          expect(toHex(sealed.fragment), `record ${i}`).toBe(
            nodeRecord(suite, key, iv, BigInt(i), APPLICATION_DATA, plaintext),
          );
          expect(sealed.fragment.length).toBe(suite.recordIvLength + plaintext.length + 16);
          expect(toHex(sealed.aad)).toBe(
            toHex(
              concatBytes(
                u64(BigInt(i)),
                fromHex('170303'),
                u64(BigInt(plaintext.length)).subarray(6),
              ),
            ),
          );
          expect(sealed.nonce.length).toBe(12);
        });
        expect(protector.sequence).toBe(3n);
      });

      it('opens what it seals, with the same nonce and AAD on both sides', () => {
        const [writer, reader] = pair(suite);
        fc.assert(
          fc.property(
            fc.uint8Array({ maxLength: 600 }),
            fc.constantFrom(HANDSHAKE, APPLICATION_DATA),
            (plaintext, type) => {
              const sealed = writer.seal(type, TLS12, plaintext);
              const opened = reader.open(type, TLS12, sealed.fragment);
              expect(toHex(opened.plaintext)).toBe(toHex(plaintext));
              expect(toHex(opened.nonce)).toBe(toHex(sealed.nonce));
              expect(toHex(opened.aad)).toBe(toHex(sealed.aad));
              expect(reader.sequence).toBe(writer.sequence);
            },
          ),
          { numRuns: 40 },
        );
      });

      it('throws BadRecordMac for a flipped byte anywhere, and for another type or version', () => {
        const { key, iv } = keysFor(suite, 'tamper');
        const fragment = new RecordProtector(suite, key, iv).seal(
          APPLICATION_DATA,
          TLS12,
          utf8('secret message'),
        ).fragment;
        for (let at = 0; at < fragment.length; at++) {
          const bad = fragment.slice();
          bad[at]! ^= 0x01;
          expect(
            () => new RecordProtector(suite, key, iv).open(APPLICATION_DATA, TLS12, bad),
            `byte ${at}`,
          ).toThrow(BadRecordMac);
        }
        expect(() => new RecordProtector(suite, key, iv).open(HANDSHAKE, TLS12, fragment)).toThrow(
          BadRecordMac,
        );
        expect(() =>
          new RecordProtector(suite, key, iv).open(APPLICATION_DATA, 0x0302, fragment),
        ).toThrow(BadRecordMac);
        expect(() =>
          new RecordProtector(suite, key, iv).open(APPLICATION_DATA, TLS12, fragment),
        ).not.toThrow();
      });

      it('throws BadRecordMac for a replayed or reordered record, and does not advance on failure', () => {
        const [writer, reader] = pair(suite);
        const first = writer.seal(APPLICATION_DATA, TLS12, utf8('one')).fragment;
        const second = writer.seal(APPLICATION_DATA, TLS12, utf8('two')).fragment;
        // The sequence number is in the AAD (and for ChaCha20 the nonce), so order is authenticated.
        expect(() => reader.open(APPLICATION_DATA, TLS12, second)).toThrow(BadRecordMac);
        expect(reader.sequence).toBe(0n);
        reader.open(APPLICATION_DATA, TLS12, first);
        expect(() => reader.open(APPLICATION_DATA, TLS12, first)).toThrow(BadRecordMac);
        expect(toHex(reader.open(APPLICATION_DATA, TLS12, second).plaintext)).toBe(
          toHex(utf8('two')),
        );
      });

      it('throws BadRecordMac for a fragment too short for its nonce and tag', () => {
        const [, reader] = pair(suite);
        const overhead = suite.recordIvLength + 16;
        expect(() => reader.open(APPLICATION_DATA, TLS12, new Uint8Array(overhead - 1))).toThrow(
          `bad record MAC: fragment of ${overhead - 1} bytes is shorter than its ${overhead}-byte nonce and tag`,
        );
      });

      it('carries exactly 2^14 bytes and refuses one more, sealing or opening (RecordOverflow)', () => {
        const [writer, reader] = pair(suite);
        const max = new Uint8Array(MAX_PLAINTEXT_LENGTH).fill(7);
        expect(
          reader.open(APPLICATION_DATA, TLS12, writer.seal(APPLICATION_DATA, TLS12, max).fragment)
            .plaintext.length,
        ).toBe(2 ** 14);
        expect(() => writer.seal(APPLICATION_DATA, TLS12, new Uint8Array(2 ** 14 + 1))).toThrow(
          RecordOverflow,
        );
        const tooLong = new Uint8Array(suite.recordIvLength + 2 ** 14 + 1 + 16);
        expect(() => reader.open(APPLICATION_DATA, TLS12, tooLong)).toThrow(RecordOverflow);
        expect(() => reader.open(APPLICATION_DATA, TLS12, new Uint8Array(2 ** 14 + 2049))).toThrow(
          /exceeds 18432/,
        );
      });
    });
  }

  it('opens a GCM record whose explicit nonce is not the sequence number (RFC 5288 lets the sender choose)', () => {
    const suite = suiteParams(0xc02f)!;
    const { key, iv } = keysFor(suite, 'explicit');
    const explicit = fromHex('0123456789abcdef');
    const plaintext = utf8('hello');
    const aad = concatBytes(u64(0n), fromHex('170303'), fromHex('0005'));
    const cipher = createCipheriv('aes-128-gcm', key, concatBytes(iv, explicit));
    cipher.setAAD(aad);
    const fragment = concatBytes(
      explicit,
      cipher.update(plaintext),
      cipher.final(),
      cipher.getAuthTag(),
    );
    const opened = new RecordProtector(suite, key, iv).open(APPLICATION_DATA, TLS12, fragment);
    expect(toHex(opened.plaintext)).toBe(toHex(plaintext));
    expect(toHex(opened.nonce)).toBe(toHex(concatBytes(iv, explicit)));
  });

  it('rejects a key or IV of the wrong length and a type or version out of range, naming the parameter', () => {
    const suite = suiteParams(0xcca8)!;
    expect(() => new RecordProtector(suite, new Uint8Array(16), new Uint8Array(12))).toThrow(
      CryptoArgumentError,
    );
    expect(() => new RecordProtector(suite, new Uint8Array(32), new Uint8Array(4))).toThrow(
      /^iv: .* needs a 12-byte fixed IV, got 4$/,
    );
    const p = new RecordProtector(suite, new Uint8Array(32), new Uint8Array(12));
    expect(() => p.seal(256, TLS12, new Uint8Array(1))).toThrow(/^type: must be a uint8/);
    expect(() => p.seal(APPLICATION_DATA, 0x10000, new Uint8Array(1))).toThrow(
      /^version: must be a uint16/,
    );
  });
});
