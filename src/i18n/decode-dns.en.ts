/**
 * Why DNS bytes did not decode, in English: the DNS codec's keys of DecodeError
 * (../engine/dns/decode-error.ts). Apart from ./decode.en.ts because the DNS engine, and so these,
 * is loaded on demand, while the TLS engine's decoding is in the first load.
 */
export const DNS_DECODE_TEXT_EN = {
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
