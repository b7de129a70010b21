/**
 * What a certificate's AlgorithmIdentifiers (RFC 5280 §4.1.1.2, §4.1.2.7) mean here: the name
 * to show for a signature algorithm and the WebCrypto scheme that checks it (RFC 4055, RFC 5758,
 * RFC 8410), and the kind, size and curve of a subject public key (RFC 3279, RFC 5480). The
 * parameter structures are read with the ASN.1 schemas of @peculiar/asn1-ecc and asn1-rsa.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, type SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { ECParameters, id_ecPublicKey } from '@peculiar/asn1-ecc';
import {
  id_mgf1,
  id_rsaEncryption,
  id_RSASSA_PSS,
  id_sha1,
  id_sha256,
  id_sha384,
  id_sha512,
  RSAPublicKey,
  RsaSaPssParams,
} from '@peculiar/asn1-rsa';

export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/** A signature scheme WebCrypto can check, as this certificate's signatureAlgorithm names it. */
export type SignatureScheme =
  | { readonly name: 'RSASSA-PKCS1-v1_5'; readonly hash: HashName }
  | { readonly name: 'RSA-PSS'; readonly hash: HashName; readonly saltLength: number }
  | { readonly name: 'ECDSA'; readonly hash: HashName }
  | { readonly name: 'Ed25519' };

export interface SignatureAlgorithm {
  /** OpenSSL's name for it, e.g. "sha256WithRSAEncryption"; the OID when it has none here. */
  readonly name: string;
  /** null: not one this verifier can check, so the signature never verifies. */
  readonly scheme: SignatureScheme | null;
}

/** The subject's public key, as far as the summary and signature checks need it. */
export type PublicKeyAlgorithm =
  | {
      readonly kind: 'RSA';
      /** An id-RSASSA-PSS key (RFC 4055 §1.2), which WebCrypto imports as rsaEncryption. */
      readonly pss: boolean;
      /** The modulus size, read from an rsaEncryption key. */
      readonly bits?: number;
    }
  | { readonly kind: 'EC'; readonly curve: string }
  | { readonly kind: 'Ed25519' }
  | { readonly kind: 'other' };

const HASH_BY_OID: Readonly<Record<string, HashName>> = {
  [id_sha1]: 'SHA-1',
  [id_sha256]: 'SHA-256',
  [id_sha384]: 'SHA-384',
  [id_sha512]: 'SHA-512',
};

/** RFC 4055 §5 (RSA PKCS #1 v1.5), RFC 5758 §3.2 and RFC 3279 §2.2.3 (ECDSA). */
const SIGNATURE_BY_OID: Readonly<Record<string, { name: string; scheme: SignatureScheme }>> = {
  '1.2.840.113549.1.1.5': pkcs1('SHA-1'),
  '1.2.840.113549.1.1.11': pkcs1('SHA-256'),
  '1.2.840.113549.1.1.12': pkcs1('SHA-384'),
  '1.2.840.113549.1.1.13': pkcs1('SHA-512'),
  '1.2.840.10045.4.1': ecdsa('SHA-1'),
  '1.2.840.10045.4.3.2': ecdsa('SHA-256'),
  '1.2.840.10045.4.3.3': ecdsa('SHA-384'),
  '1.2.840.10045.4.3.4': ecdsa('SHA-512'),
  // RFC 8410 §3.
  '1.3.101.112': { name: 'ED25519', scheme: { name: 'Ed25519' } },
};

/** Signature algorithms with a name but no scheme here (they never verify). */
const UNCHECKED_SIGNATURE_NAMES: Readonly<Record<string, string>> = {
  '1.3.101.113': 'EdDSA', // Ed448 (RFC 8410)
  '2.16.840.1.101.3.4.3.17': 'ML-DSA-44', // RFC 9881
  '2.16.840.1.101.3.4.3.18': 'ML-DSA-65',
  '2.16.840.1.101.3.4.3.19': 'ML-DSA-87',
};

