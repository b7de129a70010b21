/**
 * One certificate, read once: every field that validation, the summary and the inspector need,
 * taken out of the DER up front with the X.509 schemas of @peculiar/asn1-x509 (the layer that
 * @peculiar/x509 is built on, without its dependency injection), so that a malformed
 * certificate fails here (and becomes a decode_error) instead of halfway through a later check.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { CERT_TEXT_EN, type CertParseKey } from '../../../i18n/cert.en';
import { translate } from '../../../i18n/format';
import {
  AuthorityInfoAccessSyntax,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  CertificatePolicies,
  CRLDistributionPoints,
  ExtendedKeyUsage,
  GeneralNames,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_certificatePolicies,
  id_ce_cRLDistributionPoints,
  id_ce_extKeyUsage,
  id_ce_issuerAltName,
  id_ce_keyUsage,
  id_ce_subjectAltName,
  id_ce_subjectKeyIdentifier,
  id_pe_authorityInfoAccess,
  KeyUsage as KeyUsageBits,
  KeyUsageFlags,
  Name,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
  type Extension,
  type Time,
} from '@peculiar/asn1-x509';
import type { PresentedNames } from './hostname';
import { bytesEqual, toHex } from '../../bytes/hex';
import {
  publicKeyAlgorithmOf,
  signatureAlgorithmOf,
  type PublicKeyAlgorithm,
  type SignatureScheme,
} from './algorithms';
import { commonName, nameToString } from './names';

/** Extension OIDs (RFC 5280 §4.2.1). */
export const OID = {
  subjectKeyIdentifier: id_ce_subjectKeyIdentifier,
  keyUsage: id_ce_keyUsage,
  subjectAltName: id_ce_subjectAltName,
  basicConstraints: id_ce_basicConstraints,
  extKeyUsage: id_ce_extKeyUsage,
  authorityKeyIdentifier: id_ce_authorityKeyIdentifier,
  serverAuth: '1.3.6.1.5.5.7.3.1',
  anyExtendedKeyUsage: '2.5.29.37.0',
} as const;

/** keyUsage bits as @peculiar/asn1-x509 numbers them (RFC 5280 §4.2.1.3). */
export const KeyUsage = {
  digitalSignature: KeyUsageFlags.digitalSignature,
  keyEncipherment: KeyUsageFlags.keyEncipherment,
  keyCertSign: KeyUsageFlags.keyCertSign,
  cRLSign: KeyUsageFlags.cRLSign,
} as const;

export interface ParsedCertificate {
  readonly der: Uint8Array;
  /** The tbsCertificate exactly as it was sent: the bytes the issuer signed (RFC 5280 §4.1.1.3). */
  readonly tbs: Uint8Array;
  /** The signatureValue BIT STRING's contents (for ECDSA, a DER Ecdsa-Sig-Value). */
  readonly signatureValue: Uint8Array;
  /** How the signature is checked; null when this verifier does not support the algorithm. */
  readonly signatureScheme: SignatureScheme | null;
  /** Upper-case hex, as OpenSSL and node:crypto print it. */
  readonly serialHex: string;
  /** The subject's key: its kind, and its size or curve. */
  readonly publicKey: PublicKeyAlgorithm;
  /** The subject's common name if it has one, else the whole subject: how sentences name it. */
  readonly label: string;
  readonly issuerLabel: string;
  readonly subject: string;
  readonly issuer: string;
  /**
   * The Names as DER, encoded again from what was read (so, for a DER certificate, the bytes as
   * sent), exactly as @peculiar/x509 gave them; the same goes for `spki`.
   */
  readonly subjectDer: Uint8Array;
  readonly issuerDer: Uint8Array;
  readonly notBefore: number;
  readonly notAfter: number;
  /** The SubjectPublicKeyInfo, DER. */
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
  constructor(
    readonly key: CertParseKey,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(translate(CERT_TEXT_EN, key, params));
    this.name = 'CertificateParseError';
  }
}

function libraryError(error: unknown): CertificateParseError {
  return new CertificateParseError('cert.parse.asn1', {
    detail: error instanceof Error ? error.message : String(error),
  });
}

/**
 * Parsing costs milliseconds a certificate, and the same intermediates and roots arrive on every
 * connection, so parses are remembered (bounded). An entry is found by the length and a cheap
 * checksum of the DER, and used only if its DER is byte for byte the input: the checksum only
 * narrows the search, so no input can be taken for another. A ParsedCertificate is never
 * mutated after it is made, so sharing it is safe.
 */
