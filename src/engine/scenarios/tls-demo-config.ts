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

/**
 * The demo PKI's PEM, decoded once: every simulated run builds its configs afresh, and base64
 * decoding the same chains and keys each time was a visible part of a run. The arrays are shared
 * and never written to; each call still returns new lists and credential objects.
 */
let decoded:
  | { root: Uint8Array[]; rsa: [Uint8Array[], Uint8Array]; ecdsa: [Uint8Array[], Uint8Array] }
  | undefined;

function demoDer(): NonNullable<typeof decoded> {
  decoded ??= {
    root: pemToDerList(ROOT_CERT_PEM),
    rsa: [
      pemToDerList(LEAVES_RSA_CERT_PEM + INTERMEDIATE_CERT_PEM),
      pemToDerList(LEAVES_RSA_KEY_PEM)[0]!,
    ],
    ecdsa: [
      pemToDerList(LEAVES_ECDSA_CERT_PEM + INTERMEDIATE_CERT_PEM),
      pemToDerList(LEAVES_ECDSA_KEY_PEM)[0]!,
    ],
  };
  return decoded;
}

export function demoTrustAnchors(): Uint8Array[] {
  return [...demoDer().root];
}

/** The RSA and the ECDSA leaf, each with its intermediate. */
export function demoCredentials(): ServerCredential[] {
  const { rsa, ecdsa } = demoDer();
  return [
    { chain: [...rsa[0]], privateKeyPkcs8: rsa[1], keyType: 'RSA' },
    { chain: [...ecdsa[0]], privateKeyPkcs8: ecdsa[1], keyType: 'ECDSA_P256' },
  ];
}

/**
 * The simulated runs (the scenarios, the labs, the journey) teach TLS 1.2 unless they ask for TLS
 * 1.3 themselves: their lessons, tamper offsets and goldens are about its messages. The CLI's
 * real-socket commands keep the engine's default, both versions.
 */
const DEMO_VERSIONS: ClientConfig['versions'] = ['1.2'];

export function demoClientConfig(serverName: string): ClientConfig {
  return {
    ...defaultClientConfig(serverName, demoTrustAnchors()),
    versions: [...DEMO_VERSIONS],
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
    versions: [...DEMO_VERSIONS],
    signatureSchemes: [...DETERMINISTIC_SIGNATURE_SCHEMES],
    sessions: new ServerSessionStore(),
    ticketKey: rng.bytes(32),
  };
}
