/**
 * `tls connect HOST:PORT`: our client against a real server over TCP, then GET <path>.
 * One line per message, the negotiated parameters and the HTTP status line.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { realTraceFile, traceToJson } from '../../engine/scenarios/trace-json';
import { PcapWriter } from '../../engine/sim/pcap';
import { fromUtf8 } from '../../engine/bytes/hex';
import { concatBytes } from '../../engine/bytes/hex';
import { parseHttpHead } from '../../engine/http/http';
import { TraceRecorder, type MessageEvent, type TraceEvent } from '../../engine/trace';
import { defaultClientConfig, type ClientConfig } from '../../engine/tls/config';
import { ProtocolVersion, cipherSuiteName, signatureSchemeName } from '../../engine/tls/enums';
import { negotiatedKeyLog } from '../../engine/tls/keylog';
import type { Negotiated } from '../../engine/tls/context';
import { tls13Suite } from '../../engine/tls/tls13/key-schedule';
import { Tls13TicketStore } from '../../engine/tls/tls13/client/tickets';
import type { TlsError } from '../../engine/tls/errors';
import { translate } from '../../i18n/format';
import { failureLine } from '../../i18n/tls-failure';
import { TLS_TEXT_EN } from '../../i18n/tls.en';
import { ClientSessionStore } from '../../engine/tls/session';
import { suiteParams } from '../../engine/tls/suites';
import { demoTrustAnchors } from '../../engine/scenarios/tls-demo-config';
import { CliError, parseHostPort, type Args } from '../args';
import type { Command } from '../command';
import { out } from '../output';
import { appendKeyLog } from './keylog';
import { describeGroup, parseGroups, parseSuites, parseVersions } from './names';
import { readPemFile } from './pki-files';
import { CaptureError, SocketCapture } from './capture';
import { clientExchange } from './https-over-socket';

/**
 * The alerts with which servers refuse a handshake that lacks the client certificate they
 * require: handshake_failure (OpenSSL, RFC 5246, Section 7.4.6), decode_error (GnuTLS 3.7),
 * bad_certificate, access_denied, and certificate_required (RFC 8446, Section 6.2).
 */
const REFUSED_WITHOUT_CERTIFICATE: ReadonlySet<string> = new Set([
  'handshake_failure',
  'decode_error',
  'bad_certificate',
  'access_denied',
  'certificate_required',
]);

/** The client answered a CertificateRequest with an empty Certificate (RFC 5246, 7.4.6). */
function sentEmptyCertificate(events: readonly TraceEvent[]): boolean {
  return events.some(
    (e) => e.kind === 'message' && e.from === 'Client' && e.name === 'Certificate (empty)',
  );
}

/**
 * The one error line. A server alert that answers our empty Certificate is explained by it: the
 * server had asked for a client certificate, and this client has none.
 */
export function connectFailureLine(failure: TlsError, events: readonly TraceEvent[]): string {
  if (failure.fault === 'alert_received') {
    const alert = failure.params.description;
    if (sentEmptyCertificate(events) && REFUSED_WITHOUT_CERTIFICATE.has(alert))
      return translate(TLS_TEXT_EN, 'tls.failure.received_no_client_certificate', { alert });
  }
  return failureLine(failure, { us: 'client', peer: 'server' });
}

const CONNECT_TIMEOUT_MS = 10_000;
const SESSION_TIMEOUT_MS = 15_000;

