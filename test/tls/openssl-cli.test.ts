/**
 * The CLI against the OpenSSL command-line tools, as a user would run them: `tls connect` against
 * `openssl s_server -www -tls1_2`, and `openssl s_client` against `tls serve`, including session
 * resumption both ways and a refused certificate that prints one line and exits nonzero.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  pemPath,
  runCli,
  startChild,
  startCli,
  waitUntil,
  within,
  type Child,
} from './support/peers';
import { INTERMEDIATE, RSA_LEAF, lines, startSServer, type SServer } from './support/s-server';

const RSA_SERVER_ARGS = [...RSA_LEAF, ...INTERMEDIATE];

describe('tls connect against openssl s_server -www', () => {
  let sServer: SServer;
  beforeAll(async () => {
    sServer = await startSServer(['-tls1_2', '-www', ...RSA_SERVER_ARGS]);
  });
  afterAll(async () => {
    await sServer?.child.stop();
  });

  it('completes the handshake and prints the suite and the 200', async () => {
    const { code, stdout, stderr } = await runCli([
      'tls',
      'connect',
      `127.0.0.1:${sServer.port}`,
      '--servername',
      'www.example.com',
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const out = lines(stdout);
    expect(out).toContain(
      'suite: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (ECDHE-RSA-AES128-GCM-SHA256)',
    );
    expect(out).toContain('group: x25519');
    expect(out).toContain('extended master secret: yes');
    expect(out).toContain('resumed: no');
    // s_server -www answers with a status line of its own making.
    expect(out.at(-1)).toBe('HTTP/1.0 200 ok');
  });

  it('--reconnect resumes the first session, here with AES-256 over P-384', async () => {
    const { code, stdout } = await runCli([
      'tls',
      'connect',
      `127.0.0.1:${sServer.port}`,
      '--servername',
      'www.example.com',
      '--suites',
      'ECDHE-RSA-AES256-GCM-SHA384',
      '--groups',
      'secp384r1',
      '--reconnect',
    ]);
    expect(code).toBe(0);
    const [first, second] = stdout
      .split('--- reconnecting, offering the first session\n')
      .map(lines);
    expect(first).toContain(
      'suite: TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (ECDHE-RSA-AES256-GCM-SHA384)',
    );
    expect(first).toContain('group: secp384r1');
    expect(first).toContain('resumed: no');
    expect(second).toContain(
      'suite: TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (ECDHE-RSA-AES256-GCM-SHA384)',
    );
    expect(second).toContain('resumed: yes (session ticket)');
    // No Certificate the second time: that is what an abbreviated handshake leaves out.
    expect(second!.some((l) => l.startsWith('← Certificate'))).toBe(false);
    expect(second!.at(-1)).toBe('HTTP/1.0 200 ok');
  });
});

it('tls connect refusing an unknown CA prints one error line, exits nonzero, and s_server sees unknown_ca', async () => {
  const sServer = await startSServer([
    '-tls1_2',
    '-www',
    '-cert',
    pemPath('rogue-leaf.cert.pem'),
    '-key',
    pemPath('rogue-leaf.key.pem'),
  ]);
  try {
    const { code, stdout, stderr } = await runCli([
      'tls',
      'connect',
      `127.0.0.1:${sServer.port}`,
      '--servername',
      'www.example.com',
    ]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const out = lines(stdout);
    // The message lines come first (what was sent and received), then exactly one error line.
    expect(out.filter((l) => /error|Error/.test(l))).toEqual([out.at(-1)]);
    expect(out.at(-1)).toMatch(
      /^error: alert unknown_ca sent by the client: .*Rogue Attacker Root CA.*not a trusted root/,
    );
    expect(stdout).not.toMatch(/^\s+at /m);
    expect(out).toContain('→ Alert unknown_ca                       7 bytes');
    await sServer.child.waitFor(
      /alert unknown ca.*SSL alert number 48/,
      'openssl s_server to report the alert',
    );
  } finally {
    await sServer.child.stop();
  }
});

describe('openssl s_client against tls serve', () => {
  let serve: Child;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    serve = startCli(['tls', 'serve', '--port', String(port)]);
    await serve.waitFor(new RegExp(`listening on 127\\.0\\.0\\.1:${port} `), 'tls serve to listen');
  });
  afterAll(async () => {
    await serve?.stop();
  });

  function sClient(
    extra: readonly string[],
    input: string,
  ): Promise<{ code: number | string; out: string }> {
    const child = startChild(
      'openssl',
      [
        's_client',
        '-connect',
        `127.0.0.1:${port}`,
        '-tls1_2',
        '-CAfile',
        pemPath('root.cert.pem'),
        '-servername',
        'www.example.com',
        ...extra,
      ],
      input,
    );
    return within(child.exited, 'openssl s_client to finish')
      .then((code) => ({ code, out: child.stdout() }))
      .finally(() => child.stop());
  }

  it('verifies our chain and reads the 200', async () => {
    // -ign_eof: keep reading after stdin ends, until our server's close_notify.
    const { code, out } = await sClient(
      ['-verify_hostname', 'www.example.com', '-verify_return_error', '-ign_eof'],
      'GET / HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n',
    );
    expect(code).toBe(0);
    expect(out).toContain('Verify return code: 0 (ok)');
    expect(out).toContain('New, TLSv1.2, Cipher is ECDHE-RSA-AES128-GCM-SHA256');
    expect(out).toContain('Extended master secret: yes');
    expect(out).toContain('HTTP/1.1 200 OK\r\n');
    expect(out).toContain('<h1>Hello from wirestep</h1>');
    await serve.waitFor(
      / TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 group=x25519 ems=yes resumed=no GET \/ -> 200\n/,
      'tls serve to log the request',
    );
  });

  it.each([
    { by: 'session_ticket', extra: [] },
    { by: 'session_id', extra: ['-no_ticket'] },
  ])('s_client -reconnect resumes by $by five times', async ({ by, extra }) => {
    const before = serve.stdout();
    const { code, out } = await sClient(['-reconnect', ...extra], '');
    expect(code).toBe(0);
    expect(out.match(/^New, TLSv1\.2, Cipher is ECDHE-RSA-AES128-GCM-SHA256$/gm)).toHaveLength(1);
    expect(out.match(/^Reused, TLSv1\.2, Cipher is ECDHE-RSA-AES128-GCM-SHA256$/gm)).toHaveLength(
      5,
    );
    const resumedLine = new RegExp(`group=none ems=yes resumed=${by} \\(no request\\)\\n`, 'g');
    const logged = (): number =>
      (serve.stdout().slice(before.length).match(resumedLine) ?? []).length;
    // s_client may exit before our server has logged its last connection.
    await waitUntil(() => logged() >= 5, `tls serve to log five ${by} resumptions`).catch(
      () => undefined,
    );
    expect(serve.stdout().slice(before.length).match(resumedLine)).toHaveLength(5);
  });
});
