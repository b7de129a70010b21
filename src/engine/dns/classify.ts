/**
 * What a server's response means to an iterative resolver, after scrubbing: an answer, a CNAME to
 * chase, NODATA, NXDOMAIN, a referral, or a lame/failed server to skip (RFC 1034 §5.3.3 step 4;
 * RFC 2308 §2 for the negative shapes).
 *
 * Scrubbing (the cache-poisoning defence, RFC 2181 §5.4.1 and Unbound's iter_scrub): a server
 * queried as the authority for zone Z may only speak for names in Z. Any record whose owner lies
 * outside Z is dropped, with a note that says why.
 */
import type { Delegation, NameServer } from './cache';
import type { Name } from './name';
import { formatRecord } from './present';
import {
  RRType,
  Rcode,
  isRecordOf,
  rcodeName,
  recordsOf,
  type Message,
  type RecordOf,
  type ResourceRecord,
} from './types';

export type Classified =
  | { kind: 'answer'; chain: CnameChain; rrset: ResourceRecord[] }
  | { kind: 'cname'; chain: CnameChain; next: Name }
  | { kind: 'nodata'; chain: CnameChain; soa: ResourceRecord | undefined }
  | { kind: 'nxdomain'; chain: CnameChain; soa: ResourceRecord | undefined }
  | { kind: 'referral'; delegation: Delegation; ttl: number }
  | {
      kind: 'lame';
      /** English, for the CLI's SERVFAIL line. */
      reason: string;
      /**
       * The same reason as a word the UI translates (its `values` table): an rcode name as the
       * RFCs spell it, or `lame.truncated`, `lame.not_authoritative`, `lame.mismatch`.
       */
      code: string;
    };

/** The CNAMEs followed from the question's name, in order. */
export type CnameChain = RecordOf<'CNAME'>[];

export interface ScrubNote {
  record: string;
  section: string;
  zone: string;
}

export interface Classification {
  result: Classified;
  dropped: ScrubNote[];
}

export function scrub(message: Message, zone: Name): ScrubNote[] {
  const dropped: ScrubNote[] = [];
  const keep = (section: string) => (rr: ResourceRecord) => {
    if (rr.name.isSubdomainOf(zone)) return true;
    dropped.push({ record: formatRecord(rr), section, zone: zone.toString() });
    return false;
  };
  message.answers = message.answers.filter(keep('answer'));
  message.authority = message.authority.filter(keep('authority'));
  message.additional = message.additional.filter(keep('additional'));
  return dropped;
}

export function classify(
  response: Message,
  zone: Name,
  qname: Name,
  qtype: RRType,
): Classification {
  const rcode = response.header.rcode;
  if (rcode !== Rcode.NOERROR && rcode !== Rcode.NXDOMAIN) {
    const name = rcodeName(rcode);
    return { result: { kind: 'lame', reason: name, code: name }, dropped: [] };
  }
  if (response.header.tc) {
    // Retrying over TCP (RFC 7766) is not simulated; a truncated answer counts as a failure.
    return {
      result: { kind: 'lame', reason: 'truncated (TC)', code: 'lame.truncated' },
      dropped: [],
    };
  }
  const dropped = scrub(response, zone);
  const soa = response.authority.find((rr) => rr.type === RRType.SOA);
  const negativeSoa = soa && qname.isSubdomainOf(soa.name) ? soa : undefined;

  // Follow the answer section from qname through any CNAMEs (RFC 1034 §4.3.2 step 3a).
  const chain: CnameChain = [];
  let name = qname;
  for (let i = 0; i <= response.answers.length; i++) {
    const rrset = response.answers.filter((rr) => rr.type === qtype && rr.name.equals(name));
    if (rrset.length > 0 && (qtype !== RRType.CNAME || chain.length === 0)) {
      return { result: { kind: 'answer', chain, rrset }, dropped };
    }
    const cname = response.answers.find((rr) => rr.type === RRType.CNAME && rr.name.equals(name));
    if (!cname || !isRecordOf(cname, 'CNAME')) break;
    chain.push(cname);
    name = cname.data.target;
  }
  if (rcode === Rcode.NXDOMAIN) {
    return { result: { kind: 'nxdomain', chain, soa: negativeSoa }, dropped };
  }
  if (chain.length > 0) {
    if (negativeSoa && name.isSubdomainOf(negativeSoa.name)) {
      return { result: { kind: 'nodata', chain, soa: negativeSoa }, dropped };
    }
    return { result: { kind: 'cname', chain, next: name }, dropped };
  }

  // A referral: NS for a zone strictly below the one asked, at or above qname (RFC 1034 §4.3.2
  // step 3b seen from the resolver's side).
  const ns = response.authority.filter((rr) => rr.type === RRType.NS);
  const child = ns[0]?.name;
  if (
    child &&
    !response.header.aa &&
    child.labelCount > zone.labelCount &&
    qname.isSubdomainOf(child)
  ) {
    const hosts = recordsOf(ns, 'NS').filter((rr) => rr.name.equals(child));
    const servers: NameServer[] = hosts.map((rr) => {
      const host = rr.data.host;
      // IPv4 glue only: the simulated network and the CLI's UDP transport both speak IPv4.
      const addresses = recordsOf(response.additional, 'A')
        .filter((a) => a.type === RRType.A && a.name.equals(host))
        .map((a) => a.data.address);
      return { name: host, addresses };
    });
    const ttl = Math.min(...hosts.map((rr) => rr.ttl));
    return { result: { kind: 'referral', delegation: { zone: child, servers }, ttl }, dropped };
  }
  if (response.header.aa || negativeSoa) {
    return { result: { kind: 'nodata', chain, soa: negativeSoa }, dropped };
  }
  // Neither authoritative nor a referral downwards: a lame server (RFC 1034 §5.3.3 step 4d).
  return {
    result: {
      kind: 'lame',
      reason: 'no answer and no referral (not authoritative)',
      code: 'lame.not_authoritative',
    },
    dropped,
  };
}
