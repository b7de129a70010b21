/**
 * Our TLS 1.3 client (`tls connect`) against real `openssl s_server` on loopback: every TLS 1.3
 * suite with every group, RSA-PSS and ECDSA certificates, a HelloRetryRequest, PSK resumption from
 * a NewSessionTicket, a KeyUpdate we start (and the same against our own `tls serve`), and version
 * negotiation both ways (RFC 8446, Section 4.2.1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ECDSA_LEAF as ECDSA,
  INTERMEDIATE as CHAIN,
  RSA_LEAF as RSA,
  connectTo as connect,
  messageNames,
  startSServer,
  type SServer,
} from '../tls/support/s-server';
import { expectNoStackTrace, startServe, type Serve } from '../tls/support/serve';

const SUITES = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'];
const GROUPS = ['x25519', 'secp256r1', 'secp384r1'];

describe('tls connect against openssl s_server -tls1_3 (RSA certificate)', () => {
  let server: SServer;
  beforeAll(async () => {
    server = await startSServer(['-www', '-tls1_3', ...RSA, ...CHAIN]);
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
        expect(messageNames(out)).toEqual(
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
  let server: SServer;
  beforeAll(async () => {
    server = await startSServer(['-www', '-tls1_3', '-groups', 'secp384r1', ...ECDSA, ...CHAIN]);
  });
  afterAll(async () => {
    await server?.child.stop();
  });

  it('answers a HelloRetryRequest for secp384r1 after offering an x25519 share', async () => {
    const { code, stderr, out } = await connect(server.port);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const names = messageNames(out);
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
    const [first, second] = [out.slice(0, at), out.slice(at)];
    expect(messageNames(first)).toContain('← HelloRetryRequest');
    expect(messageNames(second)).not.toContain('← HelloRetryRequest');
    expect(messageNames(second).filter((n) => n === '→ ClientHello')).toHaveLength(1);
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

describe('tls connect --key-update (RFC 8446, Section 4.6.3)', () => {
  let server: SServer;
  let serve: Serve;
  beforeAll(async () => {
    // -msg: s_server prints each handshake message it reads (<<<) and writes (>>>), in hex.
    server = await startSServer(['-www', '-msg', '-tls1_3', ...RSA, ...CHAIN]);
    serve = await startServe();
  });
  afterAll(async () => {
    await server?.child.stop();
    expectNoStackTrace(serve);
    await serve?.child.stop();
  });

  /** Ours goes out after our Finished and before the GET; the server's comes before its 200. */
  function expectKeyUpdatesBothWays(out: readonly string[]): void {
    const names = messageNames(out);
    const at = (name: string) => names.indexOf(name);
    expect(at('→ KeyUpdate')).toBeGreaterThan(at('→ Finished'));
    expect(at('→ KeyUpdate')).toBeLessThan(at('→ ApplicationData (GET /)'));
    expect(at('← KeyUpdate')).toBeGreaterThan(at('→ KeyUpdate'));
    expect(at('← KeyUpdate')).toBeLessThan(
      names.findIndex((n) => n.startsWith('← ApplicationData (HTTP')),
    );
    expect(out).toContain(
      'key update: client traffic secret 1, server traffic secret 1 (answered)',
    );
  }

  it('s_server -tls1_3 reads update_requested, answers, and serves the GET sent under the new key', async () => {
    const { code, stderr, out } = await connect(server.port, '--key-update');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expectKeyUpdatesBothWays(out);
    // The 200 opened under server_application_traffic_secret_1, so both _1 secrets agree with
    // OpenSSL's. Its own log shows our request (01) and its answer (00).
    expect(out.at(-1)).toBe('HTTP/1.0 200 ok');
    const log = server.child.stdout();
    expect(log).toMatch(/<<< TLS 1\.3, Handshake \[length 0005\], KeyUpdate\n {4}18 00 00 01 01\n/);
    expect(log).toMatch(/>>> TLS 1\.3, Handshake \[length 0005\], KeyUpdate\n {4}18 00 00 01 00\n/);
  });

  it('our tls serve answers it too, on a full and on a resumed connection', async () => {
    const { code, stderr, out } = await connect(serve.port, '--key-update', '--reconnect');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const at = out.indexOf('--- reconnecting, offering the first session');
    expectKeyUpdatesBothWays(out.slice(0, at));
    expectKeyUpdatesBothWays(out.slice(at));
    expect(out).toContain('resumed: yes (psk)');
    expect(out.at(-1)).toBe('HTTP/1.1 200 OK');
  });

  it('refuses over TLS 1.2, which has no KeyUpdate: one line, nonzero', async () => {
    const { code, out } = await connect(serve.port, '--key-update', '--versions', '1.2');
    expect(code).not.toBe(0);
    expect(out.at(-1)).toBe('error: --key-update needs TLS 1.3; TLS 1.2 has no KeyUpdate');
  });
});

describe('version negotiation with openssl s_server (RFC 8446, Section 4.2.1)', () => {
  let tls12: SServer;
  let any: SServer;
  beforeAll(async () => {
    tls12 = await startSServer(['-www', '-tls1_2', ...RSA, ...CHAIN]);
    any = await startSServer(['-www', ...RSA, ...CHAIN]);
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
