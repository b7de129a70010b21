/**
 * `tls serve` as a child process against real clients on 127.0.0.1: Python's ssl module, gnutls-cli,
 * openssl s_client and node:tls. It answers a request once its whole head is in (CRLF or bare LF,
 * split across records, or arriving with the client's close_notify), refuses heads past 8 KiB with
 * 414 or 431 while it goes on serving others, releases sockets at its deadlines, caps its
 * connections, stops cleanly on SIGTERM and SIGINT, and refuses a key that is not its certificate's.
 * Every connection gets one log line and no stack trace.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, pem, pemPath, runCli, startChild, waitUntil, within } from './support/peers';
import { expectNoStackTrace, logLineFor, startServe, type Serve } from './support/serve';

const ROOT_CA = pemPath('root.cert.pem');

/**
 * Python's ssl module (Debian's /usr/bin/python3): verifies our chain for www.example.com, sends
 * stdin as the request, and prints everything it reads until our close_notify.
 */
const PYTHON_CLIENT = `
import socket, ssl, sys
context = ssl.create_default_context(cafile=sys.argv[2])
with socket.create_connection(("127.0.0.1", int(sys.argv[1]))) as raw:
    with context.wrap_socket(raw, server_hostname="www.example.com") as tls:
        tls.sendall(sys.stdin.buffer.read())
        data = b""
        while True:
            try:
                chunk = tls.recv(65536)
            except ssl.SSLZeroReturnError:
                break
            if not chunk:
                break
            data += chunk
        sys.stdout.write(tls.version() + " " + tls.cipher()[0] + "\\n" + data.decode("latin-1"))
`;

/** Python's ssl module after its handshake, saying how the server ended the connection. */
const PYTHON_WAITER = `
import socket, ssl, sys
context = ssl.create_default_context(cafile=sys.argv[2])
with socket.create_connection(("127.0.0.1", int(sys.argv[1]))) as raw:
    # suppress_ragged_eofs=False: an EOF without close_notify raises; close_notify reads as b"".
    with context.wrap_socket(
        raw, server_hostname="www.example.com", suppress_ragged_eofs=False
    ) as tls:
        print("ready", tls.getsockname()[1], flush=True)
        try:
            print("data" if tls.recv(65536) else "close_notify", flush=True)
        except ssl.SSLEOFError:
            print("eof without close_notify", flush=True)
`;

async function pythonRequest(port: number, request: string): Promise<string> {
  const child = startChild(
    '/usr/bin/python3',
    ['-c', PYTHON_CLIENT, String(port), ROOT_CA],
    request,
  );
  try {
    const code = await within(child.exited, 'the python ssl client');
    expect({ code, stderr: child.stderr() }).toEqual({ code: 0, stderr: '' });
    return child.stdout();
  } finally {
    await child.stop();
  }
}

/** A node:tls client that has finished its handshake with our server. */
async function tlsClient(port: number): Promise<TLSSocket> {
  const socket = tlsConnect({
    host: '127.0.0.1',
    port,
    servername: 'www.example.com',
    ca: pem('root.cert.pem'),
    maxVersion: 'TLSv1.2',
  });
  await within(
    new Promise<void>((resolve, reject) => {
      socket.once('secureConnect', () => resolve());
      socket.once('error', reject);
    }),
    'node:tls handshake with tls serve',
  );
  return socket;
}

/** Everything the server sends until it closes; write errors once it has closed are expected. */
function readUntilClosed(socket: Socket): Promise<string> {
  return within(
    new Promise<string>((resolve) => {
      let text = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('error', () => {});
      // 'end' is the server's FIN (a half-open client socket stays open after it); 'close' the rest.
      socket.once('end', () => resolve(text));
      socket.once('close', () => resolve(text));
    }),
    'the server to close the connection',
  );
}

