/**
 * The lab in the browser: every lab scenario runs from the picker and shows its outcome; the
 * negotiation editor changes the suite that wins and, with no overlap, ends in handshake_failure; a
 * bad certificate shows the browser's warning; a tampered ServerKeyExchange byte is caught by the
 * client; GSLB failover leaves the browser on the old address until its TTL runs out; and the
 * journey draws DNS, TCP, TLS and HTTP on one diagram with a shorter second visit.
 */
import type { Locator, Page } from '@playwright/test';
import { analyze, axe } from './axe';
import { expect, inspector, message, messageNames, openScenario, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

const lab = (page: Page) => page.getByRole('complementary', { name: 'Lab' });
const outcome = (page: Page) => lab(page).getByRole('region', { name: 'Outcome' });
const status = (page: Page) => page.locator('.run-status');

/** Waits until the run that a change started has finished (its outcome is no longer busy). */
async function settled(page: Page): Promise<void> {
  await expect(outcome(page)).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
}

/** The cells of the outcome table's row whose header is `row`. */
function rowCells(table: Locator, row: string | RegExp): Locator {
  return table.getByRole('row', { name: row }).getByRole('cell');
}

test('the picker lists the lab scenarios in groups, and each one runs and shows its outcome', async ({
  watched: page,
}, testInfo) => {
  test.setTimeout(180_000);
  await openScenario(page);
  const picker = page.getByLabel('Scenario');
  const group = async (label: string) =>
    picker.locator(`optgroup[label="${label}"] option`).allTextContents();
  expect(await group('TLS lab')).toEqual([
    'Cipher suite negotiation',
    'Session resumption',
    'Certificate problems',
    'Man in the middle',
    'Tampering in flight',
    'Extended master secret',
  ]);
  const dns = await group('DNS lab');
  expect(dns).toHaveLength(8);
  expect(dns).toContain('Failover with DNS (GSLB)');
  expect(await group('The whole journey')).toEqual(['Visit https://www.example.com']);

  const titles = [...(await group('TLS lab')), ...dns, ...(await group('The whole journey'))];
  for (const [i, title] of titles.entries()) {
    await picker.selectOption({ label: title });
    await settled(page);
    await expect(
      outcome(page).locator('.verdict, .facts, .lookup-cards, table').first(),
    ).toBeVisible();
    if (title !== 'Edit a zone')
      expect((await messageNames(page)).length, title).toBeGreaterThan(0);
    await page.screenshot({
      path: testInfo.outputPath(`lab-${String(i + 1).padStart(2, '0')}.png`),
    });
  }
});

test('negotiation editor: the server’s list and whose order wins change the suite; no overlap is handshake_failure', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page, '?scenario=lab-tls-negotiation');
  await settled(page);
  // The lesson paragraph is the scenario's own.
  await expect(page.locator('.lesson')).toContainText(
    'ends the handshake with a handshake_failure',
  );
  await expect(outcome(page)).toContainText(
    'The handshake completed with TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.',
  );

  // The server no longer supports AES-128: its next suite in its own order wins.
  const serverSuites = lab(page).getByRole('group', { name: 'Server: cipher suites' });
  await serverSuites.getByRole('checkbox', { name: /^TLS_ECDHE_RSA_WITH_AES_128/ }).uncheck();
  await settled(page);
  await expect(outcome(page)).toContainText('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
  await expect(status(page)).toContainText('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');

  // The client's order wins, and the client moves ChaCha20 to the top, from the keyboard.
  await lab(page).getByLabel('Whose order wins').selectOption('client');
  await settled(page);
  const clientSuites = lab(page).getByRole('group', { name: 'Client: cipher suites' });
  const up = clientSuites.getByRole('button', {
    name: 'Move TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 up',
  });
  await up.focus();
  await page.keyboard.press('Enter');
  await settled(page);
  await expect(up).toBeFocused();
  await page.keyboard.press('Enter');
  await settled(page);
  await expect(up).toBeDisabled();
  await expect(outcome(page)).toContainText(
    'The handshake completed with TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256.',
  );
  // The ServerHello on the wire names it too.
  await message(page, 'ServerHello').click();
  await inspector(page).getByRole('tab', { name: 'Fields' }).click();
  await expect(
    inspector(page).getByRole('button', { name: /^cipher_suite\s*TLS_ECDHE_RSA_WITH_CHACHA20/ }),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('negotiation-chacha20.png') });

  // No suite in common: the client offers only ECDSA, which the server does not support.
  await page.getByRole('button', { name: 'Lab', exact: true }).click();
  for (const suite of [
    /^TLS_ECDHE_RSA_WITH_AES_128/,
    /^TLS_ECDHE_RSA_WITH_AES_256/,
    /^TLS_ECDHE_RSA_WITH_CHACHA20/,
  ]) {
    await clientSuites.getByRole('checkbox', { name: suite }).uncheck();
    await settled(page);
  }
  await serverSuites.getByRole('checkbox', { name: /^TLS_ECDHE_ECDSA/ }).uncheck();
  await settled(page);
  await expect(outcome(page)).toContainText('The handshake failed.');
  await expect(outcome(page)).toContainText('handshake_failure (40), sent by Server to Client:');
  expect(await messageNames(page)).toEqual([
    expect.stringMatching(/^ClientHello · \d+ B, [^,]+, Client to Server/),
    expect.stringMatching(
      /^Alert handshake_failure · \d+ B, [^,]+, Server to Client, .*fatal alert/,
    ),
  ]);
  await expect(status(page)).toContainText('handshake_failure');
  await page.screenshot({ path: testInfo.outputPath('negotiation-no-overlap.png') });
});

