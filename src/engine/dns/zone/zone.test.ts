import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Name } from '../name';
import { formatRecord } from '../present';
import { RRType } from '../types';
import { parseMasterFile, parseTtl } from './parse';
import { ZoneParseError } from './tokens';
import { Zone, ZoneError } from './zone';

const lines = (text: string) => parseMasterFile(text).records.map(formatRecord);

function parseError(text: string): ZoneParseError {
  try {
    parseMasterFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ZoneParseError);
    return error as ZoneParseError;
  }
  throw new Error('expected a ZoneParseError');
}

describe('master files (RFC 1035 §5)', () => {
  it('handles $ORIGIN, $TTL, @, relative names, omitted owner/TTL/class and parentheses', () => {
    const text = [
      '$ORIGIN example.com.',
      '$TTL 1h',
      '@ IN SOA ns1 hostmaster ( 1 ; serial',
      '     2h 1h 2w 5m ) ; timers',
      '  NS ns1.example.com.',
      'www 300 A 192.0.2.1',
      '    IN 60 AAAA 2001:DB8::1',
      'mail A 192.0.2.25 ; a comment',
      '$ORIGIN sub',
      'x CNAME @',
    ].join('\n');
    expect(lines(text)).toEqual([
      'example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300',
      'example.com. 3600 IN NS ns1.example.com.',
      'www.example.com. 300 IN A 192.0.2.1',
      'www.example.com. 60 IN AAAA 2001:db8::1',
      'mail.example.com. 3600 IN A 192.0.2.25',
      'x.sub.example.com. 3600 IN CNAME sub.example.com.',
    ]);
  });

  it('reads quoted strings with escapes, several strings and ; inside quotes', () => {
    expect(lines('$ORIGIN t.\n$TTL 60\n@ TXT "a \\"b\\" ;c" plain \\065\\\\ "\\255"')).toEqual([
      't. 60 IN TXT "a \\"b\\" ;c" "plain" "A\\\\" "\\255"',
    ]);
    expect(lines('$ORIGIN t.\n$TTL 60\n@ CAA 0 issue "ca.example.net; account=1"')).toEqual([
      't. 60 IN CAA 0 issue "ca.example.net; account=1"',
    ]);
  });

  it('uses the last explicit TTL when there is no $TTL (RFC 1035 §5.1)', () => {
    expect(lines('$ORIGIN t.\na 120 A 192.0.2.1\nb A 192.0.2.2')).toEqual([
      'a.t. 120 IN A 192.0.2.1',
      'b.t. 120 IN A 192.0.2.2',
    ]);
  });

  it('reads TTL units (BIND style)', () => {
    expect(parseTtl('1h30m', 1)).toBe(5400);
    expect(parseTtl('2d', 1)).toBe(172800);
    expect(parseTtl('1w', 1)).toBe(604800);
    expect(parseTtl('30M', 1)).toBe(1800);
    expect(parseTtl('86400', 1)).toBe(86400);
    expect(() => parseTtl('1x', 7)).toThrow("line 7: '1x' is not a TTL");
    expect(() => parseTtl('2147483648', 3)).toThrow(/above 2\^31-1/);
  });

  it('accepts the RFC 3597 generic form and decodes it for known types', () => {
    expect(
      lines('$ORIGIN t.\n$TTL 60\na TYPE1 \\# 4 C0000201\nb TYPE731 \\# 3 abcdef\nc TXT \\# 0'),
    ).toEqual(['a.t. 60 IN A 192.0.2.1', 'b.t. 60 IN TYPE731 \\# 3 abcdef', 'c.t. 60 IN TXT ']);
  });

  it('names the line and the reason for each error', () => {
    expect(parseError('$ORIGIN t.\n$TTL 60\nwww CH A 192.0.2.1').message).toBe(
      'line 3: class CH is not supported (only IN)',
    );
    expect(parseError('$ORIGIN t.\n$TTL 60\nwww A 192.0.2.300').message).toMatch(
      /^line 3: '192.0.2.300' is not a dotted-quad/,
    );
    expect(parseError('$ORIGIN t.\nwww A 192.0.2.1').message).toBe(
      'line 2: no TTL on the record and no $TTL before it',
    );
    expect(parseError('$ORIGIN t.\n$TTL 60\n@ SOA a b (1 2 3\n4 5').message).toBe(
      "line 3: '(' is never closed",
    );
    expect(parseError('$TTL 60\nwww A 192.0.2.1').message).toBe(
      'line 2: relative name or @ with no $ORIGIN',
    );
    expect(parseError('$ORIGIN t.\n$TTL 60\nwww FOO bar').message).toBe(
      "line 3: unknown type 'FOO'",
    );
    expect(parseError('$ORIGIN t.\n$TTL 60\nwww TXT "open').message).toBe(
      'line 3: unterminated quoted string',
    );
    expect(parseError('$ORIGIN t.\n$TTL 60\nwww A 192.0.2.1 extra').message).toBe(
      "line 3: unexpected 'extra' after the A RDATA",
    );
    expect(parseError('$ORIGIN t.\n$TTL 60\nwww MX 10').message).toBe(
      'line 3: MX record is missing its exchange',
    );
    expect(parseError('$ORIGIN t.\n$TTL 60\nwww TYPE1 \\# 5 c0000201').message).toBe(
      'line 3: generic RDATA has 4 octets but says 5',
    );
    expect(parseError('$INCLUDE other.zone').message).toBe('line 1: $INCLUDE is not supported');
    expect(parseError('$ORIGIN t.\n$TTL 60\n' + 'a'.repeat(64) + ' A 192.0.2.1').message).toMatch(
      /^line 3: label .* 64 octets/,
    );
    expect(parseError('$ORIGIN t.\n$TTL 60\nwww HINFO "a" "b"').message).toMatch(
      /needs the generic form/,
    );
  });

  it('checks zone structure, naming the line', () => {
    expect(() => Zone.parse('$ORIGIN t.\n$TTL 60\n@ NS ns.t.')).toThrow(
      'line 3: zone t. needs exactly one SOA at its apex (RFC 1035 §5.2), found 0',
    );
    expect(() =>
      Zone.parse('$ORIGIN t.\n$TTL 60\n@ SOA a b 1 2 3 4 5\n@ NS a\nx.u. A 192.0.2.1'),
    ).toThrow('line 5: x.u. is outside the zone t.');
    expect(() =>
      Zone.parse('$ORIGIN t.\n$TTL 60\n@ SOA a b 1 2 3 4 5\n@ NS a\nx A 192.0.2.1\nx CNAME y'),
    ).toThrow('line 6: x.t. has a CNAME and other data (A)');
    // Built from records rather than text, the same checks give a ZoneError without a line.
    expect(() => Zone.fromRecords(Name.parse('t'), [])).toThrow(ZoneError);
  });

  it('indexes names, empty non-terminals and cuts', () => {
    const zone = Zone.parse(readFileSync('test/fixtures/dns/wild.example.zone', 'utf8'));
    expect(zone.origin.toString()).toBe('example.');
    expect(zone.exists(Name.parse('_tcp.host1.example'))).toBe(true); // empty non-terminal
    expect(zone.node(Name.parse('_tcp.host1.example'))).toBeUndefined();
    expect(zone.exists(Name.parse('host3.example'))).toBe(false);
    expect(zone.findCut(Name.parse('a.b.subdel.example'))?.toString()).toBe('subdel.example.');
    expect(zone.findCut(Name.parse('host1.example'))).toBeUndefined();
    expect(zone.negativeSoa().ttl).toBe(3600); // min(3600, 5400)
    expect(zone.rrset(Name.parse('host1.example'), RRType.A)).toHaveLength(1);
  });
});
