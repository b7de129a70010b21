/**
 * The TLS 1.3 scenarios in the page, in English and Korean: every message of the handshake is on
 * the diagram with the explanation written for it as TLS 1.3 sends it, the Keys tab lays out the
 * TLS 1.3 key schedule (and its OpenSSL commands, run here with the real openssl, print what it
 * shows), a HelloRetryRequest, a PSK resumption and a KeyUpdate show what they change, the side-by-side run puts
 * TLS 1.3's request a round trip ahead of TLS 1.2's, and the negotiation lab's downgrade preset
 * ends in the client's refusal.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { en as enFirstLoad } from '../src/ui/i18n/en';
import { enDns } from '../src/ui/i18n/en-dns';
import { enKeys } from '../src/ui/i18n/en-keys';
import { enTls13 } from '../src/ui/i18n/en-tls13';
import { enLab } from '../src/ui/i18n/en-lab';
import { format, wholeEnglish } from '../src/ui/i18n/index';
import { ko } from '../src/ui/i18n/ko';
import { expect, openScenario, test } from './fixtures';

const TABLES = { en: wholeEnglish(enFirstLoad, enLab, enDns, enKeys, enTls13), ko } as const;
type Lang = keyof typeof TABLES;

test.use({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });

const status = (page: Page) => page.locator('.run-status');

async function open(page: Page, lang: Lang, query: string): Promise<void> {
  await openScenario(page, query);
  await page.locator('.language-switch select').selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(status(page)).toHaveAttribute('data-status', /done|failed/, { timeout: 30_000 });
}

/** `text` escaped so that it matches itself inside a regular expression. */
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A message on the diagram by its whole name (its label goes on with " · size"). */
function message(page: Page, name: string | RegExp) {
  const shape = typeof name === 'string' ? new RegExp(`^${escape(name)} · `) : name;
  return page.getByRole('button', { name: shape });
}

