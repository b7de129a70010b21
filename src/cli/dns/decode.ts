/** `dns decode HEX|-`: one DNS message as an annotated field tree. */
import { decodeMessage } from '../../engine/dns';
import { decodeCommand as makeDecodeCommand } from '../decode-command';

// What a server would answer to an undecodable message (RFC 1035, Section 4.1.1).
export const decodeCommand = makeDecodeCommand(
  'dns',
  'HEX|-   (one message as hex; - reads hex from stdin)',
  decodeMessage,
  'FORMERR',
);
