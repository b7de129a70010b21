/**
 * The key-exchange messages as the decoder reads them: by the suite and version that the
 * ServerHello negotiated, since neither ServerKeyExchange nor ClientKeyExchange says which key
 * exchange it carries (RFC 5246, Section 7.4.3: "the message ... is a function of the key
 * exchange algorithm").
 *
 * - RSA: ClientKeyExchange is EncryptedPreMasterSecret, opaque<0..2^16-1> in TLS 1.0 and later
 *   (RFC 5246, Section 7.4.7.1; RFC 2246, Section 7.4.7.1); SSL 3.0 sends it without the length
 *   (RFC 6101, Section 5.6.7.1). There is no ServerKeyExchange.
 * - DHE: ServerDHParams { dh_p<1..2^16-1>, dh_g<1..2^16-1>, dh_Ys<1..2^16-1> } and, in the
 *   client, ClientDiffieHellmanPublic { dh_Yc<1..2^16-1> } (RFC 5246, Sections 7.4.3 and 7.4.7.2).
 * - ECDHE: ServerECDHParams and an ECPoint<1..2^8-1> (RFC 8422, Sections 5.4 and 5.7).
 * - The signature: TLS 1.2 prefixes it with SignatureAndHashAlgorithm (RFC 5246, Section 4.7);
 *   TLS 1.0 and 1.1 sign without naming the algorithm (RFC 4346, Section 7.4.3), so there the
 *   signed_params are only opaque signature<0..2^16-1>.
 */
import { RecordsDecodeError } from './decode-error';
import { phrase, type Reader, type SpanPhrase } from '../bytes';
import {
  CurveType,
  cipherSuiteName,
  HandshakeType,
  namedGroupName,
  ProtocolVersion,
  showCurveType,
  showNamedGroup,
  showSignatureScheme,
  signatureSchemeName,
} from './enums';
import { readOpaque } from './messages/codec';
import { readHandshakeHeader } from './messages/handshake';

/** What the ServerHello settled, as far as the decoder needs it. */
export interface Negotiated {
  /** server_version, or supported_versions' selected_version in TLS 1.3. */
  version: number;
  cipherSuite: number;
}

/** SSL 3.0's version number (RFC 6101, Appendix A.1); the engine itself never speaks it. */
const SSL30 = 0x0300;

export type KeyExchange = 'rsa' | 'dhe' | 'ecdhe' | 'psk' | 'other';

/** The key exchange a suite names: TLS_<kx>_WITH_<cipher> (RFC 5246, Appendix A.5). */
export function keyExchangeOf(cipherSuite: number): KeyExchange {
  const name = cipherSuiteName(cipherSuite);
  if (/^TLS_RSA_(WITH|EXPORT)/.test(name)) return 'rsa';
  if (/^TLS_DHE_(RSA|DSS)_/.test(name) || name.startsWith('TLS_DH_anon_')) return 'dhe';
  if (/^TLS_ECDHE_(RSA|ECDSA)_/.test(name) || name.startsWith('TLS_ECDH_anon_')) return 'ecdhe';
  if (name.startsWith('TLS_PSK_')) return 'psk';
  return 'other';
}

/** True when the suite is anonymous, so its ServerKeyExchange has no signature. */
function anonymous(cipherSuite: number): boolean {
  return /_anon_/.test(cipherSuiteName(cipherSuite));
}

/**
 * Does the decoder read this message itself rather than the engine's own codec? Without a
 * ServerHello, a ClientKeyExchange that is not an ECDHE point is read by its outer layout alone.
 */
export function readsInContext(
  msgType: number,
  n: Negotiated | undefined,
  body?: Uint8Array,
): boolean {
  if (n === undefined)
    return msgType === HandshakeType.client_key_exchange && body !== undefined && !isEcPoint(body);
  if (
    msgType !== HandshakeType.server_key_exchange &&
    msgType !== HandshakeType.client_key_exchange
  )
    return false;
  const kx = keyExchangeOf(n.cipherSuite);
  // The engine's codec reads exactly TLS 1.2 ECDHE with a named curve.
  return !(kx === 'ecdhe' && n.version === ProtocolVersion.TLS12 && !anonymous(n.cipherSuite));
}

const bitsOf = (b: Uint8Array): SpanPhrase => {
  let i = 0;
  while (i < b.length && b[i] === 0) i++;
  const top = b[i];
  const bits = top === undefined ? 0 : (b.length - i - 1) * 8 + (32 - Math.clz32(top));
  return phrase('tls.kx.size_bits', { n: b.length, bits });
};

/**
 * Reads one ServerKeyExchange or ClientKeyExchange, header included, as the handshake layer would,
 * and returns a one-line description for the summary.
 */
/** RFC 8422, Section 5.7: ClientECDiffieHellmanPublic is one u8-length-prefixed point. */
function isEcPoint(body: Uint8Array): boolean {
  return body.length >= 2 && body[0] === body.length - 1;
}

