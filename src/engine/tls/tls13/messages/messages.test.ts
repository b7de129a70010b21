import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import vectors from '../../../../../test/vectors/rfc8448-messages.json';
import { DecodeError, Reader, Writer } from '../../../bytes';
import { fromHex, toHex } from '../../../bytes/hex';
import { Tls13CipherSuite, namedGroup } from '../../enums';
import { findExtension, type Extension } from '../../messages/extensions';
import {
  decodeHandshake,
  encodeHandshake,
  handshakeDisplayName,
  type HandshakeMessage,
} from '../../messages/handshake';
import { deriveSecret, hkdfExpandLabel, hkdfExtract } from '../key-schedule';
import { readKeyUpdate } from './key-update';
import { bindersListLength, truncatedClientHello } from './extensions';
import { isHelloRetryRequest } from './hello-retry-request';
// These read TLS 1.3 without a connection, which would load its codecs first.
import '../install';

/** Decodes one RFC 8448 message as TLS 1.3 and checks that it re-encodes to the same bytes. */
function roundTrip(hex: string): HandshakeMessage {
  const bytes = fromHex(hex);
  const { message, spans } = decodeHandshake(bytes, true, 'tls13');
  const again = encodeHandshake(message);
  expect(toHex(again.bytes)).toBe(hex);
  expect(again.spans).toEqual(spans);
  return message;
}

type BodyOf<T extends HandshakeMessage['type']> = Extract<HandshakeMessage, { type: T }>['body'];

function body<T extends HandshakeMessage['type']>(m: HandshakeMessage, type: T): BodyOf<T> {
  expect(m.type).toBe(type);
  return m.body as unknown as BodyOf<T>;
}

describe('TLS 1.3 messages against RFC 8448, Section 3 (simple 1-RTT)', () => {
  const s = vectors.simple;

  it('reads the ClientHello extensions (supported_versions, key_share, psk modes)', () => {
    const ch = body(roundTrip(s.client_hello), 'client_hello');
    expect(ch.version).toBe(0x0303);
    expect(ch.cipherSuites).toEqual([0x1301, 0x1303, 0x1302]);
    expect(findExtension(ch.extensions, 'supported_versions')?.versions).toEqual([0x0304]);
    const shares = findExtension(ch.extensions, 'key_share')!.shares;
    expect(shares.map((x) => x.group)).toEqual([29]);
    expect(toHex(shares[0]!.keyExchange)).toBe(
      '99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c',
    );
    expect(findExtension(ch.extensions, 'psk_key_exchange_modes')?.modes).toEqual([1]);
  });

  it('reads the ServerHello: selected_version and the server share', () => {
    const sh = body(roundTrip(s.server_hello), 'server_hello');
    expect(isHelloRetryRequest(sh)).toBe(false);
    expect(sh.cipherSuite).toBe(0x1301);
    expect(findExtension(sh.extensions, 'selected_version')?.version).toBe(0x0304);
    const share = findExtension(sh.extensions, 'key_share_server')!.share;
    expect(share.group).toBe(29);
    expect(toHex(share.keyExchange)).toBe(
      'c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f',
    );
  });

  it('reads EncryptedExtensions, Certificate, CertificateVerify and Finished', () => {
    const ee = body(roundTrip(s.encrypted_extensions), 'encrypted_extensions');
    expect(ee.extensions.map((e) => e.kind)).toEqual([
      'supported_groups',
      'unknown',
      'server_name',
    ]);
    const cert = body(roundTrip(s.certificate), 'certificate_13');
    expect(cert.requestContext.length).toBe(0);
    expect(cert.entries.map((e) => [e.data.length, e.extensions.length])).toEqual([[432, 0]]);
    const cv = body(roundTrip(s.certificate_verify), 'certificate_verify');
    expect(cv.scheme).toBe(0x0804);
    expect(cv.signature.length).toBe(128);
    const fin = body(roundTrip(s.finished), 'finished');
    expect(toHex(fin.verifyData)).toBe(
      '9b9b141d906337fbd2cbdce71df4deda4ab42c309572cb7fffee5454b78f0718',
    );
  });

  it('reads the TLS 1.3 NewSessionTicket', () => {
    const t = body(roundTrip(s.new_session_ticket), 'new_session_ticket_13');
    expect([t.lifetime, t.ageAdd, toHex(t.nonce), t.ticket.length]).toEqual([
      30,
      0xfad6aac5,
      '0000',
      178,
    ]);
    expect(findExtension(t.extensions, 'early_data')?.maxEarlyDataSize).toBe(1024);
  });

  it('reads a TLS 1.3 Certificate as TLS 1.2 only by failing', () => {
    expect(() => decodeHandshake(fromHex(s.certificate), true, 'tls12')).toThrow(DecodeError);
  });
});

