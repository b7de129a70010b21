/**
 * The TLS 1.2 server, top to bottom in protocol order (RFC 5246, Section 7.3):
 *
 *   ←  ClientHello
 *   ServerHello, Certificate, ServerKeyExchange, [CertificateRequest], ServerHelloDone  →
 *   ←  [Certificate], ClientKeyExchange, ChangeCipherSpec, Finished
 *   [NewSessionTicket], ChangeCipherSpec, Finished  →
 *
 * or, when the client's session ID or ticket names a session we can resume, the abbreviated
 * handshake in which the server sends its ChangeCipherSpec and Finished first.
 */
import { generateKeyShare } from '../../crypto/ecdhe';
import { sign } from '../../crypto/signature';
import { loadOnce } from '../../load-once';
import { parseCertificate } from '../certificates/parse';
import {
  AlertDescription,
  ClientCertificateType,
  CipherSuite,
  ProtocolVersion,
  cipherSuite,
  cipherSuiteName,
  versionName,
} from '../enums';
import type { ServerConfig } from '../config';
import type { HandshakeContext, Incoming, Machine } from '../context';
import { fail } from '../errors';
import { groupName } from '../groups';
import {
  checkPeerFinished,
  establishMasterSecret,
  establishTrafficKeys,
  expectChangeCipherSpec,
  expectHandshake,
  sendFinished,
  sharedSecretOrFail,
} from '../handshake-steps';
import type { CertificateRequest } from '../messages/certificate-request';
import type { ClientHello } from '../messages/client-hello';
import { findExtension, type Extension } from '../messages/extensions';
import { serverKeyExchangeSignedContent } from '../messages/server-key-exchange';
import { chooseParameters } from '../negotiate';
import { SESSION_LIFETIME_MS, type Session } from '../session';
import { suiteParams } from '../suites';
import { loadTls13 } from '../tls13-parts';
import { openTicket, sealTicket } from '../tickets';
import { chooseAlpn } from '../alpn';
import { withDowngradeSentinel } from '../tls13/downgrade';
import { SERVER13_ACCEPTS } from '../tls13/server/states';
import {
  SERVER_ACCEPTS,
  type ServerHelloDecided,
  type ServerState,
  type Tls12ServerState,
} from './states';

const EC_POINT_FORMAT_UNCOMPRESSED = 0;
/** RFC 7507, Section 6. */
const TLS_FALLBACK_SCSV = cipherSuite(0x5600);

/**
 * The server, for both versions (RFC 8446, Section 4.2.1 and Appendix D.2): a ClientHello whose
 * supported_versions offers TLS 1.3, when the config serves 1.3, goes to the TLS 1.3 machine;
 * any other to the TLS 1.2 one, which then marks its ServerHello.random with the downgrade
 * sentinel if it could have served 1.3 (Section 4.1.3).
 */
export function serverMachine(config: ServerConfig): Machine<ServerState> {
  return {
    role: 'server',
    start: async () => ({ name: 'ExpectClientHello' }),
    handle: async (state, input, ctx) => {
      if ('tls13' in state) return (await loadTls13Server()).handle13(config, state, input, ctx);
      if (state.name === 'ExpectClientHello') {
        const version = chooseVersion(config, input);
        if (version === '1.3')
          return (await loadTls13Server()).handle13(
            config,
            { tls13: true, name: 'ExpectClientHello' },
            input,
            ctx,
          );
      }
      return handle(config, state, input, ctx);
    },
    acceptedHandshakes: (state) =>
      'tls13' in state ? SERVER13_ACCEPTS[state.name] : SERVER_ACCEPTS[state.name],
    isTraffic: (state) => state.name === 'Traffic',
  };
}

/**
 * The TLS 1.3 machine is fetched when a ClientHello first asks for TLS 1.3 of a server that
 * serves it: a page that shows only TLS 1.2 handshakes never loads it.
 */
// With TLS 1.3's codecs, which the hello and handshake codecs hand its extensions and messages to.
const loadTls13Server = loadOnce(() =>
  Promise.all([import('../tls13/server/handshake'), loadTls13()]).then(([machine]) => machine),
);

