import { describe, expect, it } from 'vitest';
import { DecodeError, EncodeError, fromHex, toHex } from '../../bytes';
import { DEMO_INTERMEDIATE_NAME, DEMO_ROOT_NAME } from '../../../../test/fixtures/tls/samples';
import { decodeHandshake, encodeHandshake, type HandshakeMessage } from './handshake';
import type { CertificateRequest } from './certificate-request';

const request = (body: CertificateRequest): HandshakeMessage => ({
  type: 'certificate_request',
  body,
});

/** A handshake message of type 13 around `body` (hex), with the right length. */
function certificateRequest(body: string): Uint8Array {
  const b = fromHex(body);
  return new Uint8Array([13, b.length >> 16, (b.length >> 8) & 0xff, b.length & 0xff, ...b]);
}

const ROOT = toHex(DEMO_ROOT_NAME);

describe('CertificateRequest (RFC 5246, Section 7.4.4)', () => {
  it('encodes each field as the RFC lays it out', () => {
    const { bytes } = encodeHandshake(
      request({
        certificateTypes: [1, 64],
        signatureSchemes: [0x0804, 0x0403],
        certificateAuthorities: [DEMO_ROOT_NAME],
      }),
    );
    expect(toHex(bytes)).toBe(
      '0d' +
        '000047' + // msg_type certificate_request, length 71
        '02' +
        '0140' + // certificate_types: rsa_sign, ecdsa_sign
        '0004' +
        '08040403' + // supported_signature_algorithms
        '003c' + // certificate_authorities, 60 bytes
        '003a' +
        ROOT, // one DistinguishedName of 58 bytes
    );
  });

  it('round trips, and shows types, schemes and CA names readably', () => {
    const message = request({
      certificateTypes: [1, 64, 99],
      signatureSchemes: [0x0804, 0x0403],
      certificateAuthorities: [DEMO_ROOT_NAME, DEMO_INTERMEDIATE_NAME],
    });
    const encoded = encodeHandshake(message);
    const decoded = decodeHandshake(encoded.bytes);
    expect(decoded.message).toEqual(message);
    expect(decoded.spans).toEqual(encoded.spans);
    const fields = encoded.spans[0]!.children;
    expect(fields.map((s) => [s.name, s.explain])).toEqual([
      ['msg_type', 'tls.handshake.msg_type'],
      ['length', 'tls.handshake.length'],
      ['certificate_types', 'tls.certificate_request.certificate_types'],
      ['supported_signature_algorithms', 'tls.certificate_request.supported_signature_algorithms'],
      ['certificate_authorities', 'tls.certificate_request.certificate_authorities'],
    ]);
    expect(fields[0]!.value).toBe('certificate_request (13)');
    expect(fields[2]!.children.slice(1).map((s) => s.value)).toEqual([
      'rsa_sign (1)',
      'ecdsa_sign (64)',
      'unknown (0x63)',
    ]);
    expect(fields[3]!.children.slice(1).map((s) => s.value)).toEqual([
      'rsa_pss_rsae_sha256 (0x0804)',
      'ecdsa_secp256r1_sha256 (0x0403)',
    ]);
    const names = fields[4]!.children.slice(1);
    expect(names.map((n) => [n.name, n.explain])).toEqual([
      ['distinguished_name', 'tls.certificate_request.distinguished_name'],
      ['distinguished_name', 'tls.certificate_request.distinguished_name'],
    ]);
    expect(names.map((n) => n.children.map((c) => [c.name, c.value, c.explain]))).toEqual([
      [
        ['length', 58, 'bytes.length'],
        [
          'der',
          'O=Wirestep Demo, CN=Wirestep Demo Root CA',
          'tls.certificate_request.distinguished_name.der',
        ],
      ],
      [
        ['length', 66, 'bytes.length'],
        [
          'der',
          'O=Wirestep Demo, CN=Wirestep Demo Intermediate CA',
          'tls.certificate_request.distinguished_name.der',
        ],
      ],
    ]);
  });

  it('shows an empty RDNSequence as an empty name', () => {
    const message = request({
      certificateTypes: [1],
      signatureSchemes: [0x0401],
      certificateAuthorities: [fromHex('3000')],
    });
    const { spans } = encodeHandshake(message);
    const dn = spans[0]!.children[4]!.children[1]!;
    expect(dn.children[1]!.value).toBe('(empty name)');
  });

  const bad: [string, string, RegExp][] = [
    ['no certificate_types', '00' + '00020401' + '0000', /certificate_types length 0 is below/],
    [
      'supported_signature_algorithms of odd length',
      '0101' + '0003040104' + '0000',
      /supported_signature_algorithms length 3 is not a multiple of 2/,
    ],
    [
      'no supported_signature_algorithms',
      '0101' + '0000' + '0000',
      /supported_signature_algorithms length 0 is below the minimum 2/,
    ],
    [
      'an empty DistinguishedName',
      '0101' + '00020401' + '0002' + '0000',
      /distinguished_name length 0 is below the minimum 1/,
    ],
    [
      'a DistinguishedName that is not DER',
      '0101' + '00020401' + '0005' + '0003' + '010203',
      /a DistinguishedName is not a DER Name: it does not start with a DER SEQUENCE at offset 14/,
    ],
    [
      'a DistinguishedName with bytes after its SEQUENCE',
      '0101' + '00020401' + '0006' + '0004' + '30000000',
      /a DistinguishedName is not a DER Name: its DER says 2 bytes but 4 were given/,
    ],
    [
      'certificate_authorities longer than the message',
      '0101' + '00020401' + '0040' + '003a' + ROOT,
      /certificate_authorities length 64 exceeds the 60 bytes left/,
    ],
    ['no certificate_authorities at all', '0101' + '00020401', /truncated: length needs 2 bytes/],
    [
      'trailing bytes after certificate_authorities',
      '0101' + '00020401' + '0000' + 'ff',
      /1 bytes of trailing data after CertificateRequest/,
    ],
  ];
  it.each(bad)('rejects %s as a decode error', (_, body, reason) => {
    const bytes = certificateRequest(body);
    expect(() => decodeHandshake(bytes)).toThrow(DecodeError);
    expect(() => decodeHandshake(bytes)).toThrow(reason);
  });

  it('rejects every truncation of a real request', () => {
    const { bytes } = encodeHandshake(
      request({
        certificateTypes: [1, 64],
        signatureSchemes: [0x0804],
        certificateAuthorities: [DEMO_ROOT_NAME],
      }),
    );
    for (let n = 0; n < bytes.length; n++) {
      // The length field still says the whole body: each cut is a truncated message.
      expect(() => decodeHandshake(bytes.subarray(0, n)), `${n} bytes`).toThrow(DecodeError);
      // The length field says the shorter body: a field inside it is cut short.
      const cut = certificateRequest(toHex(bytes.subarray(4, Math.max(4, n))));
      expect(() => decodeHandshake(cut), `body of ${n - 4} bytes`).toThrow(DecodeError);
    }
  });

  it('refuses to encode what the decoder would reject', () => {
    const ok: CertificateRequest = {
      certificateTypes: [1],
      signatureSchemes: [0x0401],
      certificateAuthorities: [],
    };
    for (const body of [
      { ...ok, certificateTypes: [] },
      { ...ok, signatureSchemes: [] },
      { ...ok, certificateAuthorities: [new Uint8Array(0)] },
      { ...ok, certificateAuthorities: [fromHex('0102')] },
    ])
      expect(() => encodeHandshake(request(body))).toThrow(EncodeError);
  });
});
