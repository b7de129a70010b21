/**
 * Bounds on every input a user controls, in one place, each with a check that says in one
 * sentence what is wrong. The UI calls these before it hands anything to the engine; the engine
 * enforces the ones that protect it by itself too (the zone parser's size caps).
 *
 * Every check returns `{ ok: true }` or `{ ok: false, key, params }`: the engine names the broken
 * limit by a key of the language tables, and whoever shows it words it (the page from its tables,
 * the CLI from src/i18n/limits.en.ts), so the first load carries no sentence for a limit.
 */
import type { TextParams } from '../i18n/format';
import type { LimitKey } from '../i18n/limits.en';
import { fromHex, HexError } from './bytes/hex';
import { MAX_LABEL_OCTETS, MAX_NAME_OCTETS, Name, NameError } from './dns/name';
import type { ProblemParams, ZoneKey } from './dns/problem';

/** A broken limit as a key of the language tables. */
export interface LimitProblem {
  key: LimitKey;
  params: TextParams;
}

export type LimitCheck = { ok: true } | ({ ok: false } & LimitProblem);

const ok: LimitCheck = { ok: true };

/** A failed check: the key and its parameters. */
export function limitFailure(key: LimitKey, params: TextParams = {}): { ok: false } & LimitProblem {
  return { ok: false, key, params };
}

const fail = limitFailure;

// ---------------------------------------------------------------------------------------------
// Pasted hex (tls decode, dns decode, the tamper lab)

/**
 * The most bytes a pasted message may decode to: 64 KiB. A DNS message is at most 65,535 octets
 * (the TCP length prefix, RFC 1035 §4.2.2); a TLS flight with a certificate chain is a few KiB.
 */
export const MAX_PASTED_BYTES = 64 * 1024;
/**
 * The most characters of pasted text, checked before any parsing: five per byte. A hex stream
 * with a separator after every byte takes three; Wireshark's "Copy as Hex Dump" takes about 4.7
 * (a 6-character offset, 16 bytes at three characters each, the ASCII column and a line break for
 * every 16 bytes), so 64 KiB of bytes pasted either way fits.
 */
export const MAX_PASTED_HEX_CHARS = 5 * MAX_PASTED_BYTES;

export function checkPastedHex(text: string): LimitCheck {
  const parsed = parsePastedHex(text);
  return parsed.ok ? ok : parsed;
}

/** The bytes of pasted hex, within MAX_PASTED_BYTES, or the reason there are none. */
export function parsePastedHex(
  text: string,
): { ok: true; bytes: Uint8Array } | ({ ok: false } & LimitProblem) {
  if (text.length > MAX_PASTED_HEX_CHARS)
    return fail('limit.pasted_too_long', {
      length: text.length,
      max: MAX_PASTED_HEX_CHARS,
      maxBytes: MAX_PASTED_BYTES,
    });
  let bytes: Uint8Array;
  try {
    bytes = fromHex(text.trim());
  } catch (e) {
    if (e instanceof HexError)
      return e.problem.kind === 'odd'
        ? fail('limit.pasted_odd', { digits: e.problem.digits })
        : fail('limit.pasted_bad_digit', { char: e.problem.char, at: e.problem.at });
    throw e;
  }
  if (bytes.length === 0) return fail('limit.pasted_empty');
  if (bytes.length > MAX_PASTED_BYTES)
    return fail('limit.pasted_too_large', { bytes: bytes.length, max: MAX_PASTED_BYTES });
  return { ok: true, bytes };
}

// ---------------------------------------------------------------------------------------------
// Zone files (the zone editor)

/** A zone file's size: 256 KiB of text, far beyond a lesson's zone and any demo universe zone. */
export const MAX_ZONE_TEXT_CHARS = 256 * 1024;
/** Lines in a zone file. */
export const MAX_ZONE_LINES = 5_000;
/** Records in one zone. */
export const MAX_ZONE_RECORDS = 2_000;

