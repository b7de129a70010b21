/** Ordered-list edits for the negotiation editor: pure, so they are tested without a DOM. */

/** `id` moved one place towards the front (-1) or the back (+1); unchanged at either end. */
export function moveItem<T>(list: readonly T[], id: T, by: -1 | 1): T[] {
  const out = [...list];
  const from = out.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= out.length) return out;
  [out[from], out[to]] = [out[to]!, out[from]!];
  return out;
}

/** `id` removed if it is in the list, else added as the least preferred. */
export function toggleItem<T>(list: readonly T[], id: T): T[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}
