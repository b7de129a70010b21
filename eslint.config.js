import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// The layers point one way (DESIGN.md): src/engine (the protocols, with sim/ below them) <-
// src/engine/scenarios <- src/store <- src/ui. Each rule below refuses an import that points back.
const NO_UI = {
  group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', 'zustand/*', 'd3', 'd3-*'],
  message: 'src/engine is pure TypeScript that runs in the browser, Vitest and Node alike: no UI.',
};
const NO_STORE_OR_UI = {
  group: ['**/ui', '**/ui/**', '**/store', '**/store/**'],
  message: 'src/store and src/ui are above the engine and the CLI: neither imports them.',
};
const NO_SCENARIOS = {
  group: ['**/scenarios', '**/scenarios/**'],
  message: 'The protocols are below src/engine/scenarios (named runs): they do not import it.',
};
const NO_TEST_LIBS = {
  group: ['fast-check', 'fast-check/*', 'vitest', 'vitest/*'],
  message: 'fast-check and vitest are dev dependencies: test code lives in test/ or *.test.ts.',
};
const NO_NODE = {
  group: ['node:*'],
  message: 'src/engine runs in the browser too: no Node built-ins outside tests.',
};
const NO_PROTOCOLS = {
  group: ['**/tls', '**/tls/**', '**/dns', '**/dns/**', '**/http', '**/http/**', '**/export/**'],
  message: 'sim/ sits below the protocols: protocol-specific code (a DNS capture) goes above it.',
};
const NO_UI_FOLDER = {
  group: ['**/ui', '**/ui/**'],
  message: 'src/ui is the top layer: nothing below it imports it.',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const TESTS = ['src/**/*.test.ts'];

export default tseslint.config(
  {
    ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.scratch'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The protocols (tls, dns, http, bytes, crypto) and what joins them (export).
    files: ['src/engine/**/*.ts'],
    ignores: [...TESTS, 'src/engine/scenarios/**', 'src/engine/sim/**'],
    rules: restrict(NO_UI, NO_STORE_OR_UI, NO_SCENARIOS, NO_TEST_LIBS, NO_NODE),
  },
  {
    files: ['src/engine/sim/**/*.ts'],
    ignores: TESTS,
    rules: restrict(NO_UI, NO_STORE_OR_UI, NO_SCENARIOS, NO_TEST_LIBS, NO_NODE, NO_PROTOCOLS),
  },
  {
    files: ['src/engine/scenarios/**/*.ts'],
    ignores: TESTS,
    rules: restrict(NO_UI, NO_STORE_OR_UI, NO_TEST_LIBS, NO_NODE),
  },
  {
    // Tests may use Node (interop with real peers), fast-check and any scenario, but never the UI.
    files: ['src/engine/**/*.test.ts'],
    rules: restrict(NO_UI, NO_STORE_OR_UI),
  },
  {
    files: ['src/store/**/*.ts'],
    ignores: TESTS,
    rules: restrict(NO_UI_FOLDER, NO_TEST_LIBS),
  },
  {
    files: ['src/store/**/*.test.ts'],
    rules: restrict(NO_UI_FOLDER),
  },
  {
    // The CLI wraps the engine in real sockets; it has no page.
    files: ['src/cli/**/*.ts'],
    rules: restrict(NO_STORE_OR_UI, NO_TEST_LIBS),
  },
);
