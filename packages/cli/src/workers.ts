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

/**
 * The argument a rank worker thread is started with (its process.argv[2]), besides its `workerData`: the
 * launcher and bin.ts look for it before they load node:worker_threads, which every other command can
 * then do without (~1 ms of a cold start). Only a hint: each confirms with worker_threads that this is
 * a worker thread with the rank's workerData. src/launch.cts spells it again (it imports nothing of the bundle).
 */
export const RANK_WORKER_ARG = '--parindex-rank-worker';

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
