/**
 * The two ways the DNS codec writes and reads bytes: annotated (through the shared Writer/Reader,
 * so every byte gets a span for the inspector) and lean (no spans, for servers and benchmarks).
 * The codec is written once against these interfaces. Span values are thunks so the lean path
 * never pays for formatting them.
 */
import { EncodeError, Reader, Writer, type Encoded, type SpanValue } from '../bytes';
import { DnsDecodeError } from './decode-error';

export interface WireOut {
  readonly length: number;
  u8(v: number, name?: string, value?: () => SpanValue, explain?: string): void;
  u16(v: number, name?: string, value?: () => SpanValue, explain?: string): void;
  u32(v: number, name?: string, value?: () => SpanValue, explain?: string): void;
  bytes(b: Uint8Array, name?: string, value?: () => SpanValue, explain?: string): void;
  /** A binary string (one char per octet, as labels are kept), without a span. */
  octets(text: string): void;
  group(name: string, body: () => void, value?: () => SpanValue, explain?: string): void;
  /** Overwrites a u16 already written (RDLENGTH, known only after the RDATA). */
  patchU16(offset: number, v: number): void;
  finish(): Encoded;
}

export interface WireIn {
  /** The whole message: compression pointers may point anywhere before them. */
  readonly buf: Uint8Array;
  readonly offset: number;
  readonly remaining: number;
  u8(name?: string, show?: (v: number) => SpanValue, explain?: string): number;
  u16(name?: string, show?: (v: number) => SpanValue, explain?: string): number;
  u32(name?: string, show?: (v: number) => SpanValue, explain?: string): number;
  bytes(
    n: number,
    name?: string,
    show?: (v: Uint8Array) => SpanValue,
    explain?: string,
  ): Uint8Array;
  peekU8(): number;
  /** `n` octets as a binary string (labels), without a span. */
  latin1(n: number): string;
  group<T>(name: string, body: () => T, show?: (v: T) => SpanValue, explain?: string): T;
  /** Runs `body` with reading confined to the next `n` bytes, which it must consume exactly. */
  window<T>(n: number, what: string, body: () => T): T;
  expectEnd(what: string): void;
  readonly spans: Encoded['spans'];
}

function fmtOf(value?: () => SpanValue, explain?: string) {
  return { show: value ? () => value() : undefined, explain };
}

/** WireOut over the shared annotated Writer. */
export class AnnotatedOut implements WireOut {
  private readonly w = new Writer();
  get length(): number {
    return this.w.length;
  }
  u8(v: number, name?: string, value?: () => SpanValue, explain?: string): void {
    this.w.u8(v, name, fmtOf(value, explain));
  }
  u16(v: number, name?: string, value?: () => SpanValue, explain?: string): void {
    this.w.u16(v, name, fmtOf(value, explain));
  }
  u32(v: number, name?: string, value?: () => SpanValue, explain?: string): void {
    this.w.u32(v, name, fmtOf(value, explain));
  }
  bytes(b: Uint8Array, name?: string, value?: () => SpanValue, explain?: string): void {
    this.w.bytes(b, name, fmtOf(value, explain));
  }
  octets(text: string): void {
    const b = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) b[i] = text.charCodeAt(i);
    this.w.bytes(b);
  }
  group(name: string, body: () => void, value?: () => SpanValue, explain?: string): void {
    this.w.group(name, () => body(), { value: value?.(), explain });
  }
  patchU16(offset: number, v: number): void {
    this.w.patch(offset, Uint8Array.of(v >>> 8, v & 0xff));
  }
  finish(): Encoded {
    return this.w.finish();
  }
}

