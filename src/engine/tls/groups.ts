import type { GroupName } from '../crypto/ecdhe';
import { NamedGroup, namedGroup } from './enums';

/** The groups we implement, by their TLS code (RFC 8422, Section 5.1.1; RFC 7748). */
const GROUP_BY_CODE = new Map<NamedGroup, GroupName>([
  [NamedGroup.x25519, 'x25519'],
  [NamedGroup.secp256r1, 'secp256r1'],
  [NamedGroup.secp384r1, 'secp384r1'],
  [NamedGroup.secp521r1, 'secp521r1'],
]);

export function groupName(code: number): GroupName | undefined {
  return GROUP_BY_CODE.get(namedGroup(code));
}

export function groupCode(name: GroupName): NamedGroup {
  return NamedGroup[name];
}

const CURVE_GROUP_OF_KEY_TYPE: Readonly<Record<string, NamedGroup>> = {
  ECDSA_P256: NamedGroup.secp256r1,
  ECDSA_P384: NamedGroup.secp384r1,
  ECDSA_P521: NamedGroup.secp521r1,
};

/**
 * The supported_groups entry that names an ECDSA key's curve (RFC 8422, Section 5.1.1), which a
 * client must list for a server to use a certificate on it (Section 5.3); undefined for RSA.
 */
export function curveGroupOfKeyType(keyType: string): NamedGroup | undefined {
  return CURVE_GROUP_OF_KEY_TYPE[keyType];
}

/**
 * secp521r1 is offered too, though it is last for key exchange: RFC 8422, Section 5.3 lets a
 * server use an ECDSA certificate only on a curve the client lists here, so a client without it
 * cannot reach a server with a P-521 certificate (OpenSSL's client offers it by default).
 */
export const DEFAULT_GROUPS: readonly NamedGroup[] = [
  NamedGroup.x25519,
  NamedGroup.secp256r1,
  NamedGroup.secp384r1,
  NamedGroup.secp521r1,
];
