/**
 * Export and share, as a person does it in Chromium: the pcap and key log that tshark decrypts,
 * the diagram as SVG and PNG, the trace as JSON and back (and a bad file refused), and a link
 * that reopens the same bytes at the same message.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  CHECKSUM_ARGS,
  tsharkFields,
  tsharkMalformedCount,
  writeTempFile,
} from '../test/helpers/tshark';
import { expect, importFile, inspector, messageNames, openScenario, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

const shareMenu = (page: Page) => page.getByRole('button', { name: 'Export and share' });

async function download(page: Page, button: string): Promise<{ name: string; path: string }> {
  const menu = shareMenu(page);
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  // Saved under the name the page suggested, as a browser would: an import reads that name.
  const name = file.suggestedFilename();
  const path = join(mkdtempSync(join(tmpdir(), 'wirestep-download-')), name);
  await file.saveAs(path);
  return { name, path };
}

test('the pcap and key log of a TLS run decrypt in tshark to the GET and the 200', async ({
  watched: page,
}) => {
  await openScenario(page, '?scenario=tls-full&seed=5');
  const pcap = await download(page, 'Download pcap');
  const keys = await download(page, 'Download key log');
  expect(pcap.name).toBe('wirestep-tls-full-seed-5.pcap');
  expect(keys.name).toBe('wirestep-tls-full-seed-5.keys');
  // A classic pcap (microsecond magic, big-endian as written) of Ethernet frames.
  const bytes = readFileSync(pcap.path);
  expect(bytes.subarray(0, 4).toString('hex')).toBe('a1b2c3d4');
  expect(bytes.readUInt32BE(20)).toBe(1);
  expect(readFileSync(keys.path, 'utf8')).toMatch(/^CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}\n$/);

  const pcapFile = writeTempFile('run.pcap', bytes);
  const keylog = writeTempFile('run.keys', readFileSync(keys.path));
  const http = await tsharkFields(
    pcapFile,
    ['http.request.method', 'http.request.uri', 'http.host', 'http.response.code'],
    { keylog, filter: 'http' },
  );
  expect(http).toEqual([
    ['GET', '/', 'www.example.com', ''],
    ['', '', '', '200'],
  ]);
  expect(await tsharkMalformedCount(pcapFile, CHECKSUM_ARGS, { keylog })).toBe(0);
  // The TCP conversation is complete: SYN, SYN-ACK, ACK first, the FINs at the end.
  const flags = await tsharkFields(pcapFile, ['tcp.flags.str']);
  expect(flags.slice(0, 3).map((r) => r[0]!.replace(/·/g, '').trim())).toEqual(['S', 'AS', 'A']);
});

test('a DNS run exports every query and response as UDP; there is no key log', async ({
  watched: page,
}) => {
  await openScenario(page, '?scenario=dns-cold');
  const pcap = await download(page, 'Download pcap');
  await expect(page.getByRole('button', { name: 'Download key log' })).toBeDisabled();
  await expect(page.getByText('This run has no TLS keys to log.')).toBeVisible();
  const file = writeTempFile('dns.pcap', readFileSync(pcap.path));
  const rows = await tsharkFields(file, ['udp.dstport', 'dns.qry.name', 'dns.flags.response']);
  expect(rows).toHaveLength((await messageNames(page)).length);
  // tshark 4.0 prints a boolean field as 0 or 1.
  expect(rows[0]).toEqual(['53', 'www.example.com', '0']);
  expect(await tsharkMalformedCount(file, CHECKSUM_ARGS)).toBe(0);
});

test('the diagram downloads as SVG and as a PNG at twice its size, with title and legend', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page, '?scenario=tls-full&step=8');
  const svg = await download(page, 'Download diagram (SVG)');
  expect(svg.name).toBe('wirestep-tls-full-seed-1.svg');
  const text = readFileSync(svg.path, 'utf8');
  expect(text).toContain('<title>TLS 1.2 full handshake · seed 1</title>');
  for (const label of ['Legend:', 'Encrypted message', 'Fatal alert or lost message'])
    expect(text).toContain(label);
  for (const name of ['ClientHello', 'ServerKeyExchange', 'Alert close_notify'])
    expect(text).toContain(name);
  const width = Number(/<svg[^>]* width="(\d+(?:\.\d+)?)"/.exec(text)![1]);
  const height = Number(/<svg[^>]* height="(\d+(?:\.\d+)?)"/.exec(text)![1]);
  // The whole diagram, not the part in view: 15 message rows and more.
  expect(height).toBeGreaterThan(15 * 56);

  const png = await download(page, 'Download diagram (PNG)');
  expect(png.name).toBe('wirestep-tls-full-seed-1.png');
  const image = readFileSync(png.path);
  expect(image.subarray(1, 4).toString()).toBe('PNG');
  // IHDR: width and height, big-endian, at bytes 16 and 20.
  expect(image.readUInt32BE(16)).toBe(Math.round(width * 2));
  expect(image.readUInt32BE(20)).toBe(Math.round(height * 2));
  await testInfo.attach('diagram.png', { path: png.path, contentType: 'image/png' });
  await page.screenshot({ path: testInfo.outputPath('share-menu.png') });
});

test('the trace exports as JSON and imports back; a bad file is refused and the run stays', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page, '?scenario=tls-full&seed=77');
  const before = await messageNames(page);
  const json = await download(page, 'Export trace (JSON)');
  expect(json.name).toBe('wirestep-tls-full-seed-77.trace.json');
  const saved = JSON.parse(readFileSync(json.path, 'utf8')) as { format: string; version: number };
  expect(saved.format).toBe('wirestep-trace');
  expect(saved.version).toBe(1);

  // Another run, then the file: the diagram shows the exported run again.
  await page.getByLabel('Seed').fill('78');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('.run-status')).toContainText('messages');
  await importFile(page, json.path);
  await expect(
    page.getByText(/Showing the trace imported from wirestep-tls-full-seed-77/),
  ).toBeVisible();
  expect(await messageNames(page)).toEqual(before);
  await expect(page.getByLabel('Seed')).toHaveValue('77');

  // A file that is not a trace: a clear error, and the imported run is still on screen.
  await importFile(page, {
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": "world"}'),
  });
  await expect(page.getByRole('alert')).toHaveText(
    /Could not import notes\.json: it is not a Wirestep trace\. The current run is unchanged\./,
  );
  expect(await messageNames(page)).toEqual(before);
  await importFile(page, {
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "wirestep-trace", "ver'),
  });
  await expect(page.getByRole('alert')).toContainText('it is not a JSON file');
  expect(await messageNames(page)).toEqual(before);
  await page.screenshot({ path: testInfo.outputPath('import-error.png') });
});

test('a link reopens the same bytes at the same message', async ({ watched: page, context }) => {
  await openScenario(page);
  await page.getByLabel('Seed').fill('31337');
  await page.getByRole('combobox', { name: /^Cipher suite/ }).selectOption(String(0xcca8));
  await expect(page.locator('.run-status')).toContainText('CHACHA20_POLY1305');
  // The arrows step the page, not the suite picker that still has the focus.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('.playback .position')).toContainText('7 of 15');
  const panel = inspector(page);
  await panel.getByRole('tab', { name: 'Bytes' }).click();
  const hex = await panel.locator('.hexdump').first().innerText();

  await shareMenu(page).click();
  const link = await page.getByLabel('Link to this message').inputValue();
  expect(new URL(link).search).toBe('?scenario=tls-full&seed=31337&suite=0xcca8&step=7&tab=bytes');
  expect(link).toBe(page.url());

  const other = await context.newPage();
  await openScenario(other, new URL(link).search);
  await expect(other.locator('.playback .position')).toContainText('7 of 15');
  await expect(other.locator('.playback .position')).toContainText('ChangeCipherSpec');
  await expect(other.getByLabel('Seed')).toHaveValue('31337');
  const otherPanel = inspector(other);
  // The link opened the Bytes tab itself.
  await expect(otherPanel.getByRole('tab', { name: 'Bytes' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  expect(await otherPanel.locator('.hexdump').first().innerText()).toBe(hex);
  // The ClientHello's random (from the seed) is byte for byte the same too.
  await other.getByRole('button', { name: 'First', exact: true }).click();
  await page.getByRole('button', { name: 'First', exact: true }).click();
  expect(await otherPanel.locator('.hexdump').first().innerText()).toBe(
    await panel.locator('.hexdump').first().innerText(),
  );
  await other.close();
});

test('a malformed link opens the default scenario with a notice, never a blank page', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page, '?scenario=tls-full&suite=0x1301&step=4');
  await expect(page.getByRole('alert')).toHaveText(
    /This link could not be opened \(“0x1301” is not a valid suite\), so the default scenario is shown\./,
  );
  expect(await messageNames(page)).toHaveLength(15);
  await expect(page.locator('.playback .position')).toContainText('1 of 15');
  await page.screenshot({ path: testInfo.outputPath('bad-link.png') });

  await openScenario(page, '?scenario=no-such-thing');
  await expect(page.getByRole('alert')).toContainText('there is no scenario “no-such-thing”');
  await expect(page.getByLabel('Scenario')).toHaveValue('tls-full');

  await openScenario(page, '?scenario=dns-cold&step=99');
  await expect(page.getByRole('alert')).toContainText(
    'The link points to message 99, but this run has 10; showing message 1.',
  );
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

/** A lab run may have no messages to draw: wait for the page and its lab panel instead. */
async function openScenarioWithoutDiagram(page: Page, query: string): Promise<void> {
  await page.goto(`/${query}`);
  await expect(labPanel(page)).toBeVisible({ timeout: 20_000 });
}

