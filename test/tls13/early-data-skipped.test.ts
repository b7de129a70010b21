/**
 * RFC 8446, Section 4.2.10: a server that does not accept 0-RTT (ours never does) skips the early
 * data a client sends with its ClientHello: encrypted records that do not open under the
 * handshake keys, up to a bound (OpenSSL's 2^14 bytes), and then goes on with the handshake.
 * tlsfuzzer's test-tls13-0rtt-garbage sends exactly this. Here our own client is made to offer
 * early_data and to follow its ClientHello with records of random bytes.
 */
import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../src/engine/sim/rng';
import type { HandshakeContext, Machine } from '../../src/engine/tls/context';
import type { ClientState } from '../../src/engine/tls/client/states';
import { TlsConnection, MAX_SKIPPED_EARLY_DATA } from '../../src/engine/tls/connection';
import { AlertDescription, ContentType } from '../../src/engine/tls/enums';
import { inMemoryPair, writeRecord } from '../tls/support/in-memory-pair';

/** The client machine with an early_data extension added to its ClientHello. */
function offeringEarlyData(machine: Machine<ClientState>): Machine<ClientState> {
  const altered = (ctx: HandshakeContext): HandshakeContext => ({
    ...ctx,
    sendHandshake: (message) =>
      ctx.sendHandshake(
        message.type === 'client_hello'
          ? {
              ...message,
              body: {
                ...message.body,
                // Before pre_shared_key, which must stay last (Section 4.2.11).
                extensions: [{ kind: 'early_data' }, ...message.body.extensions],
              },
            }
          : message,
      ),
  });
  return { ...machine, start: (ctx) => machine.start(altered(ctx)) };
}

/** Records of random bytes, each `size` long, as 0-RTT data under keys we do not have. */
function earlyRecords(sizes: readonly number[]) {
  const rng = new SeededRng('early data');
  return (client: TlsConnection<ClientState>) => {
    for (const size of sizes) writeRecord(client, ContentType.application_data, rng.bytes(size));
  };
}

describe('TLS 1.3 server: refused early data is skipped', () => {
  it('records that do not open are dropped, and the handshake completes', async () => {
    const { server, client } = await inMemoryPair('1.3', {
      alterClient: offeringEarlyData,
      beforePump: earlyRecords([100, 4000]),
    });
    expect(server.failure).toBeUndefined();
    expect(client.isTraffic && server.isTraffic).toBe(true);
  });

  it(`more than ${MAX_SKIPPED_EARLY_DATA} bytes of it is unexpected_message`, async () => {
    const { server } = await inMemoryPair('1.3', {
      alterClient: offeringEarlyData,
      beforePump: earlyRecords([10_000, 10_000]),
    });
    expect(server.failure?.fault).toBe('inappropriate_message.too_much_early_data');
    expect(server.closingAlert?.description).toBe(AlertDescription.unexpected_message);
  });

  it('without an early_data offer the same record is bad_record_mac', async () => {
    const { server } = await inMemoryPair('1.3', { beforePump: earlyRecords([100]) });
    expect(server.failure?.fault).toBe('decrypt_error.bad_record_mac');
    expect(server.closingAlert?.description).toBe(AlertDescription.bad_record_mac);
  });
});
