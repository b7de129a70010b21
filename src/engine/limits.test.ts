/**
 * Input limits (src/engine/limits.ts): each cap accepts its maximum, refuses one more with a
 * sentence that names the limit, and the zone parser enforces its caps itself with a line number.
 * The last test fails when a limit is added to limits.ts without a test here.
 */
import { describe, expect, it } from 'vitest';
import { Zone } from './dns/zone/zone';
import * as limits from './limits';
import {
  MAX_ALPN_NAME_OCTETS,
  MAX_CLOCK_JUMP_SECONDS,
  MAX_DNS_RUN_LOOKUPS,
  MAX_GSLB_LOOKUPS,
  MAX_HOSTNAME_INPUT_CHARS,
  MAX_LABEL_OCTETS,
  MAX_LIST_ENTRIES,
  MAX_NAME_OCTETS,
  MAX_PASTED_BYTES,
  MAX_PASTED_HEX_CHARS,
  MAX_SEED_CHARS,
  MAX_TIME_TRAVEL_LOOKUPS,
  MAX_TLS_CONNECTIONS,
  MAX_TRACE_FILE_BYTES,
  MAX_URL_CHARS,
  MAX_VIRTUAL_TIME_MS,
  MAX_ZONE_EDIT_LOOKUPS,
  MAX_ZONE_LINES,
  MAX_ZONE_RECORDS,
  MAX_ZONE_TEXT_CHARS,
  checkClockJump,
  checkConfigList,
  checkConfigLists,
  checkConnections,
  checkHostname,
  checkLookupCount,
  checkPastedHex,
  checkSeed,
  checkServerName,
  checkTraceFileSize,
  checkUrlLength,
  checkZoneRecordCount,
  parsePastedHex,
  type ConfigList,
  type LimitCheck,
} from './limits';
import { checkZoneText } from './dns/zone/text';
import { limitText } from '../i18n/limits.en';

/** A check with the English sentence the CLI prints for it. */
const worded = (check: LimitCheck) =>
  check.ok ? check : { ...check, error: limitText(check.key, check.params) };

/**
 * The limits the tests below enforce, named as each describe block is collected (before any test
 * runs, so the last test sees them all even when run alone); it compares them with the exports.
 */
const TESTED = new Set<string>();
const covers = (...names: string[]) => names.forEach((n) => TESTED.add(n));

describe('pasted hex', () => {
  covers('MAX_PASTED_BYTES', 'MAX_PASTED_HEX_CHARS');
  it('decodes up to 64 KiB, with separators, and refuses one byte more', () => {
    expect(MAX_PASTED_BYTES).toBe(65536);
    const max = 'ab'.repeat(MAX_PASTED_BYTES);
    const parsed = parsePastedHex(max);
    expect(parsed.ok && parsed.bytes.length).toBe(65536);
    expect(parsePastedHex('16 03:01 00\n05')).toEqual({
      ok: true,
      bytes: Uint8Array.of(0x16, 3, 1, 0, 5),
    });
    expect(worded(checkPastedHex(max + 'ab'))).toMatchObject({
      ok: false,
      error: 'The pasted hex is 65537 bytes; at most 65536 (64 KiB) are decoded.',
    });
  });

  it('refuses over-long text before parsing it, and says what is wrong with bad hex', () => {
    // 64 KiB written five characters a byte (room for a hex dump's offsets and ASCII) is taken.
    expect(MAX_PASTED_HEX_CHARS).toBe(5 * 65536);
    const spaced = 'ab   '.repeat(MAX_PASTED_BYTES);
    expect(spaced).toHaveLength(MAX_PASTED_HEX_CHARS);
    const atCap = parsePastedHex(spaced);
    expect(atCap.ok && atCap.bytes.length).toBe(MAX_PASTED_BYTES);
    expect(worded(checkPastedHex(spaced + ' '))).toMatchObject({
      ok: false,
      error:
        'The pasted text is 327681 characters long; at most 327680 are accepted (65536 bytes).',
    });
    expect(worded(checkPastedHex('abz0'))).toMatchObject({
      ok: false,
      error: "The pasted text is not hex: not a hex digit 'z' at character 2.",
    });
    expect(worded(checkPastedHex('abc'))).toMatchObject({
      ok: false,
      error: 'The pasted text is not hex: hex has an odd number of digits (3).',
    });
    expect(worded(checkPastedHex(' \n '))).toMatchObject({
      ok: false,
      error: 'Nothing to decode: the pasted text has no hex digits.',
    });
  });
});

