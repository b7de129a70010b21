/**
 * The real-traffic corpus of issue 13, taken on loopback by the test that needs it: one capture
 * per kind (OpenSSL TLS 1.2 in three suites, OpenSSL TLS 1.3, curl, headless Chromium, dig over
 * UDP and TCP against nsd, the `any` interface, IPv6 loopback, and a pcapng that carries its own
 * keys). The vitest suites, the CLI test and the Playwright spec all open the same kinds.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dig } from '../dns/support/dig';
import { startNsd, type NsdProcess } from '../dns/support/processes';
import { freePort, pemPath, startChild } from '../tls/support/peers';
import { capture, run } from './support';

/** What a capture holds, as the tests check it. */
export interface CorpusEntry {
  /** A short name: the test's title and the file's base name. */
  name: string;
  file: string;
  /** The NSS key log to give beside the file; undefined when the file embeds its keys. */
  keylog?: string;
  /**
   * Its TLS connections: the version, how many ('some' when a browser decides), how many ask
   * for a page (1 unless said), and whether the server answers it (s_server -www does).
   */
  tls?: {
    version: 'TLS 1.2' | 'TLS 1.3';
    count: number | 'some';
    suite?: number;
    requests?: number;
    answered?: boolean;
  };
  /** Its DNS exchanges, in order: the transport, the query's name and type, the server's address. */
  dns?: { transport: 'udp' | 'tcp'; query: string; server: string }[];
  /** The TLS server's address as the capture shows it ("127.0.0.1", "::1"). */
  host: string;
  /** The link type capinfos -E names, when the kind is about it. */
  link?: RegExp;
}

const ZONE = [
  '$ORIGIN capture.test.',
  '$TTL 300',
  '@ IN SOA ns1 admin 1 3600 600 86400 60',
  '@ IN NS ns1',
  'ns1 IN A 192.0.2.53',
  'www IN A 192.0.2.80',
  'www IN AAAA 2001:db8::80',
  '',
].join('\n');

/**
 * `openssl s_server` on host:port, listening; stop() when done. With `www` (the default) it
 * answers a GET with a page; without, it only reads (as -early_data requires).
 */
export async function opensslServer(
  host: string,
  port: number,
  args: readonly string[],
  www = true,
) {
  const bracketed = host.includes(':') ? `[${host}]` : host;
  const s = startChild('openssl', [
    's_server',
    '-accept',
    `${bracketed}:${port}`,
    '-cert',
    pemPath('rsa.cert.pem'),
    '-key',
    pemPath('rsa.key.pem'),
    ...(www ? ['-www'] : []),
    ...args,
  ]);
  try {
    await s.waitFor(/ACCEPT/, 'openssl s_server to listen');
  } catch (e) {
    await s.stop();
    throw e;
  }
  return s;
}

/** One page fetched by `openssl s_client` from `openssl s_server -www`, keys logged. */
export async function opensslFetch(
  host: string,
  port: number,
  server: readonly string[],
  client: readonly string[],
  keylog: string,
): Promise<void> {
  const s = await opensslServer(host, port, server);
  try {
    const bracketed = host.includes(':') ? `[${host}]` : host;
    const c = startChild(
      'openssl',
      ['s_client', '-connect', `${bracketed}:${port}`, '-keylogfile', keylog, '-quiet', ...client],
      'GET / HTTP/1.0\r\n\r\n',
    );
    await c.exited;
  } finally {
    await s.stop();
  }
}

function execWithKeys(command: string, args: string[], keylog: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(command, args, { env: { ...process.env, SSLKEYLOGFILE: keylog }, timeout: ms }, (e) =>
      e ? reject(e) : resolve(),
    ),
  );
}

/** curl fetching one page over HTTP/1.1, its keys in `keylog` (SSLKEYLOGFILE). */
export function curlFetch(url: string, keylog: string): Promise<void> {
  return execWithKeys('curl', ['-sk', '--http1.1', '-o', '/dev/null', url], keylog, 15_000);
}

