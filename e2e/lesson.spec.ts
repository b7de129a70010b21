/**
 * The lesson comes first, on every scenario and preset, in English and Korean: "What to watch for"
 * is whole or behind a visible control at 1366×768 and 1920×1080; every message has an Explain
 * text; every state pill explains itself and sits under the message that moved it; a run whose
 * point is a refusal says what was caught; popovers close on Escape, a click outside and a scenario
 * change; the Keys tab's OpenSSL commands, run here with the real openssl, print what the tab shows;
 * and each step is announced to screen readers.
 *
 * One page walks every scenario in-page (the picker, then the lab's preset list), so the loop costs
 * a run per preset rather than a page load.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { SCENARIOS } from '../src/engine/scenarios/catalog';
import { en as enFirstLoad } from '../src/ui/i18n/en';
import { enDns } from '../src/ui/i18n/en-dns';
import { enKeys } from '../src/ui/i18n/en-keys';
import { enTls } from '../src/ui/i18n/en-tls';
import { enTls13 } from '../src/ui/i18n/en-tls13';
import { enFields } from '../src/ui/i18n/en-fields';
import { enReport } from '../src/ui/i18n/en-report';
import { enLab } from '../src/ui/i18n/en-lab';
import { wholeEnglish } from '../src/ui/i18n/index';
import { ko } from '../src/ui/i18n/ko';
import { expect, inspector, openScenario, test } from './fixtures';

const TABLES = {
  en: wholeEnglish(enFirstLoad, enLab, enDns, enKeys, enTls, enTls13, enFields, enReport),
  ko,
} as const;
type Lang = keyof typeof TABLES;

const LISTED = SCENARIOS.filter((s) => !s.unlisted);
/** Runs that end without a refusal and without their point: a broken zone. */
const GENUINE_FAILURES = ['lab-dns-zone-edit/mistake'];
/** Runs whose point is a stall: nobody refuses, and each side waits for what never comes. */
const STALLS = ['lab-tls-tamper/record-length'];

const status = (page: Page) => page.locator('.run-status');

/** Waits for the run after `before` to finish. */
async function nextRun(page: Page, before: number): Promise<void> {
  await expect
    .poll(async () => Number(await status(page).getAttribute('data-run')), { timeout: 30_000 })
    .toBeGreaterThan(before);
  await expect(status(page)).toHaveAttribute('data-status', /done|failed/, { timeout: 30_000 });
}

/** Inspects a message the way a keyboard does: focus brings it into view, Enter selects it. */
async function inspect(message: Locator): Promise<void> {
  await message.focus();
  await message.press('Enter');
}

const runId = async (page: Page) => Number(await status(page).getAttribute('data-run'));

async function pickScenario(page: Page, id: string): Promise<void> {
  const select = page.locator('select.scenario');
  if ((await select.inputValue()) === id) return;
  const before = await runId(page);
  await select.selectOption(id);
  await nextRun(page, before);
}

/**
 * Opens a scenario at a preset by its link (the lab's preset controls differ: a list, radio
 * buttons), in the language the page remembers.
 */
async function openPreset(page: Page, id: string, preset: string | undefined): Promise<void> {
  await page.goto(`/?scenario=${id}${preset ? `&preset=${preset}` : ''}`);
  await expect(status(page)).toHaveAttribute('data-status', /done|failed/, { timeout: 30_000 });
  await expect(page.locator('select.scenario')).toHaveValue(id);
}

