/**
 * Small codec helpers shared by the message files: lists of fixed-width numbers inside a
 * length-prefixed vector (RFC 5246, Section 4.3), and opaque byte runs.
 *
 * Writer and Reader record the same spans for the same bytes, provided both sides pass the same
 * names and formats. These helpers keep the two directions symmetric.
 */
import { DecodeError, type Fmt, type Reader, type Writer } from '../../bytes';

export interface ListSpec {
  /** Span name of the whole vector, e.g. "cipher_suites". */
  name: string;
  /** Span name of each element, e.g. "cipher_suite". */
  item: string;
  /** Length-prefix width of the vector. */
  prefix: 1 | 2;
  /** Width of each element. */
  width: 1 | 2;
  /** Minimum and maximum length of the vector body in bytes, from the RFC's <floor..ceiling>. */
  min: number;
  max: number;
  explain?: string;
  fmt?: Fmt<number>;
}

export function writeList(w: Writer, spec: ListSpec, values: readonly number[]): void {
  w.vector(
    spec.prefix,
    spec.name,
    (v) => {
      for (const x of values) {
        if (spec.width === 1) v.u8(x, spec.item, spec.fmt);
        else v.u16(x, spec.item, spec.fmt);
      }
    },
    { explain: spec.explain },
  );
}

export function readList(r: Reader, spec: ListSpec): number[] {
  return r.vector(
    spec.prefix,
    spec.name,
    (v) => {
      if (v.remaining % spec.width !== 0) {
        throw new DecodeError(
          'decode.length_not_multiple',
          { field: spec.name, length: v.remaining, width: spec.width },
          v.offset - spec.prefix,
        );
      }
      const out: number[] = [];
      while (!v.atEnd)
        out.push(spec.width === 1 ? v.u8(spec.item, spec.fmt) : v.u16(spec.item, spec.fmt));
      return out;
    },
    { min: spec.min, max: spec.max, explain: spec.explain },
  );
}

/**
 * An opaque vector: the prefix, then the bytes as one named child span. An empty body gets no
 * child span, on both sides, so the tree has no zero-length leaves.
 */
export function writeOpaque(
  w: Writer,
  prefix: 1 | 2 | 3,
  name: string,
  bytes: Uint8Array,
  explain?: string,
  itemName = 'opaque',
): void {
  w.vector(
    prefix,
    name,
    (v) => {
      if (bytes.length > 0) v.bytes(bytes, itemName);
    },
    { explain },
  );
}

export function readOpaque(
  r: Reader,
  prefix: 1 | 2 | 3,
  name: string,
  limits: { min?: number; max?: number } = {},
  explain?: string,
  itemName = 'opaque',
): Uint8Array {
  return r.vector(prefix, name, (v) => (v.atEnd ? new Uint8Array(0) : v.rest(itemName)), {
    ...limits,
    explain,
  });
}

/** Raw bytes without a prefix; recorded only when non-empty (see writeOpaque). */
export function writeRaw(w: Writer, name: string, bytes: Uint8Array, explain?: string): void {
  if (bytes.length > 0) w.bytes(bytes, name, { explain });
}

export function readRaw(r: Reader, name: string, explain?: string): Uint8Array {
  return r.atEnd ? new Uint8Array(0) : r.rest(name, { explain });
}
