/**
 * `tls probe` against real servers on loopback, each configured with what the probe must find;
 * on two of them the findings are also checked against nmap's ssl-enum-ciphers and sslscan.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseProbeJson } from '../../src/engine/scenarios/probe-json';
import { REPO_ROOT, freePort, pemPath, runCli } from './support/peers';
import {
  GNUTLS_PROBED,
  GNUTLS_PROBED_SUITES,
  NGINX_PROBED,
  nmapScan,
  probeJson,
  probeRun,
  probeWithExchanges,
  sslscan,
  startGnutls,
  startMute,
  startNginx,
  startChoker,
  startSServer,
  type Peer,
  type ProbeJson,
} from './support/probe-peers';

let peer: Peer | undefined;
afterEach(async () => {
  await peer?.stop();
  peer = undefined;
});

const sorted = (xs: readonly string[] | undefined): string[] => [...(xs ?? [])].sort();

/** A JSON value's keys, nested, in order; every other value is its type ("string", "list"...). */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return 'list';
  if (v === null) return 'null';
  if (typeof v !== 'object') return typeof v;
  return Object.entries(v).map(([k, x]) => [k, shape(x)]);
}

/** The shape issue 14 gives for `--json`, with its elisions filled in (test/fixtures). */
const ISSUE_EXAMPLE: unknown = JSON.parse(
  readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'probe-issue-example.json'), 'utf8'),
);

