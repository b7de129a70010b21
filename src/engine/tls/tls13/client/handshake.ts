/**
 * The TLS 1.3 client, top to bottom in protocol order (RFC 8446, Section 2, Figure 1):
 *
 *   ClientHello (key_share, supported_versions, [pre_shared_key])  →
 *          ←  [HelloRetryRequest → ClientHello again]
 *          ←  ServerHello, {EncryptedExtensions}, {Certificate*}, {CertificateVerify*}, {Finished}
 *   [ChangeCipherSpec], {Finished}  →
 *          ←  [NewSessionTicket], [KeyUpdate]           (after the handshake)
 *
 * With TLS 1.2 offered too, the same ClientHello carries TLS 1.2's suites and extensions; a
 * ServerHello without supported_versions hands the handshake back to the TLS 1.2 client.
 */
import { checkServerChain } from '../../client/check-server-chain';
import { hash } from '../../../crypto/hash';
import { generateKeyShare } from '../../../crypto/ecdhe';
import { DecodeError } from '../../../bytes';
import { bytesEqual, concatBytes } from '../../../bytes/hex';
import type { ClientOffer } from '../../client/states';
import type { ClientConfig } from '../../config';
import type { HandshakeContext, Incoming } from '../../context';
import {
  ExtensionType,
  HandshakeType,
  KeyUpdateRequest,
  ProtocolVersion,
  PskKeyExchangeMode,
  cipherSuite,
  cipherSuiteName,
  extensionName,
  namedGroupName,
  signatureSchemeName,
  versionName,
} from '../../enums';
import { fail } from '../../errors';
import { groupName } from '../../groups';
import { checkVerifyDataLength, expectHandshake, sharedSecretOrFail } from '../../handshake-steps';
import type { ClientHello } from '../../messages/client-hello';
import {
  extensionTypeOf,
  findExtension,
  type Extension,
  type ExtensionKind,
} from '../../messages/extensions';
import { encodeHandshake } from '../../messages/handshake';
import type { ServerHello } from '../../messages/server-hello';
import {
  Tls13SchemeMismatch,
  TLS13_SIGNATURE_SCHEMES,
  verifyCertificateVerify,
} from '../certificate-verify';
import { downgradeSentinelOf } from '../downgrade';
import { TLS13_SUITES, tls13Suite, type Tls13Suite } from '../key-schedule';
import { isHelloRetryRequest } from '../messages/hello-retry-request';
import { truncatedClientHello } from '../messages/extensions';
import { Tls13KeySchedule } from '../schedule';
import type { Tls13ClientState, Tls13Offer } from './states';

type State<N extends Tls13ClientState['name']> = Extract<Tls13ClientState, { name: N }>;

/** The answer when the server chose TLS 1.2: the TLS 1.2 client goes on from its offer. */
export interface Handover {
  handover: ClientOffer;
}

/** RFC 8446, Section 4.1.2: the legacy_session_id a middlebox-compatible client sends. */
const COMPAT_SESSION_ID_LENGTH = 32;

