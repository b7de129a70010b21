/**
 * Our TLS 1.3 client (`tls connect`) against real `openssl s_server` on loopback: every TLS 1.3
 * suite with every group, RSA-PSS and ECDSA certificates, a HelloRetryRequest, PSK resumption from
 * a NewSessionTicket, and version negotiation both ways (RFC 8446, Section 4.2.1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pemPath, runCli, startChild, type Child } from '../tls/support/peers';

const RSA = ['-cert', pemPath('rsa.cert.pem'), '-key', pemPath('rsa.key.pem')];
const ECDSA = ['-cert', pemPath('ecdsa.cert.pem'), '-key', pemPath('ecdsa.key.pem')];
const CHAIN = ['-cert_chain', pemPath('intermediate.cert.pem')];

/** `openssl s_server -www ARGS` on an OS-chosen loopback port. */
async function startSServer(args: readonly string[]): Promise<{ child: Child; port: number }> {
  const child = startChild('openssl', ['s_server', '-accept', '127.0.0.1:0', '-www', ...args]);
  try {
    const [, port] = await child.waitFor(/ACCEPT 127\.0\.0\.1:(\d+)/, 'openssl s_server to listen');
    return { child, port: Number(port) };
  } catch (e) {
    await child.stop();
    throw e;
  }
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

async function connect(port: number, ...extra: string[]) {
  const { code, stdout, stderr } = await runCli([
    'tls',
    'connect',
    `127.0.0.1:${port}`,
    '--servername',
    'www.example.com',
    ...extra,
  ]);
  return { code, stderr, out: lines(stdout) };
}

const SUITES = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'];
const GROUPS = ['x25519', 'secp256r1', 'secp384r1'];

describe('tls connect against openssl s_server -tls1_3 (RSA certificate)', () => {
  let server: { child: Child; port: number };
  beforeAll(async () => {
    server = await startSServer(['-tls1_3', ...RSA, ...CHAIN]);
  });
  afterAll(async () => {
    await server?.child.stop();
  });

  for (const suite of SUITES)
    for (const group of GROUPS)
      it(`${suite} over ${group}, signed with RSA-PSS`, async () => {
        const { code, stderr, out } = await connect(
          server.port,
          '--suites',
          suite,
          '--groups',
          group,
        );
        expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
        expect(out).toEqual(
          expect.arrayContaining([
            'version: TLSv1.3',
            `suite: ${suite}`,
            `group: ${group}`,
            'signature: rsa_pss_rsae_sha256',
            'resumed: no',
          ]),
        );
        expect(out.filter((l) => l.startsWith('←')).map((l) => l.split(/\s{2,}/)[0])).toEqual(
          expect.arrayContaining([
            '← ServerHello',
            '← EncryptedExtensions',
            '← Certificate',
            '← CertificateVerify',
            '← Finished',
          ]),
        );
        expect(out.at(-1)).toBe('HTTP/1.0 200 ok');
      });

  it('--reconnect resumes with the PSK of a NewSessionTicket (psk_dhe_ke)', async () => {
    const { code, stderr, out } = await connect(server.port, '--reconnect');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const second = out.slice(out.indexOf('--- reconnecting, offering the first session'));
    expect(out.filter((l) => l.startsWith('resumed:'))).toEqual([
      'resumed: no',
      'resumed: yes (psk)',
    ]);
    // A PSK handshake has no Certificate nor CertificateVerify, but a fresh key exchange.
    expect(second.some((l) => l.startsWith('← Certificate'))).toBe(false);
    expect(second).toEqual(expect.arrayContaining(['version: TLSv1.3', 'group: x25519']));
    expect(out.at(-1)).toBe('HTTP/1.0 200 ok');
  });
});

describe('tls connect against openssl s_server -tls1_3 (ECDSA certificate, P-384 only)', () => {
  let server: { child: Child; port: number };
  beforeAll(async () => {
    server = await startSServer(['-tls1_3', '-groups', 'secp384r1', ...ECDSA, ...CHAIN]);
  });
  afterAll(async () => {
    await server?.child.stop();
  });

  it('answers a HelloRetryRequest for secp384r1 after offering an x25519 share', async () => {
    const { code, stderr, out } = await connect(server.port);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const names = out.filter((l) => /^[←→]/.test(l)).map((l) => l.split(/\s{2,}/)[0]);
    expect(names.slice(0, 4)).toEqual([
      '→ ClientHello',
      '← HelloRetryRequest',
      '→ ChangeCipherSpec',
      '→ ClientHello',
    ]);
    expect(out).toEqual(
      expect.arrayContaining([
        'version: TLSv1.3',
        'group: secp384r1',
        'signature: ecdsa_secp256r1_sha256',
      ]),
    );
    expect(out.at(-1)).toBe('HTTP/1.0 200 ok');
  });

  it('--reconnect remembers secp384r1: no HelloRetryRequest the second time, and resumes', async () => {
    const { code, stderr, out } = await connect(server.port, '--reconnect');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const at = out.indexOf('--- reconnecting, offering the first session');
    expect(at).toBeGreaterThan(0);
    const names = (part: string[]): string[] =>
      part.filter((l) => /^[←→]/.test(l)).map((l) => l.split(/\s{2,}/)[0]!);
    const [first, second] = [out.slice(0, at), out.slice(at)];
    expect(names(first)).toContain('← HelloRetryRequest');
    expect(names(second)).not.toContain('← HelloRetryRequest');
    expect(names(second).filter((n) => n === '→ ClientHello')).toHaveLength(1);
    expect(out.filter((l) => l.startsWith('resumed:'))).toEqual([
      'resumed: no',
      'resumed: yes (psk)',
    ]);
    expect(second).toEqual(expect.arrayContaining(['version: TLSv1.3', 'group: secp384r1']));
    expect(out.at(-1)).toBe('HTTP/1.0 200 ok');
  });

  it('refuses the server when we offer no group it takes: one line, nonzero', async () => {
    const { code, out } = await connect(server.port, '--groups', 'x25519');
    expect(code).not.toBe(0);
    expect(out.at(-1)).toMatch(/^error: .*handshake_failure/);
  });
});

describe('version negotiation with openssl s_server (RFC 8446, Section 4.2.1)', () => {
  let tls12: { child: Child; port: number };
  let any: { child: Child; port: number };
  beforeAll(async () => {
    tls12 = await startSServer(['-tls1_2', ...RSA, ...CHAIN]);
    any = await startSServer([...RSA, ...CHAIN]);
  });
  afterAll(async () => {
    await tls12?.child.stop();
    await any?.child.stop();
  });

  it('the default client gets TLS 1.2 from s_server -tls1_2', async () => {
    const { code, stderr, out } = await connect(tls12.port);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(out).toEqual(
      expect.arrayContaining([
        'version: TLSv1.2',
        'suite: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (ECDHE-RSA-AES128-GCM-SHA256)',
      ]),
    );
    expect(out.at(-1)).toBe('HTTP/1.0 200 ok');
  });

  it('the default client gets TLS 1.3 from the default s_server', async () => {
    const { code, stderr, out } = await connect(any.port);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(out).toContain('version: TLSv1.3');
    expect(out.at(-1)).toBe('HTTP/1.0 200 ok');
  });

  it('--versions 1.2 gets TLS 1.2 from the default s_server (a 1.2-only client reads no sentinel)', async () => {
    const { code, stderr, out } = await connect(any.port, '--versions', '1.2');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(out).toContain('version: TLSv1.2');
  });

  it('--versions 1.3 against s_server -tls1_2 fails with one line', async () => {
    const { code, out } = await connect(tls12.port, '--versions', '1.3');
    expect(code).not.toBe(0);
    expect(out.at(-1)).toMatch(/^error: .*protocol_version/);
  });
});
