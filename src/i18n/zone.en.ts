/**
 * Why a master file, a domain name or an address did not parse, in English: the keys of
 * ZoneParseError and ZoneError (../engine/dns/zone), NameError (../engine/dns/name.ts) and
 * AddressError (../engine/dns/ip.ts). Plain data, so the zone editor, the CLI and the errors' own
 * messages read the same words. A parameter named `cause` holds another key, filled in from the
 * same parameters (./format.ts).
 */
import { NAME_TEXT_EN } from './name.en';

export const ZONE_TEXT_EN = {
  'zone.line': 'line {line}: {reason}',
  'zone.not_ttl': "'{text}' is not a TTL",
  'zone.not_ttl_units': "'{text}' is not a TTL (use seconds or units like 1h30m)",
  'zone.ttl_too_big': 'TTL {seconds} is above 2^31-1 (RFC 2181 §8)',
  'zone.not_number': "{what} '{text}' is not a number from 0 to {max}",
  'zone.too_long': 'the zone file is {length} characters long; the limit is {max}',
  'zone.too_many_lines': 'the zone file has more than {max} lines',
  'zone.no_origin_for_relative': 'relative name or @ with no $ORIGIN',
  'zone.origin_takes_one': '$ORIGIN takes one name',
  'zone.ttl_takes_one': '$TTL takes one TTL',
  'zone.directive_unsupported': '{directive} is not supported',
  'zone.no_previous_owner': 'no previous owner for a line that starts with a blank',
  'zone.class_unsupported': 'class {class} is not supported (only IN)',
  'zone.missing_type': 'missing type',
  'zone.unknown_type': "unknown type '{text}'",
  'zone.type_not_data': '{type} is not a record type for zone data',
  'zone.no_ttl': 'no TTL on the record and no $TTL before it',
  'zone.too_many_records': 'more than {max} records in one zone',
  'zone.no_name': 'no $ORIGIN and no SOA record to name the zone',
  'zone.rdata_missing': '{type} record is missing its {what}',
  'zone.rdata_unexpected': "unexpected '{text}' after the {type} RDATA",
  'zone.generic_not_hex': "generic RDATA '{hex}' is not hex",
  'zone.generic_length': 'generic RDATA has {octets} octets but says {length}',
  'zone.generic_invalid': 'generic RDATA is not valid {type}: {cause}',
  'zone.txt_too_long': 'TXT string of {octets} octets; the limit is 255 (RFC 1035 §3.3)',
  'zone.txt_empty': 'TXT record needs at least one string',
  'zone.caa_tag': "CAA tag '{tag}' must be 1 to 15 letters and digits (RFC 8659 §4.1)",
  'zone.needs_generic': 'type {type} needs the generic form \\# <length> <hex> (RFC 3597 §5)',
  'zone.unmatched_close': "')' without a matching '('",
  'zone.unterminated_quote': 'unterminated quoted string',
  'zone.unclosed_paren': "'(' is never closed",
  'zone.escape_too_big': 'escape \\{digits} is above 255',
  'zone.dangling_backslash': 'dangling backslash',
  'zone.outside': '{name} is outside the zone {zone}',
  'zone.soa_count': 'zone {zone} needs exactly one SOA at its apex (RFC 1035 §5.2), found {count}',
  'zone.no_ns': 'zone {zone} has no NS at its apex',
  'zone.low_soa': 'zone {zone} has an SOA below its apex',
  'zone.cname_and_other': '{name} has a CNAME and other data ({types})',
  'zone.two_cnames': '{name} has more than one CNAME',
  'zone.bad_origin': "bad zone name '{origin}': {cause}",
  'zone.not_in_universe': 'the demo universe has no zone {zone}',
  'zone.unexpected': '{detail}',
  ...NAME_TEXT_EN,
} as const;

export type ZoneKey = keyof typeof ZONE_TEXT_EN;
