import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { concatBytes, DecodeError, fromHex, toHex, type Span } from '../bytes';
import { counting, sampleMessages } from '../../../test/fixtures/tls/samples';
import { tilingProblems } from '../../../test/fixtures/tls/span-tiling';
import { SPAN_VALUE_TEXT_EN } from '../../i18n/span-values.en';
import { SPAN_VALUE_TEXT_KO } from '../../i18n/span-values.ko';
import { spanValueText } from '../../i18n/span-value';
import { decodeTlsRecords } from './decode';
import { cipherSuite } from './enums';
import { encodeAlert } from './messages/alert';
import { encodeChangeCipherSpec } from './messages/change-cipher-spec';
import { findExtension } from './messages/extensions';
import { decodeHandshake, encodeHandshake } from './messages/handshake';
import { encodeRecord } from './record';

const fixtures = join(import.meta.dirname, '../../../test/fixtures/tls');
const fixture = (name: string): Uint8Array => fromHex(readFileSync(join(fixtures, name), 'utf8'));

const record = (type: number, fragment: Uint8Array, version = 0x0303): Uint8Array =>
  encodeRecord({ type, version, fragment }).bytes;

/** Every span, depth first. */
const flat = (spans: readonly Span[]): Span[] => spans.flatMap((s) => [s, ...flat(s.children)]);

/** Every span, depth first, as "name: value". */
const lines = (spans: readonly Span[]): string[] =>
  spans.flatMap((s) => [
    `${s.name}${s.value === undefined ? '' : `: ${spanValueText(SPAN_VALUE_TEXT_EN, s.value)}`}`,
    ...lines(s.children),
  ]);

describe('decodeTlsRecords on OpenSSL fixtures', () => {
  it.each(['openssl-client-hello-tls12.hex', 'openssl-client-hello-tls13.hex'])(
    '%s: finds the SNI, keeps unknown extensions and re-encodes byte for byte',
    (name) => {
      const bytes = fixture(name);
      const { spans, summary } = decodeTlsRecords(bytes);
      expect(tilingProblems(spans, 0, bytes.length)).toEqual([]);
      expect(summary).toHaveLength(1);
      expect(summary[0]).toMatch(
        /^record 1: handshake TLS 1\.0 \(0x0301\), \d+ bytes: ClientHello TLS 1\.2, .*SNI www\.example\.com/,
      );
      expect(lines(spans)).toContain('name: www.example.com');

      const { message } = decodeHandshake(bytes.subarray(5));
      if (message.type !== 'client_hello')
        throw new Error(`expected a ClientHello, got ${message.type}`);
      expect(findExtension(message.body.extensions, 'server_name')?.hostName).toBe(
        'www.example.com',
      );
      expect(message.body.cipherSuites).toContain(0xc02f);
      expect(toHex(encodeHandshake(message).bytes)).toBe(toHex(bytes.subarray(5)));
    },
  );

  it("reads the TLS 1.3 offer's extensions field by field (RFC 8446, Section 4.2)", () => {
    const { message } = decodeHandshake(fixture('openssl-client-hello-tls13.hex').subarray(5));
    if (message.type !== 'client_hello') throw new Error('not a ClientHello');
    const kinds = message.body.extensions.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['supported_versions', 'psk_key_exchange_modes', 'key_share']),
    );
    expect(findExtension(message.body.extensions, 'supported_versions')?.versions).toContain(
      0x0304,
    );
    expect(message.body.cipherSuites.slice(0, 3)).toEqual([0x1302, 0x1303, 0x1301]);
    const tls12 = decodeHandshake(fixture('openssl-client-hello-tls12.hex').subarray(5)).message;
    if (tls12.type !== 'client_hello') throw new Error('not a ClientHello');
    expect(tls12.body.extensions.map((e) => e.kind)).not.toContain(51);
  });

  it("decodes OpenSSL's server flight, ServerHello to ServerHelloDone", () => {
    const bytes = fixture('openssl-server-flight-tls12.hex');
    const { spans, summary } = decodeTlsRecords(bytes);
    expect(tilingProblems(spans, 0, bytes.length)).toEqual([]);
    expect(
      summary.map((s) => s.replace(/^record \d+: handshake TLS 1\.2 \(0x0303\), \d+ bytes: /, '')),
    ).toEqual([
      'ServerHello TLS 1.2, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      'Certificate (1 certificate)',
      expect.stringMatching(/^ServerKeyExchange x25519, (rsa_pss_rsae_sha256|rsa_pkcs1_sha256)$/),
      'ServerHelloDone',
    ]);
    expect(lines(spans)).toEqual(
      expect.arrayContaining(['extended_master_secret: (empty)', 'named_curve: x25519 (29)']),
    );
  });
});

