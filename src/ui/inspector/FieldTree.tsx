/**
 * The span tree as rows: name, decoded value and where its bytes are. Hovering a row highlights
 * its bytes; clicking selects it (the Bytes tab shows the same selection). The selected row shows
 * its bytes right under it.
 */
import { memo } from 'react';
import { flattenSpans, type Span } from '../../engine/bytes/span';
import type { FieldRef } from '../../store/slices/selection';
import { useStrings } from '../hooks';
import { format } from '../i18n';
import { fieldValueText } from '../i18n/field-value';
import { toHex } from './hex';

interface Props {
  spans: readonly Span[];
  bytes: Uint8Array;
  part: FieldRef['part'];
  selected: FieldRef | null;
  label: string;
  onHover(field: FieldRef | null): void;
  onSelect(field: FieldRef | null): void;
}

const PREVIEW_BYTES = 64;

export const FieldTree = memo(function FieldTree({
  spans,
  bytes,
  part,
  selected,
  label,
  onHover,
  onSelect,
}: Props) {
  const t = useStrings();
  const rows = flattenSpans(spans);
  return (
    <ul className="field-tree" aria-label={label} onMouseLeave={() => onHover(null)}>
      {rows.map(({ span, depth }, i) => {
        const field: FieldRef = { part, offset: span.offset, length: span.length };
        const isSelected =
          selected?.part === part &&
          selected.offset === span.offset &&
          selected.length === span.length;
        const slice = bytes.subarray(
          span.offset,
          span.offset + Math.min(span.length, PREVIEW_BYTES),
        );
        return (
          <li
            key={i}
            className={isSelected ? 'selected' : ''}
            style={{ paddingLeft: `${depth * 14}px` }}
          >
            <button
              type="button"
              className="field-row"
              aria-pressed={isSelected}
              onMouseEnter={() => onHover(field)}
              onFocus={() => onHover(field)}
              onClick={() => onSelect(isSelected ? null : field)}
            >
              <span className="fname">{span.name}</span>
              {span.value !== undefined && span.value !== null && (
                <span className="fvalue">{fieldValueText(t, span.value)}</span>
              )}
              <span className="frange">
                {span.offset}+{span.length}
              </span>
            </button>
            {isSelected && (
              <div
                className="field-bytes"
                aria-label={format(t.ui.fieldBytes, { name: span.name })}
                role="group"
              >
                <code>
                  {toHex(slice, ' ')}
                  {span.length > PREVIEW_BYTES ? ' …' : ''}
                </code>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
});