describe('PSK resumption, RFC 8448, Section 4', () => {
  const r = vectors.resumed;

  it('reads pre_shared_key as the last extension, and the server selection', () => {
    const ch = body(roundTrip(r.client_hello), 'client_hello');
    const last = ch.extensions[ch.extensions.length - 1]!;
    expect(last.kind).toBe('pre_shared_key');
    const psk = last as Extract<Extension, { kind: 'pre_shared_key' }>;
    expect(toHex(psk.identities[0]!.identity)).toBe(
      vectors.simple.new_session_ticket.slice(34, 34 + 356),
    );
    expect(psk.identities[0]!.obfuscatedTicketAge).toBe(0xfad6aacb);
    expect(psk.binders.map(toHex)).toEqual([r.binder]);
    expect(findExtension(ch.extensions, 'early_data')).toEqual({ kind: 'early_data' });
    const sh = body(roundTrip(r.server_hello), 'server_hello');
    expect(findExtension(sh.extensions, 'pre_shared_key_server')?.selectedIdentity).toBe(0);
    const ee = body(roundTrip(r.encrypted_extensions), 'encrypted_extensions');
    expect(findExtension(ee.extensions, 'early_data')).toEqual({ kind: 'early_data' });
  });

  it('gives the truncated ClientHello whose hash the RFC 8448 binder is an HMAC of', () => {
    const raw = fromHex(r.client_hello);
    const ch = body(decodeHandshake(raw, false, 'tls13').message, 'client_hello');
    const binders = findExtension(ch.extensions, 'pre_shared_key')!.binders;
    expect(bindersListLength(binders)).toBe(35);
    const truncated = truncatedClientHello(raw, binders);
    // RFC 8446, Section 7.1: binder_key = Derive-Secret(Early Secret, "res binder", ""); the
    // binder is the Finished computation with it (Section 4.2.11.2).
    const early = hkdfExtract('sha256', new Uint8Array(32), fromHex(vectors.simple.resumption_psk));
    const binderKey = deriveSecret('sha256', early, 'res binder', sha256(new Uint8Array(0)));
    const finishedKey = hkdfExpandLabel('sha256', binderKey, 'finished', new Uint8Array(0), 32);
    expect(toHex(hmac(sha256, finishedKey, sha256(truncated)))).toBe(r.binder);
  });
});

describe('HelloRetryRequest, RFC 8448, Section 5', () => {
  it('is a ServerHello with the special random, a selected_group and a cookie', () => {
    const message = roundTrip(vectors.hello_retry.hello_retry_request);
    expect(handshakeDisplayName(message)).toBe('HelloRetryRequest');
    const { spans } = decodeHandshake(fromHex(vectors.hello_retry.hello_retry_request));
    expect(spans[0]!.name).toBe('HelloRetryRequest');
    const hrr = body(message, 'server_hello');
    expect(isHelloRetryRequest(hrr)).toBe(true);
    expect(findExtension(hrr.extensions, 'key_share_retry')?.selectedGroup).toBe(23);
    expect(findExtension(hrr.extensions, 'cookie')?.cookie.length).toBe(114);
    expect(findExtension(hrr.extensions, 'selected_version')?.version).toBe(0x0304);
  });
});

