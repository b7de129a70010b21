/**
 * The English text of DNS: what each kind of message, each field, each note of the resolver and
 * each response code means. Fetched once a trace with DNS in it is on screen, or with the lab
 * (src/ui/lazy.ts), not before the first drawing of the default TLS handshake; ./index.ts merges it
 * into the English table (en.ts), and the Korean table (ko.ts) holds all of it.
 */
import { DNS_MESSAGE_TEXT_EN } from '../../i18n/dns-message.en';
import { ZONE_TEXT_EN } from '../../i18n/zone.en';
import type { Table } from './en';

/**
 * DNS message kinds. The engine names each message; the UI classifies it (query, referral,
 * answer, …) from its header and sections, and explains the kind.
 */
const dns = {
  queryStub:
    'The {from} asks the {to} for the {type} records of {name}, with RD (recursion desired) set: “find the answer for me”. A DNS query is one small UDP datagram: a 16-bit ID that the reply must echo, a few flags and one question.',
  queryIterative:
    'The recursive resolver asks {server}, {to@a/an} server, for the {type} records of {name}, without RD: “answer if you can, or tell me whom to ask next”. This is iterative resolution, one level of the tree at a time.',
  referral:
    '{server} does not hold {name}, but knows who is closer: it returns the NS records of the next zone down in the authority section, and their addresses (glue) in the additional section. A referral is a normal result, not an error; the resolver caches the delegation and asks the next server.',
  answer:
    'The {from} passes the answer on: the {type} records of {name}. The TTL on each record says how many seconds a cache may keep it, and every cache on the way back stores it, so the next lookup can be answered sooner.',
  answerAuthoritative:
    '{server}, authoritative for the zone, answers with the {type} records of {name}, with AA (authoritative answer) set. The TTL on each record says how many seconds caches may keep it; every cache on the way back stores it.',
  answerFromCache:
    'The {from} answers from its own cache, without asking anyone. The TTL in the reply is what is left of the original TTL, counted down by the time since the record was cached.',
  nodata:
    '{name} exists but has no {type} records: NOERROR with an empty answer, called NODATA. The SOA record in the authority section tells caches how long they may remember that (RFC 2308).',
  nxdomain:
    '{name} does not exist (NXDOMAIN). The SOA record in the authority section tells caches how long they may remember that: the smaller of its TTL and its MINIMUM field (RFC 2308, Section 5).',
  failure: 'The {from} could not answer: {rcode}. The asker has to try another server or give up.',
  unknown: 'A DNS message from the {from} to the {to}.',
};

/** What each DNS response code means (RFC 1035, Section 4.1.1; RFC 2136; RFC 6895). */
const rcodes: Table = {
  NOERROR: 'No error: the server answered the question (the answer may still be empty).',
  FORMERR: 'Format error: the server could not understand the query.',
  SERVFAIL:
    'Server failure: the server could not produce an answer, for example because no server further down the tree responded.',
  NXDOMAIN: 'Non-existent domain: the name does not exist at all.',
  NOTIMP: 'Not implemented: the server does not support this kind of query.',
  REFUSED:
    'Refused: the server will not answer this query, for example because it is not authoritative for the name and does not recurse.',
  YXDOMAIN: 'A name exists that should not (dynamic update, RFC 2136).',
  YXRRSET: 'A record set exists that should not (dynamic update, RFC 2136).',
  NXRRSET: 'A record set that should exist does not (dynamic update, RFC 2136).',
  NOTAUTH: 'The server is not authoritative for the zone.',
  NOTZONE: 'A name in the request is outside the zone.',
};

