/**
 * Cache poisoning attempts, and the checks that stop them.
 *
 * Out-of-bailiwick records: ns1.poison.test adds to its answers an NS record claiming example.com
 * and addresses for www.example.com and ns1.example.com. A server asked about poison.test may only
 * speak for names under poison.test, so the resolver drops the rest (RFC 2181, Section 5.4.1;
 * Unbound's scrubber) and its cache never holds them.
 *
 * Forged responses: an attacker races the real example.com server with answers that give
 * www.example.com the attacker's address. Off the path, it must guess the query's 16-bit ID and the
 * resolver drops every wrong guess (RFC 5452); on the path, it reads the ID and the forgery is
 * accepted, which is why DNSSEC exists.
 */
import { cloneResolverState } from '../../../dns/lookup';
import { Name } from '../../../dns/name';
import { formatRData } from '../../../dns/present';
import { RRType } from '../../../dns/types';
import { SeededRng } from '../../../sim/rng';
import type { TraceEvent } from '../../../trace';
import { defineDnsLabScenario, type DnsPresetId } from './define';
import { ATTACKER_LANE, ResponseForger, type Forgery } from './forger';
import { LookupSequence, type LookupReport } from './sequence';
import { noteParams } from './trace-notes';
import type { DnsLabRun, DnsLabScenario } from './types';

/** The target of both attacks, and where the attacker would like it to point. */
export const POISON_TARGET = 'www.example.com';
export const ATTACKER_ADDRESS = '192.0.2.66';
/** ns1.example.com: the server the forgeries pretend to be (the resolver asks it first). */
const SPOOFED_SERVER = '203.0.113.10';
/** A day: what an attacker would ask for, so the poison stays as long as caches allow. */
const FORGED_TTL = 86_400;

export type PoisoningSettings =
  | { attack: 'out-of-bailiwick' }
  | {
      attack: 'forged-response';
      /** How many forged responses race the real one. */
      forgeries: number;
      /** True for an attacker on the path, who reads the query's ID. */
      attackerSeesQuery: boolean;
    };

/** A record the resolver refused to take from a server's response. */
export interface RefusedRecord {
  record: string;
  section: string;
  /** The zone the server was asked about: the record's owner lies outside it. */
  zone: string;
}

export interface ForgeryOutcome {
  id: number;
  queryId: number;
  /** Virtual ms since the run began at which it reached the resolver. */
  arrivedAtMs: number;
  /**
   * What the resolver did with it: dropped it as not an answer to its query, accepted it, or
   * never read it because it came after the resolver had its answer.
   */
  fate: 'dropped' | 'accepted' | 'too late';
}

export interface PoisoningOutcome {
  lookups: LookupReport[];
  /** Records the resolver scrubbed from responses (the out-of-bailiwick attack). */
  refused: RefusedRecord[];
  /** The forged responses and what the resolver did with each (the forged-response attack). */
  forgeries: ForgeryOutcome[];
  /** What the recursive resolver's cache holds for www.example.com A right after the attack. */
  cachedAfterAttack: string[] | null;
  /** The name servers it holds for example.com right after the attack ("ns1.example.com."…). */
  delegationAfterAttack: string[] | null;
  /** What the browser finally got for www.example.com. */
  browserGot: string[];
  /** The attacker's address reached the resolver's cache. */
  poisoned: boolean;
}

export type PoisoningScenario = DnsLabScenario<
  'lab-dns-poisoning',
  PoisoningSettings,
  PoisoningOutcome
>;

