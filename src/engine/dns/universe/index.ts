/**
 * The built-in demo universe: a small internet described as data (root, TLD and authoritative
 * servers with their zones and behaviours), like hickory-dns's test fixtures.
 */
import { Name } from '../name';
import { Zone } from '../zone/zone';
import { RRClass, RRType, type ResourceRecord } from '../types';
import { ROOT_ZONE } from './root';
import { COM_ZONE, NET_ZONE, ORG_ZONE, TEST_ZONE } from './tlds';
import {
  DOWN_TEST_ZONE,
  EXAMPLE_COM_ZONE,
  EXAMPLE_NET_ZONE,
  EXAMPLE_ORG_ZONE,
  LAME_TEST_ZONE,
  PING_TEST_ZONE,
  PONG_TEST_ZONE,
  POISON_TEST_ZONE,
  SERVFAIL_TEST_ZONE,
  SHOP_EXAMPLE_COM_ZONE,
  WIRESTEP_TEST_ZONE,
} from './leaves';

/** The master-file text of every zone of the demo universe, as shipped, root first. */
export const DEMO_ZONE_TEXTS: readonly string[] = [
  ROOT_ZONE,
  COM_ZONE,
  NET_ZONE,
  ORG_ZONE,
  TEST_ZONE,
  EXAMPLE_COM_ZONE,
  SHOP_EXAMPLE_COM_ZONE,
  EXAMPLE_NET_ZONE,
  EXAMPLE_ORG_ZONE,
  WIRESTEP_TEST_ZONE,
  LAME_TEST_ZONE,
  DOWN_TEST_ZONE,
  SERVFAIL_TEST_ZONE,
  POISON_TEST_ZONE,
  PING_TEST_ZONE,
  PONG_TEST_ZONE,
];

/** How a demo server misbehaves, if it does. */
export type ServerBehaviour =
  | { kind: 'normal' }
  /** Never answers: every query to it is lost and times out. */
  | { kind: 'down' }
  /** Answers SERVFAIL to everything. */
  | { kind: 'servfail' }
  /**
   * A lame server: listed as a name server but not serving the zone. 'refused' answers REFUSED;
   * 'no-referral' answers NOERROR without AA, without data and without a referral.
   */
  | { kind: 'lame'; mode: 'refused' | 'no-referral' }
  /** Adds these records (for names outside its zones) to every answer: a poisoning attempt. */
  | { kind: 'inject'; authority: ResourceRecord[]; additional: ResourceRecord[] };

export interface DemoServer {
  address: string;
  name: Name;
  zones: Zone[];
  behaviour: ServerBehaviour;
}

export interface RootHint {
  name: Name;
  address: string;
}

export interface DemoUniverse {
  servers: DemoServer[];
  rootHints: RootHint[];
}

const n = Name.parse;

function injected(): ServerBehaviour {
  const rr = (name: string, type: RRType, data: ResourceRecord['data']): ResourceRecord => ({
    name: n(name),
    type,
    class: RRClass.IN,
    ttl: 86400,
    data,
  });
  return {
    kind: 'inject',
    // A claim to be a name server for example.com, and an address for www.example.com.
    authority: [rr('example.com', RRType.NS, { kind: 'NS', host: n('ns1.poison.test') })],
    additional: [
      rr('www.example.com', RRType.A, { kind: 'A', address: '192.0.2.66' }),
      rr('ns1.example.com', RRType.A, { kind: 'A', address: '192.0.2.66' }),
    ],
  };
}

export function buildDemoUniverse(): DemoUniverse {
  const zone = (text: string) => Zone.parse(text);
  const root = zone(ROOT_ZONE);
  const com = zone(COM_ZONE);
  const net = zone(NET_ZONE);
  const exampleNet = zone(EXAMPLE_NET_ZONE);
  const exampleOrg = zone(EXAMPLE_ORG_ZONE);
  const ping = zone(PING_TEST_ZONE);
  const pong = zone(PONG_TEST_ZONE);
  const normal: ServerBehaviour = { kind: 'normal' };
  const server = (
    name: string,
    address: string,
    zones: Zone[],
    behaviour: ServerBehaviour = normal,
  ): DemoServer => ({
    name: n(name),
    address,
    zones,
    behaviour,
  });
  const servers: DemoServer[] = [
    server('a.root-servers.net', '198.41.0.4', [root]),
    server('b.root-servers.net', '170.247.170.2', [root]),
    server('c.root-servers.net', '192.33.4.12', [root]),
    server('a.gtld-servers.net', '192.0.2.30', [com, net]),
    server('b.gtld-servers.net', '192.0.2.31', [com, net]),
    server('a0.org-servers.org', '192.0.2.40', [zone(ORG_ZONE)]),
    server('ns1.nic.test', '192.0.2.50', [zone(TEST_ZONE)]),
    server('ns1.example.com', '203.0.113.10', [zone(EXAMPLE_COM_ZONE)]),
    server('ns2.example.com', '203.0.113.11', [zone(EXAMPLE_COM_ZONE)]),
    server('ns1.shop.example.com', '203.0.113.20', [zone(SHOP_EXAMPLE_COM_ZONE)]),
    server('ns1.example.net', '198.51.100.10', [exampleNet, exampleOrg]),
    server('ns2.example.net', '198.51.100.11', [exampleNet, exampleOrg]),
    server('ns1.wirestep.test', '192.0.2.110', [zone(WIRESTEP_TEST_ZONE)]),
    server('ns1.lame.test', '192.0.2.60', [], { kind: 'lame', mode: 'refused' }),
    server('ns2.lame.test', '192.0.2.61', [zone(LAME_TEST_ZONE)]),
    server('ns1.down.test', '192.0.2.70', [zone(DOWN_TEST_ZONE)], { kind: 'down' }),
    server('ns2.down.test', '192.0.2.71', [zone(DOWN_TEST_ZONE)]),
    server('ns1.servfail.test', '192.0.2.80', [zone(SERVFAIL_TEST_ZONE)], { kind: 'servfail' }),
    server('ns1.poison.test', '192.0.2.90', [zone(POISON_TEST_ZONE)], injected()),
    server('ns1.ping.test', '192.0.2.100', [ping, pong]),
  ];
  const rootHints = servers
    .filter((s) => s.zones.includes(root))
    .map((s) => ({ name: s.name, address: s.address }));
  return { servers, rootHints };
}
