/**
 * `scenario run ID --trace FILE` in the browser: the file the CLI writes for a scenario and a lab
 * preset opens through Import trace with every message the CLI printed, in order, as the app's own
 * run of the same settings draws them; a DNS run's message names read in Korean on a Korean page.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../test/tls/support/peers';
import { expect, importFile, messageNames, openScenario, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

const dir = mkdtempSync(join(tmpdir(), 'wirestep-e2e-scenario-'));

/** Runs `scenario run` with --trace; the file's path and the message names the CLI printed. */
async function scenarioTrace(
  id: string,
  preset?: string,
): Promise<{ file: string; printed: string[] }> {
  const file = join(dir, `${id}${preset ? `-${preset}` : ''}.json`);
  const cli = await runCli([
    'scenario',
    'run',
    id,
    ...(preset ? ['--preset', preset] : []),
    '--seed',
    '7',
    '--trace',
    file,
  ]);
  expect(cli.code, cli.stderr).toBe(0);
  expect(cli.stdout).toContain(`wrote ${file}`);
  // One line per message: "+   20 ms  Server → Client  ServerHello (…)".
  const printed = cli.stdout
    .split('\n')
    .filter((l) => l.startsWith('+'))
    .map((l) =>
      l
        .replace(/^\+\s*\S+ \S+ {2}/, '')
        .split(/\s{2,}/)
        .slice(1)
        .join('  ')
        .replace(/ \(\d+ bytes(?:, encrypted)?\)$/, ''),
    );
  const written = (
    JSON.parse(readFileSync(file, 'utf8')) as {
      trace: { events: { kind: string; name?: string }[] };
    }
  ).trace.events
    .filter((e) => e.kind === 'message')
    .map((e) => e.name!);
  expect(printed).toEqual(written);
  return { file, printed };
}

for (const [id, preset] of [
  ['dns-cold', undefined],
  ['lab-tls-resumption', 'by-ticket'],
  ['journey-visit', 'visit-again'],
] as const) {
  test(`scenario run ${id}${preset ? ` --preset ${preset}` : ''} --trace opens through Import trace`, async ({
    watched: page,
  }, testInfo) => {
    const { file, printed } = await scenarioTrace(id, preset);
    await openScenario(page);
    await importFile(page, file);
    await expect
      .poll(async () => (await messageNames(page)).length, { timeout: 20_000 })
      .toBe(printed.length);
    const names = await messageNames(page);
    printed.forEach((name, i) =>
      expect(names[i]!.startsWith(name), `${i}: ${names[i]}`).toBe(true),
    );
    await page.getByRole('button', { name: 'Last', exact: true }).click();
    // The playback bar names the step (the inspector is a tab away beside a lab's panel).
    await expect(page.locator('.playback .position .name')).toHaveText(printed.at(-1)!);
    await page.screenshot({ path: testInfo.outputPath(`${id}.png`) });
  });
}

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR' });
  test('a DNS run from the CLI names its messages in Korean', async ({
    watched: page,
  }, testInfo) => {
    const { file } = await scenarioTrace('dns-cold');
    await openScenario(page);
    // Export and share → Import trace (JSON)…, in Korean.
    await page.getByRole('button', { name: '내보내기와 공유' }).click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: '트레이스 가져오기 (JSON)…' }).click(),
    ]);
    await chooser.setFiles(file);
    const arrows = page
      .getByRole('group', { name: '시퀀스 다이어그램' })
      .locator('g.msg[role="button"]');
    await expect(arrows).toHaveCount(10, { timeout: 20_000 });
    const names = await arrows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!));
    expect(names[0]).toMatch(/^질의 www\.example\.com A · /);
    expect(names[3]).toMatch(/^com\.으로 위임 · /);
    expect(names.at(-1)).toMatch(/^응답 www\.example\.com A NOERROR · /);
    expect(names.filter((n) => /^(?:Query|Referral|Response)\b/.test(n))).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('dns-cold-ko.png') });
  });
});
