/**
 * The words around the data in the values the Fields tree, Decode and `decode` commands show for a
 * field (a span's phrase, src/engine/bytes/span.ts): "2 certificates", "id 0x1a2b, response, …".
 * The data inside (names, numbers, rcodes, versions) stays as the protocols write it. The page
 * loads this with the fields' explanations (src/ui/i18n/en-fields.ts); the CLI prints it.
 */
import { DNS_DECODE_TEXT_EN } from './decode-dns.en';
import { DECODE_TEXT_EN } from './decode.en';
import { RECORDS_DECODE_TEXT_EN } from './decode-records.en';

export const SPAN_VALUE_TEXT_EN = {
  /** Why a field did not decode, when Decode keeps its bytes raw (tls.ext.malformed). */
  ...DECODE_TEXT_EN,
  ...DNS_DECODE_TEXT_EN,
  ...RECORDS_DECODE_TEXT_EN,
  'span.language': 'en',
  /** Items of one value, in the order the bytes carry them. */
  list: '{items}',

  'bytes.count': '{n} {n#byte/bytes}',
  'bytes.empty': '(empty)',

  'tls.record.encrypted': '{type} (encrypted)',
  'tls.ext.algorithms': '{n} {n#algorithm/algorithms}',
  'tls.ext.ticket': '{n}-byte ticket',
  'tls.ext.cookie': '{n}-byte cookie',
  'tls.ext.identities': '{n} {n#identity/identities}',
  'tls.ext.scts': '{n} {n#SCT/SCTs}',
  'tls.ext.ech_outer': 'outer, config_id {id}, {n}-byte payload',
  'tls.ext.malformed': 'malformed: {reason} at offset {offset}',

  'tls.decode.record': '{type}: {items}',
  'tls.decode.summary': '{type} {version}, {n} {n#byte/bytes}: {items}',
  'tls.decode.encrypted': 'encrypted {what} ({n} {n#byte/bytes})',
  'tls.decode.encrypted13': 'encrypted TLS 1.3 record ({n} {n#byte/bytes})',
  'tls.decode.ccs_compat': 'ChangeCipherSpec (middlebox compatibility)',
  'tls.decode.heartbeat': 'Heartbeat {kind} ({n}-byte payload)',
  'tls.decode.heartbeat.request': 'request',
  'tls.decode.heartbeat.response': 'response',
  'tls.decode.heartbeat.type': 'type {type}',
  'tls.decode.sslv2': 'SSLv2-compatible ClientHello {version}, {n} {n#cipher spec/cipher specs}',
  'tls.decode.hello': '{name} {version}',
  'tls.decode.cipher_suites': '{n} {n#cipher suite/cipher suites}',
  'tls.decode.extensions': '{n} {n#extension/extensions}',
  'tls.decode.certificate': '{name} ({n} {n#certificate/certificates})',
  'tls.decode.certificate_request': '{name} ({types}, {n} {n#CA name/CA names})',
  'tls.decode.client_key_exchange': '{name} ({n}-byte public key)',
  'tls.decode.new_session_ticket': '{name} (lifetime {lifetime} s, {n}-byte ticket)',
  'tls.decode.not_decoded': '{name} ({n} {n#byte/bytes}, not decoded)',
  'tls.decode.straddle_start': 'start of a handshake message',
  'tls.decode.straddle_part': 'part of a handshake message',
  'tls.decode.straddle_end': 'end of {message} (reassembled from {n} records)',

  'tls.kx.message': '{name} {text}',
  'tls.kx.size_bits': '{n} {n#byte/bytes} ({bits}-bit)',
  'tls.kx.dh_p': 'DH {size} p',
  'tls.kx.dhe_prime': 'DHE, {size} prime',
  'tls.kx.not_decoded': '({suite}, not decoded)',
  'tls.kx.no_algorithm': '{params}, signature without algorithm field',
  'tls.kx.rsa_or_dhe': '({n} {n#byte/bytes}, RSA or DHE: the ServerHello decides)',
  'tls.kx.rsa': '(RSA, {n}-byte encrypted premaster secret)',
  'tls.kx.dhe': '(DHE, {n}-byte public value)',
  'tls.kx.ecdhe': '({n}-byte public key)',

  'dns.header': 'id {id}, {flags}',
  'dns.flags': '{qr}, {opcode}, {rcode}',
  'dns.flags.set': '{qr}, {opcode}, {rcode}, {set}',
  'dns.qr.query': 'query',
  'dns.qr.response': 'response',
  'dns.opt': 'OPT extended rcode {rcode}, version {version}, {do}, udp {udp}',
  'dns.opt.do': 'DO',
  'dns.opt.no_do': 'no DO',
  'dns.flags.none': 'none',
  'dns.flags.bits': '{value} ({bits})',
  'dns.pointer': '→ offset {target} ({suffix})',
  'dns.option': 'option {code}',
  'dns.option.padding': 'Padding {n} {n#byte/bytes}',
  'dns.option.nsid_asking': 'NSID (asking)',
  'dns.option.cookie_both': 'COOKIE (client and server)',
  'dns.option.cookie_client': 'COOKIE (client)',
  'dns.option.keepalive': 'edns-tcp-keepalive {s} s',
};

export type SpanValueKey = keyof typeof SPAN_VALUE_TEXT_EN;
