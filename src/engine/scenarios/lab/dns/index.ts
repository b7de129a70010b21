/**
 * The DNS lab: scenarios as data (id, title, lesson, presets, settings) with a `run(settings,
 * seed)` that drives the real engine and returns the Trace and a plain outcome. The UI picks one,
 * edits its settings, runs it, and shows the outcome beside the diagram. The zone editor's
 * functions (editableZones, applyZoneEdit) are exported for the editor itself.
 */
import { brokenServersScenario } from './broken-servers';
import { cnameScenario } from './cname-loop';
import { gslbScenario } from './gslb';
import { negativeScenario } from './negative';
import { poisoningScenario } from './poisoning';
import { qnameMinimisationScenario } from './qname-minimisation';
import { timeTravelScenario } from './time-travel';
import { zoneEditScenario } from './zone-edit-scenario';

export type { DnsLabPreset, DnsLabRun, DnsLabScenario } from './types';
export { DNS_LAB_NOTE_TEXT, DNS_LAB_TEXT, type DnsLabScenarioId } from './text';
export { DNS_LAB_LESSONS } from './lessons';
export * from './lookup-facts';
export * from './cache-ttls';
export * from './sequence';
export * from './time-travel';
export * from './negative';
export * from './broken-servers';
export * from './poisoning';
export { ATTACKER_LANE, ResponseForger, type Forgery, type ForgeryPlan } from './forger';
export * from './cname-loop';
export * from './gslb';
export * from './gslb/health-checker';
export * from './gslb/failover-record';
export * from './qname-minimisation';
export * from './zone-edit';
export * from './zone-edit-scenario';

export type AnyDnsLabScenario =
  | typeof timeTravelScenario
  | typeof negativeScenario
  | typeof brokenServersScenario
  | typeof poisoningScenario
  | typeof cnameScenario
  | typeof gslbScenario
  | typeof qnameMinimisationScenario
  | typeof zoneEditScenario;

/** In the order the lab lists them. */
export const DNS_LAB_SCENARIOS: readonly AnyDnsLabScenario[] = [
  timeTravelScenario,
  negativeScenario,
  brokenServersScenario,
  poisoningScenario,
  cnameScenario,
  gslbScenario,
  qnameMinimisationScenario,
  zoneEditScenario,
];

export function dnsLabScenarioById(id: string): AnyDnsLabScenario | undefined {
  return DNS_LAB_SCENARIOS.find((s) => s.id === id);
}
