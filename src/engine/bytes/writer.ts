import { EncodeError } from './errors';
import type { Fmt } from './format';
import { shiftSpans, type Span, type SpanValue } from './span';

/** Bytes plus the annotation tree that describes them. */
export interface Encoded {
  bytes: Uint8Array;
  spans: Span[];
}

/**
 * An Encoded whose spans are built on first read, then kept. They are data like any other
 * (enumerable, copied by a spread or JSON.stringify); assigning replaces them.
 */
export function lazyEncoded(bytes: Uint8Array, makeSpans: () => Span[]): Encoded {
  let spans: Span[] | undefined;
  return {
    bytes,
    get spans(): Span[] {
      return (spans ??= makeSpans());
    },
    set spans(value: Span[]) {
      spans = value;
    },
  };
}

/**
 * A growable big-endian writer that records an annotation span for every named field it writes.
 * Nested structures (`vector`, `group`) become nested spans, so encoding and annotating cannot
 * drift apart.
 */
export class Writer {
  private buf = new Uint8Array(256);
  private len = 0;
  private readonly stack: Span[][] = [[]];

  /**
   * @param recordSpans false for bytes only: the same encoding, with no span tree built (and no
   *   field rendered). For a caller that only needs the spans later, if at all, and can then
   *   encode again with them.
   */
  constructor(private readonly recordSpans = true) {}

  get length(): number {
    return this.len;
  }

  u8(v: number, name?: string, fmt?: Fmt<number>): this {
    return this.uint(v, 1, name, fmt);
  }
  u16(v: number, name?: string, fmt?: Fmt<number>): this {
    return this.uint(v, 2, name, fmt);
  }
  u24(v: number, name?: string, fmt?: Fmt<number>): this {
    return this.uint(v, 3, name, fmt);
  }
  u32(v: number, name?: string, fmt?: Fmt<number>): this {
    return this.uint(v, 4, name, fmt);
  }
  u64(v: bigint, name?: string, fmt?: Fmt<bigint>): this {
    if (v < 0n || v >= 1n << 64n) throw new EncodeError(`${name ?? 'u64'} out of range: ${v}`);
    const start = this.len;
    this.reserve(8);
    for (let i = 7; i >= 0; i--) this.buf[this.len++] = Number((v >> BigInt(8 * i)) & 0xffn);
    if (this.recordSpans)
      this.record(name, start, fmt?.show ? fmt.show(v) : v.toString(), fmt?.explain);
    return this;
  }

