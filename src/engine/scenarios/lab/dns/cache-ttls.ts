/**
 * What each cache layer still holds for a name: the seconds left on the browser's, the OS
 * resolver's and the recursive resolver's entry, and on each delegation above the name. Read from a
 * copy of the caches, so looking never expires anything in the real ones (an expiry is an event
 * the next lookup's Trace must still show).
 */
import { cloneResolverState, type ResolverState } from '../../../dns/lookup';
import type { Name } from '../../../dns/name';
import { RRType } from '../../../dns/types';
import type { DemoUniverse } from '../../../dns/universe';

export interface DelegationTtl {
  /** The zone cut, e.g. "com." or "example.com.". */
  zone: string;
  /** Seconds left in the recursive resolver's delegation cache, or null when not held. */
  ttl: number | null;
}

export interface CacheTtls {
  /** Seconds left on the answer in the browser's host cache, or null when it holds none. */
  browser: number | null;
  /** The same in the OS resolver's cache. */
  os: number | null;
  /** The same in the recursive resolver's response cache (or its CNAME, for an alias). */
  recursive: number | null;
  /** Every zone cut between the root and the name, top down. */
  delegations: DelegationTtl[];
}

/** The zones of `universe` that lie above or at `name`, top down (the root has no delegation). */
export function zonesAbove(universe: DemoUniverse, name: Name): Name[] {
  const origins = new Map<string, Name>();
  for (const server of universe.servers)
    for (const zone of server.zones)
      if (!zone.origin.isRoot && name.isSubdomainOf(zone.origin))
        origins.set(zone.origin.key, zone.origin);
  return [...origins.values()].sort((a, b) => a.labelCount - b.labelCount);
}

export function cacheTtls(
  state: ResolverState,
  name: Name,
  type: RRType,
  zones: readonly Name[],
  now: number,
): CacheTtls {
  const copy = cloneResolverState(state);
  const left = (hit: { ttl: number } | undefined) => hit?.ttl ?? null;
  return {
    browser: left(copy.browser.peek(name, type, now)),
    os: left(copy.os.peek(name, type, now)),
    // A name that is an alias is cached as its CNAME; the resolver answers from that too.
    recursive: left(
      copy.recursive.responses.peek(name, type, now) ??
        copy.recursive.responses.peek(name, RRType.CNAME, now),
    ),
    delegations: zones.map((zone) => {
      const cut = copy.recursive.delegations.closest(zone, now).hit;
      return {
        zone: zone.toString(),
        ttl: cut && cut.delegation.zone.equals(zone) ? cut.ttl : null,
      };
    }),
  };
}
