/**
 * The TLS 1.3 server, top to bottom in protocol order (RFC 8446, Section 2):
 *
 *   ←  ClientHello (+ key_share, + pre_shared_key)
 *   [HelloRetryRequest  →   ←  ClientHello]          when no share fits (Section 4.1.4)
 *   ServerHello (+ key_share, + pre_shared_key), [ChangeCipherSpec],
 *   {EncryptedExtensions}, {Certificate}, {CertificateVerify}, {Finished}  →
 *   ←  [ChangeCipherSpec], {Finished}
 *   [NewSessionTicket]  →
 *
 * {} is under the handshake traffic keys and [] under the application traffic keys.
 */
import { hash as hashOf } from '../../../crypto/hash';
import { concatBytes } from '../../../bytes/hex';
import { generateKeyShare } from '../../../crypto/ecdhe';
import type { ServerConfig, ServerCredential } from '../../config';
import type { HandshakeContext, Incoming, Machine } from '../../context';
import { ProtocolVersion, cipherSuite, namedGroupName, type NamedGroup } from '../../enums';
import { fail } from '../../errors';
import { groupName } from '../../groups';
import { checkVerifyDataLength, expectHandshake, sharedSecretOrFail } from '../../handshake-steps';
import type { ClientHello } from '../../messages/client-hello';
import { findExtension, type Extension } from '../../messages/extensions';
import { refuseMalformedTls13Extensions, truncatedClientHello } from '../messages';
import { signCertificateVerify, tls13SchemeFits } from '../certificate-verify';
import { TLS13_SUITES, tls13Suite, type Tls13Suite } from '../key-schedule';
import { Tls13KeySchedule } from '../schedule';
import { keyTypeOfPkcs8 } from '../../../crypto/spki';
import { SERVER13_ACCEPTS, type RetryDecided, type Tls13ServerState } from './states';
import { checkRetryExtensions, fixedExtensions } from './retry-hello';
import { openTicket13, sealTicket13 } from './tickets';
import { chooseAlpn } from '../../alpn';

/** RFC 8446, Section 4.1.3: SHA-256("HelloRetryRequest") in place of ServerHello.random. */
const HELLO_RETRY_RANDOM = hashOf('sha256', new TextEncoder().encode('HelloRetryRequest'));
/** RFC 8446, Section 4.2.9: PSK with (EC)DHE key establishment, the only mode we accept. */
const PSK_DHE_KE = 1;
/** RFC 8446, Section 4.6.1: how long our tickets may be used, in seconds (two hours). */
const TICKET_LIFETIME_SECONDS = 7200;
/** RFC 8446, Section 4.6.3: KeyUpdateRequest. */
const UPDATE_NOT_REQUESTED = 0;
const UPDATE_REQUESTED = 1;

/** The TLS 1.3 suites a server config allows, in its order of preference. */
export function serverTls13Suites(config: ServerConfig): Tls13Suite[] {
  const ids = config.tls13CipherSuites ?? TLS13_SUITES.map((s) => s.id);
  return ids.map((id) => tls13Suite(id)).filter((s): s is Tls13Suite => s !== undefined);
}

export function tls13ServerMachine(config: ServerConfig): Machine<Tls13ServerState> {
  return {
    role: 'server',
    start: async () => ({ tls13: true, name: 'ExpectClientHello' }),
    handle: (state, input, ctx) => handle13(config, state, input, ctx),
    acceptedHandshakes: (state) => SERVER13_ACCEPTS[state.name],
    isTraffic: (state) => state.name === 'Traffic',
  };
}