export const connectCommand: Command = {
  protocol: 'tls',
  command: 'connect',
  synopsis:
    'HOST:PORT [--servername NAME] [--cafile PEM] [--versions 1.2,1.3] [--suites LIST] [--groups LIST] [--keylog FILE] [--path /] [--reconnect] [--key-update] [--trace FILE] [--pcap FILE --keylog FILE]',
  spec: {
    positional: ['target'],
    values: [
      'servername',
      'cafile',
      'versions',
      'suites',
      'groups',
      'keylog',
      'path',
      'trace',
      'pcap',
    ],
    switches: ['reconnect', 'key-update'],
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
  config.versions = parseVersions(args.values.versions) ?? config.versions;
  const suites = parseSuites(args.values.suites);
  if (suites) {
    // --suites names suites of both versions; each version offers its own (RFC 8446, B.4).
    config.cipherSuites = suites.filter((s) => tls13Suite(s) === undefined);
    config.tls13CipherSuites = suites.filter((s) => tls13Suite(s) !== undefined);
    if (config.cipherSuites.length === 0)
      config.versions = config.versions.filter((v) => v !== '1.2');
    if (config.tls13CipherSuites.length === 0)
      config.versions = config.versions.filter((v) => v !== '1.3');
    if (config.versions.length === 0)
      throw new CliError('--suites names no suite of the versions in --versions', 2);
  }
  config.groups = parseGroups(args.values.groups) ?? config.groups;
  config.sessions = new ClientSessionStore();
  config.tls13Tickets = new Tls13TicketStore();
  const path = args.values.path ?? '/';
  if (!path.startsWith('/')) throw new CliError(`--path must start with '/', got '${path}'`, 2);

  const { trace: traceFile, pcap, keylog } = args.values;
  if (pcap !== undefined && keylog === undefined)
    throw new CliError('--pcap needs --keylog: without the keys the capture cannot be read', 2);

  // One recorder and one capture for every connection of the run (--reconnect makes two).
  const record: Recording = { trace: new TraceRecorder(), captures: [] };
  const once: Once = {
    path,
    keylog,
    record,
    capturing: pcap !== undefined,
    keyUpdate: args.switches.has('key-update'),
  };
  const first = await connectOnce(host, port, config, once);
  let ok = first.ok;
  if (first.ok && args.switches.has('reconnect')) {
    out('--- reconnecting, offering the first session');
    ok = (await connectOnce(host, port, config, once)).ok;
  }
  const messages = record.trace.events.filter((e) => e.kind === 'message').length;
  if (traceFile !== undefined && messages === 0) out(`no messages: ${traceFile} not written`);
  if (traceFile !== undefined && messages > 0) {
    const label = `tls connect ${args.positional.target!}`;
    const file = realTraceFile({ kind: 'tls', serverName }, label, record.trace.toTrace());
    writeOut(traceFile, traceToJson(file));
    out(`wrote ${traceFile}`);
  }
  if (pcap !== undefined) {
    const writer = new PcapWriter();
    for (const c of record.captures) c.writeTo(writer);
    writeOut(pcap, writer.toBytes());
    out(`wrote ${writer.count} frames to ${pcap} and the keys to ${keylog!}`);
  }
  return ok ? 0 : 1;
}

interface Recording {
  trace: TraceRecorder;
  captures: SocketCapture[];
}

function writeOut(file: string, data: string | Uint8Array): void {
  try {
    writeFileSync(file, data);
  } catch (e) {
    throw new CliError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
}

/** What every connection of one `tls connect` run shares. */
interface Once {
  path: string;
  keylog: string | undefined;
  record: Recording;
  capturing: boolean;
  /** Send a KeyUpdate with update_requested before the request (TLS 1.3 only). */
  keyUpdate: boolean;
}

async function connectOnce(
  host: string,
  port: number,
  config: ClientConfig,
  { path, keylog, record, capturing, keyUpdate }: Once,
): Promise<{ ok: boolean }> {
  const connectStarted = SocketCapture.now();
  // allowHalfOpen: the server's FIN must not end our side before our close_notify is out.
  const socket = tcpConnect({ host, port, allowHalfOpen: true });
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

  if (capturing) {
    try {
      record.captures.push(new SocketCapture(socket, connectStarted));
    } catch (e) {
      socket.destroy();
      if (e instanceof CaptureError) throw new CliError(e.message, 2);
      throw e;
    }
  }
  const { trace } = record;
  const start = trace.events.length;
  let printed = start;
  let lastRecord: Uint8Array | undefined;
  const printNewMessages = (): void => {
    for (; printed < trace.events.length; printed++) {
      const e = trace.events[printed]!;
      if (e.kind !== 'message') continue;
      // Handshake messages that came in one record (NSS sends a whole flight so) share its bytes.
      out(messageLine(e, e.bytes === lastRecord));
      lastRecord = e.bytes;
    }
  };
  const { conn } = await clientExchange(socket, config, {
    path,
    timeoutMs: SESSION_TIMEOUT_MS,
    trace,
    afterInput: printNewMessages,
    keyUpdate,
  });
  printNewMessages();

  const n = conn.negotiated;
  if (n.clientRandom && keylog) {
    if (n.version === ProtocolVersion.TLS13) appendFileSync(keylog, negotiatedKeyLog(n));
    else appendKeyLog(keylog, n.clientRandom, n.masterSecret);
  }
  if (conn.failure) {
    out(`error: ${connectFailureLine(conn.failure, trace.events.slice(start))}`);
    return { ok: false };
  }
  const response = concatBytes(...conn.received);
  const head = parseHttpHead(response);
  const tls13 = n.version === ProtocolVersion.TLS13;
  const openssl = n.cipherSuite === undefined ? undefined : suiteParams(n.cipherSuite)?.openssl;
  out(`version: ${tls13 ? 'TLSv1.3' : 'TLSv1.2'}`);
  out(`suite: ${cipherSuiteName(n.cipherSuite ?? 0)}${openssl ? ` (${openssl})` : ''}`);
  if (tls13) {
    // RFC 8446, Section 4.2.9: psk_dhe_ke resumes with a fresh (EC)DHE exchange too.
    out(`group: ${describeGroup(n.group)}`);
    out(
      `signature: ${n.resumedPsk || n.signatureScheme === undefined ? 'none (resumed with a PSK)' : signatureSchemeName(n.signatureScheme)}`,
    );
    out(`resumed: ${n.resumedPsk ? 'yes (psk)' : 'no'}`);
  } else {
    out(`group: ${n.resumed ? 'none (resumed session)' : describeGroup(n.group)}`);
    // The ServerKeyExchange's scheme: what `openssl s_client` calls the peer signature type.
    out(
      `signature: ${n.resumed || n.signatureScheme === undefined ? 'none (resumed session)' : signatureSchemeName(n.signatureScheme)}`,
    );
    out(`extended master secret: ${n.extendedMasterSecret ? 'yes' : 'no'}`);
    out(
      `resumed: ${n.resumed ? `yes (${n.resumed === 'session_ticket' ? 'session ticket' : 'session ID'})` : 'no'}`,
    );
  }
  if (keyUpdate) {
    const line = keyUpdateLine(n);
    out(line.text);
    if (!line.ok) return { ok: false };
  }
  if (sentEmptyCertificate(trace.events.slice(start)))
    out('client certificate: requested by the server; none sent (empty Certificate)');
  if (!head) {
    out(
      `error: no HTTP response (${response.length} bytes of application data: ${JSON.stringify(fromUtf8(response.subarray(0, 40)))})`,
    );
    return { ok: false };
  }
  out(head.startLine);
  return { ok: true };
}

/**
 * What came of `--key-update`: the generations each direction reached, or why it failed. RFC 8446,
 * Section 4.6.3: a peer asked with update_requested must answer with a KeyUpdate of its own.
 */
function keyUpdateLine(n: Negotiated): { ok: boolean; text: string } {
  if (n.version !== ProtocolVersion.TLS13)
    return { ok: false, text: 'error: --key-update needs TLS 1.3; TLS 1.2 has no KeyUpdate' };
  const updates = n.keyUpdates;
  if (!updates || updates.client === 0) return { ok: false, text: 'error: no KeyUpdate was sent' };
  if (updates.awaitingPeer)
    return {
      ok: false,
      text: `error: the server never answered our KeyUpdate (update_requested, RFC 8446, Section 4.6.3)`,
    };
  return {
    ok: true,
    text: `key update: client traffic secret ${updates.client}, server traffic secret ${updates.server} (answered)`,
  };
}

/** One line per message: the record's size, or, for a message in the record above, that. */
function messageLine(e: MessageEvent, sameRecord: boolean): string {
  const arrow = e.from === 'Client' ? '→' : '←';
  const size = sameRecord ? '  (same record)' : `${String(e.bytes.length).padStart(5)} bytes`;
  return `${arrow} ${e.name.padEnd(34)} ${size}${e.encrypted ? '  (encrypted)' : ''}`.trimEnd();
}
