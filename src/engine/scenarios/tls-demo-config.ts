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
// The core blocks rather than DEMO_PKI, so the app's first load carries only these six PEMs and not
// the lab's defective and rogue certificates.
import {
  INTERMEDIATE_CERT_PEM,
  LEAVES_ECDSA_CERT_PEM,
  LEAVES_ECDSA_KEY_PEM,
  LEAVES_RSA_CERT_PEM,
  LEAVES_RSA_KEY_PEM,
  ROOT_CERT_PEM,
} from '../tls/pki/demo-pki-core';
import { ClientSessionStore, ServerSessionStore } from '../tls/session';

export function demoTrustAnchors(): Uint8Array[] {
  return pemToDerList(ROOT_CERT_PEM);
}

/** The RSA and the ECDSA leaf, each with its intermediate. */
export function demoCredentials(): ServerCredential[] {
  return [
    {
      chain: pemToDerList(LEAVES_RSA_CERT_PEM + INTERMEDIATE_CERT_PEM),
      privateKeyPkcs8: pemToDerList(LEAVES_RSA_KEY_PEM)[0]!,
      keyType: 'RSA',
    },
    {
      chain: pemToDerList(LEAVES_ECDSA_CERT_PEM + INTERMEDIATE_CERT_PEM),
      privateKeyPkcs8: pemToDerList(LEAVES_ECDSA_KEY_PEM)[0]!,
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
 * not reproduce its ServerKeyExchange. Simulated runs therefore prefer rsa_pkcs1_sha256 (RFC 5246's
 * own default family); against real peers the CLI keeps PSS first.
 */
export const DETERMINISTIC_SIGNATURE_SCHEMES: readonly number[] = [
  SignatureScheme.ecdsa_secp256r1_sha256,
  SignatureScheme.rsa_pkcs1_sha256,
  SignatureScheme.rsa_pkcs1_sha384,
  SignatureScheme.rsa_pss_rsae_sha256,
];

export function demoServerConfig(rng: Rng): ServerConfig {
  return {
    ...defaultServerConfig(demoCredentials()),
    signatureSchemes: [...DETERMINISTIC_SIGNATURE_SCHEMES],
    sessions: new ServerSessionStore(),
    ticketKey: rng.bytes(32),
  };
}