describe('decodeTlsRecords on constructed streams', () => {
  const ch = encodeHandshake(sampleMessages[0]!);
  const finished = encodeHandshake({ type: 'finished', body: { verifyData: counting(12) } });

  it('nests coalesced messages under one record', () => {
    const shd = encodeHandshake({ type: 'server_hello_done', body: {} });
    const bytes = record(22, concatBytes(encodeHandshake(sampleMessages[4]!).bytes, shd.bytes));
    const { spans, summary } = decodeTlsRecords(bytes);
    expect(summary).toEqual([
      `record 1: handshake TLS 1.2 (0x0303), ${bytes.length - 5} bytes: Certificate (2 certificates), ServerHelloDone`,
    ]);
    const fragment = spans[0]!.children[3]!;
    expect(fragment.children.map((s) => s.name)).toEqual(['Certificate', 'ServerHelloDone']);
    expect(tilingProblems(spans, 0, bytes.length)).toEqual([]);
  });

  it('follows a message fragmented across records', () => {
    const bytes = concatBytes(
      record(22, ch.bytes.subarray(0, 2)),
      record(22, ch.bytes.subarray(2, 100)),
      record(22, concatBytes(ch.bytes.subarray(100), finished.bytes)),
    );
    const { spans, summary } = decodeTlsRecords(bytes);
    expect(summary.map((s) => s.replace(/^.*bytes?: /, ''))).toEqual([
      'start of a handshake message',
      'part of a handshake message',
      expect.stringMatching(
        /^end of ClientHello TLS 1\.2, 5 cipher suites, 10 extensions, SNI www\.example\.com, ALPN h2 http\/1\.1 \(reassembled from 3 records\), Finished$/,
      ),
    ]);
    expect(tilingProblems(spans, 0, bytes.length)).toEqual([]);
  });

  it('shows CCS, then every later record as encrypted, and alerts by name', () => {
    const bytes = concatBytes(
      record(21, encodeAlert({ level: 1, description: 0 }).bytes),
      record(20, encodeChangeCipherSpec().bytes),
      record(22, counting(40)),
      record(23, counting(30)),
      record(21, counting(26)),
    );
    const { spans, summary } = decodeTlsRecords(bytes);
    expect(summary.map((s) => s.replace(/^.*bytes?: /, ''))).toEqual([
      'Alert warning close_notify',
      'ChangeCipherSpec',
      'encrypted handshake (40 bytes)',
      'encrypted application_data (30 bytes)',
      'encrypted alert (26 bytes)',
    ]);
    expect(spans[2]!.children[3]!.children[0]).toMatchObject({
      name: 'encrypted_handshake',
      length: 40,
    });
    expect(tilingProblems(spans, 0, bytes.length)).toEqual([]);
  });

  it('no strict prefix of a one-record stream decodes', () => {
    const bytes = record(22, ch.bytes);
    for (let n = 0; n < bytes.length; n++) {
      expect(() => decodeTlsRecords(bytes.subarray(0, n)), `prefix of ${n} bytes`).toThrow(
        DecodeError,
      );
    }
  });
});

