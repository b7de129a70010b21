/**
 * Tampering in flight: each textbook byte lands in the field it names, and the run shows who
 * notices, on which message, with which alert. A TCP proxy that changes the same byte between our
 * engine and OpenSSL (node:tls) shows that OpenSSL, in the same role, sends the same alert: as a
 * server for changes to the client's records, as a client for changes to the server's.
 */
import 'reflect-metadata';
import { connect as tlsConnect } from 'node:tls';
import { describe, expect, it } from 'vitest';
import {
  runTamper,
  tamperScenario,
  tamperTargets,
  type TamperSettings,
} from '../../src/engine/scenarios/lab/tamper';
import { demoClientConfig, demoServerConfig } from '../../src/engine/scenarios/tls-demo-config';
import { SystemRng } from '../../src/engine/sim/rng';
import type { NoteEvent } from '../../src/engine/trace';
import { AlertDescription } from '../../src/engine/tls/enums';
import { pem, runOurClient, waitUntil, within } from '../tls/support/peers';
import { engineConnection, startEngineServer } from './support/engine-server';
import { withNodeServer } from './support/node-server';
import { startTamperProxy, type TamperRule } from './support/tamper-proxy';

const preset = (id: string): TamperSettings =>
  tamperScenario.presets.find((p) => p.id === id)!.settings;

interface Expected {
  id: string;
  message: string;
  /** The end of the field path the byte lands in. */
  field: string;
  by: 'Client' | 'Server';
  exposedBy: string;
  alert: keyof typeof AlertDescription;
}

const CAUGHT: Expected[] = [
  {
    id: 'client-random',
    message: 'ClientHello',
    field: 'ClientHello › random',
    // The server signs both randoms with its ECDHE key (RFC 8422, Section 5.4).
    by: 'Client',
    exposedBy: 'ServerKeyExchange',
    alert: 'decrypt_error',
  },
  {
    id: 'client-hello-server-name',
    message: 'ClientHello',
    field: 'host_name › name',
    // With EMS the session hash feeds the master secret: the keys differ, the Finished won't open.
    by: 'Server',
    exposedBy: 'Finished',
    alert: 'bad_record_mac',
  },
  {
    id: 'client-hello-server-name-no-ems',
    message: 'ClientHello',
    field: 'host_name › name',
    // Without EMS the keys agree, and the Finished opens but does not match the transcript.
    by: 'Server',
    exposedBy: 'Finished',
    alert: 'decrypt_error',
  },
  {
    id: 'server-hello-extensions-length',
    message: 'ServerHello',
    field: 'ServerHello › extensions › length',
    by: 'Client',
    exposedBy: 'ServerHello',
    alert: 'decode_error',
  },
  {
    id: 'server-key-exchange-public-key',
    message: 'ServerKeyExchange',
    field: 'ServerKeyExchange › params › public › point',
    by: 'Client',
    exposedBy: 'ServerKeyExchange',
    alert: 'decrypt_error',
  },
  {
    id: 'server-key-exchange-signature',
    message: 'ServerKeyExchange',
    field: 'signed_params › signature › signature',
    by: 'Client',
    exposedBy: 'ServerKeyExchange',
    alert: 'decrypt_error',
  },
  {
    id: 'client-key-exchange-public-key',
    message: 'ClientKeyExchange',
    field: 'ClientKeyExchange › ecdh_Yc › point',
    by: 'Server',
    exposedBy: 'Finished',
    alert: 'bad_record_mac',
  },
  {
    id: 'client-finished',
    message: 'Finished',
    field: 'TLSCiphertext › fragment › encrypted_content',
    by: 'Server',
    exposedBy: 'Finished',
    alert: 'bad_record_mac',
  },
  {
    id: 'new-session-ticket',
    message: 'NewSessionTicket',
    field: 'NewSessionTicket › ticket › opaque',
    by: 'Client',
    exposedBy: 'Finished',
    alert: 'decrypt_error',
  },
  {
    id: 'http-request',
    message: 'ApplicationData (GET /)',
    field: 'TLSCiphertext › fragment › encrypted_content',
    by: 'Server',
    exposedBy: 'ApplicationData (GET /)',
    alert: 'bad_record_mac',
  },
];

