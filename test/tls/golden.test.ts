/**
 * Golden transcripts (STYLE.md, after Go crypto/tls): the in-memory run with a fixed seed on the
 * fixed virtual clock, every record stored as hex in test/golden/tls/. A changed byte anywhere
 * fails the test; `UPDATE_GOLDEN=1 npx vitest run test/tls/golden.test.ts` rewrites the files.
 *
 * The stored bytes are then checked independently of the engine that made them: our decoder reads
 * every flow, and Wireshark (tshark), given the key log line stored with them, decrypts the
 * Finished messages, the GET and the 200 from a capture of exactly those bytes and finds nothing
 * malformed. (Replaying them to a real peer is not possible: its randomness differs from ours.)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyLogLine } from '../../src/cli/tls/keylog';
import { negotiatedKeyLog } from '../../src/engine/tls/keylog';
import { toHex } from '../../src/engine/bytes/hex';
import { runTlsExchange, type TlsRunResult } from '../../src/engine/scenarios/tls-run';
import { DEMO_EPOCH_MS } from '../../src/engine/sim/clock';
import { PcapWriter } from '../../src/engine/sim/pcap';
import { TcpConversation } from '../../src/engine/sim/tcp-conversation';
import { decodeTlsRecords } from '../../src/engine/tls/decode';
import type { ClientConfig, ServerConfig } from '../../src/engine/tls/config';
import { NamedGroup, cipherSuiteName, namedGroupName } from '../../src/engine/tls/enums';
import { Tls13TicketStore } from '../../src/engine/tls/tls13/client/tickets';
import {
  CHECKSUM_ARGS,
  tsharkCount,
  tsharkFields,
  tsharkMalformedCount,
  writeTempFile,
} from '../helpers/tshark';
import { formatTranscript, parseTranscript, type GoldenTranscript } from './support/golden';
import { REPO_ROOT } from './support/peers';

const GOLDEN_DIR = join(REPO_ROOT, 'test', 'golden', 'tls');
const SEED = 'golden';
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** These goldens are TLS 1.2's: both sides speak TLS 1.2 alone, as before TLS 1.3 came. */
const TLS12_ONLY = {
  client: (c: ClientConfig): void => {
    c.versions = ['1.2'];
  },
  server: (c: ServerConfig): void => {
    c.versions = ['1.2'];
  },
};

function fullHandshake(seed: string = SEED): Promise<TlsRunResult> {
  return runTlsExchange({ seed, ...TLS12_ONLY });
}

/** A second connection on the same clock and RNG, offering the first one's session ticket. */
function resumedHandshake(first: TlsRunResult): Promise<TlsRunResult> {
  return runTlsExchange({
    seed: SEED,
    reuse: {
      client: first.clientConfig,
      server: first.serverConfig,
      clock: first.clock,
      rng: first.rng,
    },
  });
}

function transcriptOf(run: TlsRunResult, title: string): GoldenTranscript {
  const n = run.client.negotiated;
  return {
    comments: [
      title,
      `runTlsExchange with seed '${SEED}' on the virtual clock from ${new Date(DEMO_EPOCH_MS).toISOString()}.`,
      'Regenerate with: UPDATE_GOLDEN=1 npx vitest run test/tls/golden.test.ts',
      `${cipherSuiteName(n.cipherSuite!)}, group ${n.group === undefined ? 'none' : namedGroupName(n.group)}, ` +
        `extended master secret ${n.extendedMasterSecret ? 'yes' : 'no'}, resumed ${n.resumed ?? 'no'}.`,
      'The NSS key log line that lets Wireshark decrypt these flows:',
      keyLogLine(n.clientRandom!, n.masterSecret!).trim(),
    ],
    flows: run.flows.map(({ from, bytes }) => ({ from, bytes })),
  };
}

