/**
 * Open capture (issue 13): a pcapng taken by dumpcap on loopback while openssl s_client fetched a
 * page from s_server (TLS 1.2, with its key log) and dig asked nsd, opened through the file
 * chooser with the key log beside it. The TLS connection draws decrypted; the picker moves to the
 * DNS exchange.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capture } from '../test/capture/support';
import { dig } from '../test/dns/support/dig';
import { startNsd } from '../test/dns/support/processes';
import { freePort, pemPath, startChild } from '../test/tls/support/peers';
import { expect, inspector, messageNames, openScenario, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

const dir = mkdtempSync(join(tmpdir(), 'wirestep-e2e-capture-'));

test('a dumpcap capture with its key log opens through Open capture, decrypted, with a picker', async ({
  watched: page,
}, testInfo) => {
  const dnsHost = '127.0.62.1';
  const dnsPort = await freePort();
  const nsd = await startNsd(dnsHost, dnsPort, [
    {
      origin: 'capture.test.',
      text: '$ORIGIN capture.test.\n$TTL 300\n@ IN SOA ns1 admin 1 3600 600 86400 60\n@ IN NS ns1\nns1 IN A 192.0.2.53\nwww IN A 192.0.2.80\n',
    },
  ]);
  const port = await freePort();
  const keylog = join(dir, 'tls.keys');
  const file = join(dir, 'loopback.pcapng');
  try {
    await capture(file, 'lo', `port ${port} or port ${dnsPort}`, async () => {
      const server = startChild('openssl', [
        's_server',
        '-accept',
        `127.0.0.1:${port}`,
        '-cert',
        pemPath('rsa.cert.pem'),
        '-key',
        pemPath('rsa.key.pem'),
        '-www',
        '-tls1_2',
      ]);
      try {
        await server.waitFor(/ACCEPT/, 'openssl s_server to listen');
        const client = startChild(
          'openssl',
          ['s_client', '-connect', `127.0.0.1:${port}`, '-keylogfile', keylog, '-quiet'],
          'GET / HTTP/1.0\r\n\r\n',
        );
        await client.exited;
      } finally {
        await server.stop();
      }
      await dig(dnsHost, dnsPort, ['www.capture.test', 'A']);
    });
  } finally {
    await nsd.child.stop();
  }

  await openScenario(page);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open capture' }).click(),
  ]);
  await chooser.setFiles([file, keylog]);
  await expect(
    page.getByText(/Showing a real run, TLS 1\.2 127\.0\.0\.1:\d+ → 127\.0\.0\.1:/),
  ).toBeVisible();
  const names = await messageNames(page);
  expect(names[0]).toMatch(/^ClientHello/);
  expect(names.some((n) => n.startsWith('ApplicationData (GET /)'))).toBe(true);
  expect(names.some((n) => n.startsWith('ApplicationData (HTTP 200'))).toBe(true);

  await page.getByRole('button', { name: /^ApplicationData \(GET \/\)/ }).focus();
  await page.keyboard.press('Enter');
  const panel = inspector(page);
  await panel.getByRole('tab', { name: 'Bytes' }).click();
  await expect(panel.getByRole('group', { name: /Hex dump of Plaintext/ })).toContainText('GET');
  await page.screenshot({ path: testInfo.outputPath('capture-tls.png') });

  const picker = page.getByRole('combobox', { name: 'Connection in the capture' });
  await picker.selectOption({
    label: `DNS/UDP ${(await picker.locator('option').nth(1).textContent())!.split(' ')[1]} → ${dnsHost}:${dnsPort}`,
  });
  const dnsNames = await messageNames(page);
  expect(dnsNames[0]).toMatch(/^Query www\.capture\.test A/);
  expect(dnsNames[1]).toMatch(/^Response www\.capture\.test A NOERROR/);
});
