/** Configs built on the demo PKI that ships with the app (src/engine/tls/pki, `npm run pki`). */
import type { Rng } from '../sim/rng';
import { pemToDerList } from '../tls/certificates/pem';
import { defaultClientConfig, defaultServerConfig, type ClientConfig, type ServerConfig, type ServerCredential } from '../tls/config';
import { DEMO_PKI } from '../tls/pki/demo-pki';
import { ClientSessionStore, ServerSessionStore } from '../tls/session';

export function demoTrustAnchors(): Uint8Array[] {
  return pemToDerList(DEMO_PKI.root.certPem);
}

/** The RSA and the ECDSA leaf, each with its intermediate. */
export function demoCredentials(): ServerCredential[] {
  const { rsa, ecdsa } = DEMO_PKI.leaves;
  return [
    { chain: pemToDerList(rsa.chainPem), privateKeyPkcs8: pemToDerList(rsa.keyPem)[0]!, keyType: 'RSA' },
    { chain: pemToDerList(ecdsa.chainPem), privateKeyPkcs8: pemToDerList(ecdsa.keyPem)[0]!, keyType: 'ECDSA_P256' },
  ];
}

export function demoClientConfig(serverName: string): ClientConfig {
  return { ...defaultClientConfig(serverName, demoTrustAnchors()), sessions: new ClientSessionStore() };
}

export function demoServerConfig(rng: Rng): ServerConfig {
  return { ...defaultServerConfig(demoCredentials()), sessions: new ServerSessionStore(), ticketKey: rng.bytes(32) };
}