async function switchLanguage(page: Page, lang: Lang): Promise<void> {
  await page.locator('.language-switch select').selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/**
 * "What to watch for" at this viewport: its whole text in the page, and either nothing cut or a
 * visible button that takes focus and opens it whole (then closes it again).
 */
async function checkLesson(page: Page, t: (typeof TABLES)[Lang], id: string): Promise<string[]> {
  const text = page.locator('.lesson-text');
  const lesson = t.scenarios[id]?.lesson ?? '';
  await expect(text).toContainText(lesson);
  const cut = () => text.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
  if (!(await cut())) return [];
  const toggle = page.locator('.lesson-toggle');
  if (!(await toggle.isVisible())) return [`${id}: the lesson is cut with no control`];
  await expect(toggle).toHaveText(t.ui.lessonMore);
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const problems: string[] = [];
  if (await cut()) problems.push(`${id}: the opened lesson is still cut`);
  const box = (await text.boundingBox())!;
  const viewport = page.viewportSize()!;
  if (box.y + box.height > viewport.height) problems.push(`${id}: the opened lesson runs off`);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  return problems;
}

/**
 * Steps through every message from the first and reads the Explain tab's "What this message does",
 * in the page (a click on Step forward, then a frame), so 1,900 messages take seconds.
 */
async function unexplained(page: Page, t: (typeof TABLES)[Lang]): Promise<string[]> {
  const missing = t.ui.explainMissing.split('{key}');
  return page.evaluate(
    async ({ forward, first, missing }) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const button = (label: string) =>
        document.querySelector<HTMLButtonElement>(`.transport button[aria-label="${label}"]`);
      button(first)?.click();
      await frame();
      const n = Number(document.querySelector('svg.diagram-svg')?.getAttribute('data-messages'));
      const bad: string[] = [];
      for (let i = 0; i < n; i++) {
        const current = document.querySelector('g.msg[aria-current="step"]');
        const name = current?.getAttribute('aria-label') ?? `#${i}`;
        const text = document.querySelector('.explain-tab .explain-text')?.textContent ?? '';
        if (!text.trim() || missing.every((part) => text.includes(part.trim())))
          bad.push(`${name}: “${text}”`);
        if (i < n - 1) {
          button(forward)?.click();
          await frame();
        }
      }
      return bad;
    },
    { forward: t.ui.stepForward, first: t.ui.first, missing },
  );
}

/** Every state pill has an explanation in its <desc>, beyond who moved from what to what. */
async function unexplainedStates(page: Page): Promise<string[]> {
  return page.locator('svg.diagram-svg g.state').evaluateAll((pills) =>
    pills.flatMap((p) => {
      const desc = p.querySelector('desc')?.textContent ?? '';
      const ok = desc.includes('→') && desc.length > desc.indexOf('.') + 20;
      return ok ? [] : [`${p.getAttribute('aria-label')}: “${desc}”`];
    }),
  );
}

test.describe('every scenario and preset', () => {
  test.use({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });

  for (const lang of ['en', 'ko'] as const) {
    test(`${lang}: lesson, explanations, state pills and refusals`, async ({
      watched: page,
    }, testInfo) => {
      test.setTimeout(600_000);
      const t = TABLES[lang];
      await openScenario(page);
      await switchLanguage(page, lang);
      const problems: string[] = [];
      const walked: string[] = [];
      let refusals = 0;
      for (const scenario of LISTED) {
        for (const preset of scenario.presets ?? [undefined]) {
          await openPreset(page, scenario.id, preset);
          if (preset === scenario.presets?.[0]) {
            for (const size of [
              { width: 1366, height: 768 },
              { width: 1920, height: 1080 },
            ]) {
              await page.setViewportSize(size);
              problems.push(...(await checkLesson(page, t, scenario.id)));
            }
            await page.setViewportSize({ width: 1366, height: 768 });
          }
          const name = preset ? `${scenario.id}/${preset}` : scenario.id;
          walked.push(name);
          problems.push(...(await unexplained(page, t)).map((p) => `${name}: ${p}`));
          problems.push(...(await unexplainedStates(page)).map((p) => `${name}: ${p}`));
          // A refusal is said as such; only runs that end without one may say the run failed.
          const line = status(page);
          const failed = t.ui.statusFailed.split('{error}')[0]!;
          const refused = t.ui.statusRefused.split('{error}')[0]!;
          const stalled = t.ui.statusStalled.split('{error}')[0]!;
          const text = (await line.textContent()) ?? '';
          if (STALLS.includes(name)) {
            expect(text, name).toContain(stalled);
            await expect(line).toHaveClass(/\bstalled\b/);
            await expect(line).not.toHaveClass(/\bfailed\b/);
          } else if (GENUINE_FAILURES.includes(name)) {
            expect(text, name).toContain(failed);
          } else if (text.includes(failed)) {
            problems.push(`${name}: “${text}”`);
          } else if (text.includes(refused)) {
            refusals++;
            await expect(line).toHaveClass(/\brefused\b/);
            await expect(line).not.toHaveClass(/\bfailed\b/);
          }
        }
      }
      expect(walked).toHaveLength(
        LISTED.reduce((n, s) => n + Math.max(1, s.presets?.length ?? 0), 0),
      );
      expect(problems).toEqual([]);
      // Every preset that ends in a fatal alert: negotiation 4 (the downgrade attacker among
      // them), certificates 6, MITM 1, tamper 10, the journey's wrong certificate 1.
      expect(refusals).toBe(22);
      // A refusal, said as such: the tampered ServerKeyExchange.
      await openPreset(page, 'lab-tls-tamper', 'server-key-exchange-signature');
      await expect(status(page)).toHaveClass(/\brefused\b/);
      await expect(status(page)).toContainText(t.ui.statusRefused.split('{error}')[0]!);
      await expect(status(page)).toContainText('decrypt_error');
      await page.screenshot({ path: testInfo.outputPath(`refusal-${lang}.png`) });
      // The journey's SYN is explained where it is the lesson.
      await pickScenario(page, 'journey-visit');
      await inspect(page.locator('g.msg[aria-label^="SYN ·"]').first());
      await expect(page.locator('aside.inspector .explain-text').first()).toContainText('SYN');
      await page.screenshot({ path: testInfo.outputPath(`journey-syn-${lang}.png`) });
    });
  }
});

