/**
 * Real `tls probe` runs (issue 14) against servers started here on loopback, opened through Import
 * as the negotiation report. For each server configuration (openssl s_server with and without
 * -serverpref, TLS 1.2 only with -no_ticket, TLS 1.3 only, nginx, gnutls-serv), the plain `--json`
 * must say what the server was configured with and what nmap's ssl-enum-ciphers finds on it, and
 * the report's versions × suites table must show it. With `--json --exchanges`, a probe's
 * ClientHello and ServerHello (or alert) open in the inspector.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ProbeJson, ProbeJsonVersion } from '../src/cli/tls/probe/json';
import type { VersionName } from '../src/cli/tls/probe/probe';
import { freePort, runCli } from '../test/tls/support/peers';
import {
  GNUTLS_PROBED,
  GNUTLS_PROBED_SUITES,
  NGINX_PROBED,
  nmapScan,
  startGnutls,
  startNginx,
  startSServer,
  type Peer,
} from '../test/tls/support/probe-peers';
import { expect, importFile, inspector, openScenario, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

test('a real tls probe of openssl s_server opens as the report, each pair in the inspector', async ({
  watched: page,
}, testInfo) => {
  test.setTimeout(120_000);
  // TLS 1.2 in the server's order, TLS 1.3 with two suites, two groups, nothing older.
  const server = await startSServer([
    '-serverpref',
    '-groups',
    'X25519:P-256',
    '-cipher',
    'ECDHE-RSA-AES256-GCM-SHA384:AES128-SHA',
    '-ciphersuites',
    'TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256',
  ]);
  const target = `127.0.0.1:${server.port}`;
  const dir = mkdtempSync(join(tmpdir(), 'wirestep-e2e-probe-'));
  const file = join(dir, 'probe.json');
  let run: Awaited<ReturnType<typeof runCli>>;
  try {
    run = await runCli([
      'tls',
      'probe',
      target,
      '--servername',
      'www.example.com',
      '--json',
      '--exchanges',
    ]);
  } finally {
    await server.stop();
  }
  expect(run.code).toBe(0);
  const output = run.stdout;
  writeFileSync(file, output);

  await openScenario(page);
  await importFile(page, file);
  const report = page.getByRole('region', { name: `Negotiation report: ${target}` });
  await expect(report).toBeVisible();
  await expect(report.getByRole('status')).toHaveText(
    /^Showing the negotiation report imported from probe\.json\./,
  );

  const versions = report.getByRole('table', { name: 'Protocol versions and cipher suites' });
  await expect(versions.getByRole('row', { name: /^TLSv1\.0 refused/ })).toBeVisible();
  await expect(versions.getByRole('row', { name: /^TLSv1\.1 refused/ })).toBeVisible();
  const tls12 = versions.getByRole('row', { name: /^TLSv1\.2 accepted server’s order/ });
  await expect(tls12.getByRole('listitem')).toHaveText([
    'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    'TLS_RSA_WITH_AES_128_CBC_SHA',
  ]);
  const tls13 = versions.getByRole('row', { name: /^TLSv1\.3 accepted server’s order/ });
  await expect(tls13.getByRole('listitem')).toHaveText([
    'TLS_AES_256_GCM_SHA384',
    'TLS_AES_128_GCM_SHA256',
  ]);
  await expect(report.getByRole('row', { name: /^Supported groups/ })).toContainText(
    'x25519, secp256r1 (server’s order)',
  );
  // --exchanges: the signature algorithms s_server signed its ServerKeyExchange with.
  await expect(
    report.getByRole('row', { name: /^Signature algorithms \(TLS 1\.2\)/ }),
  ).toContainText('rsa_pss_rsae_sha256');
  await expect(report.getByRole('row', { name: /^Subject/ })).toContainText('CN=www.example.com');
  await expect(report.getByRole('row', { name: /^Validates/ })).toContainText('yes');
  await expect(report).not.toContainText('were not recorded in this file');
  await page.screenshot({ path: testInfo.outputPath('probe-report-real.png'), fullPage: true });

  // The first TLS 1.2 probe: the whole registry offered, s_server's first choice answered.
  const probes = report.getByRole('list', { name: 'Probes, in the order sent' });
  await probes
    .getByRole('button', {
      name: /^\d+\. TLSv1\.2, suites: \d+: ServerHello, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384/,
    })
    .first()
    .click();
  const panel = inspector(page);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('ClientHello');
  await expect(panel).toContainText('Client → Server');
  await panel.getByRole('tab', { name: 'Fields' }).click();
  await expect(panel.getByRole('button', { name: /^cipher_suites/ })).toBeVisible();

  const messages = report.getByRole('list', { name: /^Messages of probe \d+$/ });
  await expect(messages.getByRole('button')).toHaveText([
    'ClientHello, Client → Server',
    'ServerHello, Server → Client',
    'Certificate, Server → Client',
    'ServerKeyExchange, Server → Client',
    'ServerHelloDone, Server → Client',
  ]);
  await messages.getByRole('button', { name: /^ServerHello,/ }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('ServerHello');
  await expect(panel.getByRole('button', { name: /^cipher_suite(?!s)/ })).toContainText(
    'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  );
  await panel.getByRole('tab', { name: 'Bytes' }).click();
  // ServerHello's cipher_suite on the wire: 0xc030 (RFC 5289).
  await expect(panel.getByRole('group', { name: /Hex dump of ServerHello/ })).toContainText('c030');
  await panel.getByRole('tab', { name: 'Explain' }).click();
  await expect(panel).toContainText('ServerHello');
  await page.screenshot({ path: testInfo.outputPath('probe-report-serverhello.png') });

  // A refused version: the server's alert, explained.
  await probes.getByRole('button', { name: /^1\. TLSv1\.0, suites: \d+: Alert \w+$/ }).click();
  await messages.getByRole('button', { name: /^Alert \w+, Server → Client$/ }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(/^Alert \w+$/);
  await expect(panel.getByRole('heading', { name: 'What this alert means' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('probe-report-alert.png') });

  // A damaged copy imported over the report: one line says why, and the report stays.
  const damaged = JSON.parse(output) as { versions: Record<string, unknown> };
  delete damaged.versions['TLSv1.1'];
  const bad = join(dir, 'probe-damaged.json');
  writeFileSync(bad, JSON.stringify(damaged));
  await importFile(page, bad);
  await expect(report.getByRole('alert')).toContainText(
    'Could not import probe-damaged.json: it is damaged (versions.TLSv1.1 is not an object)',
  );
  await expect(versions.getByRole('row', { name: /^TLSv1\.2 accepted/ })).toBeVisible();
});

const VERSIONS: readonly VersionName[] = ['TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const REFUSED: ProbeJsonVersion = { accepted: false };

/** A server of one version only, that lists `suites` in its own order. */
function only(v: 'TLSv1.2' | 'TLSv1.3', suites: string[]): Record<VersionName, ProbeJsonVersion> {
  const versions = {
    'TLSv1.0': REFUSED,
    'TLSv1.1': REFUSED,
    'TLSv1.2': REFUSED,
    'TLSv1.3': REFUSED,
  };
  return { ...versions, [v]: { accepted: true, suites, order: 'server' } };
}

