/** Configs built on the demo PKI that ships with the app (src/engine/tls/pki, `npm run pki`). */
import type { Rng } from '../sim/rng';
import { SignatureScheme } from '../tls/enums';
import { pemToDerList } from '../tls/certificates/pem';
import {
  defaultClientConfig,
  defaultServerConfig,
  type ClientConfig,
  type ServerConfig,
  type ServerCredential,
} from '../tls/config';
import { DEMO_PKI } from '../tls/pki/demo-pki';
import { ClientSessionStore, ServerSessionStore } from '../tls/session';

export function demoTrustAnchors(): Uint8Array[] {
  return pemToDerList(DEMO_PKI.root.certPem);
}

/** The RSA and the ECDSA leaf, each with its intermediate. */
export function demoCredentials(): ServerCredential[] {
  const { rsa, ecdsa } = DEMO_PKI.leaves;
  return [
    {
      chain: pemToDerList(rsa.chainPem),
      privateKeyPkcs8: pemToDerList(rsa.keyPem)[0]!,
      keyType: 'RSA',
    },
    {
      chain: pemToDerList(ecdsa.chainPem),
      privateKeyPkcs8: pemToDerList(ecdsa.keyPem)[0]!,
      keyType: 'ECDSA_P256',
    },
  ];
}

export function demoClientConfig(serverName: string): ClientConfig {
  return {
    ...defaultClientConfig(serverName, demoTrustAnchors()),
    sessions: new ClientSessionStore(),
  };
}

/**
 * RSA-PSS draws its salt inside WebCrypto, out of reach of the injected RNG, so a seeded run would
 * not reproduce its ServerKeyExchange. Simulated runs therefore prefer the PKCS#1 v1.5 schemes
 * (RFC 5246's own default family) and keep PSS last; ECDSA is deterministic (RFC 6979). Against
 * real peers the CLI keeps OpenSSL's order, PSS before PKCS#1 (DEFAULT_SIGNATURE_SCHEMES).
 */
export const DETERMINISTIC_SIGNATURE_SCHEMES: readonly number[] = [
  SignatureScheme.ecdsa_secp256r1_sha256,
  SignatureScheme.ecdsa_secp384r1_sha384,
  SignatureScheme.ecdsa_secp521r1_sha512,
  SignatureScheme.rsa_pkcs1_sha256,
  SignatureScheme.rsa_pkcs1_sha384,
  SignatureScheme.rsa_pkcs1_sha512,
  SignatureScheme.rsa_pss_rsae_sha256,
  SignatureScheme.rsa_pss_rsae_sha384,
  SignatureScheme.rsa_pss_rsae_sha512,
];

export function demoServerConfig(rng: Rng): ServerConfig {
  return {
    ...defaultServerConfig(demoCredentials()),
    signatureSchemes: [...DETERMINISTIC_SIGNATURE_SCHEMES],
    sessions: new ServerSessionStore(),
    ticketKey: rng.bytes(32),
  };
}
