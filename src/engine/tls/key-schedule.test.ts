import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from '../bytes/hex';
import { CryptoArgumentError } from '../crypto/errors';
import { computeSharedSecret } from '../crypto/ecdhe';
import type { HashName } from '../crypto/hash';
import { SeededRng } from '../sim/rng';
import {
  computeVerifyData,
  deriveKeys,
  deriveMasterSecret,
  type FinishedLabel,
} from './key-schedule';
import { SUITES, suiteParams, type SuiteParams } from './suites';

const suite = (id: number): SuiteParams => suiteParams(id)!;

/** RFC 5246, Section 5 again, over node's HMAC: an independent reference for the steps below. */
function nodePrf(
  hash: HashName,
  secret: Uint8Array,
  label: string,
  seed: Uint8Array,
  length: number,
): string {
  const fullSeed = Buffer.concat([Buffer.from(label, 'ascii'), seed]);
  const mac = (data: Buffer) => createHmac(hash, secret).update(data).digest();
  let out = Buffer.alloc(0);
  for (let a = mac(fullSeed); out.length < length; a = mac(a))
    out = Buffer.concat([out, mac(Buffer.concat([a, fullSeed]))]);
  return out.subarray(0, length).toString('hex');
}

describe('The Illustrated TLS 1.2 Connection (tls12.xargs.org), end to end', () => {
  // Its suite is ECDHE-RSA-AES128-CBC-SHA, whose PRF is SHA-256 like 0xc02f's. Its key block starts
  // with two 20-byte MAC keys, and a PRF output's first bytes do not depend on the length asked
  // for, so our 40-byte AES-GCM key block must equal those two MAC keys.
  const clientRandom = fromHex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
  const serverRandom = fromHex('707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f');
  const clientPrivate = fromHex('202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f');
  const serverPublic = fromHex('9fd7ad6dcff4298dd3f96d5b1b2af910a0535b1488d7f8fabb349a982880b615');
  const masterSecret =
    '916abf9da55973e13614ae0a3f5d3f37b023ba129aee02cc9134338127cd7049781c8e19fc1eb2a7387ac06ae237344c';

  it('premaster → master secret', async () => {
    const preMaster = await computeSharedSecret('x25519', clientPrivate, serverPublic);
    const master = deriveMasterSecret(suite(0xc02f), preMaster, { clientRandom, serverRandom });
    expect(toHex(master.value)).toBe(masterSecret);
  });

  it('master secret → key block (its first 40 bytes)', () => {
    const keys = deriveKeys(suite(0xc02f), fromHex(masterSecret), clientRandom, serverRandom);
    const keyBlock = keys.secrets.find((s) => s.name === 'key_block')!.value;
    expect(toHex(keyBlock)).toBe(
      '1b7d117c7d5f690bc263cae8ef60af0f1878acc2' + '2ad8bdd8c601a617126f63540eb20906f781fad2',
    );
    expect(toHex(keys.value.clientWriteKey)).toBe('1b7d117c7d5f690bc263cae8ef60af0f');
    expect(toHex(keys.value.serverWriteKey)).toBe('1878acc22ad8bdd8c601a617126f6354');
    expect(toHex(keys.value.clientWriteIv)).toBe('0eb20906');
    expect(toHex(keys.value.serverWriteIv)).toBe('f781fad2');
  });

  it('client Finished verify_data from the transcript hash', () => {
    // SHA-256 of ClientHello … ClientKeyExchange from the same page.
    const handshakeHash = fromHex(
      '061dda04b3c2217ff73bd79b9cf88a2bb6ec505404aac8722db03ef417b54cb4',
    );
    const verify = computeVerifyData(
      suite(0xc02f),
      fromHex(masterSecret),
      'client finished',
      handshakeHash,
    );
    expect(toHex(verify.value)).toBe('cf919626f1360c536aaad73a');
  });
});

describe('deriveMasterSecret', () => {
  const rng = new SeededRng('key schedule');
  const preMaster = rng.bytes(32);
  const clientRandom = rng.bytes(32);
  const serverRandom = rng.bytes(32);
  const sessionHash = rng.bytes(48);

  for (const s of SUITES) {
    it(`${s.name}: without EMS uses "master secret" and client_random ‖ server_random`, () => {
      const { value, secrets } = deriveMasterSecret(s, preMaster, { clientRandom, serverRandom });
      expect(value.length).toBe(48);
      expect(toHex(value)).toBe(
        nodePrf(s.hash, preMaster, 'master secret', concatBytes(clientRandom, serverRandom), 48),
      );
      expect(secrets).toEqual([
        {
          name: 'master_secret',
          value,
          inputs: [
            { name: 'pre_master_secret', value: preMaster },
            { name: 'label', value: 'master secret' },
            { name: 'client_random', value: clientRandom },
            { name: 'server_random', value: serverRandom },
            { name: 'prf_hash', value: s.hash },
          ],
          explain: 'secret.master',
        },
      ]);
    });

    it(`${s.name}: with EMS uses "extended master secret" and the session hash (RFC 7627)`, () => {
      const { value, secrets } = deriveMasterSecret(s, preMaster, { sessionHash });
      expect(toHex(value)).toBe(
        nodePrf(s.hash, preMaster, 'extended master secret', sessionHash, 48),
      );
      expect(toHex(value)).not.toBe(
        toHex(deriveMasterSecret(s, preMaster, { clientRandom, serverRandom }).value),
      );
      expect(secrets[0]!.explain).toBe('secret.master.ems');
      expect(secrets[0]!.inputs.map((i) => i.name)).toEqual([
        'pre_master_secret',
        'label',
        'session_hash',
        'prf_hash',
      ]);
    });
  }

  it('rejects randoms that are not 32 bytes and an empty premaster, naming the parameter', () => {
    const s = suite(0xc02f);
    expect(() =>
      deriveMasterSecret(s, preMaster, { clientRandom: clientRandom.subarray(1), serverRandom }),
    ).toThrow(/^clientRandom: must be 32 bytes, got 31$/);
    expect(() => deriveMasterSecret(s, new Uint8Array(0), { sessionHash })).toThrow(
      CryptoArgumentError,
    );
  });
});

