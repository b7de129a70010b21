/**
 * Input limits (src/engine/limits.ts): each cap accepts its maximum, refuses one more with a
 * sentence that names the limit, and the zone parser enforces its caps itself with a line number.
 */
import { describe, expect, it } from 'vitest';
import { ZoneParseError } from './dns/zone/tokens';
import { Zone } from './dns/zone/zone';
import {
  MAX_CLOCK_JUMP_SECONDS,
  MAX_LIST_ENTRIES,
  MAX_PASTED_BYTES,
  MAX_PASTED_HEX_CHARS,
  MAX_ZONE_LINES,
  MAX_ZONE_RECORDS,
  MAX_ZONE_TEXT_CHARS,
  checkClockJump,
  checkConfigList,
  checkConfigLists,
  checkHostname,
  checkPastedHex,
  checkServerName,
  checkZoneRecordCount,
  checkZoneText,
  parsePastedHex,
} from './limits';

describe('pasted hex', () => {
  it('decodes up to 64 KiB, with separators, and refuses one byte more', () => {
    expect(MAX_PASTED_BYTES).toBe(65536);
    const max = 'ab'.repeat(MAX_PASTED_BYTES);
    const parsed = parsePastedHex(max);
    expect(parsed.ok && parsed.bytes.length).toBe(65536);
    expect(parsePastedHex('16 03:01 00\n05')).toEqual({
      ok: true,
      bytes: Uint8Array.of(0x16, 3, 1, 0, 5),
    });
    expect(checkPastedHex(max + 'ab')).toEqual({
      ok: false,
      error: 'The pasted hex is 65537 bytes; at most 65536 (64 KiB) are decoded.',
    });
  });

  it('refuses over-long text before parsing it, and says what is wrong with bad hex', () => {
    expect(checkPastedHex(' '.repeat(MAX_PASTED_HEX_CHARS + 1))).toEqual({
      ok: false,
      error: `The pasted text is ${MAX_PASTED_HEX_CHARS + 1} characters long; at most 262144 are accepted (65536 bytes).`,
    });
    expect(checkPastedHex('abz0')).toEqual({
      ok: false,
      error: "The pasted text is not hex: not a hex digit 'z' at character 2.",
    });
    expect(checkPastedHex('abc')).toEqual({
      ok: false,
      error: 'The pasted text is not hex: hex has an odd number of digits (3).',
    });
    expect(checkPastedHex(' \n ')).toEqual({
      ok: false,
      error: 'Nothing to decode: the pasted text has no hex digits.',
    });
  });
});

