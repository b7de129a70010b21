/**
 * A span tree as indented text, one field a line: `name: value  [offset+length] hex…`. The TLS and
 * DNS `decode` commands print this. It knows nothing about any protocol; bytes that no span covers
 * are shown as "(unannotated)" so a gap in a codec's annotations is visible rather than hidden.
 */
import { toHex } from './hex';
import { SPAN_VALUE_TEXT_EN } from '../../i18n/span-values.en';
import { spanValueText } from '../../i18n/span-value';
import type { Span, SpanValue } from './span';

export interface RenderOptions {
  /** How many bytes of a leaf field to show in hex before eliding the rest with "…". */
  maxHex?: number;
}

const DEFAULT_MAX_HEX = 16;
const INDENT = '  ';

export function renderSpanTree(spans: Span[], bytes: Uint8Array, opts: RenderOptions = {}): string {
  const maxHex = opts.maxHex ?? DEFAULT_MAX_HEX;
  const lines: string[] = [];
  renderLevel(spans, 0, bytes.length, 0, bytes, maxHex, lines);
  return lines.join('\n');
}

function renderLevel(
  spans: readonly Span[],
  from: number,
  to: number,
  depth: number,
  bytes: Uint8Array,
  maxHex: number,
  lines: string[],
): void {
  let at = from;
  for (const span of [...spans].sort((a, b) => a.offset - b.offset)) {
    if (span.offset > at)
      lines.push(
        line('(unannotated)', undefined, at, span.offset - at, depth, bytes, maxHex, true),
      );
    const leaf = span.children.length === 0;
    lines.push(line(span.name, span.value, span.offset, span.length, depth, bytes, maxHex, leaf));
    if (!leaf) {
      renderLevel(
        span.children,
        span.offset,
        span.offset + span.length,
        depth + 1,
        bytes,
        maxHex,
        lines,
      );
    }
    at = Math.max(at, span.offset + span.length);
  }
  if (at < to)
    lines.push(line('(unannotated)', undefined, at, to - at, depth, bytes, maxHex, true));
}

function line(
  name: string,
  value: SpanValue | undefined,
  offset: number,
  length: number,
  depth: number,
  bytes: Uint8Array,
  maxHex: number,
  withHex: boolean,
): string {
  let text = INDENT.repeat(depth) + name;
  if (value !== undefined) text += `: ${printable(value)}`;
  text += `  [${offset}+${length}]`;
  if (withHex && length > 0) {
    const end = Math.min(offset + length, bytes.length);
    const shown = Math.min(end, offset + maxHex);
    text += ` ${toHex(bytes.subarray(offset, Math.max(offset, shown)))}${end > shown ? '…' : ''}`;
  }
  return text;
}

/**
 * A value on one line, a phrase worded in English: control characters escaped so a hostile name
 * cannot break the layout.
 */
function printable(value: SpanValue): string {
  let out = '';
  for (const c of spanValueText(SPAN_VALUE_TEXT_EN, value)) {
    const code = c.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : c;
  }
  return out;
}
