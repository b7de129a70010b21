/**
 * The first load is small (the default handshake's code only) and the rest comes on demand; once
 * the page has drawn its first handshake it fetches everything else, so it keeps working when the
 * network goes away: the Korean tables, the lab, DNS, Decode and the exports.
 */
import type { Page } from '@playwright/test';
import { expect, inspector, message, openScenario, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

/** Every request from now on is refused and listed, as if the network had gone. */
async function goOffline(page: Page): Promise<string[]> {
  const refused: string[] = [];
  await page.route('**/*', async (route) => {
    // Chromium asks for the tab's icon again by itself; an icon is not the page's code or data,
    // and its failure says nothing about the app.
    if (new URL(route.request().url()).pathname.endsWith('/favicon.svg')) {
      await route.fulfill({ status: 204 });
      return;
    }
    refused.push(route.request().url());
    await route.abort('internetdisconnected');
  });
  return refused;
}

test('nothing on demand is fetched before the first drawing, and all of it after', async ({
  watched: page,
}) => {
  const scripts: string[] = [];
  page.on('request', (req) => {
    if (req.url().endsWith('.js')) scripts.push(new URL(req.url()).pathname.split('/').pop()!);
  });
  await openScenario(page);
  const drawnAt = Number(
    await page.locator('svg.diagram-svg').getAttribute('data-first-draw-ms', { timeout: 20_000 }),
  );
  const early = (await page.evaluate(
    (before) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime <= before && e.name.endsWith('.js'))
        .map((e) => e.name.split('/').pop()),
    drawnAt,
  )) as string[];
  // The entry and the runtime it imports; the Korean tables, the lab and DNS wait, and so do the
  // English of failures and fields, the share link and the capture reader.
  expect(
    early.filter((f) =>
      /^(ko|LabPanel|DecodeView|dns|lab|en-tls|tls\.en|en-fields|en-report|link-sync|open-capture)-/.test(
        f,
      ),
    ),
  ).toEqual([]);
  await expect(page.locator('html')).toHaveAttribute('data-prefetched', 'true', {
    timeout: 30_000,
  });
  for (const part of [
    'ko-',
    'LabPanel-',
    'DecodeView-',
    'SharePanel-',
    'BytesTab-',
    'en-tls-',
    'en-fields-',
    'en-report-',
    'link-sync-',
    'open-capture-',
  ])
    expect(
      scripts.some((f) => f.startsWith(part)),
      part,
    ).toBe(true);
});

test('after the first load the page works offline: Korean, DNS, the lab, Decode, exports', async ({
  watched: page,
}, testInfo) => {
  test.setTimeout(120_000);
  await openScenario(page);
  await expect(page.locator('html')).toHaveAttribute('data-prefetched', 'true', {
    timeout: 30_000,
  });
  const refused = await goOffline(page);

  await page.getByLabel('Language').selectOption('ko');
  await expect(page.getByRole('button', { name: '재생', exact: true })).toBeVisible();
  await expect(page.getByRole('complementary', { name: '검사기' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('offline-korean.png') });
  await page.getByLabel('언어').selectOption('en');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

  // The inspector's other tabs.
  await message(page, 'ServerHello').click();
  await inspector(page).getByRole('tab', { name: 'Bytes' }).click();
  await expect(inspector(page).locator('.hexdump')).toBeVisible();
  await inspector(page).getByRole('tab', { name: 'Explain' }).click();

  const picker = page.getByLabel('Scenario');
  await picker.selectOption({ label: 'DNS lookup (cold cache)' });
  await expect(
    message(page, /^Query www\.example\.com A · \d+ B, 0 ms, Browser to OS resolver/),
  ).toBeVisible({
    timeout: 20_000,
  });

  await picker.selectOption({ label: 'Cipher suite negotiation' });
  // At 1280 px the lab panel and the inspector share a column; the inspector was in front.
  await page
    .getByRole('group', { name: 'Side panel' })
    .getByRole('button', { name: 'Lab', exact: true })
    .click();
  const outcome = page
    .getByRole('complementary', { name: 'Lab' })
    .getByRole('region', { name: 'Outcome' });
  await expect(outcome).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
  await expect(outcome).toContainText(
    'The handshake completed with TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.',
  );
  await page.screenshot({ path: testInfo.outputPath('offline-lab.png') });

  await picker.selectOption({ label: 'Failover with DNS (GSLB)' });
  await expect(outcome).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
  await expect(outcome.locator('.verdict, .facts, .lookup-cards, table').first()).toBeVisible();

  await page.getByRole('button', { name: 'Decode', exact: true }).click();
  await page
    .getByLabel('Hex', { exact: true })
    .fill('1234 0100 0001 0000 0000 0000 03777777 076578616d706c65 03636f6d 00 0001 0001');
  await expect(page.locator('.decode-status').first()).toHaveText(
    'Decoded as DNS message: 33 bytes.',
  );
  await page.getByRole('button', { name: 'Diagram', exact: true }).click();

  await picker.selectOption({ label: 'TLS 1.2 full handshake' });
  await expect(message(page, 'ServerHello')).toBeVisible();
  await page.getByRole('button', { name: 'Export and share' }).click();
  for (const name of ['Download pcap', 'Download diagram (PNG)', 'Export trace (JSON)']) {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name, exact: true }).click(),
    ]);
    expect(file.suggestedFilename(), name).toMatch(/^wirestep-tls-full-seed-/);
  }
  expect(refused).toEqual([]);
});
