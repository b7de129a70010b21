/**
 * What the TLS lab's settings may hold, from the editors or from outside (a link, a file, the
 * CLI): every value its editor can produce and the engine accepts, nothing else. Lists hold only the codes the
 * negotiation editor offers; numbers are bounded the way the editors bound them. Only type imports
 * from the scenarios themselves, so checking a link does not load the engine.
 */
import { SignatureScheme } from '../../tls/enums';
import { DEFAULT_GROUPS } from '../../tls/groups';
import { SUITES } from '../../tls/suites';
import { checkConfigList, type ConfigList } from '../../limits';
import { NUMBER_RANGES, inRange } from '../number-ranges';
import { boolean, list, oneOf, record, type Schema } from '../settings-schema';
import type { CertificateProblem, CertificateSettings } from './certificates';
import type { EmsSettings } from './ems';
import type { MitmSettings } from './mitm';
import type { NegotiationLists, NegotiationSettings, VersionList } from './negotiation';
import type { BetweenConnections, ResumptionSettings } from './resumption';
import type { TamperSettings } from './tamper';
import type { LabScenarioId } from './text';

/** `values` names every member of U: the type check fails when the engine adds one. */
export function allOf<U extends string>() {
  return <const L extends readonly U[]>(values: L & ([U] extends [L[number]] ? unknown : never)) =>
    values;
}

const SUITE_CODES = SUITES.map((s) => s.id);
/** Kept here rather than imported, so checking a link loads no engine module. */
const VERSION_LISTS = allOf<VersionList>()(['1.2', '1.3', '1.2,1.3']);
/**
 * The choices of the negotiation editor (NEGOTIATION_CHOICES), each at most once, and at least one
 * (the editor can empty a list; the limit words why that cannot run).
 */
const codes = (name: ConfigList, choices: readonly number[]) =>
  list(oneOf(choices), {
    min: 1,
    max: choices.length,
    distinct: true,
    count: (n) => (n === 0 ? checkConfigList(name, []) : { ok: true }),
  });

const lists = {
  cipherSuites: codes('cipherSuites', SUITE_CODES),
  groups: codes('groups', DEFAULT_GROUPS),
  signatureSchemes: codes('signatureSchemes', Object.values(SignatureScheme)),
};

const negotiation: Schema<NegotiationSettings> = record<NegotiationSettings>(
  {
    client: record<NegotiationLists>(lists),
    server: record<NegotiationSettings['server']>({
      ...lists,
      preference: oneOf(['server', 'client']),
    }),
    serverNamesSuite: oneOf(SUITE_CODES),
    versions: record<NonNullable<NegotiationSettings['versions']>>({
      client: oneOf(VERSION_LISTS),
      server: oneOf(VERSION_LISTS),
    }),
    attackerStripsTls13: boolean,
  },
  ['serverNamesSuite', 'versions', 'attackerStripsTls13'],
);

const BETWEEN = allOf<BetweenConnections>()([
  'nothing',
  'server-cache-cleared',
  'ticket-key-rotated',
  'session-lifetime-passed',
]);

const resumption = record<ResumptionSettings>({
  server: record<ResumptionSettings['server']>({ sessionCache: boolean, tickets: boolean }),
  client: record<ResumptionSettings['client']>({ offerTickets: boolean }),
  between: oneOf(BETWEEN),
});

const PROBLEMS = allOf<CertificateProblem>()([
  'none',
  'expired',
  'not-yet-valid',
  'wrong-host',
  'self-signed',
  'unknown-ca',
  'missing-intermediate',
]);

const tamper = record<TamperSettings>({
  record: inRange(NUMBER_RANGES.tamperRecord),
  offset: inRange(NUMBER_RANGES.tamperOffset),
  mask: inRange(NUMBER_RANGES.tamperMask),
  extendedMasterSecret: boolean,
});

export const TLS_LAB_SCHEMAS: Record<LabScenarioId, Schema<unknown>> = {
  'lab-tls-negotiation': negotiation,
  'lab-tls-resumption': resumption,
  'lab-tls-certificates': record<CertificateSettings>({ problem: oneOf(PROBLEMS) }),
  'lab-tls-mitm': record<MitmSettings>({ trustAttackerCa: boolean }),
  'lab-tls-tamper': tamper,
  'lab-tls-ems': record<EmsSettings>({ clientOffers: boolean, serverSupports: boolean }),
};
