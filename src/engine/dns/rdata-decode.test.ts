import { describe, expect, it } from 'vitest';
import { DecodeError, fromHex, type Span } from '../bytes';
import { decodeMessage } from './codec';
import { keyTag } from './rdata-decode';
import { SPAN_VALUE_TEXT_EN } from '../../i18n/span-values.en';
import { spanValueText } from '../../i18n/span-value';

/** A response holding one answer record, owned by the root, with this type, class and RDATA. */
function oneRecord(type: number, rdata: string, cls = 1): Uint8Array {
  const data = fromHex(rdata);
  const rr = [0, type >> 8, type & 0xff, cls >> 8, cls & 0xff, 0, 0, 0x0e, 0x10];
  return Uint8Array.from([
    ...fromHex('1234' + '8400' + '0000' + '0001' + '0000' + '0000'),
    ...rr,
    data.length >> 8,
    data.length & 0xff,
    ...data,
  ]);
}
/** Where the RDATA of `oneRecord` starts: header 12, root name 1, type/class/ttl/rdlength 10. */
const RDATA = 23;

const lines = (spans: readonly Span[]): string[] =>
  spans.flatMap((s) => [
    `${s.name}${s.value === undefined ? '' : `: ${spanValueText(SPAN_VALUE_TEXT_EN, s.value)}`}`,
    ...lines(s.children),
  ]);

function refusal(bytes: Uint8Array): DecodeError {
  try {
    decodeMessage(bytes);
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw e;
  }
  throw new Error('decoded');
}

describe('RDATA the resolver does not use', () => {
  it('reads a DNSKEY and computes its key tag (RFC 4034, 2.1 and Appendix B)', () => {
    // The KSK of RFC 4034, Section 2.3's example would need 260 bytes; this is a P-256 key.
    const rdata = '0101030d' + '11'.repeat(64);
    const { spans } = decodeMessage(oneRecord(48, rdata));
    expect(lines(spans)).toEqual(
      expect.arrayContaining([
        'flags: 257 (ZONE SEP)',
        'protocol: 3',
        'algorithm: ECDSAP256SHA256 (13)',
        `public_key: 64 bytes, key tag ${keyTag(fromHex(rdata))}`,
      ]),
    );
  });

  it('reads a TKEY (RFC 2930, 2), which no installed tool sends', () => {
    const rdata =
      '0367737305746573743100' + // algorithm gss.test1.
      '6553f100' + // inception
      '6553ff10' + // expiration
      '0003' + // mode: GSS-API negotiation
      '0000' + // error
      '0004deadbeef' + // key
      '0000'; // other
    const { spans } = decodeMessage(oneRecord(249, rdata));
    expect(lines(spans)).toEqual(
      expect.arrayContaining([
        'algorithm: gss.test1.',
        'mode: GSS-API negotiation (3)',
        'error: NOERROR (0)',
        'key_size: 4',
        'key_data: deadbeef',
        'other_size: 0',
      ]),
    );
  });

  it('reads RDLENGTH 0 under class ANY or NONE, as RFC 2136 UPDATE sends (2.4, 2.5)', () => {
    for (const cls of [255, 254]) {
      const { message } = decodeMessage(oneRecord(1, '', cls));
      expect(message.answers[0]!.data).toEqual({ kind: 'unknown', bytes: new Uint8Array(0) });
    }
    // Class IN keeps the rule that an A record has 4 bytes.
    expect(refusal(oneRecord(1, '', 1)).reason).toMatch(/A RDATA is longer than its rdlength 0/);
  });

  it("shows mDNS's unicast-response and cache-flush bits (RFC 6762, 5.4 and 10.2)", () => {
    const query = fromHex('0000000000010000000000000000018001');
    expect(lines(decodeMessage(query).spans)).toContain('qclass: IN (1), unicast response (QU)');
    const answer = oneRecord(1, 'c0000201', 0x8001);
    expect(lines(decodeMessage(answer).spans)).toContain('class: IN (1), cache flush');
  });

  const malformed: [string, number, string, string, number][] = [
    ['DNSKEY with protocol 4', 48, '0100040d11', 'DNSKEY protocol 4 is not 3', RDATA + 2],
    [
      'DS without a digest',
      43,
      '3039' + '0d02',
      'digest needs at least 1 bytes but 0 are left',
      RDATA + 4,
    ],
    ['LOC of version 1', 29, '01' + '00'.repeat(15), 'LOC version 1 is not 0', RDATA],
    ['LOC that is too short', 29, '00' + '00'.repeat(10), 'LOC RDATA is 11 bytes, not 16', RDATA],
    [
      'NSEC with an empty bit map',
      47,
      '00' + '0000',
      'type bit map length 0 is not 1 to 32',
      RDATA + 2,
    ],
    [
      'NSEC windows out of order',
      47,
      '00' + '010140' + '000140',
      'type bit map window 0 is not in increasing order',
      RDATA + 4,
    ],
    [
      'NSEC3 with a zero hash length',
      50,
      '01000000' + '00' + '00',
      'NSEC3 hash_length is 0',
      RDATA + 5,
    ],
    [
      'SVCB keys out of order',
      64,
      '0001' + '00' + '000300021f90' + '000100030268' + '32',
      'SvcParamKey alpn is not in increasing order',
      RDATA + 9,
    ],
    [
      'SVCB port of 3 bytes',
      64,
      '0001' + '00' + '0003000301bb00',
      'SvcParam port length 3 is not 2',
      RDATA + 7,
    ],
    [
      'a TSIG MAC past its RDATA',
      250,
      '00' + '000065540000' + '012c' + '0020' + 'aa'.repeat(8),
      'TSIG RDATA is longer than its rdlength 19 (truncated: mac needs 32 bytes but 8 are left)',
      RDATA + 11,
    ],
    [
      'an RRSIG cut short',
      46,
      '0006' + '0d02',
      'RRSIG RDATA is longer than its rdlength 4 (truncated: original_ttl needs 4 bytes but 0 are left)',
      RDATA + 4,
    ],
  ];
  it.each(malformed)('refuses %s with its offset', (_, type, rdata, reason, offset) => {
    const e = refusal(oneRecord(type, rdata));
    expect(e.reason).toBe(reason);
    expect(e.offset).toBe(offset);
  });
});

