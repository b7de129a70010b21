/**
 * A KeyUpdate the client starts (RFC 8446, Section 4.6.3), between our two machines in memory:
 * the client asks with update_requested, the server answers with its own KeyUpdate, and the
 * request and response that follow travel under the _1 secrets, which both sides derive alike
 * (Section 7.2). The same client against `openssl s_server` is test/tls13/client-openssl.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { runTlsExchange } from '../../../scenarios/tls-run';
import type { SecretEvent, TraceEvent } from '../../../trace';
import { hkdfExpandLabel, tls13Suite } from '../key-schedule';
import { Tls13CipherSuite } from '../../enums';

async function exchange(suite: number, keyUpdate: boolean) {
  return runTlsExchange({
    seed: 'key update',
    keyUpdate,
    client: (c) => {
      c.versions = ['1.3'];
      c.tls13CipherSuites = [suite];
    },
    server: (s) => {
      s.versions = ['1.3'];
    },
  });
}

function secrets(events: readonly TraceEvent[], name: string, lane: string): SecretEvent[] {
  return events.filter(
    (e): e is SecretEvent => e.kind === 'secret' && e.name === name && e.lane === lane,
  );
}

describe('a KeyUpdate from the client (RFC 8446, Section 4.6.3)', () => {
  for (const suite of [
    Tls13CipherSuite.TLS_AES_128_GCM_SHA256,
    Tls13CipherSuite.TLS_AES_256_GCM_SHA384,
  ])
    it(`is answered, and the data after it opens under the _1 keys (${tls13Suite(suite)!.name})`, async () => {
      const run = await exchange(suite, true);
      expect(run.error).toBeUndefined();
      expect(run.httpStatus).toBe('HTTP/1.1 200 OK');
      expect(run.client.negotiated.keyUpdates).toEqual({
        client: 1,
        server: 1,
        awaitingPeer: false,
      });
      const names = run.trace.events.flatMap((e) =>
        e.kind === 'message' ? [`${e.from}:${e.name}`] : [],
      );
      const at = (n: string) => names.indexOf(n);
      // Ours goes before the request; the server's answer before its response.
      expect(at('Client:KeyUpdate')).toBeGreaterThan(at('Client:Finished'));
      expect(at('Client:KeyUpdate')).toBeLessThan(at('Client:ApplicationData (GET /)'));
      expect(at('Server:KeyUpdate')).toBeGreaterThan(0);
      expect(at('Server:KeyUpdate')).toBeLessThan(at('Server:ApplicationData (HTTP 200 OK)'));
      const hash = tls13Suite(suite)!.hash;
      for (const side of ['client', 'server'] as const) {
        const [zero] = secrets(run.trace.events, `${side}_application_traffic_secret_0`, 'Client');
        const [one] = secrets(run.trace.events, `${side}_application_traffic_secret_1`, 'Client');
        const [serverOne] = secrets(
          run.trace.events,
          `${side}_application_traffic_secret_1`,
          'Server',
        );
        // Section 7.2: HKDF-Expand-Label(secret_0, "traffic upd", "", Hash.length).
        const expected = hkdfExpandLabel(
          hash,
          zero!.value,
          'traffic upd',
          new Uint8Array(0),
          zero!.value.length,
        );
        expect(one!.value, side).toEqual(expected);
        expect(serverOne!.value, side).toEqual(expected);
        expect(one!.explain).toBe('secret.tls13.traffic_update');
      }
    });

  it('is not sent without --key-update, and a TLS 1.2 connection has none to send', async () => {
    const plain = await exchange(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, false);
    expect(plain.trace.events.some((e) => e.kind === 'message' && e.name === 'KeyUpdate')).toBe(
      false,
    );
    const tls12 = await runTlsExchange({ seed: 'key update 1.2', keyUpdate: true });
    expect(tls12.httpStatus).toBe('HTTP/1.1 200 OK');
    expect(tls12.client.negotiated.keyUpdates).toBeUndefined();
    expect(tls12.trace.events.some((e) => e.kind === 'message' && e.name === 'KeyUpdate')).toBe(
      false,
    );
  });
});