test('an expired certificate ends in certificate_expired from the client, with a browser-like warning', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page, '?scenario=lab-tls-certificates');
  await settled(page);
  await expect(outcome(page)).toContainText('The client accepted the certificate chain');
  await lab(page).getByRole('radio', { name: 'An expired certificate' }).check();
  await settled(page);
  const warning = outcome(page).getByRole('region', { name: 'Your connection is not private' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('The certificate has expired.');
  await expect(warning).toContainText('NET::ERR_CERT_DATE_INVALID');
  await expect(warning).toContainText('certificate_expired (45), sent by Client to Server:');
  await expect(warning).toContainText('expired on 2021-01-01');
  await expect(
    message(page, /^Alert certificate_expired · \d+ B, [^,]+, Client to Server/),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('certificate-expired.png') });
});

test('tamper: a ServerKeyExchange byte picked in the inspector is caught by the client with decrypt_error', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page, '?scenario=lab-tls-tamper');
  await settled(page);
  // Start from an untouched byte position: the picker's record list is the untouched run.
  await lab(page)
    .getByLabel('Message to change')
    .selectOption({ label: '3: ServerKeyExchange from Server' });
  await settled(page);
  await expect(
    lab(page).getByRole('group', { name: 'Hex dump of ServerKeyExchange' }),
  ).toBeVisible();

  // Pick the byte in the inspector's Bytes tab: a byte of the server's signature.
  await message(page, 'ServerKeyExchange').click();
  const panel = inspector(page);
  await panel.getByRole('tab', { name: 'Bytes' }).click();
  await panel.locator('.hexdump .hex .b[data-o="120"]').click();
  await expect(panel.locator('.field-details .fd-path')).toHaveText(/› signature$/);
  await page.getByRole('button', { name: 'Lab', exact: true }).click();
  await lab(page)
    .getByRole('button', {
      name: /^Use the first byte of the field selected in the inspector \(ServerKeyExchange, byte \d+\)/,
    })
    .click();
  await settled(page);
  await expect(lab(page).locator('.tamper-preview')).toContainText('signed_params › signature');

  await expect(outcome(page)).toContainText(
    'Caught by the Client, when the ServerKeyExchange arrived.',
  );
  await expect(outcome(page)).toContainText('decrypt_error (51), sent by Client to Server:');
  await expect(outcome(page)).toContainText('signature');
  await expect(
    message(page, /^Alert decrypt_error · \d+ B, [^,]+, Client to Server/),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('tamper-server-key-exchange.png') });

  await outcome(page).getByRole('button', { name: 'Show where it was caught' }).click();
  await expect(inspector(page).getByRole('heading', { level: 2 })).toHaveText('ServerKeyExchange');
});

