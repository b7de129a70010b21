import { describe, expect, it } from 'vitest';
import { concatBytes, DecodeError, EncodeError, fromHex, toHex } from '../bytes';
import { counting } from '../../../test/fixtures/tls/samples';
import { tilingProblems } from '../../../test/fixtures/tls/span-tiling';
import { encodeHandshake } from './messages/handshake';
import {
  encodeRecord,
  encodeRecordHeader,
  MAX_CIPHERTEXT,
  MAX_RECEIVED_RECORD,
  MAX_PLAINTEXT,
  RecordOverflow,
  RecordSplitter,
  type TlsRecord,
} from './record';

const records: TlsRecord[] = [
  { type: 22, version: 0x0301, fragment: counting(40, 0x10) },
  { type: 20, version: 0x0303, fragment: fromHex('01') },
  { type: 23, version: 0x0303, fragment: counting(300, 0x80) },
  { type: 21, version: 0x0303, fragment: fromHex('0100') },
  // RFC 5246, Section 6.2.1 allows zero-length application data.
  { type: 23, version: 0x0303, fragment: new Uint8Array(0) },
];
const stream = concatBytes(...records.map((r) => encodeRecord(r).bytes));

describe('record framing (RFC 5246, Section 6.2.1)', () => {
  it('writes type, version, a 16-bit length and the fragment', () => {
    const { bytes, spans } = encodeRecord({
      type: 22,
      version: 0x0303,
      fragment: fromHex('aabbcc'),
    });
    expect(toHex(bytes)).toBe('160303' + '0003' + 'aabbcc');
    expect(toHex(encodeRecordHeader(22, 0x0303, 3))).toBe('1603030003');
    expect(spans[0]).toMatchObject({ name: 'record', value: 'handshake', offset: 0, length: 8 });
    expect(spans[0]!.children.map((s) => `${s.name}=${s.value ?? ''}`)).toEqual([
      'type=handshake (22)',
      'version=TLS 1.2 (0x0303)',
      'length=3',
      'fragment=',
    ]);
  });

  it('nests the fragment’s own spans under "fragment", shifted past the header', () => {
    const finished = encodeHandshake({ type: 'finished', body: { verifyData: counting(12) } });
    const { bytes, spans } = encodeRecord(
      { type: 22, version: 0x0303, fragment: finished.bytes },
      finished.spans,
    );
    const fragment = spans[0]!.children[3]!;
    expect(fragment.children[0]).toMatchObject({ name: 'Finished', offset: 5, length: 16 });
    expect(fragment.children[0]!.children[0]).toMatchObject({ name: 'msg_type', offset: 5 });
    expect(tilingProblems(spans, 0, bytes.length)).toEqual([]);
  });

  it('has the RFC limits and refuses to frame an oversized fragment', () => {
    expect(MAX_PLAINTEXT).toBe(16384);
    expect(MAX_CIPHERTEXT).toBe(18432);
    expect(
      encodeRecord({ type: 23, version: 0x0303, fragment: new Uint8Array(MAX_CIPHERTEXT) }).bytes
        .length,
    ).toBe(MAX_CIPHERTEXT + 5);
    expect(() =>
      encodeRecord({ type: 23, version: 0x0303, fragment: new Uint8Array(MAX_CIPHERTEXT + 1) }),
    ).toThrow(EncodeError);
  });
});

describe('RecordSplitter', () => {
  const expectRecords = (got: { record: TlsRecord; raw: Uint8Array }[]): void => {
    expect(got.map((g) => g.record)).toEqual(records);
    expect(toHex(concatBytes(...got.map((g) => g.raw)))).toBe(toHex(stream));
  };

  it('cuts a stream at every possible split point into the same records', () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      const splitter = new RecordSplitter();
      const got = [
        ...splitter.push(stream.subarray(0, cut)),
        ...splitter.push(stream.subarray(cut)),
      ];
      expectRecords(got);
      expect(splitter.buffered).toBe(0);
    }
  });

  it('holds partial records when fed one byte at a time', () => {
    const splitter = new RecordSplitter();
    const ends = new Set<number>();
    let end = 0;
    for (const r of records) ends.add((end += 5 + r.fragment.length));
    const got: { record: TlsRecord; raw: Uint8Array }[] = [];
    for (let i = 0; i < stream.length; i++) {
      const out = splitter.push(stream.subarray(i, i + 1));
      // A record comes out exactly when its last byte arrives.
      expect(out.length, `after byte ${i}`).toBe(ends.has(i + 1) ? 1 : 0);
      got.push(...out);
    }
    expectRecords(got);
  });

  it('returns a record only once its last byte is in', () => {
    const splitter = new RecordSplitter();
    const first = encodeRecord(records[0]!).bytes;
    expect(splitter.push(first.subarray(0, first.length - 1))).toEqual([]);
    expect(splitter.buffered).toBe(first.length - 1);
    expect(splitter.push(first.subarray(first.length - 1))).toHaveLength(1);
  });

  it('accepts a record of exactly 2^14 + 256 bytes and refuses one byte more with RecordOverflow', () => {
    // RFC 8446, Section 5.2's bound: above anything our AEAD suites produce (2^14 + 24), below
    // RFC 5246's 2^14 + 2048 (record.ts, MAX_RECEIVED_RECORD).
    expect(MAX_RECEIVED_RECORD).toBe(16640);
    const max = encodeRecord({
      type: 23,
      version: 0x0303,
      fragment: new Uint8Array(MAX_RECEIVED_RECORD),
    }).bytes;
    expect(new RecordSplitter().push(max)).toHaveLength(1);
    const splitter = new RecordSplitter();
    splitter.push(stream.subarray(0, 45)); // the first record, whole
    // The header alone is enough to refuse it: the body is never buffered.
    const overflow = () => splitter.push(encodeRecordHeader(23, 0x0303, MAX_RECEIVED_RECORD + 1));
    expect(overflow).toThrow(RecordOverflow);
    expect(overflow).toThrow('record length 16641 exceeds the maximum 16640 at offset 45');
  });

  it('refuses an unknown content type with a DecodeError at its stream offset, and stays failed', () => {
    const splitter = new RecordSplitter();
    splitter.push(stream.subarray(0, 45));
    let error: unknown;
    try {
      splitter.push(fromHex('1803030000'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DecodeError);
    expect(error).toMatchObject({ reason: 'unknown record content type 24', offset: 45 });
    expect(() => splitter.push(stream)).toThrow('unknown record content type 24');
  });

  it('refuses plain text that is not TLS at all', () => {
    expect(() => new RecordSplitter().push(new TextEncoder().encode('GET / HTTP/1.1\r\n'))).toThrow(
      'unknown record content type 71 at offset 0',
    );
  });
});
