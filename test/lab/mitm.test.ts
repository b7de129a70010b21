/**
 * Man in the middle: three lanes, two TLS connections on the attacker. Without the rogue root the
 * client refuses the attacker with unknown_ca and nothing is relayed; with it, the attacker reads
 * the request and the response in the clear and relays both. OpenSSL's client judges the
 * attacker's chain the same way: unknown_ca against the demo root, accepted once the rogue root is
 * its CA file.
 */
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { inEnglish } from './support/english';
import { fromUtf8 } from '../../src/engine/bytes/hex';
import { buildGetRequest } from '../../src/engine/http/http';
import { runMitm } from '../../src/engine/scenarios/lab/mitm';
import { ATTACKER_LANE, attackerServerConfig } from '../../src/engine/scenarios/lab/mitm-run';
import type { MessageEvent, NoteEvent, Trace } from '../../src/engine/trace';
import { AlertDescription } from '../../src/engine/tls/enums';
import { waitUntil } from '../tls/support/peers';
import { engineConnection, startEngineServer } from './support/engine-server';
import { sClientVerify } from './support/s-client';

const ROGUE_ROOT = 'O=Rogue Attacker, CN=Rogue Attacker Root CA';

function messages(trace: Trace, from: string, to: string): MessageEvent[] {
  return trace.events.filter(
    (e): e is MessageEvent => e.kind === 'message' && e.from === from && e.to === to,
  );
}

describe('man in the middle, the client not trusting the attacker', () => {
  it('refuses the forged certificate with unknown_ca; the attacker reads and relays nothing', async () => {
    const { outcome: keyed, trace } = await runMitm({ trustAttackerCa: false }, 1);
    const outcome = inEnglish(keyed);
    expect(trace.lanes).toEqual(['Client', ATTACKER_LANE, 'Server']);
    expect(outcome).toEqual({
      ok: false,
      clientAccepted: false,
      alert: {
        description: 'unknown_ca',
        code: AlertDescription.unknown_ca,
        sentBy: 'Client',
        to: ATTACKER_LANE,
        reason:
          'The chain ends at Rogue Attacker Root CA, a self-signed root that is not one of the trusted root certificates.',
      },
      warning:
        'The chain ends at Rogue Attacker Root CA, a self-signed root that is not one of the trusted root certificates.',
      attackerRead: [],
      relayed: false,
    });
    expect(messages(trace, 'Client', ATTACKER_LANE).map((m) => m.name)).toEqual([
      'ClientHello',
      'Alert unknown_ca',
    ]);
    // The attacker had opened its own connection to the server, and hangs it up unused.
    const upstream = messages(trace, ATTACKER_LANE, 'Server').map((m) => m.name);
    expect(upstream[0]).toBe('ClientHello');
    expect(upstream.some((n) => n.startsWith('ApplicationData'))).toBe(false);
    expect(trace.events.some((e) => e.kind === 'note' && e.key === 'lab.mitm.read_plaintext')).toBe(
      false,
    );
  });
});

