import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@parindex\/rules\/node$/, replacement: here('./rules/src/node.ts') },
      { find: /^@parindex\/rules\/files$/, replacement: here('./rules/src/files.ts') },
      { find: /^@parindex\/rules$/, replacement: here('./rules/src/index.ts') },
      { find: /^@parindex\/engine\/result-schema$/, replacement: here('./packages/engine/src/result-schema.ts') },
      { find: /^@parindex\/engine$/, replacement: here('./packages/engine/src/index.ts') },
      { find: /^@parindex\/plans$/, replacement: here('./packages/plans/src/index.ts') },
      { find: /^@parindex\/explain$/, replacement: here('./packages/explain/src/index.ts') },
      { find: /^@parindex\/workbook$/, replacement: here('./packages/workbook/src/index.ts') },
    ],
  },
  test: {
    include: ['rules/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Nothing may fail from slowness: a loaded 2-core machine runs a test many times slower than an idle
    // one, so these only catch a hang. No test measures its own time either.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Threads, not forks: as fast or faster here (31-32 s against 26-43 s, load 9-17), and on forks the
    // fuzz fails: its values nested thousands deep need a worker thread's 4 MB stack (a main thread has 1 MB).
    pool: 'threads',
    maxWorkers: 2,
  },
});
