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

/**
 * The rows of a list as shown: `shown` (the rows last drawn) with the offered ids, `value`, put
 * in their order into the places offered ids had, so an unticked choice stays where it was. When
 * `shown` no longer fits (new choices, a preset that changed the offer), offered first, then the
 * rest in `all`'s order.
 */
export function keepPlaces<T>(shown: readonly T[], value: readonly T[], all: readonly T[]): T[] {
  const fresh = () => [...value, ...all.filter((x) => !value.includes(x))];
  if (shown.length !== all.length || !all.every((x) => shown.includes(x))) return fresh();
  const slots = shown.flatMap((x, i) => (value.includes(x) ? [i] : []));
  if (slots.length !== value.length) return fresh();
  const out = [...shown];
  slots.forEach((at, k) => (out[at] = value[k]!));
  return out;
}

/** `id` unticked (removed), or ticked: offered at the place it is shown at. */
export function toggleInPlace<T>(shown: readonly T[], value: readonly T[], id: T): T[] {
  return value.includes(id)
    ? value.filter((x) => x !== id)
    : shown.filter((x) => x === id || value.includes(x));
}
