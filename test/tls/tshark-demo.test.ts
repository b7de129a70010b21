/**
 * `tls demo --pcap F --keylog K` writes a capture and an NSS key log; Wireshark's own TLS
 * implementation (tshark), given only those two files, must decrypt the session, find the GET and
 * the 200 inside, and flag nothing as malformed, for the default run and for every suite.
 * The demo capture uses TCP port 443, which tshark dissects as TLS without being told.
 *
 * The default run goes through the CLI as users start it (`npm run --silent cli -- tls demo …`);
 * the per-suite runs call the same command's run function in-process, which saves a process
 * start (seconds on a loaded machine) per suite.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { demoCommand } from '../../src/cli/tls/demo';
import { CipherSuite } from '../../src/engine/tls/enums';
import { CHECKSUM_ARGS, tsharkCount, tsharkFields, tsharkMalformedCount } from '../helpers/tshark';
import { runCli } from './support/peers';

interface DemoFiles {
  pcap: string;
  keylog: string;
}

function demoFiles(): DemoFiles {
  const dir = mkdtempSync(join(tmpdir(), 'wirestep-demo-'));
  return { pcap: join(dir, 'demo.pcap'), keylog: join(dir, 'demo.keylog') };
}

/** `tls demo` in this process, with its stdout captured. */
async function runDemoInProcess(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    const code = await demoCommand.run(parseArgs(args, demoCommand.spec));
    return { code, stdout };
  } finally {
    spy.mockRestore();
  }
}

/** `tls demo --pcap F --keylog K --seed 1 EXTRA…` in this process, writing fresh files. */
async function demoWith(...extra: string[]): Promise<DemoFiles & { code: number; stdout: string }> {
  const files = demoFiles();
  const args = ['--pcap', files.pcap, '--keylog', files.keylog, '--seed', '1', ...extra];
  return { ...files, ...(await runDemoInProcess(args)) };
}

/** The key log of a TLS 1.2 run: one CLIENT_RANDOM line with the 48-byte master secret. */
const TLS12_KEYLOG = /^CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}\n$/;

/**
 * The key log of a TLS 1.3 run: the four traffic secrets and the exporter secret, each as long as
 * the suite's hash (RFC 8446, Section 7.1), all for the same client_random.
 */
function tls13KeyLog(hashBytes: number): RegExp {
  const line = (label: string) => `${label} ([0-9a-f]{64}) [0-9a-f]{${hashBytes * 2}}\\n`;
  const same = (label: string) => `${label} \\1 [0-9a-f]{${hashBytes * 2}}\\n`;
  return new RegExp(
    `^${line('CLIENT_HANDSHAKE_TRAFFIC_SECRET')}${same('SERVER_HANDSHAKE_TRAFFIC_SECRET')}` +
      `${same('CLIENT_TRAFFIC_SECRET_0')}${same('SERVER_TRAFFIC_SECRET_0')}${same('EXPORTER_SECRET')}$`,
  );
}

/** What tshark must find in a demo capture decrypted with its key log. */
async function expectDecryptedExchange(
  { pcap, keylog }: DemoFiles,
  suite: number,
  keyLogShape = TLS12_KEYLOG,
): Promise<string[]> {
  expect(readFileSync(keylog, 'utf8')).toMatch(keyLogShape);
  expect(await tsharkMalformedCount(pcap, CHECKSUM_ARGS, { keylog })).toBe(0);
  // One pass for the rest, a row per packet: handshake types, suites, HTTP method, HTTP status.
  const rows = await tsharkFields(
    pcap,
    [
      'tls.handshake.type',
      'tls.handshake.ciphersuite',
      'http.request.method',
      'http.response.code',
    ],
    { keylog },
  );
  const handshakeTypes = (row: string[]): string[] => (row[0] ? row[0].split(',') : []);
  // The ServerHello's (type 2) suite, as Wireshark reads it.
  expect(rows.filter((r) => handshakeTypes(r).includes('2')).map((r) => r[1])).toEqual([
    `0x${suite.toString(16).padStart(4, '0')}`,
  ]);
  // Both Finished messages (type 20) decrypt only if Wireshark derived the same keys from the key log.
  expect(rows.flatMap(handshakeTypes).filter((t) => t === '20')).toHaveLength(2);
  expect(rows.map((r) => r[2]).filter(Boolean)).toEqual(['GET']);
  expect(rows.map((r) => r[3]).filter(Boolean)).toEqual(['200']);
  return rows.flatMap(handshakeTypes);
}

