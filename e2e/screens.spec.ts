/**
 * Every screen a class uses, measured: on every scenario and preset, at 1366×768 and 1920×1080,
 * with and without presentation mode, in English and in Korean, no text of the diagram is cut
 * (the time gutter keeps every digit, lane names fit their heads, notes and labels stay inside
 * the drawing), and presentation mode draws message labels of at least 24 px at 1920×1080.
 */
import type { Page } from '@playwright/test';
import { SCENARIOS } from '../src/engine/scenarios/catalog';
import { expect, test } from './fixtures';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** Every listed scenario, and each lab scenario once per preset. */
const VIEWS = SCENARIOS.filter((s) => !s.unlisted).flatMap((s) =>
  s.presets
    ? s.presets.map((p) => ({
        id: s.id,
        query: `?scenario=${s.id}&preset=${p}`,
        name: `${s.id}/${p}`,
      }))
    : [{ id: s.id, query: `?scenario=${s.id}`, name: s.id }],
);

interface Measured {
  problems: string[];
  /** The smallest message label as drawn on screen (font size × the diagram's scale), in px. */
  labelPx: number;
  timePx: number;
  /** How much of the diagram area the drawing covers across, 0 to 1. */
  widthUse: number;
}

/** Finds any text of the diagram that is cut or outside its box, in the page itself. */
function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const svg = document.querySelector<SVGSVGElement>('svg.diagram-svg')!;
    const width = Number(svg.getAttribute('width'));
    const gutter = Number(svg.querySelector('.gutter-rule')!.getAttribute('x1'));
    const inside = (what: string, el: SVGGraphicsElement, lo: number, hi: number) => {
      const b = el.getBBox();
      // getBBox is in the element's user space; a group's translate moves it.
      const m = el.getCTM()!;
      const s = svg.getCTM()!;
      const left = (b.x * m.a + m.e - s.e) / s.a;
      const right = ((b.x + b.width) * m.a + m.e - s.e) / s.a;
      if (left < lo - 0.5 || right > hi + 0.5)
        problems.push(
          `${what} "${el.textContent}" spans ${left.toFixed(0)}–${right.toFixed(0)}, room ${lo}–${hi.toFixed(0)}`,
        );
    };
    for (const el of svg.querySelectorAll<SVGTextElement>('.msg .time'))
      inside('time', el, 0, gutter);
    for (const el of svg.querySelectorAll<SVGTextElement>('.msg .label'))
      inside('label', el, 0, width);
    for (const el of svg.querySelectorAll<SVGGraphicsElement>(
      '.phase text, .state rect, .cache-hit text, .cache-mark text, .error-mark text',
    ))
      inside(el.closest('g')!.getAttribute('class')!.split(' ')[0]!, el, 0, width);
    // Lane heads: the name and state inside their box, the box inside the strip.
    const strip = document.querySelector('svg.lane-heads')!.getBoundingClientRect();
    for (const head of document.querySelectorAll<SVGGElement>('.lane-head')) {
      const box = head.querySelector('rect')!.getBoundingClientRect();
      if (box.left < strip.left - 0.5 || box.right > strip.right + 0.5)
        problems.push(`lane head "${head.textContent}" outside the strip`);
      for (const text of head.querySelectorAll('text')) {
        const r = text.getBoundingClientRect();
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.bottom > box.bottom + 1)
          problems.push(
            `lane text "${text.textContent}" (${r.width.toFixed(0)} px) cut by its head (${box.width.toFixed(0)} px)`,
          );
      }
    }
    const drawn = (sel: string) =>
      Math.min(
        ...[...svg.querySelectorAll<SVGTextElement>(sel)].map(
          (el) => parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM()!.a,
        ),
      );
    const canvas = document.querySelector('.diagram-canvas')!.getBoundingClientRect();
    const area = svg.getBoundingClientRect();
    return {
      problems,
      labelPx: drawn('.msg .label'),
      timePx: drawn('.msg .time'),
      widthUse:
        (Math.min(area.right, canvas.right) - Math.max(area.left, canvas.left)) / canvas.width,
    };
  });
}

/** Opens a view and waits for its run; false when the run drew no message (a zone with a mistake). */
async function open(page: Page, query: string): Promise<boolean> {
  await page.goto(`/${query}`);
  await page.waitForFunction(
    () =>
      document.querySelector('svg.diagram-svg g.msg') ??
      document.querySelector('.lab-panel [aria-busy="false"]'),
    undefined,
    { timeout: 20_000 },
  );
  return (await page.locator('svg.diagram-svg g.msg').count()) > 0;
}

for (const locale of ['en-US', 'ko-KR'] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    for (const scenario of SCENARIOS.filter((s) => !s.unlisted)) {
      test(`no text is cut on ${scenario.id}, at 1366, 1920 and presenting`, async ({
        watched: page,
      }) => {
        test.setTimeout(120_000);
        const problems: string[] = [];
        for (const view of VIEWS.filter((v) => v.id === scenario.id)) {
          await page.setViewportSize(SIZES[0]);
          if (!(await open(page, view.query))) continue;
          for (const presenting of [false, true]) {
            if (presenting) await page.keyboard.press('p');
            if (presenting)
              await expect(page.locator('html')).toHaveAttribute('data-presenting', 'true');
            for (const size of SIZES) {
              await page.setViewportSize(size);
              await page.waitForTimeout(150);
              const m = await measure(page);
              const where = `${view.name} ${size.width}${presenting ? ' presenting' : ''}`;
              problems.push(...m.problems.map((p) => `${where}: ${p}`));
              if (presenting && size.width === 1920) {
                if (m.labelPx < 24)
                  problems.push(`${where}: labels drawn at ${m.labelPx.toFixed(1)} px`);
                if (m.timePx < 18)
                  problems.push(`${where}: times drawn at ${m.timePx.toFixed(1)} px`);
              }
            }
            if (presenting) await page.keyboard.press('p');
          }
        }
        expect([...new Set(problems)]).toEqual([]);
      });
    }
  });
}