/** WireOut that only writes bytes. */
export class LeanOut implements WireOut {
  private buf = new Uint8Array(256);
  private len = 0;
  get length(): number {
    return this.len;
  }
  u8(v: number, name?: string): void {
    this.check(v, 0xff, name);
    this.reserve(1);
    this.buf[this.len++] = v;
  }
  u16(v: number, name?: string): void {
    this.check(v, 0xffff, name);
    this.reserve(2);
    this.buf[this.len++] = v >>> 8;
    this.buf[this.len++] = v & 0xff;
  }
  u32(v: number, name?: string): void {
    this.check(v, 0xffffffff, name);
    this.reserve(4);
    this.buf[this.len++] = v >>> 24;
    this.buf[this.len++] = (v >>> 16) & 0xff;
    this.buf[this.len++] = (v >>> 8) & 0xff;
    this.buf[this.len++] = v & 0xff;
  }
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  octets(text: string): void {
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) this.buf[this.len++] = text.charCodeAt(i);
  }
  group(_name: string, body: () => void): void {
    body();
  }
  patchU16(offset: number, v: number): void {
    this.buf[offset] = v >>> 8;
    this.buf[offset + 1] = v & 0xff;
  }
  finish(): Encoded {
    // The buffer is never written again, so a view is as good as a copy.
    return { bytes: this.buf.subarray(0, this.len), spans: [] };
  }
  private check(v: number, max: number, name: string | undefined): void {
    if (!Number.isInteger(v) || v < 0 || v > max) {
      throw new EncodeError(`${name ?? 'field'} out of range: ${v}`);
    }
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

/** WireIn over the shared annotated Reader. */
export class AnnotatedIn implements WireIn {
  private r: Reader;
  constructor(readonly buf: Uint8Array) {
    this.r = new Reader(buf);
  }
  get offset(): number {
    return this.r.offset;
  }
  get remaining(): number {
    return this.r.remaining;
  }
  get spans() {
    return this.r.spans;
  }
  u8(name?: string, show?: (v: number) => SpanValue, explain?: string): number {
    return this.r.u8(name, { show, explain });
  }
  u16(name?: string, show?: (v: number) => SpanValue, explain?: string): number {
    return this.r.u16(name, { show, explain });
  }
  u32(name?: string, show?: (v: number) => SpanValue, explain?: string): number {
    return this.r.u32(name, { show, explain });
  }
  bytes(n: number, name?: string, show?: (v: Uint8Array) => SpanValue, explain?: string) {
    return this.r.bytes(n, name, { show, explain });
  }
  peekU8(): number {
    return this.r.peekU8();
  }
  latin1(n: number): string {
    const b = this.r.bytes(n);
    let out = '';
    for (let i = 0; i < b.length; i++) out += String.fromCharCode(b[i]!);
    return out;
  }
  group<T>(name: string, body: () => T, show?: (v: T) => SpanValue, explain?: string): T {
    return this.r.group(name, () => body(), { show, explain });
  }
  window<T>(n: number, what: string, body: () => T): T {
    const outer = this.r;
    const inner = outer.sub(n, what);
    this.r = inner;
    try {
      const value = body();
      inner.expectEnd(what);
      return value;
    } finally {
      this.r = outer;
    }
  }
  expectEnd(what: string): void {
    this.r.expectEnd(what);
  }
}

/** WireIn that only reads bytes. */
export class LeanIn implements WireIn {
  private pos = 0;
  private end: number;
  readonly spans = [];
  constructor(readonly buf: Uint8Array) {
    this.end = buf.length;
  }
  get offset(): number {
    return this.pos;
  }
  get remaining(): number {
    return this.end - this.pos;
  }
  u8(name?: string): number {
    this.need(1, name ?? 'u8');
    return this.buf[this.pos++]!;
  }
  u16(name?: string): number {
    this.need(2, name ?? 'u16');
    const v = (this.buf[this.pos]! << 8) | this.buf[this.pos + 1]!;
    this.pos += 2;
    return v;
  }
  u32(name?: string): number {
    this.need(4, name ?? 'u32');
    const b = this.buf;
    const p = this.pos;
    this.pos += 4;
    return ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
  }
  bytes(n: number, name?: string): Uint8Array {
    this.need(n, name ?? 'bytes');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  peekU8(): number {
    this.need(1, 'byte');
    return this.buf[this.pos]!;
  }
  latin1(n: number): string {
    this.need(n, 'label');
    let out = '';
    for (let i = 0; i < n; i++) out += String.fromCharCode(this.buf[this.pos + i]!);
    this.pos += n;
    return out;
  }
  group<T>(_name: string, body: () => T): T {
    return body();
  }
  window<T>(n: number, what: string, body: () => T): T {
    this.need(n, what);
    const outerEnd = this.end;
    this.end = this.pos + n;
    try {
      const value = body();
      this.expectEnd(what);
      return value;
    } finally {
      this.end = outerEnd;
    }
  }
  expectEnd(what: string): void {
    if (this.pos !== this.end) {
      throw new DnsDecodeError('decode.trailing', { count: this.end - this.pos, what }, this.pos);
    }
  }
  private need(n: number, what: string): void {
    if (this.pos + n > this.end) {
      throw new DnsDecodeError(
        'decode.truncated',
        { what, n, left: this.end - this.pos },
        this.pos,
      );
    }
  }
}
