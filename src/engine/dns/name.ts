/**
 * Domain names as a value type (RFC 1035, Section 3.1; RFC 4343 for case).
 *
 * A label is kept as a "binary string": one character per octet (code 0–255), so any octet can
 * appear in a label, as RFC 2181 Section 11 allows. Comparison folds only ASCII A–Z, never other
 * octets (RFC 4343, Section 3). The presentation form escapes "." and "\" with a backslash and
 * non-printable octets as \DDD (RFC 1035, Section 5.1), which makes it injective: its lowercase
 * form is the comparison key.
 */

import { ProblemError } from './problem';

/** RFC 1035, Section 2.3.4: labels are 63 octets or less. */
export const MAX_LABEL_OCTETS = 63;
/** RFC 1035, Section 2.3.4: names are 255 octets or less on the wire, length octets included. */
export const MAX_NAME_OCTETS = 255;

/** A name that breaks a limit or cannot be parsed. */
export class NameError extends ProblemError {
  override readonly name = 'NameError';
}

/** ASCII-only lowercase (RFC 4343, Section 3): octets outside A–Z are left alone. */
export function asciiLower(text: string): string {
  let needs = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) {
      needs = true;
      break;
    }
  }
  if (!needs) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 0x20) : text[i];
  }
  return out;
}

/** Label equality under RFC 4343 §3 (ASCII case folded), without building strings. */
function labelsEqual(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x >= 0x41 && x <= 0x5a) x += 0x20;
    if (y >= 0x41 && y <= 0x5a) y += 0x20;
    if (x !== y) return false;
  }
  return true;
}

/** One label in presentation form (RFC 1035, Section 5.1 escapes). */
const PLAIN_LABEL = /^[A-Za-z0-9_*-]+$/;

export function escapeLabel(label: string): string {
  // Most labels are letters, digits and hyphens: nothing to escape.
  if (PLAIN_LABEL.test(label)) return label;
  let out = '';
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c === 0x2e || c === 0x5c) out += '\\' + label[i];
    else if (c <= 0x20 || c >= 0x7f) out += '\\' + c.toString().padStart(3, '0');
    else out += label[i];
  }
  return out;
}

export class Name {
  /** The root: no labels, one octet on the wire. */
  static readonly root = new Name([]);

  /** suffixKeyCache[n] is the comparison key of the last n labels; built once, on demand. */
  private suffixKeyCache: string[] | undefined;
  /** The same with case kept, for message compression, which matches exactly. */
  private exactSuffixCache: string[] | undefined;
  private textCache: string | undefined;

  private constructor(
    /** Labels from the leftmost to the one under the root, as binary strings. */
    readonly labels: readonly string[],
  ) {}

  /**
   * Builds a name from labels (binary strings), checking RFC 1035 Section 2.3.4's limits.
   * Empty labels are rejected: only the root label is empty, and it is implicit.
   */
  static fromLabels(labels: readonly string[]): Name {
    let octets = 1;
    for (const label of labels) {
      if (label.length === 0) throw new NameError('name.empty_label');
      if (label.length > MAX_LABEL_OCTETS) {
        throw new NameError('name.label_too_long', {
          label: escapeLabel(label).slice(0, 20),
          octets: label.length,
          max: MAX_LABEL_OCTETS,
        });
      }
      for (let i = 0; i < label.length; i++) {
        if (label.charCodeAt(i) > 0xff) throw new NameError('name.label_char_above_ff');
      }
      octets += label.length + 1;
    }
    if (octets > MAX_NAME_OCTETS) {
      throw new NameError('name.too_long', { octets, max: MAX_NAME_OCTETS });
    }
    return labels.length === 0 ? Name.root : new Name([...labels]);
  }