/** The stored file's text; with UPDATE_GOLDEN=1 it is rewritten from `transcript` first. */
function loadGolden(file: string, transcript: GoldenTranscript): string {
  const path = join(GOLDEN_DIR, file);
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, formatTranscript(transcript));
  }
  if (!existsSync(path))
    throw new Error(`${path} is missing: run with UPDATE_GOLDEN=1 to create it`);
  return readFileSync(path, 'utf8');
}

/** Compares flow by flow, so that a failure names the flow, then the whole text. */
function expectMatchesGolden(transcript: GoldenTranscript, stored: string): void {
  const golden = parseTranscript(stored);
  const view = (t: GoldenTranscript): { flow: number; from: string; hex: string }[] =>
    t.flows.map((f, i) => ({ flow: i + 1, from: f.from, hex: toHex(f.bytes) }));
  expect(view(transcript)).toEqual(view(golden));
  expect(transcript.comments).toEqual(golden.comments);
  // Byte for byte, formatting included: the file is what a reviewer reads.
  expect(formatTranscript(transcript)).toBe(stored);
}

/** The stored flows as a TCP conversation on port 443 (which Wireshark dissects as TLS), 10 ms apart. */
function pcapOf(golden: GoldenTranscript): string {
  const tcp = new TcpConversation({
    client: { ip: '192.0.2.10', port: 49152 },
    server: { ip: '192.0.2.20', port: 443 },
    clientIsn: 1000,
    serverIsn: 5000,
  });
  const start = DEMO_EPOCH_MS;
  tcp.open(start);
  golden.flows.forEach((flow, i) => tcp.send(start + 10 * (i + 1), flow.from, flow.bytes));
  tcp.close(start + 10 * (golden.flows.length + 1), 'client');
  const writer = new PcapWriter();
  tcp.writeTo(writer);
  return writeTempFile('golden.pcap', writer.toBytes());
}

function keylogOf(golden: GoldenTranscript): string {
  const line = golden.comments.find((c) => c.startsWith('CLIENT_RANDOM '));
  if (!line) throw new Error('the golden file has no CLIENT_RANDOM line');
  return writeTempFile('golden.keylog', `${line}\n`);
}

/** Each direction's flows, concatenated, through `tls decode`'s decoder: one summary line a record. */
function decodeSummaries(golden: GoldenTranscript, from: 'client' | 'server'): string[] {
  const flows = golden.flows.filter((f) => f.from === from);
  const stream = Uint8Array.from(flows.flatMap((f) => [...f.bytes]));
  return decodeTlsRecords(stream).summary;
}

describe('the golden full handshake', () => {
  const title = 'Full TLS 1.2 handshake, GET / and 200, close_notify both ways.';
  let run: TlsRunResult;
  let stored: string;
  let golden: GoldenTranscript;
  beforeAll(async () => {
    run = await fullHandshake();
    stored = loadGolden('full-handshake.txt', transcriptOf(run, title));
    // The checks below read the stored bytes, not the run's: they hold for the file as committed.
    golden = parseTranscript(stored);
  });

  it('matches test/golden/tls/full-handshake.txt byte for byte', () => {
    expect(run.ok).toBe(true);
    expectMatchesGolden(transcriptOf(run, title), stored);
    expect(golden.flows).toHaveLength(15);
  });

  it('decodes: every record of every flow, in both directions', () => {
    expect(decodeSummaries(golden, 'client').map((s) => s.replace(/^record \d+: /, ''))).toEqual([
      expect.stringMatching(
        /^handshake TLS 1\.2 \(0x0303\), \d+ bytes: ClientHello TLS 1\.2, 4 cipher suites, 8 extensions, SNI www\.example\.com/,
      ),
      expect.stringMatching(/: ClientKeyExchange \(32-byte public key\)$/),
      expect.stringMatching(/: ChangeCipherSpec$/),
      expect.stringMatching(/: encrypted handshake \(40 bytes\)$/),
      expect.stringMatching(/: encrypted application_data/),
      expect.stringMatching(/: encrypted alert \(26 bytes\)$/),
    ]);
    expect(
      decodeSummaries(golden, 'server').map((s) =>
        s.replace(/^record \d+: handshake TLS 1\.2 \(0x0303\), \d+ bytes: /, ''),
      ),
    ).toEqual([
      'ServerHello TLS 1.2, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      'Certificate (2 certificates)',
      'ServerKeyExchange x25519, rsa_pkcs1_sha256',
      'ServerHelloDone',
      expect.stringMatching(/^NewSessionTicket \(lifetime 300 s, \d+-byte ticket\)$/),
      expect.stringMatching(/: ChangeCipherSpec$/),
      'encrypted handshake (40 bytes)',
      expect.stringMatching(/: encrypted application_data/),
      expect.stringMatching(/: encrypted alert \(26 bytes\)$/),
    ]);
  });

  it('is decrypted cleanly by tshark with the stored key log line', async () => {
    const pcap = pcapOf(golden);
    const keylog = keylogOf(golden);
    expect(await tsharkMalformedCount(pcap, CHECKSUM_ARGS, { keylog })).toBe(0);
    // Both Finished messages decrypt (handshake type 20): Wireshark derived the same keys.
    expect(await tsharkCount(pcap, 'tls.handshake.type == 20', { keylog })).toBe(2);
    expect(
      await tsharkFields(pcap, ['http.request.method', 'http.request.uri', 'http.host'], {
        keylog,
        filter: 'http.request',
      }),
    ).toEqual([['GET', '/', 'www.example.com']]);
    expect(
      await tsharkFields(pcap, ['http.response.code'], { keylog, filter: 'http.response' }),
    ).toEqual([['200']]);
  });
});

