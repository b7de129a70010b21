/**
 * The named scenarios, as data: what to run and with which settings. The UI's scenario picker and
 * the CLI both read this list, so a scenario means the same run everywhere (one seed,
 * the same bytes). Titles are English here because the CLI prints them; the UI shows its own
 * translations, keyed by scenario id, and falls back to these. The lessons are in ./lessons.ts,
 * but the default's, which the first drawing shows.
 */
import { JOURNEY_TEXT } from './journey/text';
import { DNS_LAB_TEXT } from './lab/dns/text';
import { LAB_TEXT } from './lab/text';
import { cipherSuite, type CipherSuite } from '../tls/enums';

/** The cipher suites the demo server can negotiate (src/engine/tls/suites.ts), in its preference order. */
export const DEMO_SUITES = [0xc02f, 0xc030, 0xcca8, 0xc02b] as const;
export type DemoSuite = (typeof DEMO_SUITES)[number];

/**
 * Which suites the client offers. 'all' offers the four in the server's own order, so the server
 * picks 0xc02f. A single suite makes the client offer only that one: that is the only way to get
 * 0xc02b, because the server prefers its own order and lists the RSA suites first.
 */
export type SuiteChoice = 'all' | DemoSuite;

/** The TLS versions both sides of a run speak; with both, TLS 1.3 wins (RFC 8446, Section 4.2.1). */
export const TLS_VERSION_CHOICES = ['1.2', '1.3', '1.2,1.3'] as const;
export type TlsVersionChoice = (typeof TLS_VERSION_CHOICES)[number];

export interface TlsSettings {
  kind: 'tls';
  /** Absent: TLS 1.2, the version the first scenarios teach. */
  versions?: TlsVersionChoice;
  /**
   * TLS 1.3: the client sends a key share only for x25519, which this server does not take, so it
   * answers with a HelloRetryRequest for secp256r1 (RFC 8446, Section 4.1.4).
   */
  helloRetry?: boolean;
  /**
   * The connections after the first resume the session the first one made: TLS 1.3 with a PSK
   * from its NewSessionTicket (RFC 8446, Section 2.2), TLS 1.2 by ticket or session ID.
   */
  resume?: boolean;
  /**
   * The same request over TLS 1.2 and over TLS 1.3, started at the same moment and drawn on one
   * time axis, each connection in its own pair of lanes.
   */
  compareVersions?: boolean;
  /**
   * TLS 1.3: after the handshake the client updates its traffic keys with a KeyUpdate that asks
   * the server to update its own (RFC 8446, Section 4.6.3).
   */
  keyUpdate?: boolean;
  serverName: string;
  suite: SuiteChoice;
  seed: string;
  /** Connections run back to back, each with its own seed derived from `seed`; 1 by default. */
  connections?: number;
  /**
   * The server asks for a client certificate (CertificateRequest) and goes on without one; the
   * client has none and answers with an empty Certificate (RFC 5246, Section 7.4.6).
   */
  requestClientCertificate?: boolean;
}

/** The record types the DNS settings offer. */
export const DNS_QUERY_TYPES = ['A', 'AAAA', 'MX', 'TXT', 'NS'] as const;
export type DnsQueryType = (typeof DNS_QUERY_TYPES)[number];

/** One lookup of a scenario, `afterSeconds` of virtual time after the previous lookup started. */
export interface DnsLookupStep {
  afterSeconds: number;
}

export interface DnsSettings {
  kind: 'dns';
  name: string;
  type: DnsQueryType;
  seed: string;
  /**
   * The lookups, in order, sharing one resolver state (its caches). The diagram shows them all;
   * the lesson is usually about the last one.
   */
  lookups: DnsLookupStep[];
}

/**
 * A lab scenario (src/engine/scenarios/lab, lab/dns, journey): it runs with its own settings,
 * which the lab panel edits. Only the text lives here, so the picker never loads the engine.
 */
export interface LabSettings {
  kind: 'lab';
  /** The lab scenario's id, e.g. 'lab-tls-negotiation'. */
  lab: string;
  seed: string;
  /** The preset the settings started from. */
  preset: string;
  /** The scenario's own settings as edited; absent: those of `preset`. */
  params?: unknown;
}

export type ScenarioSettings = TlsSettings | DnsSettings | LabSettings;

/** How the picker groups the scenarios. */
export type ScenarioGroup = 'basics' | 'tls-lab' | 'dns-lab' | 'journey';

export interface Scenario {
  id: string;
  title: string;
  /**
   * A short paragraph: what to watch for. Here only for the default scenario, whose lesson the
   * first drawing shows; the others are in ./lessons.ts and the lab's own tables
   * (lab/lessons.ts, lab/dns/lessons.ts, journey/lesson.ts), which the page loads when it shows
   * another scenario, so the first load does not carry them.
   */
  lesson?: string;
  settings: ScenarioSettings;
  /** The picker's group; 'basics' when absent. */
  group?: ScenarioGroup;
  /** Hidden from the picker: runs for benchmarks and stress tests, reachable by id (`?scenario=`). */
  unlisted?: boolean;
  /** A lab scenario's preset ids, in the picker's order (the first is its default). */
  presets?: readonly string[];
}