describe('zone files', () => {
  covers('MAX_ZONE_TEXT_CHARS', 'MAX_ZONE_LINES', 'MAX_ZONE_RECORDS');
  const line = (n: number) => `a${n} IN A 192.0.2.1`;
  const header =
    '$ORIGIN example.com.\n$TTL 300\n@ IN SOA ns1 hostmaster 1 7200 900 1209600 300\n@ IN NS ns1\n';

  it('names the first line over a cap', () => {
    expect(checkZoneText(' '.repeat(MAX_ZONE_TEXT_CHARS))).toEqual({ ok: true });
    // One line may be as long as the text allows: a TXT record can carry 65,535 octets.
    expect(checkZoneText('ok\n' + 'x'.repeat(70_000))).toEqual({ ok: true });
    expect(checkZoneText('\n'.repeat(MAX_ZONE_LINES - 1))).toEqual({ ok: true });
    expect(worded(checkZoneText('\n'.repeat(MAX_ZONE_LINES)))).toMatchObject({
      ok: false,
      error: 'Line 5001: the zone file has more than 5000 lines.',
    });
    expect(worded(checkZoneText(' '.repeat(MAX_ZONE_TEXT_CHARS + 1)))).toMatchObject({
      ok: false,
      error: 'Line 1: the zone file is 262145 characters long; the limit is 262144.',
    });
    expect(checkZoneRecordCount(MAX_ZONE_RECORDS)).toEqual({ ok: true });
    expect(worded(checkZoneRecordCount(MAX_ZONE_RECORDS + 1))).toMatchObject({
      ok: false,
      error: 'The zone has 2001 records; the limit is 2000.',
    });
  });

  it('the parser enforces the caps itself, with the line', () => {
    const atCap =
      header + Array.from({ length: MAX_ZONE_RECORDS - 2 }, (_, i) => line(i)).join('\n');
    expect(Zone.parse(atCap).records).toHaveLength(MAX_ZONE_RECORDS);
    const over = `${atCap}\n${line(99999)}`;
    expect(() => Zone.parse(over)).toThrow(
      `line ${MAX_ZONE_RECORDS + 3}: more than 2000 records in one zone`,
    );
    expect(() => Zone.parse(header + ' '.repeat(MAX_ZONE_TEXT_CHARS))).toThrow(
      `line 1: the zone file is ${header.length + MAX_ZONE_TEXT_CHARS} characters long; the limit is 262144`,
    );
    expect(() => Zone.parse(header + '\n'.repeat(MAX_ZONE_LINES))).toThrow(
      'line 5001: the zone file has more than 5000 lines',
    );
  });
});