/** The first size cap `text` breaks, with the line to name, or undefined. */
export function zoneTextProblem(
  text: string,
): { line: number; key: ZoneKey; params: ProblemParams } | undefined {
  if (text.length > MAX_ZONE_TEXT_CHARS)
    return {
      line: 1,
      key: 'zone.too_long',
      params: { length: text.length, max: MAX_ZONE_TEXT_CHARS },
    };
  // No cap on one line: a record may hold up to 65,535 octets of RDATA (RFC 1035 §3.2.1), which
  // a line must be able to say; the whole text's size bounds it.
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (++line > MAX_ZONE_LINES)
      return { line, key: 'zone.too_many_lines', params: { max: MAX_ZONE_LINES } };
  }
  return undefined;
}

export function checkZoneRecordCount(count: number): LimitCheck {
  return count > MAX_ZONE_RECORDS
    ? fail('limit.zone_records', { count, max: MAX_ZONE_RECORDS })
    : ok;
}

// ---------------------------------------------------------------------------------------------
// Host names (lookup box, SNI, the URL)

/**
 * The longest text a host name box takes before parsing: 255 octets, each written at worst as a
 * four-character \DDD escape (RFC 1035 §5.1).
 */
export const MAX_HOSTNAME_INPUT_CHARS = 4 * MAX_NAME_OCTETS;
/** RFC 1035 §2.3.4 (and §3.1): 63 octets a label, 255 a name on the wire. */
export { MAX_LABEL_OCTETS, MAX_NAME_OCTETS };

/** A name for a DNS lookup: presentation format, RFC 1035 §2.3.4's lengths. */
export function checkHostname(text: string): LimitCheck {
  if (text.length > MAX_HOSTNAME_INPUT_CHARS)
    return fail('limit.name_too_long', { length: text.length, max: MAX_NAME_OCTETS });
  if (text.trim() === '') return fail('limit.name_empty');
  // Named here rather than by the parser, whose message quotes the whole text: a control
  // character or a right-to-left override quoted back would garble the very line that explains it.
  const bad = firstUnprintable(text);
  if (bad) return fail('limit.name_char', bad);
  try {
    Name.parse(text);
  } catch (e) {
    if (e instanceof NameError)
      return fail('limit.name_unusable', shorten({ ...e.params, reason: e.key }, text));
    throw e;
  }
  return ok;
}

/**
 * A TLS server name (SNI, RFC 6066 §3): a host name within RFC 1035's lengths, without a trailing
 * dot, in letters, digits, hyphens and dots (RFC 1123 §2.1; RFC 6066 wants A-labels, so an
 * internationalised name is written in its xn-- form), plus the underscore that real names carry;
 * or an IPv4 literal (which the client then leaves out of the hello).
 */
export function checkServerName(text: string): LimitCheck {
  if (text.trim() === '') return fail('limit.server_name_empty');
  if (text.endsWith('.')) return fail('limit.server_name_dot');
  const bad = firstOutside(text, /[^A-Za-z0-9._-]/);
  if (bad) return fail('limit.server_name_char', bad);
  return checkHostname(text);
}

/** The first character outside printable ASCII (1-based), named by its code point. */
function firstUnprintable(text: string): { at: number; char: string } | undefined {
  return firstOutside(text, /[^\x21-\x7e]/);
}

/**
 * The first character `outside` matches (1-based), named so that a message can show it: printable
 * ASCII in quotation marks, a space by the key that names it, anything else by its code point.
 */
function firstOutside(text: string, outside: RegExp): { at: number; char: string } | undefined {
  const i = text.search(outside);
  if (i < 0) return undefined;
  const code = text.codePointAt(i)!;
  const name =
    code === 0x20
      ? 'limit.char_space'
      : code > 0x20 && code < 0x7f
        ? `“${text[i]}”`
        : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return { at: i + 1, char: name };
}

