#!/usr/bin/env node
import { main } from './main.js';
import { setPoolWorker } from './workers.js';

// The worker threads of `rank` (emitted beside this file by scripts/bundle.mjs).
setPoolWorker(new URL('./pool-worker.js', import.meta.url));

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('parindex: internal error\n');
    process.exitCode = 1;
  },
);
