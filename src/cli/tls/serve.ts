/**
 * `tls serve --port N`: our server on 127.0.0.1. Each connection gets a handshake and an HTTP/1.1
 * 200 response to its request. Runs until SIGINT or SIGTERM, then closes its connections and
 * says 'stopped'. Sessions and tickets persist across connections, so clients can resume; the
 * session cache, the connections and their deadlines are bounded, each bound with its flag.
 */
import { untilStopSignal } from '../stop-signal';
import { setMaxListeners } from 'node:events';
import { appendFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { MAX_REQUEST_HEAD, type HttpHead } from '../../engine/http/http';
import { SystemRng } from '../../engine/sim/rng';
import {
  defaultServerConfig,
  type ServerConfig,
  type ServerCredential,
} from '../../engine/tls/config';
import {
  ProtocolVersion,
  cipherSuiteName,
  namedGroupName,
  type CipherSuite,
} from '../../engine/tls/enums';
import { TLS13_SUITES } from '../../engine/tls/tls13/key-schedule';
import { serverTls13Suites } from '../../engine/tls/tls13/server/handshake';
import type { TlsError } from '../../engine/tls/errors';
import { format, translate } from '../../i18n/format';
import { failureLine } from '../../i18n/tls-failure';
import { TLS_TEXT_EN } from '../../i18n/tls.en';
import { leafPublicKey } from '../../engine/tls/certificates/summary';
import { ServerSessionStore } from '../../engine/tls/session';
import { negotiatedKeyLog } from '../../engine/tls/keylog';
import { demoCredentials } from '../../engine/scenarios/tls-demo-config';
import { CliError, parsePort, type Args } from '../args';
import type { Command } from '../command';
import { err, out } from '../output';
import { parseSuites } from './names';
import { checkKeyPair, readPemFile } from './pki-files';
import { serverExchange } from './https-over-socket';
import type { PumpDeadlines } from './socket-session';

/**
 * The handshake must be done within this long of the connection's accept, however the bytes
 * trickle in: nginx's ssl_handshake_timeout default (60s).
 */
const HANDSHAKE_TIMEOUT_MS = 60_000;
/** After the handshake, the request head's bytes may pause this long: nginx's client_header_timeout (60s). */
const IDLE_TIMEOUT_MS = 60_000;
/**
 * Connections open at once, lingering ones included; the next is refused with one log line:
 * nginx's worker_connections default (512), which nginx likewise refuses past.
 */
const MAX_CONNECTIONS = 512;
/** On SIGINT/SIGTERM, how long open connections get to take their close_notify before they are dropped. */
const STOP_GRACE_MS = 1_000;

export const serveCommand: Command = {
  protocol: 'tls',
  command: 'serve',
  synopsis:
    '--port N [--cert PEM --key PEM] [--versions 1.2|1.3|1.2,1.3] [--suites LIST] [--keylog FILE] [--handshake-timeout S] [--idle-timeout S] [--max-connections N]',
  spec: {
    positional: [],
    values: [
      'port',
      'cert',
      'key',
      'suites',
      'versions',
      'keylog',
      'handshake-timeout',
      'idle-timeout',
      'max-connections',
    ],
    switches: [],
  },
  run,
};

async function run(args: Args): Promise<number> {
  const port = parsePort(args.values.port, 'port');
  if (port === undefined) throw new CliError('--port is required', 2);
  const deadlines: PumpDeadlines = {
    handshakeMs:
      parseSeconds(args.values['handshake-timeout'], 'handshake-timeout') ?? HANDSHAKE_TIMEOUT_MS,
    idleMs: parseSeconds(args.values['idle-timeout'], 'idle-timeout') ?? IDLE_TIMEOUT_MS,
  };
  const maxConnections =
    parseCount(args.values['max-connections'], 'max-connections') ?? MAX_CONNECTIONS;
  const rng = new SystemRng();
  const config = defaultServerConfig(await credentialsFrom(args));
  config.versions = parseVersions(args.values.versions) ?? config.versions;
  const suites = splitSuites(args.values.suites);
  if (suites) {
    config.cipherSuites = suites.tls12;
    config.tls13CipherSuites = suites.tls13;
    if (config.versions.includes('1.2') && suites.tls12.length === 0)
      config.versions = config.versions.filter((v) => v !== '1.2');
    if (config.versions.includes('1.3') && suites.tls13.length === 0)
      config.versions = config.versions.filter((v) => v !== '1.3');
    if (config.versions.length === 0)
      throw new CliError('--suites names no suite of the versions in --versions', 2);
  }
  config.sessions = new ServerSessionStore();
  config.ticketKey = rng.bytes(32);
  const keylog = args.values.keylog;
  // Fail at start, not at the first connection, when the key log cannot be written.
  if (keylog !== undefined) appendKeyLogFile(keylog, '');

  const sockets = new Set<Socket>();
  const stopping = new AbortController();
  // One listener per open connection: as many as --max-connections, not a leak.
  setMaxListeners(0, stopping.signal);
  // allowHalfOpen: a client's FIN must not end our side before its request is answered.
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    // A client that reset before the accept was handled has no address left to show.
    const peer = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    socket.on('error', () => {});
    if (sockets.size >= maxConnections) {
      out(`${peer} refused: ${maxConnections} connections open (--max-connections)`);
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    void serveOne(socket, peer, config, rng, deadlines, stopping.signal, keylog).catch(
      (e: unknown) => out(`${peer} error: ${e instanceof Error ? e.message : String(e)}`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(new CliError(`cannot listen on 127.0.0.1:${port}: ${e.code ?? e.message}`)),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // Out of file descriptors (EMFILE) and the like: node keeps listening; say so once per error.
  server.on('error', (e: NodeJS.ErrnoException) => out(`accept error: ${e.code ?? e.message}`));
  // Handlers before the "listening" line, as in dns serve: a signal may follow the line at once.
  const stopped = untilStopSignal();
  out(`listening on 127.0.0.1:${port} (${listeningSummary(config)})`);
  await stopped;
  server.close();
  stopping.abort();
  await allClosed(sockets, STOP_GRACE_MS);
  for (const socket of sockets) socket.destroy();
  err('stopped');
  return 0;
}

/** `--versions 1.2`, `1.3` or `1.2,1.3` (RFC 8446, Section 4.2.1). */
function parseVersions(text: string | undefined): ('1.2' | '1.3')[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(/[,\s]+/).filter(Boolean);
  const versions: ('1.2' | '1.3')[] = [];
  for (const item of items) {
    const v = item.replace(/^(tlsv?)/i, '');
    if (v !== '1.2' && v !== '1.3')
      throw new CliError(`--versions takes 1.2, 1.3 or 1.2,1.3, got '${text}'`, 2);
    if (!versions.includes(v)) versions.push(v);
  }
  if (versions.length === 0) throw new CliError('--versions needs 1.2, 1.3 or both', 2);
  return versions;
}

/**
 * `--suites`: TLS 1.2 suites by IANA name, OpenSSL name or hex code, and the TLS 1.3 suites by
 * IANA name or code (RFC 8446, Appendix B.4), split by version.
 */
function splitSuites(
  text: string | undefined,
): { tls12: CipherSuite[]; tls13: number[] } | undefined {
  if (text === undefined) return undefined;
  const tls12: string[] = [];
  const tls13: number[] = [];
  for (const item of text.split(/[,:\s]+/).filter(Boolean)) {
    const code = /^0x[0-9a-f]{1,4}$/i.test(item) ? parseInt(item, 16) : undefined;
    const suite = TLS13_SUITES.find((s) => s.name === item.toUpperCase() || s.id === code);
    if (suite) tls13.push(suite.id);
    else tls12.push(item);
  }
  return { tls12: tls12.length > 0 ? parseSuites(tls12.join(','))! : [], tls13 };
}

function listeningSummary(config: ServerConfig): string {
  const parts: string[] = [];
  if (config.versions.includes('1.3'))
    parts.push(
      `TLS 1.3; suites ${serverTls13Suites(config)
        .map((s) => s.name)
        .join(', ')}`,
    );
  if (config.versions.includes('1.2'))
    parts.push(`TLS 1.2; suites ${config.cipherSuites.map(cipherSuiteName).join(', ')}`);
  return parts.join('; ');
}

/** Resolves once every socket in `sockets` has closed, or after `ms`. */
function allClosed(sockets: ReadonlySet<Socket>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const check = (): void => {
      if (sockets.size > 0) return;
      clearTimeout(timer);
      resolve();
    };
    for (const socket of sockets) socket.once('close', () => setImmediate(check));
    check();
  });
}

/** A duration flag in seconds (decimals allowed), as milliseconds. */
function parseSeconds(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (text.trim() === '' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 86_400)
    throw new CliError(
      `--${name} must be a number of seconds above 0, at most 86400, got '${text}'`,
      2,
    );
  return Math.ceil(seconds * 1000);
}

function parseCount(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 1_000_000)
    throw new CliError(`--${name} must be a whole number from 1 to 1000000, got '${text}'`, 2);
  return n;
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
  if (keyType === 'other')
    throw new CliError(
      `unsupported key in '${cert}': only RSA and ECDSA P-256, P-384 and P-521 certificates are supported`,
    );
  await checkKeyPair(keyType, spki, privateKeyPkcs8!, { cert, key });
  return [{ chain, privateKeyPkcs8: privateKeyPkcs8!, keyType }];
}

async function serveOne(
  socket: Socket,
  peer: string,
  config: ServerConfig,
  rng: SystemRng,
  deadlines: PumpDeadlines,
  signal: AbortSignal,
  keylog: string | undefined,
): Promise<void> {
  const { conn, request, status, handshakeDone, renegotiationsRefused, idleClosed } =
    await serverExchange(socket, config, {
      rng,
      pageHost: 'wirestep',
      timeoutMs: deadlines,
      signal,
    });
  const n = conn.negotiated;
  // The NSS key log lines (CLIENT_RANDOM for TLS 1.2, the traffic secrets for TLS 1.3), for
  // Wireshark; a failed handshake logs what secrets it got, which is what one debugs it with.
  if (keylog !== undefined) appendKeyLogFile(keylog, negotiatedKeyLog(n));
  const notes =
    refusalNote(renegotiationsRefused) +
    (idleClosed ? `; close_notify at the idle deadline (${deadlines.idleMs} ms)` : '');
  if (conn.failure) {
    out(`${peer} error: ${failureAfter(conn.failure, handshakeDone)}${notes}`);
    return;
  }
  // A 200 goes out only in answer to a request; a client that closes first (s_client -reconnect) got none.
  if (n.version === ProtocolVersion.TLS13) {
    out(
      `${peer} TLSv1.3 ${cipherSuiteName(n.cipherSuite ?? 0)} group=${n.group !== undefined ? namedGroupName(n.group) : 'none'} resumed=${n.resumedPsk ? 'psk' : 'no'} ${answerSummary(request, status)}${notes}`,
    );
    return;
  }
  out(
    `${peer} ${cipherSuiteName(n.cipherSuite ?? 0)} group=${n.group !== undefined ? namedGroupName(n.group) : 'none'} ems=${n.extendedMasterSecret ? 'yes' : 'no'} resumed=${n.resumed ?? 'no'} ${answerSummary(request, status)}${notes}`,
  );
}

function appendKeyLogFile(file: string, lines: string): void {
  try {
    appendFileSync(file, lines);
  } catch (e) {
    throw new CliError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
}

/**
 * The failure line. A hint for a received alert says what the client made of our offer, which is
 * only true of an alert during the handshake: after it (a client that gave up on a renegotiation
 * we refused, say) the alert is reported as it came.
 */
function failureAfter(failure: TlsError, handshakeDone: boolean): string {
  if (!handshakeDone || failure.fault !== 'alert_received')
    return failureLine(failure, { us: 'server', peer: 'client' });
  const received = translate(TLS_TEXT_EN, 'tls.failure.received', {
    alert: failure.params.description,
    peer: translate(TLS_TEXT_EN, 'tls.side.client'),
  });
  return `${received} after the handshake`;
}

function refusalNote(count: number): string {
  if (count === 0) return '';
  return format(
    '; renegotiation refused ({count#one:# no_renegotiation warning|other:# no_renegotiation warnings} sent)',
    { count },
  );
}

function answerSummary(request: HttpHead | undefined, status: number | undefined): string {
  if (status === undefined) return '(no request)';
  if (request) return `${request.summary} -> ${status}`;
  const what =
    status === 414
      ? `request line over ${MAX_REQUEST_HEAD} bytes`
      : status === 431
        ? `request head over ${MAX_REQUEST_HEAD} bytes`
        : 'not an HTTP request';
  return `(${what}) -> ${status}`;
}
