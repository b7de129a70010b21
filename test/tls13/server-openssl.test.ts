/**
 * `openssl s_client -tls1_3` against our `tls serve`, as a user would run them: every suite × group,
 * a HelloRetryRequest, resumption with -sess_out/-sess_in, and version negotiation (a TLS 1.2
 * client against the 1.2+1.3 server gets 1.2 with the downgrade sentinel in the random).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pemPath, startChild, within } from '../tls/support/peers';
import { expectNoStackTrace, startServe, type Serve } from '../tls/support/serve';

const REQUEST = 'GET / HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n';

/** Runs s_client to completion against `port` and returns its exit code and output. */
async function sClient(
  port: number,
  extra: readonly string[],
  input = REQUEST,
): Promise<{ code: number | string; out: string }> {
  const child = startChild(
    'openssl',
    [
      's_client',
      '-connect',
      `127.0.0.1:${port}`,
      '-CAfile',
      pemPath('root.cert.pem'),
      '-servername',
      'www.example.com',
      '-verify_hostname',
      'www.example.com',
      '-verify_return_error',
      // Keep reading after stdin ends, until our server's close_notify.
      '-ign_eof',
      ...extra,
    ],
    input,
  );
  try {
    const code = await within(child.exited, 'openssl s_client to finish');
    return { code, out: child.stdout() };
  } finally {
    await child.stop();
  }
}

/** Our server's per-connection log lines since the `before`th. */
function lastLogLine(serve: Serve, before: number): string[] {
  return serve.connectionLines().slice(before);
}