/** Sends `parts` one write (so one record or more) each, pausing between them, then reads. */
async function tlsRequest(
  port: number,
  parts: readonly string[],
): Promise<{ response: string; localPort: number }> {
  const socket = await tlsClient(port);
  const localPort = socket.localPort!;
  const response = readUntilClosed(socket);
  for (const [i, part] of parts.entries()) {
    // A pause lets each part reach the server in a read of its own.
    if (i > 0) await new Promise((r) => setTimeout(r, 100));
    socket.write(part);
  }
  return { response: await response, localPort };
}

describe('tls serve answers HTTP requests', () => {
  let serve: Serve;
  beforeAll(async () => {
    serve = await startServe();
  });
  afterAll(async () => {
    await serve?.child.stop();
  });

  it('Python ssl: verifies our chain and reads the 200 (CRLF)', async () => {
    const out = await pythonRequest(
      serve.port,
      'GET / HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n',
    );
    // Python offers TLS 1.3, which the server takes by default (--versions 1.2,1.3).
    expect(out).toMatch(/^TLSv1\.3 TLS_AES_128_GCM_SHA256\n/);
    expect(out).toContain('HTTP/1.1 200 OK\r\n');
    expect(out).toContain('<h1>Hello from wirestep</h1>');
  });

  it("Python ssl: a bare-LF request (tlsfuzzer's 'GET / HTTP/1.0\\n\\n') gets its 200", async () => {
    const out = await pythonRequest(serve.port, 'GET / HTTP/1.0\n\n');
    expect(out).toContain('HTTP/1.1 200 OK\r\n');
    expect(out).toContain('<h1>Hello from wirestep</h1>');
  });

  it('openssl s_client: a bare-LF request gets its 200', async () => {
    const child = startChild(
      'openssl',
      [
        's_client',
        '-connect',
        `127.0.0.1:${serve.port}`,
        '-tls1_2',
        '-CAfile',
        ROOT_CA,
        '-servername',
        'www.example.com',
        '-verify_return_error',
        '-ign_eof',
        '-quiet',
      ],
      'GET / HTTP/1.0\n\n',
    );
    try {
      expect(await within(child.exited, 'openssl s_client')).toBe(0);
      expect(child.stdout()).toContain('HTTP/1.1 200 OK\r\n');
    } finally {
      await child.stop();
    }
  });

  it('answers a request whose header lines and empty line arrive in later records', async () => {
    const { response, localPort } = await tlsRequest(serve.port, [
      'GET /split HTTP/1.1\r\n',
      'Host: www.example.com\r\n',
      'Connection: close\r\n',
      '\r\n',
    ]);
    expect(response).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(await logLineFor(serve, localPort)).toMatch(/ GET \/split -> 200$/);
  });

  it('waits for the whole head: header fields that arrive later can still make it too large (431)', async () => {
    // A server that answered at the request line would have sent a 200 before the filler came.
    const { response, localPort } = await tlsRequest(serve.port, [
      'GET / HTTP/1.1\r\n',
      `X-Filler: ${'f'.repeat(9_000)}\r\n\r\n`,
    ]);
    expect(response).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(await logLineFor(serve, localPort)).toMatch(/ \(request head over 8192 bytes\) -> 431$/);
  });

  it('answers 431 for many header lines (Python ssl)', async () => {
    const out = await pythonRequest(
      serve.port,
      `GET / HTTP/1.1\r\n${'X-Many: header line\r\n'.repeat(1_000)}\r\n`,
    );
    expect(out).toContain('HTTP/1.1 431 Request Header Fields Too Large\r\n');
  });

  it('answers 414 to an 8 MB request line with no line end, and serves another client meanwhile', async () => {
    const socket = await tlsClient(serve.port);
    const localPort = socket.localPort!;
    const response = readUntilClosed(socket);
    socket.write(`GET /${'a'.repeat(8 * 1024 * 1024)}`);
    const other = pythonRequest(serve.port, 'GET /other HTTP/1.0\r\n\r\n');
    expect(await response).toMatch(/^HTTP\/1\.1 414 URI Too Long\r\n/);
    expect(await other).toContain('HTTP/1.1 200 OK\r\n');
    expect(await logLineFor(serve, localPort)).toMatch(/ \(request line over 8192 bytes\) -> 414$/);
    // And after it too.
    expect(await pythonRequest(serve.port, 'GET / HTTP/1.0\r\n\r\n')).toContain('200 OK');
  });

  it('answers 400 to a head whose first line is not a request', async () => {
    const { response, localPort } = await tlsRequest(serve.port, ['HELLO THERE\r\n\r\n']);
    expect(response).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(await logLineFor(serve, localPort)).toMatch(/ \(not an HTTP request\) -> 400$/);
  });

  it('gnutls-cli: a piped request that arrives with close_notify gets its 200, 12 times out of 12', async () => {
    const before = serve.child.stdout();
    for (let attempt = 1; attempt <= 12; attempt++) {
      const child = startChild(
        'gnutls-cli',
        [
          '--x509cafile',
          ROOT_CA,
          '--verify-hostname',
          'www.example.com',
          '-p',
          String(serve.port),
          '127.0.0.1',
        ],
        'GET / HTTP/1.0\r\n\r\n',
      );
      try {
        await within(child.exited, 'gnutls-cli');
        expect(child.stdout(), `attempt ${attempt}`).toContain('HTTP/1.1 200 OK');
        expect(child.stdout(), `attempt ${attempt}`).toContain('<h1>Hello from wirestep</h1>');
      } finally {
        await child.stop();
      }
    }
    const logged = (): number =>
      (
        serve.child
          .stdout()
          .slice(before.length)
          .match(/ GET \/ -> 200\n/g) ?? []
      ).length;
    await waitUntil(() => logged() >= 12, 'tls serve to log twelve 200s');
    expect(logged()).toBe(12);
  });

  it('logged one line per connection and no stack trace', () => {
    expectNoStackTrace(serve);
  });
});

