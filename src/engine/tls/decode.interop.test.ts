/**
 * Live interop with the installed OpenSSL: a fresh ClientHello from `openssl s_client` must decode,
 * and `openssl s_server` must accept a ClientHello that our encoder wrote and answer it with a
 * flight whose ServerKeyExchange signature checks out over the content we compute.
 */
import { constants, verify, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { concatBytes, toHex } from '../bytes';
import { captureClientHello, captureServerFlight } from '../../../test/fixtures/tls/openssl';
import { tilingProblems } from '../../../test/fixtures/tls/span-tiling';
import { decodeTlsRecords } from './decode';
import { CipherSuite, NamedGroup, ProtocolVersion, SignatureScheme } from './enums';
import { HandshakeBuffer } from './handshake-buffer';
import { findExtension } from './messages/extensions';
import { decodeHandshake, encodeHandshake, type HandshakeMessage } from './messages/handshake';
import { encodeRecord, RecordSplitter } from './record';

function handshakeMessages(stream: Uint8Array): HandshakeMessage[] {
  const buffer = new HandshakeBuffer();
  for (const { record } of new RecordSplitter().push(stream)) buffer.push(record.fragment);
  const out: HandshakeMessage[] = [];
  for (let m = buffer.next(); m; m = buffer.next()) out.push(m.message);
  return out;
}

describe('live OpenSSL interop', () => {
  it.each([
    ['-tls1_2', ['-servername', 'www.example.com', '-tls1_2']],
    ['default (TLS 1.3 offered)', ['-servername', 'www.example.com']],
  ])('decodes a fresh s_client ClientHello (%s)', async (_, args) => {
    const bytes = await captureClientHello(args);
    const { spans, summary } = decodeTlsRecords(bytes);
    expect(tilingProblems(spans, 0, bytes.length)).toEqual([]);
    expect(summary[0]).toContain('SNI www.example.com');
    const { message } = decodeHandshake(bytes.subarray(5));
    if (message.type !== 'client_hello')
      throw new Error(`expected a ClientHello, got ${message.type}`);
    expect(findExtension(message.body.extensions, 'server_name')?.hostName).toBe('www.example.com');
    expect(message.body.random).toHaveLength(32);
    expect(toHex(encodeHandshake(message).bytes)).toBe(toHex(bytes.subarray(5)));
  });

  it('s_server accepts a ClientHello we encoded and signs the parameters we expect', async () => {
    const clientRandom = Uint8Array.from({ length: 32 }, (_, i) => i);
    const hello = encodeHandshake({
      type: 'client_hello',
      body: {
        version: ProtocolVersion.TLS12,
        random: clientRandom,
        sessionId: new Uint8Array(0),
        cipherSuites: [
          CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
          CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV,
        ],
        compressionMethods: [0],
        extensions: [
          { kind: 'server_name', hostName: 'www.example.com' },
          { kind: 'supported_groups', groups: [NamedGroup.x25519, NamedGroup.secp256r1] },
          { kind: 'ec_point_formats', formats: [0] },
          {
            kind: 'signature_algorithms',
            schemes: [SignatureScheme.rsa_pss_rsae_sha256, SignatureScheme.rsa_pkcs1_sha256],
          },
          { kind: 'extended_master_secret' },
        ],
      },
    });
    const record = encodeRecord({
      type: 22,
      version: ProtocolVersion.TLS10,
      fragment: hello.bytes,
    }).bytes;
    const flight = await captureServerFlight(record, ['-tls1_2']);

    const [serverHello, certificate, ske, done] = handshakeMessages(flight.bytes);
    if (serverHello?.type !== 'server_hello') throw new Error('no ServerHello');
    expect(serverHello.body.cipherSuite).toBe(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
    expect(serverHello.body.version).toBe(ProtocolVersion.TLS12);
    // RFC 7627: the server echoes extended_master_secret; RFC 5746: it answers the SCSV with renegotiation_info.
    expect(findExtension(serverHello.body.extensions, 'extended_master_secret')).toBeDefined();
    expect(
      findExtension(serverHello.body.extensions, 'renegotiation_info')?.renegotiatedConnection,
    ).toHaveLength(0);
    if (certificate?.type !== 'certificate' || ske?.type !== 'server_key_exchange')
      throw new Error('no key exchange');
    expect(done?.type).toBe('server_hello_done');
    expect(ske.body.namedGroup).toBe(NamedGroup.x25519);
    expect(ske.body.publicKey).toHaveLength(32);

    const cert = new X509Certificate(flight.certificatePem);
    expect(toHex(certificate.body.certificates[0]!)).toBe(toHex(cert.raw));
    const signed = concatBytes(
      clientRandom,
      serverHello.body.random,
      // RFC 8422, Section 5.4: curve_type named_curve, the group, the point.
      Uint8Array.of(3, 0, NamedGroup.x25519, 32),
      ske.body.publicKey,
    );
    const key =
      ske.body.signatureScheme === SignatureScheme.rsa_pss_rsae_sha256
        ? { key: cert.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }
        : { key: cert.publicKey, padding: constants.RSA_PKCS1_PADDING };
    expect(verify('sha256', signed, key, ske.body.signature)).toBe(true);
  });
});
