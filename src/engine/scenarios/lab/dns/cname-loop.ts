/**
 * CNAME chains and loops. A CNAME says "this name is an alias; ask for that one instead", and the
 * resolver follows it, across zones if needed (RFC 1034, Section 5.3.3). www.example.org is an
 * alias of cdn.example.net, which is an alias of edge.example.com: three zones, one answer. In
 * ping.test and pong.test, www.ping.test and www.pong.test are aliases of each other; the resolver
 * notices that it has seen a name before and stops with SERVFAIL instead of asking forever.
 */
import { Lane } from '../../../dns/lanes';
import type { TraceEvent } from '../../../trace';
import { defineDnsLabScenario, type DnsPresetId } from './define';
import { LookupSequence, type LookupReport } from './sequence';
import { noteParams } from './trace-notes';
import type { DnsLabRun, DnsLabScenario } from './types';

export interface CnameSettings {
  name: string;
}

export interface CnameOutcome {
  lookup: LookupReport;
  /**
   * The names the resolver went through: the name asked, then each CNAME's target in the order it
   * followed them. A loop ends with a name already in the list.
   */
  chain: string[];
  /** The name the resolver met a second time, or null when there was no loop. */
  loopAt: string | null;
}

export type CnameScenario = DnsLabScenario<'lab-dns-cname-loop', CnameSettings, CnameOutcome>;

export async function runCname(
  settings: CnameSettings,
  seed: number | string,
): Promise<DnsLabRun<CnameOutcome>> {
  const sequence = new LookupSequence({ seed });
  const lookup = await sequence.step({ name: settings.name });
  const loop = noteParams(sequence.recorder.events, 'dns.note.cname_loop', lookup.events)[0];
  return {
    trace: sequence.recorder.toTrace(),
    outcome: {
      lookup,
      chain: cnameChain(lookup.name, sequence.recorder.events.slice(...lookup.events)),
      loopAt: loop ? String(loop.name) : null,
    },
  };
}

/** The chain as the recursive resolver's cache saw it: each CNAME it stored or reused. */
function cnameChain(name: string, events: readonly TraceEvent[]): string[] {
  const chain = [name];
  const seen = new Set<string>();
  for (const e of events) {
    if (e.kind !== 'cache' || e.lane !== Lane.recursive || seen.has(e.key)) continue;
    if ((e.op === 'insert' || e.op === 'hit') && e.value?.startsWith('CNAME ')) {
      seen.add(e.key);
      chain.push(e.value.slice('CNAME '.length));
    }
  }
  return chain;
}

function cnamePresets(): Record<DnsPresetId<'lab-dns-cname-loop'>, CnameSettings> {
  return {
    loop: { name: 'www.ping.test' },
    chain: { name: 'www.example.org' },
  };
}

export const cnameScenario: CnameScenario = defineDnsLabScenario(
  'lab-dns-cname-loop',
  cnamePresets(),
  runCname,
);