/** Longest stretch of the user's text an error message quotes back. */
const QUOTE_CHARS = 40;

/** `params` with every quote of `text` cut to QUOTE_CHARS, so the sentence stays one line. */
function shorten(params: TextParams, text: string): TextParams {
  if (text.length <= QUOTE_CHARS) return params;
  const cut = `${text.slice(0, QUOTE_CHARS)}…`;
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'string' ? v.split(text).join(cut) : v,
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// Seeds (the header's seed box, --seed in the CLI, the link)

/**
 * The longest seed: 64 characters. It is hashed, so any length would work, but it is shown in the
 * header, in file names and in the link (src/ui/share/link.ts takes the same 64), and read out in
 * class; a 9-digit seed is what "New random seed" makes.
 */
export const MAX_SEED_CHARS = 64;

/** A seed: 1 to MAX_SEED_CHARS printable ASCII characters, no spaces (it goes into URLs and argv). */
export function checkSeed(text: string): LimitCheck {
  if (text === '') return fail('limit.seed_empty');
  if (text.length > MAX_SEED_CHARS)
    return fail('limit.seed_too_long', { length: text.length, max: MAX_SEED_CHARS });
  const bad = firstUnprintable(text);
  if (bad) return fail('limit.seed_char', bad);
  return ok;
}

// ---------------------------------------------------------------------------------------------
// Addresses (the journey's URL)

/**
 * The longest URL the journey visits: 8,000 characters, what RFC 9110 §4.1 asks every sender and
 * recipient to support. It becomes the request line of the HTTP GET on the diagram.
 */
export const MAX_URL_CHARS = 8_000;

export function checkUrlLength(text: string): LimitCheck {
  return text.length > MAX_URL_CHARS
    ? fail('limit.url_too_long', { length: text.length, max: MAX_URL_CHARS })
    : ok;
}

// ---------------------------------------------------------------------------------------------
// Lists in the negotiation editor (cipher suites, groups, signature schemes, ALPN)

/**
 * Entries a list may hold. The wire allows far more (32,767 cipher suites), but each entry is a
 * row on screen and a code in the hello; these leave room for every code a real client sends
 * (OpenSSL 3.0 offers 31 suites with TLS 1.3 on).
 */
export const MAX_LIST_ENTRIES = {
  cipherSuites: 64,
  groups: 32,
  signatureSchemes: 32,
  alpn: 16,
} as const;
export type ConfigList = keyof typeof MAX_LIST_ENTRIES;

/** RFC 7301 §3.1: a protocol name is 1 to 255 octets. */
export const MAX_ALPN_NAME_OCTETS = 255;

const LIST_NAMES: Record<ConfigList, LimitKey> = {
  cipherSuites: 'limit.list.cipherSuites',
  groups: 'limit.list.groups',
  signatureSchemes: 'limit.list.signatureSchemes',
  alpn: 'limit.list.alpn',
};

/** A list of 16-bit codes (suites, groups, schemes) or ALPN protocol names. */
export function checkConfigList(
  list: ConfigList,
  values: readonly (number | string)[],
): LimitCheck {
  const max = MAX_LIST_ENTRIES[list];
  const what = LIST_NAMES[list];
  if (values.length === 0) return fail('limit.list_empty', { list: what });
  if (values.length > max)
    return fail('limit.list_too_long', { count: values.length, list: what, max });
  for (const v of values) {
    if (list === 'alpn') {
      const octets = typeof v === 'string' ? new TextEncoder().encode(v).length : -1;
      if (octets < 1 || octets > MAX_ALPN_NAME_OCTETS)
        return fail('limit.alpn_length', { max: MAX_ALPN_NAME_OCTETS });
    } else if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffff) {
      return fail('limit.list_code', { list: what });
    }
  }
  return ok;
}

