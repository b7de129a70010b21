/** The server's states, each named for what it waits for (STYLE.md: rustls's server/tls12.rs). */
import { HandshakeType, type NamedGroup } from '../enums';
import type { HelloRandoms } from '../handshake-steps';
import type { TrafficKeys } from '../key-schedule';
import type { SuiteParams } from '../suites';
import type { Tls13ServerState } from '../tls13/server/states';

export interface ServerHelloDecided extends HelloRandoms {
  suite: SuiteParams;
  sessionId: Uint8Array;
  extendedMasterSecret: boolean;
  /** The client offered session_ticket and we have a ticket key: send NewSessionTicket. */
  issueTicket: boolean;
}

export interface ServerKeys {
  masterSecret: Uint8Array;
  traffic: TrafficKeys;
}

export type Tls12ServerState =
  | { name: 'ExpectClientHello' }
  | {
      /** The client's Certificate, after our CertificateRequest (RFC 5246, Section 7.4.6). */
      name: 'ExpectCertificate';
      hello: ServerHelloDecided;
      group: NamedGroup;
      privateKey: Uint8Array;
    }
  | {
      name: 'ExpectClientKeyExchange';
      hello: ServerHelloDecided;
      group: NamedGroup;
      privateKey: Uint8Array;
    }
  | {
      name: 'ExpectChangeCipherSpec';
      hello: ServerHelloDecided;
      keys: ServerKeys;
      resuming: boolean;
    }
  | { name: 'ExpectFinished'; hello: ServerHelloDecided; keys: ServerKeys; resuming: boolean }
  | { name: 'Traffic' };

/** A state of either server (server/handshake.ts dispatches by version): TLS 1.3's carry `tls13`. */
export type ServerState = Tls12ServerState | Tls13ServerState;

/**
 * The handshake messages each state accepts (RFC 5246, Section 7.3). The connection rejects any
 * other msg_type from its header, before the body is decoded. Traffic takes a ClientHello only
 * to refuse the renegotiation it asks for.
 */
export const SERVER_ACCEPTS: Record<Tls12ServerState['name'], readonly number[]> = {
  ExpectClientHello: [HandshakeType.client_hello],
  // Only when the server asked for a client certificate (RFC 5246, Section 7.4.6).
  ExpectCertificate: [HandshakeType.certificate],
  ExpectClientKeyExchange: [HandshakeType.client_key_exchange],
  ExpectChangeCipherSpec: [],
  ExpectFinished: [HandshakeType.finished],
  Traffic: [HandshakeType.client_hello],
};