const labPanel = (page: Page) => page.getByRole('complementary', { name: 'Lab' });
const labOutcome = (page: Page) => labPanel(page).getByRole('region', { name: 'Outcome' });

/** Waits until the lab run a change started has finished. */
async function labSettled(page: Page): Promise<void> {
  await expect(labOutcome(page)).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
}

/** The current message's bytes, as the inspector's Bytes tab shows them (it shares the lab's column). */
async function shownBytes(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Inspector', exact: true }).click();
  const panel = inspector(page);
  await panel.getByRole('tab', { name: 'Bytes' }).click();
  const hex = await panel.locator('.hexdump').first().innerText();
  await page.getByRole('button', { name: 'Lab', exact: true }).click();
  return hex;
}

test('a lab link carries the edited settings: a reordered suite list reopens as the same bytes at the same message', async ({
  watched: page,
  context,
}) => {
  await openScenario(page, '?scenario=lab-tls-negotiation&seed=4242');
  await labSettled(page);
  // The client's order wins, and the client moves ChaCha20 to the top, from the keyboard.
  await labPanel(page).getByLabel('Whose order wins').selectOption('client');
  await labSettled(page);
  const up = (p: Page) =>
    labPanel(p)
      .getByRole('group', { name: 'Client: cipher suites' })
      .getByRole('button', { name: 'Move TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 up' });
  await up(page).focus();
  await page.keyboard.press('Enter');
  await labSettled(page);
  await page.keyboard.press('Enter');
  await labSettled(page);
  await expect(up(page)).toBeDisabled();
  const verdict = 'The handshake completed with TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256.';
  await expect(labOutcome(page)).toContainText(verdict);
  // To the ServerHello, which names the suite.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.playback .position')).toContainText('ServerHello');
  const position = await page.locator('.playback .position').innerText();
  const hex = await shownBytes(page);

  await shareMenu(page).click();
  const link = await page.getByLabel('Link to this message').inputValue();
  expect(link).toBe(page.url());
  const sent = new URL(link).searchParams;
  expect(sent.get('seed')).toBe('4242');
  expect(sent.get('step')).toBe('2');
  const params = JSON.parse(sent.get('params')!) as {
    client: { cipherSuites: number[] };
    server: { preference: string };
  };
  expect(params.client.cipherSuites[0]).toBe(0xcca8);
  expect(params.server.preference).toBe('client');

  const other = await context.newPage();
  await openScenario(other, new URL(link).search);
  await labSettled(other);
  await expect(other.getByRole('alert')).toHaveCount(0);
  await expect.poll(() => other.locator('.playback .position').innerText()).toBe(position);
  await expect(labOutcome(other)).toContainText(verdict);
  await expect(up(other)).toBeDisabled();
  await expect(labPanel(other).getByLabel('Whose order wins')).toHaveValue('client');
  expect(await shownBytes(other)).toBe(hex);
  // The whole run is the same: every message, in order.
  expect(await messageNames(other)).toEqual(await messageNames(page));
  await other.close();
});