/** A TCP connection from which the server's close can be observed. */
async function rawConnection(port: number): Promise<Socket> {
  const socket = netConnect({ host: '127.0.0.1', port, allowHalfOpen: true });
  await within(
    new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    }),
    `connect to 127.0.0.1:${port}`,
  );
  return socket;
}

/**
 * Resolves once the server has released the socket entirely: after its FIN, a write of ours is
 * answered with a reset (a socket merely half-closed by the server would take the bytes).
 */
function serverReleases(socket: Socket): Promise<string> {
  return within(
    new Promise<string>((resolve) => {
      socket.on('data', () => {});
      socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      socket.once('end', () => {
        const poke = setInterval(() => {
          if (socket.destroyed) clearInterval(poke);
          else socket.write('x');
        }, 50);
        socket.once('close', () => clearInterval(poke));
      });
    }),
    'the server to release the socket',
  );
}

describe('tls serve deadlines (--handshake-timeout 1 --idle-timeout 1)', () => {
  let serve: Serve;
  beforeAll(async () => {
    serve = await startServe(['--handshake-timeout', '1', '--idle-timeout', '1']);
  });
  afterAll(async () => {
    await serve?.child.stop();
  });

  it('releases a TCP client that never sends, at the handshake deadline', async () => {
    const socket = await rawConnection(serve.port);
    const localPort = socket.localPort!;
    expect(await serverReleases(socket)).toMatch(/^(ECONNRESET|EPIPE)$/);
    expect(await logLineFor(serve, localPort)).toMatch(
      /error: alert internal_error sent by the server: timed out waiting in \w+ \(handshake deadline 1000 ms\)$/,
    );
  });

  it('releases a client that drips its ClientHello a byte at a time: the deadline is for the whole handshake', async () => {
    const socket = await rawConnection(serve.port);
    const localPort = socket.localPort!;
    // The start of a TLS 1.2 ClientHello record, one byte every 100 ms, never finished.
    const hello = [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03];
    let next = 0;
    const drip = setInterval(() => {
      if (!socket.destroyed && !socket.writableEnded)
        socket.write(Buffer.from([hello[next++ % hello.length]!]));
    }, 100);
    try {
      expect(await serverReleases(socket)).toMatch(/^(ECONNRESET|EPIPE)$/);
    } finally {
      clearInterval(drip);
    }
    expect(await logLineFor(serve, localPort)).toMatch(/\(handshake deadline 1000 ms\)$/);
  });

  it('closes a connection that completes the handshake and then sends nothing with close_notify, at the idle deadline', async () => {
    const socket = await tlsClient(serve.port);
    const localPort = socket.localPort!;
    const errors: string[] = [];
    socket.on('error', (e: NodeJS.ErrnoException) => errors.push(e.code ?? e.message));
    expect(await readUntilClosed(socket)).toBe('');
    // An alert reaches node:tls as an error (ERR_SSL_TLSV1_ALERT_…); close_notify is a clean end.
    expect(errors).toEqual([]);
    expect(await logLineFor(serve, localPort)).toMatch(
      /\(no request\); close_notify at the idle deadline \(1000 ms\)$/,
    );
  });

  it('logged one line per connection and no stack trace', () => {
    expectNoStackTrace(serve);
  });
});