describe('tls probe --json, the shape', () => {
  it('prints exactly the issue’s keys, and --exchanges adds four after them', async () => {
    // Refuses TLS 1.0 and 1.1, accepts 1.2 and 1.3 with several suites each, sends its chain:
    // every branch of the issue's example is taken.
    peer = await startSServer([]);
    const plain = await probeRun(peer, ['--servername', 'www.example.com']);
    expect(shape(plain.json)).toEqual(shape(ISSUE_EXAMPLE));
    expect(Object.keys(plain.json.certificate!)).toEqual([
      'subject',
      'issuer',
      'chainLength',
      'valid',
    ]);
    const full = await probeWithExchanges(peer, ['--servername', 'www.example.com']);
    const keys = Object.keys(full);
    expect(keys.slice(0, -4)).toEqual(Object.keys(plain.json));
    expect(keys.slice(-4)).toEqual([
      'groupOrder',
      'signatureAlgorithms',
      'connections',
      'exchanges',
    ]);
    // The same server gives the same findings; only the four keys are added.
    const { groupOrder, signatureAlgorithms, connections, exchanges, ...rest } = full;
    expect(rest).toEqual(plain.json);
    expect(exchanges).toHaveLength(connections);
    // s_server accepts several groups, so whose order wins could be seen.
    expect(plain.json.groups.length).toBeGreaterThan(1);
    expect(groupOrder).not.toBeNull();
    expect(signatureAlgorithms.length).toBeGreaterThan(0);
  });

  it('refuses --exchanges without --json in one line', async () => {
    const run = await runCli(['tls', 'probe', '127.0.0.1:1', '--exchanges']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe('error: --exchanges goes with --json');
  });
});

describe('tls probe against openssl s_server', () => {
  it('finds TLS 1.2 and 1.3, the client order, and agrees with nmap and sslscan', async () => {
    peer = await startSServer([]);
    const json = await probeJson(peer, ['--servername', 'www.example.com']);
    expect(json.target).toBe(`127.0.0.1:${peer.port}`);
    expect(json.versions['TLSv1.0']).toEqual({ accepted: false });
    expect(json.versions['TLSv1.1']).toEqual({ accepted: false });
    expect(json.versions['TLSv1.2']!.accepted).toBe(true);
    expect(json.versions['TLSv1.2']!.order).toBe('client');
    expect(json.versions['TLSv1.3']!.order).toBe('client');
    expect(sorted(json.versions['TLSv1.3']!.suites)).toEqual([
      'TLS_AES_128_GCM_SHA256',
      'TLS_AES_256_GCM_SHA384',
      'TLS_CHACHA20_POLY1305_SHA256',
    ]);
    expect(json.versions['TLSv1.2']!.suites).toContain('TLS_DHE_RSA_WITH_AES_128_CBC_SHA');
    expect(json.versions['TLSv1.2']!.suites).toContain('TLS_RSA_WITH_AES_256_GCM_SHA384');
    expect(json.extendedMasterSecret).toBe(true);
    expect(json.secureRenegotiation).toBe(true);
    expect(json.sessionTicket).toBe(true);
    expect(json.ocspStapling).toBe(false);
    expect(json.alpn).toEqual([]);
    expect(json.certificate).toMatchObject({
      subject: 'O=Wirestep Demo, CN=www.example.com',
      issuer: 'O=Wirestep Demo, CN=Wirestep Demo Intermediate CA',
      chainLength: 2,
      valid: true,
    });

    const nmap = await nmapScan(peer.port);
    const scan = await sslscan(peer.port);
    for (const v of ['TLSv1.2', 'TLSv1.3'] as const) {
      expect(sorted(json.versions[v]!.suites)).toEqual(sorted(nmap.suites[v]));
      expect(json.versions[v]!.order).toBe(nmap.order[v]);
      expect(sorted(json.versions[v]!.suites)).toEqual(sorted(scan.suites[v]));
    }
    expect(Object.keys(nmap.suites).sort()).toEqual(['TLSv1.2', 'TLSv1.3']);
    expect(sorted(json.groups)).toEqual(sorted(scan.groups['TLSv1.3']));
  });

  it('lists the suites and groups in the order -serverpref imposes, as nmap does', async () => {
    peer = await startSServer([
      '-tls1_2',
      '-serverpref',
      '-no_ticket',
      '-cipher',
      'ECDHE-RSA-AES256-GCM-SHA384:AES128-SHA:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256',
      '-groups',
      'P-384:X25519',
      '-alpn',
      'http/1.1',
    ]);
    const json = await probeWithExchanges(peer);
    expect(json.versions['TLSv1.3']).toEqual({ accepted: false });
    expect(json.versions['TLSv1.2']).toEqual({
      accepted: true,
      suites: [
        'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
        'TLS_RSA_WITH_AES_128_CBC_SHA',
        'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
        'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
      ],
      order: 'server',
    });
    expect(json.groups).toEqual(['secp384r1', 'x25519']);
    expect(json.groupOrder).toBe('server');
    expect(json.sessionTicket).toBe(false);
    expect(json.alpn).toEqual(['http/1.1']);
    expect(json.extendedMasterSecret).toBe(true);
    expect(json.certificate).toMatchObject({ chainLength: 2, valid: true });

    const nmap = await nmapScan(peer.port);
    expect(nmap.order['TLSv1.2']).toBe('server');
    expect(sorted(nmap.suites['TLSv1.2'])).toEqual(sorted(json.versions['TLSv1.2']!.suites));
    const scan = await sslscan(peer.port);
    // sslscan lists a server-ordered version in the server's order.
    expect(scan.suites['TLSv1.2']).toEqual(json.versions['TLSv1.2']!.suites);
    expect(sorted(scan.groups['TLSv1.2'])).toEqual(sorted(json.groups));
  });

  it('finds a TLS 1.3-only server with chosen -ciphersuites and -groups', async () => {
    peer = await startSServer([
      '-tls1_3',
      '-serverpref',
      '-ciphersuites',
      'TLS_CHACHA20_POLY1305_SHA256:TLS_AES_256_GCM_SHA384',
      '-groups',
      'P-256:X25519:ffdhe2048',
    ]);
    const json = await probeWithExchanges(peer);
    expect(json.versions['TLSv1.2']).toEqual({ accepted: false });
    expect(json.versions['TLSv1.3']).toEqual({
      accepted: true,
      suites: ['TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_256_GCM_SHA384'],
      order: 'server',
    });
    expect(json.groups).toEqual(['secp256r1', 'x25519', 'ffdhe2048']);
    expect(json.groupOrder).toBe('server');
    // Everything after a TLS 1.3 ServerHello is encrypted: these cannot be seen.
    expect(json.certificate).toBeNull();
    expect(json.sessionTicket).toBeNull();
    // The app's negotiation report opens such a file all the same.
    expect(parseProbeJson(json).ok).toBe(true);

    const nmap = await nmapScan(peer.port);
    expect(Object.keys(nmap.suites)).toEqual(['TLSv1.3']);
    expect(sorted(nmap.suites['TLSv1.3'])).toEqual(sorted(json.versions['TLSv1.3']!.suites));
    expect(nmap.order['TLSv1.3']).toBe('server');
    const scan = await sslscan(peer.port);
    expect(Object.keys(scan.suites)).toEqual(['TLSv1.3']);
    expect(sorted(scan.suites['TLSv1.3'])).toEqual(sorted(json.versions['TLSv1.3']!.suites));
    expect(sorted(scan.groups['TLSv1.3'])).toEqual(sorted(json.groups));
  });

  it('sees the client order of TLS 1.3 suites and groups without -serverpref', async () => {
    peer = await startSServer(['-tls1_3', '-groups', 'P-256:X25519']);
    const json = await probeJson(peer);
    expect(json.versions['TLSv1.3']!.order).toBe('client');
    expect(sorted(json.groups)).toEqual(['secp256r1', 'x25519']);
    const nmap = await nmapScan(peer.port);
    expect(sorted(nmap.suites['TLSv1.3'])).toEqual(sorted(json.versions['TLSv1.3']!.suites));
    expect(nmap.order['TLSv1.3']).toBe('client');
    const scan = await sslscan(peer.port);
    expect(sorted(scan.groups['TLSv1.3'])).toEqual(sorted(json.groups));
  });

  it('lists both versions in the server’s order with -serverpref, as nmap and sslscan do', async () => {
    peer = await startSServer([
      '-serverpref',
      '-cipher',
      'ECDHE-RSA-AES128-GCM-SHA256:AES256-SHA:ECDHE-RSA-AES256-GCM-SHA384',
      '-ciphersuites',
      'TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256',
    ]);
    const json = await probeJson(peer);
    expect(json.versions['TLSv1.2']).toEqual({
      accepted: true,
      suites: [
        'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
        'TLS_RSA_WITH_AES_256_CBC_SHA',
        'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
      ],
      order: 'server',
    });
    expect(json.versions['TLSv1.3']).toEqual({
      accepted: true,
      suites: ['TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256'],
      order: 'server',
    });
    const nmap = await nmapScan(peer.port);
    const scan = await sslscan(peer.port);
    for (const v of ['TLSv1.2', 'TLSv1.3'] as const) {
      expect(nmap.order[v]).toBe('server');
      expect(sorted(nmap.suites[v])).toEqual(sorted(json.versions[v]!.suites));
      expect(sorted(scan.suites[v])).toEqual(sorted(json.versions[v]!.suites));
    }
    // sslscan lists a server-ordered TLS 1.2 in the server's order.
    expect(scan.suites['TLSv1.2']).toEqual(json.versions['TLSv1.2']!.suites);
  });
});

describe('tls probe through a middlebox that resets big ClientHellos', () => {
  it('offers the registry in chunks and still finds every suite in server order', async () => {
    const args = [
      '-tls1_2',
      '-serverpref',
      '-cipher',
      'AES128-SHA:ECDHE-RSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256',
    ];
    const direct = await startSServer(args);
    let expected: ProbeJson;
    try {
      expected = await probeJson(direct);
    } finally {
      await direct.stop();
    }
    peer = await startChoker(await startSServer(args), 400);
    const { json, stderr } = await probeRun(peer);
    expect(stderr).toContain(
      'TLSv1.2: the full list was not answered; offering it in chunks of 64',
    );
    expect(json.versions['TLSv1.2']).toEqual({
      accepted: true,
      suites: [
        'TLS_RSA_WITH_AES_128_CBC_SHA',
        'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
        'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
      ],
      order: 'server',
    });
    expect(json.versions).toEqual(expected.versions);
  });
});

describe('tls probe, readable output', () => {
  it('validates the chain against --cafile, one line per finding', async () => {
    peer = await startSServer(['-tls1_2', '-cipher', 'AES128-SHA']);
    const target = `127.0.0.1:${peer.port}`;
    const trusted = await runCli(['tls', 'probe', target, '--cafile', pemPath('root.cert.pem')]);
    expect(trusted.code).toBe(0);
    const lines = trusted.stdout.trim().split('\n');
    expect(lines).toContain('TLSv1.2: accepted, 1 suites, one suite, no order to see');
    expect(lines).toContain('TLSv1.2 suite: TLS_RSA_WITH_AES_128_CBC_SHA');
    expect(lines).toContain('TLSv1.3: not accepted');
    expect(lines).toContain('certificate subject: O=Wirestep Demo, CN=www.example.com');
    expect(lines).toContain('certificate chain: 2 certificates');
    expect(lines).toContain('certificate valid: yes');
    expect(lines).toContain('certificate key: RSA 2048');
    expect(lines).toContainEqual(
      expect.stringMatching(/^certificate SANs: .*DNS:www\.example\.com/),
    );
    // One suite: no order to see, so --json leaves `order` out.
    const json = await probeJson(peer);
    expect(json.versions['TLSv1.2']).toEqual({
      accepted: true,
      suites: ['TLS_RSA_WITH_AES_128_CBC_SHA'],
    });
    const rogue = await runCli([
      'tls',
      'probe',
      target,
      '--cafile',
      pemPath('rogue-root.cert.pem'),
    ]);
    expect(rogue.code).toBe(0);
    expect(rogue.stdout).toMatch(/^certificate valid: no: .+$/m);
  });
});

describe('tls probe against nginx and gnutls-serv', () => {
  it('finds what nginx is configured with', async () => {
    const port = await freePort();
    peer = await startNginx(port, NGINX_PROBED);
    const json = await probeJson(peer, ['--servername', 'www.example.com']);
    expect(json.versions['TLSv1.2']).toEqual({
      accepted: true,
      suites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384'],
      order: 'server',
    });
    expect(json.versions['TLSv1.3']).toEqual({ accepted: false });
    expect(json.groups).toEqual(['secp521r1', 'secp256r1']);
    expect(json.sessionTicket).toBe(false);
    expect(json.certificate).toMatchObject({ chainLength: 2, valid: true });
    const nmap = await nmapScan(port);
    expect(nmap.suites['TLSv1.2']).toEqual(json.versions['TLSv1.2']!.suites);
    expect(nmap.order['TLSv1.2']).toBe('server');
    const scan = await sslscan(port);
    expect(Object.keys(scan.suites)).toEqual(['TLSv1.2']);
    expect(scan.suites['TLSv1.2']).toEqual(json.versions['TLSv1.2']!.suites);
    expect(sorted(scan.groups['TLSv1.2'])).toEqual(sorted(json.groups));
  });

  it('finds what a gnutls-serv priority string allows', async () => {
    const port = await freePort();
    peer = await startGnutls(GNUTLS_PROBED, port);
    const json = await probeJson(peer, ['--servername', 'www.example.com']);
    expect(json.versions['TLSv1.3']).toEqual({ accepted: false });
    expect(json.versions['TLSv1.2']).toEqual({
      accepted: true,
      suites: GNUTLS_PROBED_SUITES,
      order: 'server',
    });
    expect(json.groups).toEqual(['secp384r1']);
    const nmap = await nmapScan(port);
    expect(nmap.suites['TLSv1.2']).toEqual(json.versions['TLSv1.2']!.suites);
    expect(nmap.order['TLSv1.2']).toBe('server');
    const scan = await sslscan(port);
    expect(scan.suites['TLSv1.2']).toEqual(json.versions['TLSv1.2']!.suites);
    expect(scan.groups['TLSv1.2']).toEqual(json.groups);
  });
});

describe('tls probe against servers that do not speak', () => {
  it('ends with one line when the server never answers', async () => {
    peer = await startMute('silent');
    const run = await runCli(['tls', 'probe', `127.0.0.1:${peer.port}`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n').at(-1)).toBe(
      `error: 127.0.0.1:${peer.port} did not answer the ClientHello within 5 s`,
    );
  });

  it('ends with one line when the server closes at once', async () => {
    peer = await startMute('close');
    const run = await runCli(['tls', 'probe', `127.0.0.1:${peer.port}`]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(
      new RegExp(
        `^error: 127\\.0\\.0\\.1:${peer.port} (closed the connection without answering the ClientHello|reset the connection \\(ECONNRESET\\))$`,
      ),
    );
  });
});