describe('zone files', () => {
  const line = (n: number) => `a${n} IN A 192.0.2.1`;
  const header =
    '$ORIGIN example.com.\n$TTL 300\n@ IN SOA ns1 hostmaster 1 7200 900 1209600 300\n@ IN NS ns1\n';

  it('names the first line over a cap', () => {
    // One line may be as long as the text allows: a TXT record can carry 65,535 octets.
    expect(checkZoneText('ok\n' + 'x'.repeat(70_000))).toEqual({ ok: true });
    expect(checkZoneText('\n'.repeat(MAX_ZONE_LINES - 1))).toEqual({ ok: true });
    expect(checkZoneText('\n'.repeat(MAX_ZONE_LINES))).toEqual({
      ok: false,
      error: 'Line 5001: the zone file has more than 5000 lines.',
    });
    expect(checkZoneText(' '.repeat(MAX_ZONE_TEXT_CHARS + 1))).toEqual({
      ok: false,
      error: 'Line 1: the zone file is 262145 characters long; the limit is 262144.',
    });
    expect(checkZoneRecordCount(MAX_ZONE_RECORDS)).toEqual({ ok: true });
    expect(checkZoneRecordCount(MAX_ZONE_RECORDS + 1)).toEqual({
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
      new ZoneParseError(MAX_ZONE_RECORDS + 3, 'more than 2000 records in one zone'),
    );
    expect(() => Zone.parse(header + '\n'.repeat(MAX_ZONE_LINES))).toThrow(
      new ZoneParseError(5001, 'the zone file has more than 5000 lines'),
    );
  });
});

describe('host names', () => {
  it('takes RFC 1035 §2.3.4 lengths: 63-octet labels, 255-octet names', () => {
    const label = 'a'.repeat(63);
    expect(checkHostname(`${label}.example.com`)).toEqual({ ok: true });
    expect(checkHostname(`${label}a.example.com`)).toEqual({
      ok: false,
      error:
        "Not a usable name: label 'aaaaaaaaaaaaaaaaaaaa…' is 64 octets; the limit is 63 (RFC 1035 §2.3.4).",
    });
    // Four 62-octet labels: 4 × 63 + 1 = 253 octets on the wire; "c." makes 255, "cc." 256.
    const long = Array.from({ length: 4 }, () => 'b'.repeat(62)).join('.');
    expect(checkHostname(long)).toEqual({ ok: true });
    expect(checkHostname(`c.${long}`)).toEqual({ ok: true });
    expect(checkHostname(`cc.${long}`)).toEqual({
      ok: false,
      error:
        'Not a usable name: name is 256 octets on the wire; the limit is 255 (RFC 1035 §2.3.4).',
    });
    expect(checkHostname('a..b')).toEqual({
      ok: false,
      error: "Not a usable name: empty label at character 2 of 'a..b'.",
    });
    expect(checkHostname('')).toEqual({
      ok: false,
      error: 'Enter a name, such as www.example.com.',
    });
    expect(checkHostname('x'.repeat(1021))).toEqual({
      ok: false,
      error: 'The name is 1021 characters long; a name is at most 255 octets (RFC 1035 §2.3.4).',
    });
  });

  it('a TLS server name is printable ASCII without the trailing dot (RFC 6066 §3)', () => {
    expect(checkServerName('www.example.com')).toEqual({ ok: true });
    expect(checkServerName('www.example.com.')).toEqual({
      ok: false,
      error: 'A server name is written without the trailing dot (RFC 6066 §3).',
    });
    expect(checkServerName('www example.com')).toEqual({
      ok: false,
      error: 'A server name is printable ASCII without spaces (RFC 6066 §3).',
    });
  });
});

describe('configuration lists', () => {
  it('accepts up to each cap of 16-bit codes and refuses one more', () => {
    const suites = Array.from({ length: MAX_LIST_ENTRIES.cipherSuites }, (_, i) => 0xc000 + i);
    expect(checkConfigList('cipherSuites', suites)).toEqual({ ok: true });
    expect(checkConfigList('cipherSuites', [...suites, 0xc02f])).toEqual({
      ok: false,
      error: '65 cipher suites is too many; the limit is 64.',
    });
    expect(checkConfigList('groups', [29, 0x10000])).toEqual({
      ok: false,
      error: 'Each of the groups is a code from 0 to 65535 (0x0000 to 0xffff).',
    });
    expect(checkConfigList('signatureSchemes', [])).toEqual({
      ok: false,
      error: 'Offer at least one of the signature schemes.',
    });
    expect(checkConfigList('alpn', ['h2', 'x'.repeat(256)])).toEqual({
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
    expect(checkConfigLists({ cipherSuites: [0xc02f], groups: Array(33).fill(29) })).toEqual({
      ok: false,
      error: '33 groups is too many; the limit is 32.',
    });
  });
});

describe('clock jumps', () => {
  it('moves forward at most 30 days at a time, and not past the year 9999', () => {
    expect(checkClockJump(MAX_CLOCK_JUMP_SECONDS)).toEqual({ ok: true });
    expect(checkClockJump(MAX_CLOCK_JUMP_SECONDS + 1)).toEqual({
      ok: false,
      error: 'One jump is at most 2592000 seconds (30 days); every cache has expired by then.',
    });
    expect(checkClockJump(-1)).toEqual({
      ok: false,
      error: 'Time only moves forward: the jump must be 0 seconds or more.',
    });
    expect(checkClockJump(Number.NaN)).toEqual({
      ok: false,
      error: 'The time to jump must be a number of seconds.',
    });
    expect(checkClockJump(86_400, Date.UTC(9999, 11, 31))).toEqual({
      ok: false,
      error: 'That jump goes past the end of the year 9999.',
    });
  });
});
