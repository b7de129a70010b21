/**
 * The TLS decoder against tshark, field by field, on the real-traffic corpus
 * (test/fixtures/corpus/tls, recorded from OpenSSL, curl, GnuTLS and Chromium on loopback; see
 * test/fixtures/corpus/README.md). Each connection is written as a capture, tshark dissects it,
 * and every field below must come out with the same values, in the same order, in each direction.
 * The client's direction is decoded with what the server's ServerHello negotiated, as a capture
 * reader would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/engine/bytes';
import { TLS_SERVER, tlsFlowsToPcap } from '../../src/engine/sim/tls-pcap';
import { decodeTlsRecords } from '../../src/engine/tls/decode';
import { tsharkFields, tsharkMalformedCount, writeTempFile } from '../helpers/tshark';

const dir = join(import.meta.dirname, '../fixtures/corpus/tls');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

interface Corpus {
  source: string;
  flows: { from: 'client' | 'server'; hex: string }[];
}

type Side = 'client' | 'server';

/**
 * tshark field → how to find the same field in our span tree: a span name, and optionally the
 * name of an enclosing span it must sit under (the nearest one that is named).
 */
const FIELDS: Record<string, { name: string; under?: string; value?: 'length' }> = {
  'tls.record.content_type': { name: 'type', under: 'record' },
  'tls.record.version': { name: 'version', under: 'record' },
  'tls.record.length': { name: 'length', under: 'record' },
  'tls.heartbeat_message.type': { name: 'type', under: 'Heartbeat' },
  'tls.heartbeat_message.payload_length': { name: 'payload_length' },
  'tls.handshake.cipherspec': { name: 'cipher_spec' },
  'tls.handshake.type': { name: 'msg_type' },
  'tls.handshake.length': { name: 'length', under: 'handshake' },
  'tls.handshake.ciphersuite': { name: 'cipher_suite' },
  'tls.handshake.extension.type': { name: 'extension_type' },
  'tls.handshake.extension.len': { name: 'length', under: 'extension_data' },
  'tls.handshake.extensions_server_name': { name: 'name', under: 'host_name' },
  'tls.handshake.extensions_alpn_str': { name: 'name', under: 'protocol_name' },
  'tls.handshake.extensions.supported_version': { name: 'supported_version' },
  'tls.handshake.extensions_key_share_group': { name: 'key_share_group' },
  'tls.handshake.extensions_key_share_key_exchange_length': {
    name: 'length',
    under: 'key_exchange',
  },
  'tls.handshake.extensions_key_share_selected_group': { name: 'key_share_selected_group' },
  'tls.handshake.extensions.cookie_len': { name: 'length', under: 'cookie' },
  'tls.early_data.max_early_data_size': { name: 'max_early_data_size' },
  'tls.handshake.extensions_status_request_responder_ids_len': {
    name: 'length',
    under: 'responder_id_list',
  },
  'tls.handshake.extensions_status_request_exts_len': {
    name: 'length',
    under: 'request_extensions',
  },
  'tls.extension.psk_ke_mode': { name: 'ke_mode' },
  'tls.handshake.extensions.psk.identity.identity_length': { name: 'length', under: 'identity' },
  'tls.handshake.extensions.psk.identity.obfuscated_ticket_age': { name: 'obfuscated_ticket_age' },
  'tls.handshake.extensions.psk.binders_len': { name: 'length', under: 'binders' },
  'tls.handshake.extensions.psk.identity.selected': { name: 'selected_identity' },
  'tls.compress_certificate.algorithm': { name: 'algorithm', under: 'algorithms' },
  'tls.record_size_limit': { name: 'record_size_limit' },
  'tls.handshake.extensions_status_request_type': { name: 'status_type' },
  'tls.handshake.certificate_length': { name: 'length', under: 'certificate' },
  'tls.handshake.server_named_curve': { name: 'named_curve' },
  'tls.handshake.server_point_len': { name: 'length', under: 'public' },
  'tls.handshake.client_point_len': { name: 'length', under: 'ecdh_Yc' },
  'tls.handshake.p_len': { name: 'length', under: 'dh_p' },
  'tls.handshake.g_len': { name: 'length', under: 'dh_g' },
  'tls.handshake.ys_len': { name: 'length', under: 'dh_Ys' },
  'tls.handshake.yc_len': { name: 'length', under: 'dh_Yc' },
  'tls.handshake.epms_len': { name: 'length', under: 'encrypted_pre_master_secret' },
  'tls.handshake.sig_len': { name: 'length', under: 'signature' },
  'tls.handshake.session_ticket_length': { name: 'length', under: 'ticket' },
  'tls.handshake.session_ticket_lifetime_hint': { name: 'ticket_lifetime_hint' },
};

/** Our names for fields that several spans share a name with. */
function alias(span: Span, path: readonly string[]): string {
  const parent = path[path.length - 1];
  if (span.name === 'version' && parent === 'versions') return 'supported_version';
  if (span.name === 'selected_version') return 'supported_version';
  // An SSLv2-compatible hello's 2-byte header is its record length (RFC 5246, Appendix E.2).
  if (span.name === 'msg_length') return 'v2_record_length';
  if (span.name === 'group' && parent === 'key_share_entry') return 'key_share_group';
  if (span.name === 'selected_group') return 'key_share_selected_group';
  return span.name;
}