describe('host names', () => {
  covers('MAX_LABEL_OCTETS', 'MAX_NAME_OCTETS', 'MAX_HOSTNAME_INPUT_CHARS');
  it('takes RFC 1035 §2.3.4 lengths: 63-octet labels, 255-octet names', () => {
    expect([MAX_LABEL_OCTETS, MAX_NAME_OCTETS, MAX_HOSTNAME_INPUT_CHARS]).toEqual([63, 255, 1020]);
    const label = 'a'.repeat(63);
    expect(checkHostname(`${label}.example.com`)).toEqual({ ok: true });
    expect(worded(checkHostname(`${label}a.example.com`))).toMatchObject({
      ok: false,
      error:
        "Not a usable name: label 'aaaaaaaaaaaaaaaaaaaa…' is 64 octets; the limit is 63 (RFC 1035 §2.3.4).",
    });
    // Four 62-octet labels: 4 × 63 + 1 = 253 octets on the wire; "c." makes 255, "cc." 256.
    const long = Array.from({ length: 4 }, () => 'b'.repeat(62)).join('.');
    expect(checkHostname(long)).toEqual({ ok: true });
    expect(checkHostname(`c.${long}`)).toEqual({ ok: true });
    expect(worded(checkHostname(`cc.${long}`))).toMatchObject({
      ok: false,
      error:
        'Not a usable name: name is 256 octets on the wire; the limit is 255 (RFC 1035 §2.3.4).',
    });
    expect(worded(checkHostname('a..b'))).toMatchObject({
      ok: false,
      error: "Not a usable name: empty label at character 2 of 'a..b'.",
    });
    expect(worded(checkHostname(''))).toMatchObject({
      ok: false,
      error: 'Enter a name, such as www.example.com.',
    });
    expect(worded(checkHostname('x'.repeat(1021)))).toMatchObject({
      ok: false,
      error: 'The name is 1021 characters long; a name is at most 255 octets (RFC 1035 §2.3.4).',
    });
    // At the cap the text is parsed, and what is wrong with it is said instead.
    expect(worded(checkHostname('x'.repeat(1020)))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Not a usable name: label 'x{20}…' is 1020 octets/),
    });
    // Escapes count as the octets they stand for: a 63-octet label written with \DDD is fine.
    expect(checkHostname(`${'\\065'.repeat(63)}.com`)).toEqual({ ok: true });
  });

  it('names a character a name cannot hold by its code point, never quoting it back', () => {
    const named = (text: string) => {
      const r = checkHostname(text);
      return r.ok ? 'ok' : limitText(r.key, r.params);
    };
    expect(named('www.exa mple.com')).toBe(
      'Character 8 is a space: a name here is letters, digits and hyphens, with any other octet written as \\DDD (RFC 1035 §5.1).',
    );
    expect(named('\u202Eexample.com')).toMatch(/^Character 1 is U\+202E: /);
    expect(named('a\u0000b')).toMatch(/^Character 2 is U\+0000: /);
    expect(named('😀.com')).toMatch(/^Character 1 is U\+1F600: /);
    expect(named('\ud800.com')).toMatch(/^Character 1 is U\+D800: /);
    expect(named('<img src=x onerror=alert(1)>')).toMatch(/^Character 5 is a space: /);
    // Printable ASCII that is still not a name is quoted, but cut to 40 characters.
    const long = `${'a.'.repeat(30)}.b`;
    expect(named(long)).toBe(
      `Not a usable name: empty label at character 60 of '${long.slice(0, 40)}…'.`,
    );
  });

  it('a TLS server name is printable ASCII without the trailing dot (RFC 6066 §3)', () => {
    expect(checkServerName('www.example.com')).toEqual({ ok: true });
    expect(checkServerName('127.0.0.1')).toEqual({ ok: true });
    expect(worded(checkServerName('   '))).toMatchObject({
      ok: false,
      error: 'Enter a server name, such as www.example.com.',
    });
    expect(worded(checkServerName('a'.repeat(300)))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Not a usable name: label 'a{20}…' is 300 octets/),
    });
    expect(worded(checkServerName('www.example.com.'))).toMatchObject({
      ok: false,
      error: 'A server name is written without the trailing dot (RFC 6066 §3).',
    });
    expect(worded(checkServerName('www example.com'))).toMatchObject({
      ok: false,
      error:
        'Character 4 is a space: a server name is letters, digits, hyphens and dots (RFC 6066 §3).',
    });
    // Printable, and a fine DNS label (RFC 2181 §11), but no host name: named, in quotes.
    expect(worded(checkServerName("'><script>alert(1)</script>"))).toMatchObject({
      error: expect.stringMatching(/^Character 1 is “'”: /),
    });
    expect(worded(checkServerName('javascript:alert(1)'))).toMatchObject({
      error: expect.stringMatching(/^Character 11 is “:”: /),
    });
    expect(worded(checkServerName('例え.jp'))).toMatchObject({
      error: expect.stringMatching(/^Character 1 is U\+4F8B: /),
    });
    expect(checkServerName('xn--r8jz45g.jp')).toEqual({ ok: true });
    expect(checkServerName('_dmarc.example.com')).toEqual({ ok: true });
  });
});