  bytes(b: Uint8Array, name?: string, fmt?: Fmt<Uint8Array>): this {
    const start = this.len;
    this.reserve(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
    if (this.recordSpans) this.record(name, start, fmt?.show?.(b), fmt?.explain);
    return this;
  }

  /**
   * A vector with a `lengthBytes`-byte length prefix (RFC 5246, Section 4.3). The span covers the
   * prefix and the body; the prefix gets a child span named "length".
   */
  vector(lengthBytes: 1 | 2 | 3, name: string, body: (w: Writer) => void, fmt?: Fmt<number>): this {
    const start = this.len;
    if (!this.recordSpans) {
      this.lengthPrefixed(lengthBytes, name, body);
      return this;
    }
    this.stack.push([]);
    this.record('length', start, undefined, 'bytes.length')!.length = lengthBytes;
    const bodyLength = this.lengthPrefixed(lengthBytes, name, body);
    const children = this.stack.pop()!;
    children[0]!.value = bodyLength;
    this.pushSpan({
      name,
      offset: start,
      length: this.len - start,
      value: fmt?.show?.(bodyLength),
      explain: fmt?.explain,
      children,
    });
    return this;
  }

  /**
   * A `lengthBytes`-byte length field named `name` followed by what `body` writes, which it
   * counts: like `vector`, but the length's span and the body's spans are siblings in the
   * enclosing structure (the header of a handshake message, RFC 5246, Section 7.4).
   */
  sizedBy(lengthBytes: 1 | 2 | 3, name: string, body: (w: Writer) => void, explain?: string): this {
    const at = this.len;
    const span = this.recordSpans ? this.record(name, at, 0, explain) : undefined;
    if (span) span.length = lengthBytes;
    const bodyLength = this.lengthPrefixed(lengthBytes, name, body);
    if (span) span.value = bodyLength;
    return this;
  }

  /** A named structure without a length prefix. */
  group(
    name: string,
    body: (w: Writer) => void,
    fmt?: { value?: SpanValue; explain?: string },
  ): this {
    if (!this.recordSpans) {
      body(this);
      return this;
    }
    const start = this.len;
    this.stack.push([]);
    body(this);
    const children = this.stack.pop()!;
    this.pushSpan({
      name,
      offset: start,
      length: this.len - start,
      value: fmt?.value,
      explain: fmt?.explain,
      children,
    });
    return this;
  }

  /** Appends an already-encoded piece, keeping its spans (shifted to where it lands). */
  embed(piece: Encoded, name?: string, fmt?: { value?: SpanValue; explain?: string }): this {
    const start = this.len;
    this.reserve(piece.bytes.length);
    this.buf.set(piece.bytes, this.len);
    this.len += piece.bytes.length;
    if (!this.recordSpans) return this;
    const spans = shiftSpans(piece.spans, start);
    if (name) {
      this.pushSpan({
        name,
        offset: start,
        length: piece.bytes.length,
        value: fmt?.value,
        explain: fmt?.explain,
        children: spans,
      });
    } else {
      for (const s of spans) this.pushSpan(s);
    }
    return this;
  }

  /** Overwrites bytes already written, e.g. a length known only later. Spans are unchanged. */
  patch(offset: number, b: Uint8Array): void {
    if (offset + b.length > this.len) throw new EncodeError('patch beyond end of buffer');
    this.buf.set(b, offset);
  }

  finish(): Encoded {
    if (this.stack.length !== 1) throw new EncodeError('unbalanced spans');
    return { bytes: this.buf.slice(0, this.len), spans: this.stack[0]! };
  }

  toBytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }

  private uint(
    v: number,
    width: number,
    name: string | undefined,
    fmt: Fmt<number> | undefined,
  ): this {
    if (!Number.isInteger(v) || v < 0 || v >= 2 ** (8 * width)) {
      throw new EncodeError(`${name ?? `u${8 * width}`} out of range: ${v}`);
    }
    const start = this.len;
    this.reserve(width);
    for (let i = width - 1; i >= 0; i--) this.buf[this.len++] = Math.floor(v / 2 ** (8 * i)) & 0xff;
    if (this.recordSpans) this.record(name, start, fmt?.show ? fmt.show(v) : v, fmt?.explain);
    return this;
  }

  /**
   * Reserves a `lengthBytes`-byte length, runs `body`, then fills the length in with what `body`
   * wrote (RFC 5246, Section 4.3). Records no span of its own.
   */
  private lengthPrefixed(lengthBytes: 1 | 2 | 3, name: string, body: (w: Writer) => void): number {
    const lengthAt = this.len;
    this.reserve(lengthBytes);
    this.len += lengthBytes;
    body(this);
    const bodyLength = this.len - lengthAt - lengthBytes;
    if (bodyLength >= 2 ** (8 * lengthBytes)) {
      throw new EncodeError(
        `${name} is ${bodyLength} bytes, too long for a ${lengthBytes}-byte length`,
      );
    }
    for (let i = 0; i < lengthBytes; i++) {
      this.buf[lengthAt + i] = (bodyLength >>> (8 * (lengthBytes - 1 - i))) & 0xff;
    }
    return bodyLength;
  }

  private record(
    name: string | undefined,
    start: number,
    value: SpanValue | undefined,
    explain: string | undefined,
  ): Span | undefined {
    if (name === undefined) return undefined;
    const span: Span = {
      name,
      offset: start,
      length: this.len - start,
      value,
      explain,
      children: [],
    };
    this.pushSpan(span);
    return span;
  }

  private pushSpan(span: Span): void {
    if (span.value === undefined) delete span.value;
    if (span.explain === undefined) delete span.explain;
    this.stack[this.stack.length - 1]!.push(span);
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
}
