/**
 * An authoritative-only server, answering as NSD does (RFC 1034 §4.3.2, the algorithm; RFC 2308
 * for negative answers; RFC 4592 for wildcards; RFC 6891 for EDNS).
 */
import { DecodeError } from '../bytes';
import { decodeMessage, encodeMessage } from './codec';
import type { Name } from './name';
import {
  Opcode,
  RRClass,
  RRType,
  Rcode,
  emptyHeader,
  isRecordOf,
  recordsOf,
  type Edns,
  type Message,
  type ResourceRecord,
} from './types';
import type { Zone } from './zone/zone';

/**
 * The UDP payload size this server advertises: 1232 octets, the DNS Flag Day 2020 value that
 * avoids IP fragmentation (also NSD's and BIND's default since 2020).
 */
export const SERVER_UDP_PAYLOAD_SIZE = 1232;
/** RFC 1035 §2.3.4: UDP messages are 512 octets or less without EDNS. */
const CLASSIC_UDP_LIMIT = 512;
/** Only EDNS version 0 exists (RFC 6891 §6.1.3); higher versions get BADVERS. */
const EDNS_VERSION = 0;
/** A CNAME chain inside one zone stops after this many links, whatever the data says. */
const MAX_IN_ZONE_CNAME_LINKS = 16;

export class AuthoritativeServer {
  constructor(readonly zones: Zone[]) {}

  /**
   * Wire in, wire out; undefined means "send nothing" (a response, or too short to answer).
   * Over UDP a response that does not fit the client's size is cut to its header and question
   * with TC set, so the client retries over TCP (RFC 1035 §4.2.1, RFC 6891 §6.2.5).
   */
  handle(query: Uint8Array, transport: 'udp' | 'tcp' = 'udp'): Uint8Array | undefined {
    let message: Message;
    try {
      message = decodeMessage(query, { annotate: false }).message;
    } catch (error) {
      if (!(error instanceof DecodeError) || query.length < 12) return undefined;
      // RFC 1035 §4.1.1: FORMERR when the query cannot be interpreted; echo the ID we could read.
      const header = {
        ...emptyHeader((query[0]! << 8) | query[1]!),
        qr: true,
        rcode: Rcode.FORMERR,
      };
      return encodeMessage(
        { header, questions: [], answers: [], authority: [], additional: [] },
        { annotate: false },
      ).bytes;
    }
    if (message.header.qr) return undefined;
    const response = this.answer(message);
    const bytes = encodeMessage(response, { annotate: false }).bytes;
    if (transport === 'tcp' || bytes.length <= udpLimit(message)) return bytes;
    const truncated: Message = {
      ...response,
      header: { ...response.header, tc: true },
      answers: [],
      authority: [],
      additional: [],
    };
    return encodeMessage(truncated, { annotate: false }).bytes;
  }

  answer(query: Message): Message {
    const response: Message = {
      header: {
        ...emptyHeader(query.header.id),
        qr: true,
        opcode: query.header.opcode,
        rd: query.header.rd,
        cd: query.header.cd,
      },
      questions: query.questions.slice(0, 1),
      answers: [],
      authority: [],
      additional: [],
    };
    if (query.edns) response.edns = serverEdns();
    const fail = (rcode: Rcode): Message => {
      response.header.rcode = rcode;
      return response;
    };
    if (query.edns && query.edns.version > EDNS_VERSION) return fail(Rcode.BADVERS);
    if (query.header.qr) return fail(Rcode.FORMERR);
    if (query.header.opcode !== Opcode.QUERY) return fail(Rcode.NOTIMP);
    if (query.questions.length !== 1) return fail(Rcode.FORMERR);
    const question = query.questions[0]!;
    if (question.class !== RRClass.IN && question.class !== RRClass.ANY) return fail(Rcode.REFUSED);
    // Zone transfers are not offered (NSD refuses them without a provide-xfr ACL).
    if (question.type === RRType.AXFR || question.type === RRType.IXFR) return fail(Rcode.REFUSED);
    const zone = this.zoneFor(question.name);
    if (!zone) return fail(Rcode.REFUSED);
    lookUp(zone, question.name, question.type, response);
    return response;
  }

  /** The most specific zone this server serves that contains `name`. */
  zoneFor(name: Name): Zone | undefined {
    let best: Zone | undefined;
    for (const zone of this.zones) {
      if (
        name.isSubdomainOf(zone.origin) &&
        (!best || zone.origin.labelCount > best.origin.labelCount)
      ) {
        best = zone;
      }
    }
    return best;
  }
}

/** RFC 1035 §2.3.4: 512 octets over UDP; with EDNS, the client's size (never below 512, RFC 6891
 * §6.2.5) up to what this server offers. */
