/**
 * Real peers for the TLS acceptance tests, all on 127.0.0.1: our engine's client and server over
 * node:net sockets (through the CLI's socket pump), node:tls servers and clients, and helpers to
 * start `openssl` and the Wirestep CLI as child processes and always stop them.
 *
 * Every wait here is bounded: a peer that hangs fails the test with a message, never stalls it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createServer as createNetServer,
  connect as netConnect,
  type AddressInfo,
  type Server as NetServer,
  type Socket,
} from 'node:net';
import { join } from 'node:path';
import {
  connect as tlsConnect,
  type ConnectionOptions,
  type EphemeralKeyInfo,
  type CipherNameAndProtocol,
} from 'node:tls';
import { clientExchange, serverExchange } from '../../../src/cli/tls/https-over-socket';
import { concatBytes, fromUtf8, utf8 } from '../../../src/engine/bytes/hex';
import { SystemRng } from '../../../src/engine/sim/rng';
import { TraceRecorder } from '../../../src/engine/trace';
import type { ClientState } from '../../../src/engine/tls/client/states';
import type { ClientConfig, ServerConfig } from '../../../src/engine/tls/config';
import { TlsConnection } from '../../../src/engine/tls/connection';
import type { ServerState } from '../../../src/engine/tls/server/states';

/** Bound on any single connection or child process in these tests. */
export const PEER_TIMEOUT_MS = 15_000;

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
export const PEM_DIR = join(REPO_ROOT, 'src', 'engine', 'tls', 'pki', 'pem');

/** A file of the demo PKI, e.g. pemPath('rsa.chain.pem'). */
export function pemPath(name: string): string {
  return join(PEM_DIR, name);
}

export function pem(name: string): string {
  return readFileSync(pemPath(name), 'utf8');
}

/** The body every node:tls server in these tests answers with; the client must receive it whole. */
export const NODE_BODY = '<!doctype html><p>node:tls says hello</p>\n';

/** Rejects with `what` if `p` has not settled within `ms`. */
export function within<T>(p: Promise<T>, what: string, ms = PEER_TIMEOUT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** Polls `condition` until it holds; throws naming `what` after `ms`. */
export async function waitUntil(
  condition: () => boolean,
  what: string,
  ms = PEER_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Listens on an OS-chosen loopback port and returns it. */
export async function listenOnFreePort(server: NetServer): Promise<number> {
  await within(
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    }),
    'listen on 127.0.0.1:0',
  );
  return (server.address() as AddressInfo).port;
}

/** Stops accepting and drops any connection still open. */
export async function closeServer(server: NetServer): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  (server as NetServer & { closeAllConnections?: () => void }).closeAllConnections?.();
  await within(closed, 'close server');
}

/**
 * A port that was free a moment ago, for peers that cannot listen on port 0 and report the port
 * (`tls serve --port N` accepts 1 to 65535 only): the OS picks it, we release it and pass it on.
 */
export async function freePort(): Promise<number> {
  const probe = createNetServer();
  const port = await listenOnFreePort(probe);
  await closeServer(probe);
  return port;
}

// ---------------------------------------------------------------------------------------------
// Our client over a real socket

export interface OurClientRun {
  conn: TlsConnection<ClientState>;
  trace: TraceRecorder;
  /** The application data received, as text. */
  response: string;
}

/**
 * Our client (TlsConnection + clientMachine) against host:port through the CLI's socket pump:
 * the handshake, GET /, and close_notify once the whole response (by Content-Length) is in.
 */
export async function runOurClient(
  port: number,
  config: ClientConfig,
  host = '127.0.0.1',
): Promise<OurClientRun> {
  const socket = netConnect({ host, port });
  await within(
    new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    }),
    `connect to ${host}:${port}`,
  );
  const { conn, trace } = await within(
    clientExchange(socket, config, { path: '/', timeoutMs: PEER_TIMEOUT_MS }),
    'our client session',
    PEER_TIMEOUT_MS + 2_000,
  );
  socket.destroy();
  return { conn, trace, response: fromUtf8(concatBytes(...conn.received)) };
}

// ---------------------------------------------------------------------------------------------
// Our server over real sockets

export interface OurServerRun {
  conn: TlsConnection<ServerState>;
  /** The request line the client sent, if one arrived. */
  request?: string;
}

export interface OurServer {
  port: number;
  /** What our server saw on the connection whose client side used `clientPort`. */
  resultFor(clientPort: number): Promise<OurServerRun>;
  close(): Promise<void>;
}

/**
 * Our server (TlsConnection + serverMachine) on 127.0.0.1: each connection gets the handshake and a
 * 200 for its request, then close_notify. Sessions and tickets live in `config` across connections.
 */
