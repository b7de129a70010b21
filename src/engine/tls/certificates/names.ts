/**
 * Distinguished names as text, the way @peculiar/x509 renders them (and so the way the inspector
 * and the CLI have always shown them): RDNs in certificate order joined by ", ", attributes of one
 * RDN joined by "+", short names for the common attribute types, values escaped as RFC 4514 §2.4
 * escapes them, and a value that is not a string as "#" and its DER in hex.
 */
import type { Name } from '@peculiar/asn1-x509';
import { toHex, utf8 } from '../../bytes/hex';

const SHORT_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'E',
  '2.5.4.42': 'G',
  '2.5.4.43': 'I',
  '2.5.4.4': 'SN',
  '2.5.4.12': 'T',
};

const COMMON_NAME = '2.5.4.3';

/** "O=Wirestep Demo, CN=www.example.com" */
export function nameToString(name: Name): string {
  return name
    .map((rdn) =>
      rdn
        .map((attribute) => {
          const type = SHORT_NAMES[attribute.type] ?? attribute.type;
          const { anyValue } = attribute.value;
          const value = anyValue
            ? `#${toHex(new Uint8Array(anyValue))}`
            : escapeValue(attribute.value.toString());
          return `${type}=${value}`;
        })
        .join('+'),
    )
    .join(', ');
}

/** The last common name, unescaped, or null if the name has none. */
export function commonName(name: Name): string | null {
  const values: string[] = [];
  for (const rdn of name) {
    for (const attribute of rdn) {
      if (attribute.type === COMMON_NAME) values.push(attribute.value.toString());
    }
  }
  return values.length > 0 ? values[values.length - 1]! : null;
}

/**
 * RFC 4514 §2.4 specials, a leading space or "#", a trailing space; and the first control
 * character (CR, LF or tab) as a backslash and its UTF-8 in hex, exactly as @peculiar/x509 does.
 */
function escapeValue(text: string): string {
  return text
    .replace(/([,+"\\<>;])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/([ ]$)/, '\\$1')
    .replace(/([\r\n\t])/, (char) => `\\${toHex(utf8(char)).toUpperCase()}`);
}
