/**
 * `npm run bench:ui`: figures for the visualizer, measured in Debian's Chromium against the
 * production build. Figures, not assertions: machines are noisy. The last line is one JSON object
 * with first_load_kb_gz, total_kb_gz, first_draw_ms, frame_p95_ms and step_ms.
 *
 *   first_load_kb_gz  the JavaScript files the page fetched before the first handshake was drawn,
 *                     each gzipped, summed (target ≤ 190)
 *   total_kb_gz    every JavaScript file in dist/assets, gzipped, summed: the first load plus
 *                  what is fetched on demand and prefetched after the first drawing
 *   first_draw_ms  navigation start → the full TLS handshake drawn and painted, median of 5
 *                  (target ≤ 1000)
 *   frame_p95_ms   95th-percentile time between animation frames while a 300-message trace
 *                  plays at 4× (30 cold DNS lookups, or 20 TLS connections without DNS) (≤ 16.7)
 *   step_ms        click on "Step forward" → the inspector shows the next message, painted (≤ 50)
 *
 * Builds first when dist/ is missing (or with BENCH_REBUILD=1). CHROMIUM_PATH picks the browser.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');
/** The same headless flags as e2e/playwright.config.ts. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const VIEWPORT = { width: 1280, height: 720 };
const FIRST_DRAW_RUNS = 5;
const STEP_RUNS = 12;
const PLAYBACK_SAMPLE_MS = 6_000;

const log = (line: string): void => void process.stdout.write(`${line}\n`);

function build(): void {
  if (existsSync(join(DIST, 'index.html')) && !process.env['BENCH_REBUILD']) return;
  log('building with vite build…');
  const r = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

/** Every JavaScript file in dist/assets by name, with its gzipped size in bytes. */
function gzippedScripts(): Map<string, number> {
  const assets = join(DIST, 'assets');
  const sizes = new Map<string, number>();
  for (const f of readdirSync(assets)) {
    if (f.endsWith('.js'))
      sizes.set(f, gzipSync(readFileSync(join(assets, f)), { level: 9 }).length);
  }
  return sizes;
}

const kb = (bytes: number): number => bytes / 1024;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function stopPreview(child: ChildProcess): void {
  if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
}

async function startPreview(port: number): Promise<ChildProcess> {
  const child = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    // Its own process group: npx starts vite as a child, and killing npx alone leaves vite serving.
    { cwd: ROOT, stdio: 'ignore', detached: true },
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stopPreview(child);
  throw new Error('vite preview did not start');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The scripts whose fetch started by `beforeMs` (ms since navigation start), by file name. */
const SCRIPTS_FETCHED_BY = `(beforeMs) => performance
  .getEntriesByType('resource')
  .filter((e) => e.startTime <= beforeMs && new URL(e.name).pathname.endsWith('.js'))
  .map((e) => new URL(e.name).pathname.split('/').pop())`;

interface FirstDraw {
  /** performance.now() (ms since navigation start) when the whole handshake was drawn and painted. */
  at: number;
  /** The JavaScript files fetched before then. */
  scripts: string[];
}

async function firstDraw(browser: Browser, base: string): Promise<FirstDraw> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(`${base}/`);
  const svg = page.locator('svg.diagram-svg[data-first-draw-ms]');
  await svg.waitFor({ timeout: 30_000 });
  const at = Number(await svg.getAttribute('data-first-draw-ms'));
  const drawn = Number(await svg.getAttribute('data-messages'));
  const scripts = (await page.evaluate(inPage(SCRIPTS_FETCHED_BY, at))) as string[];
  await page.close();
  if (drawn < 15) throw new Error(`only ${drawn} messages drawn`);
  return { at, scripts };
}

async function openLongTrace(
  browser: Browser,
  base: string,
): Promise<{ page: Page; scenario: string; messages: number }> {
  for (const scenario of ['dns-bench-30', 'tls-bench-20']) {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(`${base}/?scenario=${scenario}&speed=4`);
    const svg = page.locator('svg.diagram-svg[data-first-draw-ms]');
    try {
      await svg.waitFor({ timeout: 60_000 });
      return { page, scenario, messages: Number(await svg.getAttribute('data-messages')) };
    } catch {
      await page.close();
    }
  }
  throw new Error('neither long trace could be drawn');
}

/**
 * Code that runs in the page is kept as source text: tsx's transform would otherwise add helpers
 * (__name) to the functions that do not exist in the browser.
 */
function inPage(source: string, arg?: unknown): string {
  return `(${source})(${JSON.stringify(arg ?? null)})`;
}

/** Resolves with every rAF-to-rAF time over `sampleMs`. */
const COLLECT_FRAMES = `(sampleMs) => new Promise((resolve) => {
  const out = [];
  let last = performance.now();
  const end = last + sampleMs;
  const frame = (now) => {
    out.push(now - last);
    last = now;
    if (now < end) requestAnimationFrame(frame);
    else resolve(out);
  };
  requestAnimationFrame(frame);
})`;

