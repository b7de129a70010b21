/**
 * Editing the demo universe's zones. The edited master-file text is parsed as the zone it replaces
 * (relative names resolve against that zone's origin, as with named-checkzone's zone argument);
 * a mistake comes back as data with its line number, for the editor to show beside the text. A
 * zone that parses replaces the old one on every server that serves it, and lookups run against
 * the edited universe at once, from cold caches (a resolver would otherwise keep the old answers
 * for their TTL).
 */
import { demoServerHandler } from '../../../dns/behaviour';
import type { DnsWorld } from '../../../dns/lookup';
import { Name, NameError } from '../../../dns/name';
import type { ProblemParams, ZoneKey } from '../../../dns/problem';
import { zoneProblemText } from '../../../dns/zone/text';
import { buildDemoUniverse, DEMO_ZONE_TEXTS, type DemoUniverse } from '../../../dns/universe';
import { ZoneParseError } from '../../../dns/zone/tokens';
import { Zone, ZoneError } from '../../../dns/zone/zone';

export interface EditableZone {
  /** "example.com." (the root is "."). */
  origin: string;
  /** The names of the servers that serve it. */
  servers: string[];
  /** Its master file, as shipped: what the editor opens with. */
  text: string;
}

/** Every zone of the demo universe, with its text, in DEMO_ZONE_TEXTS order (root first). */
export function editableZones(universe: DemoUniverse = buildDemoUniverse()): EditableZone[] {
  return DEMO_ZONE_TEXTS.map((text) => {
    const origin = Zone.parse(text).origin;
    return {
      origin: origin.toString(),
      servers: universe.servers
        .filter((s) => s.zones.some((z) => z.origin.equals(origin)))
        .map((s) => s.name.toString()),
      text,
    };
  });
}

/** The shipped text of one zone. */
export function shippedZoneText(origin: string): string | undefined {
  const wanted = Name.parse(origin);
  return editableZones().find((z) => Name.parse(z.origin).equals(wanted))?.text;
}

/**
 * Why an edit was not applied; `line` is the master-file line when one is to blame. `key` and
 * `params` are the reason for the language tables (src/i18n/zone.en.ts), `message` its English.
 */
export interface ZoneEditError {
  line: number | null;
  message: string;
  key: ZoneKey;
  params: ProblemParams;
}

export type ZoneEditResult =
  { ok: true; zone: Zone; world: DnsWorld } | { ok: false; error: ZoneEditError };

/**
 * Parses `text` as the zone `origin` and builds a universe in which it replaces the shipped one.
 * Never throws for a bad edit: every problem with the text is returned as data.
 */
export function applyZoneEdit(origin: string, text: string): ZoneEditResult {
  let zoneName: Name;
  try {
    zoneName = Name.parse(origin);
  } catch (error) {
    if (error instanceof NameError)
      return fail(null, 'zone.bad_origin', { ...error.params, origin, cause: error.key });
    throw error;
  }
  const universe = buildDemoUniverse();
  if (!universe.servers.some((s) => s.zones.some((z) => z.origin.equals(zoneName))))
    return fail(null, 'zone.not_in_universe', { zone: zoneName.toString() });
  let zone: Zone;
  try {
    zone = Zone.parse(text, { origin: zoneName });
  } catch (error) {
    if (error instanceof ZoneParseError) return fail(error.line, error.key, error.params);
    if (error instanceof ZoneError) return fail(null, error.key, error.params);
    throw error;
  }
  const servers = universe.servers.map((server) => ({
    ...server,
    zones: server.zones.map((z) => (z.origin.equals(zoneName) ? zone : z)),
  }));
  const edited: DemoUniverse = { ...universe, servers };
  return {
    ok: true,
    zone,
    world: {
      universe: edited,
      handlers: new Map(servers.map((s) => [s.address, demoServerHandler(s)])),
    },
  };
}

function fail(line: number | null, key: ZoneKey, params: ProblemParams = {}): ZoneEditResult {
  return { ok: false, error: { line, message: zoneProblemText(key, params), key, params } };
}
