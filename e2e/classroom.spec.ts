/**
 * The classroom: the Korean UI (following the browser, switched and remembered), presentation mode
 * and the shortcut overlay used with the keyboard only, axe on every scenario in both themes and
 * both languages, and the built dist/ served from a sub-folder of a plain static server.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Page } from '@playwright/test';
import { SCENARIOS } from '../src/engine/scenarios/catalog';
import { analyze, axe } from './axe';
import { expect, openScenario, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

const position = (page: Page) => page.locator('.playback .position');

async function axeViolations(page: Page): Promise<string[]> {
  // label-content-name-mismatch is experimental in axe 4.x, off unless asked for: a message's
  // name must hold the text it shows (WCAG 2.5.3).
  const results = await analyze(
    axe(page).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }),
  );
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

test.describe('in a Korean browser', () => {
  test.use({ locale: 'ko-KR' });

  test('the page is in Korean, the switch changes it, and the choice is remembered', async ({
    watched: page,
  }, testInfo) => {
    await openScenario(page, '?scenario=tls-full&step=7');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('button', { name: '재생', exact: true })).toBeVisible();
    await expect(page.getByRole('complementary', { name: '검사기' })).toBeVisible();
    // Protocol names stay as the RFCs spell them; lanes are named in Korean.
    const names = await page
      .getByRole('group', { name: '시퀀스 다이어그램' })
      .locator('g.msg[role="button"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(names).toHaveLength(15);
    expect(names[0]).toMatch(/^ClientHello · \d+ B, 40 ms, 클라이언트에서 서버로/);
    await expect(page.getByRole('complementary', { name: '검사기' })).toContainText(
      '핸드셰이크 메시지가 아니라 1바이트짜리 신호입니다',
    );
    await expect(page.getByLabel('시나리오')).toContainText('TLS 1.2 전체 핸드셰이크');
    await page.screenshot({ path: testInfo.outputPath('korean-1280x720.png') });

    await page.getByLabel('언어').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await expect(page.locator('.playback .position')).toContainText('7 of 15');
    await expect(page.locator('.playback .position')).toContainText('ChangeCipherSpec');
    await page.getByLabel('Language').selectOption('ko');
    await page.reload();
    await expect(page.getByRole('button', { name: '재생', exact: true })).toBeVisible();
  });

  test('alerts and DNS rcodes are explained in Korean', async ({ watched: page }) => {
    await openScenario(page, '?scenario=tls-full');
    await page.keyboard.press('End');
    const panel = page.getByRole('complementary', { name: '검사기' });
    await expect(panel).toContainText('close_notify');
    await expect(panel).toContainText('더 보낼 것이 없다는');
    await openScenario(page, '?scenario=dns-cold&step=4');
    await expect(panel).toContainText('위임(referral)은 오류가 아니라 정상적인 결과입니다');
  });
});

test('presentation mode with the keyboard only: keys, clicker, caption and the “?” overlay', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page, '?scenario=tls-full');
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveAttribute('data-presenting', 'true');
  await expect(page.locator('.inspector')).toBeHidden();
  await expect(page.locator('.app-header .controls')).toBeHidden();
  const caption = page.getByRole('region', { name: 'ClientHello' });
  await expect(caption).toContainText('Message 1 of 15');
  await expect(caption).toContainText('The client opens the handshake');
  // A clicker sends PageDown and PageUp; the arrows do the same.
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('ArrowRight');
  await expect(position(page)).toContainText('4 of 15');
  await expect(page.getByRole('region', { name: 'ServerKeyExchange' })).toContainText(
    'forward secrecy',
  );
  await page.keyboard.press('PageUp');
  await expect(position(page)).toContainText('3 of 15');
  const text = await page
    .locator('.presentation-text')
    .evaluate((e) => getComputedStyle(e).fontSize);
  expect(parseFloat(text)).toBeGreaterThanOrEqual(22);
  await page.screenshot({ path: testInfo.outputPath('presentation-1280x720.png') });

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const action of [
    'Play or pause',
    'Next message (also a clicker’s Page Down)',
    'Previous message (also a clicker’s Page Up)',
    'First message',
    'Last message',
    'Presentation mode on or off',
    'Switch between the light and dark themes',
    'Switch between English and Korean',
    'Show or hide this list',
    'Close this list, or leave presentation mode',
  ])
    await expect(dialog.getByRole('cell', { name: action, exact: true })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('shortcuts-overlay.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Still presenting: the first Escape closed only the overlay.
  await expect(page.locator('html')).toHaveAttribute('data-presenting', 'true');
  await page.keyboard.press('t');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('presentation-dark.png') });
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveAttribute('data-presenting', 'true');
  await expect(page.locator('.inspector')).toBeVisible();
});

test('single-key shortcuts can be turned off (WCAG 2.1.4)', async ({ watched: page }) => {
  await openScenario(page);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await page.getByLabel('Single-key shortcuts (P, T, L, ?) on').uncheck();
  await page.keyboard.press('Escape');
  await page.keyboard.press('p');
  await expect(page.locator('html')).not.toHaveAttribute('data-presenting', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(position(page)).toContainText('2 of 15');
});

test('presentation mode at 1920×1080 in Korean', async ({ watched: page }, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openScenario(page, '?scenario=dns-cold&step=4');
  await page.getByLabel('Language').selectOption('ko');
  await page.keyboard.press('p');
  await expect(page.getByRole('region', { name: 'com.으로 위임' })).toContainText('위임');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('presentation-ko-1920x1080.png') });
});

const listed = SCENARIOS.filter((s) => !s.unlisted).map((s) => s.id);

for (const id of listed) {
  test(`axe: no violations on ${id}, light and dark, English and Korean`, async ({
    watched: page,
  }) => {
    // Four full axe runs over a page with the lab's tables take a while on a 2-core machine.
    test.setTimeout(240_000);
    await openScenario(page, `?scenario=${id}&step=2`);
    const found: string[] = [];
    for (const [press, label] of [
      ['', 'en light'],
      ['t', 'en dark'],
      ['l', 'ko dark'],
      ['t', 'ko light'],
    ] as const) {
      // The keys go to the page, not to a field of the lab panel that may hold the focus.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      if (press) await page.keyboard.press(press);
      await expect(page.locator('html')).toHaveAttribute(
        'data-theme',
        label.endsWith('dark') ? 'dark' : 'light',
      );
      // The Korean table arrives before the page switches: axe looks at the Korean page.
      await expect(page.locator('html')).toHaveAttribute('lang', label.slice(0, 2));
      found.push(...(await axeViolations(page)).map((v) => `${label}: ${v}`));
    }
    expect(found).toEqual([]);
  });
}

test('axe: the open share menu and a notice pass in both themes', async ({ watched: page }) => {
  await openScenario(page, '?scenario=tls-full&step=99');
  await page.getByRole('button', { name: 'Export and share' }).click();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Link to this message').focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('t');
  await page.getByRole('button', { name: 'Export and share' }).click();
  expect(await axeViolations(page)).toEqual([]);
});

test.describe('the built dist/', () => {
  let server: Server;
  let origin: string;
  const dist = join(import.meta.dirname, '..', 'dist');
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
  };

  test.beforeAll(async () => {
    // A plain static server that knows nothing of the app, serving it from a sub-folder.
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (!path.startsWith('/courses/network/wirestep/')) {
        res.writeHead(404).end();
        return;
      }
      const rel = normalize(path.slice('/courses/network/wirestep/'.length) || 'index.html');
      readFile(join(dist, rel))
        .then((body) =>
          res
            .writeHead(200, { 'content-type': types[extname(rel)] ?? 'application/octet-stream' })
            .end(body),
        )
        .catch(() => res.writeHead(404).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('works from a sub-folder of any static server, with no other request', async ({ page }) => {
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/courses/network/wirestep/?scenario=dns-warm&step=3`);
    await expect(page.locator('svg.diagram-svg g.msg').first()).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('.playback .position')).toContainText('3 of');
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(`${origin}/courses/network/wirestep/`))).toEqual(
      [],
    );
    const html = await readFile(join(dist, 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    // Every script is a file: no inline script for the CSP to allow.
    expect(html.match(/<script\b[^>]*>/g)!.every((tag) => / src="\.\//.test(tag))).toBe(true);
  });
});
