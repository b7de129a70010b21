/**
 * EncryptedExtensions, RFC 8446, Section 4.3.1: the first message under the handshake keys, with
 * the extensions that need not be in the clear (server_name, ALPN, supported_groups, ...).
 *
 *   struct { Extension extensions<0..2^16-1>; } EncryptedExtensions;
 */
import type { Reader, Writer } from '../../../bytes';
import { readExtensions, writeExtensions, type Extension } from '../../messages/extensions';

export interface EncryptedExtensions {
  extensions: Extension[];
}

export function writeEncryptedExtensions(w: Writer, ee: EncryptedExtensions): void {
  writeExtensions(w, ee.extensions, 'tls.encrypted_extensions.extensions');
}

export function readEncryptedExtensions(r: Reader): EncryptedExtensions {
  return {
    extensions: readExtensions(r, 'tls.encrypted_extensions.extensions', 'encrypted_extensions'),
  };
}