test('GSLB failover: the authoritative answer flips to the secondary, the browser keeps the old address until its TTL runs out', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page, '?scenario=lab-dns-gslb-failover');
  await settled(page);
  const lanes = await page.locator('.lane-name').allTextContents();
  expect(lanes.join(' ')).toContain('Health');
  const facts = outcome(page).locator('.facts');
  await expect(facts).toContainText('Primary stopped100 s');
  const table = outcome(page).getByRole('table', {
    name: 'Each lookup: what the authoritative servers said, and what the browser got',
  });
  const rows = table.locator('tbody tr');
  const read = async () =>
    (await rows.evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.children, (c) => c.textContent ?? '')),
    )) as string[][];
  const lookups = await read();
  const primary = '203.0.113.50';
  const secondary = '198.51.100.50';
  // Before the failure, both say the primary; at the end, both say the secondary.
  const got = (r: string[]) => r[2]!.split(' ')[0];
  expect([lookups[0]![1], got(lookups[0]!)]).toEqual([primary, primary]);
  expect([lookups.at(-1)![1], got(lookups.at(-1)!)]).toEqual([secondary, secondary]);
  // In between, the authoritative servers already answer the secondary, and the browser is
  // still given the primary from a cache: the page fails to load.
  const lagging = lookups.filter((r) => r[1] === secondary && got(r) === primary);
  expect(lagging.length).toBeGreaterThan(0);
  for (const r of lagging) {
    expect(r[2]).toMatch(
      /^203\.0\.113\.50 from the (browser|OS resolver|recursive resolver)’s cache, TTL \d+ s$/,
    );
    expect(r[3]).toBe('fails');
  }
  const switched = (label: string) =>
    facts.locator('div', { hasText: label }).locator('dd').textContent();
  const authoritative = parseInt(
    (await switched('Authoritative servers answer the secondary from'))!,
  );
  const browser = parseInt((await switched('The browser gets the secondary from'))!);
  expect(browser).toBeGreaterThan(authoritative);
  await expect(outcome(page)).toContainText('The browser kept the old address for');
  await page.screenshot({ path: testInfo.outputPath('gslb-ttl-60.png') });

  // Stop the primary earlier: everything happens earlier.
  await lab(page).getByLabel('Stop the primary at').fill('40');
  await settled(page);
  await expect(facts).toContainText('Primary stopped40 s');
  await expect
    .poll(async () => parseInt((await switched('The browser gets the secondary from'))!))
    .toBeLessThan(browser);
});

test('the journey draws DNS, TCP, TLS and HTTP on one diagram, and visiting again takes less', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page, '?scenario=journey-visit');
  await settled(page);
  const names = await messageNames(page);
  // "SYN · 20 B, 12 ms, Browser to …" read as "SYN, Browser to …": the name and the lanes.
  const first = (prefix: string) =>
    names.findIndex((n) => n.replace(/ · \d+ B, [^,]+/, '').startsWith(prefix));
  const dns = first('Query www.example.com A, Browser to OS resolver');
  const syn = first('SYN, Browser to Server www.example.com');
  const hello = first('ClientHello, Browser to Server www.example.com');
  const get = first('ApplicationData (GET /), Browser to Server www.example.com');
  const ok = first('ApplicationData (HTTP 200 OK), Server www.example.com to Browser');
  for (const i of [dns, syn, hello, get, ok]) expect(i).toBeGreaterThanOrEqual(0);
  expect(dns < syn && syn < hello && hello < get && get < ok).toBe(true);
  await expect(page.locator('.phase text', { hasText: 'Visit 2' })).toHaveCount(1);

  const table = outcome(page).getByRole('table', { name: 'The visits side by side' });
  const total = await rowCells(table, /^Messages in all/).allTextContents();
  expect(total).toHaveLength(2);
  expect(Number(total[1])).toBeLessThan(Number(total[0]));
  const dnsCells = await rowCells(table, /^DNS/).allTextContents();
  expect(dnsCells[1]).toContain('from the browser’s cache, 0 messages');
  const tlsCells = await rowCells(table, /^TLS/).allTextContents();
  expect(tlsCells[0]).toContain('full handshake');
  expect(tlsCells[1]).toContain('resumed with the ticket');
  await expect(outcome(page)).toContainText(
    `The second visit needed ${Number(total[0]) - Number(total[1])} fewer messages`,
  );
  // The second visit sends no DNS query and no Certificate.
  const second = names.slice(names.findIndex((n, i) => i > hello && n.startsWith('SYN ·')));
  expect(second.some((n) => n.startsWith('Query '))).toBe(false);
  expect(second.some((n) => n.startsWith('Certificate ·'))).toBe(false);
  expect(second.some((n) => n.startsWith('ApplicationData (HTTP 200 OK)'))).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('journey-visit-again.png') });
});