describe('the golden resumed handshake (session ticket)', () => {
  const title =
    'Abbreviated TLS 1.2 handshake resuming the full handshake by its session ticket, then GET / and 200.';
  let run: TlsRunResult;
  let stored: string;
  let golden: GoldenTranscript;
  beforeAll(async () => {
    run = await resumedHandshake(await fullHandshake());
    stored = loadGolden('resumed-ticket.txt', transcriptOf(run, title));
    golden = parseTranscript(stored);
  });

  it('matches test/golden/tls/resumed-ticket.txt byte for byte', () => {
    expect(run.ok).toBe(true);
    expect(run.client.negotiated.resumed).toBe('session_ticket');
    expect(run.server.negotiated.resumed).toBe('session_ticket');
    expectMatchesGolden(transcriptOf(run, title), stored);
    expect(golden.flows).toHaveLength(10);
  });

  it('decodes: the server speaks first after its hello, and sends no certificate', () => {
    expect(decodeSummaries(golden, 'server').map((s) => s.replace(/^record \d+: /, ''))).toEqual([
      expect.stringMatching(/: ServerHello TLS 1\.2, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256/),
      expect.stringMatching(/: ChangeCipherSpec$/),
      expect.stringMatching(/: encrypted handshake \(40 bytes\)$/),
      expect.stringMatching(/: encrypted application_data/),
      expect.stringMatching(/: encrypted alert \(26 bytes\)$/),
    ]);
    expect(decodeSummaries(golden, 'client')[0]).toMatch(/ClientHello TLS 1\.2/);
  });

  it('is decrypted cleanly by tshark with the stored key log line', async () => {
    const pcap = pcapOf(golden);
    const keylog = keylogOf(golden);
    expect(await tsharkMalformedCount(pcap, CHECKSUM_ARGS, { keylog })).toBe(0);
    expect(await tsharkCount(pcap, 'tls.handshake.type == 11', { keylog })).toBe(0);
    expect(await tsharkCount(pcap, 'tls.handshake.type == 20', { keylog })).toBe(2);
    expect(
      await tsharkFields(pcap, ['http.request.method'], { keylog, filter: 'http.request' }),
    ).toEqual([['GET']]);
    expect(
      await tsharkFields(pcap, ['http.response.code'], { keylog, filter: 'http.response' }),
    ).toEqual([['200']]);
  });
});

