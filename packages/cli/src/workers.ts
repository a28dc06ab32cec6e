/**
 * Where the worker threads' modules are. The bin sets them: the CLI ships as one bundle (dist/cli.cjs,
 * run by dist/launch.cjs) and code in it cannot find files from its own location.
 * - `rank`: dist/launch.cjs itself: a rank worker runs the same bundle, with the same code cache
 *   (bin.ts sees the worker's `workerData` and runs rank-worker.ts instead of a command);
 * - `serve`: @parindex/server's worker, emitted beside the bundle by scripts/bundle.mjs.
 * Unset, or absent on disk: `rank` scores in its own thread, `serve` uses the server's default.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let rankWorkerUrl: URL | undefined;

export function setRankWorker(url: URL): void {
  rankWorkerUrl = url;
}

export function rankWorker(): URL | undefined {
  return rankWorkerUrl && existsSync(fileURLToPath(rankWorkerUrl)) ? rankWorkerUrl : undefined;
}

let serveWorkerUrl: URL | undefined;

/** The worker module of `parindex serve` (@parindex/server's worker, emitted beside the bundle). */
export function setServeWorker(url: URL): void {
  serveWorkerUrl = url;
}

export function serveWorker(): URL | undefined {
  return serveWorkerUrl && existsSync(fileURLToPath(serveWorkerUrl)) ? serveWorkerUrl : undefined;
}