test('a tamper link reopens the same changed byte, caught the same way', async ({
  watched: page,
  context,
}) => {
  await openScenario(page, '?scenario=lab-tls-tamper&seed=77');
  await labSettled(page);
  await labPanel(page)
    .getByLabel('Message to change')
    .selectOption({ label: '3: ServerKeyExchange from Server' });
  await labSettled(page);
  const caught = await labOutcome(page).innerText();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('.playback .position')).toContainText('4 of');
  const hex = await shownBytes(page);

  const other = await context.newPage();
  await openScenario(other, new URL(page.url()).search);
  await labSettled(other);
  const position = await page.locator('.playback .position').innerText();
  await expect.poll(() => other.locator('.playback .position').innerText()).toBe(position);
  expect(await labOutcome(other).innerText()).toBe(caught);
  expect(await shownBytes(other)).toBe(hex);
  await other.close();
});

test('a link to a run without messages (a zone file that does not parse) opens without a notice', async ({
  watched: page,
}) => {
  await openScenarioWithoutDiagram(page, '?scenario=lab-dns-zone-edit&preset=mistake&step=1');
  await labSettled(page);
  await expect(labPanel(page).locator('.zone-error')).toContainText('Line 17');
  await expect(page.locator('.share-notice')).toHaveCount(0);
});