function udpLimit(query: Message): number {
  if (!query.edns) return CLASSIC_UDP_LIMIT;
  return Math.min(Math.max(query.edns.udpPayloadSize, CLASSIC_UDP_LIMIT), SERVER_UDP_PAYLOAD_SIZE);
}

function serverEdns(): Edns {
  return {
    udpPayloadSize: SERVER_UDP_PAYLOAD_SIZE,
    version: EDNS_VERSION,
    dnssecOk: false,
    zFlags: 0,
    options: [],
  };
}

/** RFC 1034 §4.3.2 step 3, following CNAMEs that stay inside the zone. */
function lookUp(zone: Zone, qname: Name, qtype: RRType, response: Message): void {
  const seen = new Set<string>();
  let name = qname;
  response.header.aa = true;
  for (let link = 0; link <= MAX_IN_ZONE_CNAME_LINKS; link++) {
    seen.add(name.key);
    // Step 3b: a delegation at or above the name (except the parent's own DS, RFC 4035 §3.1.4.1).
    const cut = zone.findCut(name);
    if (cut && !(qtype === RRType.DS && cut.equals(name))) {
      referral(zone, cut, response);
      return;
    }
    let node = zone.node(name);
    let synthesized = false;
    if (!node && !zone.exists(name)) {
      // Step 3c: RFC 4592 §3.3.1. The closest encloser is the longest existing ancestor (empty
      // non-terminals count, so they block wildcards above them); the source is "*" under it.
      const keys = name.suffixKeys();
      let depth = name.labelCount - 1;
      while (!zone.existsKey(keys[depth]!)) depth--;
      node = zone.node(name.trimTo(depth).prepend('*'));
      if (!node) {
        response.header.rcode = Rcode.NXDOMAIN;
        response.authority.push(zone.negativeSoa());
        return;
      }
      synthesized = true;
    }
    if (!node) {
      // An empty non-terminal: the name exists but has no data (RFC 4592 §2.2.2) — NODATA.
      response.authority.push(zone.negativeSoa());
      return;
    }
    const owned = (rrs: ResourceRecord[]) =>
      synthesized ? rrs.map((rr) => ({ ...rr, name })) : rrs;
    const cname = node.rrsets.get(RRType.CNAME);
    if (cname && qtype !== RRType.CNAME && qtype !== RRType.ANY) {
      response.answers.push(...owned(cname));
      const first = cname[0]!;
      // The chain continues here only while it stays inside this zone (NSD does the same).
      if (!isRecordOf(first, 'CNAME')) return;
      const target = first.data.target;
      if (!target.isSubdomainOf(zone.origin) || seen.has(target.key)) return;
      name = target;
      continue;
    }
    const rrs = qtype === RRType.ANY ? anyAnswer(node.rrsets) : node.rrsets.get(qtype);
    if (!rrs) {
      response.authority.push(zone.negativeSoa());
      return;
    }
    response.answers.push(...owned(rrs));
    addAdditional(zone, rrs, response);
    return;
  }
}

/**
 * The answer to QTYPE=ANY: one RRset, the first the zone file gives for the name (RFC 8482 §4.1,
 * "a single RRset ... of the responder's choosing"), over UDP and TCP alike. The whole node would
 * let a 40-octet query fetch every record of the name (an amplifier); the synthesized HINFO of
 * §4.2 would tell a legitimate client nothing. NSD answers the same way, with the same RRset.
 */
function anyAnswer(rrsets: Map<number, ResourceRecord[]>): ResourceRecord[] | undefined {
  return rrsets.values().next().value;
}

/** RFC 1034 §4.3.2 step 3b: NS of the child in authority, in-bailiwick glue in additional. */
function referral(zone: Zone, cut: Name, response: Message): void {
  const ns = zone.rrset(cut, RRType.NS)!;
  // AA stays on only for answer data already given from this zone (a CNAME into the cut).
  response.header.aa = response.answers.length > 0;
  response.authority.push(...ns);
  for (const rr of recordsOf(ns, 'NS')) {
    const host = rr.data.host;
    if (!host.isSubdomainOf(zone.origin)) continue;
    response.additional.push(
      ...(zone.rrset(host, RRType.A) ?? []),
      ...(zone.rrset(host, RRType.AAAA) ?? []),
    );
  }
}

/** RFC 1035 §3.3.9/§3.3.11: addresses of MX and NS targets from this zone, as additional data. */
function addAdditional(zone: Zone, rrs: ResourceRecord[], response: Message): void {
  for (const rr of rrs) {
    const host =
      rr.data.kind === 'NS' ? rr.data.host : rr.data.kind === 'MX' ? rr.data.exchange : undefined;
    if (!host || !host.isSubdomainOf(zone.origin)) continue;
    response.additional.push(
      ...(zone.rrset(host, RRType.A) ?? []),
      ...(zone.rrset(host, RRType.AAAA) ?? []),
    );
  }
}
