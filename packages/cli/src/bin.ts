#!/usr/bin/env node
import { formatDiagnostic } from './io.js';
import { main } from './main.js';
import { watchStdout } from './output.js';
import { RANK_WORKER_ARG, setRankWorker, setServeWorker } from './workers.js';
import { setShippedSets } from './shipped.js';

// The shipped sets, checked in full when the bundle was built (written beside it by scripts/bundle.mjs).
setShippedSets(new URL('./shipped-sets/', import.meta.url));

// A rank worker thread is started with RANK_WORKER_ARG: only then is the worker's module loaded, and
// node:worker_threads with it (a command starts faster without), which confirms it.
if (process.argv[2] === RANK_WORKER_ARG) void runIfRankWorker();
else runCommand();

async function runIfRankWorker(): Promise<void> {
  const { isRankWorker, runRankWorker } = await import('./rank-worker.js');
  if (isRankWorker()) runRankWorker();
  else runCommand();
}

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
      exitWhenWritten();
    },
    () => {
      process.stderr.write('parindex: internal error\n');
      process.exitCode = 1;
    },
  );
}

/**
 * End the process as soon as stderr has taken every write (stdout has: finish() waited for it): the
 * command is done, and a process left to end by itself tears its heap down first, ~4 ms of a cold
 * `parindex score`. The 'exit' listeners still run (the code cache written at build time) and the exit
 * code is process.exitCode.
 */
function exitWhenWritten(): void {
  process.stderr.write('', () => process.exit());
}
