/**
 * RFC 8446, Section 5.1: Handshake and Alert records are never empty; only application data may
 * be. An encrypted record whose inner content is nothing but its type (and padding) is
 * unexpected_message, as OpenSSL answers it (SSL_R_BAD_LENGTH) and tlsfuzzer's
 * test-tls13-empty-alert expects.
 */
import { describe, expect, it } from 'vitest';
import { AlertDescription, ContentType } from '../../src/engine/tls/enums';
import { inMemoryPair, writeRecord } from '../tls/support/in-memory-pair';

describe('TLS 1.3: an empty encrypted record', () => {
  for (const [name, type] of [
    ['Alert', ContentType.alert],
    ['Handshake', ContentType.handshake],
  ] as const) {
    it(`an empty ${name} record is unexpected_message`, async () => {
      const { client, server, pump } = await inMemoryPair('1.3');
      expect(server.isTraffic).toBe(true);
      writeRecord(client, type, new Uint8Array(0));
      await pump();
      expect(server.failure).toMatchObject({
        fault: 'inappropriate_message.empty_record',
        params: { contentType: name.toLowerCase() },
      });
      expect(server.closingAlert).toEqual({
        from: 'us',
        description: AlertDescription.unexpected_message,
      });
    });
  }

  it('an empty application_data record is allowed', async () => {
    const { client, server, pump } = await inMemoryPair('1.3');
    writeRecord(client, ContentType.application_data, new Uint8Array(0));
    await pump();
    expect(server.failure).toBeUndefined();
    expect(server.isTraffic).toBe(true);
  });
});
