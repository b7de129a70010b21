/**
 * A real `tls probe --json` (issue 14) against an openssl s_server started here on loopback, opened
 * through Import as the negotiation report: the versions × suites table says what the server was
 * configured with, and a probe's ClientHello and ServerHello (or alert) open in the inspector.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { runCli } from '../test/tls/support/peers';
import { startSServer } from '../test/tls/support/probe-peers';
import { expect, inspector, openScenario, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

async function importFile(page: Page, path: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Export and share' });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import trace (JSON)…' }).click(),
  ]);
  await chooser.setFiles(path);
}

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
  await expect(report.getByRole('row', { name: /^Subject/ })).toContainText('CN=www.example.com');
  await expect(report.getByRole('row', { name: /^Validates/ })).toContainText('yes');
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
