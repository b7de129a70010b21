/**
 * The DNS decoder against tshark, field by field, on the real-traffic corpus
 * (test/fixtures/corpus/dns/nsd.json: dig, kdig and nsupdate against nsd on loopback; see
 * test/fixtures/corpus/README.md). Every message goes into a capture as one UDP datagram (the TCP
 * ones without their 2-byte length, which is TCP framing, not DNS), on port 5353 when it uses
 * mDNS's class bits and on port 53 otherwise. tshark dissects it, and each field below must have
 * the same values, in the same order, as our spans.
 */
import { SPAN_VALUE_TEXT_EN } from '../../src/i18n/span-values.en';
import { spanValueText } from '../../src/i18n/span-value';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/engine/bytes';
import { decodeMessage } from '../../src/engine/dns/codec';
import { parseTypeName } from '../../src/engine/dns/types';
import { PcapWriter } from '../../src/engine/sim/pcap';
import { Ipv4IdCounter, udpFrame } from '../../src/engine/sim/packets';
import { tsharkFields, tsharkMalformedCount, writeTempFile } from '../helpers/tshark';

interface Message {
  from: 'client' | 'server';
  transport: 'udp' | 'tcp';
  hex: string;
  source: string;
}

const corpus = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/corpus/dns/nsd.json'), 'utf8'),
) as { messages: Message[] };

/**
 * tshark field → our span: its name, and the record type whose RDATA holds it (a field of the
 * header, a question or a record's fixed part has none). `value` says how to compare: the number
 * in the span's value (default), or its text.
 */
