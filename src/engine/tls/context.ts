/**
 * What a state handler may do besides computing its next state: send, switch keys, record secrets
 * and notes. The connection implements it; handlers stay free of record-layer details.
 */
import type { Clock } from '../sim/clock';
import type { Rng } from '../sim/rng';
import type { SecretInput, TraceParams } from '../trace';
import type { HandshakeMessage } from './messages/handshake';
import type { SuiteParams } from './suites';
import type { Transcript } from './transcript';

export type Incoming =
  | { kind: 'handshake'; message: HandshakeMessage; raw: Uint8Array }
  | { kind: 'change_cipher_spec' }
  | { kind: 'application_data'; data: Uint8Array }
  | { kind: 'alert'; level: number; description: number };

export interface DerivedSecret {
  name: string;
  value: Uint8Array;
  inputs: SecretInput[];
  explain: string;
}

/** What was agreed, for the CLI's summary line and the inspector. */
export interface Negotiated {
  cipherSuite?: number;
  group?: number;
  signatureScheme?: number;
  extendedMasterSecret?: boolean;
  resumed?: 'session_id' | 'session_ticket';
  alpn?: string;
  sessionId?: Uint8Array;
  serverCertificates?: Uint8Array[];
  /** For the NSS key log (CLIENT_RANDOM line) that lets Wireshark decrypt the session. */
  clientRandom?: Uint8Array;
  masterSecret?: Uint8Array;
}

export interface HandshakeContext {
  readonly rng: Rng;
  readonly clock: Clock;
  readonly transcript: Transcript;
  readonly negotiated: Negotiated;
  /** Encodes, adds to the transcript, and queues a handshake message. Returns its raw bytes. */
  sendHandshake(message: HandshakeMessage): Uint8Array;
  sendChangeCipherSpec(): void;
  /**
   * Sends a warning alert, which does not end the connection (RFC 5246, Section 7.2). Fatal
   * alerts are never sent this way: states throw, and the connection sends them (errors.ts).
   */
  sendWarningAlert(description: number): void;
  /** From now on records we send are protected (RFC 5246, Section 7.1). */
  protectWrites(suite: SuiteParams, key: Uint8Array, iv: Uint8Array): void;
  /** From now on records we receive are protected. */
  protectReads(suite: SuiteParams, key: Uint8Array, iv: Uint8Array): void;
  secrets(derived: readonly DerivedSecret[]): void;
  note(key: string, params?: TraceParams): void;
}

/** A side's state machine: plain-data states, one async handler (RSA lives behind WebCrypto). */
export interface Machine<S extends { name: string }> {
  readonly role: 'client' | 'server';
  start(ctx: HandshakeContext): Promise<S>;
  handle(state: S, input: Incoming, ctx: HandshakeContext): Promise<S>;
  /**
   * The handshake msg_types (HandshakeType) the state accepts. The connection checks each message's
   * type from its header against this before decoding the body, so a message out of order is
   * unexpected_message whatever its body holds (RFC 5246, Section 7.4).
   */
  acceptedHandshakes(state: S): readonly number[];
  /** True once application data may flow. */
  isTraffic(state: S): boolean;
}
