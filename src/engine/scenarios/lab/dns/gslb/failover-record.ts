/**
 * A failover record in the manner of Route 53's: one name with a primary and a secondary address.
 * The authoritative servers answer with the primary while its health check says it is healthy,
 * and with the secondary otherwise. Every other name of the zone is answered as usual. The answer
 * is decided when the query arrives, so a resolver that asks at different times can get different
 * answers; what it already cached, it keeps for the TTL (RFC 1035, Section 3.2.1).
 */
import { AuthoritativeServer } from '../../../../dns/authoritative';
import { demoServerHandler, type WireHandler } from '../../../../dns/behaviour';
import { decodeMessage, encodeMessage } from '../../../../dns/codec';
import type { DnsWorld } from '../../../../dns/lookup';
import { Name } from '../../../../dns/name';
import { formatRData } from '../../../../dns/present';
import { RRClass, RRType, makeQuery } from '../../../../dns/types';
import { buildDemoUniverse } from '../../../../dns/universe';
import { EXAMPLE_COM_ZONE } from '../../../../dns/universe/leaves';
import { Zone } from '../../../../dns/zone/zone';

/** The zone the failover record lives in: example.com, as its servers ns1 and ns2 serve it. */
const FAILOVER_ZONE = Name.parse('example.com');

export interface FailoverRecord {
  /** A name under example.com, e.g. "app.example.com". */
  name: string;
  ttl: number;
  primary: string;
  secondary: string;
}

export class FailoverRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FailoverRecordError';
  }
}

/** The example.com zone with `name` pointing at `address`. */
function zoneWith(record: FailoverRecord, address: string): Zone {
  const owner = Name.parse(record.name);
  if (!owner.isSubdomainOf(FAILOVER_ZONE) || owner.equals(FAILOVER_ZONE))
    throw new FailoverRecordError(`${record.name} is not a name under ${FAILOVER_ZONE}`);
  return Zone.parse(`${EXAMPLE_COM_ZONE}\n${owner} ${record.ttl} IN A ${address}\n`);
}

export interface FailoverWorld {
  world: DnsWorld;
  /** What the authoritative servers answer for the record at time `t`: a real query, untraced. */
  answerAt(t: number): string | undefined;
}

export function failoverWorld(
  record: FailoverRecord,
  primaryHealthyAt: (t: number) => boolean,
): FailoverWorld {
  const onPrimary = new AuthoritativeServer([zoneWith(record, record.primary)]);
  const onSecondary = new AuthoritativeServer([zoneWith(record, record.secondary)]);
  const handler: WireHandler = (query, now = 0) =>
    (primaryHealthyAt(now) ? onPrimary : onSecondary).handle(query);
  const universe = buildDemoUniverse();
  const servesFailoverZone = (zones: Zone[]) => zones.some((z) => z.origin.equals(FAILOVER_ZONE));
  const handlers = new Map(
    universe.servers.map((s) => [
      s.address,
      servesFailoverZone(s.zones) ? handler : demoServerHandler(s),
    ]),
  );
  const question = { name: Name.parse(record.name), type: RRType.A, class: RRClass.IN };
  const query = encodeMessage(makeQuery(0, question), { annotate: false }).bytes;
  return {
    world: { universe, handlers },
    answerAt(t) {
      const bytes = handler(query, t);
      if (!bytes) return undefined;
      const answer = decodeMessage(bytes, { annotate: false }).message.answers.find(
        (rr) => rr.type === RRType.A,
      );
      return answer && formatRData(answer.data);
    },
  };
}
