/**
 * Negative answers and their caching (RFC 2308). A name that does not exist gets NXDOMAIN; a name
 * that exists without the type asked gets NODATA (NOERROR with an empty answer). Either comes with
 * the zone's SOA, and every cache keeps it for min(SOA TTL, SOA MINIMUM) (RFC 2308, Section 5), so
 * the same question asked again is answered without asking the servers. NXDOMAIN covers every type
 * of the name; NODATA only the type asked.
 */
import { Lane } from '../../../dns/lanes';
import type { PlainMessage } from '../../../dns/plain';
import { Name } from '../../../dns/name';
import type { MessageEvent, TraceEvent } from '../../../trace';
import { defineDnsLabScenario, type DnsPresetId } from './define';
import { LookupSequence, type LookupReport } from './sequence';
import { cacheEventsOf } from './trace-notes';
import type { DnsLabRun, DnsLabScenario } from './types';

export interface NegativeSettings {
  name: string;
  type: string;
  /** The second lookup: the same name, this type, this many seconds after the first ended. */
  again: { type: string; afterSeconds: number };
}

export interface NegativeSoa {
  /** The zone whose SOA came with the answer. */
  zone: string;
  /** The SOA record's TTL in the zone's master file. */
  ttlInZone: number;
  /** Its MINIMUM field: the zone's negative-caching TTL (RFC 2308, Section 4). */
  minimum: number;
  /** The TTL the authoritative server gave it: already min(TTL, MINIMUM) (RFC 2308, Section 3). */
  ttlSent: number;
}

export interface NegativeOutcome {
  first: LookupReport;
  again: LookupReport;
  /** The SOA in the negative answer from the zone's server, or null when none came. */
  soa: NegativeSoa | null;
  /** Seconds each layer cached the negative answer for (null: it did not cache it). */
  cachedFor: { browser: number | null; os: number | null; recursive: number | null };
}

export type NegativeScenario = DnsLabScenario<
  'lab-dns-negative',
  NegativeSettings,
  NegativeOutcome
>;

export async function runNegative(
  settings: NegativeSettings,
  seed: number | string,
): Promise<DnsLabRun<NegativeOutcome>> {
  const sequence = new LookupSequence({ seed });
  const first = await sequence.step({ name: settings.name, type: settings.type });
  const again = await sequence.step({
    name: settings.name,
    type: settings.again.type,
    afterSeconds: settings.again.afterSeconds,
  });
  const events = sequence.recorder.events;
  const negativeInsert = (lane: string): number | null => {
    const insert = cacheEventsOf(events, lane, 'insert', first.events).find(
      (e) => e.value === 'NXDOMAIN' || e.value === 'NODATA',
    );
    return insert?.ttl ?? null;
  };
  return {
    trace: sequence.recorder.toTrace(),
    outcome: {
      first,
      again,
      soa: negativeSoa(
        events.slice(first.events[0], first.events[1]).filter(isServerResponse),
        sequence,
      ),
      cachedFor: {
        browser: negativeInsert(Lane.browser),
        os: negativeInsert(Lane.os),
        recursive: negativeInsert(Lane.recursive),
      },
    },
  };
}

/** A response from a server of the tree (root, TLD or authoritative) to the recursive resolver. */
function isServerResponse(e: TraceEvent): e is MessageEvent {
  const servers: string[] = [Lane.root, Lane.tld, Lane.authoritative];
  return e.kind === 'message' && servers.includes(e.from) && e.to === Lane.recursive;
}

/** The SOA of the last server response, with the zone's own SOA TTL beside it. */
function negativeSoa(responses: MessageEvent[], sequence: LookupSequence): NegativeSoa | null {
  const last = responses[responses.length - 1];
  const soa = last && (last.decoded as { message: PlainMessage }).message.authority[0];
  if (!soa || soa.type !== 'SOA') return null;
  const owner = Name.parse(soa.name);
  const zone = sequence.world.universe.servers
    .flatMap((s) => s.zones)
    .find((z) => z.origin.equals(owner));
  if (!zone) return null;
  return {
    zone: soa.name,
    ttlInZone: zone.soa.ttl,
    minimum: zone.soa.data.minimum,
    ttlSent: soa.ttl,
  };
}

function negativePresets(): Record<DnsPresetId<'lab-dns-negative'>, NegativeSettings> {
  return {
    nxdomain: { name: 'nope.example.com', type: 'A', again: { type: 'A', afterSeconds: 10 } },
    'nxdomain-other-type': {
      name: 'nope.example.com',
      type: 'A',
      again: { type: 'AAAA', afterSeconds: 10 },
    },
    nodata: { name: 'mail.example.com', type: 'AAAA', again: { type: 'AAAA', afterSeconds: 10 } },
    'negative-expired': {
      name: 'nope.example.com',
      type: 'A',
      again: { type: 'A', afterSeconds: 301 },
    },
  };
}

export const negativeScenario: NegativeScenario = defineDnsLabScenario(
  'lab-dns-negative',
  negativePresets(),
  runNegative,
);
