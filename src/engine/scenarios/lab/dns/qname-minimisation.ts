/**
 * QNAME minimisation (RFC 9156). Without it, the resolver sends the whole name to every server on
 * the way down, so a root server learns that someone wants www.shop.example.com. With it, each
 * server is asked only for one label more than the zone it serves (RFC 9156, Section 2): the root
 * sees "com", the com servers see "example.com", and only the servers of shop.example.com see the
 * full name. The answer is the same either way.
 */
import { defineDnsLabScenario, type DnsPresetId } from './define';
import { LookupSequence, type LookupReport } from './sequence';
import type { DnsLabRun, DnsLabScenario } from './types';

export interface QnameMinimisationSettings {
  name: string;
  type: string;
  qnameMinimisation: boolean;
}

/** What one server learned: every name it was asked about, in order. */
export interface ServerView {
  server: string;
  address: string;
  /** 'Root', 'TLD' or 'Authoritative'. */
  lane: string;
  /** "www.shop.example.com. A", or "com. A" when minimised. */
  saw: string[];
}

export interface QnameMinimisationOutcome {
  lookup: LookupReport;
  /** Per server, in the order they were first asked. */
  servers: ServerView[];
}

export type QnameMinimisationScenario = DnsLabScenario<
  'lab-dns-qname-minimisation',
  QnameMinimisationSettings,
  QnameMinimisationOutcome
>;

export async function runQnameMinimisation(
  settings: QnameMinimisationSettings,
  seed: number | string,
): Promise<DnsLabRun<QnameMinimisationOutcome>> {
  const sequence = new LookupSequence({ seed, qnameMinimisation: settings.qnameMinimisation });
  const lookup = await sequence.step({ name: settings.name, type: settings.type });
  const servers: ServerView[] = [];
  for (const q of lookup.queries) {
    let view = servers.find((s) => s.address === q.address);
    if (!view) {
      view = { server: q.server, address: q.address, lane: q.lane, saw: [] };
      servers.push(view);
    }
    view.saw.push(`${q.qname} ${q.qtype}`);
  }
  return { trace: sequence.recorder.toTrace(), outcome: { lookup, servers } };
}

function qnamePresets(): Record<
  DnsPresetId<'lab-dns-qname-minimisation'>,
  QnameMinimisationSettings
> {
  const name = 'www.shop.example.com';
  return {
    off: { name, type: 'A', qnameMinimisation: false },
    on: { name, type: 'A', qnameMinimisation: true },
  };
}

export const qnameMinimisationScenario: QnameMinimisationScenario = defineDnsLabScenario(
  'lab-dns-qname-minimisation',
  qnamePresets(),
  runQnameMinimisation,
);