/**
 * Clicks Step forward; resolves when the inspector names the next message and a frame has painted.
 * An arrow's accessible name starts "<name> · <size>, <time>, <from> to <to>"; the inspector shows
 * <name> alone. A step whose name never shows rejects instead of waiting until the browser closes.
 */
const TIME_ONE_STEP = `() => new Promise((resolve, reject) => {
  const heading = document.querySelector('aside .inspector-name');
  const button = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Step forward');
  const names = [...document.querySelectorAll('svg.diagram-svg g.msg')].map((g) => (g.getAttribute('aria-label') || '').split(',')[0].split(' · ')[0]);
  const current = Number(document.querySelector('g.msg[aria-current="step"]')?.getAttribute('data-step'));
  const expected = names[current + 1];
  if (!heading || !button || expected === undefined) return reject(new Error('nothing to step to'));
  const start = performance.now();
  button.click();
  const check = () => {
    if (heading.isConnected && heading.textContent === expected) {
      requestAnimationFrame(() => resolve(performance.now() - start));
    } else if (performance.now() - start > 10000) {
      reject(new Error('the inspector never named ' + expected + ' (it shows ' + heading.textContent + ')'));
    } else requestAnimationFrame(check);
  };
  check();
})`;

/** rAF-to-rAF times while playing; p95 of them. */
async function framesDuringPlayback(page: Page): Promise<{ p95: number; frames: number }> {
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const deltas = (await page.evaluate(inPage(COLLECT_FRAMES, PLAYBACK_SAMPLE_MS))) as number[];
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const sorted = deltas.slice(1).sort((a, b) => a - b);
  return { p95: sorted[Math.floor(sorted.length * 0.95)] ?? NaN, frames: sorted.length };
}

/** Click "Step forward" and wait, in the page, for the inspector to name the next message and paint. */
async function stepTimes(browser: Browser, base: string): Promise<number[]> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(`${base}/`);
  await page.locator('svg.diagram-svg[data-first-draw-ms]').waitFor({ timeout: 30_000 });
  const times: number[] = [];
  for (let i = 0; i < STEP_RUNS; i++) {
    const ms = (await page.evaluate(inPage(TIME_ONE_STEP))) as number;
    times.push(ms);
  }
  await page.close();
  return times;
}

async function main(): Promise<void> {
  build();
  const sizes = gzippedScripts();
  const total = kb([...sizes.values()].reduce((a, b) => a + b, 0));
  log(`total: ${total.toFixed(1)} KB of JavaScript in ${sizes.size} files, gzipped`);

  const port = await freePort();
  const preview = await startPreview(port);
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const draws: number[] = [];
    const fetched = new Set<string>();
    for (let i = 0; i < FIRST_DRAW_RUNS; i++) {
      const draw = await firstDraw(browser, base);
      draws.push(draw.at);
      // Any run's early fetch counts: the union over the five is what a first load can cost.
      for (const s of draw.scripts) fetched.add(s);
    }
    const unknown = [...fetched].filter((f) => !sizes.has(f));
    if (unknown.length)
      throw new Error(`fetched scripts not in dist/assets: ${unknown.join(', ')}`);
    const firstLoad = kb([...fetched].reduce((sum, f) => sum + sizes.get(f)!, 0));
    log(
      `first load: ${firstLoad.toFixed(1)} KB of JavaScript in ${fetched.size} files (${[...fetched].join(', ')}), gzipped, fetched before the first handshake was drawn (target ≤ 190)`,
    );
    const firstDrawMs = median(draws);
    log(
      `first draw: ${firstDrawMs.toFixed(0)} ms median of ${FIRST_DRAW_RUNS} (${draws.map((d) => d.toFixed(0)).join(', ')}) (target ≤ 1000)`,
    );

    const long = await openLongTrace(browser, base);
    const frames = await framesDuringPlayback(long.page);
    await long.page.close();
    log(
      `playback: ${frames.p95.toFixed(1)} ms p95 frame time over ${frames.frames} frames, ${long.messages} messages (${long.scenario}) at 4× (target ≤ 16.7)`,
    );

    const steps = await stepTimes(browser, base);
    const stepMs = median(steps);
    log(
      `step: ${stepMs.toFixed(1)} ms median from Step forward to the inspector updated (${steps.map((s) => s.toFixed(0)).join(', ')}) (target ≤ 50)`,
    );

    log(
      JSON.stringify({
        first_load_kb_gz: Number(firstLoad.toFixed(1)),
        total_kb_gz: Number(total.toFixed(1)),
        first_draw_ms: Math.round(firstDrawMs),
        frame_p95_ms: Number(frames.p95.toFixed(1)),
        step_ms: Number(stepMs.toFixed(1)),
      }),
    );
  } finally {
    await browser.close();
    stopPreview(preview);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:ui failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