describe('tls serve --max-connections 2', () => {
  let serve: Serve;
  beforeAll(async () => {
    serve = await startServe(['--max-connections', '2']);
  });
  afterAll(async () => {
    await serve?.child.stop();
  });

  it('refuses a third connection with one log line and serves the two it holds', async () => {
    const first = await rawConnection(serve.port);
    const second = await rawConnection(serve.port);
    const third = await rawConnection(serve.port);
    try {
      const thirdClosed = within(
        new Promise<void>((resolve) => {
          third.on('error', () => resolve());
          third.once('end', () => resolve());
        }),
        'the server to close the third connection',
      );
      await thirdClosed;
      expect(await logLineFor(serve, third.localPort!)).toBe(
        `127.0.0.1:${third.localPort} refused: 2 connections open (--max-connections)`,
      );
      // The first connection still gets its handshake and its answer, over the same socket.
      const tls = tlsConnect({
        socket: first,
        servername: 'www.example.com',
        ca: pem('root.cert.pem'),
      });
      const response = readUntilClosed(tls);
      await within(
        new Promise<void>((resolve, reject) => {
          tls.once('secureConnect', () => resolve());
          tls.once('error', reject);
        }),
        'handshake on a held connection',
      );
      tls.write('GET /held HTTP/1.0\r\n\r\n');
      expect(await response).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(await logLineFor(serve, first.localPort!)).toMatch(/ GET \/held -> 200$/);
    } finally {
      for (const s of [first, second, third]) s.destroy();
    }
    expectNoStackTrace(serve);
  });
});

describe('tls serve stops', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s with clients connected: close_notify to the one in Traffic, the other dropped, "stopped", exit 0',
    async (signal) => {
      const port = await freePort();
      // The command in a process of its own (no npm or tsx wrapper), signalled alone.
      const child = startChild(process.execPath, [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'tls',
        'serve',
        '--port',
        String(port),
      ]);
      const sockets: Socket[] = [];
      try {
        await child.waitFor(/listening on 127\.0\.0\.1:\d+ /, 'tls serve to listen');
        const inTraffic = startChild('/usr/bin/python3', [
          '-c',
          PYTHON_WAITER,
          String(port),
          ROOT_CA,
        ]);
        const [, trafficPort] = await inTraffic.waitFor(
          /^ready (\d+)$/m,
          'the python client handshake',
        );
        const inHandshake = await rawConnection(port);
        sockets.push(inHandshake);
        const handshakePort = inHandshake.localPort!;
        const handshakeClosed = readUntilClosed(inHandshake);
        process.kill(child.process.pid!, signal);
        expect(await within(child.exited, `tls serve to exit after ${signal}`)).toBe(0);
        expect(child.stderr()).toBe('stopped\n');
        expect(await within(inTraffic.exited, 'the python client')).toBe(0);
        expect(inTraffic.stdout()).toMatch(/\nclose_notify\n$/);
        expect(await handshakeClosed).toBe('');
        expect(child.stdout()).toContain(
          `127.0.0.1:${trafficPort} TLSv1.3 TLS_AES_128_GCM_SHA256 group=x25519 resumed=no (no request)\n`,
        );
        expect(child.stdout()).toContain(
          `127.0.0.1:${handshakePort} error: transport error: the server is stopping\n`,
        );
        expect(child.stdout()).not.toMatch(/^\s+at /m);
      } finally {
        for (const s of sockets) s.destroy();
        await child.stop();
      }
    },
  );
});

