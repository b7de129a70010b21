/**
 * Real TLS servers for the interop tests, each started on loopback with the demo PKI's RSA
 * certificate and stopped after: gnutls-serv, openssl s_server, nginx and a Python ssl server.
 * Each answers GET / with a 200 whose body says what the server made of the client's certificate,
 * so a test can see that the server, not only our client, went on without one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as netConnect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, pemPath, startChild, waitUntil, within, type Child } from './peers';
import { writeNginxConf } from './nginx-conf';

export interface RealServer {
  child: Child;
  host: string;
  port: number;
  stop(): Promise<void>;
}

const CHAIN = pemPath('rsa.chain.pem');
const KEY = pemPath('rsa.key.pem');
const ROOT = pemPath('root.cert.pem');

async function started(
  child: Child,
  host: string,
  port: number,
  ready: () => Promise<unknown>,
  cleanup?: () => void,
): Promise<RealServer> {
  const stop = async (): Promise<void> => {
    await child.stop();
    cleanup?.();
  };
  try {
    await ready();
  } catch (e) {
    await stop();
    throw e;
  }
  return { child, host, port, stop };
}

/**
 * `gnutls-serv --http` with the RSA chain. With no flag it asks for a client certificate and goes
 * on without one; `--disable-client-cert` (-a) does not ask. gnutls-serv has no option to choose
 * its address, so it listens on every interface; the tests reach it on 127.0.0.1 only.
 */
export async function startGnutlsServ(args: readonly string[] = []): Promise<RealServer> {
  const port = await freePort();
  const child = startChild('gnutls-serv', [
    '--http',
    '--port',
    String(port),
    '--x509certfile',
    CHAIN,
    '--x509keyfile',
    KEY,
    ...args,
  ]);
  return started(child, '127.0.0.1', port, () =>
    child.waitFor(new RegExp(`listening on IPv4 .* port ${port}\\.\\.\\.done`), 'gnutls-serv'),
  );
}

/** `openssl s_server -www -tls1_2` with the RSA chain on an OS-chosen loopback port. */
export async function startOpensslServer(args: readonly string[]): Promise<RealServer> {
  const child = startChild('openssl', [
    's_server',
    '-accept',
    '127.0.0.1:0',
    '-tls1_2',
    '-www',
    '-cert',
    pemPath('rsa.cert.pem'),
    '-key',
    KEY,
    '-cert_chain',
    pemPath('intermediate.cert.pem'),
    ...args,
  ]);
  let port = 0;
  return started(child, '127.0.0.1', 0, async () => {
    const [, found] = await child.waitFor(/ACCEPT 127\.0\.0\.1:(\d+)/, 'openssl s_server');
    port = Number(found);
  }).then((s) => ({ ...s, port }));
}

/** A port free on `host` (any 127.0.0.0/8 address) a moment ago. */
async function freePortOn(host: string): Promise<number> {
  const probe: Server = createServer();
  await within(
    new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(0, host, () => resolve());
    }),
    `listen on ${host}:0`,
  );
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Resolves once something accepts TCP connections on host:port. */
async function accepting(host: string, port: number, what: string): Promise<void> {
  let up = false;
  let trying = false;
  await waitUntil(() => {
    if (!up && !trying) {
      trying = true;
      const socket = netConnect({ host, port });
      socket.once('connect', () => {
        up = true;
        socket.destroy();
      });
      socket.once('error', () => {
        trying = false;
        socket.destroy();
      });
    }
    return up;
  }, what);
}

/**
 * nginx with `ssl_verify_client optional` (or `off`), from a config and prefix in a temporary
 * directory, on a free port of a 127.0.0.x address other than 127.0.0.1. It runs in the
 * foreground as one process (no master, no workers) so that stopping it stops everything.
 */
export async function startNginx(verifyClient: 'optional' | 'off'): Promise<RealServer> {
  const dir = mkdtempSync(join(tmpdir(), 'wirestep-nginx-'));
  const host = `127.0.0.${2 + Math.floor(Math.random() * 250)}`;
  const port = await freePortOn(host);
  const clientAuth =
    verifyClient === 'optional'
      ? `ssl_verify_client optional;\n      ssl_client_certificate ${ROOT};`
      : 'ssl_verify_client off;';
  const conf = writeNginxConf(dir, {
    listen: `${host}:${port}`,
    chain: CHAIN,
    key: KEY,
    directives: `ssl_protocols TLSv1.2;\n    ${clientAuth}`,
    location:
      'default_type text/plain; return 200 "nginx: ssl_client_verify=$ssl_client_verify $ssl_protocol\\n";',
  });
  const child = startChild('nginx', ['-p', dir, '-c', conf]);
  return started(
    child,
    host,
    port,
    () => accepting(host, port, `nginx on ${host}:${port}`),
    () => rmSync(dir, { recursive: true, force: true }),
  );
}

/**
 * A Python ssl server (Debian's /usr/bin/python3) with http.server: `optional` asks for a client
 * certificate (ssl.CERT_OPTIONAL, trusting the demo root), `none` does not (ssl.CERT_NONE).
 */
export async function startPythonServer(verify: 'optional' | 'none'): Promise<RealServer> {
  const script = `
import http.server, ssl, sys
chain, key, root, mode = sys.argv[1:5]
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(chain, key)
if mode == 'optional':
    context.load_verify_locations(root)
    context.verify_mode = ssl.CERT_OPTIONAL

class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = ('python: peercert=%r %s\\n' % (self.connection.getpeercert(), self.connection.version())).encode()
        self.send_response(200)
        self.send_header('Content-Type', 'text/plain')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass

server = http.server.HTTPServer(('127.0.0.1', 0), Handler)
server.socket = context.wrap_socket(server.socket, server_side=True)
print('listening on port %d' % server.server_address[1], flush=True)
server.serve_forever()
`;
  const child = startChild('/usr/bin/python3', ['-c', script, CHAIN, KEY, ROOT, verify]);
  let port = 0;
  return started(child, '127.0.0.1', 0, async () => {
    const [, found] = await child.waitFor(/listening on port (\d+)/, 'python ssl server');
    port = Number(found);
  }).then((s) => ({ ...s, port }));
}
