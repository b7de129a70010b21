/**
 * Checks for settings that arrive from outside (a shared link, an imported file): plain JSON of
 * unknown shape, turned into exactly the typed value a scenario runs with, or the first field that
 * is wrong. A record keeps only the keys it names and refuses any other, so nothing unexpected
 * (an extra key, a "__proto__") reaches the engine or the editors. Pure, tiny, no engine imports,
 * so the page can check a link before the engine has loaded.
 */
import type { LimitCheck } from '../limits';

export type Checked<T> = { ok: true; value: T } | { ok: false; path: string; why: string };

/** Checks `value`, found at `path` (e.g. "client.cipherSuites[2]"), for use as a T. */
export type Schema<T> = (value: unknown, path: string) => Checked<T>;

const wrong = (path: string, why: string): { ok: false; path: string; why: string } => ({
  ok: false,
  path,
  why,
});

export const boolean: Schema<boolean> = (v, path) =>
  typeof v === 'boolean' ? { ok: true, value: v } : wrong(path, 'expected true or false');

/** A whole number from `min` to `max`: no fractions, no exponent beyond range, no Infinity. */
export function integer(min: number, max: number): Schema<number> {
  return (v, path) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? { ok: true, value: v }
      : wrong(path, `expected a whole number from ${min} to ${max}`);
}

/** One of a fixed set of strings or numbers. */
export function oneOf<const V extends string | number>(values: readonly V[]): Schema<V> {
  return (v, path) =>
    (values as readonly unknown[]).includes(v)
      ? { ok: true, value: v as V }
      : wrong(path, `expected one of ${values.join(', ')}`);
}

/** A string of at most `maxChars`, passing `check` (one of src/engine/limits.ts) when given. */
export function text(maxChars: number, check?: (s: string) => LimitCheck): Schema<string> {
  return (v, path) => {
    if (typeof v !== 'string') return wrong(path, 'expected text');
    if (v.length > maxChars) return wrong(path, `longer than ${maxChars} characters`);
    const result = check?.(v);
    return result && !result.ok ? wrong(path, result.error) : { ok: true, value: v };
  };
}

/** A list of `min` to `max` items; with `distinct`, no item twice (the editors' lists never repeat). */
export function list<T>(
  item: Schema<T>,
  bounds: { min: number; max: number; distinct?: boolean },
): Schema<T[]> {
  return (v, path) => {
    if (!Array.isArray(v)) return wrong(path, 'expected a list');
    if (v.length < bounds.min || v.length > bounds.max)
      return wrong(path, `expected ${bounds.min} to ${bounds.max} items, got ${v.length}`);
    const out: T[] = [];
    for (const [i, x] of v.entries()) {
      const r = item(x, `${path}[${i}]`);
      if (!r.ok) return r;
      if (bounds.distinct && out.includes(r.value)) return wrong(`${path}[${i}]`, 'repeated');
      out.push(r.value);
    }
    return { ok: true, value: out };
  };
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return (v, path) => (v === null ? { ok: true, value: null } : inner(v, path));
}

type Fields<T> = { [K in keyof T]-?: Schema<Exclude<T[K], undefined>> };

/**
 * An object with exactly these fields; those named in `optional` may be left out (and are then
 * absent from the result, not undefined). Any other key is refused.
 */
export function record<T extends object>(
  fields: Fields<T>,
  optional: readonly (keyof T & string)[] = [],
): Schema<T> {
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return wrong(path, 'expected an object');
    const at = (key: string) => (path ? `${path}.${key}` : key);
    for (const key of Object.keys(v))
      if (!Object.hasOwn(fields, key)) return wrong(at(key), 'not a setting of this scenario');
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(fields) as [string, Schema<unknown>][]) {
      if (!Object.hasOwn(v, key)) {
        if (optional.includes(key as keyof T & string)) continue;
        return wrong(at(key), 'missing');
      }
      const r = schema((v as Record<string, unknown>)[key], at(key));
      if (!r.ok) return r;
      out[key] = r.value;
    }
    return { ok: true, value: out as T };
  };
}

/** One of several record shapes, told apart by the string in field `tag`. */
export function tagged<T extends object>(
  tag: keyof T & string,
  shapes: Record<string, Schema<T>>,
): Schema<T> {
  return (v, path) => {
    const kind =
      typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[tag] : undefined;
    const shape =
      typeof kind === 'string' && Object.hasOwn(shapes, kind) ? shapes[kind] : undefined;
    if (!shape)
      return wrong(
        path ? `${path}.${tag}` : tag,
        `expected one of ${Object.keys(shapes).join(', ')}`,
      );
    return shape(v, path);
  };
}