test.describe('state pills', () => {
  test.use({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });

  test('each sits under the message that moved it and explains itself on hover and focus', async ({
    watched: page,
  }, testInfo) => {
    await openScenario(page, '?scenario=tls-full&step=15');
    const arrowOf = (name: string, to: string) =>
      page.locator(`g.msg[aria-label^="${name} ·"][aria-label*=" to ${to}"]`).first();
    const pill = (lane: string, state: string) =>
      page.getByRole('img', { name: `${lane} state: ${state}`, exact: true });
    for (const [state, cause] of [
      ['ExpectCertificate', 'ServerHello'],
      ['ExpectChangeCipherSpec', 'NewSessionTicket'],
      ['ExpectFinished', 'ChangeCipherSpec'],
      ['Traffic', 'Finished'],
    ] as const) {
      const p = (await pill('Client', state).boundingBox())!;
      const shaft = (await arrowOf(cause, 'Client').locator('.shaft').boundingBox())!;
      // Just below its cause's arrow, on the client's lifeline.
      expect(p.y, `${state} under ${cause}`).toBeGreaterThan(shaft.y);
      expect(p.y, `${state} under ${cause}`).toBeLessThan(shaft.y + shaft.height + 30);
    }
    const tip = page.locator('.state-tip');
    await expect(tip).toHaveCount(0);
    await pill('Client', 'ExpectChangeCipherSpec').hover();
    await expect(tip).toContainText('Client: ExpectNewSessionTicket → ExpectChangeCipherSpec');
    await page.mouse.move(5, 400);
    await expect(tip).toHaveCount(0);
    await pill('Client', 'ExpectFinished').focus();
    await expect(tip).toContainText('The peer has switched to the new keys');
    await page.screenshot({ path: testInfo.outputPath('state-pill-tooltip.png') });
    await page.keyboard.press('Escape');
    await expect(tip).toHaveCount(0);
    // The inspector lists the changes the message caused.
    await inspect(arrowOf('NewSessionTicket', 'Client'));
    await expect(inspector(page).locator('.state-changes')).toContainText(
      'Client: ExpectNewSessionTicket → ExpectChangeCipherSpec',
    );
  });
});

