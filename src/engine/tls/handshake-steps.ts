/**
 * Steps both sides take in the same way: checking what arrived, and deriving and recording the
 * key schedule (RFC 5246, Sections 6.3, 7.4.9 and 8.1; RFC 7627). Each derived value is put in the
 * Trace with the inputs that made it.
 */
import { bytesEqual } from '../bytes/hex';
import { computeSharedSecret, type GroupName } from '../crypto/ecdhe';
import type { HandshakeContext, Incoming } from './context';
import { fail } from './errors';
import {
  computeVerifyData,
  deriveKeys,
  deriveMasterSecret,
  type TrafficKeys,
} from './key-schedule';
import { handshakeMessageName, type HandshakeMessage } from './messages/handshake';
import type { SuiteParams } from './suites';

type MessageOf<T extends HandshakeMessage['type']> = Extract<HandshakeMessage, { type: T }>;

/** The handshake message a state waits for, or unexpected_message (RFC 5246, Section 7.4). */
export function expectHandshake<T extends HandshakeMessage['type']>(
  input: Incoming,
  type: T,
  expectedName: string,
): { message: MessageOf<T>; raw: Uint8Array } {
  if (input.kind === 'handshake' && input.message.type === type) {
    return { message: input.message as MessageOf<T>, raw: input.raw };
  }
  fail({
    fault: 'inappropriate_handshake_message',
    params: { expectTypes: [expectedName], gotType: describeIncoming(input) },
  });
}

export function expectChangeCipherSpec(input: Incoming): void {
  if (input.kind !== 'change_cipher_spec') {
    fail({
      fault: 'inappropriate_handshake_message',
      params: { expectTypes: ['ChangeCipherSpec'], gotType: describeIncoming(input) },
    });
  }
}

export function describeIncoming(input: Incoming): string {
  switch (input.kind) {
    case 'handshake':
      return handshakeMessageName(input.message);
    case 'change_cipher_spec':
      return 'ChangeCipherSpec';
    case 'application_data':
      return 'ApplicationData';
    case 'alert':
      return 'Alert';
  }
}

export interface HelloRandoms {
  clientRandom: Uint8Array;
  serverRandom: Uint8Array;
}

/**
 * The master secret from the pre-master secret. With EMS the seed is the session hash of every
 * handshake message up to and including ClientKeyExchange (RFC 7627, Section 4), which the caller
 * must already have added to the transcript.
 */
export function establishMasterSecret(
  ctx: HandshakeContext,
  suite: SuiteParams,
  preMasterSecret: Uint8Array,
  extendedMasterSecret: boolean,
  randoms: HelloRandoms,
): Uint8Array {
  const derived = extendedMasterSecret
    ? deriveMasterSecret(suite, preMasterSecret, { sessionHash: ctx.transcript.hash(suite.hash) })
    : deriveMasterSecret(suite, preMasterSecret, randoms);
  ctx.secrets(derived.secrets);
  Object.assign(ctx.negotiated, {
    clientRandom: randoms.clientRandom,
    masterSecret: derived.value,
  });
  return derived.value;
}

export function establishTrafficKeys(
  ctx: HandshakeContext,
  suite: SuiteParams,
  masterSecret: Uint8Array,
  randoms: HelloRandoms,
): TrafficKeys {
  const derived = deriveKeys(suite, masterSecret, randoms.clientRandom, randoms.serverRandom);
  ctx.secrets(derived.secrets);
  // A resumed session has no new master secret, but the key log still needs this connection's random.
  Object.assign(ctx.negotiated, { clientRandom: randoms.clientRandom, masterSecret });
  return derived.value;
}

/** Our Finished: verify_data over every handshake message so far (RFC 5246, Section 7.4.9). */
export function sendFinished(
  ctx: HandshakeContext,
  suite: SuiteParams,
  masterSecret: Uint8Array,
  label: 'client finished' | 'server finished',
): void {
  const verifyData = computeVerifyData(suite, masterSecret, label, ctx.transcript.hash(suite.hash));
  ctx.secrets(verifyData.secrets);
  ctx.sendHandshake({ type: 'finished', body: { verifyData: verifyData.value } });
}

/**
 * Checks the peer's Finished against what we compute over the transcript before it, then adds it.
 * A mismatch means the handshake was tampered with, or the keys differ: decrypt_error.
 */
export function checkPeerFinished(
  ctx: HandshakeContext,
  suite: SuiteParams,
  masterSecret: Uint8Array,
  label: 'client finished' | 'server finished',
  input: Incoming,
): void {
  const { message, raw } = expectHandshake(input, 'finished', 'Finished');
  const expected = computeVerifyData(suite, masterSecret, label, ctx.transcript.hash(suite.hash));
  checkVerifyDataLength(message.body.verifyData, expected.value.length);
  ctx.secrets(expected.secrets);
  if (!bytesEqual(expected.value, message.body.verifyData)) {
    fail({
      fault:
        label === 'client finished'
          ? 'peer_misbehaved.client_finished_mismatch'
          : 'peer_misbehaved.server_finished_mismatch',
      params: {},
    });
  }
  ctx.transcript.add(raw);
}

/**
 * verify_data is exactly as long as the suite makes it: 12 bytes in TLS 1.2 (RFC 5246, Section
 * 7.4.9), the hash's length in TLS 1.3 (RFC 8446, Section 4.4.4). A Finished of another length is
 * malformed, so decode_error before anything is compared, not the decrypt_error of a wrong value
 * (tlsfuzzer: test-tls13-finished, test-tls13-record-layer-limits).
 */
export function checkVerifyDataLength(verifyData: Uint8Array, expected: number): void {
  if (verifyData.length !== expected)
    fail({
      fault: 'invalid_message.decode',
      params: {
        detail: 'decode.tls.verify_data_length',
        length: verifyData.length,
        expected,
        // verify_data starts after the handshake header (type and 24-bit length).
        offset: 4,
      },
    });
}

/** The ECDHE shared secret; a bad peer point is illegal_parameter (RFC 8422, Section 5.10). */
export async function sharedSecretOrFail(
  group: GroupName,
  privateKey: Uint8Array,
  peerPublic: Uint8Array,
): Promise<Uint8Array> {
  try {
    return await computeSharedSecret(group, privateKey, peerPublic);
  } catch (e) {
    return fail({
      fault: 'peer_misbehaved.invalid_key_share',
      params: { group, detail: e instanceof Error ? e.message : String(e) },
    });
  }
}
