/**
 * ServerKeyExchange for the ECDHE key exchanges, RFC 8422, Section 5.4:
 *
 *   struct { ECCurveType curve_type; NamedCurve namedcurve; } ECParameters;   (named_curve only)
 *   struct { opaque point<1..2^8-1>; } ECPoint;
 *   struct { ECParameters curve_params; ECPoint public; } ServerECDHParams;
 *   struct { ServerECDHParams params; Signature signed_params; } ServerKeyExchange;
 *
 * In TLS 1.2 signed_params is a digitally-signed struct (RFC 5246, Section 4.7): a
 * SignatureAndHashAlgorithm followed by opaque signature<0..2^16-1>. What is signed is
 * client_random ‖ server_random ‖ ServerECDHParams (RFC 8422, Section 5.4; RFC 5246, Section 7.4.3).
 *
 * A curve_type other than named_curve cannot be read on: RFC 8422 removed the explicit curves.
 * `readServerKeyExchange` returns undefined for it, after annotating the bytes, and the handshake
 * layer keeps such a message raw.
 */
import { concatBytes, EncodeError, Writer, type Reader } from '../../bytes';
import {
  CurveType,
  showCurveType,
  showNamedGroup,
  namedGroup,
  showSignatureScheme,
  type NamedGroup,
} from '../enums';
import { readOpaque, writeOpaque } from './codec';

export interface ServerKeyExchange {
  /** 3 = named_curve, the only type RFC 8422 allows. */
  curveType: number;
  namedGroup: NamedGroup;
  /** The server's ephemeral public point (ECPoint.point), u8-length-prefixed on the wire. */
  publicKey: Uint8Array;
  signatureScheme: number;
  /** u16-length-prefixed on the wire. */
  signature: Uint8Array;
}

function writeParams(w: Writer, ske: ServerKeyExchange): void {
  if (ske.curveType !== CurveType.named_curve) {
    throw new EncodeError(`curve_type ${ske.curveType} is not named_curve (3)`);
  }
  w.group(
    'params',
    (p) => {
      p.u8(ske.curveType, 'curve_type', {
        show: showCurveType,
        explain: 'tls.server_key_exchange.curve_type',
      });
      p.u16(ske.namedGroup, 'named_curve', {
        show: showNamedGroup,
        explain: 'tls.server_key_exchange.named_curve',
      });
      if (ske.publicKey.length === 0)
        throw new EncodeError('ServerKeyExchange public point is empty');
      writeOpaque(p, 1, 'public', ske.publicKey, 'tls.server_key_exchange.public', 'point');
    },
    { explain: 'tls.server_key_exchange.params' },
  );
}

export function writeServerKeyExchange(w: Writer, ske: ServerKeyExchange): void {
  writeParams(w, ske);
  w.group(
    'signed_params',
    (s) => {
      s.u16(ske.signatureScheme, 'algorithm', {
        show: showSignatureScheme,
        explain: 'tls.server_key_exchange.algorithm',
      });
      writeOpaque(
        s,
        2,
        'signature',
        ske.signature,
        'tls.server_key_exchange.signature',
        'signature',
      );
    },
    { explain: 'tls.server_key_exchange.signed_params' },
  );
}

/** ServerECDHParams as bytes: curve_type ‖ named_curve ‖ public point vector. */
export function encodeServerEcdhParams(ske: ServerKeyExchange): Uint8Array {
  const w = new Writer();
  writeParams(w, ske);
  return w.toBytes();
}

/** The bytes the server signs: client_random ‖ server_random ‖ ServerECDHParams (RFC 8422, Section 5.4). */
export function serverKeyExchangeSignedContent(
  clientRandom: Uint8Array,
  serverRandom: Uint8Array,
  ske: ServerKeyExchange,
): Uint8Array {
  return concatBytes(clientRandom, serverRandom, encodeServerEcdhParams(ske));
}

/**
 * Reads an ECDHE ServerKeyExchange, or returns undefined (with the remaining bytes annotated as
 * "params") when curve_type is not named_curve.
 */
export function readServerKeyExchange(r: Reader): ServerKeyExchange | undefined {
  const params = r.group(
    'params',
    (p) => {
      const curveType = p.u8('curve_type', {
        show: showCurveType,
        explain: 'tls.server_key_exchange.curve_type',
      });
      if (curveType !== CurveType.named_curve) {
        if (!p.atEnd)
          p.rest('unsupported_params', { explain: 'tls.server_key_exchange.unsupported' });
        return undefined;
      }
      const group = namedGroup(
        p.u16('named_curve', {
          show: showNamedGroup,
          explain: 'tls.server_key_exchange.named_curve',
        }),
      );
      const publicKey = readOpaque(
        p,
        1,
        'public',
        { min: 1 },
        'tls.server_key_exchange.public',
        'point',
      );
      return { curveType, namedGroup: group, publicKey };
    },
    { explain: 'tls.server_key_exchange.params' },
  );
  if (params === undefined) return undefined;
  const signed = r.group(
    'signed_params',
    (s) => {
      const signatureScheme = s.u16('algorithm', {
        show: showSignatureScheme,
        explain: 'tls.server_key_exchange.algorithm',
      });
      const signature = readOpaque(
        s,
        2,
        'signature',
        {},
        'tls.server_key_exchange.signature',
        'signature',
      );
      return { signatureScheme, signature };
    },
    { explain: 'tls.server_key_exchange.signed_params' },
  );
  return { ...params, ...signed };
}