test.describe('popovers', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  for (const lang of ['en', 'ko'] as const) {
    test(`${lang}: Display and Export and share close on Escape, outside and a new scenario`, async ({
      watched: page,
    }) => {
      const t = TABLES[lang];
      await openScenario(page);
      await switchLanguage(page, lang);
      for (const name of [t.ui.settings, t.ui.share]) {
        const button = page.getByRole('button', { name, exact: true });
        // Escape, from inside the panel: it closes and the focus goes back to its button.
        await button.click();
        await expect(button).toHaveAttribute('aria-expanded', 'true');
        const openPanel = page.locator('.popover');
        await expect(openPanel).toBeVisible();
        await openPanel.locator('select, button').first().focus();
        await page.keyboard.press('Escape');
        await expect(button).toHaveAttribute('aria-expanded', 'false');
        await expect(page.locator('.popover')).toHaveCount(0);
        await expect(button).toBeFocused();
        // A click outside.
        await button.click();
        await expect(page.locator('.popover')).toBeVisible();
        await page.locator('.diagram-canvas').click({ position: { x: 30, y: 300 } });
        await expect(page.locator('.popover')).toHaveCount(0);
        // A scenario change.
        await button.click();
        await expect(page.locator('.popover')).toBeVisible();
        const before = await runId(page);
        await page.locator('select.scenario').selectOption('dns-cold');
        await nextRun(page, before);
        await expect(page.locator('.popover')).toHaveCount(0);
        await expect(button).toHaveAttribute('aria-expanded', 'false');
        await page.locator('select.scenario').selectOption('tls-full');
      }
    });
  }
});

test.describe('the Keys tab', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('each command, run with the real openssl, prints the value on screen', async ({
    watched: page,
  }, testInfo) => {
    const dir = mkdtempSync(join(tmpdir(), 'wirestep-e2e-openssl-'));
    try {
      await openScenario(page, '?scenario=tls-full&step=15');
      await inspector(page).getByRole('tab', { name: 'Keys' }).click();
      const cards = inspector(page).locator('.key-card:has(.key-command)');
      await expect(cards).toHaveCount(5);
      const titles: string[] = [];
      for (const card of await cards.all()) {
        const title = (await card.locator('h3').textContent()) ?? '';
        titles.push(title);
        const command = (await card.locator('.key-command code').textContent()) ?? '';
        const shown = (await card.locator('.key-value, .key-split code').allTextContents()).join(
          '',
        );
        const printed = execFileSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8' });
        expect(printed.replace(/[^0-9a-f]/gi, '').toLowerCase(), title).toBe(
          shown.replace(/[^0-9a-f]/gi, '').toLowerCase(),
        );
      }
      expect(titles).toHaveLength(5);
      await expect(cards.first().getByRole('button', { name: 'Copy command' })).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath('keys-openssl.png') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.describe('screen readers', () => {
  test.use({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });

  test('a step announces the new message politely; a message’s name holds its visible text', async ({
    watched: page,
  }) => {
    await openScenario(page, '?scenario=tls-full');
    const live = page.locator('.step-announcer');
    await expect(live).toHaveAttribute('aria-live', 'polite');
    await page.getByRole('button', { name: 'Step forward', exact: true }).click();
    await expect(live).toHaveText('Message 2 of 15: ServerHello, Server to Client');
    await page.getByRole('button', { name: 'Step forward', exact: true }).click();
    await expect(live).toHaveText('Message 3 of 15: Certificate, Server to Client');
    const hello = page.locator('g.msg[data-step="0"]');
    const visible = (await hello.locator('text.label').textContent())!.replace(/\s+/g, ' ').trim();
    const name = (await hello.getAttribute('aria-label'))!.replace(/[,·]/g, '');
    expect(name.replace(/\s+/g, ' ')).toContain(visible.replace(/[,·]/g, '').replace(/\s+/g, ' '));
  });
});

test.describe('screenshots', () => {
  test('first screen, a lab, presentation mode and Korean', async ({ watched: page }, testInfo) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openScenario(page, '?scenario=tls-full&step=5');
    await page.screenshot({ path: testInfo.outputPath('first-screen-1366.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await pickScenario(page, 'lab-dns-gslb-failover');
    await inspect(page.locator('g.msg[aria-label^="RST ·"]').first());
    await page.screenshot({ path: testInfo.outputPath('lab-gslb-rst-1920.png') });
    await page.keyboard.press('p');
    await expect(page.locator('html')).toHaveAttribute('data-presenting', /.*/);
    await page.screenshot({ path: testInfo.outputPath('presentation-1920.png') });
    await page.keyboard.press('p');
    await switchLanguage(page, 'ko');
    await page.setViewportSize({ width: 1366, height: 768 });
    await pickScenario(page, 'journey-visit');
    await page.locator('.lesson-toggle').click();
    await page.screenshot({ path: testInfo.outputPath('korean-journey-lesson-open-1366.png') });
  });
});
