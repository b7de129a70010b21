import { defineConfig } from 'vitest/config';

/**
 * The UI is written against React's API and types, and built with preact/compat, which implements
 * that API in a tenth of react-dom's size: the bundle budget (≤ 250 KB gzip, issue 4) cannot hold
 * react-dom's 60 KB next to the engine, its X.509 parser and two languages. `npm run dev` and
 * `npm run build` both alias, so what is tested is what ships.
 */
const REACT_ON_PREACT = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react$/, replacement: 'preact/compat' },
];

export default defineConfig({
  // JSX is compiled by Vite itself (tsconfig's "react-jsx"); its react/jsx-runtime import is aliased
  // above. Without @vitejs/plugin-react there is no Fast Refresh: `npm run dev` reloads the page.
  resolve: { alias: REACT_ON_PREACT },
  // Relative asset URLs: dist/ works from any folder of any static file server (README).
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // One chunk for the app's own code and what it imports. Split, the DNS engine, the lab and
        // the exporters loaded later, but a dozen small files gzip worse than one (each compresses
        // alone) and the total is what the budget counts: 250 KB split, 243 KB as one. What the
        // code imports with import() is still evaluated only on first use.
        codeSplitting: { groups: [{ name: 'app', test: /[\\/]src[\\/]/, priority: 1 }] },
      },
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
    // zustand's React binding imports 'react': process it so the alias above applies in tests too.
    server: { deps: { inline: ['zustand'] } },
  },
});
