/**
 * Why a domain name or an address did not parse, in English: the keys of NameError
 * (../engine/dns/name.ts) and AddressError (../engine/dns/ip.ts). Apart from the master-file
 * texts (./zone.en.ts, which holds these too), because the header checks names on the first load
 * and the zone editor comes later, with the lab.
 */
export const NAME_TEXT_EN = {
  'name.empty_label': 'empty label (only the root label is empty)',
  'name.label_too_long':
    "label '{label}…' is {octets} octets; the limit is {max} (RFC 1035 §2.3.4)",
  'name.label_char_above_ff': 'label has a character above 0xff',
  'name.too_long': 'name is {octets} octets on the wire; the limit is {max} (RFC 1035 §2.3.4)',
  'name.empty_label_at': "empty label at character {at} of '{text}'",
  'name.dangling_backslash': "dangling backslash at the end of '{text}'",
  'name.ddd_digits': "\\DDD escape needs three digits at character {at} of '{text}'",
  'name.ddd_too_big': '\\{digits} is above 255 at character {at}',
  'name.must_escape': "character {char} at {at} of '{text}' must be escaped as \\DDD",
  'name.root_parent': 'the root has no parent',
  'name.trim': 'trimTo({n}) on a name with {labels} labels',

  'address.not_ipv4': "'{text}' is not a dotted-quad IPv4 address",
  'address.not_ipv4_part': "'{text}' is not a dotted-quad IPv4 address (part {part})",
  'address.not_ipv6': "'{text}' is not an IPv6 address: {cause}",
  'address.ipv6_two_gaps': 'more than one "::"',
  'address.ipv6_bad_group': "bad group '{group}'",
  'address.ipv6_empty_gap': '"::" stands for no groups',
  'address.ipv6_group_count': '{groups} groups instead of 8',
} as const;
