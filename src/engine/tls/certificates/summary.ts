/**
 * What the inspector and the CLI show about one certificate: plain strings and numbers, no
 * library objects, so the store can keep it and the UI can render it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { parseCertificate, type ParsedCertificate } from './parse';

export type PublicKeyKind = 'RSA' | 'EC' | 'Ed25519' | 'other';

/** How the TLS engine will use the leaf's key: the kinds its signature code knows. */
export type TlsKeyType = 'RSA' | 'ECDSA_P256' | 'ECDSA_P384' | 'ECDSA_P521' | 'other';

const EC_KEY_TYPES: Readonly<Record<string, TlsKeyType>> = {
  'P-256': 'ECDSA_P256',
  'P-384': 'ECDSA_P384',
  'P-521': 'ECDSA_P521',
};

export interface CertSummary {
  subject: string;
  issuer: string;
  /** Upper-case hex, as OpenSSL and node:crypto print it. */
  serialHex: string;
  /** ISO 8601, UTC. */
  notBefore: string;
  notAfter: string;
  /** "DNS:www.example.com", "IP:127.0.0.1" */
  san: string[];
  keyType: PublicKeyKind;
  /** RSA modulus size. */
  keyBits?: number;
  /** EC named curve, e.g. "P-256". */
  curve?: string;
  /** OpenSSL's name for it, e.g. "sha256WithRSAEncryption". */
  signatureAlgorithm: string;
  isCa: boolean;
  /** Colon-separated upper-case hex, as `openssl x509 -fingerprint -sha256` prints it. */
  sha256Fingerprint: string;
}

/** Throws CertificateParseError if `der` is not a certificate. */
export function summarizeCertificate(der: Uint8Array): CertSummary {
  return summarizeParsed(parseCertificate(der));
}

/**
 * Summaries of certificates already summarised: a ParsedCertificate never changes, and a client
 * meets the same chain on every connection (the fingerprint alone is a SHA-256 of the DER).
 */
const summaries = new WeakMap<ParsedCertificate, CertSummary>();

/** A fresh object each time; only the work behind it is shared. */
export function summarizeParsed(parsed: ParsedCertificate): CertSummary {
  let summary = summaries.get(parsed);
  if (!summary) summaries.set(parsed, (summary = summarize(parsed)));
  return { ...summary, san: [...summary.san] };
}

function summarize(parsed: ParsedCertificate): CertSummary {
  const key = parsed.publicKey;
  const san = [
    ...(parsed.san?.dns ?? []).map((name) => `DNS:${name}`),
    ...(parsed.san?.ip ?? []).map((ip) => `IP:${ip}`),
  ];
  return {
    subject: parsed.subject,
    issuer: parsed.issuer,
    serialHex: parsed.serialHex,
    notBefore: new Date(parsed.notBefore).toISOString(),
    notAfter: new Date(parsed.notAfter).toISOString(),
    san,
    keyType: key.kind,
    ...(key.kind === 'RSA' && key.bits ? { keyBits: key.bits } : {}),
    ...(key.kind === 'EC' ? { curve: key.curve } : {}),
    signatureAlgorithm: parsed.signatureAlgorithm,
    isCa: parsed.basicConstraints?.ca ?? false,
    sha256Fingerprint: colonHex(sha256(parsed.der)),
  };
}

/** The leaf's SubjectPublicKeyInfo (DER) and what kind of key it holds. */
export function leafPublicKey(der: Uint8Array): { spki: Uint8Array; keyType: TlsKeyType } {
  return leafPublicKeyOf(parseCertificate(der));
}

export function leafPublicKeyOf(parsed: ParsedCertificate): {
  spki: Uint8Array;
  keyType: TlsKeyType;
} {
  const key = parsed.publicKey;
  const keyType: TlsKeyType =
    key.kind === 'RSA' ? 'RSA' : key.kind === 'EC' ? (EC_KEY_TYPES[key.curve] ?? 'other') : 'other';
  return { spki: parsed.spki, keyType };
}

function colonHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}