export function readKeyExchangeMessage(r: Reader, n: Negotiated | undefined): SpanPhrase {
  const msgType = r.byteAt(r.offset);
  const name =
    msgType === HandshakeType.server_key_exchange ? 'ServerKeyExchange' : 'ClientKeyExchange';
  return r.group(
    name,
    (g) => {
      const { body, length } = readHandshakeHeader(g);
      // Without a ServerHello only a ClientKeyExchange gets here (see readsInContext).
      const text =
        n === undefined
          ? readUnknownClientKx(body)
          : msgType === HandshakeType.server_key_exchange
            ? readServerKx(body, n)
            : readClientKx(body, n, length);
      body.expectEnd(name);
      return phrase('tls.kx.message', { name, text });
    },
    { explain: 'tls.handshake' },
  );
}

function readServerKx(r: Reader, n: Negotiated): string | SpanPhrase {
  const kx = keyExchangeOf(n.cipherSuite);
  let params: string | SpanPhrase;
  if (kx === 'dhe') {
    const p = r.group(
      'params',
      (d) => {
        // RFC 5246, Section 7.4.3: ServerDHParams.
        const prime = readOpaque(d, 2, 'dh_p', { min: 1 }, 'tls.server_key_exchange.dh_p');
        readOpaque(d, 2, 'dh_g', { min: 1 }, 'tls.server_key_exchange.dh_g');
        readOpaque(d, 2, 'dh_Ys', { min: 1 }, 'tls.server_key_exchange.dh_Ys');
        return prime;
      },
      {
        explain: 'tls.server_key_exchange.dh_params',
        show: (prime) => phrase('tls.kx.dh_p', { size: bitsOf(prime) }),
      },
    );
    params = phrase('tls.kx.dhe_prime', { size: bitsOf(p) });
  } else if (kx === 'ecdhe') {
    const group = r.group(
      'params',
      (d) => {
        const curveType = d.u8('curve_type', {
          show: showCurveType,
          explain: 'tls.server_key_exchange.curve_type',
        });
        // RFC 8422, Section 5.4: only named_curve is left.
        if (curveType !== CurveType.named_curve)
          throw new RecordsDecodeError('decode.tls.curve_type', { type: curveType }, d.offset - 1);
        const g = d.u16('named_curve', {
          show: showNamedGroup,
          explain: 'tls.server_key_exchange.named_curve',
        });
        readOpaque(d, 1, 'public', { min: 1 }, 'tls.server_key_exchange.public', 'point');
        return g;
      },
      { explain: 'tls.server_key_exchange.params' },
    );
    params = namedGroupName(group);
  } else {
    // PSK identity hints and SRP/RSA-export parameters are not read field by field.
    r.rest('params', { explain: 'tls.server_key_exchange.unsupported' });
    return phrase('tls.kx.not_decoded', { suite: cipherSuiteName(n.cipherSuite) });
  }
  if (anonymous(n.cipherSuite)) return params;
  const scheme = r.group(
    'signed_params',
    (s) => {
      let scheme: number | undefined;
      if (n.version >= ProtocolVersion.TLS12) {
        scheme = s.u16('algorithm', {
          show: showSignatureScheme,
          explain: 'tls.server_key_exchange.algorithm',
        });
      }
      readOpaque(s, 2, 'signature', {}, 'tls.server_key_exchange.signature', 'signature');
      return scheme;
    },
    { explain: 'tls.server_key_exchange.signed_params' },
  );
  return scheme === undefined
    ? phrase('tls.kx.no_algorithm', { params })
    : phrase('list', { items: [params, signatureSchemeName(scheme)] });
}

/**
 * A ClientKeyExchange read without its ServerHello: RSA's EncryptedPreMasterSecret and DHE's
 * dh_Yc both are opaque<..2^16-1> (RFC 5246, Sections 7.4.7.1 and 7.4.7.2), and only the
 * negotiated suite tells them apart.
 */
function readUnknownClientKx(r: Reader): SpanPhrase {
  const keys = readOpaque(r, 2, 'exchange_keys', {}, 'tls.client_key_exchange.exchange_keys');
  return phrase('tls.kx.rsa_or_dhe', { n: keys.length });
}

function readClientKx(r: Reader, n: Negotiated, length: number): SpanPhrase {
  const kx = keyExchangeOf(n.cipherSuite);
  if (kx === 'rsa') {
    if (n.version === SSL30) {
      r.rest('encrypted_pre_master_secret', {
        explain: 'tls.client_key_exchange.encrypted_pre_master_secret',
      });
      return phrase('tls.kx.rsa', { n: length });
    }
    const epms = readOpaque(
      r,
      2,
      'encrypted_pre_master_secret',
      {},
      'tls.client_key_exchange.encrypted_pre_master_secret',
    );
    return phrase('tls.kx.rsa', { n: epms.length });
  }
  if (kx === 'dhe') {
    const yc = readOpaque(r, 2, 'dh_Yc', { min: 1 }, 'tls.client_key_exchange.dh_Yc');
    return phrase('tls.kx.dhe', { n: yc.length });
  }
  if (kx === 'ecdhe') {
    const point = readOpaque(
      r,
      1,
      'ecdh_Yc',
      { min: 1 },
      'tls.client_key_exchange.ecdh_Yc',
      'point',
    );
    return phrase('tls.kx.ecdhe', { n: point.length });
  }
  r.rest('exchange_keys', { explain: 'tls.client_key_exchange.unsupported' });
  return phrase('tls.kx.not_decoded', { suite: cipherSuiteName(n.cipherSuite) });
}
