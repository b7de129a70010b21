/** `tls decode HEX|-`: one or more TLS records as an annotated field tree. */
import { decodeTlsRecords } from '../../engine/tls/decode';
import { decodeCommand as makeDecodeCommand } from '../decode-command';

// What a TLS peer would answer to bytes it cannot parse (RFC 5246, Section 7.2.2).
export const decodeCommand = makeDecodeCommand(
  'tls',
  'HEX|-   (records as hex; - reads hex from stdin)',
  decodeTlsRecords,
  'decode_error',
);
