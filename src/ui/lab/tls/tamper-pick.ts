/**
 * Which record and byte the inspector points at, for the tamper editor: the message inspected on
 * the diagram is matched to the same record of an untouched run (the same message from the same
 * side, counting repeats), and the field selected in its Bytes or Fields tab gives the byte.
 */
import type { MessageEvent } from '../../../engine/trace';
import type { FieldRef } from '../../../store/slices/selection';

interface Target {
  record: number;
  from: string;
  message: string;
  bytes: Uint8Array;
}

export interface InspectorPick {
  record: number;
  offset: number;
  message: string;
}

export function inspectorPick(
  messages: readonly MessageEvent[],
  inspected: number,
  field: FieldRef | null,
  targets: readonly Target[],
): InspectorPick | undefined {
  const m = messages[inspected];
  if (!m || !field || field.part !== 'wire') return undefined;
  const nth = messages
    .slice(0, inspected + 1)
    .filter((x) => x.name === m.name && x.from === m.from).length;
  const target = targets.filter((x) => x.message === m.name && x.from === m.from)[nth - 1];
  if (!target || field.offset >= target.bytes.length) return undefined;
  return { record: target.record, offset: field.offset, message: target.message };
}