/** A server, and what its configuration says the probe must find. */
interface Configured {
  name: string;
  start(port: number): Promise<Peer>;
  versions: Record<VersionName, ProbeJsonVersion>;
  groups: string[];
  /** Whether the server orders the groups itself, so `groups` is in its order. */
  groupsInOrder: boolean;
  sessionTicket: boolean | null;
  /** null: TLS 1.3 only, so the certificate comes encrypted. */
  subject: string | null;
}

const S_SERVER_12 = 'ECDHE-RSA-AES128-GCM-SHA256:AES256-SHA:DHE-RSA-AES128-SHA';
const S_SERVER_12_IANA = [
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA',
  'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
];
const S_SERVER_13 = 'TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256';
const S_SERVER_13_IANA = ['TLS_AES_128_GCM_SHA256', 'TLS_CHACHA20_POLY1305_SHA256'];
const LEAF = 'O=Wirestep Demo, CN=www.example.com';

/** s_server with TLS 1.2 and 1.3, chosen suites and groups, with or without -serverpref. */
function sServerBoth(serverpref: boolean): Configured {
  const order = serverpref ? 'server' : 'client';
  return {
    name: `openssl s_server ${serverpref ? 'with' : 'without'} -serverpref`,
    start: () =>
      startSServer([
        ...(serverpref ? ['-serverpref'] : []),
        ...['-cipher', S_SERVER_12, '-ciphersuites', S_SERVER_13, '-groups', 'X25519:P-256'],
      ]),
    versions: {
      'TLSv1.0': REFUSED,
      'TLSv1.1': REFUSED,
      'TLSv1.2': { accepted: true, suites: S_SERVER_12_IANA, order },
      'TLSv1.3': { accepted: true, suites: S_SERVER_13_IANA, order },
    },
    groups: ['x25519', 'secp256r1'],
    groupsInOrder: serverpref,
    sessionTicket: true,
    subject: LEAF,
  };
}

