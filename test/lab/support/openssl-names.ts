/** OpenSSL's names for the suites, groups and signature schemes the engine implements. */
import { NamedGroup, SignatureScheme } from '../../../src/engine/tls/enums';
import { SUITES as ENGINE_SUITES } from '../../../src/engine/tls/suites';

const SUITES: Record<number, string> = Object.fromEntries(
  ENGINE_SUITES.map((s) => [s.id, s.openssl]),
);

const GROUPS: Record<number, string> = {
  [NamedGroup.x25519]: 'X25519',
  [NamedGroup.secp256r1]: 'P-256',
  [NamedGroup.secp384r1]: 'P-384',
  [NamedGroup.secp521r1]: 'P-521',
};

const SCHEMES: Record<number, string> = {
  [SignatureScheme.rsa_pkcs1_sha256]: 'RSA+SHA256',
  [SignatureScheme.rsa_pkcs1_sha384]: 'RSA+SHA384',
  [SignatureScheme.rsa_pkcs1_sha512]: 'RSA+SHA512',
  [SignatureScheme.rsa_pss_rsae_sha256]: 'rsa_pss_rsae_sha256',
  [SignatureScheme.rsa_pss_rsae_sha384]: 'rsa_pss_rsae_sha384',
  [SignatureScheme.rsa_pss_rsae_sha512]: 'rsa_pss_rsae_sha512',
  [SignatureScheme.ecdsa_secp256r1_sha256]: 'ECDSA+SHA256',
  [SignatureScheme.ecdsa_secp384r1_sha384]: 'ECDSA+SHA384',
  [SignatureScheme.ecdsa_secp521r1_sha512]: 'ECDSA+SHA512',
};

function names(table: Record<number, string>, ids: readonly number[]): string {
  return ids
    .map((id) => {
      const name = table[id];
      if (!name) throw new Error(`no OpenSSL name for 0x${id.toString(16)}`);
      return name;
    })
    .join(':');
}

/** For node:tls `ciphers`, `ecdhCurve` and `sigalgs`, in the order given. */
export const openssl = {
  suites: (ids: readonly number[]) => names(SUITES, ids),
  groups: (ids: readonly number[]) => names(GROUPS, ids),
  schemes: (ids: readonly number[]) => names(SCHEMES, ids),
  suiteName: (id: number) => SUITES[id],
};