describe('tampering, in memory', () => {
  it('covers every preset', () => {
    expect(tamperScenario.presets.map((p) => p.id).sort()).toEqual(
      [...CAUGHT.map((c) => c.id), 'record-length'].sort(),
    );
  });

  it.each(CAUGHT)(
    '$id: caught by the $by on $exposedBy with $alert',
    async ({ id, message, field, by, exposedBy, alert }) => {
      const settings = preset(id);
      const { outcome, trace } = await runTamper(settings, 1);
      expect(outcome.ok).toBe(false);
      expect(outcome.tampered).toMatchObject({
        record: settings.record,
        message,
        offset: settings.offset,
      });
      expect(outcome.tampered!.field.endsWith(field)).toBe(true);
      expect(outcome.tampered!.after).toBe(outcome.tampered!.before ^ settings.mask);
      expect(outcome.caught).toMatchObject({ by, exposedBy });
      expect(outcome.caught!.alert).toMatchObject({
        description: alert,
        code: AlertDescription[alert],
        sentBy: by,
      });
      expect(outcome.stalled).toBeUndefined();
      const note = trace.events.find(
        (e): e is NoteEvent => e.kind === 'note' && e.key === 'lab.tamper.changed_byte',
      );
      expect(note?.params).toMatchObject({ message, offset: settings.offset });
    },
  );

  it('a changed record length leaves both sides waiting: nobody notices, nothing finishes', async () => {
    const { outcome } = await runTamper(preset('record-length'), 1);
    expect(outcome.tampered).toMatchObject({
      message: 'ClientHello',
      field: 'TLSPlaintext › length',
    });
    expect(outcome.caught).toBeUndefined();
    expect(outcome.stalled).toEqual([
      { lane: 'Client', waitingIn: 'ExpectServerHello' },
      { lane: 'Server', waitingIn: 'ExpectClientHello' },
    ]);
  });

  it('lands each preset in the same field whatever the seed', async () => {
    for (const seed of [1, 'another seed']) {
      const targets = await tamperTargets(seed);
      expect(targets.map((t) => t.message)).toEqual([
        'ClientHello',
        'ServerHello',
        'Certificate',
        'ServerKeyExchange',
        'ServerHelloDone',
        'ClientKeyExchange',
        'ChangeCipherSpec',
        'Finished',
        'NewSessionTicket',
        'ChangeCipherSpec',
        'Finished',
        'ApplicationData (GET /)',
        'ApplicationData (HTTP 200 OK)',
        'Alert close_notify',
        'Alert close_notify',
      ]);
      for (const { id, message, field } of CAUGHT) {
        const { outcome } = await runTamper(preset(id), seed);
        expect(outcome.tampered?.message, id).toBe(message);
        expect(outcome.tampered!.field.endsWith(field), id).toBe(true);
      }
    }
  });

  it('changes nothing for a record the run never sends, or a byte past its end', async () => {
    for (const settings of [
      { ...preset('client-random'), record: 99 },
      { ...preset('client-random'), offset: 10_000 },
    ]) {
      const { outcome } = await runTamper(settings, 1);
      expect(outcome).toEqual({ ok: true, httpStatus: 'HTTP/1.1 200 OK' });
    }
  });

  it('checks its settings', async () => {
    await expect(runTamper({ ...preset('client-random'), mask: 0 }, 1)).rejects.toThrow(
      /mask must be an integer from 1 to 255/,
    );
    await expect(runTamper({ ...preset('client-random'), offset: -1 }, 1)).rejects.toThrow(
      /offset must be an integer >= 0/,
    );
  });
});

/** The preset as a proxy rule: its record counted within its own direction. */
async function ruleFor(settings: TamperSettings): Promise<TamperRule> {
  const targets = await tamperTargets(1);
  const from = targets[settings.record]!.from;
  return {
    direction: from === 'Client' ? 'client-to-server' : 'server-to-client',
    record: targets.slice(0, settings.record).filter((t) => t.from === from).length,
    offset: settings.offset,
    mask: settings.mask,
  };
}

describe('the same byte changed between our engine and OpenSSL', () => {
  it.each(CAUGHT.filter((c) => c.by === 'Server'))(
    '$id: OpenSSL as the server sends $alert too',
    async ({ id, alert }) => {
      const settings = preset(id);
      const { outcome } = await runTamper(settings, 1);
      const rule = await ruleFor(settings);
      expect(rule.direction).toBe('client-to-server');
      await withNodeServer({}, async (node) => {
        const proxy = await startTamperProxy(node.port, rule);
        try {
          const config = demoClientConfig('www.example.com');
          config.offerExtendedMasterSecret = settings.extendedMasterSecret;
          const { conn } = await runOurClient(proxy.port, config);
          expect(proxy.changed!.after).toBe(proxy.changed!.before ^ settings.mask);
          expect(conn.failure).toMatchObject({
            fault: 'alert_received',
            params: { description: alert },
          });
          expect(outcome.caught!.alert!.code).toBe(AlertDescription[alert]);
        } finally {
          await proxy.close();
        }
      });
    },
  );

  it.each(CAUGHT.filter((c) => c.by === 'Client'))(
    '$id: OpenSSL as the client sends $alert too',
    async ({ id, alert }) => {
      const settings = preset(id);
      const { outcome } = await runTamper(settings, 1);
      const rule = await ruleFor(settings);
      const ours = await startEngineServer(demoServerConfig(new SystemRng()));
      const proxy = await startTamperProxy(ours.port, rule);
      try {
        const socket = tlsConnect({
          host: '127.0.0.1',
          port: proxy.port,
          ca: pem('root.cert.pem'),
          servername: 'www.example.com',
          minVersion: 'TLSv1.2',
          maxVersion: 'TLSv1.2',
        });
        const result = await within(
          new Promise<string>((resolve) => {
            socket.once('error', (e: Error) => resolve(e.message));
            socket.once('secureConnect', () => resolve('handshake completed'));
          }),
          'node:tls client to finish',
        );
        socket.destroy();
        expect(result).not.toBe('handshake completed');
        expect(proxy.changed!.after).toBe(proxy.changed!.before ^ settings.mask);
        const served = await engineConnection(ours);
        await waitUntil(() => served.isClosed, 'our server to close');
        expect(served.failure).toMatchObject({
          fault: 'alert_received',
          params: { description: alert },
        });
        expect(outcome.caught!.alert!.code).toBe(AlertDescription[alert]);
      } finally {
        await proxy.close();
        await ours.close();
      }
    },
  );
});
