/**
 * The TLS 1.3 Certificate message, RFC 8446, Section 4.4.2. Unlike TLS 1.2's, it starts with a
 * request context (empty in a server's) and each certificate carries its own extensions
 * (OCSP status, SCTs):
 *
 *   struct { opaque cert_data<1..2^24-1>; Extension extensions<0..2^16-1>; } CertificateEntry;
 *   struct {
 *     opaque certificate_request_context<0..2^8-1>;
 *     CertificateEntry certificate_list<0..2^24-1>;
 *   } Certificate;
 */
import { phrase, type Reader, type Writer } from '../../../bytes';
import { readOpaque, writeOpaque } from '../../messages/codec';
import { readExtensions, writeExtensions, type Extension } from '../../messages/extensions';

export interface CertificateEntry {
  /** DER of one X.509 certificate. */
  data: Uint8Array;
  extensions: Extension[];
}

export interface Certificate13 {
  requestContext: Uint8Array;
  /** Leaf first (RFC 8446, Section 4.4.2). */
  entries: CertificateEntry[];
}

export function writeCertificate13(w: Writer, c: Certificate13): void {
  writeOpaque(
    w,
    1,
    'certificate_request_context',
    c.requestContext,
    'tls.certificate13.certificate_request_context',
  );
  w.vector(
    3,
    'certificate_list',
    (list) => {
      for (const entry of c.entries) {
        list.group(
          'certificate_entry',
          (e) => {
            e.vector(3, 'cert_data', (d) => d.bytes(entry.data, 'certificate'), {
              explain: 'tls.certificate.certificate',
            });
            writeExtensions(e, entry.extensions, 'tls.certificate13.extensions');
          },
          { value: phrase('bytes.count', { n: entry.data.length }) },
        );
      }
    },
    { explain: 'tls.certificate13.certificate_list' },
  );
}

export function readCertificate13(r: Reader): Certificate13 {
  const requestContext = readOpaque(
    r,
    1,
    'certificate_request_context',
    {},
    'tls.certificate13.certificate_request_context',
  );
  const entries = r.vector(
    3,
    'certificate_list',
    (list) => {
      const out: CertificateEntry[] = [];
      while (!list.atEnd) {
        out.push(
          list.group(
            'certificate_entry',
            (e) => {
              const data = e.vector(3, 'cert_data', (d) => d.rest('certificate'), {
                min: 1,
                explain: 'tls.certificate.certificate',
              });
              const extensions = readExtensions(e, 'tls.certificate13.extensions', 'certificate');
              return { data, extensions };
            },
            { show: (entry) => phrase('bytes.count', { n: entry.data.length }) },
          ),
        );
      }
      return out;
    },
    { explain: 'tls.certificate13.certificate_list' },
  );
  return { requestContext, entries };
}
