/**
 * What the DNS lab's settings may hold when they come from outside (a shared link): names within
 * RFC 1035's lengths, the record types the editors offer, clock jumps, list lengths and numbers
 * bounded as the editors bound them, a zone file within the zone editor's caps. Only type imports
 * from the scenarios themselves, so checking a link does not load the engine.
 */
import { DNS_QUERY_TYPES } from '../../catalog';
import {
  checkHostname,
  checkZoneText,
  MAX_GSLB_LOOKUPS,
  MAX_TIME_TRAVEL_LOOKUPS as MAX_TIME_TRAVEL_STEPS,
  MAX_ZONE_EDIT_LOOKUPS,
  MAX_ZONE_TEXT_CHARS,
} from '../../../limits';
import {
  boolean,
  integer,
  list,
  oneOf,
  record,
  tagged,
  text,
  type Schema,
} from '../../settings-schema';
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

/** The editors' "again after" and jump fields: a day, and ten days between time-travel lookups. */
const MAX_AGAIN_SECONDS = 86_400;
const MAX_STEP_SECONDS = 10 * 86_400;
/** The GSLB editor's times (stop, lookups) run to an hour; its TTL to a day. */
const MAX_GSLB_SECONDS = 3_600;

/** A presentation-format name: RFC 1035 lengths (checkHostname's own cap on the text). */
const name = text(1_024, checkHostname);
const type = oneOf(DNS_QUERY_TYPES);
const RESTARTS = allOf<Restart>()(['browser', 'computer']);

function lookupStep(maxSeconds: number): Schema<LookupStep> {
  return record<LookupStep>(
    { name, type, afterSeconds: integer(0, maxSeconds), restart: oneOf(RESTARTS) },
    ['type', 'afterSeconds', 'restart'],
  );
}

/** Dotted-quad IPv4, each part 0 to 255 without leading zeros. */
const ipv4 = text(15, (s) =>
  /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(s)
    ? { ok: true }
    : { ok: false, error: 'not an IPv4 address' },
);

const gslb = record<GslbSettings>({
  name,
  ttl: integer(1, 86_400),
  primary: ipv4,
  secondary: ipv4,
  healthCheck: record<GslbSettings['healthCheck']>({
    intervalSeconds: integer(1, 600),
    failureThreshold: integer(1, 10),
  }),
  stopPrimaryAtSeconds: integer(0, MAX_GSLB_SECONDS),
  lookupsAtSeconds: list(integer(0, MAX_GSLB_SECONDS), { min: 1, max: MAX_GSLB_LOOKUPS }),
});

const poisoning: Schema<PoisoningSettings> = tagged<PoisoningSettings>('attack', {
  'out-of-bailiwick': record<{ attack: 'out-of-bailiwick' }>({
    attack: oneOf(['out-of-bailiwick']),
  }),
  'forged-response': record<Extract<PoisoningSettings, { attack: 'forged-response' }>>({
    attack: oneOf(['forged-response']),
    forgeries: integer(1, 20),
    attackerSeesQuery: boolean,
  }),
});

const zoneEdit = record<ZoneEditSettings>({
  zone: name,
  // The zone editor's own caps (size and lines); its syntax is the run's to report, by line.
  text: text(MAX_ZONE_TEXT_CHARS, checkZoneText),
  lookups: list(lookupStep(MAX_STEP_SECONDS), { min: 1, max: MAX_ZONE_EDIT_LOOKUPS }),
});

export const DNS_LAB_SCHEMAS: Record<DnsLabScenarioId, Schema<unknown>> = {
  'lab-dns-time-travel': record<TimeTravelSettings>({
    steps: list(lookupStep(MAX_STEP_SECONDS), { min: 1, max: MAX_TIME_TRAVEL_STEPS }),
  }),
  'lab-dns-negative': record<NegativeSettings>({
    name,
    type,
    again: record<NegativeSettings['again']>({
      type,
      afterSeconds: integer(0, MAX_AGAIN_SECONDS),
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