/** DNS field explanations, keyed by the engine's `explain` keys. */
const spans: Table = {
  'dns.header':
    'The 12-byte DNS header: ID, flags and the number of records in each of the four sections (RFC 1035, Section 4.1.1).',
  'dns.header.id':
    'A 16-bit ID chosen by the asker; the reply must carry the same one. A random ID makes it harder to spoof answers.',
  'dns.header.flags':
    'The flags: QR (query or response), opcode, AA (authoritative answer), TC (truncated), RD (recursion desired), RA (recursion available) and the response code.',
  'dns.header.flags1': 'QR, opcode, AA, TC and RD.',
  'dns.header.flags2':
    'RA, the reserved Z bit, AD, CD and the response code (NOERROR, NXDOMAIN, …).',
  'dns.header.qdcount': 'How many questions follow: always 1 in practice.',
  'dns.header.ancount': 'How many records are in the answer section.',
  'dns.header.nscount':
    'How many records are in the authority section: NS records for a referral, an SOA for a negative answer.',
  'dns.header.arcount':
    'How many records are in the additional section: glue addresses and the EDNS OPT record.',
  'dns.question': 'The question: a name, a type and a class.',
  'dns.question.qname':
    'The name asked about, as length-prefixed labels ending with the empty root label.',
  'dns.question.qtype': 'The record type asked for, such as A (1), NS (2), MX (15) or AAAA (28).',
  'dns.question.qclass': 'The class: IN (1), the Internet, in practice always.',
  'dns.answer': 'A record in the answer section: it answers the question directly.',
  'dns.authority':
    'A record in the authority section: NS records naming the servers to ask next (a referral), or an SOA record for a negative answer.',
  'dns.additional':
    'A record in the additional section: glue addresses for the NS names, or the EDNS OPT pseudo-record.',
  'dns.rr.name': 'The owner name of the record.',
  'dns.rr.type': 'The record type.',
  'dns.rr.class': 'The record class: IN.',
  'dns.rr.ttl':
    'Time to live: how many seconds caches may keep this record. Caches count it down, and a cached answer is returned with what is left.',
  'dns.rr.rdlength': 'The length of the record data that follows.',
  'dns.rr.rdata': 'The record data; its format depends on the type.',
  'dns.name.label': 'One label of a domain name, with a 1-byte length in front (at most 63).',
  'dns.name.pointer':
    'A compression pointer: two bytes starting with binary 11 that point back to a name already in the message (RFC 1035, Section 4.1.4).',
  'dns.name.root': 'The zero-length root label that ends every name.',
  'dns.rdata.a.address': 'An IPv4 address, 4 bytes.',
  'dns.rdata.aaaa.address': 'An IPv6 address, 16 bytes.',
  'dns.rdata.ns.nsdname': 'The name of an authoritative name server for the zone.',
  'dns.rdata.cname.cname': 'The canonical name this name is an alias of; the resolver follows it.',
  'dns.rdata.ptr.ptrdname': 'The name a reverse-lookup address points to.',
  'dns.rdata.mx.preference': 'The mail server’s preference: lower numbers are tried first.',
  'dns.rdata.mx.exchange': 'The mail server’s name.',
  'dns.rdata.txt.string': 'A character-string of text, with a 1-byte length.',
  'dns.rdata.soa.mname': 'The primary name server of the zone.',
  'dns.rdata.soa.rname': 'The zone administrator’s mailbox, with the @ written as a dot.',
  'dns.rdata.soa.serial': 'The zone’s version number; secondaries copy the zone when it grows.',
  'dns.rdata.soa.refresh': 'How often secondaries check for a new serial, in seconds.',
  'dns.rdata.soa.retry': 'How long secondaries wait before retrying a failed refresh, in seconds.',
  'dns.rdata.soa.expire':
    'How long secondaries keep serving the zone without reaching the primary, in seconds.',
  'dns.rdata.soa.minimum':
    'Since RFC 2308: the TTL for negative answers. Caches keep an NXDOMAIN or NODATA for the smaller of this and the SOA’s own TTL.',
  'dns.rdata.srv.priority': 'The SRV target’s priority: lower is tried first.',
  'dns.rdata.srv.weight': 'The share of traffic among targets of equal priority.',
  'dns.rdata.srv.port': 'The port the service listens on.',
  'dns.rdata.srv.target': 'The host that offers the service.',
  'dns.rdata.caa.flags': 'CAA flags; bit 128 is “issuer critical”.',
  'dns.rdata.caa.tag': 'The CAA property, such as issue or iodef.',
  'dns.rdata.caa.value': 'The CAA value, such as the CA allowed to issue certificates.',
  'dns.rdata.name':
    'A domain name inside the record data. Senders never compress it here (RFC 3597, Section 4), but a pointer is followed if one comes.',
  'dns.rdata.unknown':
    'Record data of a type this decoder does not know, kept as raw bytes (RFC 3597).',
  'dns.opt.udp_payload_size':
    'EDNS(0): the largest UDP reply the sender can take, carried in the CLASS field (RFC 6891, Section 6.1.2).',
  'dns.opt.extended_rcode': 'The upper 8 bits of a 12-bit response code.',
  'dns.opt.version': 'The EDNS version: 0.',
  'dns.opt.flags': 'EDNS flags; DO asks for DNSSEC records.',
  'dns.opt.option': 'An EDNS option: a code, a length and data.',
  'dns.opt.option.code': 'The option code (IANA “DNS EDNS0 Option Codes”).',
  'dns.opt.option.length': 'The length of the option data.',
  'dns.opt.option.data': 'The option data.',
};

