import { cipherSuite } from '../enums';
import { describe, expect, it } from 'vitest';
import { DecodeError, EncodeError, fromHex, toHex } from '../../bytes';
import { counting, sampleMessages } from '../../../../test/fixtures/tls/samples';
import { tilingProblems } from '../../../../test/fixtures/tls/span-tiling';
import { SPAN_VALUE_TEXT_EN } from '../../../i18n/span-values.en';
import { spanValueText } from '../../../i18n/span-value';
import {
  decodeHandshake,
  encodeHandshake,
  encodeHandshakeLazily,
  handshakeMessageName,
  handshakeTypeOf,
  type HandshakeMessage,
} from './handshake';
// These read TLS 1.3 without a connection, which would load its codecs first.
import '../tls13/install';

const label = (m: HandshakeMessage, i: number): string => `${i}: ${handshakeMessageName(m)}`;

describe('handshake messages', () => {
  it.each(sampleMessages.map((m, i) => [label(m, i), m] as const))(
    'round trips %s with spans that tile every byte',
    (_, message) => {
      const encoded = encodeHandshake(message);
      const decoded = decodeHandshake(encoded.bytes);
      expect(decoded.message).toEqual(message);
      expect(toHex(encodeHandshake(decoded.message).bytes)).toBe(toHex(encoded.bytes));
      // The reader records exactly the tree the writer did.
      expect(decoded.spans).toEqual(encoded.spans);
      expect(tilingProblems(encoded.spans, 0, encoded.bytes.length)).toEqual([]);
      expect(encoded.spans).toHaveLength(1);
      expect(encoded.spans[0]!.name).toBe(handshakeMessageName(message));
      // RFC 5246, Section 7.4: msg_type, then a 24-bit length of the body.
      expect(encoded.bytes[0]).toBe(handshakeTypeOf(message));
      const length = (encoded.bytes[1]! << 16) | (encoded.bytes[2]! << 8) | encoded.bytes[3]!;
      expect(length).toBe(encoded.bytes.length - 4);
    },
  );

  it.each(sampleMessages.map((m, i) => [label(m, i), m] as const))(
    'encodes and decodes %s without spans, building the same spans when read',
    (_, message) => {
      const eager = encodeHandshake(message);
      const lazy = encodeHandshakeLazily(message);
      expect(toHex(lazy.bytes)).toBe(toHex(eager.bytes));
      expect(lazy.spans).toEqual(eager.spans);
      // Built once, then kept.
      expect(lazy.spans).toBe(lazy.spans);
      // And decoded without spans, the same message.
      const bare = decodeHandshake(eager.bytes, false);
      expect(bare.message).toEqual(message);
      expect(bare.spans).toEqual([]);
    },
  );

  it.each(sampleMessages.map((m, i) => [label(m, i), m] as const))(
    'no strict prefix of %s decodes',
    (_, message) => {
      const { bytes } = encodeHandshake(message);
      for (let n = 0; n < bytes.length; n++) {
        expect(() => decodeHandshake(bytes.subarray(0, n)), `prefix of ${n} bytes`).toThrow(
          DecodeError,
        );
      }
    },
  );

  it('encodes a ClientHello field by field as RFC 5246, Section 7.4.1.2 lays it out', () => {
    const { bytes } = encodeHandshake({
      type: 'client_hello',
      body: {
        version: 0x0303,
        random: new Uint8Array(32).fill(0xaa),
        sessionId: new Uint8Array(0),
        cipherSuites: [0xc02f].map(cipherSuite),
        compressionMethods: [0],
        extensions: [{ kind: 'server_name', hostName: 'a.b' }, { kind: 'extended_master_secret' }],
      },
    });
    expect(toHex(bytes)).toBe(
      '01' +
        '00003b' + // msg_type client_hello, length 59
        '0303' +
        'aa'.repeat(32) +
        '00' + // client_version, random, empty session_id
        '0002c02f' +
        '0100' + // cipher_suites, compression_methods
        '0010' + // extensions, 16 bytes
        '0000' +
        '0008' +
        '0006' +
        '00' +
        '0003' +
        '612e62' + // server_name "a.b"
        '0017' +
        '0000', // extended_master_secret, empty
    );
  });

  it('names the fields and values the inspector shows', () => {
    const { spans } = encodeHandshake(sampleMessages[0]!);
    const fields = spans[0]!.children;
    expect(fields.map((s) => s.name)).toEqual([
      'msg_type',
      'length',
      'client_version',
      'random',
      'session_id',
      'cipher_suites',
      'compression_methods',
      'extensions',
    ]);
    expect(fields[0]!.value).toBe('client_hello (1)');
    expect(fields[2]).toMatchObject({
      value: 'TLS 1.2 (0x0303)',
      explain: 'tls.client_hello.client_version',
    });
    expect(fields[3]).toMatchObject({ offset: 6, length: 32, explain: 'tls.client_hello.random' });
    expect(fields[5]!.children[1]!.value).toBe('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (0xc02f)');
    const extensions = fields[7]!.children.slice(1);
    expect(
      extensions.map((s) => `${s.name}: ${spanValueText(SPAN_VALUE_TEXT_EN, s.value!)}`),
    ).toEqual([
      'server_name: www.example.com',
      'supported_groups: x25519, secp256r1, secp384r1',
      'ec_point_formats: uncompressed',
      'signature_algorithms: 3 algorithms',
      'application_layer_protocol_negotiation: h2, http/1.1',
      'extended_master_secret: (empty)',
      'session_ticket: 48-byte ticket',
      'renegotiation_info: (empty)',
      'key_share: 10 bytes',
      'GREASE: (empty)',
    ]);
  });

  it('rejects trailing data after the message and inside its body', () => {
    const { bytes } = encodeHandshake({ type: 'finished', body: { verifyData: counting(12) } });
    const longer = new Uint8Array([...bytes, 0]);
    expect(() => decodeHandshake(longer)).toThrow(
      /1 bytes of trailing data after handshake message at offset 16/,
    );
    // A ServerHelloDone whose length says 1: the body must be empty.
    expect(() => decodeHandshake(fromHex('0e00000100'))).toThrow(
      /1 bytes of trailing data after ServerHelloDone at offset 4/,
    );
  });

  it('says which length overran and where', () => {
    expect(() => decodeHandshake(fromHex('0100012c' + '00'.repeat(40)))).toThrow(
      'handshake length 300 exceeds the 40 bytes left at offset 4',
    );
  });

  it('names messages for the diagram, including ones it keeps raw', () => {
    const names = sampleMessages.map(handshakeMessageName);
    expect(names).toEqual([
      'ClientHello',
      'ClientHello',
      'ServerHello',
      'ServerHello',
      'Certificate',
      'Certificate',
      'ServerKeyExchange',
      'ServerHelloDone',
      'ClientKeyExchange',
      'Finished',
      'NewSessionTicket',
      'NewSessionTicket',
      'HelloRequest',
      'CertificateVerify',
      'CertificateRequest',
      'CertificateRequest',
    ]);
    expect(handshakeMessageName({ type: 'unknown', msgType: 99, body: new Uint8Array(0) })).toBe(
      'Handshake unknown (0x63)',
    );
  });

  it('refuses to encode values the decoder would reject', () => {
    const ch = sampleMessages[0]!;
    if (ch.type !== 'client_hello') throw new Error('sample 0 is a ClientHello');
    expect(() => encodeHandshake({ ...ch, body: { ...ch.body, random: counting(31) } })).toThrow(
      EncodeError,
    );
    expect(() => encodeHandshake({ ...ch, body: { ...ch.body, sessionId: counting(33) } })).toThrow(
      EncodeError,
    );
    expect(() => encodeHandshake({ type: 'finished', body: { verifyData: counting(11) } })).toThrow(
      EncodeError,
    );
    expect(() =>
      encodeHandshake({ type: 'client_key_exchange', body: { publicKey: new Uint8Array(0) } }),
    ).toThrow(EncodeError);
  });
});

