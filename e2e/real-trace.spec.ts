/**
 * Real runs in the browser (issue 14): a `tls connect --trace FILE` file from openssl s_server and
 * a `dns resolve --trace FILE` file from an nsd root and TLD open through Import, and every message
 * steps; a `tls probe --json` report opens as the negotiation report.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { portIsFree, startNsd, type NsdProcess } from '../test/dns/support/processes';
import { runCli } from '../test/tls/support/peers';
import { startOpensslServer } from '../test/tls/support/servers';
import { expect, importFile, inspector, messageNames, openScenario, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

const dir = mkdtempSync(join(tmpdir(), 'wirestep-e2e-real-'));

/** The names of the messages the CLI wrote into a trace file, in order. */
function fileMessages(file: string): string[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    trace: { events: { kind: string; name?: string }[] };
  };
  return json.trace.events.filter((e) => e.kind === 'message').map((e) => e.name!);
}

/** Every message of the file is on the diagram, in the file's order, and nothing else is. */
function expectEveryMessage(names: readonly string[], file: string): void {
  const written = fileMessages(file);
  expect(names).toHaveLength(written.length);
  written.forEach((name, i) => expect(names[i]!.startsWith(name), `${i}: ${names[i]}`).toBe(true));
}

/** Steps from the first message to the last; the inspector names each one as it goes. */
async function stepThrough(page: Page, names: string[]): Promise<void> {
  const panel = inspector(page);
  for (let i = 0; i < names.length; i++) {
    if (i > 0) await page.getByRole('button', { name: 'Step forward' }).click();
    const name = names[i]!.split(/ · |,|\s{2}/)[0]!;
    await expect(panel.getByRole('heading', { level: 2 }).first()).toContainText(
      name.replace(/ \(.*$/, '').slice(0, 20),
    );
  }
}

test('a tls connect --trace FILE file from openssl s_server opens and steps through every message', async ({
  watched: page,
}, testInfo) => {
  // s_server -www -tls1_2 with the demo RSA chain, on a port the OS chose.
  const server = await startOpensslServer([]);
  const port = server.port;
  const file = join(dir, 'connect.trace.json');
  try {
    const run = await runCli([
      'tls',
      'connect',
      `127.0.0.1:${port}`,
      '--servername',
      'www.example.com',
      '--trace',
      file,
    ]);
    expect(run.code).toBe(0);
  } finally {
    await server.stop();
  }
  await openScenario(page, '?scenario=dns-cold');
  await importFile(page, file);
  await expect(
    page.getByText(
      `Showing a real run, tls connect 127.0.0.1:${port}, imported from connect.trace.json.`,
    ),
  ).toBeVisible();
  const names = await messageNames(page);
  expectEveryMessage(names, file);
  // A full TLS 1.2 handshake with a ticket, the GET and its answer, and both close_notify alerts.
  expect(names.length).toBe(15);
  expect(names[0]).toMatch(/^ClientHello/);
  expect(names.some((n) => n.startsWith('ApplicationData (HTTP 200'))).toBe(true);
  await stepThrough(page, names);
  await page.screenshot({ path: testInfo.outputPath('real-tls-last.png') });
  // The GET, decrypted: Bytes shows the plaintext, Keys the client's key schedule.
  await page.getByRole('button', { name: /^ApplicationData \(GET \/\)/ }).focus();
  await page.keyboard.press('Enter');
  const panel = inspector(page);
  await panel.getByRole('tab', { name: 'Bytes' }).click();
  await expect(panel.getByRole('group', { name: /Hex dump of Plaintext/ })).toContainText(
    '474554202f',
  );
  await panel.getByRole('tab', { name: 'Fields' }).click();
  await expect(panel.getByRole('button', { name: /start-line\s*GET \/ HTTP\/1\.1/ })).toBeVisible();
  await panel.getByRole('tab', { name: 'Keys' }).click();
  await expect(panel).toContainText('master_secret');
  await page.screenshot({ path: testInfo.outputPath('real-tls-keys.png') });
  await panel.getByRole('tab', { name: 'Explain' }).click();
  await page.screenshot({ path: testInfo.outputPath('real-tls-explain.png') });
});

test('a dns resolve --trace FILE file from an nsd root and TLD opens with every message', async ({
  watched: page,
}, testInfo) => {
  const hosts = ['127.0.63.1', '127.0.63.2'];
  let port = 20153;
  while (!(await portIsFree(hosts[0]!, port)) || !(await portIsFree(hosts[1]!, port))) port += 7;
  const servers: NsdProcess[] = [];
  const file = join(dir, 'resolve.trace.json');
  try {
    servers.push(
      await startNsd(hosts[0]!, port, [
        {
          origin: '.',
          text: `$ORIGIN .\n$TTL 86400\n@ IN SOA a.root-servers.net. nstld.root-servers.net. 2026011501 1800 900 604800 86400\n@ IN NS a.root-servers.net.\na.root-servers.net. IN A ${hosts[0]}\ntest. IN NS ns1.nic.test.\nns1.nic.test. IN A ${hosts[1]}\n`,
        },
      ]),
    );
    servers.push(
      await startNsd(hosts[1]!, port, [
        {
          origin: 'test.',
          text: `$ORIGIN test.\n$TTL 86400\n@ IN SOA ns1.nic hostmaster.nic 2026011501 1800 900 604800 3600\n@ IN NS ns1.nic\nns1.nic IN A ${hosts[1]}\nwww IN A 192.0.2.80\n`,
        },
      ]),
    );
    const run = await runCli([
      'dns',
      'resolve',
      'www.test',
      'A',
      '--root',
      hosts[0]!,
      '--port',
      String(port),
      '--trace',
      file,
    ]);
    expect(run.code).toBe(0);
  } finally {
    await Promise.all(servers.map((s) => s.child.stop()));
  }
  await openScenario(page);
  await importFile(page, file);
  await expect(page.getByText(/Showing a real run, dns resolve www\.test A --root/)).toBeVisible();
  const names = await messageNames(page);
  expectEveryMessage(names, file);
  // The root's referral and the TLD's answer: a query and a response each.
  expect(names).toHaveLength(4);
  expect(names[0]).toMatch(/^Query www\.test\.? A/);
  for (let i = 1; i < names.length; i++)
    await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(inspector(page)).toContainText('authoritative for the zone');
  await inspector(page).getByRole('tab', { name: 'Fields' }).click();
  await expect(inspector(page)).toContainText('192.0.2.80');
  await page.screenshot({ path: testInfo.outputPath('real-dns-last.png') });
});

test('a tls probe --json report opens as the negotiation report', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page);
  // The example shape, written by hand (test/fixtures/probe-issue-example.json).
  await importFile(
    page,
    join(import.meta.dirname, '..', 'test', 'fixtures', 'probe-issue-example.json'),
  );
  const report = page.getByRole('region', { name: 'Negotiation report: host:port' });
  await expect(report).toBeVisible();
  const versions = report.getByRole('table', { name: 'Protocol versions and cipher suites' });
  await expect(versions.getByRole('row', { name: /TLSv1\.0 refused/ })).toBeVisible();
  await expect(
    versions.getByRole('row', { name: /TLSv1\.2 accepted server’s order/ }),
  ).toContainText('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
  await expect(report.getByRole('row', { name: /Supported groups/ })).toContainText(
    'x25519, secp256r1',
  );
  await page.screenshot({ path: testInfo.outputPath('probe-report.png') });
  await report.getByRole('button', { name: 'Close the report' }).click();
  await expect(report).toBeHidden();
});