const CONFIGURED: Configured[] = [
  sServerBoth(false),
  sServerBoth(true),
  {
    name: 'openssl s_server, TLS 1.2 only, -no_ticket',
    start: () =>
      startSServer([
        ...['-tls1_2', '-serverpref', '-no_ticket'],
        ...['-cipher', 'ECDHE-RSA-AES256-GCM-SHA384:AES128-SHA', '-groups', 'P-384:X25519'],
      ]),
    versions: only('TLSv1.2', [
      'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
      'TLS_RSA_WITH_AES_128_CBC_SHA',
    ]),
    groups: ['secp384r1', 'x25519'],
    groupsInOrder: true,
    sessionTicket: false,
    subject: LEAF,
  },
  {
    name: 'openssl s_server, TLS 1.3 only',
    start: () =>
      startSServer([
        ...['-tls1_3', '-serverpref', '-groups', 'P-256:X25519'],
        ...['-ciphersuites', 'TLS_CHACHA20_POLY1305_SHA256:TLS_AES_256_GCM_SHA384'],
      ]),
    versions: only('TLSv1.3', ['TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_256_GCM_SHA384']),
    groups: ['secp256r1', 'x25519'],
    groupsInOrder: true,
    sessionTicket: null,
    subject: null,
  },
  {
    name: 'nginx',
    start: (port) => startNginx(port, NGINX_PROBED),
    versions: only('TLSv1.2', [
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
    ]),
    groups: ['secp521r1', 'secp256r1'],
    groupsInOrder: true,
    sessionTicket: false,
    subject: LEAF,
  },
  {
    name: 'gnutls-serv with a priority string',
    start: (port) => startGnutls(GNUTLS_PROBED, port),
    versions: only('TLSv1.2', GNUTLS_PROBED_SUITES),
    groups: ['secp384r1'],
    groupsInOrder: true,
    sessionTicket: true,
    subject: LEAF,
  },
];

const sorted = (xs: readonly string[] | undefined): string[] => [...(xs ?? [])].sort();

/** The JSON against the configuration: in order where the server imposes it, as a set if not. */
function expectConfigured(json: ProbeJson, c: Configured): void {
  for (const v of VERSIONS) {
    const want = c.versions[v];
    const got = json.versions[v];
    if (want.order !== 'client') expect(got, v).toEqual(want);
    else {
      expect({ ...got, suites: sorted(got.suites) }, v).toEqual({
        ...want,
        suites: sorted(want.suites),
      });
    }
  }
  if (c.groupsInOrder) expect(json.groups).toEqual(c.groups);
  else expect(sorted(json.groups)).toEqual(sorted(c.groups));
  expect(json.sessionTicket).toBe(c.sessionTicket);
  expect(json.certificate?.subject ?? null).toBe(c.subject);
  if (c.subject !== null) expect(json.certificate).toMatchObject({ chainLength: 2, valid: true });
}

