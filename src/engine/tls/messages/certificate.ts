/**
 * Certificate, RFC 5246, Section 7.4.2:
 *
 *   opaque ASN.1Cert<1..2^24-1>;
 *   struct { ASN.1Cert certificate_list<0..2^24-1>; } Certificate;
 *
 * The sender's certificate comes first; each following one certifies the one before it. A client
 * asked for a certificate that has none sends the list empty (RFC 5246, Section 7.4.6).
 */
import type { Reader, Writer } from '../../bytes';

export interface Certificate {
  /** DER-encoded X.509 certificates, leaf first. */
  certificates: Uint8Array[];
}

const LIST = 'tls.certificate.certificate_list';
const EMPTY_LIST = 'tls.certificate.certificate_list.empty';

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
    { explain: c.certificates.length === 0 ? EMPTY_LIST : LIST },
  );
}

export function readCertificate(r: Reader): Certificate {
  // The list's explanation depends on whether it is empty, which its 3-byte length says.
  const empty = r.remaining >= 3 && [0, 1, 2].every((i) => r.byteAt(r.offset + i) === 0);
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
    { explain: empty ? EMPTY_LIST : LIST },
  );
  return { certificates };
}
