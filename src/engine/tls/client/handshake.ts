/**
 * The TLS 1.2 client, top to bottom in protocol order (RFC 5246, Section 7.3):
 *
 *   ClientHello  →
 *                ←  ServerHello, Certificate, ServerKeyExchange, [CertificateRequest], ServerHelloDone
 *   [Certificate], ClientKeyExchange, [ChangeCipherSpec], Finished  →
 *                ←  [NewSessionTicket], [ChangeCipherSpec], Finished
 *
 * and the abbreviated handshake when the server resumes our session (by ID or by ticket).
 */
import { checkServerChain } from './check-server-chain';
import { generateKeyShare } from '../../crypto/ecdhe';
import { SignatureKeyMismatch } from '../../crypto/errors';
import { keyFamilyOf, verify } from '../../crypto/signature';
import { loadOnce } from '../../load-once';
import {
  HandshakeType,
  ProtocolVersion,
  cipherSuiteName,
  namedGroupName,
  signatureSchemeName,
  versionName,
} from '../enums';
import type { ClientConfig } from '../config';
import type { HandshakeContext, Incoming, Machine } from '../context';
import { fail } from '../errors';
import { curveGroupOfKeyType, groupName } from '../groups';
import {
  checkPeerFinished,
  describeIncoming,
  establishMasterSecret,
  establishTrafficKeys,
  expectChangeCipherSpec,
  expectHandshake,
  sendFinished,
  sharedSecretOrFail,
} from '../handshake-steps';
import { extensionTypeOf, findExtension, type Extension } from '../messages/extensions';
import type { ClientHello } from '../messages/client-hello';
import type { ServerHello } from '../messages/server-hello';
import { TLS13_CLIENT_ACCEPTS, type Tls13ClientState } from '../tls13/client/states';
import { serverKeyExchangeSignedContent } from '../messages/server-key-exchange';
import { suiteParams } from '../suites';
import { loadTls13 } from '../tls13-parts';
import { bytesEqual } from '../../bytes/hex';
import {
  CLIENT_ACCEPTS,
  type AgreedHello,
  type ClientKeys,
  type ClientOffer,
  type ClientState,
  type Tls12ClientState,
} from './states';

const EC_POINT_FORMAT_UNCOMPRESSED = 0;

/**
 * The client. With TLS 1.3 among config.versions, one ClientHello offers it (and TLS 1.2 too when
 * both are on), and the ServerHello's supported_versions decides which machine continues (RFC
 * 8446, Section 4.2.1); with TLS 1.2 alone the ClientHello is TLS 1.2's.
 */
export function clientMachine(config: ClientConfig): Machine<ClientState> {
  const offersTls13 = config.versions.includes('1.3');
  const offersTls12 = config.versions.includes('1.2');
  return {
    role: 'client',
    start: async (ctx) => {
      if (!offersTls13) return sendClientHello(config, ctx);
      const base = prepareClientHello(config, ctx);
      const { offerTls13 } = await loadTls13Client();
      return offerTls13(config, ctx, base.hello, offersTls12 ? base.offer : undefined);
    },
    handle: async (state, input, ctx) => {
      if (!isTls13State(state)) return handle(config, state, input, ctx);
      const { handleTls13 } = await loadTls13Client();
      const next = await handleTls13(config, state, input, ctx);
      if (!('handover' in next)) return next;
      // The server chose TLS 1.2: the TLS 1.2 client reads the same ServerHello.
      return handle(config, { name: 'ExpectServerHello', offer: next.handover }, input, ctx);
    },
    acceptedHandshakes: (state) =>
      isTls13State(state) ? TLS13_CLIENT_ACCEPTS[state.name] : CLIENT_ACCEPTS[state.name],
    isTraffic: (state) => state.name === 'Traffic',
    // RFC 8446, Section 4.6.3: only TLS 1.3 has KeyUpdate; TLS 1.2 would renegotiate.
    updateKeys: (state, ctx) =>
      isTls13State(state) && state.name === 'Traffic'
        ? loadTls13Client().then(({ initiateKeyUpdate }) => initiateKeyUpdate(state, ctx))
        : undefined,
  };
}

