/**
 * What the TLS lab's settings may hold when they come from outside (a shared link): every value
 * its editor can produce and the engine accepts, nothing else. Lists hold only the codes the
 * negotiation editor offers; numbers are bounded the way the editors bound them. Only type imports
 * from the scenarios themselves, so checking a link does not load the engine.
 */
import { SignatureScheme } from '../../tls/enums';
import { DEFAULT_GROUPS } from '../../tls/groups';
import { SUITES } from '../../tls/suites';
import { boolean, integer, list, oneOf, record, type Schema } from '../settings-schema';
import type { CertificateProblem, CertificateSettings } from './certificates';
import type { EmsSettings } from './ems';
import type { MitmSettings } from './mitm';
import type { NegotiationLists, NegotiationSettings } from './negotiation';
import type { BetweenConnections, ResumptionSettings } from './resumption';
import type { TamperSettings } from './tamper';
import type { LabScenarioId } from './text';

/** `values` names every member of U: the type check fails when the engine adds one. */
export function allOf<U extends string>() {
  return <const L extends readonly U[]>(values: L & ([U] extends [L[number]] ? unknown : never)) =>
    values;
}

const SUITE_CODES = SUITES.map((s) => s.id);
/** The choices of the negotiation editor (NEGOTIATION_CHOICES), each at most once. */
const codes = (choices: readonly number[]) =>
  list(oneOf(choices), { min: 1, max: choices.length, distinct: true });

const lists = {
  cipherSuites: codes(SUITE_CODES),
  groups: codes(DEFAULT_GROUPS),
  signatureSchemes: codes(Object.values(SignatureScheme)),
};

const negotiation: Schema<NegotiationSettings> = record<NegotiationSettings>(
  {
    client: record<NegotiationLists>(lists),
    server: record<NegotiationSettings['server']>({
      ...lists,
      preference: oneOf(['server', 'client']),
    }),
    serverNamesSuite: oneOf(SUITE_CODES),
  },
  ['serverNamesSuite'],
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

/**
 * A handshake with one request and its response is about 15 records; 64 leaves room. A record is
 * at most its 5-byte header and 2^14 + 2048 bytes of fragment (RFC 5246, Section 6.2.3).
 */
const MAX_TAMPER_RECORD = 63;
const MAX_TAMPER_OFFSET = 5 + 2 ** 14 + 2048 - 1;

const tamper = record<TamperSettings>({
  record: integer(0, MAX_TAMPER_RECORD),
  offset: integer(0, MAX_TAMPER_OFFSET),
  // XOR with 0 would change nothing; a byte mask is at most 0xff.
  mask: integer(1, 0xff),
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
