/**
 * gnutls-cli with a TLS 1.3-only priority against our `tls serve`: the handshake completes with a
 * verified chain and the request gets its 200, and `-r` resumes with our ticket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pemPath, startChild, within } from '../tls/support/peers';
import { expectNoStackTrace, startServe, type Serve } from '../tls/support/serve';

const TLS13_ONLY = 'NORMAL:-VERS-ALL:+VERS-TLS1.3';

async function gnutlsCli(port: number, extra: readonly string[]): Promise<string> {
  const child = startChild(
    'gnutls-cli',
    [
      '--x509cafile',
      pemPath('root.cert.pem'),
      '--verify-hostname',
      'www.example.com',
      '--priority',
      TLS13_ONLY,
      ...extra,
      '-p',
      String(port),
      '127.0.0.1',
    ],
    'GET / HTTP/1.0\r\n\r\n',
  );
  try {
    const code = await within(child.exited, 'gnutls-cli');
    expect(code).toBe(0);
    return child.stdout();
  } finally {
    await child.stop();
  }
}

describe('gnutls-cli --priority NORMAL:-VERS-ALL:+VERS-TLS1.3 against tls serve', () => {
  let serve: Serve;
  beforeAll(async () => {
    serve = await startServe();
  });
  afterAll(async () => {
    expectNoStackTrace(serve);
    await serve?.child.stop();
  });

  it('completes the TLS 1.3 handshake and reads the 200', async () => {
    const out = await gnutlsCli(serve.port, []);
    expect(out).toMatch(/- Description: \(TLS1\.3-X\.509\)-\(ECDHE-X25519\)-/);
    expect(out).toContain('HTTP/1.1 200 OK');
    expect(out).toContain('<h1>Hello from wirestep</h1>');
    await serve.child.waitFor(
      /TLSv1\.3 TLS_AES_128_GCM_SHA256 group=x25519 resumed=no GET \/ -> 200\n/,
      'tls serve to log the request',
    );
  });

  it.each(['AES-256-GCM', 'CHACHA20-POLY1305'])(
    'negotiates %s when it is all GnuTLS offers',
    async (cipher) => {
      const out = await gnutlsCli(serve.port, [
        '--priority',
        `${TLS13_ONLY}:-CIPHER-ALL:+${cipher}`,
      ]);
      expect(out).toContain(`-(${cipher})`);
      expect(out).toContain('HTTP/1.1 200 OK');
    },
  );

  it('-r resumes with the NewSessionTicket it was given', async () => {
    const out = await gnutlsCli(serve.port, ['-r']);
    expect(out).toContain('*** This is a resumed session');
    expect(out).toContain('HTTP/1.1 200 OK');
    await serve.child.waitFor(
      /TLSv1\.3 TLS_AES_128_GCM_SHA256 group=x25519 resumed=psk GET \/ -> 200\n/,
      'tls serve to log the resumption',
    );
  });
});
