/**
 * Every English sentence the DNS lab shows, in one table, so it can be translated in one place.
 * Keys are scenario ids and preset ids; the UI looks its own translations up by the same keys and
 * falls back to these. Sentences are short and literal on purpose: they are written to be
 * translated (many classrooms that use Wirestep are Korean).
 */

export interface DnsLabText {
  title: string;
  /** Titles of the named starting points, by preset id. */
  presets: Record<string, string>;
}

export const DNS_LAB_TEXT = {
  'lab-dns-time-travel': {
    title: 'Time travel through the caches',
    presets: {
      'layer-by-layer': 'The caches expire one layer at a time',
      'short-ttl': 'A 30-second TTL, and the browser’s fixed minute',
      'same-zone': 'Another name in a zone the resolver already knows',
    },
  },
  'lab-dns-negative': {
    title: 'Names that do not exist',
    presets: {
      nxdomain: 'A name that does not exist, asked twice',
      'nxdomain-other-type': 'The same name, another record type',
      nodata: 'A name without the record type asked',
      'negative-expired': 'Asked again after the negative TTL',
    },
  },
  'lab-dns-broken-servers': {
    title: 'Servers that fail',
    presets: {
      'down-server': 'A server that does not answer',
      'lame-delegation': 'A server that does not serve the zone',
      'every-server-fails': 'Every server fails',
    },
  },
  'lab-dns-poisoning': {
    title: 'Cache poisoning',
    presets: {
      'out-of-bailiwick': 'Records for another zone in an answer',
      'off-path-forgery': 'Forged answers with guessed IDs',
      'on-path-forgery': 'A forged answer from an attacker who sees the query',
    },
  },
  'lab-dns-cname-loop': {
    title: 'CNAME chains and loops',
    presets: {
      loop: 'Two names that are aliases of each other',
      chain: 'A chain of aliases across three zones',
    },
  },
  'lab-dns-gslb-failover': {
    title: 'Failover with DNS (GSLB)',
    presets: {
      'ttl-60': 'TTL 60 seconds, a check every 30 seconds',
      'ttl-300': 'TTL 300 seconds, a check every 30 seconds',
      'fast-checks': 'TTL 60 seconds, a check every 10 seconds',
    },
  },
  'lab-dns-qname-minimisation': {
    title: 'QNAME minimisation',
    presets: {
      off: 'Full names to every server',
      on: 'One more label at a time',
    },
  },
  'lab-dns-zone-edit': {
    title: 'Edit a zone',
    presets: {
      'move-www': 'Give www.example.com a new address',
      'add-alias': 'Add an alias for www.example.com',
      mistake: 'A line with a mistake',
    },
  },
} as const satisfies Record<string, DnsLabText>;

export type DnsLabScenarioId = keyof typeof DNS_LAB_TEXT;

/**
 * The notes the DNS lab adds to a Trace, in English ({name} is a note parameter). The engine's
 * own notes (dns.note.*) are in the UI's language tables already.
 */
export const DNS_LAB_NOTE_TEXT: Record<string, string> = {
  'lab.dns.note.time_passed': '{seconds} seconds later.',
  'lab.dns.note.browser_restarted': 'The browser restarts: its host cache is empty.',
  'lab.dns.note.computer_restarted':
    'The computer restarts: the browser’s and the OS resolver’s caches are empty. The recursive resolver is elsewhere and keeps its cache.',
  'lab.dns.note.server_stopped': 'The server at {address} is switched off.',
  'lab.dns.note.probe_failed':
    'No TCP connection to {target} within {seconds} seconds: the check failed ({failures} in a row; {threshold} make the server unhealthy).',
  'lab.dns.note.failover':
    'The health check says the primary is down: the authoritative servers now answer {name} with {to} instead of {from}.',
  'lab.dns.note.failback':
    'The primary is healthy again: the authoritative servers answer {name} with {to} again.',
};