describe('deriveKeys', () => {
  const rng = new SeededRng('key block');
  const master = rng.bytes(48);
  const clientRandom = rng.bytes(32);
  const serverRandom = rng.bytes(32);

  const EXPECTED = [
    // id, key, fixed IV, key block length
    [0xc02f, 16, 4, 40],
    [0xc030, 32, 4, 72],
    [0xcca8, 32, 12, 88],
    [0xc02b, 16, 4, 40],
  ] as const;

  for (const [id, keyLength, ivLength, blockLength] of EXPECTED) {
    const s = suite(id);
    it(`${s.name}: a ${blockLength}-byte key block cut ${keyLength}/${keyLength}/${ivLength}/${ivLength}, seeded server_random ‖ client_random`, () => {
      const { value, secrets } = deriveKeys(s, master, clientRandom, serverRandom);
      const block = nodePrf(
        s.hash,
        master,
        'key expansion',
        concatBytes(serverRandom, clientRandom),
        blockLength,
      );
      expect(toHex(secrets[0]!.value)).toBe(block);
      expect(
        toHex(
          concatBytes(
            value.clientWriteKey,
            value.serverWriteKey,
            value.clientWriteIv,
            value.serverWriteIv,
          ),
        ),
      ).toBe(block);
      expect([
        value.clientWriteKey.length,
        value.serverWriteKey.length,
        value.clientWriteIv.length,
        value.serverWriteIv.length,
      ]).toEqual([keyLength, keyLength, ivLength, ivLength]);
      expect(secrets.map((x) => [x.name, x.explain])).toEqual([
        ['key_block', 'secret.key_block'],
        ['client_write_key', 'secret.client_write_key'],
        ['server_write_key', 'secret.server_write_key'],
        ['client_write_IV', 'secret.client_write_iv'],
        ['server_write_IV', 'secret.server_write_iv'],
      ]);
      expect(secrets[0]!.inputs.map((i) => i.name)).toEqual([
        'master_secret',
        'label',
        'server_random',
        'client_random',
        'prf_hash',
      ]);
      expect(secrets[1]!.inputs).toEqual([{ name: 'key_block', value: secrets[0]!.value }]);
    });
  }

  it('depends on the order of the randoms', () => {
    const s = suite(0xc02f);
    const a = deriveKeys(s, master, clientRandom, serverRandom).value.clientWriteKey;
    const b = deriveKeys(s, master, serverRandom, clientRandom).value.clientWriteKey;
    expect(toHex(a)).not.toBe(toHex(b));
  });

  it('rejects a master secret that is not 48 bytes', () => {
    expect(() =>
      deriveKeys(suite(0xc02f), master.subarray(0, 32), clientRandom, serverRandom),
    ).toThrow(/^masterSecret: must be 48 bytes/);
  });
});

describe('computeVerifyData', () => {
  const master = new SeededRng('finished').bytes(48);

  for (const s of SUITES) {
    for (const label of ['client finished', 'server finished'] as const) {
      it(`${s.name}: ${label} gives 12 bytes of PRF(master_secret, label, handshake hash)`, () => {
        const handshakeHash = new SeededRng(label).bytes(s.hash === 'sha256' ? 32 : 48);
        const { value, secrets } = computeVerifyData(s, master, label, handshakeHash);
        expect(value.length).toBe(12);
        expect(toHex(value)).toBe(nodePrf(s.hash, master, label, handshakeHash, 12));
        const side = label.split(' ')[0];
        expect(secrets[0]!.name).toBe(`${side}_verify_data`);
        expect(secrets[0]!.explain).toBe(`secret.verify_data.${side}`);
      });
    }
  }

  it('rejects any other label', () => {
    expect(() =>
      computeVerifyData(
        suite(0xc02f),
        master,
        'client finishd' as FinishedLabel,
        new Uint8Array(32),
      ),
    ).toThrow(/^label: must be 'client finished' or 'server finished'/);
  });
});
