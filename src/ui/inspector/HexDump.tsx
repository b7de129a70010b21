/**
 * A hex dump with offsets. Hovering bytes highlights the field they belong to; clicking selects
 * that field (the Fields tab and the diagram's inspector share the selection). Rows are memoised
 * and only re-render when a highlight touches them.
 */
import { memo, useMemo, type MouseEvent } from 'react';
import { spanAt, type Span } from '../../engine/bytes/span';
import type { FieldRef } from '../../store/slices/selection';
import { asciiChar, hexByte } from './hex';

export const BYTES_PER_ROW = 16;

interface Props {
  bytes: Uint8Array;
  spans: readonly Span[];
  part: FieldRef['part'];
  selected: FieldRef | null;
  hovered: FieldRef | null;
  label: string;
  onHover(field: FieldRef | null): void;
  onSelect(field: FieldRef | null): void;
}

type Range = readonly [number, number] | null;

function rangeOf(field: FieldRef | null, part: FieldRef['part']): Range {
  return field && field.part === part ? [field.offset, field.offset + field.length] : null;
}

/** The range clipped to one row, so rows it does not touch keep the same props. */
function clip(range: Range, start: number, end: number): Range {
  if (!range || range[1] <= start || range[0] >= end) return null;
  return [Math.max(range[0], start), Math.min(range[1], end)];
}

export function HexDump({
  bytes,
  spans,
  part,
  selected,
  hovered,
  label,
  onHover,
  onSelect,
}: Props) {
  // Alternate a faint tint per leaf field, so field boundaries show before anything is hovered.
  const bands = useMemo(() => {
    const out = new Uint8Array(bytes.length);
    let parity = 0;
    let last: Span | undefined;
    for (let i = 0; i < bytes.length; i++) {
      const s = spanAt(spans, i);
      if (s !== last) {
        parity ^= 1;
        last = s;
      }
      out[i] = s ? parity + 1 : 0;
    }
    return out;
  }, [bytes, spans]);

  const fieldAt = (target: EventTarget): FieldRef | null => {
    const offset = Number((target as HTMLElement).dataset?.['o']);
    if (!Number.isInteger(offset)) return null;
    const span = spanAt(spans, offset);
    return span ? { part, offset: span.offset, length: span.length } : { part, offset, length: 1 };
  };
  const onMove = (e: MouseEvent) => {
    const f = fieldAt(e.target);
    if (f && (hovered?.offset !== f.offset || hovered.length !== f.length || hovered.part !== part))
      onHover(f);
  };

  const sel = rangeOf(selected, part);
  const hov = rangeOf(hovered, part);
  const rows = Math.ceil(bytes.length / BYTES_PER_ROW);
  return (
    <div
      className="hexdump"
      role="group"
      aria-label={label}
      onMouseMove={onMove}
      onMouseLeave={() => onHover(null)}
      onClick={(e) => {
        const f = fieldAt(e.target);
        if (f) onSelect(f);
      }}
    >
      {Array.from({ length: rows }, (_, r) => {
        const start = r * BYTES_PER_ROW;
        const end = Math.min(bytes.length, start + BYTES_PER_ROW);
        return (
          <HexRow
            key={r}
            start={start}
            end={end}
            bytes={bytes}
            bands={bands}
            sel={clip(sel, start, end)}
            hov={clip(hov, start, end)}
          />
        );
      })}
    </div>
  );
}

const HexRow = memo(
  function HexRow({
    start,
    end,
    bytes,
    bands,
    sel,
    hov,
  }: {
    start: number;
    end: number;
    bytes: Uint8Array;
    bands: Uint8Array;
    sel: Range;
    hov: Range;
  }) {
    const row = bytes.subarray(start, end);
    const cls = (i: number) => {
      const o = start + i;
      let c = `b band${bands[o]}`;
      if (sel && o >= sel[0] && o < sel[1]) c += ' sel';
      if (hov && o >= hov[0] && o < hov[1]) c += ' hov';
      return c;
    };
    return (
      <div className="hexrow">
        <span className="off">{start.toString(16).padStart(4, '0')}</span>
        <span className="hex">
          {Array.from(row, (b, i) => (
            <span key={i} className={cls(i)} data-o={start + i}>
              {hexByte(b)}
            </span>
          ))}
        </span>
        <span className="ascii" aria-hidden="true">
          {Array.from(row, (b, i) => (
            <span key={i} className={cls(i)} data-o={start + i}>
              {asciiChar(b)}
            </span>
          ))}
        </span>
      </div>
    );
  },
  (a, b) =>
    a.start === b.start &&
    a.end === b.end &&
    a.bytes === b.bytes &&
    a.bands === b.bands &&
    a.sel?.[0] === b.sel?.[0] &&
    a.sel?.[1] === b.sel?.[1] &&
    a.hov?.[0] === b.hov?.[0] &&
    a.hov?.[1] === b.hov?.[1],
);