test('hostile links open the default scenario with a notice, and nothing runs from them', async ({
  watched: page,
}, testInfo) => {
  test.setTimeout(120_000);
  // A script in a link would only ever be text: no dialog may open.
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const json = (value: string) => encodeURIComponent(value);
  const cases: [string, string, string | RegExp][] = [
    [
      'over-long',
      `?scenario=tls-full&seed=${'1'.repeat(9_000)}`,
      /it is \d+ characters long, and links are read up to 8000/,
    ],
    ['not UTF-8', '?scenario=lab-tls-ems&seed=%C3%28', 'the value of “seed” is not UTF-8 text'],
    [
      'not UTF-8 in the settings',
      '?scenario=lab-dns-zone-edit&params=%7B%22zone%22%3A%22%FF%22%7D',
      'the value of “params” is not UTF-8 text',
    ],
    [
      'script injection',
      '?scenario=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      'there is no scenario “<script>alert(1)</script>”',
    ],
    [
      'script in a setting',
      `?scenario=lab-tls-certificates&params=${json('{"problem":"<img src=x onerror=alert(1)>"}')}`,
      'the setting “params.problem” has a value this scenario cannot use',
    ],
    [
      'wrong type',
      `?scenario=lab-tls-tamper&params=${json('{"record":"3","offset":1,"mask":1,"extendedMasterSecret":true}')}`,
      'the setting “params.record” has a value this scenario cannot use',
    ],
    [
      'settings of another shape',
      `?scenario=lab-tls-negotiation&params=${json('{"foo":1}')}`,
      'the setting “params.foo” has a value this scenario cannot use',
    ],
    [
      'a zone file that is a number',
      `?scenario=lab-dns-zone-edit&params=${json('{"zone":"example.com.","text":5,"lookups":[]}')}`,
      'the setting “params.text” has a value this scenario cannot use',
    ],
    [
      'huge number',
      `?scenario=lab-tls-tamper&params=${json('{"record":3,"offset":1e999,"mask":1,"extendedMasterSecret":true}')}`,
      'the setting “params.offset” has a value this scenario cannot use',
    ],
    ['huge step', '?scenario=tls-full&step=1e999', '“1e999” is not a valid step'],
    ['a parameter twice', '?scenario=tls-full&seed=1&seed=2', '“seed” is given more than once'],
    ['unknown scenario', '?scenario=no-such-lab', 'there is no scenario “no-such-lab”'],
  ];
  for (const [what, query, reason] of cases) {
    await openScenario(page, query);
    const alert = page.getByRole('alert');
    await expect(alert, what).toContainText(
      /This link could not be opened \(.+\), so the default scenario is shown\./,
    );
    await expect(alert, what).toContainText(reason);
    await expect(page.getByLabel('Scenario'), what).toHaveValue('tls-full');
    expect(await messageNames(page), what).toHaveLength(15);
    // The address bar now holds the default scenario's own link.
    await expect(page, what).toHaveURL(/\?scenario=tls-full&seed=1&step=1$/);
  }
  expect(dialogs).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('hostile-link.png') });
});
