/** Shared e2e helpers: a page that fails the test on any console error or foreign request. */
import { expect, test as base, type Page } from '@playwright/test';

export const test = base.extend<{ watched: Page }>({
  watched: async ({ page, baseURL }, use) => {
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(baseURL!) && !url.startsWith('data:')) problems.push(`request to ${url}`);
    });
    await use(page);
    expect(problems).toEqual([]);
  },
});
export { expect };

/** The diagram's message buttons, in order, by accessible name. */
export async function messageNames(page: Page): Promise<string[]> {
  return page
    .getByRole('group', { name: 'Sequence diagram' })
    .locator('g.msg[role="button"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

export async function openScenario(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.locator('svg.diagram-svg g.msg').first()).toBeVisible({ timeout: 20_000 });
}

export function message(page: Page, name: string | RegExp) {
  return page.getByRole('button', {
    name: typeof name === 'string' ? new RegExp(`^${escape(name)}\\b`) : name,
  });
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

/** Import through Export and share → Import trace (JSON)… and the file chooser, as a person does. */
export async function importFile(
  page: Page,
  files: string | { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const menu = page.getByRole('button', { name: 'Export and share' });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import trace (JSON)…' }).click(),
  ]);
  await chooser.setFiles(files);
}
