import { describe, expect, it } from 'vitest';
import { toHex } from '../bytes';
import { AddressError, formatIPv6, parseIPv4, parseIPv6 } from './ip';

describe('IP text forms', () => {
  it('parses dotted quads and rejects bad ones', () => {
    expect(toHex(parseIPv4('192.0.2.1'))).toBe('c0000201');
    expect(() => parseIPv4('192.0.2')).toThrow(AddressError);
    expect(() => parseIPv4('192.0.2.256')).toThrow(/part 4/);
    expect(() => parseIPv4('01.0.0.1')).toThrow(AddressError);
  });

  it('parses IPv6 forms, including "::" and a trailing dotted quad (RFC 4291 §2.2)', () => {
    expect(toHex(parseIPv6('2001:db8::1'))).toBe('20010db8000000000000000000000001');
    expect(toHex(parseIPv6('::'))).toBe('0'.repeat(32));
    expect(toHex(parseIPv6('::ffff:192.0.2.1'))).toBe('00000000000000000000ffffc0000201');
    expect(toHex(parseIPv6('1:2:3:4:5:6:7:8'))).toBe('00010002000300040005000600070008');
    expect(() => parseIPv6('1::2::3')).toThrow(/more than one/);
    expect(() => parseIPv6('1:2:3:4:5:6:7:8::')).toThrow(/stands for no groups/);
    expect(() => parseIPv6('12345::')).toThrow(/bad group/);
  });

  it('prints the RFC 5952 canonical form', () => {
    // RFC 5952 §4.2.2: one zero group is not shortened; §4.2.3: the first of equal runs is.
    expect(formatIPv6(parseIPv6('2001:db8:0:1:1:1:1:1'))).toBe('2001:db8:0:1:1:1:1:1');
    expect(formatIPv6(parseIPv6('2001:0:0:1:0:0:0:1'))).toBe('2001:0:0:1::1');
    expect(formatIPv6(parseIPv6('2001:db8:0:0:1:0:0:1'))).toBe('2001:db8::1:0:0:1');
    expect(formatIPv6(parseIPv6('2001:DB8::0001'))).toBe('2001:db8::1');
    expect(formatIPv6(new Uint8Array(16))).toBe('::');
  });
});