describe('configuration lists', () => {
  covers('MAX_LIST_ENTRIES', 'MAX_ALPN_NAME_OCTETS');
  it('accepts up to each cap and refuses one more, for every list', () => {
    const names: Record<ConfigList, string> = {
      cipherSuites: 'cipher suites',
      groups: 'groups',
      signatureSchemes: 'signature schemes',
      alpn: 'ALPN protocols',
    };
    for (const list of Object.keys(MAX_LIST_ENTRIES) as ConfigList[]) {
      const max = MAX_LIST_ENTRIES[list];
      const entry = (i: number) => (list === 'alpn' ? `p${i}` : i);
      const full = Array.from({ length: max }, (_, i) => entry(i));
      expect(checkConfigList(list, full), list).toEqual({ ok: true });
      expect(worded(checkConfigList(list, [...full, entry(max)])), list).toMatchObject({
        ok: false,
        error: `${max + 1} ${names[list]} is too many; the limit is ${max}.`,
      });
    }
    // RFC 7301 §3.1 counts octets: 85 three-octet characters make 255, and one more 258.
    expect(checkConfigList('alpn', ['x'.repeat(MAX_ALPN_NAME_OCTETS)])).toEqual({ ok: true });
    expect(checkConfigList('alpn', ['한'.repeat(85)])).toEqual({ ok: true });
    expect(worded(checkConfigList('alpn', ['한'.repeat(86)]))).toMatchObject({ ok: false });
    expect(worded(checkConfigList('alpn', ['']))).toMatchObject({ ok: false });
    expect(worded(checkConfigList('cipherSuites', [Number.NaN]))).toMatchObject({ ok: false });
    expect(worded(checkConfigList('cipherSuites', [-1]))).toMatchObject({ ok: false });
  });

  it('refuses codes outside 16 bits, empty lists and over-long names', () => {
    const suites = Array.from({ length: MAX_LIST_ENTRIES.cipherSuites }, (_, i) => 0xc000 + i);
    expect(checkConfigList('cipherSuites', suites)).toEqual({ ok: true });
    expect(worded(checkConfigList('cipherSuites', [...suites, 0xc02f]))).toMatchObject({
      ok: false,
      error: '65 cipher suites is too many; the limit is 64.',
    });
    expect(worded(checkConfigList('groups', [29, 0x10000]))).toMatchObject({
      ok: false,
      error: 'Each of the groups is a code from 0 to 65535 (0x0000 to 0xffff).',
    });
    expect(worded(checkConfigList('signatureSchemes', []))).toMatchObject({
      ok: false,
      error: 'Offer at least one of the signature schemes.',
    });
    expect(worded(checkConfigList('alpn', ['h2', 'x'.repeat(256)]))).toMatchObject({
      ok: false,
      error: 'An ALPN protocol name is 1 to 255 bytes (RFC 7301 §3.1).',
    });
  });

  it('checks a whole configuration, where an empty ALPN list means none is offered', () => {
    expect(
      checkConfigLists({
        cipherSuites: [0xc02f],
        groups: [29],
        signatureSchemes: [0x0401],
        alpn: [],
      }),
    ).toEqual({ ok: true });
    expect(
      worded(checkConfigLists({ cipherSuites: [0xc02f], groups: Array(33).fill(29) })),
    ).toMatchObject({
      ok: false,
      error: '33 groups is too many; the limit is 32.',
    });
  });
});

