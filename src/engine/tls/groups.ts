import type { GroupName } from '../crypto/ecdhe';
import { NamedGroup } from './enums';

/** The groups we implement, by their TLS code (RFC 8422, Section 5.1.1; RFC 7748). */
const GROUP_BY_CODE = new Map<number, GroupName>([
  [NamedGroup.x25519, 'x25519'],
  [NamedGroup.secp256r1, 'secp256r1'],
  [NamedGroup.secp384r1, 'secp384r1'],
]);

export function groupName(code: number): GroupName | undefined {
  return GROUP_BY_CODE.get(code);
}

export function groupCode(name: GroupName): number {
  return NamedGroup[name];
}

export const DEFAULT_GROUPS: readonly number[] = [
  NamedGroup.x25519,
  NamedGroup.secp256r1,
  NamedGroup.secp384r1,
];
