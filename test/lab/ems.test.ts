/**
 * The extended master secret on and off: the outcome's label and PRF seed are the ones that
 * really make the master secret. Checked three ways: against the hello randoms and an independent
 * SHA-256 of the handshake messages in the Trace, against an independent TLS PRF on node:crypto,
 * and against the master secret OpenSSL itself derived (node:tls's keylog) when our client runs the
 * same settings against it.
 */
import 'reflect-metadata';
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emsScenario, runEms, type EmsSettings } from '../../src/engine/scenarios/lab/ems';
import { masterSecretDerivation } from '../../src/engine/scenarios/lab/trace-facts';
import { demoClientConfig } from '../../src/engine/scenarios/tls-demo-config';
import type { MessageEvent, Trace } from '../../src/engine/trace';
import { runOurClient } from '../tls/support/peers';
import { withNodeServer } from './support/node-server';

/** OpenSSL 3.0's SSL_OP_NO_EXTENDED_MASTER_SECRET (SSL_OP_BIT(0) in openssl/ssl.h); node has no name for it. */
const SSL_OP_NO_EXTENDED_MASTER_SECRET = 1;

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** RFC 5246, Section 5: PRF(secret, label, seed) = P_hash(secret, label ‖ seed), on node:crypto. */
function tlsPrf(
  hash: string,
  secret: Uint8Array,
  label: string,
  seed: Uint8Array,
  length: number,
): Buffer {
  const labelSeed = Buffer.concat([Buffer.from(label, 'latin1'), seed]);
  const hmac = (data: Buffer): Buffer => createHmac(hash, secret).update(data).digest();
  const out: Buffer[] = [];
  for (let a = hmac(labelSeed), got = 0; got < length; a = hmac(a)) {
    const block = hmac(Buffer.concat([a, labelSeed]));
    out.push(block);
    got += block.length;
  }
  return Buffer.concat(out).subarray(0, length);
}

function handshakeRecords(trace: Trace): MessageEvent[] {
  return trace.events.filter(
    (e): e is MessageEvent => e.kind === 'message' && !e.encrypted && e.name !== 'ChangeCipherSpec',
  );
}

const preset = (id: string): EmsSettings => emsScenario.presets.find((p) => p.id === id)!.settings;

describe('extended master secret, in memory', () => {
  it('with both sides willing: "extended master secret" over the session hash', async () => {
    const { outcome, trace } = await runEms(preset('both'), 1);
    expect(outcome.ok).toBe(true);
    expect(outcome.extendedMasterSecret).toBe(true);
    expect(outcome.label).toBe('extended master secret');
    expect(outcome.seed.map((s) => s.name)).toEqual(['session_hash']);
    expect(outcome.sidesAgree).toBe(true);
    // RFC 7627, Section 3: the hash of every handshake message up to and including
    // ClientKeyExchange, as sent (handshake headers included, record headers not).
    const upToCke = handshakeRecords(trace);
    const cke = upToCke.findIndex((m) => m.name === 'ClientKeyExchange');
    const sessionHash = createHash('sha256');
    for (const m of upToCke.slice(0, cke + 1)) sessionHash.update(m.bytes.subarray(5));
    expect(hex(outcome.seed[0]!.value)).toBe(sessionHash.digest('hex'));
  });

  it.each(['client-off', 'server-off'])(
    '%s: "master secret" over client_random ‖ server_random',
    async (id) => {
      const { outcome, trace } = await runEms(preset(id), 1);
      expect(outcome.ok).toBe(true);
      expect(outcome.extendedMasterSecret).toBe(false);
      expect(outcome.label).toBe('master secret');
      expect(outcome.sidesAgree).toBe(true);
      const random = (name: string): string => {
        const m = handshakeRecords(trace).find((e) => e.name === name)!;
        return hex((m.decoded as { body: { random: Uint8Array } }).body.random);
      };
      expect(outcome.seed.map((s) => [s.name, hex(s.value)])).toEqual([
        ['client_random', random('ClientHello')],
        ['server_random', random('ServerHello')],
      ]);
    },
  );

  it.each(['both', 'client-off', 'server-off'])(
    '%s: an independent PRF over the outcome’s label and seed gives the master secret',
    async (id) => {
      const { outcome, trace } = await runEms(preset(id), 1);
      const derivation = masterSecretDerivation(trace.events, 'Client')!;
      const seed = Buffer.concat(outcome.seed.map((s) => s.value));
      expect(
        hex(tlsPrf(derivation.prfHash, derivation.preMasterSecret, outcome.label, seed, 48)),
      ).toBe(hex(outcome.masterSecret));
    },
  );

  it('with the same seed, the same randoms and ECDHE result give a different master secret', async () => {
    const on = await runEms(preset('both'), 7);
    const off = await runEms(preset('client-off'), 7);
    const onDerivation = masterSecretDerivation(on.trace.events, 'Client')!;
    const offDerivation = masterSecretDerivation(off.trace.events, 'Client')!;
    const randoms = (trace: Trace): string[] =>
      ['ClientHello', 'ServerHello'].map((name) => {
        const m = handshakeRecords(trace).find((e) => e.name === name)!;
        return hex((m.decoded as { body: { random: Uint8Array } }).body.random);
      });
    expect(randoms(on.trace)).toEqual(randoms(off.trace));
    expect(randoms(off.trace)).toEqual(off.outcome.seed.map((s) => hex(s.value)));
    expect(hex(onDerivation.preMasterSecret)).toBe(hex(offDerivation.preMasterSecret));
    expect(hex(on.outcome.masterSecret)).not.toBe(hex(off.outcome.masterSecret));
  });
});

describe('the same settings against OpenSSL', () => {
  it.each(['both', 'client-off', 'server-off'])(
    '%s: OpenSSL derived the master secret our outcome describes',
    async (id) => {
      const settings = preset(id);
      const { outcome } = await runEms(settings, 1);
      const serverOptions = settings.serverSupports
        ? {}
        : { secureOptions: SSL_OP_NO_EXTENDED_MASTER_SECRET };
      await withNodeServer(serverOptions, async (node) => {
        const config = demoClientConfig('www.example.com');
        config.offerExtendedMasterSecret = settings.clientOffers;
        const { conn, trace } = await runOurClient(node.port, config);
        expect(conn.failure).toBeUndefined();
        expect(conn.negotiated.extendedMasterSecret).toBe(outcome.extendedMasterSecret);
        const ours = masterSecretDerivation(trace.events, 'Client')!;
        expect(ours.label).toBe(outcome.label);
        expect(ours.seed.map((s) => s.name)).toEqual(outcome.seed.map((s) => s.name));
        // OpenSSL's key log: CLIENT_RANDOM <client random> <master secret>.
        expect(node.keylog).toHaveLength(1);
        const [, clientRandom, masterSecret] = node.keylog[0]!.split(' ');
        expect(clientRandom).toBe(hex(conn.negotiated.clientRandom!));
        expect(masterSecret).toBe(hex(ours.masterSecret));
        const seed = Buffer.concat(ours.seed.map((s) => s.value));
        expect(hex(tlsPrf(ours.prfHash, ours.preMasterSecret, ours.label, seed, 48))).toBe(
          masterSecret,
        );
      });
    },
  );
});
