/** Finding the span a FieldRef points at, and its ancestors. */
import type { Span } from '../../engine/bytes/span';
import type { MessageEvent } from '../../engine/trace';
import type { FieldRef } from '../../store/slices/selection';
import { spanPath } from '../model/message';

export function spansOf(message: MessageEvent, part: FieldRef['part']): readonly Span[] {
  return part === 'plain' ? (message.decrypted?.spans ?? []) : message.spans;
}

export function bytesOf(message: MessageEvent, part: FieldRef['part']): Uint8Array {
  return part === 'plain' ? (message.decrypted?.plaintext ?? new Uint8Array()) : message.bytes;
}

/** The chain from the outermost span down to the deepest one covering exactly the field. */
export function fieldPath(message: MessageEvent, field: FieldRef): Span[] {
  const path = spanPath(spansOf(message, field.part), field.offset);
  let deepest = -1;
  path.forEach((s, i) => {
    if (s.offset === field.offset && s.length === field.length) deepest = i;
  });
  return deepest < 0 ? path : path.slice(0, deepest + 1);
}

export function sameField(a: FieldRef | null, b: FieldRef | null): boolean {
  return !!a && !!b && a.part === b.part && a.offset === b.offset && a.length === b.length;
}

/** The explanation key for a field: its own, or else its nearest ancestor's. */
export function explainKeyOf(path: readonly Span[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (path[i]!.explain) return path[i]!.explain;
  return undefined;
}
