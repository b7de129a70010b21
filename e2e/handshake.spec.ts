import { expect, test } from '@playwright/test';

test('the page runs a real TLS 1.2 handshake and lists every message', async ({ page }, testInfo) => {
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto('/');
  const list = page.getByRole('list', { name: 'Messages' });
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 20_000 });

  const names = await list.getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label') ?? ''));
  const order = ['ClientHello', 'ServerHello', 'Certificate', 'ServerKeyExchange', 'ServerHelloDone', 'ClientKeyExchange', 'ChangeCipherSpec', 'Finished'];
  let at = 0;
  for (const name of order) {
    const found = names.findIndex((n, i) => i >= at && n.startsWith(name));
    expect(found, `${name} after message ${at}`).toBeGreaterThanOrEqual(at);
    at = found + 1;
  }
  expect(names.some((n) => n.startsWith('ApplicationData (GET /)'))).toBe(true);
  expect(names.some((n) => n.startsWith('ApplicationData (HTTP 200 OK)') && n.endsWith('encrypted'))).toBe(true);
  expect(names.some((n) => n.startsWith('Alert close_notify'))).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('handshake-list.png'), fullPage: true });
  expect(consoleErrors).toEqual([]);
});
