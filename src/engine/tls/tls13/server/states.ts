/**
 * The TLS 1.3 server's states, each named for what it waits for (STYLE.md: rustls's
 * server/tls13.rs). Every state carries `tls13: true`, so the version dispatcher
 * (tls13/server/dispatch.ts) tells them from the TLS 1.2 server's.
 */
import { HandshakeType, type NamedGroup } from '../../enums';
import type { Tls13Suite } from '../key-schedule';
import type { Tls13KeySchedule } from '../schedule';

/** What the first ClientHello settled, kept across a HelloRetryRequest (RFC 8446, Section 4.1.4). */
export interface RetryDecided {
  suite: Tls13Suite;
  group: NamedGroup;
  /** Whether our CCS went out after the HelloRetryRequest (Appendix D.4): send it once only. */
  sentCompatCcs: boolean;
  clientSessionId: Uint8Array;
  /** The first ClientHello's extensions that the second must repeat (retry-hello.ts). */
  fixedExtensions: Uint8Array[];
}

export interface Tls13ServerTraffic {
  suite: Tls13Suite;
  schedule: Tls13KeySchedule;
  clientSecret: Uint8Array;
  serverSecret: Uint8Array;
  /** N of the current application_traffic_secret_N, per direction (Section 7.2). */
  clientGeneration: number;
  serverGeneration: number;
}

export type Tls13ServerState =
  | { tls13: true; name: 'ExpectClientHello' }
  /** After a HelloRetryRequest: the ClientHello with a share for the group we asked for. */
  | { tls13: true; name: 'ExpectRetryClientHello'; retry: RetryDecided }
  | {
      tls13: true;
      /** The client's Finished, under its handshake traffic key (Section 4.4.4). */
      name: 'ExpectFinished';
      traffic: Tls13ServerTraffic;
      clientHandshakeSecret: Uint8Array;
      /** The client offered psk_dhe_ke: a ticket it can use is worth sending (Section 4.6.1). */
      issueTicket: boolean;
      alpn: string;
    }
  | { tls13: true; name: 'Traffic'; traffic: Tls13ServerTraffic };

/**
 * The handshake messages each state accepts (RFC 8446, Section 4). The connection refuses any
 * other msg_type before decoding. In Traffic only KeyUpdate may come from a client: TLS 1.3 has
 * no renegotiation (Section 4.1.2), and we never send a CertificateRequest after the handshake.
 */
export const SERVER13_ACCEPTS: Record<Tls13ServerState['name'], readonly number[]> = {
  ExpectClientHello: [HandshakeType.client_hello],
  ExpectRetryClientHello: [HandshakeType.client_hello],
  ExpectFinished: [HandshakeType.finished],
  Traffic: [24 /* key_update */],
};
