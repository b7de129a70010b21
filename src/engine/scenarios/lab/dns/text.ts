/**
 * Every English sentence the DNS lab shows, in one table, so it can be translated in one place.
 * Keys are scenario ids and preset ids; the UI looks its own translations up by the same keys and
 * falls back to these. Sentences are short and literal on purpose: they are written to be
 * translated (many classrooms that use Wirestep are Korean).
 */

export interface DnsLabText {
  title: string;
  /** One paragraph: what to watch for. */
  lesson: string;
  /** Titles of the named starting points, by preset id. */
  presets: Record<string, string>;
}

export const DNS_LAB_TEXT = {
  'lab-dns-time-travel': {
    title: 'Time travel through the caches',
    lesson:
      'Look up the same name again and again while the clock jumps forward. Each layer keeps its own copy of the answer for its own time. The browser keeps any answer for exactly one minute, even when the record’s TTL is shorter. The OS resolver and the recursive resolver keep it for the record’s TTL, counting down from the moment they got it. The recursive resolver also remembers which servers serve com. and example.com. Those delegations last a day, so after the answer has expired it can skip the root and the TLD and ask the example.com servers directly. Each lookup stops at the first layer that still has a copy. Restarting the computer empties the browser’s and the OS resolver’s caches, but not the recursive resolver’s, which runs at your internet provider. The table shows which layer answered each lookup, and how many seconds each cache had left.',
    presets: {
      'layer-by-layer': 'The caches expire one layer at a time',
      'short-ttl': 'A 30-second TTL, and the browser’s fixed minute',
      'same-zone': 'Another name in a zone the resolver already knows',
    },
  },
  'lab-dns-negative': {
    title: 'Names that do not exist',
    lesson:
      'When a name does not exist, the authoritative server answers NXDOMAIN. When the name exists but has no record of the type asked, it answers NOERROR with an empty answer, called NODATA. Both answers carry the zone’s SOA record, and its numbers say how long the answer may be cached: the smaller of the SOA’s own TTL and its MINIMUM field. The second lookup is answered from that negative cache, and no query goes out. An NXDOMAIN covers every type of the name, but a NODATA covers only the type that was asked. Browsers do not cache negative answers at all, so the OS resolver is the first layer that remembers one.',
    presets: {
      nxdomain: 'A name that does not exist, asked twice',
      'nxdomain-other-type': 'The same name, another record type',
      nodata: 'A name without the record type asked',
      'negative-expired': 'Asked again after the negative TTL',
    },
  },
  'lab-dns-broken-servers': {
    title: 'Servers that fail',
    lesson:
      'Every zone has more than one name server, so that one can fail. When a server does not answer, the resolver waits for a short timeout and then asks the next server of the same zone. When a server answers but does not serve the zone (a lame delegation), it refuses the query, and the resolver moves on at once. The lookup still succeeds, only later. When every server of a zone fails, the resolver has nobody left to ask and answers SERVFAIL.',
    presets: {
      'down-server': 'A server that does not answer',
      'lame-delegation': 'A server that does not serve the zone',
      'every-server-fails': 'Every server fails',
    },
  },
  'lab-dns-poisoning': {
    title: 'Cache poisoning',
    lesson:
      'An attacker wants the resolver to remember a false address for www.example.com, so that every user of the resolver is sent to the attacker. In the first attempt, a server that the attacker controls adds records for example.com to its answers about its own zone. The resolver accepts records only for names inside the zone it asked about, so it drops them, and its cache never holds them. In the second attempt, the attacker sends forged answers that look as if they come from the real server, and makes them arrive first. Each query carries a random 16-bit ID, and a response that does not repeat it is dropped, while the resolver keeps waiting for the real answer. An attacker on the path between the resolver and the server can read the ID, and then the forged answer is accepted. DNSSEC signatures exist to stop that.',
    presets: {
      'out-of-bailiwick': 'Records for another zone in an answer',
      'off-path-forgery': 'Forged answers with guessed IDs',
      'on-path-forgery': 'A forged answer from an attacker who sees the query',
    },
  },
  'lab-dns-cname-loop': {
    title: 'CNAME chains and loops',
    lesson:
      'A CNAME record says that a name is an alias for another name. The resolver then looks up that other name, even in another zone, until it finds an address. www.example.org is an alias for cdn.example.net, which is an alias for edge.example.com: three zones, one answer. When two names are aliases of each other, the chain never ends. The resolver notices that it has seen a name before, stops, and answers SERVFAIL.',
    presets: {
      loop: 'Two names that are aliases of each other',
      chain: 'A chain of aliases across three zones',
    },
  },
  'lab-dns-gslb-failover': {
    title: 'Failover with DNS (GSLB)',
    lesson:
      'app.example.com has a primary and a secondary server. A health checker opens a TCP connection to the primary every interval. At 100 seconds, the primary is switched off. The checks start to fail, and after three failures in a row the authoritative servers answer with the secondary address instead. But the caches on the way still hold the old answer, and they keep using it until its TTL runs out. The browser keeps whatever it got for a full minute, even when the TTL had only a few seconds left. During all that time, users are sent to a server that is off. Compare the TTLs: the table shows, for every lookup, what the authoritative servers answered and what the browser actually got. Failover with DNS is only as fast as the health checks plus the TTL.',
    presets: {
      'ttl-60': 'TTL 60 seconds, a check every 30 seconds',
      'ttl-300': 'TTL 300 seconds, a check every 30 seconds',
      'fast-checks': 'TTL 60 seconds, a check every 10 seconds',
    },
  },
  'lab-dns-qname-minimisation': {
    title: 'QNAME minimisation',
    lesson:
      'Without QNAME minimisation, the resolver sends the full name to every server on the way down, so a root server learns that someone wants www.shop.example.com. It does not need to know that: it only refers the resolver to the com servers. With QNAME minimisation, the resolver asks each server for just one label more than the zone that the server is known to serve. The root sees only com, the com servers see only example.com, and only the servers of shop.example.com see the full name. The answer is the same, and fewer servers learn what you looked up.',
    presets: {
      off: 'Full names to every server',
      on: 'One more label at a time',
    },
  },
  'lab-dns-zone-edit': {
    title: 'Edit a zone',
    lesson:
      'A zone is a text file. Each line is one record: a name, a TTL, a class, a type, and the data. Change a line, and the next lookup shows the change at once, because these lookups start with empty caches. A real resolver would keep the old answer until its TTL runs out. If a line has a mistake, the zone is not loaded, and the error names the line.',
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
