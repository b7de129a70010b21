/**
 * Does the issuer's key verify the signature on a certificate (RFC 5280 §6.1.3 (a)(1))? Checked
 * with WebCrypto over the tbsCertificate exactly as it was sent: RSASSA-PKCS1-v1_5 and RSASSA-PSS
 * (RFC 4055), ECDSA (RFC 5758) on the issuer's curve, and Ed25519 (RFC 8410) where the runtime
 * has it. Anything else never verifies.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { ECDSASigValue } from '@peculiar/asn1-ecc';
import { id_rsaEncryption } from '@peculiar/asn1-rsa';
import { AlgorithmIdentifier, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { bufferOf, importKeyCached, subtle } from '../../crypto/webcrypto';
import type { SignatureScheme } from './algorithms';
import type { ParsedCertificate } from './parse';

/** Never throws: an unsupported algorithm or a key WebCrypto refuses is a signature we cannot trust. */
export async function signatureVerifies(
  child: ParsedCertificate,
  issuer: ParsedCertificate,
): Promise<boolean> {
  const scheme = child.signatureScheme;
  if (!scheme) return false;
  try {
    const algorithm = importAlgorithm(scheme, issuer);
    if (!algorithm) return false;
    const signature = webCryptoSignature(scheme, issuer, child.signatureValue);
    if (!signature) return false;
    const publicKey = await issuerKey(issuer, algorithm);
    return await subtle().verify(
      verifyAlgorithm(scheme),
      publicKey,
      signature,
      bufferOf(child.tbs),
    );
  } catch {
    return false;
  }
}

type ImportAlgorithm = RsaHashedImportParams | EcKeyImportParams | Algorithm;

function importAlgorithm(
  scheme: SignatureScheme,
  issuer: ParsedCertificate,
): ImportAlgorithm | null {
  switch (scheme.name) {
    case 'RSASSA-PKCS1-v1_5':
    case 'RSA-PSS':
      return { name: scheme.name, hash: scheme.hash };
    case 'ECDSA':
      // The curve is the issuer key's, named in its SubjectPublicKeyInfo (RFC 5480 §2.1.1).
      return issuer.publicKey.kind === 'EC'
        ? { name: 'ECDSA', namedCurve: issuer.publicKey.curve }
        : null;
    case 'Ed25519':
      return { name: 'Ed25519' };
  }
}

function verifyAlgorithm(scheme: SignatureScheme): Algorithm | RsaPssParams | EcdsaParams {
  switch (scheme.name) {
    case 'RSA-PSS':
      return { name: 'RSA-PSS', saltLength: scheme.saltLength };
    case 'ECDSA':
      return { name: 'ECDSA', hash: scheme.hash };
    default:
      return { name: scheme.name };
  }
}

/** Field sizes in octets of the curves WebCrypto implements (FIPS 186-5 §6.4). */
const ECDSA_FIELD_OCTETS: Readonly<Record<string, number>> = {
  'P-256': 32,
  'P-384': 48,
  'P-521': 66,
};

/**
 * X.509 carries an ECDSA signature as the DER Ecdsa-Sig-Value SEQUENCE { r, s } (RFC 5758 §3.2);
 * WebCrypto wants r ‖ s, each left-padded to the field size. Null if it cannot be that.
 */
function webCryptoSignature(
  scheme: SignatureScheme,
  issuer: ParsedCertificate,
  value: Uint8Array,
): Uint8Array<ArrayBuffer> | null {
  if (scheme.name !== 'ECDSA') return bufferOf(value);
  const size = issuer.publicKey.kind === 'EC' ? ECDSA_FIELD_OCTETS[issuer.publicKey.curve] : 0;
  if (!size) return null;
  const { r, s } = AsnConvert.parse(value, ECDSASigValue);
  const raw = new Uint8Array(2 * size);
  for (const [i, integer] of [r, s].entries()) {
    const magnitude = withoutLeadingZeros(new Uint8Array(integer));
    if (magnitude.length > size) return null;
    raw.set(magnitude, (i + 1) * size - magnitude.length);
  }
  return raw;
}

function withoutLeadingZeros(bytes: Uint8Array): Uint8Array {
  const first = bytes.findIndex((b) => b !== 0);
  return first === -1 ? new Uint8Array(0) : bytes.subarray(first);
}

/**
 * Importing a public key into WebCrypto costs ten times the RSA verification itself, and a client
 * meets the same intermediates and roots again and again: the crypto layer's bounded import cache
 * keeps them, found through the parsed certificate's SPKI array without hex-encoding it.
 */
function issuerKey(issuer: ParsedCertificate, algorithm: ImportAlgorithm): Promise<CryptoKey> {
  return importKeyCached(
    'spki',
    importableSpki(issuer),
    { algorithm, usages: ['verify'], extractable: false },
    'issuer public key',
  );
}

/**
 * WebCrypto imports RSA keys only under the rsaEncryption OID, so an id-RSASSA-PSS key
 * (RFC 4055 §1.2) is re-labelled; the key itself is the same RSAPublicKey.
 */
function importableSpki(issuer: ParsedCertificate): Uint8Array {
  if (issuer.publicKey.kind !== 'RSA' || !issuer.publicKey.pss) return issuer.spki;
  const spki = AsnConvert.parse(issuer.spki, SubjectPublicKeyInfo);
  spki.algorithm = new AlgorithmIdentifier({ algorithm: id_rsaEncryption, parameters: null });
  return new Uint8Array(AsnConvert.serialize(spki));
}
