/**
 * CertificateVerify, RFC 8446, Section 4.4.3: a signature over the transcript hash, made with the
 * certificate's key. (The signed content is built in tls13/certificate-verify.ts.)
 *
 *   struct { SignatureScheme algorithm; opaque signature<0..2^16-1>; } CertificateVerify;
 */
import type { Reader, Writer } from '../../../bytes';
import { showSignatureScheme } from '../../enums';
import { readOpaque, writeOpaque } from '../../messages/codec';

export interface CertificateVerify {
  scheme: number;
  signature: Uint8Array;
}

export function writeCertificateVerify(w: Writer, cv: CertificateVerify): void {
  w.u16(cv.scheme, 'algorithm', {
    show: showSignatureScheme,
    explain: 'tls.certificate_verify.algorithm',
  });
  writeOpaque(w, 2, 'signature', cv.signature, 'tls.certificate_verify.signature');
}

export function readCertificateVerify(r: Reader): CertificateVerify {
  const scheme = r.u16('algorithm', {
    show: showSignatureScheme,
    explain: 'tls.certificate_verify.algorithm',
  });
  const signature = readOpaque(r, 2, 'signature', {}, 'tls.certificate_verify.signature');
  return { scheme, signature };
}
