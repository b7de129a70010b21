/** Builds a DNS lab scenario from its text (text.ts), its presets' settings and its run function. */
import { DNS_LAB_LESSONS } from './lessons';
import { DNS_LAB_TEXT, type DnsLabScenarioId } from './text';
import { scenarioFromText } from '../define';
import type { DnsLabRun, DnsLabScenario } from './types';

export type DnsPresetId<Id extends DnsLabScenarioId> = keyof (typeof DNS_LAB_TEXT)[Id]['presets'] &
  string;

/**
 * `presets` gives settings for exactly the presets the text table names, in the order the picker
 * shows them; the first is the scenario's default.
 */
export function defineDnsLabScenario<Id extends DnsLabScenarioId, Settings, Outcome>(
  id: Id,
  presets: Record<DnsPresetId<Id>, Settings>,
  run: (settings: Settings, seed: number | string) => Promise<DnsLabRun<Outcome>>,
): DnsLabScenario<Id, Settings, Outcome> {
  return scenarioFromText(id, DNS_LAB_TEXT[id], DNS_LAB_LESSONS[id], presets, run);
}
