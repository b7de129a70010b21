/**
 * The Keys tab's TLS 1.3 commands, run with the real openssl on the key schedule of RFC 8448,
 * Section 3 (Simple 1-RTT Handshake, TLS_AES_128_GCM_SHA256): each command must print the value
 * the schedule computed, and that value must be the one RFC 8448 publishes. The secrets carry the
 * inputs the engine's key schedule reports (the step, the hash, then salt and IKM for
 * HKDF-Extract; secret, label, context and length for HKDF-Expand-Label; key and transcript hash
 * for Finished's HMAC).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../engine/bytes/hex';
import { hash, hmac } from '../../engine/crypto/hash';
import type { SecretRecord } from '../../engine/tls/key-schedule';
import { hkdfExpandLabel, hkdfExtract, tls13Suite } from '../../engine/tls/tls13/key-schedule';
import { Tls13KeySchedule } from '../../engine/tls/tls13/schedule';
import type { KnownSecret } from './keys';
import { hkdfLabel, opensslCommand } from './openssl-commands';

const dir = mkdtempSync(join(tmpdir(), 'wirestep-openssl13-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(command: string): string {
  const out = execFileSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8' });
  return out.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
}

const known = (
  name: string,
  explain: string,
  value: Uint8Array,
  inputs: KnownSecret['inputs'],
): KnownSecret => ({ name, explain, value, inputs, lanes: ['Client'] });

const extract = (name: string, salt: Uint8Array, ikm: Uint8Array) =>
  known(name, `secret.tls13.${name}`, hkdfExtract('sha256', salt, ikm), [
    { name: 'step', value: 'HKDF-Extract' },
    { name: 'hash', value: 'sha256' },
    { name: 'salt (0)', value: salt },
    { name: 'IKM (0)', value: ikm },
  ]);

const expandLabel = (
  name: string,
  secret: Uint8Array,
  label: string,
  context: Uint8Array,
  length = 32,
) =>
  known(name, `secret.tls13.${name}`, hkdfExpandLabel('sha256', secret, label, context, length), [
    { name: 'step', value: 'HKDF-Expand-Label' },
    { name: 'hash', value: 'sha256' },
    { name: 'secret (base)', value: secret },
    { name: 'label', value: `tls13 ${label}` },
    { name: 'transcript hash', value: context },
    { name: 'length', value: String(length) },
  ]);

const finished = (name: string, key: Uint8Array, transcriptHash: Uint8Array) =>
  known(name, 'secret.tls13.verify_data', hmac('sha256', key, transcriptHash), [
    { name: 'step', value: 'HMAC' },
    { name: 'hash', value: 'sha256' },
    { name: 'key (finished_key)', value: key },
    { name: 'transcript hash', value: transcriptHash },
  ]);

// RFC 8448, Section 3: the (EC)DHE shared secret and the transcript hashes the trace prints.
const SHARED = fromHex('8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d');
const HELLO_HASH = fromHex('860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8');
const TO_CERTIFICATE_VERIFY = fromHex(
  'edb7725fa7a3473b031ec8ef65a2485493900138a2b91291407d7951a06110ed',
);
const TO_SERVER_FINISHED = fromHex(
  '9608102a0f1ccc6db6250b7b7e417b1a000eaada3daae4777a7686c9ff83df13',
);
const TO_CLIENT_FINISHED = fromHex(
  '209145a96ee8e2a122ff810047cc952684658d6049e86429426db87c54ad143d',
);
const EMPTY_HASH = hash('sha256', new Uint8Array(0));
const ZEROS = new Uint8Array(32);
const NONE = new Uint8Array(0);

/** The schedule of RFC 8448, Section 3, in order, with the value the RFC prints for each. */
function rfc8448Schedule(): [KnownSecret, string][] {
  const early = extract('early_secret', ZEROS, ZEROS);
  const derivedEarly = expandLabel('derived_early', early.value, 'derived', EMPTY_HASH);
  const handshake = extract('handshake_secret', derivedEarly.value, SHARED);
  const cHs = expandLabel(
    'client_handshake_traffic_secret',
    handshake.value,
    'c hs traffic',
    HELLO_HASH,
  );
  const sHs = expandLabel(
    'server_handshake_traffic_secret',
    handshake.value,
    's hs traffic',
    HELLO_HASH,
  );
  const derivedHs = expandLabel('derived_handshake', handshake.value, 'derived', EMPTY_HASH);
  const master = extract('master_secret', derivedHs.value, ZEROS);
  const sFinishedKey = expandLabel('server_finished_key', sHs.value, 'finished', NONE);
  const cFinishedKey = expandLabel('client_finished_key', cHs.value, 'finished', NONE);
  const res = expandLabel(
    'resumption_master_secret',
    master.value,
    'res master',
    TO_CLIENT_FINISHED,
  );
  return [
    [early, '33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a'],
    [derivedEarly, '6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba'],
    [handshake, '1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac'],
    [cHs, 'b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21'],
    [sHs, 'b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38'],
    [
      expandLabel('server_handshake_key', sHs.value, 'key', NONE, 16),
      '3fce516009c21727d0f2e4e86ee403bc',
    ],
    [expandLabel('server_handshake_iv', sHs.value, 'iv', NONE, 12), '5d313eb2671276ee13000b30'],
    [derivedHs, '43de77e0c77713859a944db9db2590b53190a65b3ee2e4f12dd7a0bb7ce254b4'],
    [master, '18df06843d13a08bf2a449844c5f8a478001bc4d4c627984d5a41da8d0402919'],
    [cFinishedKey, 'b80ad01015fb2f0bd65ff7d4da5d6bf83f84821d1f87fdc7d3c75b5a7b42d9c4'],
    [
      finished('server_verify_data', sFinishedKey.value, TO_CERTIFICATE_VERIFY),
      '9b9b141d906337fbd2cbdce71df4deda4ab42c309572cb7fffee5454b78f0718',
    ],
    [
      finished('client_verify_data', cFinishedKey.value, TO_SERVER_FINISHED),
      'a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61',
    ],
    [
      expandLabel(
        'client_application_traffic_secret_0',
        master.value,
        'c ap traffic',
        TO_SERVER_FINISHED,
      ),
      '9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5',
    ],
    [
      expandLabel(
        'server_application_traffic_secret_0',
        master.value,
        's ap traffic',
        TO_SERVER_FINISHED,
      ),
      'a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643',
    ],
    [
      expandLabel('exporter_master_secret', master.value, 'exp master', TO_SERVER_FINISHED),
      'fe22f881176eda18eb8f44529e6792c50c9a3f89452f68d8ae311b4309d3cf50',
    ],
    [res, '7df235f2031d2a051287d02b0241b0bfdaf86cc856231f2d5aba46c434ec196c'],
    [
      expandLabel('ticket_psk', res.value, 'resumption', Uint8Array.of(0, 0)),
      '4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3',
    ],
  ];
}

