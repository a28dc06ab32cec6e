/**
 * Where the worker module of `@parindex/engine/pool` is. The bin sets it: the CLI ships as one esbuild
 * bundle (dist/parindex.js and chunks), and scripts/bundle.mjs emits the worker beside it as
 * dist/pool-worker.js; code that ends up in a chunk cannot find it from its own location.
 * Unset, or absent on disk, the pool uses its default (the engine's dist/pool-worker.js).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let worker: URL | undefined;

export function setPoolWorker(url: URL): void {
  worker = url;
}

export function poolWorker(): URL | undefined {
  return worker && existsSync(fileURLToPath(worker)) ? worker : undefined;
}

let serveWorkerUrl: URL | undefined;

/** The worker module of `parindex serve` (@parindex/server's worker, emitted beside the bundle). */
export function setServeWorker(url: URL): void {
  serveWorkerUrl = url;
}

export function serveWorker(): URL | undefined {
  return serveWorkerUrl && existsSync(fileURLToPath(serveWorkerUrl)) ? serveWorkerUrl : undefined;
}
