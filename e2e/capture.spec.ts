/**
 * Open capture (issue 13): each kind of the real-traffic corpus (test/capture/corpus.ts), taken
 * by dumpcap on loopback before the tests, opened through the file chooser with its key log
 * beside it, and one through drag and drop. Every connection is picked in turn: its messages are
 * named as the engine reads the same file in Node, the request is decrypted, and the Keys tab
 * shows the secrets the key log gave.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { openCapture, type OpenedCapture } from '../src/engine/capture';
import { generateCorpus, type CorpusEntry } from '../test/capture/corpus';
import { expect, inspector, messageNames, openScenario, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });
test.describe.configure({ mode: 'serial' });

const dir = mkdtempSync(join(tmpdir(), 'wirestep-e2e-capture-'));
let corpus: CorpusEntry[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  corpus = await generateCorpus(dir);
});

const entry = (name: string) => corpus.find((e) => e.name === name)!;

/** The engine's own reading of the file, in Node: what the page must draw. */
function engineReading(e: CorpusEntry): OpenedCapture {
  return openCapture(
    new Uint8Array(readFileSync(e.file)),
    e.keylog ? readFileSync(e.keylog, 'utf8') : '',
  );
}

function label(c: OpenedCapture['connections'][number]): string {
  const what = c.kind === 'tls' ? (c.version ?? 'TLS') : `DNS/${c.transport.toUpperCase()}`;
  return `${what} ${c.client} → ${c.server}`;
}

async function chooseFiles(page: Page, files: string[]) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open capture' }).click(),
  ]);
  await chooser.setFiles(files);
}

/** A real `drop` event on the opener, its DataTransfer holding the files' bytes. */
async function dropFiles(page: Page, files: string[]) {
  const payload = files.map((f) => ({
    name: basename(f),
    base64: readFileSync(f).toString('base64'),
  }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const { name, base64 } of list) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], name));
    }
    return dt;
  }, payload);
  const target = page.locator('.capture-opener');
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

/** Checks every connection of the capture as the page draws it, picking each in turn. */
async function checkAll(page: Page, e: CorpusEntry, reading: OpenedCapture) {
  const connections = reading.connections;
  const tls = connections.filter((c) => c.kind === 'tls');
  const dns = connections.filter((c) => c.kind === 'dns');
  // What the corpus says the file holds, independent of the engine's reading.
  if (e.tls?.count === 'some') expect(tls.length).toBeGreaterThan(0);
  else expect(tls).toHaveLength(e.tls?.count ?? 0);
  expect(dns.map((c) => c.transport)).toEqual((e.dns ?? []).map((d) => d.transport));

  const picker = page.getByRole('combobox', { name: 'Connection in the capture' });
  if (connections.length > 1)
    await expect(picker.locator('option')).toHaveText(connections.map(label));
  else await expect(picker).toHaveCount(0);

  for (const [i, c] of connections.entries()) {
    if (i > 0) await picker.selectOption({ label: label(c) });
    await expect(
      page.getByText(`Showing a real run, ${label(c)}`, { exact: false }).first(),
    ).toBeVisible();
    const expected = c.trace.events.flatMap((x) => (x.kind === 'message' ? [x.name] : []));
    await expect
      .poll(async () => (await messageNames(page)).map((n, k) => n.startsWith(expected[k]!)))
      .toEqual(expected.map(() => true));
    const names = await messageNames(page);
    if (c.kind === 'dns') {
      const d = e.dns!.find((x) => x.transport === c.transport)!;
      expect(names[0]).toMatch(new RegExp(`^Query ${d.query.replace(/\./g, '\\.')}\\b`));
      expect(names[1]).toMatch(new RegExp(`^Response ${d.query.replace(/\./g, '\\.')} NOERROR`));
      expect(c.server).toBe(d.server);
      continue;
    }
    expect(c.version).toBe(e.tls!.version);
    expect(c.client).toMatch(e.host.includes(':') ? /^\[::1\]:\d+$/ : /^127\.0\.0\.1:\d+$/);
    expect(names[0]).toMatch(/^ClientHello/);
    // A 0-RTT client sends its early data before the ServerHello arrives.
    expect(names.filter((n) => /^ServerHello\b/.test(n))).toHaveLength(1);
    // Every protected record opened with the key log.
    expect(
      c.trace.events.filter((x) => x.kind === 'message' && x.encrypted && !x.decrypted),
    ).toEqual([]);
    const request = names.find((n) => /^ApplicationData \(GET \//.test(n));
    // A browser's spare connection may carry no request.
    if (!request) {
      expect(e.tls!.count).toBe('some');
      continue;
    }
    await page.getByRole('button', { name: request, exact: true }).focus();
    await page.keyboard.press('Enter');
    const panel = inspector(page);
    await panel.getByRole('tab', { name: 'Bytes' }).click();
    await expect(panel.getByRole('group', { name: /Hex dump of Plaintext/ })).toContainText('GET');
    await panel.getByRole('tab', { name: 'Keys' }).click();
    if (e.tls!.version === 'TLS 1.2') await expect(panel).toContainText('master_secret');
    else {
      await expect(panel).toContainText('client_application_traffic_secret');
      await expect(panel).toContainText('server_handshake_traffic_secret');
    }
  }
}

for (const name of [
  'tls12-aes128gcm',
  'tls12-aes256gcm',
  'tls12-chacha20',
  'tls13',
  'chromium',
  'dig',
  'any',
  'ipv6',
  'inject',
  'early',
]) {
  test(`${name}: opens through the file chooser, every connection drawn and decrypted`, async ({
    watched: page,
  }, testInfo) => {
    const e = entry(name);
    const reading = engineReading(e);
    expect(reading.problem).toBeUndefined();
    if (name === 'inject') expect(reading.embeddedKeys).toBe(true);
    await openScenario(page);
    await chooseFiles(page, e.keylog ? [e.file, e.keylog] : [e.file]);
    await checkAll(page, e, reading);
    await page.screenshot({ path: testInfo.outputPath(`capture-${name}.png`) });
  });
}

test('curl: opens by drag and drop with its key log, decrypted', async ({
  watched: page,
}, testInfo) => {
  const e = entry('curl');
  await openScenario(page);
  await dropFiles(page, [e.file, e.keylog!]);
  await checkAll(page, e, engineReading(e));
  await page.screenshot({ path: testInfo.outputPath('capture-curl-dropped.png') });
});

test('a file that is no capture, on a Korean page, says why in Korean', async ({
  watched: page,
}) => {
  await openScenario(page);
  await page.locator('.language-switch select').selectOption('ko');
  const notCapture = join(dir, 'not-a-capture.pcap');
  writeFileSync(notCapture, 'hello world');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: '캡처 열기' }).click(),
  ]);
  await chooser.setFiles([notCapture]);
  await expect(page.getByRole('alert')).toContainText(
    '0번째 바이트에서: pcap이나 pcapng 파일이 아닙니다(알 수 없는 매직 넘버)',
  );
  await expect(page.getByRole('alert')).not.toContainText('magic number');
});
