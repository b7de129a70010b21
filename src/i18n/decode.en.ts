/**
 * Why bytes did not decode, in English: the keys of DecodeError (../engine/bytes/errors.ts) for
 * TLS and DNS alike. Plain data, so the UI's tables, the CLI and the error's own message read the
 * same words. Field and message names stay as the RFCs spell them. A parameter named `problem`
 * or `cause` holds another of these keys, filled in from the same parameters (./format.ts).
 */
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

  'decode.tls.in_record': 'record {record}: {problem}',
  'decode.tls.empty_input': 'no TLS records: the input is empty',
  'decode.tls.unknown_content_type': 'unknown record content type {type}',
  'decode.tls.record_version_not_tls': 'record version {version} is not TLS (major version 3)',
  'decode.tls.empty_handshake_record': 'empty handshake record',
  'decode.tls.reassembled': 'handshake message reassembled across records: {cause}',
  'decode.tls.verify_data_short': 'verify_data is {length} bytes but must be at least {min}',
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

  'decode.dns.opt_in_section': 'OPT record in the {section} section (RFC 6891 §6.1.1)',
  'decode.dns.opt_twice': 'more than one OPT record (RFC 6891 §6.1.1)',
  'decode.dns.opt_owner': 'OPT owner must be the root (RFC 6891 §6.1.2)',
  'decode.dns.rdlength_truncated': 'truncated: rdlength {rdlength} but {left} bytes are left',
  'decode.dns.rdata_longer': '{type} RDATA is longer than its rdlength {rdlength} ({cause})',
  'decode.dns.caa_tag': "CAA tag '{tag}' must be 1 to 15 letters and digits (RFC 8659 §4.1)",
  'decode.dns.reserved_label': 'reserved label type 0x{kind} (RFC 1035 §4.1.4, RFC 6891 §5)',
  'decode.dns.name_too_long':
    'name is longer than {max} octets after expansion ({octets}+; RFC 1035 §2.3.4)',
  'decode.dns.pointer_loop': 'compression pointer loop (→ offset {target})',
  'decode.dns.pointer_forward':
    'compression pointer to offset {target} does not point before the name it continues (offset {limit})',
  'decode.dns.pointer_into_header': 'compression pointer into the header (→ offset {target})',
  'decode.dns.pointer_into_label':
    'compression pointer into the middle of a label (→ offset {target})',
  'decode.dns.name_past_end': 'truncated: name runs past the message',
  'decode.dns.pointer_truncated': 'truncated compression pointer',
  'decode.dns.label_past_end': 'truncated: label of {length} octets runs past the message',
  'decode.dns.label_too_long': 'label longer than 63 octets',
  'decode.needs_at_least': '{what} needs at least {min} bytes but {left} are left',
  'decode.tls.ech_type': 'ECHClientHelloType {type} is neither outer nor inner',
  'decode.tls.record_size_limit': 'record_size_limit {limit} is below 64',
  'decode.tls.curve_type': 'curve_type {type} is not named_curve (3)',
  'decode.tls.heartbeat_padding':
    'heartbeat payload_length {length} leaves less than 16 bytes of padding in {left}',
  'decode.tls.challenge_length': 'challenge_length {length} is not 16 to 32',
  'decode.dns.bitmap_window_order': 'type bit map window {window} is not in increasing order',
  'decode.dns.bitmap_length': 'type bit map length {length} is not 1 to 32',
  'decode.dns.loc_version': 'LOC version {version} is not 0',
  'decode.dns.loc_length': 'LOC RDATA is {length} bytes, not 16',
  'decode.dns.dnskey_protocol': 'DNSKEY protocol {protocol} is not 3',
  'decode.dns.nsec3_hash_empty': 'NSEC3 hash_length is 0',
  'decode.dns.svc_param': 'SvcParam {key} {problem}',
  'decode.dns.svc.not_multiple': 'length {length} is not a multiple of {width}',
  'decode.dns.svc.empty_alpn': 'has an empty alpn-id',
  'decode.dns.svc.alpn_overrun': 'alpn-id of {n} bytes overruns the value',
  'decode.dns.svc.not_empty': 'must be empty but has {length} bytes',
  'decode.dns.svc.not_two': 'length {length} is not 2',
  'decode.dns.svc_key_order': 'SvcParamKey {key} is not in increasing order',
  'decode.dns.svc_value_fill': 'SvcParam {key} value does not fill its length',
  'decode.dns.edns_option': '{option} option {problem}',
  'decode.dns.edns.needs_at_least': 'is {length} bytes; it needs at least {min}',
  'decode.dns.edns.family': 'family {family} is neither IPv4 nor IPv6',
  'decode.dns.edns.source_prefix': 'source prefix {source} is longer than the address',
  'decode.dns.edns.address_length': 'address is {length} bytes but a /{source} takes {octets}',
  'decode.dns.edns.cookie_length': 'is {length} bytes; it must be 8, or 16 to 40',
  'decode.dns.edns.keepalive_length': 'is {length} bytes; it must be 0 or 2',
  'decode.dns.edns.fill': 'does not fill its length',
} as const;

/** A reason bytes did not decode. */
export type DecodeKey = keyof typeof DECODE_TEXT_EN;
