import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// DESIGN.md: the engine is pure TypeScript that runs in the browser, Vitest and Node alike.
const ENGINE_IMPORTS_NO_UI = [
  {
    group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'd3', 'd3-*'],
    message: 'src/engine imports no UI (DESIGN.md).',
  },
  {
    group: ['**/ui', '**/ui/**', '**/store', '**/store/**'],
    message: 'src/engine imports nothing from src/ui or src/store (DESIGN.md).',
  },
];
const ENGINE_IMPORTS_NO_NODE = {
  group: ['node:*'],
  message: 'src/engine runs in the browser too: no Node built-ins outside tests.',
};

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
    // Tests may use Node (interop with real peers), but never the UI.
    files: ['src/engine/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ENGINE_IMPORTS_NO_UI }] },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...ENGINE_IMPORTS_NO_UI, ENGINE_IMPORTS_NO_NODE] },
      ],
    },
  },
);