/** One picker entry per lab scenario, from its text table; it opens on its first preset. */
function labEntries(
  group: ScenarioGroup,
  table: Readonly<Record<string, { title: string; presets: object }>>,
): Scenario[] {
  return Object.entries(table).map(([id, text]) => ({
    id,
    title: text.title,
    group,
    presets: Object.keys(text.presets),
    settings: { kind: 'lab', lab: id, seed: '1', preset: Object.keys(text.presets)[0]! },
  }));
}

/**
 * Past the TTL of www.example.com's A record (300 s) and of every cache's copy of it, but inside
 * the delegations' TTL (a day): an hour and a minute.
 */
const PAST_ANSWER_TTL_SECONDS = 3_660;

/**
 * Past the browser's own cap on cached answers (one minute, like Chromium's host cache) but well
 * inside the answer's TTL, so the OS resolver's cache answers.
 */
const BROWSER_CACHE_EXPIRED_SECONDS = 90;

/** Past every TTL in the demo zones (delegations live a day), so each lookup starts cold. */
const ALL_CACHES_EXPIRED_SECONDS = 2 * 86_400 + 60;

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'tls-full',
    title: 'TLS 1.2 full handshake',
    lesson:
      'A browser and a server agree on a cipher suite, the server proves who it is with a certificate and a signature, and both sides derive the same keys from an ECDHE exchange without ever sending them. Watch the Finished messages: they are the first encrypted records, and each one proves that the side sending it saw the same handshake.',
    settings: { kind: 'tls', serverName: 'www.example.com', suite: 'all', seed: '1' },
  },
  {
    id: 'tls-client-certificate',
    title: 'TLS 1.2 when the server asks for a client certificate',
    settings: {
      kind: 'tls',
      serverName: 'www.example.com',
      suite: 'all',
      seed: '1',
      requestClientCertificate: true,
    },
  },
  {
    id: 'tls13-full',
    title: 'TLS 1.3 full handshake',
    settings: {
      kind: 'tls',
      serverName: 'www.example.com',
      suite: 'all',
      seed: '1',
      versions: '1.3',
    },
  },
  {
    id: 'tls13-hello-retry',
    title: 'TLS 1.3 with a HelloRetryRequest',
    settings: {
      kind: 'tls',
      serverName: 'www.example.com',
      suite: 'all',
      seed: '1',
      versions: '1.3',
      helloRetry: true,
    },
  },
  {
    id: 'tls13-resumption',
    title: 'TLS 1.3 resumption (PSK)',
    settings: {
      kind: 'tls',
      serverName: 'www.example.com',
      suite: 'all',
      seed: '1',
      versions: '1.3',
      connections: 2,
      resume: true,
    },
  },
  {
    id: 'tls13-key-update',
    title: 'TLS 1.3 with a KeyUpdate',
    settings: {
      kind: 'tls',
      serverName: 'www.example.com',
      suite: 'all',
      seed: '1',
      versions: '1.3',
      keyUpdate: true,
    },
  },
  {
    id: 'tls-versions-compare',
    title: 'TLS 1.2 and TLS 1.3 side by side',
    settings: {
      kind: 'tls',
      serverName: 'www.example.com',
      suite: 'all',
      seed: '1',
      compareVersions: true,
    },
  },
  {
    id: 'dns-cold',
    title: 'DNS lookup (cold cache)',
    settings: {
      kind: 'dns',
      name: 'www.example.com',
      type: 'A',
      seed: '1',
      lookups: [{ afterSeconds: 0 }],
    },
  },
  {
    id: 'dns-warm',
    title: 'DNS lookup again (warm cache)',
    settings: {
      kind: 'dns',
      name: 'www.example.com',
      type: 'A',
      seed: '1',
      lookups: [{ afterSeconds: 0 }, { afterSeconds: BROWSER_CACHE_EXPIRED_SECONDS }],
    },
  },
  {
    id: 'dns-expired',
    title: 'DNS lookup after the TTL has passed',
    settings: {
      kind: 'dns',
      name: 'www.example.com',
      type: 'A',
      seed: '1',
      lookups: [{ afterSeconds: 0 }, { afterSeconds: PAST_ANSWER_TTL_SECONDS }],
    },
  },
  {
    id: 'tls-bench-20',
    title: '20 TLS connections back to back',
    settings: {
      kind: 'tls',
      serverName: 'www.example.com',
      suite: 'all',
      seed: '1',
      connections: 20,
    },
    unlisted: true,
  },
  {
    id: 'dns-bench-30',
    title: '30 DNS lookups back to back',
    settings: {
      kind: 'dns',
      name: 'www.example.com',
      type: 'A',
      seed: '1',
      lookups: Array.from({ length: 30 }, (_, i) => ({
        afterSeconds: i === 0 ? 0 : ALL_CACHES_EXPIRED_SECONDS,
      })),
    },
    unlisted: true,
  },
  ...labEntries('tls-lab', LAB_TEXT),
  ...labEntries('dns-lab', DNS_LAB_TEXT),
  // The id is JOURNEY_ID (journey/journey.ts); that module is the engine, its text is not.
  ...labEntries('journey', { 'journey-visit': JOURNEY_TEXT }),
];

export const DEFAULT_SCENARIO_ID = 'tls-full';

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/** The client's cipher_suites for a suite choice (RFC 5246, Section 7.4.1.2). */
export function offeredSuites(choice: SuiteChoice): CipherSuite[] {
  return (choice === 'all' ? [...DEMO_SUITES] : [choice]).map(cipherSuite);
}
