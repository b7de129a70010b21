/**
 * The TLS 1.2 key schedule for AEAD suites: premaster → master secret → key block → traffic keys,
 * and the Finished verify_data. Each step returns its value together with a record of every
 * secret it made and the inputs that made it, which the state machines put in the Trace as
 * `secret` events so the UI can show where each key came from.
 */
import { concatBytes } from '../bytes/hex';
import { CryptoArgumentError } from '../crypto/errors';
import type { SecretEvent } from '../trace';
import {
  LABEL_CLIENT_FINISHED,
  LABEL_EXTENDED_MASTER_SECRET,
  LABEL_KEY_EXPANSION,
  LABEL_MASTER_SECRET,
  LABEL_SERVER_FINISHED,
  prf,
} from './prf';
import type { SuiteParams } from './suites';

/** A secret as the Trace records it, less the timestamp and lane the state machine adds. */
export type SecretRecord = Pick<SecretEvent, 'name' | 'value' | 'inputs' | 'explain'>;

export interface Derived<T> {
  value: T;
  secrets: SecretRecord[];
}

export interface TrafficKeys {
  clientWriteKey: Uint8Array;
  serverWriteKey: Uint8Array;
  clientWriteIv: Uint8Array;
  serverWriteIv: Uint8Array;
}

/** The master secret's seed: the two randoms (RFC 5246), or the session hash with EMS (RFC 7627). */
export type MasterSecretSeed =
  { clientRandom: Uint8Array; serverRandom: Uint8Array } | { sessionHash: Uint8Array };

/** RFC 5246, Section 8.1: the master secret is always 48 bytes. */
export const MASTER_SECRET_LENGTH = 48;
const RANDOM_LENGTH = 32;

function checkLength(parameter: string, value: Uint8Array, length: number): void {
  if (value.length !== length) {
    throw new CryptoArgumentError(parameter, `must be ${length} bytes, got ${value.length}`);
  }
}

/**
 * master_secret = PRF(pre_master_secret, "master secret", client_random ‖ server_random)[0..47]
 * (RFC 5246, Section 8.1), or with the extended master secret
 * PRF(pre_master_secret, "extended master secret", session_hash)[0..47] (RFC 7627, Section 4),
 * which binds the master secret to the whole handshake up to ClientKeyExchange.
 */
export function deriveMasterSecret(
  suite: SuiteParams,
  preMasterSecret: Uint8Array,
  seed: MasterSecretSeed,
): Derived<Uint8Array> {
  if (preMasterSecret.length === 0)
    throw new CryptoArgumentError('preMasterSecret', 'must not be empty');
  if ('sessionHash' in seed) {
    const value = prf(
      suite.hash,
      preMasterSecret,
      LABEL_EXTENDED_MASTER_SECRET,
      seed.sessionHash,
      MASTER_SECRET_LENGTH,
    );
    return {
      value,
      secrets: [
        {
          name: 'master_secret',
          value,
          inputs: [
            { name: 'pre_master_secret', value: preMasterSecret },
            { name: 'label', value: LABEL_EXTENDED_MASTER_SECRET },
            { name: 'session_hash', value: seed.sessionHash },
            { name: 'prf_hash', value: suite.hash },
          ],
          explain: 'secret.master.ems',
        },
      ],
    };
  }
  checkLength('clientRandom', seed.clientRandom, RANDOM_LENGTH);
  checkLength('serverRandom', seed.serverRandom, RANDOM_LENGTH);
  const value = prf(
    suite.hash,
    preMasterSecret,
    LABEL_MASTER_SECRET,
    concatBytes(seed.clientRandom, seed.serverRandom),
    MASTER_SECRET_LENGTH,
  );
  return {
    value,
    secrets: [
      {
        name: 'master_secret',
        value,
        inputs: [
          { name: 'pre_master_secret', value: preMasterSecret },
          { name: 'label', value: LABEL_MASTER_SECRET },
          { name: 'client_random', value: seed.clientRandom },
          { name: 'server_random', value: seed.serverRandom },
          { name: 'prf_hash', value: suite.hash },
        ],
        explain: 'secret.master',
      },
    ],
  };
}

