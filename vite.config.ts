import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * d3-shape ships as one file whose curves are made by calls (`var catmullRom = (function
 * custom(alpha) {…})(0.5)`) and whose symbol constants come from Math calls through aliases
 * (`sqrt(3)`). A bundler cannot tell that these calls have no side effects, so every curve and
 * symbol shipped with the two the diagram draws with (line, curveCatmullRom). Marking the calls
 * pure, as d3's own source modules would be read, lets the unused ones go.
 */
function pureD3Shape(): Plugin {
  return {
    name: 'pure-d3-shape',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]d3-shape[\\/]dist[\\/]d3-shape\.mjs$/.test(id)) return null;
      const pure = code
        .replace(/^(var \w+ = )(\(function custom\(|curveRadial\()/gm, '$1/* @__PURE__ */ $2')
        .replace(/^(const \w+ = .*)$/gm, (line) =>
          line.replace(/(?<![.\w$])(sqrt|sin|cos)\(/g, '/* @__PURE__ */ $1('),
        );
      return { code: pure, map: null };
    },
  };
}

/**
 * The first load is what the page fetches before it draws the default TLS handshake: src/main.tsx
 * and everything it imports statically. It goes in one file, `app`, because one file gzips smaller
 * than the dozen that shared-module splitting makes of it, and the first load is what has a
 * budget (≤ 190 KB gzip, `npm run bench:ui`). What is behind import() (src/ui/lazy.ts) keeps
 * Rolldown's own chunks, one per feature, fetched on first use or by the prefetch after the first
 * drawing.
 */
const ENTRY = /[\\/]src[\\/]main\.tsx$/;
const inFirstLoad = new Map<string, boolean>();
function firstLoadChunk(
  id: string,
  ctx: { getModuleInfo(id: string): { importers: readonly string[] } | null },
): string | null {
  return staticallyFromEntry(id, ctx, new Set()) ? 'app' : null;
}
function staticallyFromEntry(
  id: string,
  ctx: { getModuleInfo(id: string): { importers: readonly string[] } | null },
  seen: Set<string>,
): boolean {
  const known = inFirstLoad.get(id);
  if (known !== undefined) return known;
  if (ENTRY.test(id)) return true;
  if (seen.has(id)) return false;
  seen.add(id);
  const found = (ctx.getModuleInfo(id)?.importers ?? []).some((importer) =>
    staticallyFromEntry(importer, ctx, seen),
  );
  if (found) inFirstLoad.set(id, true);
  return found;
}

export default defineConfig({
  // Fast Refresh in `npm run dev`: an edited component is swapped in place, its state kept.
  plugins: [react(), pureD3Shape()],
  // Relative asset URLs: dist/ works from any folder of any static file server (README).
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every browser the CSP and ES2022 ask for has <link rel=modulepreload>.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // The ASN.1 schema packages declare no sideEffects, so every class in their barrels (CRLs,
      // policy mappings, OAEP parameters…) would ship for its decorator call. A class registers
      // its own schema; one that nothing imports has nothing to register for. @peculiar/utils
      // declares none either, and builds its default converter registry with a call as it loads,
      // which kept every converter (base64, PEM, UTF-16…) for the hex and bytes helpers the
      // schemas use. The registry touches nothing global; what uses it imports it.
      treeshake: {
        moduleSideEffects: (id: string) =>
          !/node_modules[\\/]@peculiar[\\/](asn1-(x509|rsa|ecc)|utils)[\\/]/.test(id),
      },
      output: { codeSplitting: { groups: [{ name: firstLoadChunk, priority: 1 }] } },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Interop tests start real peers on loopback ports; keep files from racing for the 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