describe('tls serve | head -1', () => {
  it('exits quietly, status 0, once its output is closed and it has a line to log', async () => {
    const port = await freePort();
    const child = startChild(process.execPath, [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'tls',
      'serve',
      '--port',
      String(port),
    ]);
    try {
      await child.waitFor(/listening on 127\.0\.0\.1:\d+ /, 'tls serve to listen');
      // The reader goes away, as head does after its first line.
      child.process.stdout!.destroy();
      const client = await rawConnection(port);
      client.destroy();
      expect(await within(child.exited, 'tls serve to exit')).toBe(0);
      expect(child.stderr()).toBe('');
    } finally {
      await child.stop();
    }
  });
});

describe('tls serve --cert --key refuses a key that is not the certificate’s', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wirestep-serve-keys-'));
    const write = (
      name: string,
      key: { export(o: { format: 'pem'; type: 'pkcs8' }): string | Buffer },
    ) => {
      const path = join(dir, name);
      writeFileSync(path, key.export({ format: 'pem', type: 'pkcs8' }));
      return path;
    };
    write('other-rsa.key', generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
    write('p256.key', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
    write('ed25519.key', generateKeyPairSync('ed25519').privateKey);
  });

  it.each([
    {
      what: 'an RSA key of another pair',
      cert: 'rsa.cert.pem',
      key: 'other-rsa.key',
      line: (cert: string, key: string) =>
        `error: the key in '${key}' does not match the certificate in '${cert}'`,
    },
    {
      what: 'a P-256 key of another pair',
      cert: 'ecdsa.cert.pem',
      key: 'p256.key',
      line: (cert: string, key: string) =>
        `error: the key in '${key}' does not match the certificate in '${cert}'`,
    },
    {
      what: 'an EC key for an RSA certificate',
      cert: 'rsa.cert.pem',
      key: 'p256.key',
      line: (cert: string, key: string) =>
        `error: the key in '${key}' is not an RSA private key, which the certificate in '${cert}' needs`,
    },
    {
      what: 'an Ed25519 key for an ECDSA certificate',
      cert: 'ecdsa.cert.pem',
      key: 'ed25519.key',
      line: (cert: string, key: string) =>
        `error: the key in '${key}' is not an ECDSA P-256 private key, which the certificate in '${cert}' needs`,
    },
  ])('$what: one line, nonzero exit, never listening', async ({ cert, key, line }) => {
    const certPath = pemPath(cert);
    const keyPath = join(dir, key);
    const port = await freePort();
    const { code, stdout, stderr } = await runCli([
      'tls',
      'serve',
      '--port',
      String(port),
      '--cert',
      certPath,
      '--key',
      keyPath,
    ]);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${line(certPath, keyPath)}\n`);
  });

  it('the matching pair listens (the check passes what it should)', async () => {
    const serve = await startServe([
      '--cert',
      pemPath('ecdsa.chain.pem'),
      '--key',
      pemPath('ecdsa.key.pem'),
    ]);
    try {
      const out = await pythonRequest(serve.port, 'GET / HTTP/1.0\r\n\r\n');
      // TLS 1.3 signs with the ECDSA key too (ecdsa_secp256r1_sha256).
      expect(out).toMatch(/^TLSv1\.3 TLS_AES_128_GCM_SHA256\n/);
      expect(out).toContain('HTTP/1.1 200 OK\r\n');
    } finally {
      await serve.child.stop();
    }
  });
});