const FIELDS: Record<string, { name: string; rtype?: string; value?: 'text' | 'flag' | 'keytag' }> =
  {
    'dns.id': { name: 'id' },
    'dns.count.queries': { name: 'qdcount' },
    'dns.count.answers': { name: 'ancount' },
    'dns.count.auth_rr': { name: 'nscount' },
    'dns.count.add_rr': { name: 'arcount' },
    // RFC 2136, Section 2.2: an UPDATE's sections are zone, prerequisite, update, additional.
    'dns.count.zones': { name: 'zocount' },
    'dns.count.prerequisites': { name: 'prcount' },
    'dns.count.updates': { name: 'upcount' },
    'dns.qry.name': { name: 'qname', value: 'text' },
    'dns.qry.type': { name: 'qtype' },
    'dns.qry.class': { name: 'qclass' },
    'dns.qry.qu': { name: 'qclass', value: 'flag' },
    'dns.resp.name': { name: 'name', rtype: '*', value: 'text' },
    'dns.resp.type': { name: 'type', rtype: '*' },
    'dns.resp.cache_flush': { name: 'class', rtype: '*', value: 'flag' },
    'dns.resp.ttl': { name: 'ttl', rtype: '*' },
    'dns.resp.len': { name: 'rdlength', rtype: '*' },
    'dns.dnskey.flags': { name: 'flags', rtype: 'DNSKEY' },
    'dns.dnskey.protocol': { name: 'protocol', rtype: 'DNSKEY' },
    'dns.dnskey.algorithm': { name: 'algorithm', rtype: 'DNSKEY' },
    'dns.dnskey.key_id': { name: 'public_key', rtype: 'DNSKEY', value: 'keytag' },
    'dns.rrsig.type_covered': { name: 'type_covered', rtype: 'RRSIG' },
    'dns.rrsig.algorithm': { name: 'algorithm', rtype: 'RRSIG' },
    'dns.rrsig.labels': { name: 'labels', rtype: 'RRSIG' },
    'dns.rrsig.original_ttl': { name: 'original_ttl', rtype: 'RRSIG' },
    'dns.rrsig.key_tag': { name: 'key_tag', rtype: 'RRSIG' },
    'dns.rrsig.signers_name': { name: 'signer_name', rtype: 'RRSIG', value: 'text' },
    'dns.ds.key_id': { name: 'key_tag', rtype: 'DS' },
    'dns.ds.algorithm': { name: 'algorithm', rtype: 'DS' },
    'dns.ds.digest_type': { name: 'digest_type', rtype: 'DS' },
    'dns.ds.digest': { name: 'digest', rtype: 'DS', value: 'text' },
    'dns.nsec.next_domain_name': { name: 'next_domain_name', rtype: 'NSEC', value: 'text' },
    'dns.nsec3.algo': { name: 'hash_algorithm', rtype: 'NSEC3*' },
    'dns.nsec3.flags': { name: 'flags', rtype: 'NSEC3*' },
    'dns.nsec3.iterations': { name: 'iterations', rtype: 'NSEC3*' },
    'dns.nsec3.salt_length': { name: 'salt_length', rtype: 'NSEC3*' },
    'dns.nsec3.hash_length': { name: 'hash_length', rtype: 'NSEC3*' },
    'dns.svcb.svcpriority': { name: 'svc_priority', rtype: 'SVCB*' },
    'dns.svcb.targetname': { name: 'target_name', rtype: 'SVCB*', value: 'text' },
    'dns.svcb.svcparam.key': { name: 'key', rtype: 'SVCB*' },
    'dns.svcb.svcparam.port': { name: 'port', rtype: 'SVCB*' },
    'dns.svcb.svcparam.ipv4hint.ip': { name: 'ipv4', rtype: 'SVCB*', value: 'text' },
    'dns.svcb.svcparam.ipv6hint.ip': { name: 'ipv6', rtype: 'SVCB*', value: 'text' },
    'dns.caa.flags': { name: 'flags', rtype: 'CAA' },
    'dns.caa.tag': { name: 'tag', rtype: 'CAA', value: 'text' },
    'dns.tlsa.certificate_usage': { name: 'certificate_usage', rtype: 'TLSA' },
    'dns.tlsa.selector': { name: 'selector', rtype: 'TLSA' },
    'dns.tlsa.matching_type': { name: 'matching_type', rtype: 'TLSA' },
    'dns.sshfp.algorithm': { name: 'algorithm', rtype: 'SSHFP' },
    'dns.sshfp.fingerprint.type': { name: 'fp_type', rtype: 'SSHFP' },
    'dns.naptr.order': { name: 'order', rtype: 'NAPTR' },
    'dns.naptr.preference': { name: 'preference', rtype: 'NAPTR' },
    'dns.naptr.flags': { name: 'flags', rtype: 'NAPTR', value: 'text' },
    'dns.naptr.service': { name: 'services', rtype: 'NAPTR', value: 'text' },
    'dns.naptr.regex': { name: 'regexp', rtype: 'NAPTR', value: 'text' },
    'dns.naptr.replacement': { name: 'replacement', rtype: 'NAPTR', value: 'text' },
    'dns.loc.version': { name: 'version', rtype: 'LOC' },
    'dns.hinfo.cpu': { name: 'cpu', rtype: 'HINFO', value: 'text' },
    'dns.hinfo.os': { name: 'os', rtype: 'HINFO', value: 'text' },
    'dns.dname': { name: 'target', rtype: 'DNAME', value: 'text' },
    'dns.tsig.algorithm_name': { name: 'algorithm_name', rtype: 'TSIG', value: 'text' },
    'dns.tsig.fudge': { name: 'fudge', rtype: 'TSIG' },
    'dns.tsig.mac_size': { name: 'mac_size', rtype: 'TSIG' },
    'dns.tsig.original_id': { name: 'original_id', rtype: 'TSIG' },
    'dns.tsig.error': { name: 'error', rtype: 'TSIG' },
    'dns.tsig.other_len': { name: 'other_len', rtype: 'TSIG' },
    'dns.opt.code': { name: 'code', rtype: 'OPT' },
    'dns.opt.len': { name: 'length', rtype: 'OPT' },
    'dns.opt.client.family': { name: 'family', rtype: 'OPT' },
    'dns.opt.client.netmask': { name: 'source_prefix_length', rtype: 'OPT' },
    'dns.opt.client.scope': { name: 'scope_prefix_length', rtype: 'OPT' },
    'dns.opt.cookie.client': { name: 'client_cookie', rtype: 'OPT', value: 'text' },
    'dns.opt.cookie.server': { name: 'server_cookie', rtype: 'OPT', value: 'text' },
    'dns.opt.edns_tcp_keepalive.timeout': { name: 'timeout', rtype: 'OPT' },
    'dns.opt.ext_error.info_code': { name: 'info_code', rtype: 'OPT' },
  };

const isMdns = (m: Message) => m.source.includes('CLASS32769');

const UPDATE_COUNTS: Record<string, string> = {
  qdcount: 'zocount',
  ancount: 'prcount',
  nscount: 'upcount',
};

const SECTIONS = new Set(['answer', 'authority', 'additional']);

/** "corpus.example." → "corpus.example", "." → "<Root>", as tshark prints names. */
const tsharkName = (v: string) => (v === '.' ? '<Root>' : v.replace(/\.$/, ''));

function normalise(field: string, value: string): string {
  const want = FIELDS[field]!;
  if (want.value === 'text') return tsharkName(value.replace(/^"(.*)"$/, '$1'));
  if (/^(0x[0-9a-f]+|-?\d+)$/i.test(value)) return String(Number(value));
  return value;
}

function numberIn(value: string): string {
  const m = /\((0x[0-9a-f]+|\d+)\)/i.exec(value) ?? /^(0x[0-9a-f]+|\d+)\b/i.exec(value);
  return m ? String(Number(m[1])) : value;
}

