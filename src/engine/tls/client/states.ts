/**
 * The client's states, each named for what it waits for and holding only what is known there
 * (STYLE.md: rustls's client/tls12.rs).
 */
import type { KeyShare } from '../../crypto/ecdhe';
import { HandshakeType, type CipherSuite, type NamedGroup } from '../enums';
import type { TrafficKeys } from '../key-schedule';
import type { Session } from '../session';
import type { SuiteParams } from '../suites';
import type { HelloRandoms } from '../handshake-steps';
import type { Tls13ClientState } from '../tls13/client/states';

/** What the ClientHello offered, and which session (if any) it tried to resume. */
export interface ClientOffer {
  clientRandom: Uint8Array;
  sessionId: Uint8Array;
  cipherSuites: CipherSuite[];
  extensionTypes: number[];
  offeredSession?: Session;
  /** How the offered session was presented: its ID, or a ticket. */
  resumeBy?: 'session_id' | 'session_ticket';
}

/** What is known once the ServerHello has been read. */
export interface AgreedHello extends HelloRandoms {
  suite: SuiteParams;
  sessionId: Uint8Array;
  extendedMasterSecret: boolean;
  /** The server said it will send a NewSessionTicket (RFC 5077, Section 3.2). */
  ticketExpected: boolean;
}

export interface ClientKeys {
  masterSecret: Uint8Array;
  traffic: TrafficKeys;
}

/** The TLS 1.2 client's states. */
export type Tls12ClientState =
  | { name: 'ExpectServerHello'; offer: ClientOffer }
  | { name: 'ExpectCertificate'; offer: ClientOffer; hello: AgreedHello }
  | {
      name: 'ExpectServerKeyExchange';
      offer: ClientOffer;
      hello: AgreedHello;
      leafSpki: Uint8Array;
      leafKeyType: string;
    }
  | {
      /**
       * ServerHelloDone, or first the optional CertificateRequest (RFC 5246, Section 7.3: at most
       * one, after ServerKeyExchange).
       */
      name: 'ExpectServerHelloDone';
      offer: ClientOffer;
      hello: AgreedHello;
      group: NamedGroup;
      serverPublic: Uint8Array;
      /** Our ECDHE key pair in that group, for the ClientKeyExchange. */
      share: KeyShare;
      /** A CertificateRequest came, so we owe the server a (here empty) Certificate. */
      certificateRequested: boolean;
    }
  | {
      name: 'ExpectNewSessionTicket';
      offer: ClientOffer;
      hello: AgreedHello;
      keys: ClientKeys;
      resuming: boolean;
    }
  | {
      name: 'ExpectChangeCipherSpec';
      offer: ClientOffer;
      hello: AgreedHello;
      keys: ClientKeys;
      resuming: boolean;
      ticket?: Uint8Array;
    }
  | {
      name: 'ExpectFinished';
      offer: ClientOffer;
      hello: AgreedHello;
      keys: ClientKeys;
      resuming: boolean;
      ticket?: Uint8Array;
    }
  | { name: 'Traffic' };

/** Any client state: TLS 1.2's, or TLS 1.3's (tagged `tls: 13`). */
export type ClientState = Tls12ClientState | Tls13ClientState;

/**
 * The handshake messages each state accepts (RFC 5246, Section 7.3). The connection rejects any
 * other msg_type from its header, before the body is decoded. Traffic accepts none: we never
 * renegotiate, so a HelloRequest is unexpected too (RFC 5246, Section 7.4.1.1).
 */
export const CLIENT_ACCEPTS: Record<Tls12ClientState['name'], readonly number[]> = {
  ExpectServerHello: [HandshakeType.server_hello],
  ExpectCertificate: [HandshakeType.certificate],
  ExpectServerKeyExchange: [HandshakeType.server_key_exchange],
  // A CertificateRequest may come first, at most once (RFC 5246, Section 7.4.4).
  ExpectServerHelloDone: [HandshakeType.certificate_request, HandshakeType.server_hello_done],
  ExpectNewSessionTicket: [HandshakeType.new_session_ticket],
  ExpectChangeCipherSpec: [],
  ExpectFinished: [HandshakeType.finished],
  Traffic: [],
};