function pkcs1(hash: HashName): { name: string; scheme: SignatureScheme } {
  return {
    name: `sha${hash.slice(4)}WithRSAEncryption`,
    scheme: { name: 'RSASSA-PKCS1-v1_5', hash },
  };
}

function ecdsa(hash: HashName): { name: string; scheme: SignatureScheme } {
  return { name: `ecdsa-with-${hash.replace('-', '')}`, scheme: { name: 'ECDSA', hash } };
}

/** Throws (a parse error) if RSASSA-PSS parameters are present but malformed. */
export function signatureAlgorithmOf(id: AlgorithmIdentifier): SignatureAlgorithm {
  const known = SIGNATURE_BY_OID[id.algorithm];
  if (known) return known;
  if (id.algorithm === id_RSASSA_PSS) return { name: 'rsassaPss', scheme: pssScheme(id) };
  return { name: UNCHECKED_SIGNATURE_NAMES[id.algorithm] ?? id.algorithm, scheme: null };
}

/**
 * RFC 4055 §3.1: the hash, the mask generation function and the salt length are parameters
 * (SHA-1, MGF1 with SHA-1 and 20 when absent). WebCrypto's RSA-PSS always uses MGF1 with the
 * signature's own hash, so a certificate that asks for another mask cannot be checked.
 */
function pssScheme(id: AlgorithmIdentifier): SignatureScheme | null {
  if (!id.parameters) return null;
  const params = AsnConvert.parse(id.parameters, RsaSaPssParams);
  const hash = HASH_BY_OID[params.hashAlgorithm.algorithm];
  const mask = params.maskGenAlgorithm;
  if (!hash || mask.algorithm !== id_mgf1 || !mask.parameters) return null;
  // MGF1's parameter is the AlgorithmIdentifier of its hash (RFC 4055 §2.2).
  const maskHash = AsnConvert.parse(mask.parameters, AlgorithmIdentifier);
  if (HASH_BY_OID[maskHash.algorithm] !== hash) return null;
  return { name: 'RSA-PSS', hash, saltLength: params.saltLength };
}

/** RFC 5480 §2.1.1.1 named curves, by the names WebCrypto (and OpenSSL's aliases) give them. */
const CURVE_BY_OID: Readonly<Record<string, string>> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
  '1.3.132.0.10': 'K-256',
  ...Object.fromEntries(
    ['160', '192', '224', '256', '320', '384', '512'].flatMap((bits, i) => [
      [`1.3.36.3.3.2.8.1.1.${2 * i + 1}`, `brainpoolP${bits}r1`],
      [`1.3.36.3.3.2.8.1.1.${2 * i + 2}`, `brainpoolP${bits}t1`],
    ]),
  ),
};

/**
 * Throws (a parse error) when the key's parameters or an RSA key itself cannot be read: an EC
 * key without its curve, or an rsaEncryption key that is not an RSAPublicKey (RFC 3279 §2.3).
 */
export function publicKeyAlgorithmOf(spki: SubjectPublicKeyInfo): PublicKeyAlgorithm {
  const { algorithm, parameters } = spki.algorithm;
  switch (algorithm) {
    case id_rsaEncryption: {
      const key = AsnConvert.parse(spki.subjectPublicKey, RSAPublicKey);
      const modulus = new Uint8Array(key.modulus);
      const bytes = modulus[0] === 0 ? modulus.length - 1 : modulus.length;
      return { kind: 'RSA', pss: false, bits: bytes * 8 };
    }
    case id_RSASSA_PSS:
      if (parameters) AsnConvert.parse(parameters, RsaSaPssParams);
      return { kind: 'RSA', pss: true };
    case id_ecPublicKey: {
      if (!parameters) throw new Error('its EC public key does not name a curve');
      const { namedCurve } = AsnConvert.parse(parameters, ECParameters);
      const curve = namedCurve === undefined ? undefined : CURVE_BY_OID[namedCurve];
      return curve ? { kind: 'EC', curve } : { kind: 'other' };
    }
    case '1.3.101.112':
      return { kind: 'Ed25519' };
    default:
      return { kind: 'other' };
  }
}
