/**
 * One certificate, read once: every field that validation, the summary and the inspector need,
 * taken out of @peculiar/x509 up front, so that a malformed certificate fails here (and becomes
 * a decode_error) instead of halfway through a later check.
 */
import { x509 } from './x509';
import type { PresentedNames } from './hostname';
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex } from '../../bytes/hex';

/** Extension OIDs (RFC 5280 §4.2.1). */
export const OID = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
  authorityKeyIdentifier: '2.5.29.35',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  anyExtendedKeyUsage: '2.5.29.37.0',
} as const;

/** keyUsage bits as @peculiar/x509 numbers them (RFC 5280 §4.2.1.3). */
export const KeyUsage = {
  digitalSignature: x509.KeyUsageFlags.digitalSignature,
  keyEncipherment: x509.KeyUsageFlags.keyEncipherment,
  keyCertSign: x509.KeyUsageFlags.keyCertSign,
  cRLSign: x509.KeyUsageFlags.cRLSign,
} as const;

export interface ParsedCertificate {
  readonly der: Uint8Array;
  readonly cert: x509.X509Certificate;
  /** The subject's common name if it has one, else the whole subject: how sentences name it. */
  readonly label: string;
  readonly issuerLabel: string;
  readonly subject: string;
  readonly issuer: string;
  readonly subjectDer: Uint8Array;
  readonly issuerDer: Uint8Array;
  readonly notBefore: number;
  readonly notAfter: number;
  readonly spki: Uint8Array;
  /** OpenSSL's name for it, e.g. "sha256WithRSAEncryption". */
  readonly signatureAlgorithm: string;
  /** null when the extension is absent. */
  readonly basicConstraints: { readonly ca: boolean; readonly pathLen?: number } | null;
  readonly keyUsage: number | null;
  readonly extKeyUsage: readonly string[] | null;
  readonly san: PresentedNames | null;
  readonly subjectKeyId: string | null;
  readonly authorityKeyId: string | null;
  /** OIDs of the extensions marked critical. */
  readonly criticalExtensions: readonly string[];
}

export class CertificateParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateParseError';
  }
}

/**
 * Parsing with @peculiar/x509 costs milliseconds a certificate, and the same intermediates and
 * roots arrive on every connection, so parses are remembered by the certificate's SHA-256
 * (bounded). A ParsedCertificate is never mutated after it is made, so sharing it is safe.
 */
const parsedByFingerprint = new Map<string, ParsedCertificate>();
const MAX_PARSED = 128;

export function parseCertificate(input: Uint8Array): ParsedCertificate {
  const fingerprint = toHex(sha256(input));
  const known = parsedByFingerprint.get(fingerprint);
  if (known) return known;
  const parsed = parseUncached(input);
  if (parsedByFingerprint.size >= MAX_PARSED)
    parsedByFingerprint.delete(parsedByFingerprint.keys().next().value!);
  parsedByFingerprint.set(fingerprint, parsed);
  return parsed;
}

function parseUncached(input: Uint8Array): ParsedCertificate {
  // A private copy: the caller's buffer (a TLS record) may be reused after we return.
  const der = new Uint8Array(input);
  if (der.length === 0) throw new CertificateParseError('it is empty');
  checkOuterLength(der);
  let cert: x509.X509Certificate;
  try {
    cert = new x509.X509Certificate(der);
    return readFields(der, cert);
  } catch (error) {
    if (error instanceof CertificateParseError) throw error;
    throw new CertificateParseError(error instanceof Error ? error.message : String(error));
  }
}

