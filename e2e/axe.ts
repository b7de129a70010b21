/**
 * axe for the e2e specs: the axe-core engine in package.json (4.14), whatever the builder bundles.
 * @axe-core/playwright 4.14 needs Node 22.12 and this project runs on Node 20, so the 4.13 builder
 * injects the 4.14 engine; each run checks the engine's version, so a downgrade cannot pass quietly.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_VERSION = /^4\.14\./;

type Results = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** A builder for this page that runs the package's engine. */
export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page, axeSource: AXE_SOURCE });
}

/** Runs a builder and checks that the engine it ran is axe-core 4.14. */
export async function analyze(builder: AxeBuilder): Promise<Results> {
  const results = await builder.analyze();
  expect(results.testEngine.version).toMatch(AXE_VERSION);
  return results;
}
