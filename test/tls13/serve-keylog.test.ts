/**
 * `tls serve --keylog FILE`: the NSS key log lines of every connection, as OpenSSL's and
 * browsers' SSLKEYLOGFILE. Real `openssl s_client` connects over TLS 1.3 and over TLS 1.2 while
 * dumpcap captures loopback; tshark, given only our server's key log, decrypts both, and the
 * TLS 1.3 secrets are the very ones s_client itself logs (-keylogfile).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tsharkCount, tsharkFields, tsharkMalformedCount } from '../helpers/tshark';
import { capture } from '../capture/support';
import { pemPath, startChild, within } from '../tls/support/peers';
import { expectNoStackTrace, startServe, type Serve } from '../tls/support/serve';

const REQUEST = 'GET / HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n';

/** s_client to completion against `port`, sending one GET; its own key log goes to `keylog`. */
async function sClient(port: number, version: string, keylog: string): Promise<number | string> {
  const child = startChild(
    'openssl',
    [
      's_client',
      '-connect',
      `127.0.0.1:${port}`,
      version,
      '-CAfile',
      pemPath('root.cert.pem'),
      '-servername',
      'www.example.com',
      '-verify_return_error',
      '-keylogfile',
      keylog,
      // Keep reading after stdin ends, until our server's close_notify.
      '-ign_eof',
    ],
    REQUEST,
  );
  try {
    return await within(child.exited, 'openssl s_client to finish');
  } finally {
    await child.stop();
  }
}

/** The key log's lines, without the comments OpenSSL writes. */
function keyLogLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));
}

describe('tls serve --keylog, decrypted by tshark from a dumpcap capture', () => {
  let dir: string;
  let serve: Serve;
  let ours: string;
  let pcap: string;
  const theirs = { tls13: '', tls12: '' };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wirestep-serve-keylog-'));
    ours = join(dir, 'serve.keylog');
    theirs.tls13 = join(dir, 's_client13.keylog');
    theirs.tls12 = join(dir, 's_client12.keylog');
    serve = await startServe(['--keylog', ours]);
    pcap = await capture(join(dir, 'serve.pcapng'), 'lo', `tcp port ${serve.port}`, async () => {
      expect(await sClient(serve.port, '-tls1_3', theirs.tls13)).toBe(0);
      expect(await sClient(serve.port, '-tls1_2', theirs.tls12)).toBe(0);
    });
  });
  afterAll(async () => {
    await serve?.child.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs the five TLS 1.3 secrets and the TLS 1.2 master secret, as s_client does', () => {
    expect(serve.connectionLines()).toEqual([
      expect.stringMatching(/ TLSv1\.3 TLS_AES_\d+_GCM_SHA\d+ /),
      expect.stringMatching(/ TLS_ECDHE_/),
    ]);
    const lines = keyLogLines(ours);
    expect(lines.map((l) => l.split(' ')[0])).toEqual([
      'CLIENT_HANDSHAKE_TRAFFIC_SECRET',
      'SERVER_HANDSHAKE_TRAFFIC_SECRET',
      'CLIENT_TRAFFIC_SECRET_0',
      'SERVER_TRAFFIC_SECRET_0',
      'EXPORTER_SECRET',
      'CLIENT_RANDOM',
    ]);
    // The other end derived the same secrets for the same client_random.
    expect([...lines.slice(0, 5)].sort()).toEqual([...keyLogLines(theirs.tls13)].sort());
    expect(lines.slice(5)).toEqual(keyLogLines(theirs.tls12));
    expectNoStackTrace(serve);
  });

  it('lets tshark decrypt both connections: Finished, GET and 200, nothing malformed', async () => {
    const opts = { keylog: ours, extraArgs: ['-d', `tcp.port==${serve.port},tls`] };
    // No checksum checks: on loopback the kernel leaves TCP checksums to (absent) offload.
    expect(await tsharkMalformedCount(pcap, opts.extraArgs, opts)).toBe(0);
    // Without the key log, TLS 1.3's Certificate is ciphertext; with it, tshark reads it.
    expect(
      await tsharkCount(pcap, 'tls.handshake.type == 11 && tls.record.version == 0x0303', {
        extraArgs: opts.extraArgs,
      }),
    ).toBe(1);
    expect(await tsharkCount(pcap, 'tls.handshake.type == 11', opts)).toBe(2);
    expect(await tsharkCount(pcap, 'tls.handshake.type == 20', opts)).toBe(4);
    expect(
      await tsharkFields(pcap, ['http.request.method', 'http.host'], {
        ...opts,
        filter: 'http.request',
      }),
    ).toEqual([
      ['GET', 'www.example.com'],
      ['GET', 'www.example.com'],
    ]);
    expect(
      await tsharkFields(pcap, ['http.response.code'], { ...opts, filter: 'http.response' }),
    ).toEqual([['200'], ['200']]);
  });
});
