/**
 * Why bytes did not decode, in English: the keys of DecodeError (../engine/bytes/errors.ts) for
 * TLS and DNS alike. Plain data, so the UI's tables, the CLI and the error's own message read the
 * same words. Field and message names stay as the RFCs spell them. A parameter named `problem`
 * or `cause` holds another of these keys, filled in from the same parameters (./format.ts).
 * DNS's are in ./decode-dns.en.ts, which comes with the DNS engine rather than the first load,
 * and those of the Decode view's record decoder in ./decode-records.en.ts, which comes with it.
 */
import type { DNS_DECODE_TEXT_EN } from './decode-dns.en';
import type { RECORDS_DECODE_TEXT_EN } from './decode-records.en';

export const DECODE_TEXT_EN = {
  'decode.outside': 'offset {at} is outside the message',
  'decode.seek_outside': 'seek outside the message',
  'decode.length_exceeds': '{field} length {length} exceeds the {left} bytes left',
  'decode.length_exceeds_max': '{field} length {length} exceeds the maximum {max}',
  'decode.length_below_min': '{field} length {length} is below the minimum {min}',
  'decode.length_above_max': '{field} length {length} is above the maximum {max}',
  'decode.length_not_multiple': '{field} length {length} is not a multiple of {width}',
  'decode.trailing': '{count} bytes of trailing data after {what}',
  'decode.truncated': 'truncated: {what} needs {n} bytes but {left} are left',
  'decode.unexpected': '{detail}',
  'decode.at_offset': '{decoded} at offset {offset}',

  'decode.tls.unknown_content_type': 'unknown record content type {type}',
  'decode.tls.verify_data_short': 'verify_data is {length} bytes but must be at least {min}',
  'decode.tls.verify_data_length':
    'verify_data is {length} bytes but this suite makes it {expected}',
  'decode.tls.ccs_type': 'ChangeCipherSpec type is {value}, not change_cipher_spec (1)',
  'decode.tls.distinguished_name': 'a DistinguishedName is not a DER Name: {cause}',
  'decode.tls.ems_not_empty':
    'extended_master_secret extension_data must be empty but has {length} bytes',
  'decode.tls.sni_two_names': 'server_name has more than one host_name',
  'decode.tls.sni_not_printable': 'server_name host_name is not printable ASCII',
  'decode.tls.sni_trailing_dot': 'server_name host_name ends with a dot',
  'decode.tls.alpn_not_utf8': 'alpn protocol_name is not valid UTF-8',
  'decode.tls.duplicate_extension': 'duplicate extension {extension}',
  'decode.tls.extension_not_allowed': 'extension {extension} is not allowed in {message}',
  'decode.tls.psk_binder_count': 'pre_shared_key has {identities} identities but {binders} binders',
  'decode.tls.ticket_lifetime': 'ticket_lifetime {lifetime} s is over the {max} s maximum',
  'decode.tls.key_update_request': 'request_update {value} is neither 0 nor 1',
  'decode.tls.psk_not_last': 'pre_shared_key is not the last extension of the ClientHello',
} as const;

/** A reason bytes did not decode. */
export type DecodeKey =
  | keyof typeof DECODE_TEXT_EN
  | keyof typeof DNS_DECODE_TEXT_EN
  | keyof typeof RECORDS_DECODE_TEXT_EN;
