/**
 * The Trace of an in-memory run is what the UI draws, so it must tell the truth: every key-schedule
 * value appears as a `secret` event with the inputs that made it, and `state` events walk each
 * machine through its Expect* states in protocol order.
 *
 * "The truth" is checked independently of the engine: the ECDHE shared secret with node:crypto,
 * and the master secret, key block and both verify_data values with a TLS PRF written here on
 * node:crypto's HMAC (RFC 5246, Section 5), over handshake bytes taken from the trace's own
 * message events.
 */
import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runTlsExchange, type TlsRunResult } from '../../src/engine/scenarios/tls-run';
import {
  TraceRecorder,
  type MessageEvent,
  type SecretEvent,
  type StateEvent,
  type TraceEvent,
} from '../../src/engine/trace';
import { demoClientConfig, demoServerConfig } from '../../src/engine/scenarios/tls-demo-config';
import { DEMO_EPOCH_MS, VirtualClock } from '../../src/engine/sim/clock';
import { SeededRng } from '../../src/engine/sim/rng';

const SEED = 'trace';
const RECORD_HEADER = 5;

/** RFC 5246, Section 5: P_SHA256 and PRF(secret, label, seed), on node:crypto. */
function prf(secret: Uint8Array, label: string, seed: Uint8Array, length: number): Buffer {
  const labelAndSeed = Buffer.concat([Buffer.from(label, 'latin1'), seed]);
  const hmac = (data: Uint8Array): Buffer => createHmac('sha256', secret).update(data).digest();
  const out: Buffer[] = [];
  for (let a = hmac(labelAndSeed), got = 0; got < length; a = hmac(a)) {
    const block = hmac(Buffer.concat([a, labelAndSeed]));
    out.push(block);
    got += block.length;
  }
  return Buffer.concat(out).subarray(0, length);
}

const sha256 = (...parts: Uint8Array[]): Buffer =>
  createHash('sha256').update(Buffer.concat(parts)).digest();
const hex = (b: Uint8Array | string | undefined): string =>
  typeof b === 'string' || b === undefined ? String(b) : Buffer.from(b).toString('hex');

function secretsOf(run: TlsRunResult, lane: string): SecretEvent[] {
  return run.trace.events.filter((e): e is SecretEvent => e.kind === 'secret' && e.lane === lane);
}

function secret(run: TlsRunResult, lane: string, name: string): SecretEvent {
  const found = secretsOf(run, lane).filter((s) => s.name === name);
  expect(found, `${lane} ${name}`).toHaveLength(1);
  return found[0]!;
}

function input(event: SecretEvent, name: string): Uint8Array | string {
  const found = event.inputs.find((i) => i.name === name);
  if (!found)
    throw new Error(
      `${event.name} has no input ${name}: ${event.inputs.map((i) => i.name).join(', ')}`,
    );
  return found.value;
}

/** The handshake messages a side sent, in order, as the bytes the transcript hashes (RFC 5246, 7.4.9). */
function handshakeMessages(run: TlsRunResult): { from: string; name: string; bytes: Uint8Array }[] {
  return run.trace.events
    .filter((e): e is MessageEvent => e.kind === 'message' && e.bytes[0] === 22)
    .map((e) => ({
      from: e.from,
      name: e.name,
      bytes: e.decrypted ? e.decrypted.plaintext : e.bytes.subarray(RECORD_HEADER),
    }));
}

function stateWalk(events: TraceEvent[], lane: string): string[] {
  const states = events.filter((e): e is StateEvent => e.kind === 'state' && e.lane === lane);
  // Each move starts where the previous one ended.
  states.forEach((s, i) => expect(s.from).toBe(i === 0 ? 'Start' : states[i - 1]!.to));
  return ['Start', ...states.map((s) => s.to)];
}