export async function handleTls13(
  config: ClientConfig,
  state: Tls13ClientState,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls13ClientState | Handover> {
  switch (state.name) {
    case 'ExpectServerHello':
      return onServerHello(config, state, input, ctx);
    case 'ExpectEncryptedExtensions':
      return onEncryptedExtensions(config, state, input, ctx);
    case 'ExpectCertificate':
      if (input.kind === 'handshake' && input.message.type === 'unknown')
        return onCertificateRequest(state, input, ctx);
      return onCertificate(config, state, input, ctx);
    case 'ExpectCertificateVerify':
      return onCertificateVerify(config, state, input, ctx);
    case 'ExpectFinished':
      return onFinished(state, input, ctx);
    case 'Traffic':
      return onPostHandshake(config, state, input, ctx);
  }
}

// ---------------------------------------------------------------------------------------------
// RFC 8446, Section 4.1.2: the ClientHello

function offeredSuites(config: ClientConfig): number[] {
  return config.tls13CipherSuites ?? TLS13_SUITES.map((s) => s.id);
}

/**
 * Adds TLS 1.3 to a TLS 1.2 ClientHello (or makes a TLS 1.3-only one of it) and sends it:
 * the 1.3 suites first, supported_versions, one key share in our first group, psk_dhe_ke, and a
 * ticket as pre_shared_key when we hold one (RFC 8446, Sections 4.1.2 and 4.2).
 */
export async function offerTls13(
  config: ClientConfig,
  ctx: HandshakeContext,
  base: ClientHello,
  offer12: ClientOffer | undefined,
): Promise<Tls13ClientState> {
  const suites = offeredSuites(config);
  // The group this server chose last time, when we still offer it; else our first one.
  const remembered = config.tls13Tickets?.group(config.serverName);
  const firstGroup =
    config.groups.find(
      (g) => groupName(g) !== undefined && (remembered === undefined || g === remembered),
    ) ?? config.groups.find((g) => groupName(g) !== undefined);
  if (firstGroup === undefined)
    fail({ fault: 'internal.error', params: { detail: 'no key exchange group configured' } });
  const share = await generateKeyShare(groupName(firstGroup)!, ctx.rng);
  const versions = [ProtocolVersion.TLS13, ...(offer12 ? [ProtocolVersion.TLS12] : [])];
  // A TLS 1.3-only hello keeps only what TLS 1.3 reads: no EMS, point formats, 1.2 tickets or
  // renegotiation_info (RFC 8446, Section 4.2 lists what each message may carry).
  const tls12Only: readonly ExtensionKind[] = [
    'extended_master_secret',
    'ec_point_formats',
    'session_ticket',
    'renegotiation_info',
  ];
  const kept = offer12
    ? base.extensions
    : base.extensions.filter((e) => !tls12Only.includes(e.kind));
  const ticket = config.tls13Tickets?.get(config.serverName, ctx.clock.now());
  const usable = ticket && suites.includes(ticket.cipherSuite) ? ticket : undefined;
  const extensions: Extension[] = [
    ...kept,
    { kind: 'supported_versions', versions }, // RFC 8446, Section 4.2.1
    { kind: 'key_share', shares: [{ group: firstGroup, keyExchange: share.publicKey }] }, // Section 4.2.8
    { kind: 'psk_key_exchange_modes', modes: [PskKeyExchangeMode.psk_dhe_ke] }, // Section 4.2.9
  ];
  const sessionId =
    base.sessionId.length > 0 ? base.sessionId : ctx.rng.bytes(COMPAT_SESSION_ID_LENGTH);
  const tls12Suites = offer12 ? base.cipherSuites : [];
  let hello: ClientHello = {
    ...base,
    sessionId,
    cipherSuites: [...suites.map(cipherSuite), ...tls12Suites],
    extensions,
  };
  const offer: Tls13Offer = {
    hello,
    cipherSuites: suites,
    shares: [{ group: firstGroup, share }],
    extensionTypes: [],
    sentChangeCipherSpec: false,
    ...(usable ? { ticket: usable } : {}),
  };
  if (usable) {
    hello = withPsk(hello, offer, ctx, []);
    ctx.note('tls13.client.offer_psk', { suite: cipherSuiteName(usable.cipherSuite) });
  }
  offer.hello = hello;
  offer.extensionTypes = hello.extensions.map(extensionTypeOf);
  ctx.sendHandshake({ type: 'client_hello', body: hello });
  ctx.negotiated.clientRandom = hello.random;
  return {
    tls: 13,
    name: 'ExpectServerHello',
    offer,
    ...(offer12 ? { offer12: { ...offer12, sessionId } } : {}),
  };
}

/**
 * The hello with a pre_shared_key for the offered ticket, its binder computed (RFC 8446, Section
 * 4.2.11.2): HMAC with the binder key over the transcript so far (`before`: after a
 * HelloRetryRequest, message_hash and the HRR) and the ClientHello up to the binders.
 */
function withPsk(
  hello: ClientHello,
  offer: Tls13Offer,
  ctx: HandshakeContext,
  before: readonly Uint8Array[],
): ClientHello {
  const ticket = offer.ticket!;
  const suite = tls13Suite(ticket.cipherSuite)!;
  const schedule = new Tls13KeySchedule(suite, (s) => ctx.secrets(s));
  schedule.earlySecret(ticket.psk);
  // RFC 8446, Section 4.2.11.1: obfuscated_ticket_age = age in ms + ticket_age_add, mod 2^32.
  const age = Math.max(0, ctx.clock.now() - ticket.receivedAt);
  const identity = {
    identity: ticket.ticket,
    obfuscatedTicketAge: (age + ticket.ageAdd) % 0x100000000,
  };
  const placeholder = new Uint8Array(schedule.hashLength);
  const withBinders = (binder: Uint8Array): ClientHello => ({
    ...hello,
    extensions: [
      ...hello.extensions.filter((e) => e.kind !== 'pre_shared_key'),
      { kind: 'pre_shared_key', identities: [identity], binders: [binder] },
    ],
  });
  const raw = encodeHandshake({ type: 'client_hello', body: withBinders(placeholder) }).bytes;
  const truncated = truncatedClientHello(raw, [placeholder]);
  const binder = schedule.binder('res', hash(suite.hash, concatBytes(...before, truncated)));
  return withBinders(binder);
}

// ---------------------------------------------------------------------------------------------
// RFC 8446, Sections 4.1.3 and 4.1.4: ServerHello or HelloRetryRequest

async function onServerHello(
  config: ClientConfig,
  state: State<'ExpectServerHello'>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls13ClientState | Handover> {
  const { message, raw } = expectHandshake(input, 'server_hello', 'ServerHello');
  const hello = message.body;
  const selected = findExtension(hello.extensions, 'selected_version');
  if (selected === undefined) {
    if (
      hello.extensions.some(
        (e) => e.kind === 'unknown' && e.type === ExtensionType.supported_versions,
      )
    )
      malformed('supported_versions', 'ServerHello');
    return chooseTls12(state, hello, ctx);
  }
  const { offer } = state;
  // RFC 8446, Section 4.2.1: the selected version must be one we offered, and TLS 1.2 is never
  // negotiated through supported_versions.
  if (selected.version !== ProtocolVersion.TLS13)
    fail({
      fault: 'peer_misbehaved.selected_unoffered_version',
      params: { version: versionName(selected.version) },
    });
  ctx.useTls13Records();
  ctx.negotiated.version = ProtocolVersion.TLS13;
  if (!offer.cipherSuites.includes(hello.cipherSuite) || !tls13Suite(hello.cipherSuite))
    fail({
      fault: 'peer_misbehaved.selected_unoffered_cipher_suite',
      params: { suite: cipherSuiteName(hello.cipherSuite) },
    });
  // RFC 8446, Section 4.1.3: legacy_session_id_echo and legacy_compression_method.
  if (!bytesEqual(hello.sessionId, offer.hello.sessionId))
    fail({ fault: 'peer_misbehaved.session_id_not_echoed', params: {} });
  if (hello.compressionMethod !== 0)
    fail({
      fault: 'peer_misbehaved.selected_unoffered_compression',
      params: { method: hello.compressionMethod },
    });
  const suite = tls13Suite(hello.cipherSuite)!;
  if (isHelloRetryRequest(hello)) return onHelloRetryRequest(config, state, hello, raw, suite, ctx);
  if (offer.retrySuite !== undefined && offer.retrySuite !== hello.cipherSuite)
    fail({
      fault: 'peer_misbehaved.suite_changed_after_retry',
      params: {
        retrySuite: cipherSuiteName(offer.retrySuite),
        suite: cipherSuiteName(hello.cipherSuite),
      },
    });
  // RFC 8446, Section 4.2: a ServerHello carries only key_share, pre_shared_key and
  // supported_versions.
  checkExtensions(hello.extensions, offer, 'ServerHello', [
    ExtensionType.key_share,
    ExtensionType.pre_shared_key,
    ExtensionType.supported_versions,
  ]);

  // RFC 8446, Section 4.2.11: the PSK the server took, if any.
  const pskChoice = findExtension(hello.extensions, 'pre_shared_key_server');
  let psk: Uint8Array | undefined;
  if (pskChoice) {
    const offered = offer.ticket ? 1 : 0;
    if (pskChoice.selectedIdentity >= offered)
      fail({
        fault: 'peer_misbehaved.selected_unoffered_psk',
        params: { identity: pskChoice.selectedIdentity, offered },
      });
    // Section 4.2.11: the PSK's hash must be the suite's.
    if (tls13Suite(offer.ticket!.cipherSuite)!.hash !== suite.hash)
      fail({
        fault: 'peer_misbehaved.selected_unoffered_cipher_suite',
        params: { suite: cipherSuiteName(hello.cipherSuite) },
      });
    psk = offer.ticket!.psk;
  } else if (offer.ticket) {
    ctx.note('tls13.client.psk_declined');
  }

  // RFC 8446, Section 4.2.8: we offered psk_dhe_ke only, so a key share must come, in a group
  // we sent one for.
  const serverShare = findExtension(hello.extensions, 'key_share_server');
  if (!serverShare) fail({ fault: 'peer_misbehaved.server_hello_missing_key_share', params: {} });
  const mine = offer.shares.find((s) => s.group === serverShare.share.group);
  if (!mine)
    fail({
      fault: 'peer_misbehaved.key_share_group_not_offered',
      params: { group: namedGroupName(serverShare.share.group) },
    });
  const group = groupName(mine.group)!;
  const shared = await sharedSecretOrFail(
    group,
    mine.share.privateKey,
    serverShare.share.keyExchange,
  );
  config.tls13Tickets?.rememberGroup(config.serverName, mine.group);

  ctx.transcript.add(raw);
  const schedule = new Tls13KeySchedule(suite, (s) => ctx.secrets(s));
  schedule.earlySecret(psk);
  schedule.handshakeSecret(shared);
  const secrets = schedule.handshakeTrafficSecrets(ctx.transcript.hash(suite.hash));
  ctx.protectReads13(suite, secrets.server);
  Object.assign(ctx.negotiated, {
    cipherSuite: hello.cipherSuite,
    group: mine.group,
    resumedPsk: psk !== undefined,
    sessionId: hello.sessionId,
    tls13Secrets: {
      ...ctx.negotiated.tls13Secrets,
      CLIENT_HANDSHAKE_TRAFFIC_SECRET: secrets.client,
      SERVER_HANDSHAKE_TRAFFIC_SECRET: secrets.server,
    },
  });
  ctx.note('tls13.client.server_hello', {
    suite: suite.name,
    group: namedGroupName(mine.group),
    psk: psk ? 'yes' : 'no',
  });
  return {
    tls: 13,
    name: 'ExpectEncryptedExtensions',
    agreed: {
      suite,
      schedule,
      clientHandshakeSecret: secrets.client,
      serverHandshakeSecret: secrets.server,
      resumed: psk !== undefined,
      sentChangeCipherSpec: offer.sentChangeCipherSpec,
      serverName: config.serverName,
    },
  };
}

/**
 * The server chose TLS 1.2 (no supported_versions). A client that offered TLS 1.3 checks the
 * downgrade sentinel first (RFC 8446, Section 4.1.3): a server that speaks TLS 1.3 sets it when
 * it answers in TLS 1.2, so seeing it means someone removed TLS 1.3 from our offer.
 */
function chooseTls12(
  state: State<'ExpectServerHello'>,
  hello: ServerHello,
  ctx: HandshakeContext,
): Handover {
  if (state.offer12 === undefined || state.offer.retrySuite !== undefined)
    fail({
      fault: 'peer_incompatible.server_version_unsupported',
      params: { version: versionName(hello.version) },
    });
  const sentinel = downgradeSentinelOf(hello.random);
  if (sentinel !== undefined)
    fail({
      fault: 'peer_misbehaved.downgrade_sentinel',
      params: { version: versionName(hello.version) },
    });
  ctx.negotiated.version = ProtocolVersion.TLS12;
  ctx.note('tls13.client.server_chose_tls12');
  return { handover: state.offer12 };
}

/**
 * RFC 8446, Section 4.1.4: the server wants another ClientHello, with a key share in the group
 * it names and its cookie echoed. The transcript starts again from message_hash(ClientHello1)
 * (Section 4.4.1).
 */
async function onHelloRetryRequest(
  config: ClientConfig,
  state: State<'ExpectServerHello'>,
  hrr: ServerHello,
  raw: Uint8Array,
  suite: Tls13Suite,
  ctx: HandshakeContext,
): Promise<Tls13ClientState> {
  const { offer } = state;
  // Section 4.1.4: "If a client receives a second HelloRetryRequest in the same connection, it
  // MUST abort the handshake with an unexpected_message alert."
  if (offer.retrySuite !== undefined)
    fail({
      fault: 'inappropriate_handshake_message',
      params: { expectTypes: ['ServerHello'], gotType: 'HelloRetryRequest' },
    });
  checkExtensions(hrr.extensions, offer, 'HelloRetryRequest', [
    ExtensionType.key_share,
    ExtensionType.cookie,
    ExtensionType.supported_versions,
  ]);
  const retry = findExtension(hrr.extensions, 'key_share_retry');
  const cookie = findExtension(hrr.extensions, 'cookie');
  if (!retry && !cookie) fail({ fault: 'peer_misbehaved.retry_changes_nothing', params: {} });
  let shares = offer.shares;
  if (retry) {
    const group = retry.selectedGroup;
    // Section 4.2.8: the group must be in supported_groups and not one we sent a share for.
    if (!config.groups.includes(group) || groupName(group) === undefined)
      fail({
        fault: 'peer_misbehaved.retry_for_unoffered_group',
        params: { group: namedGroupName(group) },
      });
    if (offer.shares.some((s) => s.group === group))
      fail({
        fault: 'peer_misbehaved.retry_for_sent_share',
        params: { group: namedGroupName(group) },
      });
    shares = [{ group, share: await generateKeyShare(groupName(group)!, ctx.rng) }];
  }
  ctx.useTls13Records();
  ctx.negotiated.version = ProtocolVersion.TLS13;
  ctx.transcript.replaceWithMessageHash(suite.hash);
  ctx.transcript.add(raw);
  ctx.note('tls13.client.hello_retry', {
    group: retry ? namedGroupName(retry.selectedGroup) : '-',
    cookie: cookie ? 'yes' : 'no',
  });

  // Section 4.1.2: the same ClientHello, with the new key share, the cookie, no early_data,
  // and a PSK only if its hash is the HRR suite's (its binder recomputed over the new transcript).
  const ticket =
    offer.ticket && tls13Suite(offer.ticket.cipherSuite)!.hash === suite.hash
      ? offer.ticket
      : undefined;
  const extensions: Extension[] = [];
  for (const e of offer.hello.extensions) {
    if (e.kind === 'pre_shared_key' || e.kind === 'early_data' || e.kind === 'cookie') continue;
    if (e.kind === 'key_share')
      extensions.push({
        kind: 'key_share',
        shares: shares.map((s) => ({ group: s.group, keyExchange: s.share.publicKey })),
      });
    else extensions.push(e);
  }
  if (cookie) extensions.push(cookie);
  let hello: ClientHello = { ...offer.hello, extensions };
  const next: Tls13Offer = {
    ...offer,
    shares,
    retrySuite: hrr.cipherSuite,
    sentChangeCipherSpec: true,
    ...(ticket ? { ticket } : {}),
  };
  if (!ticket) delete next.ticket;
  if (ticket) hello = withPsk(hello, next, ctx, ctx.transcript.messages);
  next.hello = hello;
  next.extensionTypes = hello.extensions.map(extensionTypeOf);
  // Appendix D.4: a middlebox-compatible client sends its ChangeCipherSpec before the second
  // ClientHello.
  ctx.sendChangeCipherSpec();
  ctx.sendHandshake({ type: 'client_hello', body: hello });
  return { tls: 13, name: 'ExpectServerHello', offer: next };
}

/**
 * RFC 8446, Section 4.2: a server's extension must answer one we sent (else
 * unsupported_extension), and be one its message may carry (else illegal_parameter). A TLS 1.3
 * extension the codec kept raw did not parse: decode_error.
 */
function checkExtensions(
  extensions: readonly Extension[],
  offer: Tls13Offer,
  message: string,
  allowed: readonly number[],
): void {
  for (const ext of extensions) {
    const type = extensionTypeOf(ext);
    if (!offer.extensionTypes.includes(type) && type !== ExtensionType.cookie)
      fail({ fault: 'peer_misbehaved.unsolicited_extension', params: { extension: type } });
    if (!allowed.includes(type))
      fail({
        fault: 'peer_misbehaved.extension_not_allowed_here',
        params: { extension: extensionName(type), message },
      });
    if (ext.kind === 'unknown') malformed(extensionName(type), message);
  }
}

function malformed(extension: string, message: string): never {
  return fail({ fault: 'peer_misbehaved.malformed_extension', params: { extension, message } });
}

// ---------------------------------------------------------------------------------------------
// RFC 8446, Section 4.3.1: EncryptedExtensions

/** Section 4.2: what may never sit in EncryptedExtensions. */
const NOT_IN_ENCRYPTED_EXTENSIONS: readonly number[] = [
  ExtensionType.key_share,
  ExtensionType.pre_shared_key,
  ExtensionType.supported_versions,
  ExtensionType.cookie,
  ExtensionType.psk_key_exchange_modes,
  ExtensionType.signature_algorithms,
  ExtensionType.ec_point_formats,
  ExtensionType.extended_master_secret,
  ExtensionType.session_ticket,
  ExtensionType.renegotiation_info,
];

async function onEncryptedExtensions(
  config: ClientConfig,
  state: State<'ExpectEncryptedExtensions'>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls13ClientState> {
  const { message, raw } = expectHandshake(input, 'encrypted_extensions', 'EncryptedExtensions');
  for (const ext of message.body.extensions) {
    const type = extensionTypeOf(ext);
    if (NOT_IN_ENCRYPTED_EXTENSIONS.includes(type))
      fail({
        fault: 'peer_misbehaved.extension_not_allowed_here',
        params: { extension: extensionName(type), message: 'EncryptedExtensions' },
      });
  }
  const alpn = findExtension(message.body.extensions, 'alpn');
  // RFC 7301, Section 3.2: exactly one protocol, one we offered.
  if (alpn && (alpn.protocols.length !== 1 || !config.alpn.includes(alpn.protocols[0]!)))
    fail({
      fault: 'peer_misbehaved.selected_unoffered_alpn',
      params: { protocols: alpn.protocols },
    });
  if (alpn) ctx.negotiated.alpn = alpn.protocols[0];
  ctx.transcript.add(raw);
  const { agreed } = state;
  // Section 2.2: with a PSK the server authenticated itself by knowing it; no certificate.
  if (agreed.resumed) return { tls: 13, name: 'ExpectFinished', agreed };
  return { tls: 13, name: 'ExpectCertificate', agreed };
}

// ---------------------------------------------------------------------------------------------
// RFC 8446, Sections 4.3.2, 4.4.2 and 4.4.3: CertificateRequest, Certificate, CertificateVerify

async function onCertificateRequest(
  state: State<'ExpectCertificate'>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls13ClientState> {
  if (
    !(input.kind === 'handshake' && input.message.type === 'unknown') ||
    input.message.msgType !== HandshakeType.certificate_request ||
    state.certificateRequestContext !== undefined
  )
    fail({
      fault: 'inappropriate_handshake_message',
      params: { expectTypes: ['Certificate'], gotType: 'CertificateRequest' },
    });
  // struct { opaque certificate_request_context<0..2^8-1>; Extension extensions<2..2^16-1>; }
  const body = input.message.body;
  const length = body[0] ?? 0;
  if (body.length < 1 + length + 2)
    throw new DecodeError(
      'decode.truncated',
      { what: 'CertificateRequest', n: 1 + length + 2, left: body.length },
      4,
    );
  ctx.transcript.add(input.raw);
  ctx.note('tls13.client.certificate_requested');
  return { ...state, certificateRequestContext: body.slice(1, 1 + length) };
}

async function onCertificate(
  config: ClientConfig,
  state: State<'ExpectCertificate'>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls13ClientState> {
  const { message, raw } = expectHandshake(input, 'certificate_13', 'Certificate');
  ctx.transcript.add(raw);
  const chain = message.body.entries.map((e) => e.data);
  ctx.negotiated.serverCertificates = chain;
  if (chain.length === 0) fail({ fault: 'invalid_certificate.empty', params: {} });
  const result = await checkServerChain(chain, config, ctx);
  ctx.note('tls.client.certificate_valid', {
    subject: result.leaf.subject,
    issuer: result.leaf.issuer,
  });
  return {
    tls: 13,
    name: 'ExpectCertificateVerify',
    agreed: state.agreed,
    leafSpki: result.leafSpki,
    leafKeyType: result.leafKeyType,
    ...(state.certificateRequestContext
      ? { certificateRequestContext: state.certificateRequestContext }
      : {}),
  };
}

async function onCertificateVerify(
  config: ClientConfig,
  state: State<'ExpectCertificateVerify'>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls13ClientState> {
  const { message, raw } = expectHandshake(input, 'certificate_verify', 'CertificateVerify');
  const { scheme, signature } = message.body;
  // Section 4.4.3: a scheme we offered in signature_algorithms, and one TLS 1.3 allows.
  if (!config.signatureSchemes.includes(scheme) || !TLS13_SIGNATURE_SCHEMES.has(scheme))
    fail({
      fault: 'peer_misbehaved.signed_with_unoffered_scheme',
      params: { scheme: signatureSchemeName(scheme) },
    });
  const { suite } = state.agreed;
  // The signature covers the transcript up to the Certificate, not this message.
  const transcriptHash = ctx.transcript.hash(suite.hash);
  let valid: boolean;
  try {
    valid = await verifyCertificateVerify(
      'server',
      scheme,
      state.leafSpki,
      transcriptHash,
      signature,
    );
  } catch (e) {
    if (!(e instanceof Tls13SchemeMismatch)) throw e;
    return fail({
      fault: 'peer_misbehaved.scheme_does_not_fit_key',
      params: { scheme: signatureSchemeName(scheme), keyType: state.leafKeyType },
    });
  }
  if (!valid)
    fail({
      fault: 'peer_misbehaved.bad_certificate_verify',
      params: { scheme: signatureSchemeName(scheme) },
    });
  ctx.transcript.add(raw);
  ctx.negotiated.signatureScheme = scheme;
  ctx.note('tls13.client.certificate_verify_valid', { scheme: signatureSchemeName(scheme) });
  return {
    tls: 13,
    name: 'ExpectFinished',
    agreed: state.agreed,
    ...(state.certificateRequestContext
      ? { certificateRequestContext: state.certificateRequestContext }
      : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// RFC 8446, Section 4.4.4: Finished, both ways

async function onFinished(
  state: State<'ExpectFinished'>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls13ClientState> {
  const { message, raw } = expectHandshake(input, 'finished', 'Finished');
  const { agreed } = state;
  const { suite, schedule } = agreed;
  const expected = schedule.verifyData(
    'server',
    agreed.serverHandshakeSecret,
    'server_handshake_traffic_secret',
    ctx.transcript.hash(suite.hash),
  );
  checkVerifyDataLength(message.body.verifyData, expected.length);
  if (!bytesEqual(expected, message.body.verifyData))
    fail({ fault: 'peer_misbehaved.server_finished_mismatch', params: {} });
  ctx.transcript.add(raw);
  // Section 7.1: the application secrets cover the transcript up to the server Finished.
  const app = schedule.applicationTrafficSecrets(ctx.transcript.hash(suite.hash));
  ctx.protectReads13(suite, app.server);

  // Appendix D.4: the compatibility ChangeCipherSpec goes before our first encrypted record.
  if (!agreed.sentChangeCipherSpec) ctx.sendChangeCipherSpec();
  ctx.protectWrites13(suite, agreed.clientHandshakeSecret);
  if (state.certificateRequestContext !== undefined) {
    // Section 4.4.2: a client without a certificate answers with an empty one and no
    // CertificateVerify.
    ctx.sendHandshake({
      type: 'certificate_13',
      body: { requestContext: state.certificateRequestContext, entries: [] },
    });
  }
  const verifyData = schedule.verifyData(
    'client',
    agreed.clientHandshakeSecret,
    'client_handshake_traffic_secret',
    ctx.transcript.hash(suite.hash),
  );
  ctx.sendHandshake({ type: 'finished', body: { verifyData } });
  ctx.protectWrites13(suite, app.client);
  const resumptionSecret = schedule.resumptionMasterSecret(ctx.transcript.hash(suite.hash));
  ctx.negotiated.tls13Secrets = {
    ...ctx.negotiated.tls13Secrets,
    CLIENT_TRAFFIC_SECRET_0: app.client,
    SERVER_TRAFFIC_SECRET_0: app.server,
    EXPORTER_SECRET: app.exporter,
  };
  ctx.note('tls.handshake_complete', { suite: suite.name });
  return {
    tls: 13,
    name: 'Traffic',
    suite,
    schedule,
    clientTrafficSecret: app.client,
    serverTrafficSecret: app.server,
    clientGeneration: 0,
    serverGeneration: 0,
    resumptionSecret,
    serverName: agreed.serverName,
  };
}

// ---------------------------------------------------------------------------------------------
// RFC 8446, Section 4.6: after the handshake

async function onPostHandshake(
  config: ClientConfig,
  state: State<'Traffic'>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls13ClientState> {
  if (input.kind === 'handshake' && input.message.type === 'new_session_ticket_13') {
    // Section 4.6.1: the PSK is derived from the resumption secret and the ticket's nonce.
    const t = input.message.body;
    const psk = state.schedule.ticketPsk(state.resumptionSecret, t.nonce);
    config.tls13Tickets?.put(state.serverName, {
      ticket: t.ticket,
      psk,
      cipherSuite: state.suite.id,
      ageAdd: t.ageAdd,
      lifetime: t.lifetime,
      receivedAt: ctx.clock.now(),
    });
    ctx.note('tls13.client.ticket_stored', { lifetime: t.lifetime });
    return state;
  }
  if (input.kind === 'handshake' && input.message.type === 'key_update') {
    // Section 4.6.3: the server's next records use its next secret; if it asks, we update ours
    // too, announcing it under the old keys. A KeyUpdate that answers ours asks for nothing.
    const serverGeneration = state.serverGeneration + 1;
    const serverTrafficSecret = state.schedule.nextTrafficSecret(
      'server',
      state.serverTrafficSecret,
      serverGeneration,
    );
    ctx.protectReads13(state.suite, serverTrafficSecret);
    const requested = input.message.body.requestUpdate === KeyUpdateRequest.update_requested;
    let next: State<'Traffic'> = { ...state, serverTrafficSecret, serverGeneration };
    delete next.awaitingKeyUpdate;
    if (requested) next = sendKeyUpdate(next, KeyUpdateRequest.update_not_requested, ctx);
    if (state.awaitingKeyUpdate && !requested)
      ctx.note('tls13.client.key_update_answered', { generation: serverGeneration });
    else ctx.note('tls13.client.key_update', { answered: requested ? 'yes' : 'no' });
    reportKeyUpdates(next, ctx);
    return next;
  }
  return fail({
    fault: 'inappropriate_handshake_message',
    params: { expectTypes: ['NewSessionTicket', 'KeyUpdate'], gotType: input.kind },
  });
}

/**
 * RFC 8446, Section 4.6.3: our own KeyUpdate, asking the server to update its sending keys too;
 * it must answer with a KeyUpdate before its next application data.
 */
export function initiateKeyUpdate(
  state: State<'Traffic'>,
  ctx: HandshakeContext,
): State<'Traffic'> {
  const next = sendKeyUpdate(state, KeyUpdateRequest.update_requested, ctx);
  next.awaitingKeyUpdate = true;
  ctx.note('tls13.client.key_update_sent', { generation: next.clientGeneration });
  reportKeyUpdates(next, ctx);
  return next;
}

/** The KeyUpdate goes out under the current keys; every record after it under the next ones. */
function sendKeyUpdate(
  state: State<'Traffic'>,
  requestUpdate: number,
  ctx: HandshakeContext,
): State<'Traffic'> {
  ctx.sendHandshake({ type: 'key_update', body: { requestUpdate } });
  const clientGeneration = state.clientGeneration + 1;
  const clientTrafficSecret = state.schedule.nextTrafficSecret(
    'client',
    state.clientTrafficSecret,
    clientGeneration,
  );
  ctx.protectWrites13(state.suite, clientTrafficSecret);
  return { ...state, clientTrafficSecret, clientGeneration };
}

function reportKeyUpdates(state: State<'Traffic'>, ctx: HandshakeContext): void {
  ctx.negotiated.keyUpdates = {
    client: state.clientGeneration,
    server: state.serverGeneration,
    awaitingPeer: state.awaitingKeyUpdate === true,
  };
}