/** The number a span value shows: "handshake (22)" → 22, "TLS 1.2 (0x0303)" → 771, 300 → 300. */
function numberOf(value: Span['value']): string {
  if (typeof value === 'number') return String(value);
  const m = /\((0x[0-9a-f]+|\d+)\)$/.exec(String(value)) ?? /^(\d+) s$/.exec(String(value));
  return m ? String(Number(m[1])) : String(value);
}

const SCALAR = new Set(['name']);

/** Our values of every FIELDS entry, in stream order. */
function ourFields(spans: readonly Span[]): Record<string, string[]> {
  const out: Record<string, string[]> = Object.fromEntries(Object.keys(FIELDS).map((k) => [k, []]));
  const visit = (list: readonly Span[], path: string[]) => {
    for (const s of list) {
      // The second part of a field cut by a record boundary is the same field.
      if (s.name.endsWith(' (continued)')) continue;
      const name = alias(s, path);
      if (name === 'v2_record_length') {
        // tshark gives an SSLv2 record the version SSL 2.0 (0x0002), in brackets: it is implied.
        out['tls.record.version']!.push('2');
        out['tls.record.length']!.push(numberOf(s.value ?? ''));
      }
      for (const [field, want] of Object.entries(FIELDS)) {
        if (want.name !== name) continue;
        const enclosing =
          s.explain === 'tls.handshake.length' ? 'handshake' : path[path.length - 1];
        if (want.under !== undefined && enclosing !== want.under) continue;
        if (want.under === undefined && s.children.length > 0 && !SCALAR.has(name)) continue;
        // tshark prints each byte of a name that is not UTF-8 as U+FFFD; we print it as \xNN.
        const text = String(s.value).replace(/\\x[0-9a-f]{2}/g, '\uFFFD');
        out[field]!.push(SCALAR.has(name) ? text : numberOf(s.value ?? ''));
      }
      visit(s.children, [...path, s.name]);
    }
  };
  visit(spans, []);
  return out;
}

/** tshark's values, per direction, for FIELDS plus the two it names only in its Info column. */
async function theirFields(pcap: string): Promise<Record<Side, Record<string, string[]>>> {
  const names = Object.keys(FIELDS);
  const rows = await tsharkFields(
    pcap,
    ['tcp.srcport', '_ws.col.Info', 'tls.record.opaque_type', ...names],
    {
      filter: 'tls',
    },
  );
  const out = {
    client: Object.fromEntries(
      [...names, 'encrypted alerts', 'tls13 records'].map((n) => [n, [] as string[]]),
    ),
    server: Object.fromEntries(
      [...names, 'encrypted alerts', 'tls13 records'].map((n) => [n, [] as string[]]),
    ),
  } as Record<Side, Record<string, string[]>>;
  for (const [port, info, opaque, ...values] of rows) {
    const side: Side = Number(port) === TLS_SERVER.port ? 'server' : 'client';
    for (const m of info!.matchAll(/Encrypted Alert/g)) out[side]['encrypted alerts']!.push(m[0]);
    for (const t of opaque!.split(',').filter(Boolean)) out[side]['tls13 records']!.push(t);
    names.forEach((n, i) => {
      const v = values[i] ?? '';
      if (v !== '')
        out[side][n]!.push(
          ...v.split(',').map((x) => (/^(0x[0-9a-f]+|\d+)$/.test(x) ? String(Number(x)) : x)),
        );
    });
  }
  return out;
}

function countSpans(spans: readonly Span[], name: string): number {
  return spans.reduce((n, s) => n + (s.name === name ? 1 : 0) + countSpans(s.children, name), 0);
}

describe('TLS decoder against tshark on the real-traffic corpus', () => {
  it('has the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it.each(files)('%s: every field matches tshark in both directions', async (file) => {
    const corpus = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Corpus;
    const flows = corpus.flows.map((f, i) => ({
      t: 1_764_720_000_000 + i * 10,
      from: f.from,
      bytes: Uint8Array.from(Buffer.from(f.hex, 'hex')),
    }));
    const pcap = writeTempFile(`${file}.pcap`, tlsFlowsToPcap(flows, file));
    const stream = (side: Side) =>
      Buffer.concat(flows.filter((f) => f.from === side).map((f) => f.bytes));
    const server = decodeTlsRecords(stream('server'));
    const client = decodeTlsRecords(stream('client'), { negotiated: server.negotiated });
    const theirs = await theirFields(pcap);
    expect(await tsharkMalformedCount(pcap)).toBe(0);
    for (const [side, decoded] of [
      ['client', client],
      ['server', server],
    ] as const) {
      const ours = ourFields(decoded.spans);
      for (const field of Object.keys(FIELDS))
        expect(ours[field], `${side} ${field}`).toEqual(theirs[side][field]);
      expect(countSpans(decoded.spans, 'encrypted_alert'), `${side} encrypted alerts`).toBe(
        theirs[side]['encrypted alerts']!.length,
      );
      expect(countSpans(decoded.spans, 'encrypted_record'), `${side} TLS 1.3 records`).toBe(
        theirs[side]['tls13 records']!.length,
      );
    }
  });
});
