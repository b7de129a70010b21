/** The server's group choice when the client names none, and when it does (RFC 8422, Section 4). */
import { describe, expect, it } from 'vitest';
import { demoCredentials } from '../../src/engine/scenarios/tls-demo-config';
import { defaultServerConfig } from '../../src/engine/tls/config';
import { CipherSuite, NamedGroup, SignatureScheme } from '../../src/engine/tls/enums';
import { chooseParameters } from '../../src/engine/tls/negotiate';

const config = defaultServerConfig(demoCredentials());
const offer = {
  cipherSuites: [CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256],
  signatureSchemes: [SignatureScheme.rsa_pss_rsae_sha256],
};

describe('group choice', () => {
  it('takes secp256r1 for a client without supported_groups, though x25519 comes first', () => {
    expect(config.groups[0]).toBe(NamedGroup.x25519);
    expect(chooseParameters(config, offer).group).toBe(NamedGroup.secp256r1);
  });

  it("takes the first shared group in the server's order when the client names groups", () => {
    const groups = [NamedGroup.secp384r1, NamedGroup.x25519];
    expect(chooseParameters(config, { ...offer, groups }).group).toBe(NamedGroup.x25519);
  });
});