describe('message bodies with bad fields', () => {
  /** A handshake message of `type` around `body` (hex), with the right length. */
  const msg = (type: number, body: string): Uint8Array => {
    const b = fromHex(body);
    return new Uint8Array([type, b.length >> 16, (b.length >> 8) & 0xff, b.length & 0xff, ...b]);
  };
  const random = '00'.repeat(32);
  const cases: [string, Uint8Array, RegExp][] = [
    [
      'session_id longer than 32',
      msg(2, `0303${random}21${'00'.repeat(33)}c02f00`),
      /session_id length 33 is above the maximum 32 at offset 38/,
    ],
    [
      'ClientHello with no cipher suites',
      msg(1, `0303${random}00` + '0000' + '0100'),
      /cipher_suites length 0 is below the minimum 2 at offset 39/,
    ],
    [
      'ClientHello with an odd cipher_suites length',
      msg(1, `0303${random}00` + '0003c02f00' + '0100'),
      /cipher_suites length 3 is not a multiple of 2 at offset 39/,
    ],
    [
      'ClientHello with no compression methods',
      msg(1, `0303${random}00` + '0002c02f' + '00'),
      /compression_methods length 0 is below the minimum 1 at offset 43/,
    ],
    [
      'ClientHello with bytes after compression that are no extensions block',
      msg(1, `0303${random}00` + '0002c02f' + '0100' + '00'),
      /truncated: length needs 2 bytes but 1 are left at offset 45/,
    ],
    [
      'Finished shorter than 12 bytes',
      msg(20, '00'.repeat(11)),
      /verify_data is 11 bytes but must be at least 12 at offset 4/,
    ],
    [
      'empty ClientKeyExchange point',
      msg(16, '00'),
      /ecdh_Yc length 0 is below the minimum 1 at offset 4/,
    ],
    [
      'empty certificate in the list',
      msg(11, '000003' + '000000'),
      /certificate length 0 is below the minimum 1 at offset 7/,
    ],
    [
      'NewSessionTicket ticket overrun',
      msg(4, '00001c20' + '0005aabb'),
      /ticket length 5 exceeds the 2 bytes left at offset 8/,
    ],
    [
      'ServerKeyExchange with an empty point',
      msg(12, '03001d00' + '0804' + '0000'),
      /public length 0 is below the minimum 1 at offset 7/,
    ],
  ];
  it.each(cases)('%s', (_, bytes, reason) => {
    expect(() => decodeHandshake(bytes)).toThrow(reason);
  });
});