/** The TLS 1.2 server alone, whatever the config's versions say. */
export function tls12ServerMachine(config: ServerConfig): Machine<Tls12ServerState> {
  return {
    role: 'server',
    start: async () => ({ name: 'ExpectClientHello' }),
    handle: (state, input, ctx) => handle(config, state, input, ctx),
    acceptedHandshakes: (state) => SERVER_ACCEPTS[state.name],
    isTraffic: (state) => state.name === 'Traffic',
  };
}

/** SSL 3.0's version number: a ClientHello.legacy_version at or below it is refused. */
const SSL30_OR_BELOW = 0x0300;

/**
 * RFC 8446, Section 4.2.1: the version comes from supported_versions when the client sends it;
 * without it the client speaks TLS 1.2 at most (legacy_version). No version in common is
 * protocol_version.
 */
function chooseVersion(config: ServerConfig, input: Incoming): '1.2' | '1.3' | undefined {
  if (input.kind !== 'handshake' || input.message.type !== 'client_hello') return undefined;
  // RFC 8446, Appendix D.5: a legacy_version of 0x0300 (SSL 3.0) or below MUST be refused with
  // protocol_version, whatever supported_versions offers (tlsfuzzer: test-tls13-legacy-version).
  if (input.message.body.version <= SSL30_OR_BELOW) {
    fail({
      fault: 'peer_incompatible.client_version_too_old',
      params: { version: versionName(input.message.body.version) },
    });
  }
  const offered = findExtension(input.message.body.extensions, 'supported_versions')?.versions;
  const served = config.versions;
  if (served.includes('1.3') && offered?.includes(ProtocolVersion.TLS13)) return '1.3';
  if (served.includes('1.2') && (offered === undefined || offered.includes(ProtocolVersion.TLS12)))
    return '1.2';
  return fail({
    fault: 'peer_incompatible.version_not_served',
    params: {
      offered: (offered ?? [input.message.body.version]).map(versionName),
      served: served.map((v) => `TLS ${v}`),
    },
  });
}