const parsedByChecksum = new Map<string, ParsedCertificate>();
const MAX_PARSED = 128;

export function parseCertificate(input: Uint8Array): ParsedCertificate {
  const key = `${input.length}:${fnv1a(input)}`;
  const known = parsedByChecksum.get(key);
  if (known && bytesEqual(known.der, input)) return known;
  const parsed = parseUncached(input);
  if (!known && parsedByChecksum.size >= MAX_PARSED)
    parsedByChecksum.delete(parsedByChecksum.keys().next().value!);
  parsedByChecksum.set(key, parsed);
  return parsed;
}

/** FNV-1a, 32 bits: a lookup key, not a fingerprint (see parseCertificate). */
function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

function parseUncached(input: Uint8Array): ParsedCertificate {
  // A private copy: the caller's buffer (a TLS record) may be reused after we return.
  const der = new Uint8Array(input);
  if (der.length === 0) throw new CertificateParseError('cert.parse.empty');
  checkOuterLength(der);
  try {
    return readFields(der, AsnConvert.parse(der, Certificate));
  } catch (error) {
    if (error instanceof CertificateParseError) throw error;
    throw libraryError(error);
  }
}

/**
 * A DER-encoded distinguished name (RFC 5280, Section 4.1.2.4), such as a CertificateRequest's
 * certificate_authorities carry, as text the way certificates' own names are shown. Throws a
 * CertificateParseError unless the bytes are exactly one DER Name.
 */
export function distinguishedNameText(input: Uint8Array): string {
  const der = new Uint8Array(input);
  checkOuterLength(der);
  try {
    return nameToString(AsnConvert.parse(der, Name));
  } catch (error) {
    throw libraryError(error);
  }
}

function readFields(der: Uint8Array, cert: Certificate): ParsedCertificate {
  const tbs = cert.tbsCertificate;
  const extensions = readExtensions(tbs.extensions ?? []);
  const notBefore = timeOf(tbs.validity.notBefore);
  const notAfter = timeOf(tbs.validity.notAfter);
  if (Number.isNaN(notBefore) || Number.isNaN(notAfter)) {
    throw new CertificateParseError('cert.parse.dates');
  }
  if (!cert.tbsCertificateRaw) throw new CertificateParseError('cert.parse.no_tbs');
  const subject = nameToString(tbs.subject);
  const issuer = nameToString(tbs.issuer);
  const spki = new Uint8Array(AsnConvert.serialize(tbs.subjectPublicKeyInfo));
  const publicKey = publicKeyAlgorithmOf(tbs.subjectPublicKeyInfo);
  const signature = signatureAlgorithmOf(cert.signatureAlgorithm);

  return {
    der,
    tbs: new Uint8Array(cert.tbsCertificateRaw.slice(0)),
    signatureValue: new Uint8Array(cert.signatureValue),
    signatureScheme: signature.scheme,
    serialHex: serialHex(new Uint8Array(tbs.serialNumber)),
    publicKey,
    label: commonName(tbs.subject) ?? subject,
    issuerLabel: commonName(tbs.issuer) ?? issuer,
    subject,
    issuer,
    subjectDer: new Uint8Array(AsnConvert.serialize(tbs.subject)),
    issuerDer: new Uint8Array(AsnConvert.serialize(tbs.issuer)),
    notBefore,
    notAfter,
    spki,
    signatureAlgorithm: signature.name,
    ...extensions,
  };
}

type ExtensionFields = Pick<
  ParsedCertificate,
  | 'basicConstraints'
  | 'keyUsage'
  | 'extKeyUsage'
  | 'san'
  | 'subjectKeyId'
  | 'authorityKeyId'
  | 'criticalExtensions'
>;

/**
 * The extensions that @peculiar/x509 decodes when it reads a certificate (the six validation uses,
 * and certificatePolicies, cRLDistributionPoints, authorityInfoAccess and issuerAltName) must
 * decode here too, so that what it refused as malformed is still refused; any other extension
 * stays opaque. Every critical one is listed, so that validation can refuse those it does not
 * act on (RFC 5280 §4.2).
 */
