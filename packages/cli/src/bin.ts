#!/usr/bin/env node
import { workerData } from 'node:worker_threads';
import { formatDiagnostic } from './io.js';
import { main } from './main.js';
import { watchStdout } from './output.js';
import { isRankWorker, runRankWorker } from './rank-worker.js';
import { setRankWorker, setServeWorker } from './workers.js';
import { setShippedSets } from './shipped.js';

// The shipped sets, checked in full when the bundle was built (written beside it by scripts/bundle.mjs).
setShippedSets(new URL('./shipped-sets/', import.meta.url));

if (isRankWorker(workerData)) runRankWorker();
else runCommand();

function runCommand(): void {
  // The worker threads of `rank`: this bundle again, started by its launcher (the same code cache).
  setRankWorker(new URL('./launch.cjs', import.meta.url));
  // The worker threads of `serve` (emitted beside this file by scripts/bundle.mjs).
  setServeWorker(new URL('./serve-worker.js', import.meta.url));
  // A write to stdout that fails (a full disk, a reader that went away) is a coded error and exit 1.
  const stdout = watchStdout();
  const lang = process.argv.some((a, i) => a === '--lang=en' || (a === '--lang' && process.argv[i + 1] === 'en')) ? 'en' : 'vi';
  main(process.argv.slice(2)).then(
    async (code) => {
      const failed = await stdout.finish();
      if (failed) process.stderr.write(formatDiagnostic(failed, lang) + '\n');
      process.exitCode = failed ? 1 : code;
    },
    () => {
      process.stderr.write('parindex: internal error\n');
      process.exitCode = 1;
    },
  );
}
