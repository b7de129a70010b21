/** ServerHelloDone, RFC 5246, Section 7.4.5: struct { } ServerHelloDone; the body is empty. */
import type { Reader, Writer } from '../../bytes';

export type ServerHelloDone = Record<string, never>;

export function writeServerHelloDone(_w: Writer, _shd: ServerHelloDone): void {}

/** An empty body; the handshake layer rejects any bytes left over. */
export function readServerHelloDone(_r: Reader): ServerHelloDone {
  return {};
}