/** Every list of a client or server configuration at once; the first problem found. */
export function checkConfigLists(
  config: Partial<Record<ConfigList, readonly (number | string)[]>>,
): LimitCheck {
  for (const list of Object.keys(MAX_LIST_ENTRIES) as ConfigList[]) {
    const values = config[list];
    if (values === undefined || (list === 'alpn' && values.length === 0)) continue;
    const result = checkConfigList(list, values);
    if (!result.ok) return result;
  }
  return ok;
}

// ---------------------------------------------------------------------------------------------
// The virtual clock (time travel, "wait for the TTL")

/**
 * The furthest one jump may move the virtual clock: 30 days. Past every TTL a cache keeps
 * (RFC 8767 §4 suggests capping at 7 days; Unbound's cache-max-ttl is 1 day) and every TLS session
 * lifetime (300 s), so nothing more can change by jumping further.
 */
export const MAX_CLOCK_JUMP_SECONDS = 30 * 86_400;
/**
 * The latest virtual time: the end of 9999, the last instant an X.509 validity date can name
 * (RFC 5280 §4.1.2.5 GeneralizedTime) and far inside what a JavaScript Date holds.
 */
export const MAX_VIRTUAL_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

/** A jump forward of `seconds`, from virtual time `nowMs`. Time never goes backwards. */
export function checkClockJump(seconds: number, nowMs = 0): LimitCheck {
  if (!Number.isFinite(seconds)) return fail('limit.jump_not_number');
  if (seconds < 0) return fail('limit.jump_backwards');
  if (seconds > MAX_CLOCK_JUMP_SECONDS)
    return fail('limit.jump_too_far', { max: MAX_CLOCK_JUMP_SECONDS });
  if (nowMs + seconds * 1000 > MAX_VIRTUAL_TIME_MS) return fail('limit.jump_past_9999');
  return ok;
}

// ---------------------------------------------------------------------------------------------
// Trace files (Import trace)

/**
 * The largest trace file read: 50 MiB, refused before it is read. The longest catalog run (20 TLS
 * connections, 300 messages) exports to well under 10 MB.
 */
export const MAX_TRACE_FILE_BYTES = 50 * 1024 * 1024;

export function checkTraceFileSize(bytes: number): LimitCheck {
  return bytes > MAX_TRACE_FILE_BYTES
    ? fail('limit.trace_file_too_large', { bytes, max: MAX_TRACE_FILE_BYTES })
    : ok;
}

// ---------------------------------------------------------------------------------------------
// Runs of several connections or lookups (the stress scenarios; an imported trace's settings)

/** TLS connections one run makes back to back: 20, the most any scenario in the catalog makes. */
export const MAX_TLS_CONNECTIONS = 20;

/** DNS lookups one plain DNS run makes in a row: 30, the most any scenario in the catalog makes. */
export const MAX_DNS_RUN_LOOKUPS = 30;

export function checkConnections(count: number): LimitCheck {
  return Number.isInteger(count) && count >= 1 && count <= MAX_TLS_CONNECTIONS
    ? ok
    : fail('limit.connections', { max: MAX_TLS_CONNECTIONS, count });
}

// ---------------------------------------------------------------------------------------------
// Lookups in a lab run (time travel, a zone's lookups, GSLB)

/** Lookups in one time-travel run: each is a phase of the diagram, and 12 let every cache expire. */
export const MAX_TIME_TRAVEL_LOOKUPS = 12;
/** Lookups against an edited zone: one table row each in the outcome. */
export const MAX_ZONE_EDIT_LOOKUPS = 6;
/** The browser's lookups in the GSLB lab: one row each on the diagram and in its timeline. */
export const MAX_GSLB_LOOKUPS = 40;

/** A list of `count` lookups where at most `max` are taken. */
export function checkLookupCount(count: number, max: number): LimitCheck {
  if (count < 1) return fail('limit.lookups_none');
  if (count > max) return fail('limit.lookups_too_many', { count, max });
  return ok;
}