describe('the trace of a full handshake', async () => {
  const run = await runTlsExchange({ seed: SEED });
  const messages = handshakeMessages(run);
  const body = (name: string): Uint8Array => messages.find((m) => m.name === name)!.bytes;
  const clientRandom = body('ClientHello').subarray(6, 38);
  const serverRandom = body('ServerHello').subarray(6, 38);

  it('completes', () => {
    expect(run.ok).toBe(true);
    expect(run.trace.lanes).toEqual(['Client', 'Server']);
    expect(messages.map((m) => `${m.from} ${m.name}`)).toEqual([
      'Client ClientHello',
      'Server ServerHello',
      'Server Certificate',
      'Server ServerKeyExchange',
      'Server ServerHelloDone',
      'Client ClientKeyExchange',
      'Client Finished',
      'Server NewSessionTicket',
      'Server Finished',
    ]);
  });

  it.each(['Client', 'Server'])(
    '%s: records every key-schedule value, each with non-empty inputs',
    (lane) => {
      expect(secretsOf(run, lane).map((s) => s.name)).toEqual([
        'pre_master_secret',
        'master_secret',
        'key_block',
        'client_write_key',
        'server_write_key',
        'client_write_IV',
        'server_write_IV',
        // The client sends its Finished first and checks the server's; the server checks, then sends.
        'client_verify_data',
        'server_verify_data',
      ]);
      for (const s of secretsOf(run, lane)) {
        expect(s.value.length, s.name).toBeGreaterThan(0);
        expect(s.inputs.length, s.name).toBeGreaterThan(0);
        for (const i of s.inputs)
          expect(i.value.length, `${s.name} ← ${i.name}`).toBeGreaterThan(0);
        expect(s.explain).toMatch(/^secret\./);
      }
    },
  );

  it('both sides derive the same values', () => {
    for (const name of [
      'pre_master_secret',
      'master_secret',
      'key_block',
      'client_verify_data',
      'server_verify_data',
    ]) {
      expect(hex(secret(run, 'Server', name).value), name).toBe(
        hex(secret(run, 'Client', name).value),
      );
    }
  });

  it('pre_master_secret is the X25519 shared secret node:crypto computes from its inputs', () => {
    const pms = secret(run, 'Client', 'pre_master_secret');
    expect(input(pms, 'group')).toBe('x25519');
    const b64 = (b: Uint8Array | string): string =>
      Buffer.from(b as Uint8Array).toString('base64url');
    // The client's public key is the ClientKeyExchange's point (after its 1-byte length).
    const clientPublic = body('ClientKeyExchange').subarray(5);
    const shared = diffieHellman({
      privateKey: createPrivateKey({
        key: {
          kty: 'OKP',
          crv: 'X25519',
          d: b64(input(pms, 'client ECDHE private key')),
          x: b64(clientPublic),
        },
        format: 'jwk',
      }),
      publicKey: createPublicKey({
        key: { kty: 'OKP', crv: 'X25519', x: b64(input(pms, 'server ECDHE public key')) },
        format: 'jwk',
      }),
    });
    expect(hex(pms.value)).toBe(hex(shared));
  });

  it('master_secret uses the EMS label and the session hash through ClientKeyExchange (RFC 7627)', () => {
    expect(run.client.negotiated.extendedMasterSecret).toBe(true);
    const ms = secret(run, 'Client', 'master_secret');
    expect(input(ms, 'label')).toBe('extended master secret');
    expect(ms.explain).toBe('secret.master.ems');
    const sessionHash = sha256(
      ...messages
        .slice(0, messages.findIndex((m) => m.name === 'ClientKeyExchange') + 1)
        .map((m) => m.bytes),
    );
    expect(hex(input(ms, 'session_hash'))).toBe(hex(sessionHash));
    expect(hex(input(ms, 'pre_master_secret'))).toBe(
      hex(secret(run, 'Client', 'pre_master_secret').value),
    );
    expect(hex(ms.value)).toBe(
      hex(
        prf(
          secret(run, 'Client', 'pre_master_secret').value,
          'extended master secret',
          sessionHash,
          48,
        ),
      ),
    );
  });

  it('the key block is PRF(master_secret, "key expansion", server_random ‖ client_random), cut into keys and IVs', () => {
    const kb = secret(run, 'Client', 'key_block');
    const master = secret(run, 'Client', 'master_secret').value;
    expect(hex(input(kb, 'server_random'))).toBe(hex(serverRandom));
    expect(hex(input(kb, 'client_random'))).toBe(hex(clientRandom));
    // AES-128-GCM: two 16-byte keys, then two 4-byte salts (RFC 5288, Section 3).
    const expected = prf(master, 'key expansion', Buffer.concat([serverRandom, clientRandom]), 40);
    expect(hex(kb.value)).toBe(hex(expected));
    expect(hex(secret(run, 'Client', 'client_write_key').value)).toBe(
      hex(expected.subarray(0, 16)),
    );
    expect(hex(secret(run, 'Client', 'server_write_key').value)).toBe(
      hex(expected.subarray(16, 32)),
    );
    expect(hex(secret(run, 'Client', 'client_write_IV').value)).toBe(
      hex(expected.subarray(32, 36)),
    );
    expect(hex(secret(run, 'Client', 'server_write_IV').value)).toBe(
      hex(expected.subarray(36, 40)),
    );
  });

  it('both verify_data values are PRF(master_secret, label, hash of the handshake so far)', () => {
    const master = secret(run, 'Client', 'master_secret').value;
    const upTo = (name: string, from: string): Uint8Array[] =>
      messages
        .slice(
          0,
          messages.findIndex((m) => m.name === name && m.from === from),
        )
        .map((m) => m.bytes);
    const client = secret(run, 'Client', 'client_verify_data');
    expect(input(client, 'label')).toBe('client finished');
    expect(hex(client.value)).toBe(
      hex(prf(master, 'client finished', sha256(...upTo('Finished', 'Client')), 12)),
    );
    const server = secret(run, 'Client', 'server_verify_data');
    expect(input(server, 'label')).toBe('server finished');
    expect(hex(server.value)).toBe(
      hex(prf(master, 'server finished', sha256(...upTo('Finished', 'Server')), 12)),
    );
    // The Finished messages carry exactly these values (after their 4-byte header).
    expect(
      hex(messages.find((m) => m.name === 'Finished' && m.from === 'Client')!.bytes.subarray(4)),
    ).toBe(hex(client.value));
    expect(
      hex(messages.find((m) => m.name === 'Finished' && m.from === 'Server')!.bytes.subarray(4)),
    ).toBe(hex(server.value));
  });

  it('walks the Expect* states in protocol order on both sides', () => {
    expect(stateWalk(run.trace.events, 'Client')).toEqual([
      'Start',
      'ExpectServerHello',
      'ExpectCertificate',
      'ExpectServerKeyExchange',
      'ExpectServerHelloDone',
      'ExpectNewSessionTicket',
      'ExpectChangeCipherSpec',
      'ExpectFinished',
      'Traffic',
      'Closed',
    ]);
    expect(stateWalk(run.trace.events, 'Server')).toEqual([
      'Start',
      'ExpectClientHello',
      'ExpectClientKeyExchange',
      'ExpectChangeCipherSpec',
      'ExpectFinished',
      'Traffic',
      'Closed',
    ]);
    const machines = new Set(
      run.trace.events
        .filter((e): e is StateEvent => e.kind === 'state')
        .map((e) => `${e.lane}:${e.machine}`),
    );
    expect(machines).toEqual(new Set(['Client:client', 'Server:server']));
  });

  it('has timestamps that never go backwards', () => {
    const times = run.trace.events.map((e) => e.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('the trace without the extended master secret', async () => {
  const run = await runTlsExchange({
    seed: SEED,
    client: (c) => void (c.offerExtendedMasterSecret = false),
  });

  it('derives the master secret from the two randoms with the RFC 5246 label', () => {
    expect(run.ok).toBe(true);
    const ms = secret(run, 'Client', 'master_secret');
    expect(ms.inputs.map((i) => i.name)).toEqual([
      'pre_master_secret',
      'label',
      'client_random',
      'server_random',
      'prf_hash',
    ]);
    expect(input(ms, 'label')).toBe('master secret');
    const seed = Buffer.concat([
      input(ms, 'client_random') as Uint8Array,
      input(ms, 'server_random') as Uint8Array,
    ]);
    expect(hex(ms.value)).toBe(
      hex(prf(secret(run, 'Client', 'pre_master_secret').value, 'master secret', seed, 48)),
    );
    expect(hex(secret(run, 'Server', 'master_secret').value)).toBe(hex(ms.value));
  });
});

describe('the trace of a resumed handshake', async () => {
  const first = await runTlsExchange({ seed: SEED });
  const run = await runTlsExchange({
    seed: SEED,
    reuse: {
      client: first.clientConfig,
      server: first.serverConfig,
      clock: first.clock,
      rng: first.rng,
    },
  });

  it('derives only new traffic keys and Finished values from the resumed master secret', () => {
    expect(run.ok).toBe(true);
    expect(run.client.negotiated.resumed).toBe('session_ticket');
    for (const lane of ['Client', 'Server']) {
      expect(secretsOf(run, lane).map((s) => s.name)).toEqual([
        'key_block',
        'client_write_key',
        'server_write_key',
        'client_write_IV',
        'server_write_IV',
        // Abbreviated handshake: the server's Finished comes first.
        'server_verify_data',
        'client_verify_data',
      ]);
      expect(hex(input(secret(run, lane, 'key_block'), 'master_secret'))).toBe(
        hex(secret(first, 'Client', 'master_secret').value),
      );
    }
  });

  it('walks the abbreviated handshake: the server finishes first', () => {
    expect(stateWalk(run.trace.events, 'Client')).toEqual([
      'Start',
      'ExpectServerHello',
      'ExpectChangeCipherSpec',
      'ExpectFinished',
      'Traffic',
      'Closed',
    ]);
    expect(stateWalk(run.trace.events, 'Server')).toEqual([
      'Start',
      'ExpectClientHello',
      'ExpectChangeCipherSpec',
      'ExpectFinished',
      'Traffic',
      'Closed',
    ]);
  });
});

describe('a recorder that keeps nothing (a CLI server’s connections)', () => {
  it('leaves the bytes on the wire exactly as a full Trace does, and records no event', async () => {
    const run = async (trace: TraceRecorder): Promise<TlsRunResult> => {
      const rng = new SeededRng('discarding');
      return runTlsExchange({
        seed: 'unused',
        reuse: {
          client: demoClientConfig('www.example.com'),
          server: demoServerConfig(rng),
          clock: new VirtualClock(DEMO_EPOCH_MS),
          rng,
          trace,
        },
      });
    };
    const full = await run(new TraceRecorder());
    const discarding = TraceRecorder.discarding();
    const bare = await run(discarding);
    expect(full.ok && bare.ok).toBe(true);
    expect(bare.flows.map((f) => hex(f.bytes))).toEqual(full.flows.map((f) => hex(f.bytes)));
    expect(full.trace.events.length).toBeGreaterThan(20);
    expect(discarding.events).toEqual([]);
  });
});