describe("man in the middle, the attacker's root installed on the client", () => {
  it('terminates both connections, reads the HTTP in the clear and relays it', async () => {
    const { outcome: keyed, trace } = await runMitm({ trustAttackerCa: true }, 1);
    const outcome = inEnglish(keyed);
    const request = fromUtf8(buildGetRequest('www.example.com', '/'));
    expect(outcome).toMatchObject({
      ok: true,
      clientAccepted: true,
      acceptedIssuer: ROGUE_ROOT,
      relayed: true,
      httpStatus: 'HTTP/1.1 200 OK',
    });
    expect(outcome.alert).toBeUndefined();
    expect(outcome.attackerRead).toHaveLength(2);
    expect(outcome.attackerRead[0]).toEqual({ from: 'Client', to: 'Server', text: request });
    expect(outcome.attackerRead[1]!.from).toBe('Server');
    expect(outcome.attackerRead[1]!.text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(outcome.attackerRead[1]!.text).toContain('<h1>Hello from www.example.com</h1>');

    const readNotes = trace.events.filter(
      (e): e is NoteEvent => e.kind === 'note' && e.key === 'lab.mitm.read_plaintext',
    );
    expect(readNotes.map((n) => [n.lane, n.params?.from, n.params?.to])).toEqual([
      [ATTACKER_LANE, 'Client', 'Server'],
      [ATTACKER_LANE, 'Server', 'Client'],
    ]);
    expect(readNotes[0]!.params?.text).toBe(request);

    // The attacker's own records, on its lane, both ways.
    const towardClient = messages(trace, ATTACKER_LANE, 'Client').map((m) => m.name);
    const towardServer = messages(trace, ATTACKER_LANE, 'Server').map((m) => m.name);
    expect(towardClient.slice(0, 4)).toEqual([
      'ServerHello',
      'Certificate',
      'ServerKeyExchange',
      'ServerHelloDone',
    ]);
    expect(towardClient).toContain('ApplicationData (HTTP 200 OK)');
    expect(towardServer[0]).toBe('ClientHello');
    expect(towardServer).toContain('ApplicationData (GET /)');

    // The same request, re-encrypted under the other connection's keys.
    const fromClient = messages(trace, 'Client', ATTACKER_LANE).find((m) =>
      m.name.startsWith('ApplicationData'),
    )!;
    const relayed = messages(trace, ATTACKER_LANE, 'Server').find((m) =>
      m.name.startsWith('ApplicationData'),
    )!;
    expect(fromUtf8(fromClient.decrypted!.plaintext)).toBe(request);
    expect(fromUtf8(relayed.decrypted!.plaintext)).toBe(request);
    expect(Buffer.from(relayed.bytes).equals(Buffer.from(fromClient.bytes))).toBe(false);

    // Toward the real server the attacker checked the real certificate, like any careful client.
    const attackerChecked = trace.events.find(
      (e): e is NoteEvent =>
        e.kind === 'note' && e.key === 'tls.client.certificate_valid' && e.lane === ATTACKER_LANE,
    );
    expect(attackerChecked?.params?.issuer).toBe(
      'O=Wirestep Demo, CN=Wirestep Demo Intermediate CA',
    );
  });

  it('is deterministic: the same seed gives the same bytes on every lane', async () => {
    const bytesOf = (trace: Trace) =>
      trace.events.flatMap((e) =>
        e.kind === 'message' ? [`${e.from}>${e.to}:${Buffer.from(e.bytes).toString('hex')}`] : [],
      );
    const a = await runMitm({ trustAttackerCa: true }, 'seed');
    const b = await runMitm({ trustAttackerCa: true }, 'seed');
    const c = await runMitm({ trustAttackerCa: true }, 'other seed');
    expect(bytesOf(b.trace)).toEqual(bytesOf(a.trace));
    expect(bytesOf(c.trace)).not.toEqual(bytesOf(a.trace));
  });
});

describe("OpenSSL's client against the attacker's chain", () => {
  async function sClientAgainstAttacker(caFile: string) {
    const ours = await startEngineServer(attackerServerConfig());
    try {
      const run = await sClientVerify(ours.port, { caFile });
      const served = await engineConnection(ours);
      await waitUntil(() => served.isClosed, 'our server to close');
      return { run, served };
    } finally {
      await ours.close();
    }
  }

  it('refuses it with unknown_ca against the demo root, as our client does', async () => {
    const { outcome: keyed } = await runMitm({ trustAttackerCa: false }, 1);
    const outcome = inEnglish(keyed);
    const { run, served } = await sClientAgainstAttacker('root.cert.pem');
    expect(run.verifyError).toEqual({
      num: 19,
      text: 'self-signed certificate in certificate chain',
    });
    expect(served.failure).toMatchObject({
      fault: 'alert_received',
      params: { description: outcome.alert!.description },
    });
  });

  it('accepts it once the rogue root is its CA file, as our client does', async () => {
    const { run, served } = await sClientAgainstAttacker('rogue-root.cert.pem');
    expect(run.out).toContain('Verify return code: 0 (ok)');
    // s_client's own spelling of the issuer of the leaf it accepted.
    expect(run.out).toContain('issuer=O = Rogue Attacker, CN = Rogue Attacker Root CA');
    expect(served.failure).toBeUndefined();
  });
});