describe('the golden handshake with a CertificateRequest (optional client authentication)', () => {
  const title =
    'Full TLS 1.2 handshake in which the server asks for a client certificate and the client, having none, sends an empty Certificate; then GET / and 200.';
  let run: TlsRunResult;
  let stored: string;
  let golden: GoldenTranscript;
  beforeAll(async () => {
    run = await runTlsExchange({
      seed: SEED,
      client: TLS12_ONLY.client,
      server: (c) => {
        TLS12_ONLY.server(c);
        c.requestClientCertificate = true;
      },
    });
    stored = loadGolden('client-certificate-requested.txt', transcriptOf(run, title));
    golden = parseTranscript(stored);
  });

  it('matches test/golden/tls/client-certificate-requested.txt byte for byte', () => {
    expect(run.ok).toBe(true);
    expectMatchesGolden(transcriptOf(run, title), stored);
    expect(golden.flows).toHaveLength(17);
  });

  it('decodes: CertificateRequest before ServerHelloDone, the empty Certificate before ClientKeyExchange', () => {
    const strip = (s: string): string =>
      s.replace(/^record \d+: handshake TLS 1\.2 \(0x0303\), \d+ bytes: /, '');
    expect(decodeSummaries(golden, 'server').slice(0, 5).map(strip)).toEqual([
      'ServerHello TLS 1.2, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      'Certificate (2 certificates)',
      'ServerKeyExchange x25519, rsa_pkcs1_sha256',
      'CertificateRequest (rsa_sign ecdsa_sign, 1 CA name)',
      'ServerHelloDone',
    ]);
    expect(decodeSummaries(golden, 'client').slice(1, 3).map(strip)).toEqual([
      'Certificate (0 certificates)',
      'ClientKeyExchange (32-byte public key)',
    ]);
  });

  it('is read by tshark as we wrote it, and decrypted with the stored key log line', async () => {
    const pcap = pcapOf(golden);
    const keylog = keylogOf(golden);
    expect(await tsharkMalformedCount(pcap, CHECKSUM_ARGS, { keylog })).toBe(0);
    expect(
      await tsharkFields(
        pcap,
        ['tls.handshake.cert_type', 'tls.handshake.sig_hash_alg', 'tls.handshake.dname_len'],
        { keylog, filter: 'tls.handshake.type == 13' },
      ),
    ).toEqual([['1,64', '0x0403,0x0503,0x0603,0x0401,0x0501,0x0601,0x0804,0x0805,0x0806', '58']]);
    // The client's Certificate: an empty certificate_list.
    expect(
      await tsharkFields(pcap, ['tls.handshake.certificates_length'], {
        keylog,
        filter: 'tls.handshake.type == 11 && tcp.srcport == 49152',
      }),
    ).toEqual([['0']]);
    expect(await tsharkCount(pcap, 'tls.handshake.type == 20', { keylog })).toBe(2);
    expect(
      await tsharkFields(pcap, ['http.response.code'], { keylog, filter: 'http.response' }),
    ).toEqual([['200']]);
  });
});

/** TLS 1.3 only on both sides: the default groups, suites and certificate. */
function tls13Only(c: ClientConfig | ServerConfig): void {
  c.versions = ['1.3'];
}

/**
 * One TLS 1.3 golden. A golden only means something if a real peer accepts the same bytes, and
 * ours cannot be replayed to one (its randomness differs), so each names the interop test that
 * runs the same code path of our client and server against OpenSSL.
 */
interface Tls13Golden {
  file: string;
  title: string;
  interop: string;
  run(): Promise<TlsRunResult>;
  /** Handshake message types (tls.handshake.type) tshark finds once it has the keys, and how often. */
  handshakeCounts: Record<number, number>;
}