async function handle(
  config: ServerConfig,
  state: Tls12ServerState,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls12ServerState> {
  switch (state.name) {
    case 'ExpectClientHello':
      return onClientHello(config, input, ctx);
    case 'ExpectCertificate':
      return onClientCertificate(state, input, ctx);
    case 'ExpectClientKeyExchange':
      return onClientKeyExchange(state, input, ctx);
    case 'ExpectChangeCipherSpec':
      expectChangeCipherSpec(input);
      ctx.protectReads(
        state.hello.suite,
        state.keys.traffic.clientWriteKey,
        state.keys.traffic.clientWriteIv,
      );
      return { ...state, name: 'ExpectFinished' };
    case 'ExpectFinished':
      return onFinished(config, state, input, ctx);
    case 'Traffic':
      return refuseRenegotiation(state, input, ctx);
  }
}

// RFC 5246, Section 7.4.1.2
async function onClientHello(
  config: ServerConfig,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls12ServerState> {
  const { message, raw } = expectHandshake(input, 'client_hello', 'ClientHello');
  const hello = message.body;
  // RFC 7507, Section 3: a client that signals a fallback to a version below our highest is
  // being downgraded (or retrying after a failure it should not have had): inappropriate_fallback.
  if (hello.version < ProtocolVersion.TLS12 && hello.cipherSuites.includes(TLS_FALLBACK_SCSV)) {
    fail({
      fault: 'peer_misbehaved.inappropriate_fallback',
      params: { version: versionName(hello.version) },
    });
  }
  if (hello.version < ProtocolVersion.TLS12) {
    // RFC 5246, Appendix E.1: we speak only TLS 1.2, so an older client cannot be served.
    fail({
      fault: 'peer_incompatible.client_version_too_old',
      params: { version: versionName(hello.version) },
    });
  }
  if (!hello.compressionMethods.includes(0)) {
    // RFC 5246, Section 7.4.1.2: every client must offer the null compression method.
    fail({ fault: 'peer_misbehaved.null_compression_not_offered', params: {} });
  }
  checkClientHelloExtensions(hello);
  const renegotiation = findExtension(hello.extensions, 'renegotiation_info');
  if (renegotiation && renegotiation.renegotiatedConnection.length > 0) {
    // RFC 5746, Section 3.6.
    fail({ fault: 'peer_misbehaved.client_renegotiation_info_not_empty', params: {} });
  }
  ctx.transcript.add(raw);
  // RFC 8446, Section 4.1.3: a server that could have served TLS 1.3 says so in its random.
  const serverRandom = config.versions.includes('1.3')
    ? withDowngradeSentinel(ctx.rng.bytes(32))
    : ctx.rng.bytes(32);
  if (config.versions.includes('1.3')) ctx.note('tls13.server.downgrade_sentinel');
  const randoms = { clientRandom: hello.random, serverRandom };
  const clientOffersEms = findExtension(hello.extensions, 'extended_master_secret') !== undefined;
  const extendedMasterSecret = config.supportExtendedMasterSecret && clientOffersEms;
  const alpn = chooseAlpn(config, hello);

  const resumable = findResumableSession(config, hello, clientOffersEms, ctx);
  if (resumable) return resume(hello, resumable, randoms, alpn, ctx);

  const choice = chooseParameters(
    config,
    {
      cipherSuites: hello.cipherSuites,
      ...optional('groups', findExtension(hello.extensions, 'supported_groups')?.groups),
      ...optional(
        'signatureSchemes',
        findExtension(hello.extensions, 'signature_algorithms')?.schemes,
      ),
    },
    (skip) => ctx.note(skip.key, skip.params),
  );
  ctx.note('tls.server.chose_suite', {
    suite: choice.suite.name,
    reason: `tls.server.why.${choice.order}${choice.passedOver.length > 0 ? '_after_passing_over' : ''}`,
    passedOver: choice.passedOver,
  });
  const clientOffersTickets = findExtension(hello.extensions, 'session_ticket') !== undefined;
  const decided: ServerHelloDecided = {
    ...randoms,
    suite: choice.suite,
    // A fresh ID makes the session resumable by ID; an empty one says it is not (RFC 5246, Section 7.4.1.3).
    sessionId: config.sessions ? ctx.rng.bytes(32) : new Uint8Array(0),
    extendedMasterSecret,
    issueTicket: clientOffersTickets && config.ticketKey !== undefined,
  };
  Object.assign(ctx.negotiated, {
    cipherSuite: choice.suite.id,
    group: choice.group,
    signatureScheme: choice.signatureScheme,
    extendedMasterSecret,
    sessionId: decided.sessionId,
    ...(alpn ? { alpn } : {}),
  });

  // RFC 8422, Section 5.4: an ephemeral key for this handshake only, signed with the certificate's
  // key. Made first, so that WebCrypto signs (off the main thread) while ServerHello and
  // Certificate are encoded; they draw nothing from the Rng, so the bytes are the same.
  const group = groupName(choice.group)!;
  const share = await generateKeyShare(group, ctx.rng);
  const params = {
    curveType: 3,
    namedGroup: choice.group,
    publicKey: share.publicKey,
    signatureScheme: choice.signatureScheme,
    signature: new Uint8Array(0),
  };
  const signing = sign(
    choice.signatureScheme,
    choice.credential.privateKeyPkcs8,
    serverKeyExchangeSignedContent(hello.random, serverRandom, params),
  );
  // Awaited below; this only keeps a throw in between from leaving its failure unhandled.
  signing.catch(() => undefined);

  // The lab's misbehaving server (config.ts, ServerMisbehaviour) names a suite of its own choosing.
  const namedSuite = cipherSuite(config.misbehave?.selectSuite ?? choice.suite.id);
  if (namedSuite !== choice.suite.id)
    ctx.note('tls.server.misbehave_select_suite', { suite: cipherSuiteName(namedSuite) });
  ctx.sendHandshake({
    type: 'server_hello',
    body: {
      version: ProtocolVersion.TLS12,
      random: serverRandom,
      sessionId: decided.sessionId,
      cipherSuite: namedSuite,
      compressionMethod: 0,
      extensions: serverExtensions(hello, {
        extendedMasterSecret,
        issueTicket: decided.issueTicket,
        alpn,
      }),
    },
  });
  // RFC 5246, Section 7.4.2
  ctx.sendHandshake({ type: 'certificate', body: { certificates: choice.credential.chain } });
  ctx.sendHandshake({ type: 'server_key_exchange', body: { ...params, signature: await signing } });
  // RFC 5246, Section 7.4.4
  if (config.requestClientCertificate)
    ctx.sendHandshake({
      type: 'certificate_request',
      body: certificateRequestFor(config, choice.credential.chain),
    });
  // RFC 5246, Section 7.4.5
  ctx.sendHandshake({ type: 'server_hello_done', body: {} });
  return {
    name: config.requestClientCertificate ? 'ExpectCertificate' : 'ExpectClientKeyExchange',
    hello: decided,
    group: choice.group,
    privateKey: share.privateKey,
  };
}

/**
 * What the server would accept: an RSA or ECDSA certificate, a CertificateVerify in one of the
 * schemes it signs with itself, and a chain up to the root its own chain ends in.
 */
function certificateRequestFor(config: ServerConfig, chain: Uint8Array[]): CertificateRequest {
  const top = chain.at(-1);
  return {
    certificateTypes: [ClientCertificateType.rsa_sign, ClientCertificateType.ecdsa_sign],
    signatureSchemes: config.signatureSchemes,
    certificateAuthorities: top ? [parseCertificate(top).issuerDer] : [],
  };
}

// RFC 5246, Section 7.4.6
async function onClientCertificate(
  state: Extract<Tls12ServerState, { name: 'ExpectCertificate' }>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls12ServerState> {
  const { message, raw } = expectHandshake(input, 'certificate', 'Certificate');
  if (message.body.certificates.length > 0) {
    fail({ fault: 'peer_incompatible.client_certificate_unsupported', params: {} });
  }
  ctx.transcript.add(raw);
  return { ...state, name: 'ExpectClientKeyExchange' };
}

/** What the decoder accepts but a ClientHello may not carry. */
function checkClientHelloExtensions(hello: ClientHello): void {
  // RFC 6066, Section 3: a ClientHello's server_name holds a server_name_list<1..2^16-1>; only the
  // server's answer is empty. (An empty list or host name fails in the decoder already.)
  const serverName = findExtension(hello.extensions, 'server_name');
  if (serverName && serverName.hostName === '') {
    fail({ fault: 'peer_misbehaved.empty_server_name', params: {} });
  }
  // RFC 8422, Section 5.1.2: a client that offers ECC curves in supported_groups and sends
  // ec_point_formats without uncompressed gets illegal_parameter ("the server MUST abort").
  const pointFormats = findExtension(hello.extensions, 'ec_point_formats');
  const groups = findExtension(hello.extensions, 'supported_groups')?.groups ?? [];
  const offersEcc = groups.some((g) => RFC8422_CURVES.includes(g));
  if (offersEcc && pointFormats && !pointFormats.formats.includes(EC_POINT_FORMAT_UNCOMPRESSED)) {
    fail({
      fault: 'peer_misbehaved.point_formats_without_uncompressed',
      params: { formats: pointFormats.formats.map(String) },
    });
  }
}

/** The curves RFC 8422 defines (Section 5.1.1): secp256r1, secp384r1, secp521r1, x25519, x448. */
const RFC8422_CURVES: readonly number[] = [23, 24, 25, 29, 30];

/** Extensions the server answers; only ones the client sent (RFC 5246, Section 7.4.1.4). */
function serverExtensions(
  hello: ClientHello,
  agreed: { extendedMasterSecret: boolean; issueTicket: boolean; alpn: string | undefined },
): Extension[] {
  const out: Extension[] = [];
  const clientSignalsRenegotiation =
    findExtension(hello.extensions, 'renegotiation_info') !== undefined ||
    hello.cipherSuites.includes(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
  if (clientSignalsRenegotiation)
    out.push({ kind: 'renegotiation_info', renegotiatedConnection: new Uint8Array(0) }); // RFC 5746, Section 3.6
  if (findExtension(hello.extensions, 'ec_point_formats'))
    out.push({ kind: 'ec_point_formats', formats: [EC_POINT_FORMAT_UNCOMPRESSED] }); // RFC 8422, Section 5.2
  if (agreed.extendedMasterSecret) out.push({ kind: 'extended_master_secret' }); // RFC 7627, Section 5.1
  if (agreed.issueTicket) out.push({ kind: 'session_ticket', ticket: new Uint8Array(0) }); // RFC 5077, Section 3.2
  if (agreed.alpn) out.push({ kind: 'alpn', protocols: [agreed.alpn] }); // RFC 7301, Section 3.2
  return out;
}

interface Resumable {
  session: Omit<Session, 'sessionId'>;
  by: 'session_id' | 'session_ticket';
}

/**
 * A ticket we sealed, or a cached session ID, that may be resumed (RFC 5077, Section 3.4; RFC 5246,
 * Section 7.4.1.2). A ticket, when the client sends one and we take tickets, decides alone: the
 * session ID beside it is only the client's marker for "ticket accepted" (RFC 5077, Section 3.4),
 * so a ticket we cannot use means a full handshake without a cache lookup, as in OpenSSL's
 * ssl_get_prev_session() (SSL_TICKET_NO_DECRYPT does not fall back to the session cache).
 */
function findResumableSession(
  config: ServerConfig,
  hello: ClientHello,
  clientOffersEms: boolean,
  ctx: HandshakeContext,
): Resumable | undefined {
  const now = ctx.clock.now();
  let found: Resumable | undefined;
  const ticket = findExtension(hello.extensions, 'session_ticket')?.ticket;
  if (ticket && ticket.length > 0 && config.ticketKey) {
    const opened = openTicket(config.ticketKey, ticket);
    if (!opened.ok) {
      ctx.note(
        opened.why === 'unknown_key'
          ? 'tls.server.ticket_unknown_key'
          : 'tls.server.ticket_not_authentic',
      );
      return undefined;
    }
    if (now - opened.session.createdAt > SESSION_LIFETIME_MS) {
      ctx.note('tls.server.ticket_expired');
      return undefined;
    }
    found = { session: opened.session, by: 'session_ticket' };
  } else if (hello.sessionId.length > 0) {
    const session = config.sessions?.get(hello.sessionId, now);
    if (session) found = { session, by: 'session_id' };
    else ctx.note('tls.server.session_cache_miss');
  }
  if (!found) return undefined;
  const { session } = found;
  // RFC 5246, Section 7.4.1.2: a client resuming a session "MUST include at least the
  // cipher_suite from that session". OpenSSL's server treats an offer without it as fatal
  // (illegal_parameter, SSL_R_REQUIRED_CIPHER_MISSING), and so do we. A suite the server itself
  // does not enable only means a full handshake.
  if (!hello.cipherSuites.includes(session.cipherSuite)) {
    fail({
      fault: 'peer_misbehaved.resumption_offered_without_its_suite',
      params: { suite: cipherSuiteName(session.cipherSuite) },
    });
  }
  if (!config.cipherSuites.includes(session.cipherSuite)) {
    ctx.note('tls.server.resumption_suite_gone', { suite: cipherSuiteName(session.cipherSuite) });
    return undefined;
  }
  // RFC 7627, Section 5.3: a session made with extended master secret, offered again without it,
  // "MUST abort the abbreviated handshake"; OpenSSL's ssl_get_prev_session() makes that fatal
  // with illegal_parameter (SSL_R_INCONSISTENT_EXTMS), and so do we. The other way round (an old
  // session without EMS, a new offer with it) the server "MUST NOT perform the abbreviated
  // handshake" and continues with a full one.
  if (session.extendedMasterSecret && !clientOffersEms) {
    fail({ fault: 'peer_misbehaved.resumption_offered_without_ems', params: {} });
  }
  if (session.extendedMasterSecret !== (clientOffersEms && config.supportExtendedMasterSecret)) {
    ctx.note('tls.server.resumption_ems_mismatch');
    return undefined;
  }
  return found;
}

// RFC 5246, Section 7.3, Figure 2: the abbreviated handshake.
async function resume(
  hello: ClientHello,
  resumable: Resumable,
  randoms: { clientRandom: Uint8Array; serverRandom: Uint8Array },
  alpn: string | undefined,
  ctx: HandshakeContext,
): Promise<Tls12ServerState> {
  const { session, by } = resumable;
  const suite = suiteParams(session.cipherSuite)!;
  const decided: ServerHelloDecided = {
    ...randoms,
    suite,
    // The client's own session ID is echoed, for a ticket as for a cached ID (RFC 5077, Section 3.4).
    sessionId: hello.sessionId,
    extendedMasterSecret: session.extendedMasterSecret,
    issueTicket: false,
  };
  Object.assign(ctx.negotiated, {
    cipherSuite: suite.id,
    extendedMasterSecret: session.extendedMasterSecret,
    resumed: by,
    sessionId: hello.sessionId,
    ...(alpn ? { alpn } : {}),
  });
  ctx.note('tls.server.resuming', { by });
  ctx.sendHandshake({
    type: 'server_hello',
    body: {
      version: ProtocolVersion.TLS12,
      random: randoms.serverRandom,
      sessionId: hello.sessionId,
      cipherSuite: suite.id,
      compressionMethod: 0,
      extensions: serverExtensions(hello, {
        extendedMasterSecret: session.extendedMasterSecret,
        issueTicket: false,
        alpn,
      }),
    },
  });
  const traffic = establishTrafficKeys(ctx, suite, session.masterSecret, randoms);
  ctx.sendChangeCipherSpec();
  ctx.protectWrites(suite, traffic.serverWriteKey, traffic.serverWriteIv);
  sendFinished(ctx, suite, session.masterSecret, 'server finished');
  return {
    name: 'ExpectChangeCipherSpec',
    hello: decided,
    keys: { masterSecret: session.masterSecret, traffic },
    resuming: true,
  };
}

// RFC 8422, Section 5.7; RFC 5246, Section 8.1
async function onClientKeyExchange(
  state: Extract<Tls12ServerState, { name: 'ExpectClientKeyExchange' }>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls12ServerState> {
  const { message, raw } = expectHandshake(input, 'client_key_exchange', 'ClientKeyExchange');
  ctx.transcript.add(raw);
  const group = groupName(state.group)!;
  const preMasterSecret = await sharedSecretOrFail(group, state.privateKey, message.body.publicKey);
  ctx.secrets([
    {
      name: 'pre_master_secret',
      value: preMasterSecret,
      inputs: [
        { name: 'server ECDHE private key', value: state.privateKey },
        { name: 'client ECDHE public key', value: message.body.publicKey },
        { name: 'group', value: group },
      ],
      explain: 'secret.pre_master.ecdhe',
    },
  ]);
  const { suite } = state.hello;
  const masterSecret = establishMasterSecret(
    ctx,
    suite,
    preMasterSecret,
    state.hello.extendedMasterSecret,
    state.hello,
  );
  const traffic = establishTrafficKeys(ctx, suite, masterSecret, state.hello);
  return {
    name: 'ExpectChangeCipherSpec',
    hello: state.hello,
    keys: { masterSecret, traffic },
    resuming: false,
  };
}

// RFC 5246, Section 7.4.9; RFC 5077, Section 3.3
async function onFinished(
  config: ServerConfig,
  state: Extract<Tls12ServerState, { name: 'ExpectFinished' }>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls12ServerState> {
  const { suite } = state.hello;
  checkPeerFinished(ctx, suite, state.keys.masterSecret, 'client finished', input);
  if (!state.resuming) {
    const session: Session = {
      sessionId: state.hello.sessionId,
      masterSecret: state.keys.masterSecret,
      cipherSuite: suite.id,
      extendedMasterSecret: state.hello.extendedMasterSecret,
      createdAt: ctx.clock.now(),
    };
    config.sessions?.put(session);
    if (state.hello.issueTicket && config.ticketKey) {
      ctx.sendHandshake({
        type: 'new_session_ticket',
        body: {
          lifetimeHint: SESSION_LIFETIME_MS / 1000,
          ticket: sealTicket(config.ticketKey, session, ctx.rng),
        },
      });
    }
    ctx.sendChangeCipherSpec();
    ctx.protectWrites(suite, state.keys.traffic.serverWriteKey, state.keys.traffic.serverWriteIv);
    sendFinished(ctx, suite, state.keys.masterSecret, 'server finished');
  }
  ctx.note('tls.handshake_complete', { suite: suite.name });
  return { name: 'Traffic' };
}

/**
 * A ClientHello after the handshake asks to renegotiate. We never do; as OpenSSL does with
 * renegotiation off, the answer is no_renegotiation, "sent ... by the server in response to a
 * client hello after initial handshaking" and "always a warning" (RFC 5246, Section 7.2.2), and
 * the connection goes on.
 */
function refuseRenegotiation(
  state: Extract<Tls12ServerState, { name: 'Traffic' }>,
  input: Incoming,
  ctx: HandshakeContext,
): Tls12ServerState {
  expectHandshake(input, 'client_hello', 'ApplicationData');
  ctx.note('tls.server.renegotiation_refused');
  ctx.sendWarningAlert(AlertDescription.no_renegotiation);
  return state;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
