/**
 * What a state handler may do besides computing its next state: send, switch keys, record secrets
 * and notes. The connection implements it; handlers stay free of record-layer details.
 */
import type { Clock } from '../sim/clock';
import type { Rng } from '../sim/rng';
import type { SecretInput, TraceParams } from '../trace';
import type { HandshakeMessage } from './messages/handshake';
import type { SuiteParams } from './suites';
import type { Tls13Suite } from './tls13/key-schedule';
import type { Transcript } from './transcript';

/** The NSS key log labels of the TLS 1.3 secrets (the SSLKEYLOGFILE format). */
export type Tls13KeyLogLabel =
  | 'CLIENT_HANDSHAKE_TRAFFIC_SECRET'
  | 'SERVER_HANDSHAKE_TRAFFIC_SECRET'
  | 'CLIENT_TRAFFIC_SECRET_0'
  | 'SERVER_TRAFFIC_SECRET_0'
  | 'EXPORTER_SECRET';

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
  /** The protocol version agreed (ProtocolVersion: 0x0303 or 0x0304). */
  version?: number;
  cipherSuite?: number;
  group?: number;
  signatureScheme?: number;
  extendedMasterSecret?: boolean;
  resumed?: 'session_id' | 'session_ticket';
  /** TLS 1.3: the handshake resumed with a PSK from a NewSessionTicket (RFC 8446, Section 2.2). */
  resumedPsk?: boolean;
  alpn?: string;
  sessionId?: Uint8Array;
  serverCertificates?: Uint8Array[];
  /** For the NSS key log (CLIENT_RANDOM line) that lets Wireshark decrypt the session. */
  clientRandom?: Uint8Array;
  masterSecret?: Uint8Array;
  /** TLS 1.3: the secrets the NSS key log needs, by label, for Wireshark to decrypt. */
  tls13Secrets?: Partial<Record<Tls13KeyLogLabel, Uint8Array>>;
  /**
   * TLS 1.3: how many KeyUpdates each direction has had, N in application_traffic_secret_N
   * (RFC 8446, Section 7.2), and whether a KeyUpdate we sent with update_requested still waits
   * for the peer's own (Section 4.6.3).
   */
  keyUpdates?: { client: number; server: number; awaitingPeer: boolean };
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
  /**
   * The hellos agreed on TLS 1.3: from now on the record layer follows RFC 8446, Section 5 (the
   * legacy record version is ignored, and a change_cipher_spec of the single byte 1 is dropped
   * until the handshake is done, Section 5 and Appendix D.4).
   */
  useTls13Records(): void;
  /**
   * TLS 1.3: records we send from now on are protected under this traffic secret, with a
   * sequence number from 0 (RFC 8446, Sections 5.2, 5.3 and 7.3). Called at each key change:
   * handshake keys, application keys, KeyUpdate.
   */
  protectWrites13(suite: Tls13Suite, trafficSecret: Uint8Array): void;
  /** TLS 1.3: records we receive from now on are protected under this traffic secret. */
  protectReads13(suite: Tls13Suite, trafficSecret: Uint8Array): void;
  /**
   * TLS 1.3 server: the client offered early data, which we never accept, so skip it (RFC 8446,
   * Section 4.2.10): records that do not open under the handshake keys, or, after a
   * HelloRetryRequest, encrypted records before the second ClientHello; up to
   * MAX_SKIPPED_EARLY_DATA bytes.
   */
  skipEarlyData(): void;
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
  /**
   * Starts a KeyUpdate that asks the peer to update its keys too (RFC 8446, Section 4.6.3), or
   * undefined when the state has none to start (TLS 1.2, or before the handshake is done).
   */
  updateKeys?(state: S, ctx: HandshakeContext): Promise<S> | undefined;
}
