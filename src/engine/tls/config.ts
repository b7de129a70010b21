/** What each side is configured to offer or accept. Plain data: the lab edits it. */
import type { SignatureKeyType } from '../crypto/signature';
import { NamedGroup, SignatureScheme, type CipherSuite } from './enums';
import { DEFAULT_GROUPS } from './groups';
import type { ClientSessionStore, ServerSessionStore } from './session';
import type { Tls13TicketStore } from './tls13/client/tickets';
import { DEFAULT_SUITE_ORDER } from './suites';

export interface ClientConfig {
  /**
   * The protocol versions offered (RFC 8446, Section 4.2.1). With both, one ClientHello offers
   * both, and the ServerHello's supported_versions decides which client continues.
   */
  versions: ('1.2' | '1.3')[];
  /** Sent as SNI and checked against the certificate's SAN. */
  serverName: string;
  cipherSuites: CipherSuite[];
  /** The TLS 1.3 suites (RFC 8446, Appendix B.4) in our order; absent: all three we implement. */
  tls13CipherSuites?: number[];
  groups: NamedGroup[];
  signatureSchemes: number[];
  /** DER roots the certificate chain must end in. */
  trustAnchors: Uint8Array[];
  offerExtendedMasterSecret: boolean;
  offerSessionTicket: boolean;
  alpn: string[];
  /** Where sessions are kept for resumption; absent means never resume. */
  sessions?: ClientSessionStore;
  /** TLS 1.3 tickets (RFC 8446, Section 4.6.1) for PSK resumption; absent means never resume. */
  tls13Tickets?: Tls13TicketStore;
}

export interface ServerCredential {
  /** DER, leaf first. */
  chain: Uint8Array[];
  privateKeyPkcs8: Uint8Array;
  /** RSA (rsaEncryption) or ECDSA on P-256, P-384 or P-521. */
  keyType: SignatureKeyType;
}

export interface ServerConfig {
  /**
   * The protocol versions served (RFC 8446, Section 4.2.1). With '1.3', a ClientHello whose
   * supported_versions offers TLS 1.3 gets the TLS 1.3 server; a TLS 1.2 ServerHello then carries
   * the downgrade sentinel (Section 4.1.3).
   */
  versions: ('1.2' | '1.3')[];
  credentials: ServerCredential[];
  cipherSuites: CipherSuite[];
  /** The TLS 1.3 suites (RFC 8446, Appendix B.4) in our order; absent: all three we implement. */
  tls13CipherSuites?: number[];
  groups: NamedGroup[];
  signatureSchemes: number[];
  /** Pick by the server's order (true) or by the client's (false). */
  preferServerOrder: boolean;
  supportExtendedMasterSecret: boolean;
  /** Session-ID cache; absent disables resumption by ID. */
  sessions?: ServerSessionStore;
  /** 32 bytes: 16 for the key name, 16 for the AES-128-GCM key (RFC 5077, Section 4). Absent: no tickets. */
  ticketKey?: Uint8Array;
  alpn: string[];
  /**
   * Ask for a client certificate (RFC 5246, Section 7.4.4) and go on without one, as gnutls-serv
   * does by default. This server cannot verify a client certificate, so only an empty Certificate
   * is accepted; it exists so the client's answer to CertificateRequest can run in memory.
   */
  requestClientCertificate?: boolean;
  /**
   * A server that breaks the protocol on purpose. It exists ONLY for the lab's "misbehaving server"
   * lesson (src/engine/scenarios/lab) and is honoured only when set; no real configuration sets it.
   */
  misbehave?: ServerMisbehaviour;
}

export interface ServerMisbehaviour {
  /**
   * The cipher_suite the ServerHello names, whatever the client offered. Only that field lies:
   * the rest of the handshake uses the suite actually negotiated, so it is meant for a code the
   * client never offered, which a client must refuse (RFC 5246, Section 7.4.1.3).
   */
  selectSuite?: number;
}

/**
 * Every scheme we implement, in OpenSSL 3's default order (tls12_sigalgs in ssl/t1_lib.c, as
 * `openssl s_client -trace` shows it): ECDSA, then RSA-PSS, then PKCS#1 v1.5, shorter hashes first
 * within each. A client sends it as signature_algorithms; a server that prefers its own order
 * picks from it in this order (negotiate.ts).
 */
export const DEFAULT_SIGNATURE_SCHEMES: readonly number[] = [
  SignatureScheme.ecdsa_secp256r1_sha256,
  SignatureScheme.ecdsa_secp384r1_sha384,
  SignatureScheme.ecdsa_secp521r1_sha512,
  SignatureScheme.rsa_pss_rsae_sha256,
  SignatureScheme.rsa_pss_rsae_sha384,
  SignatureScheme.rsa_pss_rsae_sha512,
  SignatureScheme.rsa_pkcs1_sha256,
  SignatureScheme.rsa_pkcs1_sha384,
  SignatureScheme.rsa_pkcs1_sha512,
];

export function defaultClientConfig(serverName: string, trustAnchors: Uint8Array[]): ClientConfig {
  return {
    versions: ['1.2', '1.3'],
    serverName,
    cipherSuites: [...DEFAULT_SUITE_ORDER],
    groups: [...DEFAULT_GROUPS],
    signatureSchemes: [...DEFAULT_SIGNATURE_SCHEMES],
    trustAnchors,
    offerExtendedMasterSecret: true,
    offerSessionTicket: true,
    alpn: ['http/1.1'],
  };
}

export function defaultServerConfig(credentials: ServerCredential[]): ServerConfig {
  return {
    versions: ['1.2', '1.3'],
    credentials,
    cipherSuites: [...DEFAULT_SUITE_ORDER],
    groups: [NamedGroup.x25519, NamedGroup.secp256r1, NamedGroup.secp384r1, NamedGroup.secp521r1],
    signatureSchemes: [...DEFAULT_SIGNATURE_SCHEMES],
    preferServerOrder: true,
    supportExtendedMasterSecret: true,
    alpn: ['http/1.1'],
  };
}
