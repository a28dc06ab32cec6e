/**
 * A worker thread of `parindex rank` (started by rank-threads.ts). It runs the same bundle as the command
 * (dist/launch.cjs with `workerData` saying so, see bin.ts), so it starts from the same V8 code cache.
 * Told the checked set and the files, it compiles the set (without checking it again: the main thread
 * has), then takes chunks of files from a counter it shares with the other threads, scores each file as
 * the main thread first tries to (tryScoreFile), sends the summaries back, and stops when none is left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CriteriaSet } from '@parindex/rules';
import { compile, score, toSummary, type CompiledSet, type ScoreSummary } from './engine.js';
import { detectKind, readJsonFile } from './io.js';

/** The `workerData` of a rank worker (src/launch.cts reads it too: a rank worker loads the rank's code cache). */
export const RANK_WORKER = { parindex: 'rank-worker' } as const;

/** Is this thread a rank worker (a worker thread started with RANK_WORKER)? */
export function isRankWorker(): boolean {
  return parentPort !== null && (workerData as { parindex?: unknown } | null)?.parindex === RANK_WORKER.parindex;
}

export type ToRankWorker = {
  type: 'begin';
  /** The set as the main thread checked and compiled it, and its hash. */
  set: CriteriaSet;
  sha256: string;
  files: readonly string[];
  /**
   * Int32s: the index of the next file no thread has taken yet, then one state per worker (JOINING,
   * JOINED or LEFT_OUT), this worker's at 1 + slot.
   */
  shared: SharedArrayBuffer;
  slot: number;
  chunk: number;
};

/**
 * A worker's state in the shared buffer, changed by compare-and-exchange only: JOINING until it is ready
 * to take files; then it makes it JOINED (the main thread waits for its chunks), unless the main thread,
 * having taken the last chunk itself, made it LEFT_OUT first (the worker then takes nothing and stops).
 */
export const JOINING = 0;
export const JOINED = 1;
export const LEFT_OUT = 2;

export type FromRankWorker =
  /** Files start, start + 1, …: the summary of each, or null when the main thread is to do it again (it does not score, or fails). */
  | { type: 'chunk'; start: number; summaries: Array<ScoreSummary | null> }
  /** No file is left: the worker stops. */
  | { type: 'done' };

/**
 * The summary of an evidence file of this set, scored in the compact form; null for anything else (a file
 * that cannot be read, is not evidence, names another set, or does not score): the main thread then does
 * that file again the one-thread way, in its place, so that what it reports and how is the same.
 */
export function tryScoreFile(compiled: CompiledSet, file: string): ScoreSummary | null {
  const f = readJsonFile(file);
  if (!f.value || detectKind(f.value) !== 'evidence') return null;
  const ref = f.value.criteriaSet;
  if (typeof ref === 'string' && ref !== compiled.ref) return null;
  try {
    return toSummary(score(compiled, f.value, { form: 'compact' }));
  } catch {
    return null;
  }
}

/** Take chunks from the shared counter until none is left, posting each chunk's summaries. */
function scoreShare(m: ToRankWorker, post: (m: FromRankWorker) => void): void {
  const compiled = compile(m.set, { validated: { sha256: m.sha256 } });
  const next = new Int32Array(m.shared);
  if (Atomics.compareExchange(next, 1 + m.slot, JOINING, JOINED) !== JOINING) return;
  for (;;) {
    const start = Atomics.add(next, 0, m.chunk);
    if (start >= m.files.length) return;
    const end = Math.min(m.files.length, start + m.chunk);
    const summaries: Array<ScoreSummary | null> = new Array(end - start);
    for (let i = start; i < end; i++) summaries[i - start] = tryScoreFile(compiled, m.files[i]!);
    post({ type: 'chunk', start, summaries });
  }
}

/** The worker's life: one 'begin', its share of the files, 'done', then the port closes and the thread ends. */
export function runRankWorker(): void {
  const port = parentPort!;
  const post = (m: FromRankWorker) => port.postMessage(m);
  port.once('message', (m: ToRankWorker) => {
    scoreShare(m, post);
    post({ type: 'done' });
    port.close();
  });
}
