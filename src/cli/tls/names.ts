/** Parsing the CLI's --suites and --groups lists: IANA names, OpenSSL names or hex codes. */
import { NamedGroup, cipherSuite, namedGroupName, type CipherSuite } from '../../engine/tls/enums';
import { TLS13_SUITES, tls13Suite } from '../../engine/tls/tls13/key-schedule';
import { SUITES, suiteByName, suiteParams } from '../../engine/tls/suites';
import { CliError } from '../args';

/** TLS 1.2 suites (IANA or OpenSSL names, or hex) and TLS 1.3 suites (IANA names, or hex). */
export function parseSuites(list: string | undefined): CipherSuite[] | undefined {
  if (list === undefined) return undefined;
  return splitList(list, '--suites').map((item) => {
    const hex = parseHexCode(item);
    const tls13 =
      hex === undefined
        ? TLS13_SUITES.find((s) => s.name.toUpperCase() === item.toUpperCase())
        : tls13Suite(hex);
    if (tls13) return cipherSuite(tls13.id);
    const suite = hex === undefined ? suiteByName(item) : suiteParams(hex);
    if (!suite) {
      throw new CliError(
        `unknown or unsupported cipher suite '${item}'; supported: ${[...TLS13_SUITES, ...SUITES].map((s) => s.name).join(', ')}`,
        2,
      );
    }
    return suite.id;
  });
}

/** --versions: 1.2, 1.3 or both (RFC 8446, Section 4.2.1). */
export function parseVersions(list: string | undefined): ('1.2' | '1.3')[] | undefined {
  if (list === undefined) return undefined;
  const versions = splitList(list, '--versions').map((item) => {
    const v = item.replace(/^tls\s*v?/i, '');
    if (v !== '1.2' && v !== '1.3')
      throw new CliError(`unknown or unsupported version '${item}'; supported: 1.2, 1.3`, 2);
    return v;
  });
  return [...new Set(versions)];
}

const GROUPS: Record<string, NamedGroup> = {
  x25519: NamedGroup.x25519,
  secp256r1: NamedGroup.secp256r1,
  'p-256': NamedGroup.secp256r1,
  prime256v1: NamedGroup.secp256r1,
  secp384r1: NamedGroup.secp384r1,
  'p-384': NamedGroup.secp384r1,
  secp521r1: NamedGroup.secp521r1,
  'p-521': NamedGroup.secp521r1,
};

export function parseGroups(list: string | undefined): NamedGroup[] | undefined {
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