  /**
   * Parses presentation format ("www.example.com", "www.example.com.", "." for the root), with
   * RFC 1035 Section 5.1 escapes (\. \\ \DDD). Every name parsed here is absolute; relative names in
   * zone files are completed by the zone parser.
   */
  static parse(text: string): Name {
    if (text === '.' || text === '') return Name.root;
    const labels: string[] = [];
    let label = '';
    let i = 0;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '.') {
        if (label === '') throw new NameError('name.empty_label_at', { at: i, text });
        labels.push(label);
        label = '';
        i++;
        if (i === text.length) return Name.fromLabels(labels);
        continue;
      }
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === undefined) throw new NameError('name.dangling_backslash', { text });
        if (/[0-9]/.test(next)) {
          const digits = text.slice(i + 1, i + 4);
          if (!/^[0-9]{3}$/.test(digits)) {
            throw new NameError('name.ddd_digits', { at: i, text });
          }
          const value = Number(digits);
          if (value > 255) throw new NameError('name.ddd_too_big', { digits, at: i });
          label += String.fromCharCode(value);
          i += 4;
        } else {
          label += next;
          i += 2;
        }
        continue;
      }
      const code = ch.charCodeAt(0);
      if (code > 0x7e || code < 0x21) {
        throw new NameError('name.must_escape', { char: JSON.stringify(ch), at: i, text });
      }
      label += ch;
      i++;
    }
    labels.push(label);
    return Name.fromLabels(labels);
  }

  get labelCount(): number {
    return this.labels.length;
  }

  get isRoot(): boolean {
    return this.labels.length === 0;
  }

  /** Octets on the wire without compression: each label plus its length octet, plus the root. */
  get wireLength(): number {
    let n = 1;
    for (const label of this.labels) n += label.length + 1;
    return n;
  }

  /** True for names whose leftmost label is exactly "*" (RFC 4592, Section 2.1.1). */
  get isWildcard(): boolean {
    return this.labels[0] === '*';
  }

  /** The name one label up; the root's parent is an error. */
  parent(): Name {
    if (this.isRoot) throw new NameError('name.root_parent');
    return this.trimTo(this.labels.length - 1);
  }

  /** The last `n` labels: trimTo(0) is the root, trimTo(1) the TLD, used to walk down the tree. */
  trimTo(n: number): Name {
    if (!Number.isInteger(n) || n < 0 || n > this.labels.length) {
      throw new NameError('name.trim', { n, labels: this.labels.length });
    }
    if (n === this.labels.length) return this;
    if (n === 0) return Name.root;
    const trimmed = new Name(this.labels.slice(this.labels.length - n));
    // The suffixes of a suffix are already known.
    trimmed.suffixKeyCache = this.suffixKeyCache?.slice(0, n + 1);
    trimmed.exactSuffixCache = this.exactSuffixCache?.slice(0, n + 1);
    return trimmed;
  }

  /** This name with `label` prepended (checked against the limits). */
  prepend(label: string): Name {
    return Name.fromLabels([label, ...this.labels]);
  }

  /** `this` made absolute under `origin` (for relative names in zone files). */
  concat(origin: Name): Name {
    return Name.fromLabels([...this.labels, ...origin.labels]);
  }

  /** True when this name equals `other` or lies below it (RFC 4343 case rules). */
  isSubdomainOf(other: Name): boolean {
    const extra = this.labels.length - other.labels.length;
    if (extra < 0) return false;
    for (let i = 0; i < other.labels.length; i++) {
      if (!labelsEqual(this.labels[extra + i]!, other.labels[i]!)) return false;
    }
    return true;
  }

  equals(other: Name): boolean {
    if (this === other) return true;
    if (this.labels.length !== other.labels.length) return false;
    if (this.suffixKeyCache && other.suffixKeyCache) return this.key === other.key;
    return this.isSubdomainOf(other);
  }

  /** The comparison key: the lowercased presentation form. Equal keys mean equal names. */
  get key(): string {
    return this.suffixKeys()[this.labels.length]!;
  }

  /**
   * Comparison keys of every suffix: [n] is the key of trimTo(n), so walking the tree needs
   * no new Name objects (hickory's trim_to, without the allocation).
   */
  suffixKeys(): readonly string[] {
    if (this.suffixKeyCache === undefined) {
      const exact = this.exactSuffixKeys();
      this.suffixKeyCache = exact.map(asciiLower);
    }
    return this.suffixKeyCache;
  }

  /** Like suffixKeys, but case-preserving. */
  exactSuffixKeys(): readonly string[] {
    if (this.exactSuffixCache === undefined) {
      const count = this.labels.length;
      const keys = new Array<string>(count + 1);
      keys[0] = '.';
      let key = '';
      for (let n = 1; n <= count; n++) {
        key = escapeLabel(this.labels[count - n]!) + '.' + key;
        keys[n] = key;
      }
      this.exactSuffixCache = keys;
    }
    return this.exactSuffixCache;
  }

  /** Presentation format, always with the trailing dot ("www.example.com.", "."). */
  toString(): string {
    if (this.textCache === undefined) {
      this.textCache = this.isRoot ? '.' : this.labels.map(escapeLabel).join('.') + '.';
    }
    return this.textCache;
  }
}