/**
 * The names of DNS messages, the notes the DNS resolver writes into a Trace, and the master files, names and addresses that
 * did not parse (the zone editor, which comes with the lab, which loads this part too).
 */
const notes: Table = {
  ...DNS_MESSAGE_TEXT_EN,
  ...ZONE_TEXT_EN,
  'dns.note.cname_loop':
    'The CNAME chain loops back to {name}: the resolver stops and answers SERVFAIL.',
  'dns.note.cname_limit':
    'The CNAME chain is longer than {limit} links: the resolver gives up with SERVFAIL.',
  'dns.note.referral_limit': 'More than {limit} referrals for one name: the resolver gives up.',
  'dns.note.query_budget':
    'This resolution has used its budget of {limit} queries: the resolver gives up, as real resolvers do so they cannot be turned into traffic amplifiers.',
  'dns.note.all_servers_failed': 'None of the servers for {zone} gave a usable answer.',
  'dns.note.ns_cycle':
    'Finding the address of {server} would need {zone} itself: a cycle, so that server is skipped.',
  'dns.note.depth_limit':
    'Looking up name server addresses went more than {limit} levels deep: the resolver stops there.',
  'dns.note.glueless':
    'The referral to {zone} names {server} without its address (no glue), so the resolver must look that address up first.',
  'dns.note.timeout':
    '{server} ({address}) did not answer within {ms} ms; the asker tries the next server or gives up.',
  'dns.note.malformed': 'The response from {server} could not be parsed: {reason}.',
  'dns.note.spoofed':
    'A response claiming to come from {server} carried ID {gotId} instead of {expectedId}: it is dropped as a possible spoofing attempt (RFC 5452).',
  'dns.note.out_of_bailiwick':
    'Dropped {record} from the {section} section: the {zone} servers have no authority over it. This bailiwick check stops cache poisoning.',
  'dns.note.lame':
    '{server} ({address}) gave no usable answer for {query} ({reason}): it is “lame”, and the resolver tries another server.',
};

/** The Caches tab's words: only a trace with DNS in it has caches to show. */
const ui = {
  cachesIntro: 'Every cache as of this step, with the time each entry has left.',
  cachesNone: 'No cache events yet at this step.',
  cacheEmpty: 'empty',
  cacheKey: 'Key',
  cacheValue: 'Holds',
  cacheTtl: 'TTL left',
  cacheTtlValue: '{ttl} s',
  cacheStats: '{hits#one:# hit|other:# hits}, {misses#one:# miss|other:# misses}',
  cacheAt: 'at {time}',
};

/** The health checker's states, in the DNS lab's failover scenario. */
const states: Table = {
  Healthy:
    'The health checker considers the endpoint healthy: its probes pass, so DNS keeps answering with its address.',
  Unhealthy:
    'Enough probes in a row failed (the failure threshold): the endpoint is unhealthy, and DNS answers with the secondary address instead.',
};

export const enDns = { ui, dns, rcodes, spans, notes, states };
