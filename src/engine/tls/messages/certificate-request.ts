/**
 * CertificateRequest, RFC 5246, Section 7.4.4:
 *
 *   enum { rsa_sign(1), dss_sign(2), ..., (255) } ClientCertificateType;
 *   opaque DistinguishedName<1..2^16-1>;
 *   struct {
 *       ClientCertificateType certificate_types<1..2^8-1>;
 *       SignatureAndHashAlgorithm supported_signature_algorithms<2..2^16-2>;
 *       DistinguishedName certificate_authorities<0..2^16-1>;
 *   } CertificateRequest;
 *
 * ecdsa_sign(64) comes from RFC 8422, Section 5.5. Each DistinguishedName is a DER-encoded X.501
 * Name; it is shown as text, and one that is not exactly one DER Name is a decode_error, as in
 * OpenSSL's client (parse_ca_names).
 */
import { DecodeError, EncodeError, type Reader, type Writer } from '../../bytes';
import { CertificateParseError, distinguishedNameText } from '../certificates/parse';
import { showClientCertificateType } from '../enums';
import { signatureAlgorithmList } from './extensions';
import { readList, writeList, type ListSpec } from './codec';

export interface CertificateRequest {
  /** ClientCertificateType values, most preferred first. */
  certificateTypes: number[];
  /** The schemes the server can verify a CertificateVerify with. */
  signatureSchemes: number[];
  /** DER-encoded DistinguishedNames of the CAs the server accepts; empty means any. */
  certificateAuthorities: Uint8Array[];
}

const certificateTypeList: ListSpec = {
  name: 'certificate_types',
  item: 'certificate_type',
  prefix: 1,
  width: 1,
  min: 1,
  max: 0xff,
  explain: 'tls.certificate_request.certificate_types',
  fmt: { show: showClientCertificateType },
};

// RFC 5246, Section 7.4.4: the same list as the signature_algorithms extension's.
const requestSignatureAlgorithmList: ListSpec = {
  ...signatureAlgorithmList,
  explain: 'tls.certificate_request.supported_signature_algorithms',
};

const DISTINGUISHED_NAME = { explain: 'tls.certificate_request.distinguished_name' };
const NAME_DER = 'tls.certificate_request.distinguished_name.der';

/** "O=Wirestep Demo, CN=Wirestep Demo Root CA"; "(empty name)" for an empty RDNSequence. */
function showName(der: Uint8Array): string {
  return distinguishedNameText(der) || '(empty name)';
}

export function writeCertificateRequest(w: Writer, cr: CertificateRequest): void {
  if (cr.certificateTypes.length === 0)
    throw new EncodeError('CertificateRequest certificate_types is empty');
  if (cr.signatureSchemes.length === 0)
    throw new EncodeError('CertificateRequest supported_signature_algorithms is empty');
  writeList(w, certificateTypeList, cr.certificateTypes);
  writeList(w, requestSignatureAlgorithmList, cr.signatureSchemes);
  w.vector(
    2,
    'certificate_authorities',
    (list) => {
      for (const der of cr.certificateAuthorities) {
        if (der.length === 0) throw new EncodeError('a DistinguishedName is empty');
        let text: string;
        try {
          text = showName(der);
        } catch (e) {
          if (!(e instanceof CertificateParseError)) throw e;
          throw new EncodeError(`a DistinguishedName is not a DER Name: ${e.message}`);
        }
        list.vector(
          2,
          'distinguished_name',
          (v) => v.bytes(der, 'der', { show: () => text, explain: NAME_DER }),
          DISTINGUISHED_NAME,
        );
      }
    },
    { explain: 'tls.certificate_request.certificate_authorities' },
  );
}

export function readCertificateRequest(r: Reader): CertificateRequest {
  const certificateTypes = readList(r, certificateTypeList);
  const signatureSchemes = readList(r, requestSignatureAlgorithmList);
  const certificateAuthorities = r.vector(
    2,
    'certificate_authorities',
    (list) => {
      const out: Uint8Array[] = [];
      while (!list.atEnd) {
        out.push(list.vector(2, 'distinguished_name', readName, { min: 1, ...DISTINGUISHED_NAME }));
      }
      return out;
    },
    { explain: 'tls.certificate_request.certificate_authorities' },
  );
  return { certificateTypes, signatureSchemes, certificateAuthorities };
}

function readName(v: Reader): Uint8Array {
  const at = v.offset;
  try {
    return v.rest('der', { show: showName, explain: NAME_DER });
  } catch (e) {
    if (!(e instanceof CertificateParseError)) throw e;
    throw new DecodeError('decode.tls.distinguished_name', { ...e.params, cause: e.key }, at);
  }
}