/** Headless Chromium loading one page, its keys in `keylog` (SSLKEYLOGFILE). */
export function chromiumFetch(url: string, keylog: string, profile: string): Promise<void> {
  return execWithKeys(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--ignore-certificate-errors',
      `--user-data-dir=${profile}`,
      '--dump-dom',
      url,
    ],
    keylog,
    30_000,
  );
}

/** Takes every capture of the corpus into `dir`, one after another (dumpcap needs root). */
export async function generateCorpus(dir: string): Promise<CorpusEntry[]> {
  const out: CorpusEntry[] = [];
  const dnsHost = '127.0.64.1';
  const dnsPort = await freePort();
  const nsd: NsdProcess = await startNsd(dnsHost, dnsPort, [
    { origin: 'capture.test.', text: ZONE },
  ]);
  try {
    const tlsOnly = async (
      name: string,
      opts: {
        iface?: string;
        host?: string;
        format?: 'pcap' | 'pcapng';
        server: string[];
        client: string[];
        version: 'TLS 1.2' | 'TLS 1.3';
        suite: number;
      },
    ) => {
      const host = opts.host ?? '127.0.0.1';
      const keylog = join(dir, `${name}.keys`);
      const port = await freePort();
      const file = await capture(
        join(dir, `${name}.${opts.format ?? 'pcapng'}`),
        opts.iface ?? 'lo',
        `tcp port ${port}`,
        () => opensslFetch(host, port, opts.server, opts.client, keylog),
        opts.format,
      );
      const entry: CorpusEntry = {
        name,
        file,
        keylog,
        host,
        tls: { version: opts.version, count: 1, suite: opts.suite },
      };
      out.push(entry);
      return entry;
    };

    for (const [name, suite, code, format] of [
      ['tls12-aes128gcm', 'ECDHE-RSA-AES128-GCM-SHA256', 0xc02f, 'pcapng'],
      ['tls12-aes256gcm', 'ECDHE-RSA-AES256-GCM-SHA384', 0xc030, 'pcap'],
      ['tls12-chacha20', 'ECDHE-RSA-CHACHA20-POLY1305', 0xcca8, 'pcapng'],
    ] as const)
      await tlsOnly(name, {
        format,
        server: ['-tls1_2'],
        client: ['-tls1_2', '-cipher', suite],
        version: 'TLS 1.2',
        suite: code,
      });

    await tlsOnly('tls13', {
      server: ['-tls1_3'],
      client: ['-tls1_3', '-ciphersuites', 'TLS_AES_128_GCM_SHA256'],
      version: 'TLS 1.3',
      suite: 0x1301,
    });

    for (const [name, fetch] of [
      ['curl', (url: string, keys: string) => curlFetch(url, keys)],
      [
        'chromium',
        (url: string, keys: string) => chromiumFetch(url, keys, join(dir, 'chromium-profile')),
      ],
    ] as const) {
      const keylog = join(dir, `${name}.keys`);
      const port = await freePort();
      const file = await capture(
        join(dir, `${name}.pcapng`),
        'lo',
        `tcp port ${port}`,
        async () => {
          const s = await opensslServer('127.0.0.1', port, []);
          try {
            await fetch(`https://127.0.0.1:${port}/`, keylog);
          } finally {
            await s.stop();
          }
        },
      );
      out.push({
        name,
        file,
        keylog,
        host: '127.0.0.1',
        // A browser may open a spare connection, or fetch a favicon.
        tls: { version: 'TLS 1.3', count: name === 'chromium' ? 'some' : 1 },
      });
    }

    const digFile = await capture(
      join(dir, 'dig.pcapng'),
      'lo',
      `host ${dnsHost} and port ${dnsPort}`,
      async () => {
        await dig(dnsHost, dnsPort, ['www.capture.test', 'A']);
        await dig(dnsHost, dnsPort, ['+tcp', 'www.capture.test', 'AAAA']);
      },
    );
    out.push({
      name: 'dig',
      file: digFile,
      host: dnsHost,
      dns: [
        { transport: 'udp', query: 'www.capture.test A', server: `${dnsHost}:${dnsPort}` },
        { transport: 'tcp', query: 'www.capture.test AAAA', server: `${dnsHost}:${dnsPort}` },
      ],
    });

    // The `any` interface: Linux cooked headers (SLL2 in pcapng, SLL in pcap) around TLS and DNS.
    {
      const keylog = join(dir, 'any.keys');
      const port = await freePort();
      const file = await capture(
        join(dir, 'any.pcapng'),
        'any',
        `(host 127.0.0.1 and tcp port ${port}) or (host ${dnsHost} and port ${dnsPort})`,
        async () => {
          await opensslFetch(
            '127.0.0.1',
            port,
            ['-tls1_3'],
            ['-tls1_3', '-ciphersuites', 'TLS_CHACHA20_POLY1305_SHA256'],
            keylog,
          );
          await dig(dnsHost, dnsPort, ['ns1.capture.test', 'A']);
        },
      );
      out.push({
        name: 'any',
        file,
        keylog,
        host: '127.0.0.1',
        tls: { version: 'TLS 1.3', count: 1, suite: 0x1303 },
        dns: [{ transport: 'udp', query: 'ns1.capture.test A', server: `${dnsHost}:${dnsPort}` }],
        link: /Linux cooked-mode capture v[12]/,
      });
    }

    await tlsOnly('ipv6', {
      host: '::1',
      server: ['-tls1_3'],
      client: ['-tls1_3', '-ciphersuites', 'TLS_AES_256_GCM_SHA384'],
      version: 'TLS 1.3',
      suite: 0x1302,
    });

    // The keys inside the file: a Decryption Secrets Block written by editcap.
    {
      const plain = await tlsOnly('inject-plain', {
        server: [],
        client: ['-tls1_3'],
        version: 'TLS 1.3',
        suite: 0x1302,
      });
      out.pop();
      const file = join(dir, 'inject.pcapng');
      await run('editcap', ['--inject-secrets', `tls,${plain.keylog!}`, plain.file, file]);
      out.push({ ...plain, name: 'inject', file, keylog: undefined });
    }

    // TLS 1.3 0-RTT: a first connection leaves a ticket, the second sends its GET as early data
    // (s_server cannot answer HTTP with -early_data, so it only reads).
    {
      const keylog = join(dir, 'early.keys');
      const session = join(dir, 'early.session');
      const request = join(dir, 'early.request');
      writeFileSync(request, 'GET / HTTP/1.0\r\n\r\n');
      const port = await freePort();
      const file = await capture(join(dir, 'early.pcapng'), 'lo', `tcp port ${port}`, async () => {
        const s = await opensslServer('127.0.0.1', port, ['-tls1_3', '-early_data'], false);
        try {
          const base = [
            's_client',
            '-connect',
            `127.0.0.1:${port}`,
            '-tls1_3',
            '-quiet',
            '-no_ign_eof',
          ];
          await talk(
            [...base, '-sess_out', session, '-keylogfile', keylog],
            'GET / HTTP/1.0\r\n\r\n',
          );
          await talk(
            [...base, '-sess_in', session, '-early_data', request, '-keylogfile', keylog],
            '',
          );
        } finally {
          await s.stop();
        }
      });
      out.push({
        name: 'early',
        file,
        keylog,
        host: '127.0.0.1',
        tls: { version: 'TLS 1.3', count: 2, suite: 0x1302, requests: 2, answered: false },
      });
    }
  } finally {
    await nsd.child.stop();
  }
  return out;
}

/**
 * openssl s_client that sends `input` and keeps its stdin open a second, so the session tickets
 * the server sends after the handshake arrive (and -sess_out has one to write) before it closes
 * (-quiet alone would ignore the end of input and wait for the server).
 */
async function talk(args: string[], input: string): Promise<void> {
  const c = startChild('openssl', args);
  c.process.stdin!.write(input);
  // Not an assertion: a second for the tickets to arrive, then end of input closes the client.
  await new Promise((r) => setTimeout(r, 1000));
  c.process.stdin!.end();
  await c.exited;
}