describe('the Keys tab’s TLS 1.3 commands (RFC 8448, Section 3)', () => {
  it('builds HkdfLabel as RFC 8446, Section 7.1 lays it out', () => {
    // length 32, "tls13 c hs traffic" (18 bytes), then the 32-byte transcript hash.
    expect(toHex(hkdfLabel(32, 'tls13 c hs traffic', HELLO_HASH))).toBe(
      '002012746c7331332063206873207472616666696320' + toHex(HELLO_HASH),
    );
  });

  it('every step’s command prints the RFC’s value', () => {
    const schedule = rfc8448Schedule();
    expect(schedule).toHaveLength(17);
    for (const [secret, rfc] of schedule) {
      expect(toHex(secret.value), `${secret.name} against RFC 8448`).toBe(rfc);
      const cmd = opensslCommand(secret);
      expect(cmd, secret.name).toBeDefined();
      expect(run(cmd!.command), `${secret.name}: ${cmd!.command}`).toBe(rfc);
    }
  }, 30_000);

  it('every value the engine’s key schedule reports gets a command that prints it', () => {
    const reported: SecretRecord[] = [];
    const ks = new Tls13KeySchedule(tls13Suite(0x1301)!, (r) => reported.push(...r));
    ks.earlySecret();
    ks.handshakeSecret(SHARED);
    const hs = ks.handshakeTrafficSecrets(HELLO_HASH);
    ks.verifyData('server', hs.server, 'server_handshake_traffic_secret', TO_CERTIFICATE_VERIFY);
    ks.masterSecret();
    ks.applicationTrafficSecrets(TO_SERVER_FINISHED);
    ks.verifyData('client', hs.client, 'client_handshake_traffic_secret', TO_SERVER_FINISHED);
    const res = ks.resumptionMasterSecret(TO_CLIENT_FINISHED);
    const psk = ks.ticketPsk(res, Uint8Array.of(0, 0));
    // A resumption's early stage: the PSK goes in, and the binder comes out of it.
    const resumed = new Tls13KeySchedule(tls13Suite(0x1301)!, (r) => reported.push(...r));
    resumed.earlySecret(psk);
    resumed.binder('res', HELLO_HASH);
    const values = new Map(reported.map((r) => [r.name, toHex(r.value)]));
    // RFC 8448, Sections 3 and 4: what the engine reported is what the RFC prints.
    expect(values.get('client_verify_data')).toBe(
      'a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61',
    );
    expect(values.get('ticket_psk')).toBe(
      '4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3',
    );
    expect(values.get('binder_key')).toBe(
      '69fe131a3bbad5d63c64eebcc30e395b9d8107726a13d074e389dbc8a4e47256',
    );
    expect(reported.length).toBeGreaterThanOrEqual(20);
    for (const r of reported) {
      const cmd = opensslCommand(known(r.name, r.explain, r.value, r.inputs));
      expect(cmd, `${r.name} has a command`).toBeDefined();
      expect(run(cmd!.command), `${r.name}: ${cmd!.command}`).toBe(toHex(r.value));
    }
  }, 60_000);

  it('a traffic key read from a key log gets its Expand-Label command too', () => {
    const sHs = fromHex('b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38');
    const key = known(
      'server_handshake_traffic_secret.key',
      'secret.tls13.key',
      fromHex('3fce516009c21727d0f2e4e86ee403bc'),
      [{ name: 'server_handshake_traffic_secret', value: sHs }],
    );
    const iv = known(
      'server_handshake_traffic_secret.iv',
      'secret.tls13.iv',
      fromHex('5d313eb2671276ee13000b30'),
      [{ name: 'server_handshake_traffic_secret', value: sHs }],
    );
    expect(run(opensslCommand(key)!.command)).toBe('3fce516009c21727d0f2e4e86ee403bc');
    expect(run(opensslCommand(iv)!.command)).toBe('5d313eb2671276ee13000b30');
  });
});
