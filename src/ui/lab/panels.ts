/** Each lab scenario's editor and outcome view, by scenario id. */
import { brokenServersParts, cnameParts, negativeParts, poisoningParts } from './dns/Failures';
import { gslbParts } from './dns/Gslb';
import { qnameParts } from './dns/Qname';
import { timeTravelParts } from './dns/TimeTravel';
import { zoneEditParts } from './dns/ZoneEditor';
import { journeyParts } from './journey/Journey';
import { certificateParts } from './tls/Certificates';
import { emsParts } from './tls/Ems';
import { mitmParts } from './tls/Mitm';
import { negotiationParts } from './tls/Negotiation';
import { resumptionParts } from './tls/Resumption';
import { tamperParts } from './tls/Tamper';
import type { LabParts } from './types';

export const LAB_PANELS: Readonly<Record<string, LabParts<never, never>>> = {
  'lab-tls-negotiation': negotiationParts,
  'lab-tls-resumption': resumptionParts,
  'lab-tls-certificates': certificateParts,
  'lab-tls-mitm': mitmParts,
  'lab-tls-tamper': tamperParts,
  'lab-tls-ems': emsParts,
  'lab-dns-time-travel': timeTravelParts,
  'lab-dns-negative': negativeParts,
  'lab-dns-broken-servers': brokenServersParts,
  'lab-dns-poisoning': poisoningParts,
  'lab-dns-cname-loop': cnameParts,
  'lab-dns-gslb-failover': gslbParts,
  'lab-dns-qname-minimisation': qnameParts,
  'lab-dns-zone-edit': zoneEditParts,
  'journey-visit': journeyParts,
} as unknown as Readonly<Record<string, LabParts<never, never>>>;
