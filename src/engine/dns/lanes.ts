/**
 * The lanes of a DNS trace. The UI groups servers by role, so every root server is drawn on
 * "Root", every TLD server on "TLD" and every other server on "Authoritative"; the concrete
 * server name and address ride in each message's decoded value.
 */
import type { Name } from './name';

export const Lane = {
  browser: 'Browser',
  os: 'OS resolver',
  recursive: 'Recursive resolver',
  root: 'Root',
  tld: 'TLD',
  authoritative: 'Authoritative',
} as const;

export const DNS_LANES: string[] = Object.values(Lane);

/** The lane of a server queried as an authority for `zone`. */
export function serverLane(zone: Name): string {
  if (zone.isRoot) return Lane.root;
  if (zone.labelCount === 1) return Lane.tld;
  return Lane.authoritative;
}