describe('tshark reads the tls demo capture with its key log', () => {
  const cli = demoFiles();
  let cliRun: { code: number | string; stdout: string; stderr: string };
  beforeAll(async () => {
    cliRun = await runCli([
      'tls',
      'demo',
      '--pcap',
      cli.pcap,
      '--keylog',
      cli.keylog,
      '--seed',
      '1',
    ]);
  });

  it('npm run cli -- tls demo --seed 1: decrypted GET and 200, nothing malformed', async () => {
    expect({ code: cliRun.code, stderr: cliRun.stderr }).toEqual({ code: 0, stderr: '' });
    expect(cliRun.stdout).toBe(
      `TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: 15 records, HTTP/1.1 200 OK\nwrote ${cli.pcap} and ${cli.keylog}\n`,
    );
    await expectDecryptedExchange(cli, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
  });

  it('without the key log, tshark sees only ciphertext: no HTTP', async () => {
    // The control for the test above: the HTTP there was found by decrypting, not in the clear.
    expect(await tsharkCount(cli.pcap, 'tls')).toBeGreaterThan(0);
    expect(await tsharkCount(cli.pcap, 'http')).toBe(0);
  });

  it.each([
    { openssl: 'ECDHE-RSA-AES128-GCM-SHA256', iana: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' },
    { openssl: 'ECDHE-RSA-AES256-GCM-SHA384', iana: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384' },
    { openssl: 'ECDHE-RSA-CHACHA20-POLY1305', iana: 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256' },
    { openssl: 'ECDHE-ECDSA-AES128-GCM-SHA256', iana: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256' },
  ] as const)(
    'tls demo --suite $openssl: decrypted GET and 200, nothing malformed',
    async ({ openssl, iana }) => {
      const { code, stdout, ...files } = await demoWith('--suite', openssl);
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^${iana}: \\d+ records, HTTP/1\\.1 200 OK\\n`));
      await expectDecryptedExchange(files, CipherSuite[iana]);
    },
  );
});

describe('tshark reads the tls demo --versions 1.3 capture with its key log', () => {
  it.each([
    { iana: 'TLS_AES_128_GCM_SHA256', id: 0x1301, hashBytes: 32 },
    { iana: 'TLS_AES_256_GCM_SHA384', id: 0x1302, hashBytes: 48 },
    { iana: 'TLS_CHACHA20_POLY1305_SHA256', id: 0x1303, hashBytes: 32 },
  ] as const)(
    'tls demo --versions 1.3 --suite $iana: decrypted GET and 200, nothing malformed',
    async ({ iana, id, hashBytes }) => {
      const { code, stdout, ...files } = await demoWith('--versions', '1.3', '--suite', iana);
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^${iana}: \\d+ records, HTTP/1\\.1 200 OK\\n`));
      const types = await expectDecryptedExchange(files, id, tls13KeyLog(hashBytes));
      // The server's encrypted flight (RFC 8446, Section 2): EncryptedExtensions (8), Certificate
      // (11) and CertificateVerify (15) are visible only once decrypted with the handshake secrets.
      for (const type of ['8', '11', '15']) expect(types).toContain(type);
    },
  );

  it('without the key log, a TLS 1.3 capture shows neither the certificate nor HTTP', async () => {
    const { code, ...files } = await demoWith('--versions', '1.3');
    expect(code).toBe(0);
    expect(await tsharkCount(files.pcap, 'tls.handshake.type == 2')).toBe(1);
    expect(await tsharkCount(files.pcap, 'tls.handshake.type == 11')).toBe(0);
    expect(await tsharkCount(files.pcap, 'http')).toBe(0);
  });
});