describe('TLS 1.3 codecs: round trips and rejections', () => {
  const share = { group: namedGroup(29), keyExchange: new Uint8Array(32).fill(7) };

  it('round-trips messages our encoder makes, and no proper prefix decodes', () => {
    const messages: HandshakeMessage[] = [
      { type: 'key_update', body: { requestUpdate: 1 } },
      {
        type: 'certificate_13',
        body: {
          requestContext: new Uint8Array(0),
          entries: [{ data: new Uint8Array([0x30, 1, 0]), extensions: [] }],
        },
      },
      { type: 'certificate_verify', body: { scheme: 0x0403, signature: new Uint8Array(70) } },
      {
        type: 'encrypted_extensions',
        body: { extensions: [{ kind: 'alpn', protocols: ['http/1.1'] }] },
      },
      {
        type: 'client_hello',
        body: {
          version: 0x0303,
          random: new Uint8Array(32).fill(1),
          sessionId: new Uint8Array(32).fill(2),
          cipherSuites: [Tls13CipherSuite.TLS_AES_128_GCM_SHA256],
          compressionMethods: [0],
          extensions: [
            { kind: 'supported_versions', versions: [0x0304, 0x0303] },
            { kind: 'key_share', shares: [share] },
            { kind: 'psk_key_exchange_modes', modes: [1] },
            { kind: 'cookie', cookie: new Uint8Array([9, 9]) },
            {
              kind: 'pre_shared_key',
              identities: [{ identity: new Uint8Array([1, 2, 3]), obfuscatedTicketAge: 77 }],
              binders: [new Uint8Array(48).fill(5)],
            },
          ],
        },
      },
      {
        type: 'server_hello',
        body: {
          version: 0x0303,
          random: new Uint8Array(32).fill(3),
          sessionId: new Uint8Array(0),
          cipherSuite: Tls13CipherSuite.TLS_AES_256_GCM_SHA384,
          compressionMethod: 0,
          extensions: [
            { kind: 'selected_version', version: 0x0304 },
            { kind: 'key_share_server', share },
            { kind: 'pre_shared_key_server', selectedIdentity: 0 },
          ],
        },
      },
    ];
    for (const m of messages) {
      const { bytes } = encodeHandshake(m);
      const decoded = decodeHandshake(bytes, true, 'tls13').message;
      expect(toHex(encodeHandshake(decoded).bytes)).toBe(toHex(bytes));
      for (let n = 0; n < bytes.length; n++)
        expect(() => decodeHandshake(bytes.subarray(0, n), false, 'tls13')).toThrow(DecodeError);
    }
  });

  const clientHelloWith = (extensions: Extension[]): Uint8Array =>
    encodeHandshake({
      type: 'client_hello',
      body: {
        version: 0x0303,
        random: new Uint8Array(32),
        sessionId: new Uint8Array(0),
        cipherSuites: [Tls13CipherSuite.TLS_AES_128_GCM_SHA256],
        compressionMethods: [0],
        extensions,
      },
    }).bytes;

  function rejection(bytes: Uint8Array): DecodeError {
    try {
      decodeHandshake(bytes, false, 'tls13');
    } catch (e) {
      if (e instanceof DecodeError) return e;
      throw e;
    }
    throw new Error('decoded');
  }

  it('rejects a pre_shared_key that is not the last extension (RFC 8446, Section 4.2.11)', () => {
    const e = rejection(
      clientHelloWith([
        {
          kind: 'pre_shared_key',
          identities: [{ identity: new Uint8Array([1]), obfuscatedTicketAge: 0 }],
          binders: [new Uint8Array(32)],
        },
        { kind: 'supported_versions', versions: [0x0304] },
      ]),
    );
    expect([e.key, e.fault]).toEqual(['decode.tls.psk_not_last', 'illegal_value']);
  });

  it('keeps raw an extension misplaced or malformed, for the state machine to refuse', () => {
    const w = new Writer();
    // EncryptedExtensions holding key_share (type 51) with a 1-byte body (RFC 8446, Section 4.2).
    w.u8(8).u8(0).u16(7).u16(5).u16(51).u16(1).u8(0);
    const ee = body(
      decodeHandshake(w.finish().bytes, true, 'tls13').message,
      'encrypted_extensions',
    );
    expect(ee.extensions).toEqual([{ kind: 'unknown', type: 51, data: Uint8Array.of(0) }]);
    // A ServerHello key_share whose key_exchange is empty (it is <1..2^16-1>).
    const bad = { kind: 'unknown' as const, type: 51, data: fromHex('001d0000') };
    const sh = encodeHandshake({
      type: 'server_hello',
      body: {
        version: 0x0303,
        random: new Uint8Array(32),
        sessionId: new Uint8Array(0),
        cipherSuite: Tls13CipherSuite.TLS_AES_128_GCM_SHA256,
        compressionMethod: 0,
        extensions: [bad],
      },
    }).bytes;
    const read = body(decodeHandshake(sh, false, 'tls13').message, 'server_hello');
    expect(read.extensions).toEqual([bad]);
  });

  it('rejects a KeyUpdate request other than 0 or 1 (RFC 8446, Section 4.6.3)', () => {
    expect(() => readKeyUpdate(new Reader(Uint8Array.of(2)))).toThrow(/request_update 2/);
  });

  it('rejects a ticket lifetime over seven days (RFC 8446, Section 4.6.1)', () => {
    const bytes = encodeHandshake({
      type: 'new_session_ticket_13',
      body: {
        lifetime: 604801,
        ageAdd: 0,
        nonce: new Uint8Array(0),
        ticket: new Uint8Array(1),
        extensions: [],
      },
    }).bytes;
    expect(rejection(bytes).key).toBe('decode.tls.ticket_lifetime');
  });
});