const TLS13_GOLDENS: readonly Tls13Golden[] = [
  {
    file: 'tls13-full-handshake.txt',
    title: 'Full TLS 1.3 handshake (RFC 8446), GET / and 200, close_notify both ways.',
    interop:
      'client-openssl.test.ts (every suite × group against s_server -tls1_3), server-openssl.test.ts (s_client -tls1_3 against tls serve)',
    run: () => runTlsExchange({ seed: SEED, client: tls13Only, server: tls13Only }),
    // EncryptedExtensions, Certificate, CertificateVerify once; two Finished.
    handshakeCounts: { 2: 1, 8: 1, 11: 1, 15: 1, 20: 2 },
  },
  {
    file: 'tls13-hello-retry.txt',
    title:
      'TLS 1.3 with a HelloRetryRequest (RFC 8446, Section 4.1.4): an x25519 share, a server that takes only the NIST curves, a second ClientHello for secp256r1.',
    interop:
      'client-openssl.test.ts (a HelloRetryRequest from s_server -groups secp384r1), server-openssl.test.ts (s_client with a share for a group our server likes less)',
    run: () =>
      runTlsExchange({
        seed: SEED,
        client: (c) => {
          tls13Only(c);
          c.groups = [NamedGroup.x25519, NamedGroup.secp256r1, NamedGroup.secp384r1];
        },
        server: (c) => {
          tls13Only(c);
          c.groups = [NamedGroup.secp256r1, NamedGroup.secp384r1];
        },
      }),
    // The HelloRetryRequest and the ServerHello are both msg_type 2; two ClientHellos.
    handshakeCounts: { 1: 2, 2: 2, 8: 1, 11: 1, 15: 1, 20: 2 },
  },
  {
    file: 'tls13-psk-resumption.txt',
    title:
      'TLS 1.3 resumption with a PSK from the first connection’s NewSessionTicket (psk_dhe_ke, RFC 8446, Section 2.2): no Certificate, no CertificateVerify. Only the second connection is stored.',
    interop:
      'client-openssl.test.ts (--reconnect against s_server -tls1_3: "resumed: yes (psk)"), server-openssl.test.ts (s_client -sess_out/-sess_in: "Reused, TLSv1.3")',
    run: async () => {
      const first = await runTlsExchange({
        seed: SEED,
        client: (c) => {
          tls13Only(c);
          c.tls13Tickets = new Tls13TicketStore();
        },
        server: tls13Only,
      });
      return runTlsExchange({
        seed: SEED,
        reuse: {
          client: first.clientConfig,
          server: first.serverConfig,
          clock: first.clock,
          rng: first.rng,
        },
      });
    },
    handshakeCounts: { 1: 1, 2: 1, 8: 1, 11: 0, 15: 0, 20: 2 },
  },
];

function tls13TranscriptOf(run: TlsRunResult, golden: Tls13Golden): GoldenTranscript {
  const n = run.client.negotiated;
  return {
    comments: [
      golden.title,
      `runTlsExchange with seed '${SEED}' on the virtual clock from ${new Date(DEMO_EPOCH_MS).toISOString()}.`,
      'Regenerate with: UPDATE_GOLDEN=1 npx vitest run test/tls/golden.test.ts',
      `${cipherSuiteName(n.cipherSuite!)}, group ${n.group === undefined ? 'none' : namedGroupName(n.group)}, resumed ${n.resumedPsk ? 'psk' : (n.resumed ?? 'no')}.`,
      'The NSS key log lines (RFC 8446 traffic secrets) that let Wireshark decrypt these flows:',
      ...negotiatedKeyLog(n).trim().split('\n'),
    ],
    flows: run.flows.map(({ from, bytes }) => ({ from, bytes })),
  };
}

/** Every TLS 1.3 key log line stored in the golden's comments. */
function tls13KeylogOf(golden: GoldenTranscript): string {
  const lines = golden.comments.filter((c) => /^[A-Z_0-9]+_SECRET(_0)? [0-9a-f]{64} /.test(c));
  if (lines.length === 0) throw new Error('the golden file has no TLS 1.3 key log lines');
  return writeTempFile('golden13.keylog', `${lines.join('\n')}\n`);
}