test('Decode: pasted TLS records show their fields; a cut record points at its byte; 64 KiB is the limit', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page);
  await message(page, 'ServerHello').click();
  await page.getByRole('button', { name: 'Decode', exact: true }).click();
  await page
    .getByRole('button', { name: 'Paste the bytes of ServerHello from the diagram' })
    .click();
  const panel = inspector(page);
  await expect(page.getByRole('status').filter({ hasText: 'Decoded as' })).toHaveText(
    'Decoded as TLS records: 115 bytes.',
  );
  await expect(
    panel.getByRole('button', { name: /^cipher_suite\s*TLS_ECDHE_RSA_WITH_AES_128/ }),
  ).toBeVisible();
  await panel.getByRole('tab', { name: 'Bytes' }).click();
  await expect(panel.getByRole('group', { name: 'Hex dump of TLS records' })).toContainText(
    '16030300',
  );
  await page.screenshot({ path: testInfo.outputPath('decode-server-hello.png') });

  // The same record cut short: the decoder names the byte where it ran out.
  const hex = page.getByLabel('Hex', { exact: true });
  const full = await hex.inputValue();
  await hex.fill(full.slice(0, 3 * 60));
  await expect(page.getByRole('status').filter({ hasText: 'Not valid as' })).toContainText(
    /Not valid as TLS records: .* \(at byte \d+, marked in Bytes\)\./,
  );
  await expect(panel.locator('.hexdump .hex .b.sel')).toHaveCount(1);

  // A DNS message, written out by hand (RFC 1035, Section 4.1), is detected as DNS.
  await hex.fill('1234 0100 0001 0000 0000 0000 03777777 076578616d706c65 03636f6d 00 0001 0001');
  await expect(page.getByRole('status').filter({ hasText: 'Decoded as' })).toHaveText(
    'Decoded as DNS message: 33 bytes.',
  );
  await panel.getByRole('tab', { name: 'Fields' }).click();
  await expect(panel.getByRole('button', { name: /^qname/ })).toBeVisible();

  // Over 64 KiB is refused with a clear message.
  await hex.fill('00'.repeat(64 * 1024 + 1));
  await expect(page.getByRole('status').filter({ hasText: 'bytes' })).toContainText(
    'That is 65,537 bytes; the decoder takes at most 65,536 bytes (64 KiB).',
  );
  await page.screenshot({ path: testInfo.outputPath('decode-too-large.png') });

  // Back to the diagram: the run is still there.
  await page.getByRole('button', { name: 'Diagram', exact: true }).click();
  await expect(message(page, 'ServerHello')).toBeVisible();
});

for (const query of ['?scenario=lab-tls-negotiation', '?scenario=journey-visit']) {
  test(`no serious accessibility violations in the lab (${query})`, async ({ watched: page }) => {
    await openScenario(page, query);
    await settled(page);
    const results = await analyze(axe(page));
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
}

test.describe('at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  test('the lab panel and the inspector sit side by side', async ({ watched: page }, testInfo) => {
    await openScenario(page, '?scenario=lab-dns-time-travel');
    await settled(page);
    await expect(lab(page)).toBeVisible();
    await expect(inspector(page)).toBeVisible();
    await expect(page.getByRole('group', { name: 'Side panel' })).toBeHidden();
    await expect(
      outcome(page).getByRole('list', { name: 'The lookups, one by one' }),
    ).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('time-travel-1920x1080.png') });
  });
});