export async function runPoisoning(
  settings: PoisoningSettings,
  seed: number | string,
): Promise<DnsLabRun<PoisoningOutcome>> {
  const target = Name.parse(POISON_TARGET);
  const forger =
    settings.attack === 'forged-response'
      ? new ResponseForger({
          qname: target,
          qtype: RRType.A,
          server: SPOOFED_SERVER,
          forgedAddress: ATTACKER_ADDRESS,
          forgedTtl: FORGED_TTL,
          count: settings.forgeries,
          knowsId: settings.attackerSeesQuery,
          rng: new SeededRng(`${seed}/attacker`),
        })
      : undefined;
  const sequence = new LookupSequence({
    seed,
    ...(forger
      ? { extraLanes: [ATTACKER_LANE], wrapResolverTransport: (inner) => forger.over(inner) }
      : {}),
  });

  const lookups: LookupReport[] = [];
  // The out-of-bailiwick records come with an answer about poison.test; the forgeries race the
  // lookup of the target itself.
  if (settings.attack === 'out-of-bailiwick')
    lookups.push(await sequence.step({ name: 'www.poison.test' }));
  else lookups.push(await sequence.step({ name: POISON_TARGET }));
  const afterAttack = cachedFor(sequence, target);
  if (settings.attack === 'out-of-bailiwick')
    lookups.push(await sequence.step({ name: POISON_TARGET, afterSeconds: 1 }));

  const events = sequence.recorder.events;
  const forgeries = forger?.forgeries ?? [];
  drawFromAttacker(events, forgeries);
  const droppedIds = new Set(noteParams(events, 'dns.note.spoofed').map((p) => Number(p.gotId)));
  const last = lookups[lookups.length - 1]!;
  return {
    trace: sequence.recorder.toTrace(),
    outcome: {
      lookups,
      refused: noteParams(events, 'dns.note.out_of_bailiwick').map((p) => ({
        record: String(p.record),
        section: String(p.section),
        zone: String(p.zone),
      })),
      forgeries: forgeries.map((f) => ({
        id: f.id,
        queryId: f.queryId,
        arrivedAtMs: f.arrivedAt - sequence.start,
        fate: !f.delivered ? 'too late' : droppedIds.has(f.id) ? 'dropped' : 'accepted',
      })),
      ...afterAttack,
      browserGot: last.addresses,
      poisoned: afterAttack.cachedAfterAttack?.includes(ATTACKER_ADDRESS) ?? false,
    },
  };
}

/**
 * What the recursive resolver holds for `name` (its A record) and for its zone's delegation, read
 * from a copy so nothing expires in the real caches.
 */
function cachedFor(
  sequence: LookupSequence,
  name: Name,
): Pick<PoisoningOutcome, 'cachedAfterAttack' | 'delegationAfterAttack'> {
  const copy = cloneResolverState(sequence.state);
  const hit = copy.recursive.responses.peek(name, RRType.A, sequence.now);
  const cut = copy.recursive.delegations.closest(name.parent(), sequence.now).hit;
  return {
    cachedAfterAttack:
      hit?.value.kind === 'records' ? hit.value.records.map((rr) => formatRData(rr.data)) : null,
    delegationAfterAttack:
      cut && cut.delegation.zone.equals(name.parent())
        ? cut.delegation.servers.map((s) => s.name.toString())
        : null,
  };
}

/**
 * A forgery claims the real server as its source, and the resolver cannot tell otherwise; the
 * diagram draws it from the lane of the one who really sent it.
 */
function drawFromAttacker(events: readonly TraceEvent[], forgeries: readonly Forgery[]): void {
  const forged = new Set(forgeries.map((f) => f.bytes));
  for (const event of events)
    if (event.kind === 'message' && forged.has(event.bytes)) event.from = ATTACKER_LANE;
}

function poisoningPresets(): Record<DnsPresetId<'lab-dns-poisoning'>, PoisoningSettings> {
  return {
    'out-of-bailiwick': { attack: 'out-of-bailiwick' },
    'off-path-forgery': { attack: 'forged-response', forgeries: 3, attackerSeesQuery: false },
    'on-path-forgery': { attack: 'forged-response', forgeries: 1, attackerSeesQuery: true },
  };
}

export const poisoningScenario: PoisoningScenario = defineDnsLabScenario(
  'lab-dns-poisoning',
  poisoningPresets(),
  runPoisoning,
);
