/**
 * ClientKeyExchange for ECDHE, RFC 8422, Section 5.7:
 *
 *   struct { ECPoint ecdh_Yc; } ClientECDiffieHellmanPublic;   ECPoint is opaque point<1..2^8-1>
 *
 * (The implicit encoding, with an empty point, is only for fixed-ECDH client certificates, which
 * RFC 8422 removed.)
 */
import { EncodeError, type Reader, type Writer } from '../../bytes';
import { readOpaque, writeOpaque } from './codec';

export interface ClientKeyExchange {
  /** The client's ephemeral public point. */
  publicKey: Uint8Array;
}

export function writeClientKeyExchange(w: Writer, cke: ClientKeyExchange): void {
  if (cke.publicKey.length === 0) throw new EncodeError('ClientKeyExchange ecdh_Yc is empty');
  writeOpaque(w, 1, 'ecdh_Yc', cke.publicKey, 'tls.client_key_exchange.ecdh_Yc', 'point');
}

export function readClientKeyExchange(r: Reader): ClientKeyExchange {
  const publicKey = readOpaque(
    r,
    1,
    'ecdh_Yc',
    { min: 1 },
    'tls.client_key_exchange.ecdh_Yc',
    'point',
  );
  return { publicKey };
}
