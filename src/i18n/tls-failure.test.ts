/**
 * The no-shared-suite line as the CLI and the page say it: the "(passed over: …)" clause only when
 * the server really passed a suite over, from a real negotiation (negotiate.ts).
 */
import { describe, expect, it } from 'vitest';
import { defaultServerConfig } from '../engine/tls/config';
import { CipherSuite, NamedGroup, SignatureScheme, cipherSuite } from '../engine/tls/enums';
import { TlsFailure } from '../engine/tls/errors';
import { chooseParameters } from '../engine/tls/negotiate';
import { faultText } from './tls-failure';
import { TLS_TEXT_KO } from './tls.ko';

function failureOf(suites: number[]): TlsFailure {
  const config = defaultServerConfig([
    { chain: [], privateKeyPkcs8: new Uint8Array(0), keyType: 'ECDSA_P384' },
  ]);
  try {
    chooseParameters(config, {
      cipherSuites: suites.map(cipherSuite),
      groups: [NamedGroup.x25519],
      signatureSchemes: [SignatureScheme.ecdsa_secp384r1_sha384],
    });
  } catch (e) {
    if (e instanceof TlsFailure) return e;
    throw e;
  }
  throw new Error('a suite was chosen');
}

describe('the no-shared-suite line', () => {
  it('names no passed-over suites when the server passed none over', () => {
    // TLS_RSA_WITH_AES_128_GCM_SHA256 (0x009c): RSA key transport, which no server here offers.
    const { error } = failureOf([0x009c]);
    expect(error.params).toMatchObject({ passedOver: [] });
    expect(faultText(error)).toMatch(
      /^no cipher suite in common: the client offered TLS_RSA_WITH_AES_128_GCM_SHA256; the server supports [A-Z0-9_, ]+(and [A-Z0-9_]+)?$/,
    );
    expect(faultText(error, TLS_TEXT_KO)).not.toContain('건너뛴');
  });

  it('names the suites passed over, in both languages, when there were some', () => {
    // P-384 is not among the client's groups: the ECDSA suite is passed over (RFC 8422, 5.3).
    const { error } = failureOf([CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]);
    expect(faultText(error)).toMatch(/ \(passed over: TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256\)$/);
    expect(faultText(error, TLS_TEXT_KO)).toMatch(
      / \(건너뛴 스위트: TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256\)$/,
    );
  });
});
