import { cipherSuite, namedGroup } from '../enums';
import { describe, expect, it } from 'vitest';
import { DecodeError, EncodeError, Reader, Writer, fromHex, toHex } from '../../bytes';
import {
  clientExtensions,
  counting,
  serverExtensions,
} from '../../../../test/fixtures/tls/samples';
import { tilingProblems } from '../../../../test/fixtures/tls/span-tiling';
import { SPAN_VALUE_TEXT_EN } from '../../../i18n/span-values.en';
import { spanValueText } from '../../../i18n/span-value';
import { decodeHandshake, encodeHandshake } from './handshake';
import {
  extensionTypeOf,
  findExtension,
  readExtension,
  readExtensions,
  writeExtension,
  writeExtensions,
  type Extension,
} from './extensions';

function encodeOne(ext: Extension): {
  bytes: Uint8Array;
  spans: ReturnType<Writer['finish']>['spans'];
} {
  const w = new Writer();
  writeExtension(w, ext);
  return w.finish();
}

function decodeOne(bytes: Uint8Array): Extension {
  const r = new Reader(bytes);
  const ext = readExtension(r);
  r.expectEnd();
  return ext;
}

const allKinds = [...clientExtensions, ...serverExtensions];

describe('extensions', () => {
  it('the samples cover every kind', () => {
    expect(new Set(allKinds.map((e) => e.kind))).toEqual(
      new Set([
        'server_name',
        'supported_groups',
        'ec_point_formats',
        'signature_algorithms',
        'alpn',
        'extended_master_secret',
        'session_ticket',
        'renegotiation_info',
        'unknown',
      ]),
    );
  });

  it.each(allKinds.map((e) => [`${e.kind} ${extensionTypeOf(e)}`, e] as const))(
    'round trips %s with tiling spans',
    (_, ext) => {
      const { bytes, spans } = encodeOne(ext);
      expect(decodeOne(bytes)).toEqual(ext);
      expect(toHex(encodeOne(decodeOne(bytes)).bytes)).toBe(toHex(bytes));
      expect(tilingProblems(spans, 0, bytes.length)).toEqual([]);
      const r = new Reader(bytes);
      readExtension(r);
      expect(r.spans).toEqual(spans);
    },
  );

  // Wire images from the RFCs' structures, written out by hand.
  const golden: [string, Extension, string][] = [
    // RFC 6066, Section 3: list length, name_type host_name, HostName length, "ex.com".
    ['server_name', { kind: 'server_name', hostName: 'ex.com' }, '0000000b000900000665782e636f6d'],
    ['server_name from a server (empty)', { kind: 'server_name', hostName: '' }, '00000000'],
    [
      'supported_groups',
      { kind: 'supported_groups', groups: [29, 23].map(namedGroup) },
      '000a00060004001d0017',
    ],
    ['ec_point_formats', { kind: 'ec_point_formats', formats: [0] }, '000b00020100'],
    [
      'signature_algorithms',
      { kind: 'signature_algorithms', schemes: [0x0804] },
      '000d000400020804',
    ],
    // RFC 7301, Section 3.1: list length, then each name with a one-byte length.
    [
      'alpn',
      { kind: 'alpn', protocols: ['h2', 'http/1.1'] },
      '0010000e000c02683208687474702f312e31',
    ],
    ['extended_master_secret', { kind: 'extended_master_secret' }, '00170000'],
    ['session_ticket', { kind: 'session_ticket', ticket: fromHex('aabbcc') }, '00230003aabbcc'],
    [
      'renegotiation_info',
      { kind: 'renegotiation_info', renegotiatedConnection: new Uint8Array(0) },
      'ff01000100',
    ],
    ['unknown', { kind: 'unknown', type: 43, data: fromHex('020304') }, '002b0003020304'],
  ];
  it.each(golden)('%s has the RFC wire image', (_, ext, hex) => {
    expect(toHex(encodeOne(ext).bytes)).toBe(hex);
    expect(decodeOne(fromHex(hex))).toEqual(ext);
  });

  it('keeps a server_name list that holds another NameType raw, byte for byte', () => {
    // name_type 1 (not defined) with a 16-bit-length body, as RFC 6066 requires of future types.
    const hex = '0000000700050100020102';
    const ext = decodeOne(fromHex(hex));
    expect(ext).toEqual({ kind: 'unknown', type: 0, data: fromHex('00050100020102') });
    expect(toHex(encodeOne(ext).bytes)).toBe(hex);
  });

  const bad: [string, string, RegExp][] = [
    [
      'two host names',
      '0000000a0008' + '00000161' + '00000162',
      /server_name has more than one host_name at offset 10/,
    ],
    [
      'a host name with a trailing dot',
      '0000000800060000036578' + '2e',
      /host_name ends with a dot/,
    ],
    [
      'a host name with a space',
      '00000008000600000361' + '2062',
      /host_name is not printable ASCII/,
    ],
    ['an empty host name', '000000050003000000', /host_name length 0 is below the minimum 1/],
    [
      'an empty server_name_list',
      '000000020000',
      /server_name_list length 0 is below the minimum 1/,
    ],
    [
      'extended_master_secret with data',
      '0017000100',
      /extended_master_secret extension_data must be empty but has 1 bytes/,
    ],
    [
      'supported_groups of odd length',
      '000a00050003001d00',
      /named_group_list length 3 is not a multiple of 2/,
    ],
    [
      'an empty ec_point_format_list',
      '000b000100',
      /ec_point_format_list length 0 is below the minimum 1/,
    ],
    [
      'an empty alpn protocol name',
      '0010000400020061',
      /protocol_name length 0 is below the minimum 1/,
    ],
    [
      'renegotiated_connection overrunning',
      'ff01000105',
      /renegotiated_connection length 5 exceeds the 0 bytes left/,
    ],
    [
      'extension_data overrunning',
      '002b0005aabb',
      /extension_data length 5 exceeds the 2 bytes left/,
    ],
    [
      'signature_algorithms with trailing bytes',
      '000d0005000208040a',
      /1 bytes of trailing data after extension_data/,
    ],
  ];
  it.each(bad)('rejects %s with a DecodeError naming the field', (_, hex, reason) => {
    expect(() => decodeOne(fromHex(hex))).toThrow(reason);
    expect(() => decodeOne(fromHex(hex))).toThrow(DecodeError);
  });

  it('keeps an ALPN list with a name that is not UTF-8 raw, byte for byte (RFC 7301, 3.1)', () => {
    const bytes = fromHex('001000070005' + '02683201ff');
    const ext = decodeOne(bytes);
    expect(ext).toEqual({ kind: 'unknown', type: 16, data: fromHex('0005' + '02683201ff') });
    expect(toHex(encodeOne(ext).bytes)).toBe(toHex(bytes));
  });

  it('refuses to encode a host name the decoder would reject', () => {
    expect(() => encodeOne({ kind: 'server_name', hostName: 'example.com.' })).toThrow(EncodeError);
    expect(() => encodeOne({ kind: 'server_name', hostName: 'ex ample' })).toThrow(EncodeError);
    expect(() => encodeOne({ kind: 'alpn', protocols: [''] })).toThrow(EncodeError);
  });

  it('rejects a duplicate extension type, naming it', () => {
    const w = new Writer();
    writeExtensions(
      w,
      [
        { kind: 'extended_master_secret' },
        { kind: 'server_name', hostName: 'a.example' },
        { kind: 'server_name', hostName: 'b.example' },
      ],
      'x',
    );
    const { bytes } = w.finish();
    const r = new Reader(bytes);
    expect(() => readExtensions(r, 'x')).toThrow('duplicate extension server_name at offset 24');
    // A repeated unknown type is a duplicate too.
    const twice = fromHex('0008' + '002b0000' + '002b0000');
    expect(() => readExtensions(new Reader(twice), 'x')).toThrow(
      /duplicate extension supported_versions/,
    );
  });

  it('rejects duplicates inside a ClientHello and a ServerHello', () => {
    for (const type of ['client_hello', 'server_hello'] as const) {
      const base =
        type === 'client_hello'
          ? {
              type,
              body: {
                version: 0x0303,
                random: counting(32),
                sessionId: new Uint8Array(0),
                cipherSuites: [0xc02f].map(cipherSuite),
                compressionMethods: [0],
                extensions: [
                  { kind: 'extended_master_secret' },
                  { kind: 'extended_master_secret' },
                ] as Extension[],
              },
            }
          : {
              type,
              body: {
                version: 0x0303,
                random: counting(32),
                sessionId: new Uint8Array(0),
                cipherSuite: cipherSuite(0xc02f),
                compressionMethod: 0,
                extensions: [
                  { kind: 'extended_master_secret' },
                  { kind: 'extended_master_secret' },
                ] as Extension[],
              },
            };
      const { bytes } = encodeHandshake(base);
      expect(() => decodeHandshake(bytes)).toThrow(/duplicate extension extended_master_secret/);
    }
  });

  it('findExtension returns the extension typed by its kind', () => {
    const sni = findExtension(clientExtensions, 'server_name');
    expect(sni?.hostName).toBe('www.example.com');
    expect(findExtension(clientExtensions, 'alpn')?.protocols).toEqual(['h2', 'http/1.1']);
    expect(findExtension(serverExtensions, 'supported_groups')).toBeUndefined();
    expect(findExtension(clientExtensions, 'unknown')?.type).toBe(51);
  });

  it('gives every extension span an explain key by its wire type', () => {
    const { spans } = encodeOne({ kind: 'server_name', hostName: 'ex.com' });
    expect(spans[0]).toMatchObject({
      name: 'server_name',
      value: 'ex.com',
      explain: 'tls.ext.server_name',
    });
    expect(spans[0]!.children[0]).toMatchObject({
      name: 'extension_type',
      value: 'server_name (0)',
    });
    const raw = encodeOne({ kind: 'unknown', type: 0x0a0a, data: new Uint8Array(0) }).spans[0]!;
    expect(raw).toMatchObject({ name: 'GREASE', explain: 'tls.ext.unknown' });
    expect(spanValueText(SPAN_VALUE_TEXT_EN, raw.value!)).toBe('(empty)');
    expect(raw.children[0]!.value).toBe('GREASE (2570)');
  });
});
