import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs: dist/ works from any folder of any static file server (README).
  base: './',
  build: { target: 'es2022', sourcemap: false },
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
