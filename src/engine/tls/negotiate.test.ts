/**
 * How the server picks a signature scheme (RFC 5246, Section 7.4.1.4.1), matched against what
 * OpenSSL 3's server does with the same offer (tls_choose_sigalg; checked by hand with
 * `openssl s_server` and `s_client -sigalgs`, and by test/tls/signature-schemes.test.ts).
 * Negotiation reads each credential's key type, and an RSA leaf's modulus size; most chains here
 * are left empty, which skips the size check.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pemToDerList } from './certificates/pem';
import { DEMO_PKI } from './pki/demo-pki';
import type { SignatureKeyType } from '../crypto/signature';
import { defaultServerConfig, type ServerConfig } from './config';
import {
  CipherSuite,
  NamedGroup,
  SignatureScheme as S,
  cipherSuiteName,
  cipherSuite,
} from './enums';
import { TlsFailure } from './errors';
import { chooseParameters } from './negotiate';

const credential = (keyType: SignatureKeyType) => ({
  chain: [],
  privateKeyPkcs8: new Uint8Array(0),
  keyType,
});

function server(keyTypes: SignatureKeyType[], change?: (c: ServerConfig) => void): ServerConfig {
  const config = defaultServerConfig(keyTypes.map(credential));
  change?.(config);
  return config;
}

const ECDSA_SUITE = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
const RSA_SUITE = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
const ALL_GROUPS = [
  NamedGroup.x25519,
  NamedGroup.secp256r1,
  NamedGroup.secp384r1,
  NamedGroup.secp521r1,
];

function pick(config: ServerConfig, suites: number[], schemes: number[], groups = ALL_GROUPS) {
  const choice = chooseParameters(config, {
    cipherSuites: suites.map(cipherSuite),
    groups,
    signatureSchemes: schemes,
  });
  return { suite: choice.suite.id, scheme: choice.signatureScheme, key: choice.credential.keyType };
}

describe('choosing the ServerKeyExchange signature scheme', () => {
  it('an ECDSA key of any curve signs with whichever ECDSA hash the client offers (TLS 1.2)', () => {
    for (const key of ['ECDSA_P256', 'ECDSA_P384', 'ECDSA_P521'] as const) {
      for (const scheme of [
        S.ecdsa_secp256r1_sha256,
        S.ecdsa_secp384r1_sha384,
        S.ecdsa_secp521r1_sha512,
      ]) {
        expect(pick(server([key]), [ECDSA_SUITE], [scheme])).toEqual({
          suite: ECDSA_SUITE,
          scheme,
          key,
        });
      }
    }
  });

  it('an RSA key signs with any of the six RSA schemes, and never with ECDSA', () => {
    for (const scheme of [
      S.rsa_pss_rsae_sha256,
      S.rsa_pss_rsae_sha384,
      S.rsa_pss_rsae_sha512,
      S.rsa_pkcs1_sha256,
      S.rsa_pkcs1_sha384,
      S.rsa_pkcs1_sha512,
    ]) {
      expect(pick(server(['RSA']), [RSA_SUITE], [S.ecdsa_secp384r1_sha384, scheme]).scheme).toBe(
        scheme,
      );
    }
    expect(() =>
      pick(server(['RSA']), [RSA_SUITE], [S.ecdsa_secp384r1_sha384, S.ecdsa_secp521r1_sha512]),
    ).toThrow(TlsFailure);
  });

  it("follows its own order when it prefers its own, the client's otherwise (OpenSSL: -serverpref)", () => {
    const offer = [S.rsa_pkcs1_sha512, S.rsa_pss_rsae_sha384, S.rsa_pss_rsae_sha256];
    expect(pick(server(['RSA']), [RSA_SUITE], offer).scheme).toBe(S.rsa_pss_rsae_sha256);
    const clientOrder = server(['RSA'], (c) => (c.preferServerOrder = false));
    expect(pick(clientOrder, [RSA_SUITE], offer).scheme).toBe(S.rsa_pkcs1_sha512);
  });

  it('passes over an ECDSA certificate whose curve the client does not list (RFC 8422, Section 5.3)', () => {
    const p384 = server(['ECDSA_P384']);
    const groups = [NamedGroup.x25519, NamedGroup.secp256r1];
    let failure: unknown;
    try {
      pick(p384, [ECDSA_SUITE], [S.ecdsa_secp384r1_sha384], groups);
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(TlsFailure);
    expect((failure as TlsFailure).error).toMatchObject({
      fault: 'peer_incompatible.no_shared_cipher_suite',
      params: { passedOver: [cipherSuiteName(ECDSA_SUITE)] },
    });
    // With a second certificate on a listed curve, that one is used instead.
    expect(
      pick(server(['ECDSA_P384', 'ECDSA_P256']), [ECDSA_SUITE], [S.ecdsa_secp384r1_sha384], groups)
        .key,
    ).toBe('ECDSA_P256');
  });

  it('offers and prefers every implemented scheme in OpenSSL 3 order by default', () => {
    expect(server([]).signatureSchemes).toEqual([
      S.ecdsa_secp256r1_sha256,
      S.ecdsa_secp384r1_sha384,
      S.ecdsa_secp521r1_sha512,
      S.rsa_pss_rsae_sha256,
      S.rsa_pss_rsae_sha384,
      S.rsa_pss_rsae_sha512,
      S.rsa_pkcs1_sha256,
      S.rsa_pkcs1_sha384,
      S.rsa_pkcs1_sha512,
    ]);
  });

  it('skips a PSS scheme the RSA key is too short for, as OpenSSL does (RFC 8017, Section 9.1.1)', () => {
    // A throwaway self-signed 1024-bit RSA certificate; only its key size matters here.
    const pem = execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:1024',
        '-nodes',
        '-keyout',
        '/dev/null',
        '-subj',
        '/CN=short',
        '-days',
        '1',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const short = server(['RSA'], (c) => (c.credentials[0]!.chain = pemToDerList(pem)));
    const long = server(
      ['RSA'],
      (c) => (c.credentials[0]!.chain = pemToDerList(DEMO_PKI.leaves.rsa.certPem)),
    );
    const offer = [S.rsa_pss_rsae_sha512, S.rsa_pkcs1_sha256];
    expect(pick(short, [RSA_SUITE], offer).scheme).toBe(S.rsa_pkcs1_sha256);
    expect(pick(long, [RSA_SUITE], offer).scheme).toBe(S.rsa_pss_rsae_sha512);
    expect(pick(short, [RSA_SUITE], [S.rsa_pss_rsae_sha384]).scheme).toBe(S.rsa_pss_rsae_sha384);
    expect(() => pick(short, [RSA_SUITE], [S.rsa_pss_rsae_sha512])).toThrow(TlsFailure);
  });
});