/** The bytes of every handshake message s_client -msg printed under `name`, received (<<<). */
function receivedMessages(out: string, name: string): Uint8Array[] {
  const found: Uint8Array[] = [];
  const lines = out.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('<<< ') || !lines[i]!.endsWith(`, ${name}`)) continue;
    let hex = '';
    for (let j = i + 1; j < lines.length && /^ {4}[0-9a-f]{2}( |$)/.test(lines[j]!); j++)
      hex += lines[j]!.replace(/\s+/g, '');
    found.push(Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16))));
  }
  return found;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('openssl s_client -tls1_3 against tls serve', () => {
  let serve: Serve;
  const dir = mkdtempSync(join(tmpdir(), 'tls13-serve-'));
  beforeAll(async () => {
    serve = await startServe();
  });
  afterAll(async () => {
    expectNoStackTrace(serve);
    await serve?.child.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const SUITES = [
    'TLS_AES_128_GCM_SHA256',
    'TLS_AES_256_GCM_SHA384',
    'TLS_CHACHA20_POLY1305_SHA256',
  ];
  const GROUPS = [
    { openssl: 'X25519', temp: 'X25519, 253 bits', ours: 'x25519' },
    { openssl: 'P-256', temp: 'ECDH, prime256v1, 256 bits', ours: 'secp256r1' },
    { openssl: 'P-384', temp: 'ECDH, secp384r1, 384 bits', ours: 'secp384r1' },
  ];
  const cases = SUITES.flatMap((suite) => GROUPS.map((group) => ({ suite, group })));

  it.each(cases)('$suite over $group.openssl: verified chain, 200', async ({ suite, group }) => {
    const before = serve.connectionLines().length;
    const { code, out } = await sClient(serve.port, [
      '-tls1_3',
      '-ciphersuites',
      suite,
      '-groups',
      group.openssl,
    ]);
    expect(code).toBe(0);
    expect(out).toContain(`New, TLSv1.3, Cipher is ${suite}`);
    expect(out).toContain(`Server Temp Key: ${group.temp}`);
    expect(out).toContain('Verify return code: 0 (ok)');
    expect(out).toContain('HTTP/1.1 200 OK\r\n');
    await serve.child.waitFor(
      new RegExp(`TLSv1\\.3 ${suite} group=${group.ours} resumed=no GET / -> 200\\n`),
      'tls serve to log the request',
    );
    expect(lastLogLine(serve, before)).toHaveLength(1);
  });

  it('answers a key share for a group it likes less with a HelloRetryRequest', async () => {
    // s_client sends a key share for its first group only; the server prefers x25519.
    const { code, out } = await sClient(serve.port, ['-tls1_3', '-groups', 'P-384:X25519', '-msg']);
    expect(code).toBe(0);
    const helloRetry = receivedMessages(out, 'ServerHello')[0]!;
    // RFC 8446, Section 4.1.3: the HelloRetryRequest's random is SHA-256("HelloRetryRequest").
    expect(hex(helloRetry.subarray(6, 38))).toBe(
      'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c',
    );
    expect(out.match(/^>>> TLS 1\.3, Handshake \[length [0-9a-f]+\], ClientHello$/gm)).toHaveLength(
      2,
    );
    expect(out).toContain('Server Temp Key: X25519, 253 bits');
    expect(out).toContain('HTTP/1.1 200 OK\r\n');
  });

  it('resumes with the ticket: -sess_out, then -sess_in says Reused, TLSv1.3', async () => {
    const session = join(dir, 'session.pem');
    const first = await sClient(serve.port, ['-tls1_3', '-sess_out', session]);
    expect(first.code).toBe(0);
    expect(first.out).toContain('New, TLSv1.3, Cipher is TLS_AES_128_GCM_SHA256');
    const second = await sClient(serve.port, ['-tls1_3', '-sess_in', session]);
    expect(second.code).toBe(0);
    expect(second.out).toContain('Reused, TLSv1.3, Cipher is TLS_AES_128_GCM_SHA256');
    expect(second.out).toContain('HTTP/1.1 200 OK\r\n');
    await serve.child.waitFor(
      /TLSv1\.3 TLS_AES_128_GCM_SHA256 group=x25519 resumed=psk GET \/ -> 200\n/,
      'tls serve to log the resumption',
    );
  });

  it('answers a KeyUpdate that asks for one with its own, then serves under the new keys', async () => {
    const child = startChild('openssl', [
      's_client',
      '-connect',
      `127.0.0.1:${serve.port}`,
      '-tls1_3',
      '-CAfile',
      pemPath('root.cert.pem'),
      '-servername',
      'www.example.com',
      '-msg',
    ]);
    try {
      await child.waitFor(/Verify return code: 0 \(ok\)/, 's_client to finish its handshake');
      // s_client's K command: KeyUpdate with update_requested (RFC 8446, Section 4.6.3).
      child.process.stdin!.write('K\n');
      await child.waitFor(
        /<<< TLS 1\.3, Handshake \[length 0005\], KeyUpdate/,
        'our KeyUpdate in answer',
      );
      child.process.stdin!.write(REQUEST);
      await child.waitFor(/HTTP\/1\.1 200 OK\r\n/, 'the 200 under the updated keys');
      const updates = child
        .stdout()
        .match(/^[<>]{3} TLS 1\.3, Handshake \[length 0005\], KeyUpdate$/gm);
      expect(updates).toEqual([
        '>>> TLS 1.3, Handshake [length 0005], KeyUpdate',
        '<<< TLS 1.3, Handshake [length 0005], KeyUpdate',
      ]);
    } finally {
      await child.stop();
    }
  });

  it('gives a TLS 1.2 client TLS 1.2, with DOWNGRD 01 ending its random', async () => {
    const { code, out } = await sClient(serve.port, ['-tls1_2', '-msg']);
    expect(code).toBe(0);
    expect(out).toContain('New, TLSv1.2, Cipher is ECDHE-RSA-AES128-GCM-SHA256');
    expect(out).toContain('HTTP/1.1 200 OK\r\n');
    const serverHello = receivedMessages(out, 'ServerHello')[0]!;
    // RFC 8446, Section 4.1.3: the last 8 bytes of ServerHello.random.
    expect(hex(serverHello.subarray(30, 38))).toBe('444f574e47524401');
  });
});

describe('tls serve --versions', () => {
  it('--versions 1.2 gives OpenSSL, which offers 1.3, TLS 1.2 and no sentinel', async () => {
    const serve = await startServe(['--versions', '1.2']);
    try {
      const { code, out } = await sClient(serve.port, ['-msg']);
      expect(code).toBe(0);
      expect(out).toContain('New, TLSv1.2, Cipher is ECDHE-RSA-AES128-GCM-SHA256');
      const serverHello = receivedMessages(out, 'ServerHello')[0]!;
      expect(hex(serverHello.subarray(30, 38))).not.toBe('444f574e47524401');
      // A client that speaks only TLS 1.3 gets protocol_version.
      const only13 = await sClient(serve.port, ['-tls1_3']);
      expect(only13.code).not.toBe(0);
      expect(only13.out).not.toContain('New, TLSv1.3');
      await serve.child.waitFor(
        /error: alert protocol_version sent by the server/,
        'tls serve to log the refusal',
      );
      expectNoStackTrace(serve);
    } finally {
      await serve.child.stop();
    }
  });

  it('--versions 1.3 refuses a TLS 1.2 client with protocol_version', async () => {
    const serve = await startServe(['--versions', '1.3']);
    try {
      const { code, out } = await sClient(serve.port, ['-tls1_2']);
      expect(code).not.toBe(0);
      expect(out).not.toContain('New, TLSv1.2');
      await serve.child.waitFor(
        /error: alert protocol_version sent by the server/,
        'tls serve to log the refusal',
      );
      expectNoStackTrace(serve);
    } finally {
      await serve.child.stop();
    }
  });
});
