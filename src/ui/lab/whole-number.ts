/** Reading a lab number box (NumberField, common.tsx). */
import type { NumberRange } from '../../engine/scenarios/number-ranges';

/**
 * What a number box holds, if it is a whole number within `range`. A number input reports "" for
 * text it cannot read ("1e", "--5"), and "1e308" reads as a whole number far out of range.
 */
export function readWholeNumber(raw: string, range: NumberRange): number | undefined {
  // Decimal as a number input writes it; Number() alone would also take "0x10" and "".
  if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= range.min && n <= range.max ? n : undefined;
}
