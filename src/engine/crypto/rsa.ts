/**
 * RSA signatures through WebCrypto, which browsers and Node 20+ both have, so no RSA is written
 * here. PKCS#1 v1.5 (RFC 8017, Section 8.2) and PSS with rsaEncryption keys (RFC 8017,
 * Section 8.1), the schemes TLS 1.2 signs ServerKeyExchange with (RFC 5246, Section 7.4.3;
 * RFC 8446, Section 4.2.3 defines rsa_pss_rsae_* and TLS 1.2 uses them too).
 *
 * PKCS#1 v1.5 signatures are deterministic. PSS draws a random salt inside WebCrypto, which no
 * injected Rng can reach, so PSS signature bytes differ from run to run even with one seed.
 */
import { CryptoArgumentError } from './errors';
import { bufferOf, importKeyCached, importedKeyNow, subtle, type ImportSpec } from './webcrypto';

export type RsaScheme =
  | 'rsa_pkcs1_sha256'
  | 'rsa_pkcs1_sha384'
  | 'rsa_pkcs1_sha512'
  | 'rsa_pss_rsae_sha256'
  | 'rsa_pss_rsae_sha384'
  | 'rsa_pss_rsae_sha512';

interface RsaParams {
  name: 'RSASSA-PKCS1-v1_5' | 'RSA-PSS';
  hash: 'SHA-256' | 'SHA-384' | 'SHA-512';
  /** RFC 8446, Section 4.2.3: the PSS salt is as long as the digest. */
  saltLength?: number;
}

const PARAMS: Readonly<Record<RsaScheme, RsaParams>> = {
  rsa_pkcs1_sha256: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  rsa_pkcs1_sha384: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
  rsa_pkcs1_sha512: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' },
  rsa_pss_rsae_sha256: { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 },
  rsa_pss_rsae_sha384: { name: 'RSA-PSS', hash: 'SHA-384', saltLength: 48 },
  rsa_pss_rsae_sha512: { name: 'RSA-PSS', hash: 'SHA-512', saltLength: 64 },
};

function paramsOf(scheme: RsaScheme): RsaParams {
  const p = (PARAMS as Record<string, RsaParams | undefined>)[scheme];
  if (!p) throw new CryptoArgumentError('scheme', `unknown RSA scheme '${String(scheme)}'`);
  return p;
}

function importSpec(p: RsaParams, usage: KeyUsage): ImportSpec {
  return { algorithm: { name: p.name, hash: p.hash }, usages: [usage], extractable: false };
}

function signParams(p: RsaParams): AlgorithmIdentifier | RsaPssParams {
  return p.saltLength === undefined ? { name: p.name } : { name: p.name, saltLength: p.saltLength };
}

/** Signs `data` (hashed inside, as the scheme says) with an RSA private key in PKCS#8 DER. */
export async function rsaSign(
  scheme: RsaScheme,
  pkcs8Der: Uint8Array,
  data: Uint8Array,
): Promise<Uint8Array> {
  const p = paramsOf(scheme);
  const spec = importSpec(p, 'sign');
  // A key imported before is used at once, so the signature starts before this returns.
  const key =
    importedKeyNow('pkcs8', pkcs8Der, spec) ??
    (await importKeyCached('pkcs8', pkcs8Der, spec, 'pkcs8Der'));
  return new Uint8Array(await subtle().sign(signParams(p), key, bufferOf(data)));
}

/** Whether `signature` is a valid `scheme` signature of `data` under the SPKI DER public key. */
export async function rsaVerify(
  scheme: RsaScheme,
  spkiDer: Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const p = paramsOf(scheme);
  const spec = importSpec(p, 'verify');
  const key =
    importedKeyNow('spki', spkiDer, spec) ??
    (await importKeyCached('spki', spkiDer, spec, 'spkiDer'));
  return subtle().verify(signParams(p), key, bufferOf(signature), bufferOf(data));
}
