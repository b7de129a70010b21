/**
 * Servers that do not do their job. A down server never answers: the resolver waits for its
 * timeout, then asks the zone's next server (RFC 1034, Section 5.3.3, step 4). A lame server is
 * listed as a name server but does not serve the zone: it answers REFUSED, and the resolver moves
 * on at once. When every server of a zone fails, the resolver gives up with SERVFAIL.
 */
import { Lane } from '../../../dns/lanes';
import { defineDnsLabScenario, type DnsPresetId } from './define';
import { LookupSequence, type LookupReport } from './sequence';
import { noteParams, notesOf } from './trace-notes';
import type { DnsLabRun, DnsLabScenario } from './types';

export interface BrokenServersSettings {
  name: string;
}

/** A server the resolver gave up on, and why. */
export interface FailedServer {
  server: string;
  address: string;
  /**
   * 'timeout', or why the answer was unusable: an rcode ('REFUSED', 'SERVFAIL') or a key of the UI's
   * `values` table ('lame.not_authoritative').
   */
  why: string;
  /** For a timeout: how long the resolver waited (ms). */
  waitedMs?: number;
}

export interface BrokenServersOutcome {
  lookup: LookupReport;
  failed: FailedServer[];
  /** The server whose answer the resolver used, or null when none gave a usable one. */
  answeredBy: { server: string; address: string } | null;
  /** The resolver ran out of servers for a zone. */
  allServersFailed: boolean;
}

export type BrokenServersScenario = DnsLabScenario<
  'lab-dns-broken-servers',
  BrokenServersSettings,
  BrokenServersOutcome
>;

export async function runBrokenServers(
  settings: BrokenServersSettings,
  seed: number | string,
): Promise<DnsLabRun<BrokenServersOutcome>> {
  const sequence = new LookupSequence({ seed });
  const lookup = await sequence.step({ name: settings.name });
  const events = sequence.recorder.events;
  const failed: FailedServer[] = [
    // The recursive resolver's own timeouts (a stub's would be on the Browser or OS lane).
    ...notesOf(events, 'dns.note.timeout', lookup.events)
      .filter((n) => n.lane === Lane.recursive)
      .map((n) => n.params ?? {})
      .map((p) => ({
        server: String(p.server),
        address: String(p.address),
        why: 'timeout',
        waitedMs: Number(p.ms),
      })),
    ...noteParams(events, 'dns.note.lame', lookup.events).map((p) => ({
      server: String(p.server),
      address: String(p.address),
      why: String(p.reason),
    })),
  ];
  // The server that gave the final answer: a response (not a referral) from a server that did
  // not fail.
  const isFailure = (address: string) => failed.some((f) => f.address === address);
  const used = [...lookup.queries]
    .reverse()
    .find((q) => q.reply?.startsWith('Response') && !isFailure(q.address));
  return {
    trace: sequence.recorder.toTrace(),
    outcome: {
      lookup,
      failed,
      answeredBy: used ? { server: used.server, address: used.address } : null,
      allServersFailed: noteParams(events, 'dns.note.all_servers_failed', lookup.events).length > 0,
    },
  };
}

function brokenServersPresets(): Record<
  DnsPresetId<'lab-dns-broken-servers'>,
  BrokenServersSettings
> {
  return {
    'down-server': { name: 'www.down.test' },
    'lame-delegation': { name: 'www.lame.test' },
    'every-server-fails': { name: 'www.servfail.test' },
  };
}

export const brokenServersScenario: BrokenServersScenario = defineDnsLabScenario(
  'lab-dns-broken-servers',
  brokenServersPresets(),
  runBrokenServers,
);