/** The message names as the diagram labels them, up to " · size" (any language). */
async function names(page: Page): Promise<string[]> {
  const labels = await page
    .locator('svg.diagram-svg g.msg[role="button"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels.map((n) => n.split(' · ')[0]!);
}

/** The time, in ms, of the first message `name` sent from the lane shown as `from`. */
async function timeOf(page: Page, name: string, from: string): Promise<number> {
  const shape = new RegExp(`^${escape(name)} · [^,]+, \\d+ ms, ${escape(from)}`);
  const label = (await message(page, shape).first().getAttribute('aria-label')) ?? '';
  return Number(/, (\d+) ms,/.exec(label)?.[1]);
}

for (const lang of ['en', 'ko'] as const) {
  const t = TABLES[lang];
  const panel = (page: Page) => page.getByRole('complementary', { name: t.ui.inspector });

  test(`${lang}: TLS 1.3 full handshake, every message explained as TLS 1.3`, async ({
    watched: page,
  }, testInfo) => {
    await open(page, lang, '?scenario=tls13-full');
    const shown = await names(page);
    for (const name of [
      'ClientHello',
      'ServerHello',
      'EncryptedExtensions',
      'Certificate',
      'CertificateVerify',
      'Finished',
      'NewSessionTicket',
      'ApplicationData (GET /)',
      'ApplicationData (HTTP 200 OK)',
    ])
      expect(shown, name).toContain(name);
    // Two Finished, the server's before the client's, and no TLS 1.2 key exchange.
    expect(shown.filter((n) => n === 'Finished')).toHaveLength(2);
    expect(shown).not.toContain('ServerKeyExchange');
    expect(shown).not.toContain('ClientKeyExchange');
    for (const name of [...new Set(shown)]) {
      const own = t.messages[`TLS 1.3 ${name}`] ?? t.messages[name];
      const expected =
        own ??
        t.messages[`TLS 1.3 ${name.split(' ')[0]!}`] ??
        (name.startsWith('ApplicationData') ? t.messages['TLS 1.3 ApplicationData'] : undefined) ??
        t.messages[name.split(' ')[0]!];
      expect(expected, name).toBeTruthy();
      const target = message(page, name).first();
      await target.focus();
      await target.press('Enter');
      await panel(page).getByRole('tab', { name: t.ui.tabExplain }).click();
      await expect(panel(page).locator('.explain-text').first(), name).toHaveText(expected!);
    }
    await page.screenshot({ path: testInfo.outputPath(`tls13-explain-${lang}.png`) });
  });

  test(`${lang}: the Keys tab shows the TLS 1.3 schedule, each command prints its value`, async ({
    watched: page,
  }, testInfo) => {
    const dir = mkdtempSync(join(tmpdir(), 'wirestep-e2e-openssl13-'));
    try {
      await open(page, lang, '?scenario=tls13-full');
      await page.getByRole('button', { name: t.ui.last }).click();
      await panel(page).getByRole('tab', { name: t.ui.tabKeys }).click();
      await expect(
        panel(page).getByRole('heading', { name: format(t.ui.keysVersion, { version: '1.3' }) }),
      ).toBeVisible();
      const titles = await panel(page).locator('.key-card h3').allTextContents();
      for (const name of [
        'early_secret',
        'handshake_secret',
        'client_handshake_traffic_secret',
        'server_handshake_traffic_secret',
        'master_secret',
        'client_application_traffic_secret_0',
        'server_application_traffic_secret_0',
      ])
        expect(titles, name).toContain(t.secretTitles[name]);
      await expect(
        panel(page).getByText(t.secrets['secret.tls13.handshake_secret']!),
      ).toBeVisible();
      const cards = panel(page).locator('.key-card:has(.key-command)');
      expect(await cards.count()).toBeGreaterThanOrEqual(12);
      for (const card of await cards.all()) {
        const title = (await card.locator('h3').textContent()) ?? '';
        const command = (await card.locator('.key-command code').textContent()) ?? '';
        const shown = (await card.locator('.key-value').textContent()) ?? '';
        const printed = execFileSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8' });
        expect(printed.replace(/[^0-9a-f]/gi, '').toLowerCase(), title).toBe(
          shown.replace(/[^0-9a-f]/gi, '').toLowerCase(),
        );
      }
      await page.screenshot({ path: testInfo.outputPath(`tls13-keys-${lang}.png`) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test(`${lang}: TLS 1.3 KeyUpdate both ways, explained, its _1 secrets reproduced`, async ({
    watched: page,
  }, testInfo) => {
    const dir = mkdtempSync(join(tmpdir(), 'wirestep-e2e-keyupdate-'));
    try {
      await open(page, lang, '?scenario=tls13-key-update');
      const shown = await names(page);
      // The client's before its GET, the server's answer before its 200 (RFC 8446, 4.6.3).
      expect(shown.filter((n) => n === 'KeyUpdate')).toHaveLength(2);
      expect(shown.indexOf('KeyUpdate')).toBeLessThan(shown.indexOf('ApplicationData (GET /)'));
      expect(shown.lastIndexOf('KeyUpdate')).toBeLessThan(
        shown.indexOf('ApplicationData (HTTP 200 OK)'),
      );
      for (const name of ['KeyUpdate', 'ChangeCipherSpec']) {
        const target = message(page, name).first();
        await target.focus();
        await target.press('Enter');
        await panel(page).getByRole('tab', { name: t.ui.tabExplain }).click();
        await expect(panel(page).locator('.explain-text').first(), name).toHaveText(
          (t.messages[`TLS 1.3 ${name}`] ?? t.messages[name])!,
        );
      }
      await page.getByRole('button', { name: t.ui.last }).click();
      await panel(page).getByRole('tab', { name: t.ui.tabKeys }).click();
      await expect(
        panel(page).getByText(t.secrets['secret.tls13.traffic_update']!).first(),
      ).toBeVisible();
      for (const name of [
        'client_application_traffic_secret_1',
        'server_application_traffic_secret_1',
      ]) {
        const card = panel(page).locator('.key-card', {
          has: page.locator('h3', { hasText: new RegExp(`^${name}$`) }),
        });
        await expect(card, name).toHaveCount(1);
        const command = (await card.locator('.key-command code').textContent()) ?? '';
        const value = (await card.locator('.key-value').textContent()) ?? '';
        const printed = execFileSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8' });
        expect(printed.replace(/[^0-9a-f]/gi, '').toLowerCase(), name).toBe(
          value.replace(/[^0-9a-f]/gi, '').toLowerCase(),
        );
      }
      await page.screenshot({ path: testInfo.outputPath(`tls13-key-update-${lang}.png`) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test(`${lang}: TLS 1.3 with a HelloRetryRequest: a second ClientHello before the ServerHello`, async ({
    watched: page,
  }) => {
    await open(page, lang, '?scenario=tls13-hello-retry');
    // The middlebox-compatibility ChangeCipherSpecs (RFC 8446, Appendix D.4) come with the retry.
    expect((await names(page)).slice(0, 6)).toEqual([
      'ClientHello',
      'HelloRetryRequest',
      'ChangeCipherSpec',
      'ChangeCipherSpec',
      'ClientHello',
      'ServerHello',
    ]);
    await message(page, 'HelloRetryRequest').focus();
    await message(page, 'HelloRetryRequest').press('Enter');
    await panel(page).getByRole('tab', { name: t.ui.tabExplain }).click();
    await expect(panel(page).locator('.explain-text').first()).toHaveText(
      t.messages['TLS 1.3 HelloRetryRequest']!,
    );
    await expect(status(page)).toContainText('HTTP/1.1 200 OK');
  });

  test(`${lang}: TLS 1.3 resumption: no certificate the second time, the PSK enters the schedule`, async ({
    watched: page,
  }) => {
    await open(page, lang, '?scenario=tls13-resumption');
    const shown = await names(page);
    const second = shown.lastIndexOf('ClientHello');
    expect(second).toBeGreaterThan(0);
    expect(shown.slice(0, second)).toContain('NewSessionTicket');
    expect(shown.slice(second)).not.toContain('Certificate');
    expect(shown.slice(second)).not.toContain('CertificateVerify');
    await page.getByRole('button', { name: t.ui.last }).click();
    await panel(page).getByRole('tab', { name: t.ui.tabKeys }).click();
    await expect(panel(page).getByText(t.secrets['secret.tls13.early_secret.psk']!)).toBeVisible();
    await expect(panel(page).getByText(t.secrets['secret.tls13.binder']!)).toBeVisible();
  });

  test(`${lang}: TLS 1.2 and TLS 1.3 side by side: 1.3 sends its GET a round trip earlier`, async ({
    watched: page,
  }, testInfo) => {
    await open(page, lang, '?scenario=tls-versions-compare');
    const lane = (name: string) => t.names[name] ?? name;
    const get12 = await timeOf(page, 'ApplicationData (GET /)', lane('Client (TLS 1.2)'));
    const get13 = await timeOf(page, 'ApplicationData (GET /)', lane('Client (TLS 1.3)'));
    const hello = await timeOf(page, 'ClientHello', lane('Client (TLS 1.3)'));
    const serverHello = await timeOf(page, 'ServerHello', lane('Server (TLS 1.3)'));
    // One round trip is ClientHello out and ServerHello back.
    expect(serverHello - hello).toBeGreaterThan(0);
    expect(get12 - get13).toBe(2 * (serverHello - hello));
    await page.getByRole('button', { name: t.ui.last }).click();
    await panel(page).getByRole('tab', { name: t.ui.tabKeys }).click();
    for (const version of ['1.2', '1.3'])
      await expect(
        panel(page).getByRole('heading', { name: format(t.ui.keysVersion, { version }) }),
      ).toBeVisible();
    await expect(panel(page).getByText(t.ui.keysCompare)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`tls-versions-compare-${lang}.png`) });
  });
}

test('the negotiation lab: an attacker strips TLS 1.3 and the client refuses', async ({
  watched: page,
}) => {
  await page.goto('/?scenario=lab-tls-negotiation&preset=downgrade-attack');
  await expect(status(page)).toHaveAttribute('data-status', /done|failed/, { timeout: 30_000 });
  await expect(status(page)).toHaveClass(/\brefused\b/);
  await expect(message(page, /^Alert illegal_parameter/)).toBeVisible();
});
