/**
 * The threads of `parindex rank`: this thread and its worker threads (rank-worker.ts) score the files
 * together. The workers are started first, before the set is known, so that they start up while this
 * thread reads the first file and compiles the set; then every thread takes the next chunk of files from
 * one shared counter, so that a thread that starts late, or a slow file, never leaves another waiting,
 * and the workers read their files themselves: only small summaries cross threads. Which thread scored
 * which file changes nothing: the summaries are kept by file index and merged in file order.
 */
import { Worker } from 'node:worker_threads';
import type { CompiledSet, ScoreSummary } from './engine.js';
import { RANK_WORKER_ARG } from './workers.js';
import { JOINING, LEFT_OUT, RANK_WORKER, tryScoreFile, type FromRankWorker, type ToRankWorker } from './rank-worker.js';

/** Files per chunk: a few milliseconds of work, so that no thread waits long for the last chunk, and few messages. */
const CHUNK = 16;

/** What a file index holds: its summary, null (to be done again the one-thread way), undefined (not scored yet). */
export type Outcome = ScoreSummary | null | undefined;

export interface RankThreads {
  /** Number of worker threads started (this thread not counted). */
  readonly workers: number;
  /**
   * Give the workers the set and the files, so that they start taking chunks; then score this thread's
   * own chunks (none with `here` false) and wait for the workers' last ones. The outcome of each file,
   * by index; a file whose worker stopped before it sent it back is undefined.
   */
  scoreAll(compiled: CompiledSet, files: readonly string[], here: boolean, onChunk: (done: number, last: string) => void): Promise<Outcome[]>;
  /** Files the workers took in the last scoreAll, those they sent back null included (PARINDEX_DEBUG). */
  readonly takenByWorkers: number;
  /** Stop the workers (after scoreAll they stop by themselves; before it, they wait for it). */
  stop(): Promise<void>;
}

/** Let the workers' messages in between this thread's chunks. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Start `count` worker threads from `url` (dist/launch.cjs). Undefined when none could be started; a
 * worker that fails later only leaves its files to the others and to the merge.
 */
export function startRankThreads(url: URL, count: number): RankThreads | undefined {
  const workers: Worker[] = [];
  // The code cache is the main thread's to check or write: a worker neither says nor writes anything.
  const env = { ...process.env };
  delete env.PARINDEX_CODE_CACHE;
  for (let i = 0; i < count; i++) {
    try {
      workers.push(new Worker(url, { workerData: RANK_WORKER, argv: [RANK_WORKER_ARG], env }));
    } catch {
      break;
    }
  }
  if (workers.length === 0) return undefined;
  let outcomes: Outcome[] = [];
  let onChunk: (done: number, last: string) => void = () => {};
  let files: readonly string[] = [];
  let takenByWorkers = 0;
  let live = workers.length;
  let allStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (allStopped = resolve));
  const gone = new Set<Worker>();
  const stop = (w: Worker) => {
    if (gone.has(w)) return;
    gone.add(w);
    if (--live === 0) allStopped();
  };
  for (const w of workers) {
    w.on('message', (m: FromRankWorker) => {
      if (m.type === 'done') return stop(w);
      for (let i = 0; i < m.summaries.length; i++) outcomes[m.start + i] = m.summaries[i];
      takenByWorkers += m.summaries.length;
      onChunk(m.summaries.length, files[m.start + m.summaries.length - 1]!);
    });
    // A worker that fails (or whose message cannot be read) stops: the files it had taken are done here.
    w.on('error', () => stop(w));
    w.on('messageerror', () => void w.terminate());
    w.on('exit', () => stop(w));
  }
  return {
    workers: workers.length,
    get takenByWorkers() {
      return takenByWorkers;
    },
    async scoreAll(compiled, list, here, tick) {
      files = list;
      outcomes = new Array(list.length);
      onChunk = tick;
      const shared = new SharedArrayBuffer(4 * (1 + workers.length));
      workers.forEach((w, slot) => {
        if (!gone.has(w)) w.postMessage({ type: 'begin', set: compiled.set, sha256: compiled.sha256, files: list, shared, slot, chunk: CHUNK } satisfies ToRankWorker);
      });
      const counter = new Int32Array(shared);
      for (let start = here ? Atomics.add(counter, 0, CHUNK) : list.length; start < list.length; start = Atomics.add(counter, 0, CHUNK)) {
        const end = Math.min(list.length, start + CHUNK);
        for (let i = start; i < end; i++) outcomes[i] = tryScoreFile(compiled, list[i]!);
        tick(end - start, list[end - 1]!);
        await turn();
      }
      // A worker still starting up when this thread has taken the last chunk (a few files on --threads)
      // is not waited for: it has taken nothing and, left out, will take nothing (see JOINING).
      if (here)
        for (const [slot, w] of workers.entries())
          if (Atomics.compareExchange(counter, 1 + slot, JOINING, LEFT_OUT) === JOINING) {
            stop(w);
            void w.terminate();
          }
      await stopped;
      return outcomes;
    },
    async stop() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
