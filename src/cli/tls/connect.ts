/**
 * `tls connect HOST:PORT`: our client against a real server over TCP, then GET <path>.
 * One line per message, the negotiated parameters and the HTTP status line.
 */
import { connect as tcpConnect } from 'node:net';
import { fromUtf8 } from '../../engine/bytes/hex';
import { concatBytes } from '../../engine/bytes/hex';
import { parseHttpHead } from '../../engine/http/http';
import { TraceRecorder, type MessageEvent } from '../../engine/trace';
import { defaultClientConfig, type ClientConfig } from '../../engine/tls/config';
import { cipherSuiteName } from '../../engine/tls/enums';
import { failureLine } from '../../engine/tls/errors';
import { ClientSessionStore } from '../../engine/tls/session';
import { suiteParams } from '../../engine/tls/suites';
import { demoTrustAnchors } from '../../engine/scenarios/tls-demo-config';
import { CliError, parseHostPort, type Args } from '../args';
import type { Command } from '../command';
import { out } from '../output';
import { appendKeyLog } from './keylog';
import { describeGroup, parseGroups, parseSuites } from './names';
import { readPemFile } from './pki-files';
import { clientExchange } from './https-over-socket';

const CONNECT_TIMEOUT_MS = 10_000;
const SESSION_TIMEOUT_MS = 15_000;

export const connectCommand: Command = {
  protocol: 'tls',
  command: 'connect',
  synopsis:
    'HOST:PORT [--servername NAME] [--cafile PEM] [--suites LIST] [--groups LIST] [--keylog FILE] [--path /] [--reconnect]',
  spec: {
    positional: ['target'],
    values: ['servername', 'cafile', 'suites', 'groups', 'keylog', 'path'],
    switches: ['reconnect'],
  },
  run,
};

async function run(args: Args): Promise<number> {
  const { host, port } = parseHostPort(args.positional.target!);
  const serverName = args.values.servername ?? host;
  const trustAnchors = args.values.cafile
    ? readPemFile(args.values.cafile, 'CA file', 'CERTIFICATE')
    : demoTrustAnchors();
  const config = defaultClientConfig(serverName, trustAnchors);
  config.cipherSuites = parseSuites(args.values.suites) ?? config.cipherSuites;
  config.groups = parseGroups(args.values.groups) ?? config.groups;
  config.sessions = new ClientSessionStore();
  const path = args.values.path ?? '/';
  if (!path.startsWith('/')) throw new CliError(`--path must start with '/', got '${path}'`, 2);

  const first = await connectOnce(host, port, config, path, args.values.keylog);
  if (!first.ok || !args.switches.has('reconnect')) return first.ok ? 0 : 1;
  out('--- reconnecting, offering the first session');
  const second = await connectOnce(host, port, config, path, args.values.keylog);
  return second.ok ? 0 : 1;
}

async function connectOnce(
  host: string,
  port: number,
  config: ClientConfig,
  path: string,
  keylog: string | undefined,
): Promise<{ ok: boolean }> {
  const socket = tcpConnect({ host, port });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new CliError(`timed out connecting to ${host}:${port}`)),
      CONNECT_TIMEOUT_MS,
    );
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new CliError(`cannot connect to ${host}:${port}: ${e.code ?? e.message}`));
    });
  });

  const trace = new TraceRecorder();
  let printed = 0;
  const printNewMessages = (): void => {
    for (; printed < trace.events.length; printed++) {
      const e = trace.events[printed]!;
      if (e.kind === 'message') out(messageLine(e));
    }
  };
  const { conn } = await clientExchange(socket, config, {
    path,
    timeoutMs: SESSION_TIMEOUT_MS,
    trace,
    afterInput: printNewMessages,
  });
  printNewMessages();

  const n = conn.negotiated;
  if (n.clientRandom && keylog) appendKeyLog(keylog, n.clientRandom, n.masterSecret);
  if (conn.failure) {
    out(`error: ${failureLine(conn.failure, { us: 'client', peer: 'server' })}`);
    return { ok: false };
  }
  const response = concatBytes(...conn.received);
  const head = parseHttpHead(response);
  const openssl = n.cipherSuite === undefined ? undefined : suiteParams(n.cipherSuite)?.openssl;
  out(`suite: ${cipherSuiteName(n.cipherSuite ?? 0)}${openssl ? ` (${openssl})` : ''}`);
  out(`group: ${n.resumed ? 'none (resumed session)' : describeGroup(n.group)}`);
  out(`extended master secret: ${n.extendedMasterSecret ? 'yes' : 'no'}`);
  out(
    `resumed: ${n.resumed ? `yes (${n.resumed === 'session_ticket' ? 'session ticket' : 'session ID'})` : 'no'}`,
  );
  if (!head) {
    out(
      `error: no HTTP response (${response.length} bytes of application data: ${JSON.stringify(fromUtf8(response.subarray(0, 40)))})`,
    );
    return { ok: false };
  }
  out(head.startLine);
  return { ok: true };
}

function messageLine(e: MessageEvent): string {
  const arrow = e.from === 'Client' ? '→' : '←';
  return `${arrow} ${e.name.padEnd(34)} ${String(e.bytes.length).padStart(5)} bytes${e.encrypted ? '  (encrypted)' : ''}`;
}