describe('EDNS options (RFC 6891, 6.1.2)', () => {
  /** A query with one OPT record holding these options. */
  function withOptions(options: string): Uint8Array {
    const data = fromHex(options);
    return Uint8Array.from([
      ...fromHex('1234' + '0100' + '0000' + '0000' + '0000' + '0001'),
      ...fromHex('00' + '0029' + '04d0' + '00000000'),
      data.length >> 8,
      data.length & 0xff,
      ...data,
    ]);
  }
  /** Where the first option starts: header 12, root 1, type 2, size 2, ttl 4, rdlength 2. */
  const OPTIONS = 23;

  it('reads client subnet, COOKIE, NSID, keepalive, padding and an extended error', () => {
    const { spans } = decodeMessage(
      withOptions(
        '0008' +
          '0007' +
          '0001' +
          '18' +
          '00' +
          'c00002' + // 192.0.2.0/24
          '000a' +
          '0008' +
          '0102030405060708' +
          '0003' +
          '0004' +
          '6e736431' +
          '000b' +
          '0002' +
          '0064' +
          '000c' +
          '0003' +
          '000000' +
          '000f' +
          '0006' +
          '0012' +
          '6e6f7065',
      ),
    );
    expect(lines(spans)).toEqual(
      expect.arrayContaining([
        'option: Client Subnet 192.0.2.0/24/0',
        'option: COOKIE (client)',
        'client_cookie: 0102030405060708',
        'option: NSID "nsd1"',
        'option: edns-tcp-keepalive 10 s',
        'option: Padding 3 bytes',
        'option: Extended DNS Error 18 (Prohibited) "nope"',
        'code: Extended DNS Error (15)',
      ]),
    );
  });

  it.each([
    [
      'a 9-byte COOKIE',
      '000a0009' + '00'.repeat(9),
      'COOKIE option is 9 bytes; it must be 8, or 16 to 40',
      OPTIONS + 4,
    ],
    [
      'a /24 client subnet with 4 address bytes',
      '00080008' + '00011800' + 'c0000201',
      'Client Subnet option address is 4 bytes but a /24 takes 3',
      OPTIONS + 8,
    ],
    [
      'a 1-byte keepalive',
      '000b000101',
      'edns-tcp-keepalive option is 1 bytes; it must be 0 or 2',
      OPTIONS + 4,
    ],
  ])('refuses %s with its offset', (_, options, reason, offset) => {
    let error: unknown;
    try {
      decodeMessage(withOptions(options));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DecodeError);
    expect(error).toMatchObject({ reason, offset });
  });
});
