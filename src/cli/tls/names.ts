/** Parsing the CLI's --suites and --groups lists: IANA names, OpenSSL names or hex codes. */
import { NamedGroup, namedGroupName, type CipherSuite } from '../../engine/tls/enums';
import { SUITES, suiteByName, suiteParams } from '../../engine/tls/suites';
import { CliError } from '../args';

export function parseSuites(list: string | undefined): CipherSuite[] | undefined {
  if (list === undefined) return undefined;
  return splitList(list, '--suites').map((item) => {
    const hex = parseHexCode(item);
    const suite = hex === undefined ? suiteByName(item) : suiteParams(hex);
    if (!suite) {
      throw new CliError(
        `unknown or unsupported cipher suite '${item}'; supported: ${SUITES.map((s) => s.name).join(', ')}`,
        2,
      );
    }
    return suite.id;
  });
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