/** The JSON against nmap's ssl-enum-ciphers on the same server. */
async function expectNmapAgrees(json: ProbeJson, port: number): Promise<void> {
  const nmap = await nmapScan(port);
  const accepted = VERSIONS.filter((v) => json.versions[v].accepted);
  expect(Object.keys(nmap.suites).sort()).toEqual(accepted);
  for (const v of accepted) {
    expect(sorted(json.versions[v].suites), `${v} suites, nmap`).toEqual(sorted(nmap.suites[v]));
    expect(json.versions[v].order, `${v} order, nmap`).toBe(nmap.order[v]);
  }
}

/** The report's versions × suites table, row by row, against the JSON it was opened from. */
async function expectTable(page: Page, json: ProbeJson): Promise<void> {
  const report = page.getByRole('region', { name: `Negotiation report: ${json.target}` });
  await expect(report).toBeVisible();
  const table = report.getByRole('table', { name: 'Protocol versions and cipher suites' });
  for (const v of VERSIONS) {
    const r = json.versions[v];
    const escaped = v.replace('.', '\\.');
    if (!r.accepted) {
      await expect(
        table.getByRole('row', { name: new RegExp(`^${escaped} refused`) }),
      ).toBeVisible();
      continue;
    }
    const order = r.order === 'server' ? 'server’s order' : 'client’s order';
    const row = table.getByRole('row', { name: new RegExp(`^${escaped} accepted ${order}`) });
    await expect(row.getByRole('listitem')).toHaveText(r.suites!);
  }
  await expect(report.getByRole('row', { name: /^Supported groups/ })).toContainText(
    json.groups.join(', '),
  );
  const ticket = json.sessionTicket === null ? 'not seen' : json.sessionTicket ? 'yes' : 'no';
  await expect(report.getByRole('row', { name: /^Session tickets/ })).toContainText(ticket);
  if (json.certificate)
    await expect(report.getByRole('row', { name: /^Subject/ })).toContainText(
      json.certificate.subject,
    );
  else await expect(report).toContainText('Not seen: a server that speaks only TLS 1.3');
  // A plain --json file has no exchanges: a line says so, and how to record them.
  await expect(report).toContainText(
    'Each probe’s ClientHello and the server’s answer were not recorded in this file.',
  );
  await expect(report.getByRole('list', { name: 'Probes, in the order sent' })).toHaveCount(0);
}

for (const c of CONFIGURED) {
  test(`tls probe --json of ${c.name}: the configuration, nmap, and the report's table agree`, async ({
    watched: page,
  }, testInfo) => {
    test.setTimeout(180_000);
    const port = await freePort();
    const server = await c.start(port);
    const target = `127.0.0.1:${server.port}`;
    let json: ProbeJson;
    try {
      const run = await runCli([
        'tls',
        'probe',
        target,
        '--servername',
        'www.example.com',
        '--json',
      ]);
      expect(run.code, run.stderr).toBe(0);
      json = JSON.parse(run.stdout) as ProbeJson;
      expect(json.target).toBe(target);
      expectConfigured(json, c);
      await expectNmapAgrees(json, server.port);
      const file = join(mkdtempSync(join(tmpdir(), 'wirestep-e2e-probe-')), 'probe.json');
      writeFileSync(file, run.stdout);
      await openScenario(page);
      await importFile(page, file);
    } finally {
      await server.stop();
    }
    await expectTable(page, json);
    await page.screenshot({ path: testInfo.outputPath('probe-table.png'), fullPage: true });
  });
}
