/**
 * A Finished whose verify_data has the wrong length is malformed: decode_error, not the
 * decrypt_error of a wrong value (RFC 5246, Section 7.4.9: 12 bytes; RFC 8446, Section 4.4.4:
 * the hash's length). tlsfuzzer's test-tls13-finished pads and truncates the client's Finished
 * and expects decode_error, as OpenSSL sends. Here our own client, on both versions, sends a
 * Finished stretched or cut before it is encrypted, and our server must answer decode_error.
 */
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../src/engine/bytes/hex';
import type { HandshakeContext, Machine } from '../../src/engine/tls/context';
import { AlertDescription } from '../../src/engine/tls/enums';
import { inMemoryPair } from './support/in-memory-pair';

/** The client machine, its Finished's verify_data changed by `edit` before it is sent. */
function withFinished<S extends { name: string }>(
  machine: Machine<S>,
  edit: (verifyData: Uint8Array) => Uint8Array,
): Machine<S> {
  const altered = (ctx: HandshakeContext): HandshakeContext => ({
    ...ctx,
    sendHandshake: (message) =>
      ctx.sendHandshake(
        message.type === 'finished'
          ? { type: 'finished', body: { verifyData: edit(message.body.verifyData) } }
          : message,
      ),
  });
  return {
    ...machine,
    start: (ctx) => machine.start(altered(ctx)),
    handle: (state, input, ctx) => machine.handle(state, input, altered(ctx)),
  };
}

async function serverAnswer(version: '1.2' | '1.3', edit: (v: Uint8Array) => Uint8Array) {
  const { server } = await inMemoryPair(version, {
    alterClient: (machine) => withFinished(machine, edit),
  });
  return { fault: server.failure?.fault, alert: server.closingAlert };
}

const longer = (v: Uint8Array) => concatBytes(v, new Uint8Array(32));
const shorter = (v: Uint8Array) => v.subarray(0, 20);

describe('a client Finished of the wrong length', () => {
  for (const version of ['1.2', '1.3'] as const) {
    it(`TLS ${version}: 32 bytes too long is decode_error`, async () => {
      expect(await serverAnswer(version, longer)).toEqual({
        fault: 'invalid_message.decode',
        alert: { from: 'us', description: AlertDescription.decode_error },
      });
    });
  }

  it('TLS 1.3: cut to 20 of its 32 bytes is decode_error', async () => {
    expect(await serverAnswer('1.3', shorter)).toEqual({
      fault: 'invalid_message.decode',
      alert: { from: 'us', description: AlertDescription.decode_error },
    });
  });

  it('the right length with a wrong value is still decrypt_error', async () => {
    const flipped = (v: Uint8Array) => v.map((b, i) => (i === 0 ? b ^ 1 : b));
    expect(await serverAnswer('1.3', flipped)).toEqual({
      fault: 'peer_misbehaved.client_finished_mismatch',
      alert: { from: 'us', description: AlertDescription.decrypt_error },
    });
  });
});
