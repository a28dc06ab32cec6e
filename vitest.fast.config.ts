/**
 * `pnpm test:fast`: the development loop. Unit, conformance and in-process CLI tests, straight from the
 * sources (the aliases of vitest.config.ts), with no build: not the built CLI as a process (bin.test.ts,
 * rank-threads.test.ts, the CLI fuzz property), not the worker pool (it runs dist/pool-worker.js), not the prebuilt scoring entry, not the
 * browser, not the hostile-input and determinism suites, and a token fuzz run (~200 cases). `pnpm test`
 * runs everything.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'packages/cli/test/bin.test.ts',
        'packages/cli/test/rank-threads.test.ts',
        'packages/cli/test/workbook-bin.test.ts',
        'packages/engine/src/pool.test.ts',
        'packages/engine/test/scoring-entry.test.ts',
        'test/browser/**',
        'test/hostile/hostile.test.ts',
        'test/hostile/determinism.test.ts',
        'packages/cli/test/serve.test.ts',
        'packages/server/test/**',
      ],
      env: { PARINDEX_FUZZ_RUNS: '200', PARINDEX_TEST_FAST: '1' },
    },
  }),
);
