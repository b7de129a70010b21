/**
 * The real-traffic corpus (./corpus.ts), taken on loopback by this test, read two ways: by the
 * CLI (`capture FILE --keylog K --json`), and by our decoders field by field against tshark's
 * `-T json` reading of the same file with the same key log. For every TLS record: its direction,
 * frame time, type, version and length; for every handshake message in it, in the clear or
 * decrypted: its type and length, and for the hellos the version, random, session id, cipher
 * suites, extension types, supported versions and key-share groups; every alert's level and
 * description. For every DNS message: addresses and ports, frame time, ID, flags, rcode,
 * section counts, question, and each answer's name, type, TTL and address.
 */
import { SPAN_VALUE_TEXT_EN } from '../../src/i18n/span-values.en';
import { spanValueText } from '../../src/i18n/span-value';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Span } from '../../src/engine/bytes';
import { captureSummary, openCapture, type OpenedCapture } from '../../src/engine/capture';
import type { MessageEvent } from '../../src/engine/trace';
import { tempDir } from '../dns/support/processes';
import { runCli } from '../tls/support/peers';
import { generateCorpus, type CorpusEntry } from './corpus';
import { run } from './support';

const KINDS = [
  'tls12-aes128gcm',
  'tls12-aes256gcm',
  'tls12-chacha20',
  'tls13',
  'curl',
  'chromium',
  'dig',
  'any',
  'ipv6',
  'inject',
  'early',
] as const;

let corpus: CorpusEntry[] = [];
beforeAll(async () => {
  corpus = await generateCorpus(tempDir('corpus'));
}, 180_000);
const entry = (name: string) => corpus.find((e) => e.name === name)!;

function open(e: CorpusEntry): OpenedCapture {
  return openCapture(
    new Uint8Array(readFileSync(e.file)),
    e.keylog ? readFileSync(e.keylog, 'utf8') : '',
  );
}

const messages = (c: OpenedCapture['connections'][number]): MessageEvent[] =>
  c.trace.events.flatMap((x) => (x.kind === 'message' ? [x] : []));

