import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const INCLUDE = ['rules/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts'];
const EXCLUDE = ['**/node_modules/**', '**/dist/**'];
/** Files that must start from a fresh worker (see `projects` below). */
const ISOLATED = ['packages/engine/test/hostile-global.test.ts', 'packages/engine/src/shape-salvage.test.ts'];

/**
 * The files that take longest (~10-45 s each on a busy 2-core machine: an npm install, chromium, the
 * built CLI spawned many times), started first. Vitest orders by the durations of its last run, but a
 * fresh clone (CI) has none and orders by file size, which left the npm install to start last and
 * stretched the run by half a minute.
 */
const LONGEST = [
  'test/package/install.test.ts',
  'test/browser/web.browser.test.ts',
  'test/fuzz/fuzz.test.ts',
  'packages/cli/test/hostile-io.test.ts',
  'packages/server/test/api.test.ts',
  'packages/engine/src/pool.test.ts',
  'packages/cli/test/workbook.test.ts',
  'test/hostile/codes.test.ts',
  'packages/cli/test/rank-threads.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const place = (f: TestSpecification) => {
      const i = LONGEST.findIndex((p) => f.moduleId.endsWith(p));
      return i < 0 ? LONGEST.length : i;
    };
    // Within each project (they run one after the other), the listed files first, the rest as vitest sorted them.
    const order = new Map(sorted.map((f, i) => [f, i]));
    return [...sorted].sort((a, b) => (a.project.name === b.project.name ? place(a) - place(b) : 0) || order.get(a)! - order.get(b)!);
  }
}

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
    // Nothing may fail from slowness: a loaded 2-core machine runs a test many times slower than an idle
    // one, so these only catch a hang. No test measures its own time either.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // The heaviest property tests (fuzz, exact arithmetic, evidence fast path, shape checks, advice,
    // withholding, SHA-256) run a fraction of their cases here: `pnpm test:fuzz-long` sets
    // PARINDEX_FUZZ_RUNS=200000 and runs them at their full counts (each file gives both; README,
    // "Contributing"). A property test that gets slow belongs there too, with its normal count cut.
    // Threads, not forks: as fast or faster here (31-32 s against 26-43 s, load 9-17), and on forks the
    // fuzz fails: its values nested thousands deep need a worker thread's 4 MB stack (a main thread has 1 MB).
    pool: 'threads',
    sequence: { sequencer: LongestFirst },
    maxWorkers: 2,
    // Most files share their worker's modules (isolate: false): importing the sources again in a fresh
    // worker for each of ~100 files cost about a quarter of the run. The files below stay isolated:
    // they prove what loading the engine does to global state (decimal.js, json-logic-js, zod's
    // registry), or load it under vi.doMock.
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED, exclude: EXCLUDE, isolate: true } },
      { extends: true, test: { name: 'shared', include: INCLUDE, exclude: [...EXCLUDE, ...ISOLATED], isolate: false } },
    ],
  },
});
