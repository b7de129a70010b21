import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes/hex';
import { Tls13RecordProtection, tls13Suite, trafficKeys } from './key-schedule';

// RFC 8448, Section 3 (Simple 1-RTT Handshake), TLS_AES_128_GCM_SHA256.
const SERVER_HS_SECRET = fromHex(
  'b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38',
);

describe('TLS 1.3 traffic keys (RFC 8446, Section 7.3)', () => {
  it('derives RFC 8448 server handshake key and iv', () => {
    const keys = trafficKeys(tls13Suite(0x1301)!, SERVER_HS_SECRET);
    expect(toHex(keys.key)).toBe('3fce516009c21727d0f2e4e86ee403bc');
    expect(toHex(keys.iv)).toBe('5d313eb2671276ee13000b30');
  });

  it('opens what it seals, and the content type comes back from the inner plaintext', () => {
    const suite = tls13Suite(0x1303)!;
    const sender = new Tls13RecordProtection(suite, SERVER_HS_SECRET);
    const receiver = new Tls13RecordProtection(suite, SERVER_HS_SECRET);
    for (const text of ['first', 'second']) {
      const record = sender.seal(23, new TextEncoder().encode(text));
      const opened = receiver.open(record.subarray(0, 5), record.subarray(5));
      expect(opened.type).toBe(23);
      expect(new TextDecoder().decode(opened.content)).toBe(text);
    }
    expect(receiver.sequence).toBe(2n);
  });
});