describe('capture FILE --keylog K --json, for each kind of the corpus', () => {
  it.each(KINDS)('%s', async (name) => {
    const e = entry(name);
    const cli = await runCli([
      'capture',
      e.file,
      ...(e.keylog ? ['--keylog', e.keylog] : []),
      '--json',
    ]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const json = JSON.parse(cli.stdout) as ReturnType<typeof captureSummary>;
    const tls = json.connections.filter((c) => c.kind === 'tls');
    const dns = json.connections.filter((c) => c.kind === 'dns');
    if (e.tls?.count === 'some') expect(tls.length).toBeGreaterThan(0);
    else expect(tls).toHaveLength(e.tls?.count ?? 0);
    const bracketed = e.host.includes(':') ? `[${e.host}]` : e.host;
    for (const c of tls) {
      expect(c.client.startsWith(`${bracketed}:`)).toBe(true);
      expect(c.server.startsWith(`${bracketed}:`)).toBe(true);
      expect(c.messages[0]).toMatchObject({ from: 'client', name: 'ClientHello' });
      // The server's first answer; before it a 0-RTT client may send ChangeCipherSpec and data.
      expect(c.messages.find((m) => m.from === 'server')?.name).toBe('ServerHello');
      // The key log (given, or inside the file) opened every protected record.
      expect(c.messages.filter((m) => m.encrypted && !m.decrypted)).toEqual([]);
      expect(c.messages.filter((m) => m.decrypted).length).toBeGreaterThan(3);
      if (e.tls!.version === 'TLS 1.3')
        expect(c.messages.map((m) => m.name)).toContain('EncryptedExtensions');
    }
    // Each connection that asked for a page: the GET and the answer, decrypted.
    const gets = tls.filter((c) => c.messages.some((m) => m.name === 'ApplicationData (GET /)'));
    expect(gets.length).toBe(e.tls ? (e.tls.requests ?? 1) : 0);
    if (e.tls?.answered !== false)
      for (const c of gets)
        expect(
          c.messages.some(
            (m) => m.from === 'server' && m.name.startsWith('ApplicationData (HTTP 200'),
          ),
        ).toBe(true);
    expect(dns.map((c) => [c.server, ...c.messages.map((m) => `${m.from} ${m.name}`)])).toEqual(
      (e.dns ?? []).map((d) => [
        d.server,
        `client Query ${d.query}`,
        `server Response ${d.query} NOERROR`,
      ]),
    );
    if (name === 'early') {
      // 0-RTT: the GET went before the server's first flight, under the early traffic keys.
      const names = tls[1]!.messages.map((m) => m.name);
      expect(names.indexOf('ApplicationData (GET /)')).toBeLessThan(names.indexOf('ServerHello'));
      expect(names).toContain('EndOfEarlyData');
    }
    // The JSON is the engine's reading of the same file.
    expect(json).toEqual(captureSummary(open(e)));
  });
});

// ---------------------------------------------------------------------------------------------
// Field by field with tshark

type Json = Record<string, unknown>;

/** Every scalar value under `key`, anywhere below `o`, in document order. */
function all(o: unknown, key: string, out: string[] = []): string[] {
  if (Array.isArray(o)) for (const x of o) all(x, key, out);
  else if (o && typeof o === 'object')
    for (const [k, v] of Object.entries(o as Json)) {
      if (k !== key) all(v, key, out);
      else for (const x of [v].flat()) if (typeof x === 'string') out.push(x);
    }
  return out;
}

/** Every object below `o` holding `key`, in document order (not looking inside one found). */
function objectsWith(o: unknown, key: string, out: Json[] = []): Json[] {
  if (Array.isArray(o)) for (const x of o) objectsWith(x, key, out);
  else if (o && typeof o === 'object') {
    if (key in (o as Json)) out.push(o as Json);
    else for (const v of Object.values(o as Json)) objectsWith(v, key, out);
  }
  return out;
}

const first = (o: unknown, key: string) => all(o, key)[0];
const hex4 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

interface HandshakeFields {
  type: number;
  length: number;
  version?: string;
  random?: string;
  sessionIdLength?: number;
  suites?: string[];
  extensions?: number[];
  supportedVersions?: string[];
  keyShareGroups?: number[];
}

interface RecordFields {
  way: string;
  time: number;
  type: number;
  version: string;
  length: number;
  handshakes: HandshakeFields[];
  alert?: [number, number];
}

interface DnsFields {
  way: string;
  time: number;
  id: number;
  response: boolean;
  opcode: number;
  flags: { aa: boolean; tc: boolean; rd: boolean; ra: boolean };
  rcode: string;
  counts: number[];
  question: [string, number];
  answers: [string, number, number, string][];
}

async function tsharkJson(file: string, args: string[]): Promise<Json[]> {
  const text = await run('tshark', ['-r', file, ...args, '-T', 'json', '--no-duplicate-keys']);
  return (JSON.parse(text) as { _source: { layers: Json } }[]).map((p) => p._source.layers);
}

function endpointOf(layers: Json, side: 'src' | 'dst', port: string): string {
  const v4 = first(layers['ip'], `ip.${side}`);
  return v4 ? `${v4}:${port}` : `[${first(layers['ipv6'], `ipv6.${side}`)!}]:${port}`;
}

function wayOf(layers: Json, proto: 'tcp' | 'udp'): string {
  const l = layers[proto];
  return `${endpointOf(layers, 'src', first(l, `${proto}.srcport`)!)}>${endpointOf(layers, 'dst', first(l, `${proto}.dstport`)!)}`;
}

function theirHandshake(h: Json): HandshakeFields {
  const out: HandshakeFields = {
    type: Number(h['tls.handshake.type']),
    length: Number(h['tls.handshake.length']),
  };
  if (out.type === 1 || out.type === 2) {
    out.version = h['tls.handshake.version'] as string;
    out.random = (h['tls.handshake.random'] as string).replace(/:/g, '');
    out.sessionIdLength = Number(h['tls.handshake.session_id_length']);
    out.suites = [...all(h, 'tls.handshake.ciphersuite')];
    out.extensions = Object.entries(h)
      .filter(([k]) => k.startsWith('Extension: '))
      .flatMap(([, v]) => [v].flat() as Json[])
      .map((x) => Number(x['tls.handshake.extension.type']));
    out.supportedVersions = all(h, 'tls.handshake.extensions.supported_version');
    out.keyShareGroups = all(h, 'tls.handshake.extensions_key_share_group').map(Number);
  }
  return out;
}

async function tsharkTls(e: CorpusEntry): Promise<RecordFields[]> {
  const keylog = e.keylog ? ['-o', `tls.keylog_file:${e.keylog}`] : [];
  const frames = await tsharkJson(e.file, [...keylog, '-Y', 'tls', '-J', 'frame ip ipv6 tcp tls']);
  return frames.flatMap((layers) => {
    const way = wayOf(layers, 'tcp');
    const time = epochMs(first(layers['frame'], 'frame.time_epoch')!);
    return objectsWith(layers['tls'], 'tls.record.length').map((r) => {
      const alert = objectsWith(r, 'tls.alert_message.desc')[0];
      return {
        way,
        time,
        // A TLS 1.3 protected record: the outer type is the opaque type (RFC 8446, 5.2).
        type: Number(r['tls.record.opaque_type'] ?? r['tls.record.content_type']),
        version: r['tls.record.version'] as string,
        length: Number(r['tls.record.length']),
        handshakes: objectsWith(r, 'tls.handshake.type').map(theirHandshake),
        ...(alert
          ? {
              alert: [
                Number(alert['tls.alert_message.level']),
                Number(alert['tls.alert_message.desc']),
              ] as [number, number],
            }
          : {}),
      };
    });
  });
}

/** Our spans: each named `name` below `spans`, in order. */
function spansNamed(spans: readonly Span[], name: string, out: Span[] = []): Span[] {
  for (const s of spans) {
    if (s.name === name) out.push(s);
    spansNamed(s.children, name, out);
  }
  return out;
}

/** The number our decoder shows in a value such as "handshake (22)" or "TLS 1.2 (0x0303)". */
function code(s: Span | undefined): string {
  const v = String(s?.value ?? '');
  return /\(([^()]+)\)$/.exec(v)?.[1] ?? v;
}

const HANDSHAKE_TYPES: Record<string, number> = {
  ClientHello: 1,
  ServerHello: 2,
  NewSessionTicket: 4,
  EndOfEarlyData: 5,
  EncryptedExtensions: 8,
  Certificate: 11,
  ServerKeyExchange: 12,
  CertificateRequest: 13,
  ServerHelloDone: 14,
  CertificateVerify: 15,
  ClientKeyExchange: 16,
  Finished: 20,
  KeyUpdate: 24,
};

const ALERT_LEVELS: Record<string, number> = { warning: 1, fatal: 2 };

function ourHandshakesInTheClear(spans: readonly Span[], bytes: Uint8Array): HandshakeFields[] {
  const fragment = spansNamed(spans, 'fragment')[0];
  return (fragment?.children ?? [])
    .filter((m) => HANDSHAKE_TYPES[m.name] !== undefined)
    .map((m) => {
      const child = (n: string) => m.children.find((c) => c.name === n);
      const out: HandshakeFields = {
        type: Number(code(child('msg_type'))),
        length: Number(child('length')!.value),
      };
      if (out.type === 1 || out.type === 2) {
        out.version = code(child(out.type === 1 ? 'client_version' : 'server_version'));
        const random = child('random')!;
        out.random = Buffer.from(
          bytes.subarray(random.offset, random.offset + random.length),
        ).toString('hex');
        out.sessionIdLength = Number(
          child('session_id')!.children.find((c) => c.name === 'length')!.value,
        );
        out.suites =
          out.type === 1
            ? spansNamed(child('cipher_suites')!.children, 'cipher_suite').map(code)
            : [code(child('cipher_suite'))];
        const extensions = child('extensions')?.children.filter((c) => c.name !== 'length') ?? [];
        out.extensions = extensions.map((x) =>
          Number(code(spansNamed(x.children, 'extension_type')[0])),
        );
        const versions = extensions.find((x) => x.name === 'supported_versions');
        out.supportedVersions = versions
          ? [
              ...spansNamed(versions.children, 'version'),
              ...spansNamed(versions.children, 'selected_version'),
            ].map(code)
          : [];
        const shares = extensions.find((x) => x.name === 'key_share');
        out.keyShareGroups = shares
          ? spansNamed(shares.children, 'group').map((g) => Number(code(g)))
          : [];
      }
      return out;
    });
}

function ours(opened: OpenedCapture): RecordFields[] {
  return opened.connections
    .filter((c) => c.kind === 'tls')
    .flatMap(messages)
    .map((m) => {
      const record = m.spans[0]!;
      const field = (n: string) => record.children.find((c) => c.name === n);
      let handshakes: HandshakeFields[];
      let alert: [number, number] | undefined;
      if (m.decrypted) {
        // What the key log opened: the handshake messages and alerts inside.
        handshakes = m.decrypted.spans
          .filter((s) => HANDSHAKE_TYPES[s.name] !== undefined)
          .map((s) => ({
            type: HANDSHAKE_TYPES[s.name]!,
            length: Number(/^\d+/.exec(spanValueText(SPAN_VALUE_TEXT_EN, s.value!))![0]),
          }));
        const level = m.decrypted.spans.find((s) => s.name === 'level');
        const desc = m.decrypted.spans.find((s) => s.name === 'description');
        if (level && desc) alert = [ALERT_LEVELS[String(level.value)]!, m.decrypted.plaintext[1]!];
      } else {
        handshakes = ourHandshakesInTheClear(m.spans, m.bytes);
        const level = spansNamed(m.spans, 'level')[0];
        const desc = spansNamed(m.spans, 'description')[0];
        if (m.bytes[0] === 21 && level && desc) alert = [Number(code(level)), Number(code(desc))];
      }
      return {
        way: `${m.from}>${m.to}`,
        time: opened.start + m.t,
        type: Number(code(field('type'))),
        version:
          /0x[0-9a-f]{4}/.exec(String(field('version')?.value))?.[0] ??
          hex4((m.bytes[1]! << 8) | m.bytes[2]!),
        length: Number(field('length')!.value),
        handshakes,
        ...(alert ? { alert } : {}),
      };
    });
}

/** Sorted by direction, then time: tshark lists frames in capture order, we by connection. */
const byWay = <T extends { way: string; time: number }>(list: T[]) =>
  [...list].sort((a, b) => (a.way < b.way ? -1 : a.way > b.way ? 1 : a.time - b.time));

/**
 * Our times are doubles of milliseconds since 1970: near 2^41 ms they hold about a quarter of a
 * microsecond, and dumpcap writes nanoseconds. A time within half a microsecond of tshark's is
 * the same time; any other difference stays and fails the comparison.
 */
function sameTimes<T extends { time: number }>(mine: T[], theirs: T[]): T[] {
  return theirs.map((x, i) =>
    mine[i] && Math.abs(mine[i].time - x.time) < 0.0005 ? { ...x, time: mine[i].time } : x,
  );
}

/** tshark's "1796323918.138027157" in milliseconds, without a double's rounding of the whole. */
function epochMs(text: string): number {
  const [sec, frac = ''] = text.split('.');
  return Number(sec) * 1000 + Number(frac.padEnd(9, '0').slice(0, 9)) / 1e6;
}

async function tsharkDns(e: CorpusEntry): Promise<DnsFields[]> {
  const port = e.dns![0]!.server.split(':').pop()!;
  const frames = await tsharkJson(e.file, [
    '-d',
    `udp.port==${port},dns`,
    '-d',
    `tcp.port==${port},dns`,
    '-Y',
    'dns',
    '-J',
    'frame ip ipv6 udp tcp dns',
  ]);
  return frames.map((layers) => {
    const dns = layers['dns'] as Json;
    const flag = (n: string) => first(dns, `dns.flags.${n}`) === '1';
    return {
      way: wayOf(layers, layers['udp'] ? 'udp' : 'tcp'),
      time: epochMs(first(layers['frame'], 'frame.time_epoch')!),
      id: Number(dns['dns.id']),
      response: flag('response'),
      opcode: Number(first(dns, 'dns.flags.opcode')),
      flags: {
        aa: flag('authoritative') && flag('response'),
        tc: flag('truncated'),
        rd: flag('recdesired'),
        ra: flag('recavail') && flag('response'),
      },
      rcode: flag('response') ? first(dns, 'dns.flags.rcode')! : '0',
      counts: ['queries', 'answers', 'auth_rr', 'add_rr'].map((k) => Number(dns[`dns.count.${k}`])),
      question: [first(dns, 'dns.qry.name')!, Number(first(dns, 'dns.qry.type'))],
      answers: objectsWith(dns['Answers'], 'dns.resp.type').map((a) => [
        a['dns.resp.name'] as string,
        Number(a['dns.resp.type']),
        Number(a['dns.resp.ttl']),
        (a['dns.a'] ?? a['dns.aaaa']) as string,
      ]),
    };
  });
}

const RCODES: Record<string, string> = { NOERROR: '0', FORMERR: '1', SERVFAIL: '2', NXDOMAIN: '3' };

function ourDns(opened: OpenedCapture): DnsFields[] {
  return opened.connections
    .filter((c) => c.kind === 'dns')
    .flatMap(messages)
    .map((m) => {
      const s = (n: string) => spansNamed(m.spans, n);
      const bits = Object.fromEntries(
        s('flags')[0]!
          .children.flatMap((c) => String(c.value).split(' '))
          .map((kv) => kv.split('=') as [string, string]),
      );
      const question = s('question')[0]!;
      const q = (n: string) => question.children.find((c) => c.name === n)!;
      const response = bits['QR'] === '1';
      return {
        way: `${m.from}>${m.to}`,
        time: opened.start + m.t,
        id: Number(s('id')[0]!.value),
        response,
        opcode: bits['opcode'] === 'QUERY' ? 0 : Number(bits['opcode']),
        flags: {
          aa: bits['AA'] === '1',
          tc: bits['TC'] === '1',
          rd: bits['RD'] === '1',
          ra: bits['RA'] === '1',
        },
        rcode: RCODES[bits['rcode']!] ?? bits['rcode']!,
        counts: ['qdcount', 'ancount', 'nscount', 'arcount'].map((n) => Number(s(n)[0]!.value)),
        question: [String(q('qname').value).replace(/\.$/, ''), Number(code(q('qtype')))],
        answers: s('answer').map((a) => {
          const f = (n: string) => a.children.find((c) => c.name === n)!;
          return [
            String(f('name').value).replace(/\.$/, ''),
            Number(code(f('type'))),
            Number(/^\d+/.exec(String(f('ttl').value))![0]),
            String(f('rdata').children[0]!.value),
          ] as [string, number, number, string];
        }),
      };
    });
}

describe('our decoders against tshark, field by field, on the corpus', () => {
  it.each(KINDS)('%s', async (name) => {
    const e = entry(name);
    const opened = open(e);
    expect(opened.problem).toBeUndefined();
    if (e.link) expect(await run('capinfos', ['-E', e.file])).toMatch(e.link);
    if (e.tls) {
      const mine = byWay(ours(opened));
      const theirs = sameTimes(mine, byWay(await tsharkTls(e)));
      expect(mine.length).toBeGreaterThan(8);
      expect(mine).toEqual(theirs);
      // The hellos carried what the corpus asked for, and the fields compared were there.
      const clientHello = mine.flatMap((r) => r.handshakes).find((h) => h.type === 1)!;
      expect(clientHello.suites!.length).toBeGreaterThan(0);
      expect(clientHello.extensions!.length).toBeGreaterThan(4);
      if (e.tls.version === 'TLS 1.3')
        expect(clientHello.keyShareGroups!.length).toBeGreaterThan(0);
      // Handshake messages that only the key log reveals were compared too.
      const finished = mine.filter((r) => r.handshakes.some((h) => h.type === 20));
      expect(finished.length).toBeGreaterThanOrEqual(2);
      if (e.tls.version === 'TLS 1.3')
        expect(mine.filter((r) => r.type === 23 && r.handshakes.length > 0).length).toBeGreaterThan(
          3,
        );
      const serverHello = mine.flatMap((r) => r.handshakes).find((h) => h.type === 2)!;
      if (e.tls.suite !== undefined) expect(serverHello.suites).toEqual([hex4(e.tls.suite)]);
      expect(serverHello.supportedVersions).toEqual(e.tls.version === 'TLS 1.3' ? ['0x0304'] : []);
    }
    if (e.dns) {
      const mine = byWay(ourDns(opened));
      const theirs = sameTimes(mine, byWay(await tsharkDns(e)));
      expect(mine).toHaveLength(e.dns.length * 2);
      expect(mine.filter((m) => m.response && m.answers.length > 0)).toHaveLength(e.dns.length);
      expect(mine).toEqual(theirs);
    }
  });
});