export async function handle13(
  config: ServerConfig,
  state: Tls13ServerState,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls13ServerState> {
  switch (state.name) {
    case 'ExpectClientHello':
    case 'ExpectRetryClientHello': {
      const { message, raw } = expectHandshake(input, 'client_hello', 'ClientHello');
      return onClientHello(
        config,
        message.body,
        raw,
        state.name === 'ExpectRetryClientHello' ? state.retry : undefined,
        ctx,
      );
    }
    case 'ExpectFinished':
      return onClientFinished(config, state, input, ctx);
    case 'Traffic':
      return onKeyUpdate(state, input, ctx);
  }
}

// RFC 8446, Section 4.1.2
async function onClientHello(
  config: ServerConfig,
  hello: ClientHello,
  raw: Uint8Array,
  retry: RetryDecided | undefined,
  ctx: HandshakeContext,
): Promise<Tls13ServerState> {
  ctx.useTls13Records();
  refuseMalformedTls13Extensions(hello.extensions, 'client_hello');
  // Section 4.2.10: we never accept 0-RTT, so early data the client sends with this hello is
  // skipped rather than taken for a broken handshake record. A second ClientHello carries none.
  if (!retry && findExtension(hello.extensions, 'early_data')) ctx.skipEarlyData();
  // Section 4.1.2: a TLS 1.3 ClientHello offers exactly the null compression method.
  if (hello.compressionMethods.length !== 1 || hello.compressionMethods[0] !== 0)
    fail({ fault: 'peer_misbehaved.tls13_compression_not_null', params: {} });

  if (retry) checkRetryExtensions(retry.fixedExtensions, hello.extensions);
  const suite = retry?.suite ?? chooseSuite(config, hello);
  if (retry && !hello.cipherSuites.includes(cipherSuite(suite.id)))
    fail({
      fault: 'peer_misbehaved.retry_hello_changed',
      params: { detail: 'cipher_suites' },
    });
  const psk = chooseable(hello);
  const shares = findExtension(hello.extensions, 'key_share');
  const groups = findExtension(hello.extensions, 'supported_groups');
  // Section 9.2: psk_dhe_ke and plain (EC)DHE both need key_share and supported_groups.
  if (!shares)
    fail({ fault: 'peer_misbehaved.missing_extension', params: { extension: 'key_share' } });
  if (!groups)
    fail({ fault: 'peer_misbehaved.missing_extension', params: { extension: 'supported_groups' } });

  let group: NamedGroup;
  if (retry) {
    // Section 4.1.2: the second ClientHello's key_share is the one group we asked for.
    const only = shares.shares;
    if (only.length !== 1 || only[0]!.group !== retry.group)
      fail({
        fault: 'peer_misbehaved.retry_hello_changed',
        params: { detail: `key_share ${only.map((s) => namedGroupName(s.group)).join(',')}` },
      });
    group = retry.group;
  } else {
    const chosen = chooseGroup(
      config,
      groups.groups,
      shares.shares.map((s) => s.group),
    );
    if (chosen.retry) {
      ctx.transcript.add(raw);
      return sendHelloRetryRequest(hello, suite, chosen.group, ctx);
    }
    group = chosen.group;
  }
  const clientShare = shares.shares.find((s) => s.group === group)!;
  ctx.transcript.add(raw);
  const schedule = new Tls13KeySchedule(suite, (s) => ctx.secrets(s));

  // Section 4.2.11: try the offered PSKs in order; a ticket we cannot use is skipped, but a
  // binder that does not verify ends the handshake.
  let selectedIdentity: number | undefined;
  let resumedAlpn: string | undefined;
  if (psk && config.ticketKey) {
    for (let i = 0; i < psk.offer.identities.length; i++) {
      const state = openTicket13(config.ticketKey, psk.offer.identities[i]!.identity);
      if (!state) continue;
      const ticketSuite = tls13Suite(state.cipherSuite);
      const ageMs = ctx.clock.now() - state.issuedAt;
      if (!ticketSuite || ticketSuite.hash !== suite.hash) continue;
      if (ageMs < 0 || ageMs > state.lifetimeSeconds * 1000) continue;
      schedule.earlySecret(state.psk);
      const truncated = truncatedClientHello(raw, psk.offer.binders);
      const transcriptHash = hashOf(
        suite.hash,
        concatBytes(...ctx.transcript.messages.slice(0, -1), truncated),
      );
      const expected = schedule.binder('res', transcriptHash);
      if (!equalBytes(expected, psk.offer.binders[i] ?? new Uint8Array(0)))
        fail({ fault: 'peer_misbehaved.bad_psk_binder', params: { identity: i } });
      selectedIdentity = i;
      resumedAlpn = state.alpn;
      ctx.note('tls13.server.psk_accepted', { identity: i });
      break;
    }
    if (selectedIdentity === undefined) ctx.note('tls13.server.psk_not_usable');
  }

  const alpn = chooseAlpn(config, hello) ?? (resumedAlpn || undefined);
  const credential = selectedIdentity === undefined ? chooseCredential(config, hello) : undefined;

  const share = await generateKeyShare(groupName(group)!, ctx.rng);
  const shared = await sharedSecretOrFail(
    groupName(group)!,
    share.privateKey,
    clientShare.keyExchange,
  );

  // Section 4.1.3: supported_versions and key_share, and pre_shared_key when resuming.
  const extensions: Extension[] = [
    { kind: 'selected_version', version: ProtocolVersion.TLS13 },
    { kind: 'key_share_server', share: { group, keyExchange: share.publicKey } },
  ];
  if (selectedIdentity !== undefined)
    extensions.push({ kind: 'pre_shared_key_server', selectedIdentity });
  const serverRandom = ctx.rng.bytes(32);
  ctx.sendHandshake({
    type: 'server_hello',
    body: {
      version: ProtocolVersion.TLS12,
      random: serverRandom,
      sessionId: hello.sessionId,
      cipherSuite: cipherSuite(suite.id),
      compressionMethod: 0,
      extensions,
    },
  });
  // Appendix D.4: in middlebox compatibility mode (the client sent a session ID) our first
  // handshake message is followed by a ChangeCipherSpec.
  if (hello.sessionId.length > 0 && !retry?.sentCompatCcs) {
    ctx.sendChangeCipherSpec();
    ctx.note('tls13.server.compat_ccs');
  }
  Object.assign(ctx.negotiated, {
    version: ProtocolVersion.TLS13,
    cipherSuite: cipherSuite(suite.id),
    group,
    clientRandom: hello.random,
    ...(alpn ? { alpn } : {}),
    ...(selectedIdentity !== undefined ? { resumedPsk: true } : {}),
  });

  schedule.handshakeSecret(shared);
  const hs = schedule.handshakeTrafficSecrets(ctx.transcript.hash(suite.hash));
  ctx.protectWrites13(suite, hs.server);
  ctx.protectReads13(suite, hs.client);

  // Section 4.3.1: everything not needed to set up keys goes in EncryptedExtensions.
  const encrypted: Extension[] = [];
  // RFC 6066, Section 3: an empty server_name says the name was used.
  if (findExtension(hello.extensions, 'server_name'))
    encrypted.push({ kind: 'server_name', hostName: '' });
  if (alpn) encrypted.push({ kind: 'alpn', protocols: [alpn] });
  ctx.sendHandshake({ type: 'encrypted_extensions', body: { extensions: encrypted } });

  if (credential) {
    // Section 4.4.2: the chain, leaf first, each with its (empty) extensions.
    ctx.sendHandshake({
      type: 'certificate_13',
      body: {
        requestContext: new Uint8Array(0),
        entries: credential.credential.chain.map((data) => ({ data, extensions: [] })),
      },
    });
    const signature = await signCertificateVerify(
      'server',
      credential.scheme,
      credential.credential.privateKeyPkcs8,
      ctx.transcript.hash(suite.hash),
    );
    ctx.negotiated.signatureScheme = credential.scheme;
    ctx.negotiated.serverCertificates = credential.credential.chain;
    ctx.sendHandshake({
      type: 'certificate_verify',
      body: { scheme: credential.scheme, signature },
    });
  }

  const verifyData = schedule.verifyData(
    'server',
    hs.server,
    'server_handshake_traffic_secret',
    ctx.transcript.hash(suite.hash),
  );
  ctx.sendHandshake({ type: 'finished', body: { verifyData } });

  const app = schedule.applicationTrafficSecrets(ctx.transcript.hash(suite.hash));
  ctx.protectWrites13(suite, app.server);
  ctx.negotiated.tls13Secrets = {
    CLIENT_HANDSHAKE_TRAFFIC_SECRET: hs.client,
    SERVER_HANDSHAKE_TRAFFIC_SECRET: hs.server,
    CLIENT_TRAFFIC_SECRET_0: app.client,
    SERVER_TRAFFIC_SECRET_0: app.server,
    EXPORTER_SECRET: app.exporter,
  };
  return {
    tls13: true,
    name: 'ExpectFinished',
    traffic: {
      suite,
      schedule,
      clientSecret: app.client,
      serverSecret: app.server,
      clientGeneration: 0,
      serverGeneration: 0,
    },
    clientHandshakeSecret: hs.client,
    issueTicket: psk !== undefined || offersPskDhe(hello),
    alpn: alpn ?? '',
  };
}

/** The server's preferred TLS 1.3 suite among the client's (Section 4.1.1), or handshake_failure. */
function chooseSuite(config: ServerConfig, hello: ClientHello): Tls13Suite {
  const ours = serverTls13Suites(config);
  const pick = config.preferServerOrder
    ? ours.find((s) => hello.cipherSuites.includes(cipherSuite(s.id)))
    : hello.cipherSuites.map((id) => ours.find((s) => s.id === id)).find((s) => s !== undefined);
  if (!pick)
    fail({
      fault: 'peer_incompatible.no_shared_cipher_suite',
      params: {
        offered: hello.cipherSuites.map((id) => `0x${id.toString(16).padStart(4, '0')}`),
        supported: ours.map((s) => s.name),
        passedOver: [],
        passedOverClause: '',
      },
    });
  return pick;
}

/**
 * The group for the key exchange (Section 4.2.8). Preferring our own order, a client's share for
 * a group we like better than the one it sent a share for costs a HelloRetryRequest; otherwise the
 * first share we support is taken.
 */
function chooseGroup(
  config: ServerConfig,
  clientGroups: readonly NamedGroup[],
  shareGroups: readonly NamedGroup[],
): { group: NamedGroup; retry: boolean } {
  const usable = config.groups.filter((g) => groupName(g) !== undefined);
  const mutual = config.preferServerOrder
    ? usable.filter((g) => clientGroups.includes(g))
    : clientGroups.filter((g) => usable.includes(g));
  const best = mutual[0];
  if (best === undefined)
    fail({
      fault: 'peer_incompatible.no_shared_group',
      params: {
        offered: clientGroups.map((g) => namedGroupName(g)),
        supported: usable.map((g) => namedGroupName(g)),
      },
    });
  if (shareGroups.includes(best)) return { group: best, retry: false };
  return { group: best, retry: true };
}

// RFC 8446, Section 4.1.4
function sendHelloRetryRequest(
  hello: ClientHello,
  suite: Tls13Suite,
  group: NamedGroup,
  ctx: HandshakeContext,
): Tls13ServerState {
  // Section 4.4.1: ClientHello1 becomes message_hash in the transcript.
  ctx.transcript.replaceWithMessageHash(suite.hash);
  ctx.note('tls13.server.hello_retry', { group: namedGroupName(group) });
  ctx.sendHandshake({
    type: 'server_hello',
    body: {
      version: ProtocolVersion.TLS12,
      random: HELLO_RETRY_RANDOM,
      sessionId: hello.sessionId,
      cipherSuite: cipherSuite(suite.id),
      compressionMethod: 0,
      extensions: [
        { kind: 'selected_version', version: ProtocolVersion.TLS13 },
        { kind: 'key_share_retry', selectedGroup: group },
      ],
    },
  });
  const sentCompatCcs = hello.sessionId.length > 0;
  if (sentCompatCcs) ctx.sendChangeCipherSpec();
  return {
    tls13: true,
    name: 'ExpectRetryClientHello',
    retry: {
      suite,
      group,
      sentCompatCcs,
      clientSessionId: hello.sessionId,
      fixedExtensions: fixedExtensions(hello.extensions),
    },
  };
}

function offersPskDhe(hello: ClientHello): boolean {
  return (
    findExtension(hello.extensions, 'psk_key_exchange_modes')?.modes.includes(PSK_DHE_KE) ?? false
  );
}

/** The client's PSK offer, if it may be used: psk_dhe_ke offered (Section 4.2.9). */
function chooseable(
  hello: ClientHello,
): { offer: Extract<Extension, { kind: 'pre_shared_key' }> } | undefined {
  const offer = findExtension(hello.extensions, 'pre_shared_key');
  if (!offer) return undefined;
  const modes = findExtension(hello.extensions, 'psk_key_exchange_modes');
  // Section 4.2.9: a pre_shared_key without psk_key_exchange_modes is refused.
  if (!modes)
    fail({
      fault: 'peer_misbehaved.missing_extension',
      params: { extension: 'psk_key_exchange_modes' },
    });
  if (offer.identities.length !== offer.binders.length)
    fail({ fault: 'peer_misbehaved.bad_psk_binder', params: { identity: -1 } });
  return modes.modes.includes(PSK_DHE_KE) ? { offer } : undefined;
}

/**
 * A certificate and the scheme to sign with (Section 4.4.2.2): the first of ours whose key a scheme
 * the client offers can sign with under TLS 1.3's rules.
 */
function chooseCredential(
  config: ServerConfig,
  hello: ClientHello,
): { credential: ServerCredential; scheme: number } {
  const offered = findExtension(hello.extensions, 'signature_algorithms')?.schemes;
  if (!offered)
    fail({
      fault: 'peer_misbehaved.missing_extension',
      params: { extension: 'signature_algorithms' },
    });
  for (const scheme of config.signatureSchemes) {
    if (!offered.includes(scheme)) continue;
    for (const credential of config.credentials) {
      if (tls13SchemeFits(scheme, keyTypeOfPkcs8(credential.privateKeyPkcs8)))
        return { credential, scheme };
    }
  }
  return fail({
    fault: 'peer_incompatible.no_tls13_signature_scheme',
    params: { offered: offered.map((s) => `0x${s.toString(16).padStart(4, '0')}`) },
  });
}

// RFC 8446, Section 4.4.4
async function onClientFinished(
  config: ServerConfig,
  state: Extract<Tls13ServerState, { name: 'ExpectFinished' }>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls13ServerState> {
  const { message, raw } = expectHandshake(input, 'finished', 'Finished');
  const { suite, schedule } = state.traffic;
  const expected = schedule.verifyData(
    'client',
    state.clientHandshakeSecret,
    'client_handshake_traffic_secret',
    ctx.transcript.hash(suite.hash),
  );
  checkVerifyDataLength(message.body.verifyData, expected.length);
  if (!equalBytes(expected, message.body.verifyData))
    fail({ fault: 'peer_misbehaved.client_finished_mismatch', params: {} });
  ctx.transcript.add(raw);
  ctx.protectReads13(suite, state.traffic.clientSecret);

  // Section 4.6.1: a ticket for the next connection, sent once the client has proved itself.
  if (state.issueTicket && config.ticketKey) {
    const resumption = schedule.resumptionMasterSecret(ctx.transcript.hash(suite.hash));
    const nonce = Uint8Array.of(0);
    const psk = schedule.ticketPsk(resumption, nonce);
    const ageAdd = new DataView(ctx.rng.bytes(4).buffer).getUint32(0);
    const ticket = sealTicket13(
      config.ticketKey,
      {
        psk,
        cipherSuite: suite.id,
        issuedAt: ctx.clock.now(),
        lifetimeSeconds: TICKET_LIFETIME_SECONDS,
        ageAdd,
        alpn: state.alpn,
      },
      ctx.rng,
    );
    ctx.sendHandshake({
      type: 'new_session_ticket_13',
      body: { lifetime: TICKET_LIFETIME_SECONDS, ageAdd, nonce, ticket, extensions: [] },
    });
  }
  return { tls13: true, name: 'Traffic', traffic: state.traffic };
}

// RFC 8446, Section 4.6.3
async function onKeyUpdate(
  state: Extract<Tls13ServerState, { name: 'Traffic' }>,
  input: Incoming,
  ctx: HandshakeContext,
): Promise<Tls13ServerState> {
  const { message } = expectHandshake(input, 'key_update', 'KeyUpdate');
  const t = state.traffic;
  // The codec refuses any other request value (Section 4.6.3: illegal_parameter).
  const request = message.body.requestUpdate;
  // The peer's next records are under its next secret (Section 7.2).
  const clientGeneration = t.clientGeneration + 1;
  const clientSecret = t.schedule.nextTrafficSecret('client', t.clientSecret, clientGeneration);
  ctx.protectReads13(t.suite, clientSecret);
  let { serverSecret, serverGeneration } = t;
  if (request === UPDATE_REQUESTED) {
    // Our KeyUpdate goes under the old key; what follows it under the new one.
    ctx.sendHandshake({ type: 'key_update', body: { requestUpdate: UPDATE_NOT_REQUESTED } });
    serverGeneration += 1;
    serverSecret = t.schedule.nextTrafficSecret('server', serverSecret, serverGeneration);
    ctx.protectWrites13(t.suite, serverSecret);
  }
  ctx.note('tls13.key_update', { request: request === UPDATE_REQUESTED ? 'yes' : 'no' });
  return {
    tls13: true,
    name: 'Traffic',
    traffic: { ...t, clientSecret, clientGeneration, serverSecret, serverGeneration },
  };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