export async function startOurServer(config: ServerConfig): Promise<OurServer> {
  const rng = new SystemRng();
  const results = new Map<number, Promise<OurServerRun>>();
  // allowHalfOpen, as in tls serve: a client's FIN must not end our side before we answer.
  const server = createNetServer({ allowHalfOpen: true }, (socket: Socket) => {
    results.set(socket.remotePort!, serveOne(socket, config, rng));
  });
  const port = await listenOnFreePort(server);
  return {
    port,
    async resultFor(clientPort) {
      // The connection event may come a moment after the client sees its handshake finish.
      await waitUntil(
        () => results.has(clientPort),
        `our server to see a connection from port ${clientPort}`,
      );
      return within(results.get(clientPort)!, `our server's connection from port ${clientPort}`);
    },
    close: () => closeServer(server),
  };
}

async function serveOne(
  socket: Socket,
  config: ServerConfig,
  rng: SystemRng,
): Promise<OurServerRun> {
  const { conn, request } = await serverExchange(socket, config, {
    rng,
    pageHost: 'www.example.com',
    timeoutMs: PEER_TIMEOUT_MS,
  });
  return { conn, ...(request ? { request: request.startLine } : {}) };
}

// ---------------------------------------------------------------------------------------------
// node:tls as the peer

/** The listener a node:tls server in these tests uses: read a request head, answer 200, end. */
export function answerHttp(socket: Socket): void {
  let got = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    got += chunk;
    if (!got.includes('\r\n\r\n')) return;
    socket.end(
      `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${utf8(NODE_BODY).length}\r\nConnection: close\r\n\r\n${NODE_BODY}`,
    );
  });
  socket.on('error', () => socket.destroy());
}

export interface NodeClientRun {
  cipher: CipherNameAndProtocol;
  ephemeral: EphemeralKeyInfo | object | null;
  reused: boolean;
  /** The TLS 1.2 session, for resumption, if the client got one. */
  session?: Buffer;
  /** The local port, to find our server's view of this connection. */
  localPort: number;
  response: string;
}

/** A node:tls client: connects, sends GET /, reads until the server closes. */
export async function runNodeClient(
  port: number,
  options: ConnectionOptions,
): Promise<NodeClientRun> {
  const socket = tlsConnect({ host: '127.0.0.1', port, ...options });
  try {
    let session: Buffer | undefined;
    // In TLS 1.2 the session (with its ticket, if any) is known once the handshake is done.
    socket.on('session', (s: Buffer) => (session = s));
    await within(
      new Promise<void>((resolve, reject) => {
        socket.once('secureConnect', () => resolve());
        socket.once('error', reject);
      }),
      'node:tls client handshake',
    );
    const facts = {
      cipher: socket.getCipher(),
      ephemeral: socket.getEphemeralKeyInfo(),
      reused: socket.isSessionReused(),
      localPort: socket.localPort!,
    };
    const response = await within(
      new Promise<string>((resolve, reject) => {
        let text = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => (text += chunk));
        socket.once('end', () => resolve(text));
        socket.once('error', reject);
        socket.write('GET / HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n');
      }),
      'node:tls client response',
    );
    return { ...facts, ...(session ? { session } : {}), response };
  } finally {
    socket.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// Child processes: openssl and the Wirestep CLI

export interface Child {
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  exited: Promise<number | string>;
  /** Resolves once `pattern` appears on stdout or stderr; rejects at the timeout or on exit. */
  waitFor(pattern: RegExp, what: string): Promise<RegExpExecArray>;
  /** Stops the process and everything it started (its process group), and waits for it. */
  stop(): Promise<void>;
}

/**
 * Spawns `command args…` in its own process group (so `npm run` and the node it starts are
 * stopped together), collecting its output.
 */
export function startChild(command: string, args: readonly string[], input?: string): Child {
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  child.stdin!.on('error', () => {});
  if (input !== undefined) child.stdin!.end(input);
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await within(exited, `${command} to exit after SIGTERM`, 5_000).catch(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Already gone.
        }
      });
    }
  };
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(pattern, what) {
      return within(
        new Promise<RegExpExecArray>((resolve, reject) => {
          const check = (): boolean => {
            const m = pattern.exec(out) ?? pattern.exec(err);
            if (m) resolve(m);
            return m !== null;
          };
          if (check()) return;
          const onData = (): void => {
            if (check()) cleanup();
          };
          const onExit = (): void => {
            if (!check()) reject(new Error(`${command} exited before ${what}:\n${out}\n${err}`));
            cleanup();
          };
          const cleanup = (): void => {
            child.stdout!.off('data', onData);
            child.stderr!.off('data', onData);
            child.off('exit', onExit);
          };
          child.stdout!.on('data', onData);
          child.stderr!.on('data', onData);
          child.once('exit', onExit);
        }),
        what,
      );
    },
    stop,
  };
}

/** The Wirestep CLI as users run it: `npm run --silent cli -- ARGS`. */
export function startCli(args: readonly string[]): Child {
  return startChild('npm', ['run', '--silent', 'cli', '--', ...args]);
}

/** Runs the CLI to completion and returns its exit code and output. */
export async function runCli(
  args: readonly string[],
): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const child = startCli(args);
  try {
    const code = await within(child.exited, `cli ${args.join(' ')}`, 30_000);
    return { code, stdout: child.stdout(), stderr: child.stderr() };
  } finally {
    await child.stop();
  }
}
