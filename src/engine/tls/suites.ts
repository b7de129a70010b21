/**
 * The TLS 1.2 cipher suites we implement and what each one fixes: how the server authenticates,
 * the record AEAD, the PRF hash and the lengths the key block is cut into. All are ECDHE with an
 * AEAD (RFC 5289 for AES-GCM, RFC 7905 for ChaCha20-Poly1305).
 */
import type { AeadName } from '../crypto/aead';
import type { HashName } from '../crypto/hash';
import { cipherSuite, type CipherSuite } from './enums';

export interface SuiteParams {
  id: CipherSuite;
  /** The IANA name, e.g. "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256". */
  name: string;
  /** OpenSSL's name, e.g. "ECDHE-RSA-AES128-GCM-SHA256" (`openssl ciphers -stdname`). */
  openssl: string;
  /** The certificate key type, and so the signature schemes, that ServerKeyExchange uses. */
  auth: 'RSA' | 'ECDSA';
  aead: AeadName;
  /** The PRF hash (RFC 5246, Section 5), also the Finished hash. */
  hash: HashName;
  keyLength: number;
  /** The implicit IV from the key block: 4-byte salt for GCM (RFC 5288, Section 3), 12 bytes for ChaCha20 (RFC 7905, Section 2). */
  fixedIvLength: number;
  /** The explicit nonce sent in each record: 8 bytes for GCM, none for ChaCha20. */
  recordIvLength: number;
  tagLength: 16;
  /** RFC 5246, Section 7.4.9: 12 unless a suite says otherwise, and none of ours does. */
  verifyDataLength: 12;
}

function gcmSuite(
  code: number,
  name: string,
  openssl: string,
  auth: SuiteParams['auth'],
  bits: 128 | 256,
): SuiteParams {
  return {
    id: cipherSuite(code),
    name,
    openssl,
    auth,
    aead: bits === 128 ? 'AES_128_GCM' : 'AES_256_GCM',
    // RFC 5289, Section 3.2: the AES-256 suites use SHA-384 for the PRF.
    hash: bits === 128 ? 'sha256' : 'sha384',
    keyLength: bits / 8,
    fixedIvLength: 4,
    recordIvLength: 8,
    tagLength: 16,
    verifyDataLength: 12,
  };
}

function chachaSuite(
  code: number,
  name: string,
  openssl: string,
  auth: SuiteParams['auth'],
): SuiteParams {
  return {
    id: cipherSuite(code),
    name,
    openssl,
    auth,
    aead: 'CHACHA20_POLY1305',
    hash: 'sha256',
    keyLength: 32,
    fixedIvLength: 12,
    recordIvLength: 0,
    tagLength: 16,
    verifyDataLength: 12,
  };
}

/**
 * The one table of the suites' codes and names: the engine, the header's suite picker and the
 * CLI's --suites all read it.
 */
export const SUITES: readonly SuiteParams[] = [
  gcmSuite(
    0xc02f,
    'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
    'ECDHE-RSA-AES128-GCM-SHA256',
    'RSA',
    128,
  ),
  gcmSuite(
    0xc030,
    'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    'ECDHE-RSA-AES256-GCM-SHA384',
    'RSA',
    256,
  ),
  chachaSuite(
    0xcca8,
    'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
    'ECDHE-RSA-CHACHA20-POLY1305',
    'RSA',
  ),
  gcmSuite(
    0xc02b,
    'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
    'ECDHE-ECDSA-AES128-GCM-SHA256',
    'ECDSA',
    128,
  ),
];

/**
 * The TLS 1.3 suites' names (RFC 8446, Appendix B.4), which OpenSSL uses as they are. Their AEAD
 * and hash are in tls13/key-schedule.ts, which reads the names from here.
 */
export const TLS13_SUITE_NAMES = {
  0x1301: 'TLS_AES_128_GCM_SHA256',
  0x1302: 'TLS_AES_256_GCM_SHA384',
  0x1303: 'TLS_CHACHA20_POLY1305_SHA256',
} as const;

const BY_ID = new Map(SUITES.map((s) => [s.id, s]));
const BY_NAME = new Map(SUITES.flatMap((s) => [[s.name, s] as const, [s.openssl, s] as const]));

/** The parameters of a suite we implement, or undefined for any other code. */
export function suiteParams(id: number): SuiteParams | undefined {
  return BY_ID.get(cipherSuite(id));
}

/** The suite an IANA or OpenSSL name means, in any letter case, if we implement it. */
export function suiteByName(name: string): SuiteParams | undefined {
  return BY_NAME.get(name.toUpperCase());
}

/** ECDHE-RSA-AES128-GCM-SHA256 first: the suite the default handshake is built around. */
export const DEFAULT_SUITE_ORDER: readonly CipherSuite[] = SUITES.map((s) => s.id);

/**
 * The SignatureScheme codes that can sign a ServerKeyExchange for a suite's `auth`, most
 * preferred first: RSA-PSS before PKCS#1 v1.5 (RFC 8446, Section 4.2.3 keeps v1.5 only for old
 * peers), shorter hashes first within each, as in OpenSSL's default list.
 */
export function schemesForAuth(auth: SuiteParams['auth']): readonly number[] {
  return auth === 'RSA' ? RSA_SCHEMES : ECDSA_SCHEMES;
}

const RSA_SCHEMES: readonly number[] = [0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601];
const ECDSA_SCHEMES: readonly number[] = [0x0403, 0x0503, 0x0603];
