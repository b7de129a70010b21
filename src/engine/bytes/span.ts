/**
 * An annotation span: one field of an encoded message. Writer and Reader produce the same tree,
 * so what the inspector explains is exactly what was put on (or read off) the wire.
 */
export type SpanValue = string | number | boolean | null;

export interface Span {
  /** Field name, e.g. "legacy_version" or "cipher_suites". */
  name: string;
  /** Absolute byte offset within the buffer the span was recorded over. */
  offset: number;
  length: number;
  /** The decoded value, rendered for people: "TLS 1.2 (0x0303)", "x25519", 443. */
  value?: SpanValue;
  /** Explanation key into the UI's language tables, e.g. "tls.client_hello.random". */
  explain?: string;
  children: Span[];
}

/** Depth-first search for the innermost span that covers `offset`. */
export function spanAt(spans: readonly Span[], offset: number): Span | undefined {
  for (const span of spans) {
    if (offset >= span.offset && offset < span.offset + span.length) {
      return spanAt(span.children, offset) ?? span;
    }
  }
  return undefined;
}

/** Every span shifted by `delta` bytes, for nesting a sub-encoding inside a larger buffer. */
export function shiftSpans(spans: readonly Span[], delta: number): Span[] {
  return spans.map((s) => ({
    ...s,
    offset: s.offset + delta,
    children: shiftSpans(s.children, delta),
  }));
}

/** Depth-first list of spans with their depth, for rendering a tree as rows. */
export function flattenSpans(spans: readonly Span[], depth = 0): { span: Span; depth: number }[] {
  return spans.flatMap((span) => [{ span, depth }, ...flattenSpans(span.children, depth + 1)]);
}
