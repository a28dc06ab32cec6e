// Bundles the compiled CLI (dist/bin.js and everything it imports) into dist/parindex.js plus lazily
// loaded chunks: one file to load instead of a few hundred makes the cold start ~25% faster.
// The worker module of @parindex/engine/pool is a second entry, dist/pool-worker.js (sharing the chunks):
// `rank` starts its worker threads from it (bin.ts passes its path, see src/workers.ts); the worker of
// `serve` (@parindex/server/worker) is a third entry, dist/serve-worker.js.
// Run after `tsc -b` (the root "build" script does both).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const poolWorker = fileURLToPath(import.meta.resolve('@parindex/engine/pool-worker'));
const serveWorker = fileURLToPath(import.meta.resolve('@parindex/server/worker'));
rmSync(new URL('chunks', `file://${dist}`), { recursive: true, force: true });
await build({
  entryPoints: { parindex: `${dist}bin.js`, 'pool-worker': poolWorker, 'serve-worker': serveWorker },
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  // ajv and other CommonJS dependencies call require(): give the ESM bundle one.
  banner: { js: "import { createRequire as __parindexRequire } from 'node:module'; const require = __parindexRequire(import.meta.url);" },
});
