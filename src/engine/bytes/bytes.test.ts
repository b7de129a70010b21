import { describe, expect, it } from 'vitest';
import { DecodeError, Reader, Writer, fromHex, toHex, spanAt } from './index';

describe('Writer and Reader', () => {
  it('write and read the same fields with the same spans', () => {
    const w = new Writer();
    w.u8(0x16, 'type');
    w.vector(2, 'items', (v) => {
      v.u16(0x1301, 'item');
      v.u16(0xc02f, 'item');
    });
    const { bytes, spans } = w.finish();
    expect(toHex(bytes)).toBe('1600041301c02f');
    const r = new Reader(bytes);
    r.u8('type');
    const items = r.vector(2, 'items', (v) => [v.u16('item'), v.u16('item')]);
    r.expectEnd();
    expect(items).toEqual([0x1301, 0xc02f]);
    expect(r.spans).toEqual(spans);
    expect(spanAt(spans, 5)?.name).toBe('item');
    expect(spanAt(spans, 1)?.name).toBe('length');
  });

  it('rejects a length prefix longer than what is left', () => {
    const r = new Reader(fromHex('0005aabb'));
    expect(() => r.vector(2, 'items', (v) => v.rest())).toThrow(
      /items length 5 exceeds the 2 bytes left at offset 0/,
    );
  });

  it('rejects trailing data inside a vector and after a message', () => {
    const r = new Reader(fromHex('0003aabbcc'));
    expect(() => r.vector(2, 'items', (v) => v.u16())).toThrow(DecodeError);
    const r2 = new Reader(fromHex('aabb'));
    r2.u8();
    expect(() => r2.expectEnd()).toThrow(/1 bytes of trailing data/);
  });

  it('writes the same bytes without spans, and no spans', () => {
    const write = (w: Writer): Writer =>
      w
        .u8(0x16, 'type')
        .group('hello', (g) =>
          g.sizedBy(3, 'length', (b) => b.vector(1, 'items', (v) => v.u16(0xc02f, 'item'))),
        );
    const withSpans = write(new Writer()).finish();
    const bare = write(new Writer(false)).finish();
    // type 0x16, a 3-byte length of 3, then a 1-byte length of 2 and the item.
    expect(toHex(bare.bytes)).toBe('1600000302c02f');
    expect(toHex(bare.bytes)).toBe(toHex(withSpans.bytes));
    expect(bare.spans).toEqual([]);
    // sizedBy: the length field and the body it counts are siblings.
    const hello = withSpans.spans[1]!;
    expect(hello.children.map((s) => [s.name, s.offset, s.length, s.value])).toEqual([
      ['length', 1, 3, 3],
      ['items', 4, 3, undefined],
    ]);
  });

  it('refuses a vector body too long for its prefix', () => {
    const w = new Writer();
    expect(() => w.vector(1, 'v', (v) => v.bytes(new Uint8Array(256)))).toThrow(/too long/);
  });
});