function readExtensions(extensions: readonly Extension[]): ExtensionFields {
  const fields: { -readonly [K in keyof ExtensionFields]: ExtensionFields[K] } = {
    basicConstraints: null,
    keyUsage: null,
    extKeyUsage: null,
    san: null,
    subjectKeyId: null,
    authorityKeyId: null,
    criticalExtensions: extensions.filter((e) => e.critical).map((e) => e.extnID),
  };
  for (const extension of extensions) {
    const value = extension.extnValue.buffer;
    switch (extension.extnID) {
      case id_ce_basicConstraints: {
        const basic = AsnConvert.parse(value, BasicConstraints);
        fields.basicConstraints =
          basic.pathLenConstraint === undefined
            ? { ca: basic.cA }
            : { ca: basic.cA, pathLen: basic.pathLenConstraint };
        break;
      }
      case id_ce_keyUsage:
        fields.keyUsage = AsnConvert.parse(value, KeyUsageBits).toNumber();
        break;
      case id_ce_extKeyUsage:
        fields.extKeyUsage = [...AsnConvert.parse(value, ExtendedKeyUsage)];
        break;
      case id_ce_subjectAltName:
        fields.san = presentedNames(AsnConvert.parse(value, SubjectAlternativeName));
        break;
      case id_ce_subjectKeyIdentifier:
        fields.subjectKeyId = toHex(
          new Uint8Array(AsnConvert.parse(value, SubjectKeyIdentifier).buffer),
        );
        break;
      case id_ce_authorityKeyIdentifier: {
        const { keyIdentifier } = AsnConvert.parse(value, AuthorityKeyIdentifier);
        fields.authorityKeyId = keyIdentifier ? toHex(new Uint8Array(keyIdentifier.buffer)) : null;
        break;
      }
      case id_ce_certificatePolicies:
        AsnConvert.parse(value, CertificatePolicies);
        break;
      case id_ce_cRLDistributionPoints:
        AsnConvert.parse(value, CRLDistributionPoints);
        break;
      case id_pe_authorityInfoAccess:
        AsnConvert.parse(value, AuthorityInfoAccessSyntax);
        break;
      case id_ce_issuerAltName:
        AsnConvert.parse(value, GeneralNames);
        break;
    }
  }
  const types = extensions.map((e) => e.extnID);
  const duplicate = types.find((t, i) => types.indexOf(t) !== i);
  // RFC 5280 §4.2: "A certificate MUST NOT include more than one instance of a particular
  // extension."
  if (duplicate)
    throw new CertificateParseError('cert.parse.duplicate_extension', { extension: duplicate });
  return fields;
}

/** The dNSName and iPAddress entries; other kinds of name play no part in matching a host. */
function presentedNames(names: GeneralNames): PresentedNames {
  const dns: string[] = [];
  const ip: string[] = [];
  for (const name of names) {
    if (name.dNSName !== undefined) dns.push(name.dNSName);
    else if (name.iPAddress !== undefined) ip.push(name.iPAddress);
  }
  return { dns, ip };
}

function timeOf(time: Time): number {
  const date = time.utcTime ?? time.generalTime;
  if (!date) throw new CertificateParseError('cert.parse.dates');
  return date.getTime();
}

/** The INTEGER's magnitude: a leading zero octet that only keeps it positive is dropped. */
function serialHex(bytes: Uint8Array): string {
  const magnitude =
    bytes.length > 1 && bytes[0] === 0 && bytes[1]! > 0x7f ? bytes.subarray(1) : bytes;
  return toHex(magnitude).toUpperCase();
}

/**
 * DER (X.690 §10.1) gives the outer SEQUENCE a definite length, and a TLS ASN.1Cert (RFC 5246
 * §7.4.2) is exactly one certificate. The ASN.1 parser tolerates bytes after the SEQUENCE, so
 * this reads just the outer tag and length octets (X.690 §8.1.3) to refuse them, the way
 * OpenSSL refuses a certificate whose length does not match its TLS framing.
 */
function checkOuterLength(der: Uint8Array): void {
  if (der[0] !== 0x30) throw new CertificateParseError('cert.parse.not_sequence');
  const first = der[1];
  if (first === undefined) throw new CertificateParseError('cert.parse.one_byte');
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const octets = first & 0x7f;
    if (octets === 0 || octets > 4 || der.length < 2 + octets) {
      throw new CertificateParseError('cert.parse.indefinite');
    }
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + der[2 + i]!;
    header += octets;
  }
  if (header + length !== der.length) {
    throw new CertificateParseError('cert.parse.length', {
      length: header + length,
      given: der.length,
    });
  }
}