function ourFields(spans: readonly Span[], mdns: boolean): Record<string, string[]> {
  const out: Record<string, string[]> = Object.fromEntries(Object.keys(FIELDS).map((k) => [k, []]));
  let rtype: string | undefined;
  const flags = spans[0]?.children.find((c) => c.name === 'flags')?.value;
  const update = / UPDATE,/.test(
    flags === undefined ? '' : spanValueText(SPAN_VALUE_TEXT_EN, flags),
  );
  const visit = (list: readonly Span[], depth: number, inRecord: boolean) => {
    for (const s of list) {
      if (SECTIONS.has(s.name)) {
        const type = s.children.find((c) => c.name === 'type')?.value;
        rtype = String(type ?? '').replace(/ \(\d+\)$/, '');
        visit(s.children, depth + 1, true);
        rtype = undefined;
        continue;
      }
      const value = s.value === undefined ? '' : spanValueText(SPAN_VALUE_TEXT_EN, s.value);
      const name = update ? (UPDATE_COUNTS[s.name] ?? s.name) : s.name;
      // The OPT record's class field is its UDP payload size, whose top bit tshark reads as
      // cache-flush on mDNS's port all the same.
      if (mdns && s.name === 'udp payload size')
        out['dns.resp.cache_flush']!.push(Number(s.value) & 0x8000 ? '1' : '0');
      // tshark files the types of an NSEC or NSEC3 type bit map under dns.resp.type too.
      if (s.name === 'bitmap')
        for (const t of value.split(' ')) out['dns.resp.type']!.push(String(parseTypeName(t)));
      for (const [field, want] of Object.entries(FIELDS)) {
        if (want.name !== name) continue;
        if (want.rtype === undefined && inRecord) continue;
        if (want.rtype === '*' && (!inRecord || depth !== 1)) continue;
        if (want.rtype !== undefined && want.rtype !== '*') {
          const ok = want.rtype.endsWith('*')
            ? rtype?.startsWith(want.rtype.slice(0, -1)) ||
              (want.rtype === 'SVCB*' && rtype === 'HTTPS')
            : rtype === want.rtype;
          if (!ok || depth < 2) continue;
        }
        if (want.value === 'flag') {
          // tshark reads these bits only on mDNS's port.
          if (mdns) out[field]!.push(/unicast response|cache flush/.test(value) ? '1' : '0');
          continue;
        }
        if (want.value === 'keytag') {
          out[field]!.push(/key tag (\d+)/.exec(value)?.[1] ?? value);
          continue;
        }
        const v = want.value === 'text' ? value : numberIn(value);
        out[field]!.push(normalise(field, v));
      }
      visit(s.children, depth + 1, inRecord);
    }
  };
  visit(spans, 0, false);
  return out;
}

describe('DNS decoder against tshark on the real-traffic corpus', () => {
  it('has every RDATA type and EDNS option the decoder reads', () => {
    const text = JSON.stringify(corpus.messages.map((m) => m.source));
    for (const t of ['DNSKEY', 'RRSIG', 'NSEC3', 'HTTPS', 'SVCB', 'TLSA', 'URI', 'hmac-sha256'])
      expect(text).toContain(t);
    expect(corpus.messages.length).toBeGreaterThanOrEqual(40);
  });

  it('matches tshark on every message, field by field', async () => {
    const writer = new PcapWriter();
    const ids = new Ipv4IdCounter();
    const client = { ip: '192.0.2.10', port: 40000 };
    corpus.messages.forEach((m, i) => {
      const port = isMdns(m) ? 5353 : 53;
      const server = { ip: '192.0.2.53', port };
      const [src, dst] = m.from === 'client' ? [client, server] : [server, client];
      const payload = Uint8Array.from(Buffer.from(m.hex, 'hex'));
      writer.addPacket(1_764_720_000_000 + i, udpFrame({ src, dst, payload }, ids));
    });
    const pcap = writeTempFile('dns-corpus.pcap', writer.toBytes());
    expect(await tsharkMalformedCount(pcap)).toBe(0);
    const names = Object.keys(FIELDS);
    const rows = await tsharkFields(pcap, names);
    expect(rows).toHaveLength(corpus.messages.length);
    const mismatches: string[] = [];
    corpus.messages.forEach((m, i) => {
      const bytes = Uint8Array.from(Buffer.from(m.hex, 'hex'));
      const ours = ourFields(decodeMessage(bytes).spans, isMdns(m));
      names.forEach((field, f) => {
        const raw = rows[i]![f] ?? '';
        // tshark fills an absent occurrence with "<MISSING>" to keep columns aligned.
        const theirs =
          raw === ''
            ? []
            : raw
                .split(',')
                .filter((v) => v !== '<MISSING>')
                .map((v) => normalise(field, v));
        if (JSON.stringify(ours[field]) !== JSON.stringify(theirs))
          mismatches.push(
            `message ${i + 1} (${m.from}, ${m.source}) ${field}: ours ${JSON.stringify(ours[field])}, tshark ${JSON.stringify(theirs)}`,
          );
      });
    });
    expect(mismatches).toEqual([]);
  });
});
