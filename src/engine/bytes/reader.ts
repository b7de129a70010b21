import { DecodeError } from './errors';
import type { Fmt } from './format';
import type { Span, SpanValue } from './span';

/** The span tree a Reader and its sub-readers record into. */
class SpanSink {
  readonly stack: Span[][] = [[]];
  /** False: a reader that only decodes, for a caller that never shows the spans. */
  constructor(readonly recording = true) {}
  push(span: Span): void {
    if (!this.recording) return;
    if (span.value === undefined) delete span.value;
    if (span.explain === undefined) delete span.explain;
    this.stack[this.stack.length - 1]!.push(span);
  }
}

/**
 * A big-endian reader over `buf[start, end)` that records a span for every named field it reads.
 * Offsets are absolute within `buf`, so formats with back-pointers (DNS compression) can use
 * `byteAt`. Length prefixes that overrun their container and trailing bytes are rejected.
 */
export class Reader {
  private pos: number;
  private readonly sink: SpanSink;

  constructor(
    readonly buf: Uint8Array,
    readonly start = 0,
    readonly end = buf.length,
    sink?: SpanSink,
  ) {
    this.pos = start;
    this.sink = sink ?? new SpanSink();
  }

  /** A reader that decodes the same values but records no spans (and renders no field). */
  static withoutSpans(buf: Uint8Array): Reader {
    return new Reader(buf, 0, buf.length, new SpanSink(false));
  }

  get offset(): number {
    return this.pos;
  }
  get remaining(): number {
    return this.end - this.pos;
  }
  get atEnd(): boolean {
    return this.pos === this.end;
  }
  /** The spans recorded so far at the top level. */
  get spans(): Span[] {
    return this.sink.stack[0]!;
  }

  u8(name?: string, fmt?: Fmt<number>): number {
    return this.uint(1, name, fmt);
  }
  u16(name?: string, fmt?: Fmt<number>): number {
    return this.uint(2, name, fmt);
  }
  u24(name?: string, fmt?: Fmt<number>): number {
    return this.uint(3, name, fmt);
  }
  u32(name?: string, fmt?: Fmt<number>): number {
    return this.uint(4, name, fmt);
  }
  u64(name?: string, fmt?: Fmt<bigint>): bigint {
    const start = this.need(8, name ?? 'u64');
    let v = 0n;
    for (let i = 0; i < 8; i++) v = (v << 8n) | BigInt(this.buf[this.pos++]!);
    if (this.sink.recording)
      this.record(name, start, fmt?.show ? fmt.show(v) : v.toString(), fmt?.explain);
    return v;
  }

  bytes(n: number, name?: string, fmt?: Fmt<Uint8Array>): Uint8Array {
    const start = this.need(n, name ?? 'bytes');
    const out = this.buf.slice(this.pos, this.pos + n);
    this.pos += n;
    if (this.sink.recording) this.record(name, start, fmt?.show?.(out), fmt?.explain);
    return out;
  }

  /** Everything left in this reader. */
  rest(name?: string, fmt?: Fmt<Uint8Array>): Uint8Array {
    return this.bytes(this.remaining, name, fmt);
  }

  peekU8(): number {
    this.need(1, 'byte');
    return this.buf[this.pos]!;
  }

  /** Random access to any byte of the whole buffer (not only this reader's window). */
  byteAt(offset: number): number {
    if (offset < 0 || offset >= this.buf.length)
      throw new DecodeError('decode.outside', { at: offset }, offset);
    return this.buf[offset]!;
  }

  /**
   * A vector with a `lengthBytes`-byte length prefix (RFC 5246, Section 4.3). `body` reads from a
   * sub-reader bounded by the prefix and must consume it exactly.
   */
  vector<T>(
    lengthBytes: 1 | 2 | 3,
    name: string,
    body: (r: Reader) => T,
    opts?: { min?: number; max?: number; explain?: string; show?: (v: T) => SpanValue },
  ): T {
    const start = this.pos;
    const recording = this.sink.recording;
    if (recording) this.sink.stack.push([]);
    const length = this.uint(lengthBytes, 'length', { explain: 'bytes.length' });
    if (length > this.remaining) {
      throw new DecodeError(
        'decode.length_exceeds',
        { field: name, length, left: this.remaining },
        start,
      );
    }
    if (opts?.min !== undefined && length < opts.min) {
      throw new DecodeError(
        'decode.length_below_min',
        { field: name, length, min: opts.min },
        start,
      );
    }
    if (opts?.max !== undefined && length > opts.max) {
      throw new DecodeError(
        'decode.length_above_max',
        { field: name, length, max: opts.max },
        start,
      );
    }
    const sub = new Reader(this.buf, this.pos, this.pos + length, this.sink);
    const value = body(sub);
    sub.expectEnd(name);
    this.pos += length;
    if (!recording) return value;
    const children = this.sink.stack.pop()!;
    this.sink.push({
      name,
      offset: start,
      length: this.pos - start,
      value: opts?.show?.(value),
      explain: opts?.explain,
      children,
    });
    return value;
  }

  /** A named structure without a length prefix. */
  group<T>(
    name: string,
    body: (r: Reader) => T,
    fmt?: { explain?: string; show?: (v: T) => SpanValue },
  ): T {
    if (!this.sink.recording) return body(this);
    const start = this.pos;
    this.sink.stack.push([]);
    const value = body(this);
    const children = this.sink.stack.pop()!;
    this.sink.push({
      name,
      offset: start,
      length: this.pos - start,
      value: fmt?.show?.(value),
      explain: fmt?.explain,
      children,
    });
    return value;
  }

  /** A sub-reader over the next `n` bytes (consumed from this one), sharing the span tree. */
  sub(n: number, what: string): Reader {
    this.need(n, what);
    const r = new Reader(this.buf, this.pos, this.pos + n, this.sink);
    this.pos += n;
    return r;
  }

  /** Records a span over bytes already consumed, e.g. a DNS name whose length is known late. */
  annotate(
    name: string,
    offset: number,
    length: number,
    value?: SpanValue,
    explain?: string,
    children: Span[] = [],
  ): void {
    this.sink.push({ name, offset, length, value, explain, children });
  }

  /** Moves the cursor; used only by formats that jump (DNS compression) and know their bounds. */
  seek(offset: number): void {
    if (offset < this.start || offset > this.end)
      throw new DecodeError('decode.seek_outside', {}, offset);
    this.pos = offset;
  }

  expectEnd(what = 'message'): void {
    if (this.pos !== this.end) {
      throw new DecodeError('decode.trailing', { count: this.end - this.pos, what }, this.pos);
    }
  }

  private uint(width: number, name: string | undefined, fmt: Fmt<number> | undefined): number {
    const start = this.need(width, name ?? `u${8 * width}`);
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 256 + this.buf[this.pos++]!;
    if (this.sink.recording) this.record(name, start, fmt?.show ? fmt.show(v) : v, fmt?.explain);
    return v;
  }

  private need(n: number, what: string): number {
    if (n < 0 || this.pos + n > this.end) {
      throw new DecodeError('decode.truncated', { what, n, left: this.end - this.pos }, this.pos);
    }
    return this.pos;
  }

  private record(
    name: string | undefined,
    start: number,
    value: SpanValue | undefined,
    explain: string | undefined,
  ): void {
    if (name === undefined) return;
    this.sink.push({ name, offset: start, length: this.pos - start, value, explain, children: [] });
  }
}
