/**
 * Certificate, RFC 5246, Section 7.4.2:
 *
 *   opaque ASN.1Cert<1..2^24-1>;
 *   struct { ASN.1Cert certificate_list<0..2^24-1>; } Certificate;
 *
 * The sender's certificate comes first; each following one certifies the one before it.
 */
import type { Reader, Writer } from '../../bytes';

export interface Certificate {
  /** DER-encoded X.509 certificates, leaf first. */
  certificates: Uint8Array[];
}

export function writeCertificate(w: Writer, c: Certificate): void {
  w.vector(
    3,
    'certificate_list',
    (list) => {
      for (const der of c.certificates) {
        list.vector(3, 'certificate', (v) =>
          v.bytes(der, 'der', { explain: 'tls.certificate.der' }),
        );
      }
    },
    { explain: 'tls.certificate.certificate_list' },
  );
}

export function readCertificate(r: Reader): Certificate {
  const certificates = r.vector(
    3,
    'certificate_list',
    (list) => {
      const out: Uint8Array[] = [];
      while (!list.atEnd) {
        out.push(
          list.vector(3, 'certificate', (v) => v.rest('der', { explain: 'tls.certificate.der' }), {
            min: 1,
          }),
        );
      }
      return out;
    },
    { explain: 'tls.certificate.certificate_list' },
  );
  return { certificates };
}
