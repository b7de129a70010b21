/**
 * `tls serve --port N`: our server on 127.0.0.1. Each connection gets a handshake and an HTTP/1.1
 * 200 response to its request. Runs until stopped. Sessions and tickets persist across
 * connections, so clients can resume.
 */
import { untilStopSignal } from '../stop-signal';
import { createServer, type Socket } from 'node:net';
import { SystemRng } from '../../engine/sim/rng';
import {
  defaultServerConfig,
  type ServerConfig,
  type ServerCredential,
} from '../../engine/tls/config';
import { cipherSuiteName, namedGroupName } from '../../engine/tls/enums';
import { failureLine } from '../../engine/tls/errors';
import { leafPublicKey } from '../../engine/tls/certificates/summary';
import { ServerSessionStore } from '../../engine/tls/session';
import { demoCredentials } from '../../engine/scenarios/tls-demo-config';
import { CliError, parsePort, type Args } from '../args';
import type { Command } from '../command';
import { err, out } from '../output';
import { parseSuites } from './names';
import { checkKeyPair, readPemFile } from './pki-files';
import { serverExchange } from './https-over-socket';

const CONNECTION_TIMEOUT_MS = 30_000;

export const serveCommand: Command = {
  protocol: 'tls',
  command: 'serve',
  synopsis: '--port N [--cert PEM --key PEM] [--suites LIST]',
  spec: { positional: [], values: ['port', 'cert', 'key', 'suites'], switches: [] },
  run,
};

async function run(args: Args): Promise<number> {
  const port = parsePort(args.values.port, 'port');
  if (port === undefined) throw new CliError('--port is required', 2);
  const rng = new SystemRng();
  const config = defaultServerConfig(await credentialsFrom(args));
  config.cipherSuites = parseSuites(args.values.suites) ?? config.cipherSuites;
  config.sessions = new ServerSessionStore();
  config.ticketKey = rng.bytes(32);

  const server = createServer((socket) => {
    void serveOne(socket, config, rng).catch((e: unknown) =>
      err(`connection error: ${e instanceof Error ? e.message : String(e)}`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(new CliError(`cannot listen on 127.0.0.1:${port}: ${e.code ?? e.message}`)),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // Handlers before the "listening" line, as in dns serve: a signal may follow the line at once.
  const stopped = untilStopSignal();
  out(
    `listening on 127.0.0.1:${port} (TLS 1.2; suites ${config.cipherSuites.map(cipherSuiteName).join(', ')})`,
  );
  await stopped;
  server.close();
  return 0;
}

async function credentialsFrom(args: Args): Promise<ServerCredential[]> {
  const { cert, key } = args.values;
  if (!cert && !key) return demoCredentials();
  if (!cert || !key) throw new CliError('--cert and --key go together', 2);
  const chain = readPemFile(cert, 'certificate file', 'CERTIFICATE');
  const [privateKeyPkcs8] = readPemFile(key, 'key file', 'PRIVATE KEY');
  let leaf: ReturnType<typeof leafPublicKey>;
  try {
    leaf = leafPublicKey(chain[0]!);
  } catch (e) {
    throw new CliError(
      `cannot read the certificate in '${cert}': ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const { keyType, spki } = leaf;
  if (keyType !== 'RSA' && keyType !== 'ECDSA_P256')
    throw new CliError(
      `unsupported key in '${cert}': only RSA and ECDSA P-256 certificates are supported`,
    );
  await checkKeyPair(keyType, spki, privateKeyPkcs8!, { cert, key });
  return [{ chain, privateKeyPkcs8: privateKeyPkcs8!, keyType }];
}

async function serveOne(socket: Socket, config: ServerConfig, rng: SystemRng): Promise<void> {
  const peer = `${socket.remoteAddress}:${socket.remotePort}`;
  const { conn, request } = await serverExchange(socket, config, {
    rng,
    pageHost: 'wirestep',
    timeoutMs: CONNECTION_TIMEOUT_MS,
  });
  const n = conn.negotiated;
  if (conn.failure) {
    out(`${peer} error: ${failureLine(conn.failure, { us: 'server', peer: 'client' })}`);
    return;
  }
  // A 200 goes out only in answer to a request; a client that closes first (s_client -reconnect) got none.
  out(
    `${peer} ${cipherSuiteName(n.cipherSuite ?? 0)} group=${n.group !== undefined ? namedGroupName(n.group) : 'none'} ems=${n.extendedMasterSecret ? 'yes' : 'no'} resumed=${n.resumed ?? 'no'} ${request ? `${request.summary} -> 200` : '(no request)'}`,
  );
}