for (const case13 of TLS13_GOLDENS)
  describe(`the golden ${case13.file}`, () => {
    let run: TlsRunResult;
    let stored: string;
    let golden: GoldenTranscript;
    beforeAll(async () => {
      run = await case13.run();
      stored = loadGolden(case13.file, tls13TranscriptOf(run, case13));
      golden = parseTranscript(stored);
    });

    it(`matches byte for byte; a real peer takes the same path in ${case13.interop}`, () => {
      expect(run.ok).toBe(true);
      expect(run.client.negotiated.tls13Secrets).toBeDefined();
      expectMatchesGolden(tls13TranscriptOf(run, case13), stored);
      // Five secrets logged: both handshake and both application traffic secrets, the exporter.
      expect(golden.comments.filter((c) => /_SECRET/.test(c) && !c.startsWith('The'))).toHaveLength(
        5,
      );
    });

    it('decodes: the hellos in the clear, everything after them encrypted', () => {
      const client = decodeSummaries(golden, 'client');
      const server = decodeSummaries(golden, 'server');
      expect(client[0]).toMatch(/ClientHello/);
      expect(server[0]).toMatch(/ServerHello|HelloRetryRequest/);
      // Only application_data records (and the compatibility ChangeCipherSpec), but for the hellos.
      for (const s of [...client, ...server].filter((s) => !/Hello/.test(s)))
        expect(s).toMatch(/: ChangeCipherSpec( \(middlebox compatibility\))?$|: encrypted /);
    });

    it('is decrypted cleanly by tshark with the stored key log lines', async () => {
      const pcap = pcapOf(golden);
      const keylog = tls13KeylogOf(golden);
      expect(await tsharkMalformedCount(pcap, CHECKSUM_ARGS, { keylog })).toBe(0);
      for (const [type, count] of Object.entries(case13.handshakeCounts))
        expect(await tsharkCount(pcap, `tls.handshake.type == ${type}`, { keylog }), type).toBe(
          count,
        );
      // Without the keys, nothing after the hellos reads.
      expect(await tsharkCount(pcap, 'tls.handshake.type == 8')).toBe(0);
      expect(
        await tsharkFields(pcap, ['http.request.method', 'http.request.uri', 'http.host'], {
          keylog,
          filter: 'http.request',
        }),
      ).toEqual([['GET', '/', 'www.example.com']]);
      expect(
        await tsharkFields(pcap, ['http.response.code'], { keylog, filter: 'http.response' }),
      ).toEqual([['200']]);
    });
  });

describe('determinism', () => {
  it('gives the same flows, at the same virtual times, for the same seed', async () => {
    const [a, b] = [await fullHandshake(), await fullHandshake()];
    const view = (r: TlsRunResult): string[] =>
      r.flows.map((f) => `${f.t} ${f.from} ${toHex(f.bytes)}`);
    expect(view(a)).toEqual(view(b));
    const [ra, rb] = [await resumedHandshake(a), await resumedHandshake(b)];
    expect(view(ra)).toEqual(view(rb));
  });

  it('gives different bytes for a different seed, exactly where randomness goes', async () => {
    const [a, b] = [await fullHandshake('golden'), await fullHandshake('golden, but not quite')];
    expect(b.flows.map((f) => f.from)).toEqual(a.flows.map((f) => f.from));
    // ClientHello: only client_random differs (record header 5 + handshake header 4 + version 2).
    const helloA = a.flows[0]!.bytes;
    const helloB = b.flows[0]!.bytes;
    const differing = [...helloA.keys()].filter((i) => helloA[i] !== helloB[i]);
    expect(Math.min(...differing)).toBeGreaterThanOrEqual(11);
    expect(Math.max(...differing)).toBeLessThan(11 + 32);
    // The Certificate record holds no randomness; every other server flight record does.
    const changed = a.flows.map((f, i) => toHex(f.bytes) !== toHex(b.flows[i]!.bytes));
    expect(changed).toEqual([
      true,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      true,
      false,
      true,
      true,
      true,
      true,
      true,
    ]);
  });
});
