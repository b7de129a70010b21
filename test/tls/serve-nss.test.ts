/**
 * NSS (Debian's libnss3-tools, 3.87: the TLS library of Firefox) against both sides, on loopback:
 * `tstclnt` verifies `tls serve`'s RSA and ECDSA chains against the demo root in an NSS database
 * and reads the 200; `tls connect` verifies `selfserv`'s chain, reads its answer and resumes with
 * its session ticket, and shows the flight selfserv sends in one record as one record.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, pemPath, runCli, startChild, waitUntil, type Child } from './support/peers';
import { expectNoStackTrace, logLineFor, startServe, type Serve } from './support/serve';

/** An NSS database (sql:DIR) that trusts the demo root and holds the RSA leaf with its key. */
function nssDatabase(dir: string): string {
  const db = `sql:${dir}`;
  const run = (command: string, args: readonly string[]): void => {
    execFileSync(command, args, { stdio: 'pipe' });
  };
  run('certutil', ['-N', '-d', db, '--empty-password']);
  run('certutil', [
    '-A',
    '-d',
    db,
    '-n',
    'wirestep-root',
    '-t',
    'CT,C,C',
    '-i',
    pemPath('root.cert.pem'),
  ]);
  run('certutil', [
    '-A',
    '-d',
    db,
    '-n',
    'wirestep-intermediate',
    '-t',
    ',,',
    '-i',
    pemPath('intermediate.cert.pem'),
  ]);
  const p12 = join(dir, 'rsa.p12');
  run('openssl', [
    'pkcs12',
    '-export',
    '-in',
    pemPath('rsa.cert.pem'),
    '-inkey',
    pemPath('rsa.key.pem'),
    '-name',
    'rsa-leaf',
    '-passout',
    'pass:',
    '-out',
    p12,
  ]);
  run('pk12util', ['-i', p12, '-d', db, '-W', '']);
  return db;
}

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wirestep-nss-'));
  db = nssDatabase(dir);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * tstclnt sends its stdin as the request. It stays open after the server's close_notify (as it
 * does against openssl s_server -www), so it is stopped once the whole page is in.
 */
async function tstclnt(port: number): Promise<string> {
  const child = startChild(
    'tstclnt',
    [
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-d',
      db,
      '-a',
      'www.example.com',
      '-V',
      'tls1.2:tls1.2',
      '-G',
    ],
    'GET /nss HTTP/1.0\r\n\r\n',
  );
  try {
    await child.waitFor(/<\/html>/, 'tstclnt to read the page');
    return child.stdout();
  } finally {
    await child.stop();
  }
}

describe('NSS tstclnt against tls serve', () => {
  for (const [label, flags, suite] of [
    ['RSA', [], 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
    [
      'ECDSA',
      ['--cert', pemPath('ecdsa.chain.pem'), '--key', pemPath('ecdsa.key.pem')],
      'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
    ],
  ] as const) {
    it(`verifies the ${label} chain and reads the 200, with extended master secret`, async () => {
      const serve: Serve = await startServe(flags);
      try {
        const out = await tstclnt(serve.port);
        expect(out).toMatch(/^HTTP\/1\.1 200 OK\r\n/m);
        expect(out).toContain('<h1>Hello from wirestep</h1>');
        await waitUntil(() => serve.connectionLines().length === 1, 'tls serve to log it');
        const clientPort = Number(/^127\.0\.0\.1:(\d+) /.exec(serve.connectionLines()[0]!)![1]);
        expect(await logLineFor(serve, clientPort)).toBe(
          `127.0.0.1:${clientPort} ${suite} group=x25519 ems=yes resumed=no GET /nss -> 200`,
        );
        expectNoStackTrace(serve);
      } finally {
        await serve.child.stop();
      }
    });
  }
});

describe('tls connect against NSS selfserv', () => {
  let selfserv: Child;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    // -u: session tickets; selfserv logs nothing when ready, so wait until it accepts.
    selfserv = startChild('selfserv', [
      '-d',
      db,
      '-n',
      'rsa-leaf',
      '-p',
      String(port),
      '-V',
      'tls1.2:tls1.2',
      '-u',
    ]);
    let up = false;
    await waitUntil(() => {
      const probe = netConnect({ host: '127.0.0.1', port });
      probe.once('connect', () => {
        up = true;
        probe.destroy();
      });
      probe.once('error', () => probe.destroy());
      return up;
    }, 'selfserv to accept');
  });
  afterAll(async () => {
    await selfserv?.stop();
  });

  it('verifies its chain, reads its answer and resumes with its ticket', async () => {
    const { code, stdout, stderr } = await runCli([
      'tls',
      'connect',
      `127.0.0.1:${port}`,
      '--servername',
      'www.example.com',
      '--reconnect',
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.split('\n');
    // selfserv sends its first flight as one record: its size is given once, on the first message.
    expect(lines.slice(1, 5)).toEqual([
      expect.stringMatching(/^← ServerHello +\d{4} bytes$/),
      expect.stringMatching(/^← Certificate +\(same record\)$/),
      expect.stringMatching(/^← ServerKeyExchange +\(same record\)$/),
      expect.stringMatching(/^← ServerHelloDone +\(same record\)$/),
    ]);
    expect(lines).toContain(
      'suite: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (ECDHE-RSA-AES128-GCM-SHA256)',
    );
    expect(lines).toContain('extended master secret: yes');
    expect(lines).toContain('resumed: yes (session ticket)');
    // selfserv answers with a status line of its own making, once per connection.
    expect(lines.filter((l) => l === 'HTTP/1.0 200 OK')).toHaveLength(2);
  });
});
