import type { SpanValue } from './span';

/** How a field is shown: a renderer for its value and an explanation key. */
export interface Fmt<T> {
  show?: (value: T) => SpanValue;
  explain?: string;
}

export function showHexU(width: number): (v: number) => string {
  return (v) => `0x${v.toString(16).padStart(width * 2, '0')}`;
}