describe('decodeTlsRecords on garbage', () => {
  const cases: [string, Uint8Array, string, number][] = [
    ['nothing', new Uint8Array(0), 'no TLS records: the input is empty', 0],
    [
      'HTTP',
      new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n'),
      'record 1: unknown record content type 71',
      0,
    ],
    [
      'a record version that is not TLS',
      fromHex('1604000001aa'),
      'record 1: record version 0x0400 is not TLS (major version 3)',
      1,
    ],
    [
      'a record longer than the input',
      fromHex('1603030010aabb'),
      'record 1: record length 16 exceeds the 2 bytes left',
      5,
    ],
    [
      'a record over the limit',
      fromHex('1703034801'),
      'record 1: record length 18433 exceeds the maximum 18432',
      3,
    ],
    [
      'a cut-off second header',
      concatBytes(record(23, counting(3)), fromHex('1703')),
      'record 2: truncated: record header needs 5 bytes but 2 are left',
      8,
    ],
    [
      'a handshake length past the end',
      record(22, concatBytes(fromHex('0100012c'), counting(40))),
      'record 1: handshake length 300 exceeds the 40 bytes left',
      9,
    ],
    [
      'a bad ChangeCipherSpec',
      record(20, fromHex('02')),
      'record 1: ChangeCipherSpec type is 2, not change_cipher_spec (1)',
      5,
    ],
    [
      'an empty handshake record',
      record(22, new Uint8Array(0)),
      'record 1: empty handshake record',
      5,
    ],
    [
      'a bad field in the second record',
      concatBytes(record(23, counting(3)), record(22, fromHex('14000002aabb'))),
      'record 2: verify_data is 2 bytes but must be at least 12',
      17,
    ],
    [
      'a fragmented message cut off by a ChangeCipherSpec',
      concatBytes(record(22, fromHex('0b000010aabb')), record(20, fromHex('01'))),
      'record 1: handshake length 16 exceeds the 2 bytes left',
      9,
    ],
  ];
  it.each(cases)('%s', (_, bytes, reason, offset) => {
    let error: unknown;
    try {
      decodeTlsRecords(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DecodeError);
    expect(error).toMatchObject({ reason, offset });
    expect((error as Error).message).toBe(`${reason} at offset ${offset}`);
  });
});

describe('decodeTlsRecords on what the engine does not speak', () => {
  const summaryOf = (bytes: Uint8Array, options = {}) =>
    decodeTlsRecords(bytes, options).summary.map((s) => s.replace(/^.*bytes?: /, ''));

  it('calls an alert record that is no plaintext alert an encrypted alert', () => {
    // tshark: "Encrypted Alert". The first byte, 0xa1, is no alert level (RFC 5246, 7.2).
    const bytes = fromHex('1503030004a1b2c3d4');
    const { spans, summary } = decodeTlsRecords(bytes);
    expect(summary).toEqual([
      'record 1: alert TLS 1.2 (0x0303), 4 bytes: encrypted alert (4 bytes)',
    ]);
    expect(lines(spans)).toContain('encrypted_alert');
    expect(tilingProblems(spans, 0, bytes.length)).toEqual([]);
    expect(summaryOf(record(21, fromHex('02')))).toEqual(['encrypted alert (1 byte)']);
  });

  it('reads a plaintext heartbeat (RFC 6520, 4) and refuses an overlong payload_length', () => {
    const hb = concatBytes(fromHex('010003abcdef'), new Uint8Array(16));
    const bytes = record(24, hb);
    const { spans, summary } = decodeTlsRecords(bytes);
    expect(summary[0]).toMatch(/^record 1: heartbeat TLS 1\.2 \(0x0303\), 22 bytes: /);
    expect(summaryOf(bytes)).toEqual(['Heartbeat request (3-byte payload)']);
    expect(lines(spans)).toEqual(
      expect.arrayContaining(['type: heartbeat_request (1)', 'payload_length: 3']),
    );
    expect(tilingProblems(spans, 0, bytes.length)).toEqual([]);
    // Heartbleed's request: a 16 KiB payload_length over a 3-byte payload.
    const bleed = record(24, fromHex('014000abcdef'));
    expect(() => decodeTlsRecords(bleed)).toThrow(/payload_length 16384/);
  });

  it('names an SSLv2-compatible ClientHello (RFC 5246, E.2) and reads its cipher specs', () => {
    const challenge = counting(16, 0x70);
    const specs = fromHex('00002f' + '000035' + '010080' + '00000a');
    const body = concatBytes(
      fromHex('010301'),
      Uint8Array.of(0, specs.length, 0, 0, 0, challenge.length),
      specs,
      challenge,
    );
    const bytes = concatBytes(Uint8Array.of(0x80 | (body.length >> 8), body.length & 0xff), body);
    const { spans, summary } = decodeTlsRecords(bytes);
    expect(summary).toEqual(['record 1: SSLv2-compatible ClientHello TLS 1.0, 4 cipher specs']);
    expect(lines(spans)).toEqual(
      expect.arrayContaining([
        'cipher_spec: TLS_RSA_WITH_AES_128_CBC_SHA (0x002f)',
        'cipher_spec: SSL_CK_RC4_128_WITH_MD5 (0x010080)',
        'version: TLS 1.0 (0x0301)',
      ]),
    );
    expect(tilingProblems(spans, 0, bytes.length)).toEqual([]);
  });

  it("shows a straddling message's fields inside each of its pieces", () => {
    const ch = encodeHandshake(sampleMessages[0]!);
    const bytes = concatBytes(
      record(22, ch.bytes.subarray(0, 2)),
      record(22, ch.bytes.subarray(2, 100)),
      record(22, ch.bytes.subarray(100)),
    );
    const { spans } = decodeTlsRecords(bytes);
    const pieces = spans.map((s) => s.children[3]!.children[0]!);
    expect(pieces.map((p) => p.children[0]?.name)).toEqual([
      'ClientHello',
      'ClientHello (continued)',
      'ClientHello (continued)',
    ]);
    const all = lines(spans);
    expect(all).toContain('name: www.example.com');
    expect(all.filter((l) => l.startsWith('random'))).toHaveLength(1);
    expect(tilingProblems(spans, 0, bytes.length)).toEqual([]);
  });

  it('after a TLS 1.3 ServerHello, reads records as TLS 1.3 ones (RFC 8446, 5.2)', () => {
    const sh = encodeHandshake({
      type: 'server_hello',
      body: {
        version: 0x0303,
        random: counting(32, 9),
        sessionId: counting(32, 1),
        cipherSuite: cipherSuite(0x1301),
        compressionMethod: 0,
        extensions: [
          { kind: 'unknown', type: 43, data: fromHex('0304') },
          { kind: 'unknown', type: 51, data: concatBytes(fromHex('001d0020'), counting(32)) },
        ],
      },
    });
    const bytes = concatBytes(
      record(22, sh.bytes),
      record(20, encodeChangeCipherSpec().bytes),
      record(23, counting(40)),
      record(23, counting(20)),
    );
    const { spans, summary, negotiated } = decodeTlsRecords(bytes);
    expect(negotiated).toEqual({ version: 0x0304, cipherSuite: 0x1301 });
    expect(summary.map((s) => s.replace(/^.*bytes?: /, ''))).toEqual([
      'ServerHello TLS 1.3, TLS_AES_128_GCM_SHA256',
      'ChangeCipherSpec (middlebox compatibility)',
      'encrypted TLS 1.3 record (40 bytes)',
      'encrypted TLS 1.3 record (20 bytes)',
    ]);
    expect(lines(spans)).toEqual(
      expect.arrayContaining([
        'supported_versions: TLS 1.3',
        'selected_version: TLS 1.3 (0x0304)',
        'key_share: x25519',
      ]),
    );
    // The client's direction, told what the server's negotiated: the same rule.
    const client = concatBytes(record(20, encodeChangeCipherSpec().bytes), record(23, counting(9)));
    expect(summaryOf(client, { negotiated })).toEqual([
      'ChangeCipherSpec (middlebox compatibility)',
      'encrypted TLS 1.3 record (9 bytes)',
    ]);
  });

  it('keeps a malformed TLS 1.3 extension raw and says where it breaks', () => {
    const ch = encodeHandshake(sampleMessages[0]!);
    const { spans } = decodeTlsRecords(record(22, ch.bytes));
    expect(lines(spans).find((l) => l.startsWith('key_share'))).toMatch(
      /^key_share: malformed: client_shares length \d+ exceeds the 8 bytes left at offset \d+$/,
    );
    // The reason is a key too, so a Korean page says it in Korean.
    const keyShare = flat(spans).find((s) => s.name === 'key_share')!;
    const korean = spanValueText(SPAN_VALUE_TEXT_KO, keyShare.value!);
    expect(korean).toMatch(/^형식 오류: .*\(오프셋 \d+\)$/);
    expect(korean).not.toMatch(/exceeds|malformed|offset/);
  });
});

describe('decodeTlsRecords on a client flight alone', () => {
  it('reads an RSA or DHE ClientKeyExchange by its layout when no ServerHello says which', () => {
    const cke = concatBytes(fromHex('10000102' + '0100'), counting(256));
    const { spans, summary } = decodeTlsRecords(record(22, cke));
    expect(summary[0]).toMatch(
      /ClientKeyExchange \(256 bytes, RSA or DHE: the ServerHello decides\)$/,
    );
    expect(lines(spans)).toContain('exchange_keys');
    // Told the suite, the same bytes are RSA's encrypted premaster secret (RFC 5246, 7.4.7.1).
    const rsa = decodeTlsRecords(record(22, cke), {
      negotiated: { version: 0x0303, cipherSuite: 0x009c },
    });
    expect(rsa.summary[0]).toMatch(
      /ClientKeyExchange \(RSA, 256-byte encrypted premaster secret\)$/,
    );
  });
});