function readFields(der: Uint8Array, cert: x509.X509Certificate): ParsedCertificate {
  const types = cert.extensions.map((e) => e.type);
  const duplicate = types.find((t, i) => types.indexOf(t) !== i);
  // RFC 5280 §4.2: "A certificate MUST NOT include more than one instance of a particular
  // extension."
  if (duplicate) throw new CertificateParseError(`it has the extension ${duplicate} twice`);

  const basic = cert.getExtension(x509.BasicConstraintsExtension);
  const keyUsage = cert.getExtension(x509.KeyUsagesExtension);
  const eku = cert.getExtension(x509.ExtendedKeyUsageExtension);
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  const ski = cert.getExtension(x509.SubjectKeyIdentifierExtension);
  const aki = cert.getExtension(x509.AuthorityKeyIdentifierExtension);
  const notBefore = cert.notBefore.getTime();
  const notAfter = cert.notAfter.getTime();
  if (Number.isNaN(notBefore) || Number.isNaN(notAfter)) {
    throw new CertificateParseError('its validity dates cannot be read');
  }

  return {
    der,
    cert,
    label: commonNameOr(cert.subjectName, cert.subject),
    issuerLabel: commonNameOr(cert.issuerName, cert.issuer),
    subject: cert.subject,
    issuer: cert.issuer,
    subjectDer: new Uint8Array(cert.subjectName.toArrayBuffer()),
    issuerDer: new Uint8Array(cert.issuerName.toArrayBuffer()),
    notBefore,
    notAfter,
    spki: new Uint8Array(cert.publicKey.rawData),
    signatureAlgorithm: signatureAlgorithmName(cert.signatureAlgorithm),
    basicConstraints: basic
      ? basic.pathLength === undefined
        ? { ca: basic.ca }
        : { ca: basic.ca, pathLen: basic.pathLength }
      : null,
    keyUsage: keyUsage ? keyUsage.usages : null,
    extKeyUsage: eku ? eku.usages.map(String) : null,
    san: san ? presentedNames(san) : null,
    subjectKeyId: ski ? ski.keyId.toLowerCase() : null,
    authorityKeyId: aki?.keyId ? aki.keyId.toLowerCase() : null,
    criticalExtensions: cert.extensions.filter((e) => e.critical).map((e) => e.type),
  };
}

function presentedNames(san: x509.SubjectAlternativeNameExtension): PresentedNames {
  const dns: string[] = [];
  const ip: string[] = [];
  for (const name of san.names.items) {
    if (name.type === 'dns') dns.push(name.value);
    else if (name.type === 'ip') ip.push(name.value);
  }
  return { dns, ip };
}

function signatureAlgorithmName(alg: { name: string; hash?: { name: string } }): string {
  const hash = alg.hash?.name ?? '';
  const bits = hash.replace('SHA-', '');
  if (alg.name === 'RSASSA-PKCS1-v1_5' && hash) return `sha${bits}WithRSAEncryption`;
  if (alg.name === 'ECDSA' && hash) return `ecdsa-with-SHA${bits}`;
  if (alg.name === 'RSA-PSS') return 'rsassaPss';
  if (alg.name === 'Ed25519') return 'ED25519';
  return hash ? `${alg.name} with ${hash}` : alg.name;
}

function commonNameOr(name: x509.Name, fallback: string): string {
  const cn = name.getField('CN');
  return cn.length > 0 ? cn[cn.length - 1]! : fallback;
}

/**
 * DER (X.690 §10.1) gives the outer SEQUENCE a definite length, and a TLS ASN.1Cert (RFC 5246
 * §7.4.2) is exactly one certificate. The X.509 library tolerates bytes after the SEQUENCE, so
 * this reads just the outer tag and length octets (X.690 §8.1.3) to refuse them, the way
 * OpenSSL refuses a certificate whose length does not match its TLS framing.
 */
function checkOuterLength(der: Uint8Array): void {
  if (der[0] !== 0x30) throw new CertificateParseError('it does not start with a DER SEQUENCE');
  const first = der[1];
  if (first === undefined) throw new CertificateParseError('it ends after one byte');
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const octets = first & 0x7f;
    if (octets === 0 || octets > 4 || der.length < 2 + octets) {
      throw new CertificateParseError('its outer length is not a DER definite length');
    }
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + der[2 + i]!;
    header += octets;
  }
  if (header + length !== der.length) {
    throw new CertificateParseError(
      `its DER says ${header + length} bytes but ${der.length} were given`,
    );
  }
}
