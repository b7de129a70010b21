/**
 * An annotation span: one field of an encoded message. Writer and Reader produce the same tree,
 * so what the inspector explains is exactly what was put on (or read off) the wire.
 */
export type SpanValue = string | number | boolean | null | SpanPhrase;

/**
 * A value that has words around its data ("2 certificates", "id 0x1a2b, response, …"): a key into
 * the span-value tables (src/i18n/span-values.*.ts) and the data, so the page words it in its own
 * language and the CLI in English. Plain JSON, so a trace file carries it as it is.
 */
export interface SpanPhrase {
  key: string;
  params?: Readonly<Record<string, PhraseParam>>;
}

/** A phrase's data: text and numbers as they are, phrases worded too, a list joined by commas. */
export type PhraseParam = string | number | SpanPhrase | readonly (string | SpanPhrase)[];

/** A phrase value for a span. */
export function phrase(key: string, params?: Readonly<Record<string, PhraseParam>>): SpanPhrase {
  return params ? { key, params } : { key };
}

/** Whether a span value is a phrase to word rather than data to show as it is. */
export function isPhrase(value: unknown): value is SpanPhrase {
  return (
    typeof value === 'object' && value !== null && typeof (value as SpanPhrase).key === 'string'
  );
}

export interface Span {
  /** Field name, e.g. "legacy_version" or "cipher_suites". */
  name: string;
  /** Absolute byte offset within the buffer the span was recorded over. */
  offset: number;
  length: number;
  /** The decoded value: data as people read it ("TLS 1.2 (0x0303)", "x25519", 443), or a phrase. */
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
