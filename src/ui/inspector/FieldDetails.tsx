import type { MessageEvent } from '../../engine/trace';
import type { FieldRef } from '../../store/slices/selection';
import { useStrings } from '../hooks';
import { format } from '../i18n';
import { fieldValueText } from '../i18n/field-value';
import { explainKeyOf, fieldPath } from './fields';

/** The hovered or selected field: its path, value, where its bytes are, and what it means. */
export function FieldDetails({
  message,
  field,
}: {
  message: MessageEvent;
  field: FieldRef | null;
}) {
  const t = useStrings();
  const path = field ? fieldPath(message, field) : [];
  const span = path.at(-1);
  if (!field || !span) {
    return (
      <div className="field-details empty" aria-live="polite">
        {t.ui.fieldNone}
      </div>
    );
  }
  const key = explainKeyOf(path);
  const explain = key ? t.spans[key] : undefined;
  return (
    <div className="field-details" aria-live="polite">
      <div className="fd-path">{path.map((s) => s.name).join(' › ')}</div>
      <div className="fd-where">
        {format(t.ui.fieldAt, {
          start: field.offset,
          end: field.offset + field.length - 1,
          count: field.length,
        })}
        {field.part === 'plain' ? ` · ${t.ui.plaintextBadge}` : ''}
      </div>
      {span.value !== undefined && span.value !== null && (
        <div className="fd-value">
          <span>{t.ui.fieldValue}:</span> {fieldValueText(t, span.value)}
        </div>
      )}
      {explain && <p className="fd-explain">{explain}</p>}
    </div>
  );
}
