import { constants, verify, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EncodeError, fromHex, toHex } from '../../bytes';
import { counting } from '../../../../test/fixtures/tls/samples';
import { tilingProblems } from '../../../../test/fixtures/tls/span-tiling';
import { SignatureScheme, namedGroup } from '../enums';
import { decodeHandshake, encodeHandshake, type HandshakeMessage } from './handshake';
import { HandshakeBuffer } from '../handshake-buffer';
import { RecordSplitter } from '../record';
import {
  encodeServerEcdhParams,
  serverKeyExchangeSignedContent,
  type ServerKeyExchange,
} from './server-key-exchange';

const ske: ServerKeyExchange = {
  curveType: 3,
  namedGroup: namedGroup(29),
  publicKey: counting(32, 0x60),
  signatureScheme: 0x0401,
  signature: counting(4, 0xe0),
};

describe('ServerKeyExchange', () => {
  it('lays out ServerECDHParams as RFC 8422, Section 5.4 does', () => {
    expect(toHex(encodeServerEcdhParams(ske))).toBe(
      '03' + '001d' + '20' + toHex(counting(32, 0x60)),
    );
  });

  it('signs client_random ‖ server_random ‖ ServerECDHParams', () => {
    const content = serverKeyExchangeSignedContent(counting(32, 0x00), counting(32, 0x40), ske);
    expect(toHex(content)).toBe(
      toHex(counting(32, 0)) + toHex(counting(32, 0x40)) + toHex(encodeServerEcdhParams(ske)),
    );
  });

  it('encodes params then the digitally-signed struct (RFC 5246, Section 4.7)', () => {
    const { bytes, spans } = encodeHandshake({ type: 'server_key_exchange', body: ske });
    expect(toHex(bytes)).toBe(
      '0c00002c' + toHex(encodeServerEcdhParams(ske)) + '0401' + '0004' + 'e0e1e2e3',
    );
    expect(spans[0]!.children.map((s) => s.name)).toEqual([
      'msg_type',
      'length',
      'params',
      'signed_params',
    ]);
    expect(spans[0]!.children[2]!.children.map((s) => `${s.name}=${s.value ?? ''}`)).toEqual([
      'curve_type=named_curve (3)',
      'named_curve=x25519 (29)',
      'public=',
    ]);
  });

  it('keeps a ServerKeyExchange with explicit curves raw, annotated, instead of failing', () => {
    // curve_type explicit_prime (1), which RFC 8422 removed; the rest is opaque to us.
    const bytes = fromHex('0c000005' + '01' + 'aabbccdd');
    const { message, spans } = decodeHandshake(bytes);
    expect(message).toEqual({ type: 'unknown', msgType: 12, body: fromHex('01aabbccdd') });
    expect(spans[0]!.name).toBe('ServerKeyExchange');
    expect(spans[0]!.children[2]!.children.map((s) => `${s.name}=${s.value ?? ''}`)).toEqual([
      'curve_type=explicit_prime (1)',
      'unsupported_params=',
    ]);
    expect(tilingProblems(spans, 0, bytes.length)).toEqual([]);
    expect(toHex(encodeHandshake(message).bytes)).toBe(toHex(bytes));
  });

  it('refuses to encode a curve type other than named_curve', () => {
    expect(() => encodeServerEcdhParams({ ...ske, curveType: 1 })).toThrow(EncodeError);
  });

  it('rejects a truncated signature', () => {
    expect(() => decodeHandshake(fromHex('0c00000a' + '03001d01aa' + '0401' + '0005aa'))).toThrow(
      'signature length 5 exceeds the 1 bytes left at offset 11',
    );
  });

  it("verifies OpenSSL's real signature over the content we compute (fixture)", () => {
    const dir = join(import.meta.dirname, '../../../../test/fixtures/tls');
    const clientHelloRecord = fromHex(
      readFileSync(join(dir, 'openssl-client-hello-tls12.hex'), 'utf8'),
    );
    const flight = fromHex(readFileSync(join(dir, 'openssl-server-flight-tls12.hex'), 'utf8'));
    const cert = new X509Certificate(
      readFileSync(join(dir, 'openssl-server-flight-tls12.cert.pem')),
    );

    const messages = (records: Uint8Array): HandshakeMessage[] => {
      const buffer = new HandshakeBuffer();
      for (const { record } of new RecordSplitter().push(records)) buffer.push(record.fragment);
      const out: HandshakeMessage[] = [];
      for (let m = buffer.next(); m; m = buffer.next()) out.push(m.message);
      return out;
    };
    const [clientHello] = messages(clientHelloRecord);
    const [serverHello, certificate, serverKeyExchange] = messages(flight);
    if (clientHello?.type !== 'client_hello' || serverHello?.type !== 'server_hello')
      throw new Error('hellos');
    if (certificate?.type !== 'certificate' || serverKeyExchange?.type !== 'server_key_exchange') {
      throw new Error('certificate and key exchange');
    }
    expect(toHex(certificate.body.certificates[0]!)).toBe(toHex(cert.raw));

    const body = serverKeyExchange.body;
    const content = serverKeyExchangeSignedContent(
      clientHello.body.random,
      serverHello.body.random,
      body,
    );
    const pss = body.signatureScheme === SignatureScheme.rsa_pss_rsae_sha256;
    expect([SignatureScheme.rsa_pss_rsae_sha256, SignatureScheme.rsa_pkcs1_sha256]).toContain(
      body.signatureScheme,
    );
    const key = pss
      ? { key: cert.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }
      : { key: cert.publicKey, padding: constants.RSA_PKCS1_PADDING };
    expect(verify('sha256', content, key, body.signature)).toBe(true);
    // And a single flipped bit in what we sign breaks it, so the check above means something.
    content[content.length - 1]! ^= 1;
    expect(verify('sha256', content, key, body.signature)).toBe(false);
  });
});
