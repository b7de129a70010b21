/**
 * Each command the Keys tab offers, run with the real openssl: it must print the very bytes the tab
 * shows. The runs cover both PRF hashes (SHA-256, and SHA-384 with AES-256-GCM), the master secret
 * with and without EMS, and every key exchange group (X25519, P-256, P-384, P-521), on both sides.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTlsExchange } from '../../engine/scenarios/tls-run';
import { cipherSuite, NamedGroup } from '../../engine/tls/enums';
import type { ClientConfig } from '../../engine/tls/config';
import { indexTrace } from '../../store/trace-view';
import { toHex } from '../inspector/hex';
import { opensslCommand } from './openssl-commands';
import type { KnownSecret } from './keys';

const dir = mkdtempSync(join(tmpdir(), 'wirestep-openssl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the command prints, as lowercase hex without separators. */
function run(command: string): string {
  const out = execFileSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8' });
  return out.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
}

/** Every secret event of a run, both lanes: what the Keys tab lists, lane by lane. */
async function secrets(client: (c: ClientConfig) => void): Promise<KnownSecret[]> {
  const { trace, ok } = await runTlsExchange({ seed: 'openssl', client });
  expect(ok).toBe(true);
  const view = indexTrace(trace);
  return view.trace.events.flatMap((e) =>
    e.kind === 'secret'
      ? [{ name: e.name, explain: e.explain, value: e.value, inputs: e.inputs, lanes: [e.lane] }]
      : [],
  );
}

const RUNS: [string, (c: ClientConfig) => void][] = [
  ['X25519, SHA-256, EMS', () => {}],
  [
    'P-256, SHA-384 (AES-256-GCM), no EMS',
    (c) => {
      c.groups = [NamedGroup.secp256r1];
      c.cipherSuites = [cipherSuite(0xc030)];
      c.offerExtendedMasterSecret = false;
    },
  ],
  ['P-384', (c) => void (c.groups = [NamedGroup.secp384r1])],
  ['P-521', (c) => void (c.groups = [NamedGroup.secp521r1])],
];

describe('the Keys tab’s openssl commands print the values it shows', () => {
  for (const [name, client] of RUNS) {
    it(
      name,
      async () => {
        const all = await secrets(client);
        const checked: string[] = [];
        for (const secret of all) {
          const cmd = opensslCommand(secret);
          if (!cmd) continue;
          expect(run(cmd.command), `${secret.lanes[0]} ${secret.name}: ${cmd.command}`).toBe(
            toHex(secret.value).replace(/\s/g, '').toLowerCase(),
          );
          checked.push(`${secret.lanes[0]} ${secret.name}`);
        }
        // Every PRF output and the pre-master secret, on each side; the key block's parts have none.
        for (const lane of ['Client', 'Server'])
          for (const s of [
            'pre_master_secret',
            'master_secret',
            'key_block',
            'client_verify_data',
            'server_verify_data',
          ])
            expect(checked).toContain(`${lane} ${s}`);
      },
      30_000,
    );
  }
});
