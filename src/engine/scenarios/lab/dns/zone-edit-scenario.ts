/**
 * The zone editor as a lab scenario: edit a zone of the demo universe, then look names up against
 * it. A text with a mistake runs nothing; the outcome carries the error and its line.
 */
import { DNS_LANES } from '../../../dns/lanes';
import { EXAMPLE_COM_ZONE } from '../../../dns/universe/leaves';
import { defineDnsLabScenario, type DnsPresetId } from './define';
import { LookupSequence, type LookupReport, type LookupStep } from './sequence';
import type { DnsLabRun, DnsLabScenario } from './types';
import { applyZoneEdit, type ZoneEditError } from './zone-edit';

export interface ZoneEditSettings {
  /** The zone being edited, e.g. "example.com.". */
  zone: string;
  /** Its edited master file. */
  text: string;
  lookups: LookupStep[];
}

export type ZoneEditOutcome =
  { applied: true; lookups: LookupReport[] } | { applied: false; error: ZoneEditError };

export type ZoneEditScenario = DnsLabScenario<
  'lab-dns-zone-edit',
  ZoneEditSettings,
  ZoneEditOutcome
>;

export async function runZoneEdit(
  settings: ZoneEditSettings,
  seed: number | string,
): Promise<DnsLabRun<ZoneEditOutcome>> {
  const edit = applyZoneEdit(settings.zone, settings.text);
  if (!edit.ok)
    return {
      trace: { lanes: [...DNS_LANES], events: [] },
      outcome: { applied: false, error: edit.error },
    };
  const sequence = new LookupSequence({ seed, world: edit.world });
  const lookups: LookupReport[] = [];
  for (const step of settings.lookups) lookups.push(await sequence.step(step));
  return { trace: sequence.recorder.toTrace(), outcome: { applied: true, lookups } };
}

/** The shipped example.com zone with one line replaced; throws if the line is not there. */
function editedExampleCom(line: string, replacement: string): string {
  if (!EXAMPLE_COM_ZONE.includes(line)) throw new Error(`example.com has no line '${line}'`);
  return EXAMPLE_COM_ZONE.replace(line, replacement);
}

const WWW_LINE = 'www      300 IN A    203.0.113.80';
/** The line after which a new name can go: the next line starts with a name of its own. */
const MAIL_LINE = 'mail     IN A    203.0.113.25';

function zoneEditPresets(): Record<DnsPresetId<'lab-dns-zone-edit'>, ZoneEditSettings> {
  const zone = 'example.com.';
  return {
    'move-www': {
      zone,
      text: editedExampleCom(WWW_LINE, 'www      300 IN A    203.0.113.81'),
      lookups: [{ name: 'www.example.com' }],
    },
    'add-alias': {
      zone,
      text: editedExampleCom(MAIL_LINE, `${MAIL_LINE}\nblog     300 IN CNAME www`),
      lookups: [{ name: 'blog.example.com' }],
    },
    mistake: {
      zone,
      text: editedExampleCom(WWW_LINE, 'www      300 IN A    203.0.113.800'),
      lookups: [{ name: 'www.example.com' }],
    },
  };
}

export const zoneEditScenario: ZoneEditScenario = defineDnsLabScenario(
  'lab-dns-zone-edit',
  zoneEditPresets(),
  runZoneEdit,
);
