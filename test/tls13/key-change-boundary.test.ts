/**
 * RFC 8446, Section 5.1: handshake messages MUST NOT span a key change. A KeyUpdate (like a
 * ServerHello or Finished) is followed by new read keys, so it ends its record; anything after it
 * in the same record is unexpected_message. tlsfuzzer's test-tls13-keyupdate sends two KeyUpdates
 * in one record and expects that alert.
 */
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../src/engine/bytes/hex';
import { AlertDescription, ContentType } from '../../src/engine/tls/enums';
import { encodeHandshake } from '../../src/engine/tls/messages/handshake';
import { inMemoryPair, writeRecord } from '../tls/support/in-memory-pair';

const keyUpdate = (requestUpdate: number) =>
  encodeHandshake({ type: 'key_update', body: { requestUpdate } }).bytes;

describe('TLS 1.3: a key change ends its record', () => {
  it('two KeyUpdates in one record are unexpected_message', async () => {
    const { client, server, pump } = await inMemoryPair('1.3');
    expect(server.isTraffic).toBe(true);
    writeRecord(client, ContentType.handshake, concatBytes(keyUpdate(0), keyUpdate(1)));
    await pump();
    expect(server.failure).toMatchObject({
      fault: 'inappropriate_message.handshake_spans_key_change',
      params: { message: 'KeyUpdate' },
    });
    expect(server.closingAlert).toEqual({
      from: 'us',
      description: AlertDescription.unexpected_message,
    });
  });

  it('one KeyUpdate in its own record is taken', async () => {
    const { client, server, pump } = await inMemoryPair('1.3');
    writeRecord(client, ContentType.handshake, keyUpdate(0));
    await pump();
    expect(server.failure).toBeUndefined();
    expect(server.isTraffic).toBe(true);
  });
});

describe('TLS 1.3: nothing comes between the fragments of a handshake message', () => {
  it('application data between two halves of a KeyUpdate is unexpected_message', async () => {
    const { client, server, pump } = await inMemoryPair('1.3');
    const message = keyUpdate(1);
    writeRecord(client, ContentType.handshake, message.subarray(0, 2));
    writeRecord(
      client,
      ContentType.application_data,
      new TextEncoder().encode('GET / HTTP/1.0\r\n\r\n'),
    );
    writeRecord(client, ContentType.handshake, message.subarray(2));
    await pump();
    expect(server.failure?.fault).toBe('inappropriate_message.data_inside_handshake_message');
    expect(server.closingAlert).toEqual({
      from: 'us',
      description: AlertDescription.unexpected_message,
    });
    expect(server.received).toEqual([]);
  });

  it('the same KeyUpdate in two fragments with nothing between is taken', async () => {
    const { client, server, pump } = await inMemoryPair('1.3');
    const message = keyUpdate(0);
    writeRecord(client, ContentType.handshake, message.subarray(0, 2));
    writeRecord(client, ContentType.handshake, message.subarray(2));
    await pump();
    expect(server.failure).toBeUndefined();
  });
});
