/**
 * What the DNS lab's settings may hold, from the editors or from outside (a link, a file, the
 * CLI): names within
 * RFC 1035's lengths, the record types the editors offer, clock jumps, list lengths and numbers
 * bounded as the editors bound them, a zone file within the zone editor's caps. Only type imports
 * from the scenarios themselves, so checking a link does not load the engine.
 */
import { DNS_QUERY_TYPES } from '../../catalog';
import {
  checkHostname,
  checkLookupCount,
  limitFailure,
  MAX_GSLB_LOOKUPS,
  MAX_TIME_TRAVEL_LOOKUPS as MAX_TIME_TRAVEL_STEPS,
  MAX_ZONE_EDIT_LOOKUPS,
} from '../../../limits';
import { checkZoneText } from '../../../dns/zone/text';
import { NUMBER_RANGES as R, inRange } from '../../number-ranges';
import { boolean, list, oneOf, record, tagged, text, type Schema } from '../../settings-schema';
import { allOf } from '../settings-schema';
import type { BrokenServersSettings } from './broken-servers';
import type { CnameSettings } from './cname-loop';
import type { GslbSettings } from './gslb';
import type { NegativeSettings } from './negative';
import type { PoisoningSettings } from './poisoning';
import type { QnameMinimisationSettings } from './qname-minimisation';
import type { LookupStep, Restart } from './sequence';
import type { DnsLabScenarioId } from './text';
import type { TimeTravelSettings } from './time-travel';
import type { ZoneEditSettings } from './zone-edit-scenario';

/**
 * A presentation-format name: RFC 1035 lengths. checkHostname caps the text's length before it
 * reads it, and words every problem, so the schema adds no cap of its own.
 */
const name = text(Infinity, checkHostname);
const type = oneOf(DNS_QUERY_TYPES);
const RESTARTS = allOf<Restart>()(['browser', 'computer']);

const lookupStep: Schema<LookupStep> = record<LookupStep>(
  { name, type, afterSeconds: inRange(R.lookupAfter), restart: oneOf(RESTARTS) },
  ['type', 'afterSeconds', 'restart'],
);

/** At least one lookup and at most `max`, worded as the limit words it. */
const lookups = <T>(item: Schema<T>, max: number) =>
  list(item, { min: 1, max, count: (n) => checkLookupCount(n, max) });

/** Dotted-quad IPv4, each part 0 to 255 without leading zeros. */
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const ipv4 = text(Infinity, (s) =>
  s.length <= 15 && IPV4.test(s) ? { ok: true } : limitFailure('limit.gslb_ipv4'),
);

const gslb = record<GslbSettings>({
  name,
  ttl: inRange(R.gslbTtl),
  primary: ipv4,
  secondary: ipv4,
  healthCheck: record<GslbSettings['healthCheck']>({
    intervalSeconds: inRange(R.gslbInterval),
    failureThreshold: inRange(R.gslbThreshold),
  }),
  stopPrimaryAtSeconds: inRange(R.gslbStopAt),
  lookupsAtSeconds: lookups(inRange(R.gslbUntil), MAX_GSLB_LOOKUPS),
});

const poisoning: Schema<PoisoningSettings> = tagged<PoisoningSettings>('attack', {
  'out-of-bailiwick': record<{ attack: 'out-of-bailiwick' }>({
    attack: oneOf(['out-of-bailiwick']),
  }),
  'forged-response': record<Extract<PoisoningSettings, { attack: 'forged-response' }>>({
    attack: oneOf(['forged-response']),
    forgeries: inRange(R.forgeries),
    attackerSeesQuery: boolean,
  }),
});

const zoneEdit = record<ZoneEditSettings>({
  zone: name,
  // The zone editor's own caps (size and lines, checked size first); its syntax is the run's to
  // report, by line.
  text: text(Infinity, checkZoneText),
  lookups: lookups(lookupStep, MAX_ZONE_EDIT_LOOKUPS),
});

export const DNS_LAB_SCHEMAS: Record<DnsLabScenarioId, Schema<unknown>> = {
  'lab-dns-time-travel': record<TimeTravelSettings>({
    steps: lookups(lookupStep, MAX_TIME_TRAVEL_STEPS),
  }),
  'lab-dns-negative': record<NegativeSettings>({
    name,
    type,
    again: record<NegativeSettings['again']>({
      type,
      afterSeconds: inRange(R.negativeAgain),
    }),
  }),
  'lab-dns-broken-servers': record<BrokenServersSettings>({ name }),
  'lab-dns-poisoning': poisoning,
  'lab-dns-cname-loop': record<CnameSettings>({ name }),
  'lab-dns-gslb-failover': gslb,
  'lab-dns-qname-minimisation': record<QnameMinimisationSettings>({
    name,
    type,
    qnameMinimisation: boolean,
  }),
  'lab-dns-zone-edit': zoneEdit,
};
