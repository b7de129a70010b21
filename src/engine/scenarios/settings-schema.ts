/**
 * The one check of a scenario's settings, wherever they come from: an editor, a shared link, an
 * imported file, the CLI. Plain JSON of unknown shape is turned into exactly the typed value a
 * scenario runs with, or the first field that is wrong. A record keeps only the keys it names and
 * refuses any other, so nothing unexpected (an extra key, a "__proto__") reaches the engine or the
 * editors. Pure, tiny, no engine imports, so the page can check a link before the engine has
 * loaded.
 */
import type { LimitCheck, LimitProblem } from '../limits';

/**
 * A problem the page words in its own language instead of the engine's line: an address that is
 * not an https URL (the journey's).
 */
export type SettingsProblemKey = 'notHttpsUrl';

export type SettingsFailure = {
  ok: false;
  /** Where, e.g. "client.cipherSuites[2]"; "" for the settings as a whole. */
  path: string;
  /**
   * `shape`: not even of the scenario's types (an editor could not draw it); `value`: the right
   * types, outside the limits (an editor shows it with the problem).
   */
  kind: 'shape' | 'value';
  key?: SettingsProblemKey;
} & (
  | { why: string; limit?: undefined }
  /**
   * A broken input limit (src/engine/limits.ts), as a key of the language tables: a whole
   * sentence once worded (src/i18n/limits.en.ts), which the first load does not carry.
   */
  | { why?: undefined; limit: LimitProblem }
);

export type Checked<T> = { ok: true; value: T } | SettingsFailure;

/** Checks `value`, found at `path` (e.g. "client.cipherSuites[2]"), for use as a T. */
export type Schema<T> = (value: unknown, path: string) => Checked<T>;

const wrong = (path: string, why: string, kind: 'shape' | 'value' = 'shape'): SettingsFailure => ({
  ok: false,
  path,
  why,
  kind,
});

/** A limit's failed check as a failure at `path`. */
export function failedCheck(path: string, check: LimitCheck): SettingsFailure | undefined {
  if (check.ok) return undefined;
  const { key, params } = check;
  return { ok: false, path, kind: 'value', limit: { key, params } };
}

export const boolean: Schema<boolean> = (v, path) =>
  typeof v === 'boolean' ? { ok: true, value: v } : wrong(path, 'expected true or false');

/** A whole number from `min` to `max`: no fractions, no exponent beyond range, no Infinity. */
export function integer(min: number, max: number): Schema<number> {
  return (v, path) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? { ok: true, value: v }
      : wrong(
          path,
          `expected a whole number from ${min} to ${max}`,
          typeof v === 'number' ? 'value' : 'shape',
        );
}

/** A number passing `check` (one of src/engine/limits.ts), which words what is wrong with it. */
export function checkedNumber(check: (n: number) => LimitCheck): Schema<number> {
  return (v, path) => {
    if (typeof v !== 'number') return wrong(path, 'expected a number');
    return failedCheck(path, check(v)) ?? { ok: true, value: v };
  };
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
    if (v.length > maxChars) return wrong(path, `longer than ${maxChars} characters`, 'value');
    const failed = check ? failedCheck(path, check(v)) : undefined;
    return failed ?? { ok: true, value: v };
  };
}

/**
 * A list of `min` to `max` items; with `distinct`, no item twice (the editors' lists never repeat).
 * `count`, when given, words a count out of bounds (the limit's own sentence). The count is checked
 * before any item, so a huge list from a file is refused by its length, not walked.
 */
export function list<T>(
  item: Schema<T>,
  bounds: { min: number; max: number; distinct?: boolean; count?: (n: number) => LimitCheck },
): Schema<T[]> {
  return (v, path) => {
    if (!Array.isArray(v)) return wrong(path, 'expected a list');
    const counted = bounds.count ? failedCheck(path, bounds.count(v.length)) : undefined;
    if (counted) return counted;
    if (v.length < bounds.min || v.length > bounds.max)
      return wrong(path, `expected ${bounds.min} to ${bounds.max} items, got ${v.length}`, 'value');
    const out: T[] = [];
    for (const [i, x] of v.entries()) {
      const r = item(x, `${path}[${i}]`);
      if (!r.ok) return r;
      if (bounds.distinct && out.includes(r.value))
        return wrong(`${path}[${i}]`, 'repeated', 'value');
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
