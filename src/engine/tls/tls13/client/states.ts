/**
 * The TLS 1.3 client's states (RFC 8446, Appendix A.1), each named for what it waits for and
 * tagged `tls: 13`, so the client that offers both versions tells them from TLS 1.2's.
 *
 *   START → WAIT_SH → WAIT_EE → WAIT_CERT_CR → WAIT_CV → WAIT_FINISHED → CONNECTED
 *                         └──── (PSK) ──────────────────────┘
 */
import type { KeyShare } from '../../../crypto/ecdhe';
import type { ClientOffer } from '../../client/states';
import { HandshakeType, type NamedGroup } from '../../enums';
import type { ClientHello } from '../../messages/client-hello';
import type { Tls13Suite } from '../key-schedule';
import type { Tls13KeySchedule } from '../schedule';
import type { Tls13Ticket } from './tickets';

/** What the ClientHello offered under TLS 1.3. */
export interface Tls13Offer {
  /** The ClientHello as sent: a HelloRetryRequest's answer repeats it with changes (Section 4.1.2). */
  hello: ClientHello;
  cipherSuites: number[];
  /** Our key shares, by group, with their private keys (Section 4.2.8). */
  shares: { group: NamedGroup; share: KeyShare }[];
  extensionTypes: number[];
  /** The ticket offered for resumption, if any (Section 4.2.11). */
  ticket?: Tls13Ticket;
  /** The HelloRetryRequest's suite, once one came (Section 4.1.4). */
  retrySuite?: number;
  /** The middlebox-compatibility ChangeCipherSpec went out already (Appendix D.4). */
  sentChangeCipherSpec: boolean;
}

/** What is known once the ServerHello has been read. */
export interface Tls13Agreed {
  suite: Tls13Suite;
  schedule: Tls13KeySchedule;
  clientHandshakeSecret: Uint8Array;
  serverHandshakeSecret: Uint8Array;
  /** The server accepted our PSK: no Certificate nor CertificateVerify follows (Section 2.2). */
  resumed: boolean;
  sentChangeCipherSpec: boolean;
  serverName: string;
}

export type Tls13ClientState =
  | {
      tls: 13;
      name: 'ExpectServerHello';
      offer: Tls13Offer;
      /** When TLS 1.2 is offered too, what its client needs if the server chooses it. */
      offer12?: ClientOffer;
    }
  | { tls: 13; name: 'ExpectEncryptedExtensions'; agreed: Tls13Agreed }
  | {
      tls: 13;
      /** The server's Certificate, or first a CertificateRequest (Section 4.3.2). */
      name: 'ExpectCertificate';
      agreed: Tls13Agreed;
      certificateRequestContext?: Uint8Array;
    }
  | {
      tls: 13;
      name: 'ExpectCertificateVerify';
      agreed: Tls13Agreed;
      leafSpki: Uint8Array;
      leafKeyType: string;
      certificateRequestContext?: Uint8Array;
    }
  | {
      tls: 13;
      name: 'ExpectFinished';
      agreed: Tls13Agreed;
      certificateRequestContext?: Uint8Array;
    }
  | {
      tls: 13;
      /** Application data; NewSessionTicket and KeyUpdate may still come (Section 4.6). */
      name: 'Traffic';
      suite: Tls13Suite;
      schedule: Tls13KeySchedule;
      clientTrafficSecret: Uint8Array;
      serverTrafficSecret: Uint8Array;
      /** How many KeyUpdates each direction has had: N in application_traffic_secret_N. */
      clientGeneration: number;
      serverGeneration: number;
      /** We sent a KeyUpdate with update_requested; the server's own has not come yet. */
      awaitingKeyUpdate?: boolean;
      resumptionSecret: Uint8Array;
      serverName: string;
    };

/**
 * The handshake messages each state accepts (RFC 8446, Section 4 and Appendix A.1). The
 * connection refuses any other msg_type from its header with unexpected_message.
 */
export const TLS13_CLIENT_ACCEPTS: Record<Tls13ClientState['name'], readonly number[]> = {
  ExpectServerHello: [HandshakeType.server_hello],
  ExpectEncryptedExtensions: [HandshakeType.encrypted_extensions],
  ExpectCertificate: [HandshakeType.certificate_request, HandshakeType.certificate],
  ExpectCertificateVerify: [HandshakeType.certificate_verify],
  ExpectFinished: [HandshakeType.finished],
  Traffic: [HandshakeType.new_session_ticket, HandshakeType.key_update],
};
