/** Parsing the CLI's --suites and --groups lists: IANA names, OpenSSL names or hex codes. */
import { CipherSuite, NamedGroup, cipherSuiteName, namedGroupName } from '../../engine/tls/enums';
import { CliError } from '../args';

const SUITE_ALIASES: Record<string, number> = {
  'ECDHE-RSA-AES128-GCM-SHA256': CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
  'ECDHE-RSA-AES256-GCM-SHA384': CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
  'ECDHE-RSA-CHACHA20-POLY1305': CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
  'ECDHE-ECDSA-AES128-GCM-SHA256': CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
};

export const OPENSSL_SUITE_NAME: Record<number, string> = Object.fromEntries(
  Object.entries(SUITE_ALIASES).map(([name, id]) => [id, name]),
);

const IMPLEMENTED_SUITES = Object.values(SUITE_ALIASES);

export function parseSuites(list: string | undefined): number[] | undefined {
  if (list === undefined) return undefined;
  return splitList(list, '--suites').map((item) => {
    const upper = item.toUpperCase();
    const id =
      SUITE_ALIASES[upper] ??
      IMPLEMENTED_SUITES.find((s) => cipherSuiteName(s) === upper) ??
      parseHexCode(item);
    if (id === undefined || !IMPLEMENTED_SUITES.includes(id)) {
      throw new CliError(
        `unknown or unsupported cipher suite '${item}'; supported: ${IMPLEMENTED_SUITES.map(cipherSuiteName).join(', ')}`,
        2,
      );
    }
    return id;
  });
}

const GROUPS: Record<string, number> = {
  x25519: NamedGroup.x25519,
  secp256r1: NamedGroup.secp256r1,
  'p-256': NamedGroup.secp256r1,
  prime256v1: NamedGroup.secp256r1,
  secp384r1: NamedGroup.secp384r1,
  'p-384': NamedGroup.secp384r1,
  secp521r1: NamedGroup.secp521r1,
  'p-521': NamedGroup.secp521r1,
};

export function parseGroups(list: string | undefined): number[] | undefined {
  if (list === undefined) return undefined;
  return splitList(list, '--groups').map((item) => {
    const id = GROUPS[item.toLowerCase()];
    if (id === undefined)
      throw new CliError(
        `unknown or unsupported group '${item}'; supported: x25519, secp256r1, secp384r1, secp521r1`,
        2,
      );
    return id;
  });
}

export function describeGroup(id: number | undefined): string {
  return id === undefined ? 'none' : namedGroupName(id);
}

function splitList(list: string, flag: string): string[] {
  const items = list.split(/[,:\s]+/).filter(Boolean);
  if (items.length === 0) throw new CliError(`${flag} needs at least one name`, 2);
  return items;
}

function parseHexCode(text: string): number | undefined {
  return /^0x[0-9a-f]{1,4}$/i.test(text) ? parseInt(text, 16) : undefined;
}