/**
 * key_block = PRF(master_secret, "key expansion", server_random ‖ client_random), note the order,
 * cut into client_write_key, server_write_key, client_write_IV, server_write_IV (RFC 5246,
 * Section 6.3). AEAD suites have no MAC keys (RFC 5246, Section 6.2.3.3), and the IVs are the
 * suite's fixed IVs: the GCM salt (RFC 5288, Section 3) or ChaCha20's 12-byte IV (RFC 7905, Section 2).
 */
export function deriveKeys(
  suite: SuiteParams,
  masterSecret: Uint8Array,
  clientRandom: Uint8Array,
  serverRandom: Uint8Array,
): Derived<TrafficKeys> {
  checkLength('masterSecret', masterSecret, MASTER_SECRET_LENGTH);
  checkLength('clientRandom', clientRandom, RANDOM_LENGTH);
  checkLength('serverRandom', serverRandom, RANDOM_LENGTH);
  const length = 2 * suite.keyLength + 2 * suite.fixedIvLength;
  const keyBlock = prf(
    suite.hash,
    masterSecret,
    LABEL_KEY_EXPANSION,
    concatBytes(serverRandom, clientRandom),
    length,
  );

  let at = 0;
  const take = (n: number): Uint8Array => keyBlock.slice(at, (at += n));
  const value: TrafficKeys = {
    clientWriteKey: take(suite.keyLength),
    serverWriteKey: take(suite.keyLength),
    clientWriteIv: take(suite.fixedIvLength),
    serverWriteIv: take(suite.fixedIvLength),
  };

  const fromKeyBlock = [{ name: 'key_block', value: keyBlock }];
  return {
    value,
    secrets: [
      {
        name: 'key_block',
        value: keyBlock,
        inputs: [
          { name: 'master_secret', value: masterSecret },
          { name: 'label', value: LABEL_KEY_EXPANSION },
          { name: 'server_random', value: serverRandom },
          { name: 'client_random', value: clientRandom },
          { name: 'prf_hash', value: suite.hash },
        ],
        explain: 'secret.key_block',
      },
      {
        name: 'client_write_key',
        value: value.clientWriteKey,
        inputs: fromKeyBlock,
        explain: 'secret.client_write_key',
      },
      {
        name: 'server_write_key',
        value: value.serverWriteKey,
        inputs: fromKeyBlock,
        explain: 'secret.server_write_key',
      },
      {
        name: 'client_write_IV',
        value: value.clientWriteIv,
        inputs: fromKeyBlock,
        explain: 'secret.client_write_iv',
      },
      {
        name: 'server_write_IV',
        value: value.serverWriteIv,
        inputs: fromKeyBlock,
        explain: 'secret.server_write_iv',
      },
    ],
  };
}

export type FinishedLabel = typeof LABEL_CLIENT_FINISHED | typeof LABEL_SERVER_FINISHED;

/**
 * verify_data = PRF(master_secret, finished_label, Hash(handshake_messages))[0..11]
 * (RFC 5246, Section 7.4.9). `handshakeHash` is the Transcript's hash with the suite's hash.
 */
export function computeVerifyData(
  suite: SuiteParams,
  masterSecret: Uint8Array,
  label: FinishedLabel,
  handshakeHash: Uint8Array,
): Derived<Uint8Array> {
  if (label !== LABEL_CLIENT_FINISHED && label !== LABEL_SERVER_FINISHED) {
    throw new CryptoArgumentError(
      'label',
      `must be '${LABEL_CLIENT_FINISHED}' or '${LABEL_SERVER_FINISHED}', got '${String(label)}'`,
    );
  }
  checkLength('masterSecret', masterSecret, MASTER_SECRET_LENGTH);
  const value = prf(suite.hash, masterSecret, label, handshakeHash, suite.verifyDataLength);
  const side = label === LABEL_CLIENT_FINISHED ? 'client' : 'server';
  return {
    value,
    secrets: [
      {
        name: `${side}_verify_data`,
        value,
        inputs: [
          { name: 'master_secret', value: masterSecret },
          { name: 'label', value: label },
          { name: 'handshake_hash', value: handshakeHash },
          { name: 'prf_hash', value: suite.hash },
        ],
        explain: `secret.verify_data.${side}`,
      },
    ],
  };
}