describe('clock jumps', () => {
  covers('MAX_CLOCK_JUMP_SECONDS', 'MAX_VIRTUAL_TIME_MS');
  it('moves forward at most 30 days at a time, and not past the year 9999', () => {
    for (const n of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
      expect(worded(checkClockJump(n))).toMatchObject({ ok: false });
    expect(worded(checkClockJump(1e308))).toMatchObject({ ok: false });
    expect(checkClockJump(0, MAX_VIRTUAL_TIME_MS)).toEqual({ ok: true });
    expect(checkClockJump(1, MAX_VIRTUAL_TIME_MS - 1000)).toEqual({ ok: true });
    expect(worded(checkClockJump(1, MAX_VIRTUAL_TIME_MS))).toMatchObject({
      ok: false,
      error: 'That jump goes past the end of the year 9999.',
    });
    expect(checkClockJump(MAX_CLOCK_JUMP_SECONDS)).toEqual({ ok: true });
    expect(worded(checkClockJump(MAX_CLOCK_JUMP_SECONDS + 1))).toMatchObject({
      ok: false,
      error: 'One jump is at most 2592000 seconds (30 days); every cache has expired by then.',
    });
    expect(worded(checkClockJump(-1))).toMatchObject({
      ok: false,
      error: 'Time only moves forward: the jump must be 0 seconds or more.',
    });
    expect(worded(checkClockJump(Number.NaN))).toMatchObject({
      ok: false,
      error: 'The time to jump must be a number of seconds.',
    });
    expect(worded(checkClockJump(86_400, Date.UTC(9999, 11, 31)))).toMatchObject({
      ok: false,
      error: 'That jump goes past the end of the year 9999.',
    });
  });
});

describe('seeds', () => {
  covers('MAX_SEED_CHARS');
  it('takes 1 to 64 printable ASCII characters, and names what else is wrong', () => {
    expect(checkSeed('1')).toEqual({ ok: true });
    expect(checkSeed('~'.repeat(MAX_SEED_CHARS))).toEqual({ ok: true });
    expect(worded(checkSeed('x'.repeat(MAX_SEED_CHARS + 1)))).toMatchObject({
      ok: false,
      error: 'The seed is 65 characters long; the limit is 64.',
    });
    expect(worded(checkSeed(''))).toMatchObject({ ok: false, error: 'Enter a seed, such as 42.' });
    expect(worded(checkSeed('4 2'))).toMatchObject({
      ok: false,
      error: 'Character 2 of the seed is a space; a seed is printable ASCII without spaces.',
    });
    expect(worded(checkSeed('42\u0000'))).toMatchObject({
      error: expect.stringMatching(/U\+0000/),
    });
  });
});

describe('addresses, trace files, runs and lab lookups', () => {
  covers(
    'MAX_URL_CHARS',
    'MAX_TRACE_FILE_BYTES',
    'MAX_TLS_CONNECTIONS',
    'MAX_DNS_RUN_LOOKUPS',
    'MAX_TIME_TRAVEL_LOOKUPS',
    'MAX_ZONE_EDIT_LOOKUPS',
    'MAX_GSLB_LOOKUPS',
  );
  it('takes URLs up to 8,000 characters (RFC 9110 §4.1)', () => {
    const base = 'https://www.example.com/';
    expect(checkUrlLength(base + 'a'.repeat(MAX_URL_CHARS - base.length))).toEqual({ ok: true });
    expect(
      worded(checkUrlLength(base + 'a'.repeat(MAX_URL_CHARS - base.length + 1))),
    ).toMatchObject({
      ok: false,
      error: 'The address is 8001 characters long; the limit is 8000 (RFC 9110 §4.1).',
    });
  });

  it('reads trace files up to 50 MiB', () => {
    expect(checkTraceFileSize(MAX_TRACE_FILE_BYTES)).toEqual({ ok: true });
    expect(worded(checkTraceFileSize(MAX_TRACE_FILE_BYTES + 1))).toMatchObject({
      ok: false,
      error: 'The file is 52428801 bytes; at most 52428800 (50 MiB) are read.',
    });
  });

  it('runs 1 to 20 TLS connections', () => {
    expect(checkConnections(MAX_TLS_CONNECTIONS)).toEqual({ ok: true });
    for (const n of [0, MAX_TLS_CONNECTIONS + 1, 1.5, Number.NaN, 1e9])
      expect(worded(checkConnections(n))).toMatchObject({
        ok: false,
        error: `A run makes 1 to 20 connections, not ${n}.`,
      });
  });

  it('counts lookups against each list’s own cap', () => {
    const caps = [MAX_DNS_RUN_LOOKUPS, MAX_TIME_TRAVEL_LOOKUPS, MAX_ZONE_EDIT_LOOKUPS];
    expect([...caps, MAX_GSLB_LOOKUPS]).toEqual([30, 12, 6, 40]);
    for (const max of [...caps, MAX_GSLB_LOOKUPS]) {
      expect(checkLookupCount(max, max)).toEqual({ ok: true });
      expect(worded(checkLookupCount(max + 1, max))).toMatchObject({
        ok: false,
        error: `${max + 1} lookups is too many; the limit is ${max}.`,
      });
    }
    expect(worded(checkLookupCount(0, 6))).toMatchObject({
      ok: false,
      error: 'Add at least one lookup.',
    });
  });
});

describe('every limit', () => {
  it('has a test above', () => {
    const named = Object.keys(limits).filter((k) => k.startsWith('MAX_'));
    expect(named.sort()).toEqual([...TESTED].sort());
  });
});