/**
 * The TLS 1.3 machine is fetched when a config first offers TLS 1.3: a page that shows only
 * TLS 1.2 handshakes never loads it. The import resolves to the same module every time, so the
 * bytes a seed makes do not depend on it.
 */
// With TLS 1.3's codecs, which the hello and handshake codecs hand its extensions and messages to.
const loadTls13Client = loadOnce(() =>
  Promise.all([import('../tls13/client/handshake'), loadTls13()]).then(([machine]) => machine),
);

function isTls13State(state: ClientState): state is Tls13ClientState {
  return 'tls' in state && state.tls === 13;
}

async function handle(
  config: ClientConfig,
  state: Tls12ClientState,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls12ClientState> {
  switch (state.name) {
    case 'ExpectServerHello':
      return onServerHello(config, state.offer, input, ctx);
    case 'ExpectCertificate':
      return onCertificate(config, state, input, ctx);
    case 'ExpectServerKeyExchange':
      return onServerKeyExchange(config, state, input, ctx);
    case 'ExpectServerHelloDone':
      if (input.kind === 'handshake' && input.message.type === 'certificate_request')
        return onCertificateRequest(state, input, ctx);
      return onServerHelloDone(state, input, ctx);
    case 'ExpectNewSessionTicket':
      return onNewSessionTicket(state, input, ctx);
    case 'ExpectChangeCipherSpec':
      expectChangeCipherSpec(input);
      ctx.protectReads(
        state.hello.suite,
        state.keys.traffic.serverWriteKey,
        state.keys.traffic.serverWriteIv,
      );
      return { ...state, name: 'ExpectFinished' };
    case 'ExpectFinished':
      return onFinished(config, state, input, ctx);
    case 'Traffic':
      // RFC 5246, Section 7.4.1.1: we never renegotiate; any handshake message now is unexpected.
      return fail({
        fault: 'inappropriate_handshake_message',
        params: { expectTypes: ['ApplicationData'], gotType: input.kind },
      });
  }
}

// RFC 5246, Section 7.4.1.2
async function sendClientHello(
  config: ClientConfig,
  ctx: HandshakeContext,
): Promise<Tls12ClientState> {
  const { hello, offer, resumeBy } = prepareClientHello(config, ctx);
  ctx.sendHandshake({ type: 'client_hello', body: hello });
  if (resumeBy) ctx.note('tls.client.offer_resumption', { by: resumeBy });
  return { name: 'ExpectServerHello', offer };
}

/**
 * The TLS 1.2 ClientHello and what it offers, not yet sent: the TLS 1.3 client adds its own
 * suites and extensions to it when it offers both versions.
 */
function prepareClientHello(
  config: ClientConfig,
  ctx: HandshakeContext,
): { hello: ClientHello; offer: ClientOffer; resumeBy?: ClientOffer['resumeBy'] } {
  const clientRandom = ctx.rng.bytes(32);
  const session = config.sessions?.get(config.serverName, ctx.clock.now());
  let sessionId: Uint8Array = new Uint8Array(0);
  let resumeBy: ClientOffer['resumeBy'];
  if (session?.ticket && config.offerSessionTicket) {
    // RFC 5077, Section 3.4: with a ticket the client may send a fresh session ID; the server
    // echoes it when it accepts the ticket, which is how we learn that it did.
    sessionId = ctx.rng.bytes(32);
    resumeBy = 'session_ticket';
  } else if (session && session.sessionId.length > 0) {
    sessionId = session.sessionId;
    resumeBy = 'session_id';
  }

  const extensions: Extension[] = [];
  // RFC 6066, Section 3: literal IP addresses are not permitted in server_name.
  if (!isIpLiteral(config.serverName))
    extensions.push({ kind: 'server_name', hostName: config.serverName });
  extensions.push({ kind: 'supported_groups', groups: config.groups }); // RFC 8422, Section 5.1.1
  extensions.push({ kind: 'ec_point_formats', formats: [EC_POINT_FORMAT_UNCOMPRESSED] }); // RFC 8422, Section 5.1.2
  extensions.push({ kind: 'signature_algorithms', schemes: config.signatureSchemes }); // RFC 5246, Section 7.4.1.4.1
  if (config.offerExtendedMasterSecret) extensions.push({ kind: 'extended_master_secret' }); // RFC 7627, Section 5.1
  if (config.offerSessionTicket) {
    extensions.push({
      kind: 'session_ticket',
      ticket: resumeBy === 'session_ticket' ? session!.ticket! : new Uint8Array(0),
    }); // RFC 5077, Section 3.2
  }
  if (config.alpn.length > 0) extensions.push({ kind: 'alpn', protocols: config.alpn }); // RFC 7301, Section 3.1
  extensions.push({ kind: 'renegotiation_info', renegotiatedConnection: new Uint8Array(0) }); // RFC 5746, Section 3.4

  return {
    hello: {
      version: ProtocolVersion.TLS12,
      random: clientRandom,
      sessionId,
      cipherSuites: config.cipherSuites,
      compressionMethods: [0],
      extensions,
    },
    offer: {
      clientRandom,
      sessionId,
      cipherSuites: config.cipherSuites,
      extensionTypes: extensions.map(extensionTypeOf),
      ...(session && resumeBy ? { offeredSession: session, resumeBy } : {}),
    },
    ...(resumeBy ? { resumeBy } : {}),
  };
}

// RFC 5246, Section 7.4.1.3
async function onServerHello(
  config: ClientConfig,
  offer: ClientOffer,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls12ClientState> {
  const { message, raw } = expectHandshake(input, 'server_hello', 'ServerHello');
  const hello = message.body;
  if (hello.version !== ProtocolVersion.TLS12) {
    fail({
      fault: 'peer_misbehaved.server_version_not_tls12',
      params: { version: versionName(hello.version) },
    });
  }
  if (!offer.cipherSuites.includes(hello.cipherSuite)) {
    fail({
      fault: 'peer_misbehaved.selected_unoffered_cipher_suite',
      params: { suite: cipherSuiteName(hello.cipherSuite) },
    });
  }
  const suite = suiteParams(hello.cipherSuite);
  if (!suite)
    fail({
      fault: 'peer_misbehaved.selected_unusable_cipher_suite',
      params: { suite: cipherSuiteName(hello.cipherSuite) },
    });
  if (hello.compressionMethod !== 0) {
    fail({
      fault: 'peer_misbehaved.selected_unoffered_compression',
      params: { method: hello.compressionMethod },
    });
  }
  checkServerExtensions(config, offer, hello);
  ctx.transcript.add(raw);

  const extendedMasterSecret =
    config.offerExtendedMasterSecret &&
    findExtension(hello.extensions, 'extended_master_secret') !== undefined;
  const alpn = findExtension(hello.extensions, 'alpn');
  Object.assign(ctx.negotiated, {
    cipherSuite: hello.cipherSuite,
    extendedMasterSecret,
    sessionId: hello.sessionId,
    ...(alpn ? { alpn: alpn.protocols[0] } : {}),
  });
  const agreed: AgreedHello = {
    clientRandom: offer.clientRandom,
    serverRandom: hello.random,
    suite,
    sessionId: hello.sessionId,
    extendedMasterSecret,
    ticketExpected: findExtension(hello.extensions, 'session_ticket') !== undefined,
  };
  ctx.note('tls.client.server_hello', {
    suite: suite.name,
    ems: extendedMasterSecret ? 'yes' : 'no',
  });

  const session = offer.offeredSession;
  const resumed =
    session !== undefined &&
    hello.sessionId.length > 0 &&
    bytesEqual(hello.sessionId, offer.sessionId);
  if (!resumed) {
    if (session) ctx.note('tls.client.resumption_declined');
    return { name: 'ExpectCertificate', offer, hello: agreed };
  }

  // The abbreviated handshake (RFC 5246, Section 7.3, Figure 2): the session's master secret
  // with the new randoms gives new keys; no certificate and no key exchange.
  if (hello.cipherSuite !== session.cipherSuite) {
    fail({
      fault: 'peer_misbehaved.resumed_with_different_suite',
      params: {
        sessionSuite: cipherSuiteName(session.cipherSuite),
        suite: cipherSuiteName(hello.cipherSuite),
      },
    });
  }
  if (session.extendedMasterSecret !== extendedMasterSecret) {
    // RFC 7627, Section 5.3: EMS must match between the original and the resumed handshake.
    fail({ fault: 'peer_misbehaved.resumed_with_different_ems', params: {} });
  }
  ctx.negotiated.resumed = offer.resumeBy ?? 'session_id';
  ctx.note('tls.client.resumed', { by: ctx.negotiated.resumed });
  const traffic = establishTrafficKeys(ctx, suite, session.masterSecret, agreed);
  const keys: ClientKeys = { masterSecret: session.masterSecret, traffic };
  return agreed.ticketExpected
    ? { name: 'ExpectNewSessionTicket', offer, hello: agreed, keys, resuming: true }
    : { name: 'ExpectChangeCipherSpec', offer, hello: agreed, keys, resuming: true };
}

/** RFC 5246, Section 7.4.1.4: a server may only answer extensions the client sent. */
function checkServerExtensions(config: ClientConfig, offer: ClientOffer, hello: ServerHello): void {
  for (const ext of hello.extensions) {
    const type = extensionTypeOf(ext);
    if (!offer.extensionTypes.includes(type)) {
      fail({ fault: 'peer_misbehaved.unsolicited_extension', params: { extension: type } });
    }
  }
  const renegotiation = findExtension(hello.extensions, 'renegotiation_info');
  if (renegotiation && renegotiation.renegotiatedConnection.length > 0) {
    // RFC 5746, Section 3.4: on an initial handshake the server's renegotiated_connection is empty.
    fail({ fault: 'peer_misbehaved.server_renegotiation_info_not_empty', params: {} });
  }
  const alpn = findExtension(hello.extensions, 'alpn');
  if (alpn && (alpn.protocols.length !== 1 || !config.alpn.includes(alpn.protocols[0]!))) {
    // RFC 7301, Section 3.2: exactly one protocol, one the client offered.
    fail({
      fault: 'peer_misbehaved.selected_unoffered_alpn',
      params: { protocols: alpn.protocols },
    });
  }
}

// RFC 5246, Section 7.4.2, checked against RFC 5280 path validation.
async function onCertificate(
  config: ClientConfig,
  state: Extract<Tls12ClientState, { name: 'ExpectCertificate' }>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls12ClientState> {
  const { message, raw } = expectHandshake(input, 'certificate', 'Certificate');
  ctx.transcript.add(raw);
  const chain = message.body.certificates;
  ctx.negotiated.serverCertificates = chain;
  const result = await checkServerChain(chain, config, ctx);
  // RFC 5246, Section 7.4.2: the leaf's key "MUST be compatible with the selected key exchange
  // algorithm": RSA for ECDHE_RSA, ECDSA for ECDHE_ECDSA (RFC 8422, Section 5.3). The
  // ServerKeyExchange is verified with whatever key the certificate holds, so without this check an
  // ECDSA certificate could authenticate an ECDHE_RSA suite (test/negative: certificate key type).
  // OpenSSL's client sends illegal_parameter here (SSL_R_WRONG_CERTIFICATE_TYPE).
  const leafFamily = result.leafKeyType === 'other' ? 'other' : keyFamilyOf(result.leafKeyType);
  if (leafFamily !== state.hello.suite.auth) {
    fail({
      fault: 'peer_misbehaved.certificate_key_wrong_for_suite',
      params: {
        keyType: result.leafKeyType,
        suite: state.hello.suite.name,
        auth: state.hello.suite.auth,
      },
    });
  }
  // RFC 8422, Section 5.3: an ECDSA certificate's key "MUST use a curve and point format
  // supported by the client" as named in its supported_groups. OpenSSL's client checks the same
  // (tls1_check_cert_param) and sends handshake_failure (SSL_R_BAD_ECC_CERT).
  const leafCurve = curveGroupOfKeyType(result.leafKeyType);
  if (leafCurve !== undefined && !config.groups.includes(leafCurve)) {
    fail({
      fault: 'peer_incompatible.certificate_curve_not_offered',
      params: { curve: namedGroupName(leafCurve) },
    });
  }
  ctx.note('tls.client.certificate_valid', {
    subject: result.leaf.subject,
    issuer: result.leaf.issuer,
  });
  return {
    name: 'ExpectServerKeyExchange',
    offer: state.offer,
    hello: state.hello,
    leafSpki: result.leafSpki,
    leafKeyType: result.leafKeyType,
  };
}

// RFC 8422, Section 5.4 (ECDHE parameters signed with the certificate's key)
async function onServerKeyExchange(
  config: ClientConfig,
  state: Extract<Tls12ClientState, { name: 'ExpectServerKeyExchange' }>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls12ClientState> {
  if (
    input.kind === 'handshake' &&
    input.message.type === 'unknown' &&
    input.message.msgType === HandshakeType.server_key_exchange
  ) {
    // The codec keeps a ServerKeyExchange that is not ECDHE over a named curve as raw bytes.
    // RFC 8422, Section 5.4.
    fail({ fault: 'peer_misbehaved.key_exchange_not_named_curve', params: {} });
  }
  const { message, raw } = expectHandshake(input, 'server_key_exchange', 'ServerKeyExchange');
  const kx = message.body;
  if (kx.curveType !== 3) {
    fail({ fault: 'peer_misbehaved.key_exchange_not_named_curve', params: {} });
  }
  if (!config.groups.includes(kx.namedGroup) || !groupName(kx.namedGroup)) {
    fail({
      fault: 'peer_misbehaved.selected_unoffered_group',
      params: { group: namedGroupName(kx.namedGroup) },
    });
  }
  if (!config.signatureSchemes.includes(kx.signatureScheme)) {
    fail({
      fault: 'peer_misbehaved.signed_with_unoffered_scheme',
      params: { scheme: signatureSchemeName(kx.signatureScheme) },
    });
  }
  const signed = serverKeyExchangeSignedContent(
    state.hello.clientRandom,
    state.hello.serverRandom,
    kx,
  );
  const verifying = verify(kx.signatureScheme, state.leafSpki, signed, kx.signature).catch(
    (e: unknown) => {
      // A scheme that does not fit the certificate's key is a bad parameter, not a bad signature.
      if (e instanceof SignatureKeyMismatch) {
        fail({
          fault: 'peer_misbehaved.scheme_does_not_fit_key',
          params: { scheme: signatureSchemeName(kx.signatureScheme), keyType: state.leafKeyType },
        });
      }
      return false;
    },
  );
  // Our own key share in the group the server chose (RFC 8422, Section 5.7), made while
  // WebCrypto checks the signature off the main thread: the import of its private key is
  // the costliest step on ours. Nothing else draws from the Rng until ClientKeyExchange.
  const sharing = generateKeyShare(groupName(kx.namedGroup)!, ctx.rng);
  // Awaited below; this only keeps a failed check from leaving its failure unhandled.
  sharing.catch(() => undefined);
  const valid = await verifying;
  if (!valid) {
    fail({
      fault: 'peer_misbehaved.bad_key_exchange_signature',
      params: { scheme: signatureSchemeName(kx.signatureScheme) },
    });
  }
  ctx.transcript.add(raw);
  ctx.negotiated.group = kx.namedGroup;
  ctx.negotiated.signatureScheme = kx.signatureScheme;
  ctx.note('tls.client.server_key_exchange_verified', {
    group: namedGroupName(kx.namedGroup),
    scheme: signatureSchemeName(kx.signatureScheme),
  });
  return {
    name: 'ExpectServerHelloDone',
    offer: state.offer,
    hello: state.hello,
    group: kx.namedGroup,
    serverPublic: kx.publicKey,
    share: await sharing,
    certificateRequested: false,
  };
}

// RFC 5246, Section 7.4.4
async function onCertificateRequest(
  state: Extract<Tls12ClientState, { name: 'ExpectServerHelloDone' }>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls12ClientState> {
  if (state.certificateRequested) {
    // RFC 5246, Section 7.3: the flight carries at most one CertificateRequest.
    fail({
      fault: 'inappropriate_handshake_message',
      params: { expectTypes: ['ServerHelloDone'], gotType: 'CertificateRequest' },
    });
  }
  const { raw } = expectHandshake(input, 'certificate_request', 'CertificateRequest');
  ctx.transcript.add(raw);
  return { ...state, certificateRequested: true };
}

// RFC 5246, Sections 7.4.5, 7.4.7 and 7.4.9
async function onServerHelloDone(
  state: Extract<Tls12ClientState, { name: 'ExpectServerHelloDone' }>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls12ClientState> {
  if (!(input.kind === 'handshake' && input.message.type === 'server_hello_done')) {
    fail({
      fault: 'inappropriate_handshake_message',
      params: {
        expectTypes: state.certificateRequested
          ? ['ServerHelloDone']
          : ['CertificateRequest', 'ServerHelloDone'],
        gotType: describeIncoming(input),
      },
    });
  }
  ctx.transcript.add(input.raw);
  if (state.certificateRequested) {
    // RFC 5246, Section 7.4.6: a client asked for a certificate that has none sends an empty
    // list, and then no CertificateVerify (Section 7.4.8). It is hashed like any other message,
    // so Finished and the EMS session hash cover it.
    ctx.note('tls.client.empty_certificate');
    ctx.sendHandshake({ type: 'certificate', body: { certificates: [] } });
  }
  const { suite } = state.hello;
  const group = groupName(state.group)!;
  const { share } = state;
  const preMasterSecret = await sharedSecretOrFail(group, share.privateKey, state.serverPublic);
  ctx.secrets([
    {
      name: 'pre_master_secret',
      value: preMasterSecret,
      inputs: [
        { name: 'client ECDHE private key', value: share.privateKey },
        { name: 'server ECDHE public key', value: state.serverPublic },
        { name: 'group', value: group },
      ],
      explain: 'secret.pre_master.ecdhe',
    },
  ]);
  ctx.sendHandshake({ type: 'client_key_exchange', body: { publicKey: share.publicKey } });
  const masterSecret = establishMasterSecret(
    ctx,
    suite,
    preMasterSecret,
    state.hello.extendedMasterSecret,
    state.hello,
  );
  const traffic = establishTrafficKeys(ctx, suite, masterSecret, state.hello);
  ctx.sendChangeCipherSpec();
  ctx.protectWrites(suite, traffic.clientWriteKey, traffic.clientWriteIv);
  sendFinished(ctx, suite, masterSecret, 'client finished');
  const keys: ClientKeys = { masterSecret, traffic };
  return state.hello.ticketExpected
    ? {
        name: 'ExpectNewSessionTicket',
        offer: state.offer,
        hello: state.hello,
        keys,
        resuming: false,
      }
    : {
        name: 'ExpectChangeCipherSpec',
        offer: state.offer,
        hello: state.hello,
        keys,
        resuming: false,
      };
}

// RFC 5077, Section 3.3
async function onNewSessionTicket(
  state: Extract<Tls12ClientState, { name: 'ExpectNewSessionTicket' }>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls12ClientState> {
  const { message, raw } = expectHandshake(input, 'new_session_ticket', 'NewSessionTicket');
  ctx.transcript.add(raw);
  const ticket = message.body.ticket.length > 0 ? message.body.ticket : undefined;
  return { ...state, name: 'ExpectChangeCipherSpec', ...(ticket ? { ticket } : {}) };
}

// RFC 5246, Section 7.4.9
async function onFinished(
  config: ClientConfig,
  state: Extract<Tls12ClientState, { name: 'ExpectFinished' }>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls12ClientState> {
  const { suite } = state.hello;
  checkPeerFinished(ctx, suite, state.keys.masterSecret, 'server finished', input);
  if (state.resuming) {
    // In the abbreviated handshake the client speaks last.
    ctx.sendChangeCipherSpec();
    ctx.protectWrites(suite, state.keys.traffic.clientWriteKey, state.keys.traffic.clientWriteIv);
    sendFinished(ctx, suite, state.keys.masterSecret, 'client finished');
  }
  const previous = state.offer.offeredSession;
  const ticket =
    state.ticket ??
    (state.resuming && state.offer.resumeBy === 'session_ticket' ? previous?.ticket : undefined);
  config.sessions?.put(config.serverName, {
    sessionId: state.hello.sessionId,
    ...(ticket ? { ticket } : {}),
    masterSecret: state.keys.masterSecret,
    cipherSuite: suite.id,
    extendedMasterSecret: state.hello.extendedMasterSecret,
    createdAt: state.resuming && previous ? previous.createdAt : ctx.clock.now(),
  });
  ctx.note('tls.handshake_complete', { suite: suite.name });
  return { name: 'Traffic' };
}

function isIpLiteral(name: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.includes(':');
}
