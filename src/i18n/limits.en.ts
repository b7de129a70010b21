/**
 * What is wrong when an input is past one of its bounds (src/engine/limits.ts), in English: the
 * sentence shown next to the field and printed by the CLI. A parameter named `reason` or `char`
 * may hold another key, filled in from the same parameters (./format.ts); `list` holds one of the
 * `limit.list.*` keys. Not in the first load: the engine's checks carry only the key, and the page
 * reads these with the lab's English (src/ui/i18n/en-lab.ts).
 */
import { DNS_DECODE_TEXT_EN } from './decode-dns.en';
import { RECORDS_DECODE_TEXT_EN } from './decode-records.en';
import { DECODE_TEXT_EN } from './decode.en';
import { translate, type TextParams } from './format';
import { ZONE_TEXT_EN } from './zone.en';

export const LIMIT_TEXT_EN = {
  'limit.pasted_too_long':
    'The pasted text is {length} characters long; at most {max} are accepted ({maxBytes} bytes).',
  'limit.pasted_odd': 'The pasted text is not hex: hex has an odd number of digits ({digits}).',
  'limit.pasted_bad_digit':
    "The pasted text is not hex: not a hex digit '{char}' at character {at}.",
  'limit.pasted_empty': 'Nothing to decode: the pasted text has no hex digits.',
  'limit.pasted_too_large': 'The pasted hex is {bytes} bytes; at most {max} (64 KiB) are decoded.',
  'limit.zone_records': 'The zone has {count} records; the limit is {max}.',
  'limit.zone_line': 'Line {line}: {reason}.',
  'limit.name_too_long':
    'The name is {length} characters long; a name is at most {max} octets (RFC 1035 §2.3.4).',
  'limit.name_empty': 'Enter a name, such as www.example.com.',
  'limit.name_char':
    'Character {at} is {char}: a name here is letters, digits and hyphens, with any other octet written as \\DDD (RFC 1035 §5.1).',
  'limit.name_unusable': 'Not a usable name: {reason}.',
  'limit.server_name_empty': 'Enter a server name, such as www.example.com.',
  'limit.server_name_dot': 'A server name is written without the trailing dot (RFC 6066 §3).',
  'limit.server_name_char':
    'Character {at} is {char}: a server name is letters, digits, hyphens and dots (RFC 6066 §3).',
  'limit.char_space': 'a space',
  'limit.seed_empty': 'Enter a seed, such as 42.',
  'limit.seed_too_long': 'The seed is {length} characters long; the limit is {max}.',
  'limit.seed_char':
    'Character {at} of the seed is {char}; a seed is printable ASCII without spaces.',
  'limit.url_too_long':
    'The address is {length} characters long; the limit is {max} (RFC 9110 §4.1).',
  'limit.list_empty': 'Offer at least one of the {list}.',
  'limit.list_too_long': '{count} {list} is too many; the limit is {max}.',
  'limit.list_code': 'Each of the {list} is a code from 0 to 65535 (0x0000 to 0xffff).',
  'limit.list.cipherSuites': 'cipher suites',
  'limit.list.groups': 'groups',
  'limit.list.signatureSchemes': 'signature schemes',
  'limit.list.alpn': 'ALPN protocols',
  'limit.alpn_length': 'An ALPN protocol name is 1 to {max} bytes (RFC 7301 §3.1).',
  'limit.jump_not_number': 'The time to jump must be a number of seconds.',
  'limit.jump_backwards': 'Time only moves forward: the jump must be 0 seconds or more.',
  'limit.jump_too_far':
    'One jump is at most {max} seconds (30 days); every cache has expired by then.',
  'limit.jump_past_9999': 'That jump goes past the end of the year 9999.',
  'limit.trace_file_too_large': 'The file is {bytes} bytes; at most {max} (50 MiB) are read.',
  'limit.connections': 'A run makes 1 to {max} connections, not {count}.',
  'limit.gslb_ipv4': 'The primary and secondary are IPv4 addresses.',
  'limit.lookups_none': 'Add at least one lookup.',
  'limit.lookups_too_many': '{count} lookups is too many; the limit is {max}.',
};

export type LimitKey = keyof typeof LIMIT_TEXT_EN;

/** A nested problem's English: a name's, a master file's (the zone editor's lines) or bytes'. */
const TEXT_EN: Readonly<Record<string, string>> = {
  ...DECODE_TEXT_EN,
  ...DNS_DECODE_TEXT_EN,
  ...RECORDS_DECODE_TEXT_EN,
  ...ZONE_TEXT_EN,
  ...LIMIT_TEXT_EN,
};

/** The English of a broken limit's key, as the CLI prints it. */
export function limitText(key: LimitKey, params: TextParams = {}): string {
  return translate(TEXT_EN, key, params);
}
