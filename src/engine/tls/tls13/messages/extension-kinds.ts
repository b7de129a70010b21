/**
 * The TLS 1.3 extensions' shapes and wire types (RFC 8446, Section 4.2): what the hello codecs
 * (../../messages/extensions.ts) need to know of them before the codecs of ./extensions.ts have
 * loaded, which come with the TLS 1.3 machines.
 */
import { ExtensionType, type NamedGroup } from '../../enums';

/** The message an extension sits in (RFC 8446, Section 4.2, the table's CH, SH, HRR, EE, CT, NST). */
export type ExtensionContext =
  | 'client_hello'
  | 'server_hello'
  | 'hello_retry_request'
  | 'encrypted_extensions'
  | 'certificate'
  | 'new_session_ticket';

/** RFC 8446, Section 4.2.8: struct { NamedGroup group; opaque key_exchange<1..2^16-1>; }. */
export interface KeyShareEntry {
  group: NamedGroup;
  keyExchange: Uint8Array;
}

/** RFC 8446, Section 4.2.11: struct { opaque identity<1..2^16-1>; uint32 obfuscated_ticket_age; }. */
export interface PskIdentity {
  identity: Uint8Array;
  obfuscatedTicketAge: number;
}

export type Tls13Extension =
  /** RFC 8446, Section 4.2.1, in a ClientHello: ProtocolVersion versions<2..254>. */
  | { kind: 'supported_versions'; versions: number[] }
  /** RFC 8446, Section 4.2.1, in a ServerHello or HelloRetryRequest: selected_version. */
  | { kind: 'selected_version'; version: number }
  /** RFC 8446, Section 4.2.8, in a ClientHello: KeyShareEntry client_shares<0..2^16-1>. */
  | { kind: 'key_share'; shares: KeyShareEntry[] }
  /** RFC 8446, Section 4.2.8, in a ServerHello: KeyShareEntry server_share. */
  | { kind: 'key_share_server'; share: KeyShareEntry }
  /** RFC 8446, Section 4.2.8, in a HelloRetryRequest: NamedGroup selected_group. */
  | { kind: 'key_share_retry'; selectedGroup: NamedGroup }
  /** RFC 8446, Section 4.2.9: PskKeyExchangeMode ke_modes<1..255>. */
  | { kind: 'psk_key_exchange_modes'; modes: number[] }
  /** RFC 8446, Section 4.2.11, in a ClientHello: OfferedPsks; always the last extension. */
  | { kind: 'pre_shared_key'; identities: PskIdentity[]; binders: Uint8Array[] }
  /** RFC 8446, Section 4.2.11, in a ServerHello: uint16 selected_identity. */
  | { kind: 'pre_shared_key_server'; selectedIdentity: number }
  /** RFC 8446, Section 4.2.2: opaque cookie<1..2^16-1>. */
  | { kind: 'cookie'; cookie: Uint8Array }
  /**
   * RFC 8446, Section 4.2.10: empty in a ClientHello and EncryptedExtensions; in a
   * NewSessionTicket, uint32 max_early_data_size.
   */
  | { kind: 'early_data'; maxEarlyDataSize?: number };

export type Tls13ExtensionKind = Tls13Extension['kind'];

/** The wire types read here, and the explain key (by base name) each one's span gets. */
export const TLS13_EXTENSION_NAMES: Readonly<Record<number, string>> = {
  [ExtensionType.pre_shared_key]: 'pre_shared_key',
  [ExtensionType.early_data]: 'early_data',
  [ExtensionType.supported_versions]: 'supported_versions',
  [ExtensionType.cookie]: 'cookie',
  [ExtensionType.psk_key_exchange_modes]: 'psk_key_exchange_modes',
  [ExtensionType.key_share]: 'key_share',
};

export function isTls13ExtensionType(type: number): boolean {
  return TLS13_EXTENSION_NAMES[type] !== undefined;
}

export function tls13ExtensionType(ext: Tls13Extension): number {
  switch (ext.kind) {
    case 'supported_versions':
    case 'selected_version':
      return ExtensionType.supported_versions;
    case 'key_share':
    case 'key_share_server':
    case 'key_share_retry':
      return ExtensionType.key_share;
    case 'psk_key_exchange_modes':
      return ExtensionType.psk_key_exchange_modes;
    case 'pre_shared_key':
    case 'pre_shared_key_server':
      return ExtensionType.pre_shared_key;
    case 'cookie':
      return ExtensionType.cookie;
    case 'early_data':
      return ExtensionType.early_data;
  }
}
