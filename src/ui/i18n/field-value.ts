/**
 * A field's value as the page shows it: data as it is, a phrase in the page's language from the
 * span-value tables, which arrive with the fields' explanations (./en-fields.ts, ./ko.ts).
 */
import type { SpanValue } from '../../engine/bytes/span';
import { spanValueText } from '../../i18n/span-value';
import type { Strings } from './en';

export function fieldValueText(t: Strings, value: SpanValue): string {
  return spanValueText(t.spanValues, value);
}
