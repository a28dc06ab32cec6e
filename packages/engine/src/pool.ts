/**
 * @parindex/engine/pool: score many units on every core (Node only; the main entry stays browser-safe).
 *
 *   const pool = await createPool({ set: criteriaSetJson });        // each worker compiles the set once
 *   const out = await pool.scoreAll(inputs);                          // per input: { ok, summary } or { ok: false, diagnostics }
 *   const rows = rank(out.flatMap((o) => (o.ok ? [o.summary] : [])), 'dense');
 *   const full = await pool.result(3);                                // the full ScoreResult of input 3, with its trace
 *   await pool.close();
 *
 * An input is an evidence JSON value (structured clone), `{ text }` (the evidence file's JSON text; the
 * worker parses it as `readJson` does) or `{ file }` (the worker reads the file), each optionally with
 * an appraisal: `{ evidence, appraisal, round }`. Only small summaries cross threads; each full result
 * stays in the worker that made it until the next batch.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ParindexError, type Diagnostic } from './deps.js';
import type { FromWorker, Keep, PoolOutput, ToWorker, WorkerInit } from './pool-protocol.js';
import type { ScoreResult } from './result.js';

export type { PoolOutput, Keep } from './pool-protocol.js';
export type { ScoreSummary, FieldSummary, BlockSummary } from './summary.js';

/**
 * An evidence JSON value, or its file's text (`{ text }`, `file` only names the file in diagnostics),
 * or a file the worker reads (`{ file }`). Any of these can carry an appraisal (its JSON value) and the
 * round to score up to: `{ evidence, appraisal, round? }`, `{ text, appraisal }`, `{ file, appraisal,
 * round }` (what `score(compiled, evidence, { appraisal, round })` does). An object whose only keys are
 * these (text, file and round strings; evidence, or text or file) is read so, never as evidence.
 */
export type PoolInput =
  | unknown
  | { text: string; file?: string; appraisal?: unknown; round?: string }
  | { file: string; appraisal?: unknown; round?: string }
  | { evidence: unknown; appraisal?: unknown; round?: string };

export interface PoolOptions {
  /** The criteria set, as JSON data (what `compile()` takes). Each worker compiles it once. */
  set: unknown;
  /** Number of worker threads. Default: `os.availableParallelism()`. */
  threads?: number;
  /**
   * The worker module (`@parindex/engine/pool-worker`). Default: `pool-worker.js` beside this module,
   * which is right for `dist/`; a bundle that moves this code elsewhere passes the path of the worker it
   * emitted.
   */
  workerUrl?: string | URL;
}

export interface ScoreAllOptions {
  /**
   * What the workers keep for `result(i)` until the next batch:
   * - "results" (default): every full result (~80 KB of objects per unit for the commune set); result(i)
   *   is a copy of it. Costs memory, and the garbage collector marks them again and again while the
   *   batch grows: on a national batch, the scoring takes a third longer than "inputs".
   * - "inputs": what was scored (the text, or the evidence value); result(i) scores it again in the
   *   worker (pure: the same JSON), a millisecond or two more per call.
   * - "none": nothing; result(i) rejects.
   */
  keep?: Keep;
  /** Called after each chunk: inputs done so far, and the batch size. */
  onProgress?: (done: number, total: number) => void;
}

export interface Pool {
  /** Number of workers. */
  readonly threads: number;
  /** "id@version" of the compiled set. */
  readonly ref: string;
  /** SHA-256 of the set (as in results' provenance). */
  readonly sha256: string;
  /**
   * Score every input; outputs in input order: `{ ok: true, summary }` or `{ ok: false, diagnostics }`
   * (what `score()` throws, or the diagnostics of reading the text or file). Calls run one after another.
   */
  scoreAll(inputs: readonly PoolInput[], options?: ScoreAllOptions): Promise<PoolOutput[]>;
  /**
   * The full result of input `index` of the last batch (a structured clone: its JSON is byte-identical
   * to `score()`'s). Rejects with the input's ParindexError when it failed.
   */
  result(index: number): Promise<ScoreResult>;
  /** The same as JSON text (`JSON.stringify(result)`), made in the worker. */
  resultJson(index: number): Promise<string>;
  /** Terminate the workers. Pending calls reject. */
  close(): Promise<void>;
}

/** Chunks: about 1/(4 × threads) of what is left, between these sizes (guided self-scheduling). */
const MIN_CHUNK = 4;
const MAX_CHUNK = 64;
/** Chunks sent ahead to each worker, so that it never waits for the main thread. */
const IN_FLIGHT = 2;

interface Slot {
  worker: Worker;
  /** Chunks sent and not yet answered. */
  busy: number;
}

interface Batch {
  id: number;
  inputs: readonly PoolInput[];
  outputs: PoolOutput[];
  /** Worker slot that scored each input (for result(i)). */
  owner: Int32Array;
  keep: Keep;
  next: number;
  done: number;
  onProgress: ((done: number, total: number) => void) | undefined;
  resolve(out: PoolOutput[]): void;
  reject(e: unknown): void;
}

export async function createPool(options: PoolOptions): Promise<Pool> {
  const threads = options.threads ?? availableParallelism();
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a whole number ≥ 1, got ${String(threads)}`);
  const url = options.workerUrl ?? new URL('./pool-worker.js', import.meta.url);
  const init: WorkerInit = { set: options.set };

  const slots: Slot[] = [];
  let broken: Error | undefined;
  let closing = false;
  let current: Batch | undefined;
  /** The last finished batch (result(i) reads it). */
  let last: Batch | undefined;
  let lastFailed = false;
  const pendingResults = new Map<number, { slot: number; resolve(v: FromWorker & { type: 'result' }): void; reject(e: unknown): void }>();
  let nextId = 1;
  let batchIds = 0;
  let readyCount = 0;
  let ref = '';
  let sha256 = '';
  let started: { resolve(): void; reject(e: unknown): void } | undefined;

  const pending = () => (current ? 1 : 0) + pendingResults.size + (started ? 1 : 0);
  /** Idle workers do not keep the process alive; busy ones do. */
  const refWorkers = () => {
    const busy = pending() > 0;
    for (const s of slots) busy ? s.worker.ref() : s.worker.unref();
  };

  const fail = (e: Error) => {
    if (broken) return;
    broken = e;
    if (started) {
      started.reject(e);
      started = undefined;
    }
    if (current) {
      current.reject(e);
      current = undefined;
    }
    for (const p of pendingResults.values()) p.reject(e);
    pendingResults.clear();
    for (const s of slots) void s.worker.terminate();
  };

  /** A batch that cannot go on (an input that cannot be cloned, a bug in score()): it rejects, the pool stays usable. */
  const abort = (b: Batch, e: unknown) => {
    if (current !== b) return;
    current = undefined;
    last = b;
    lastFailed = true;
    refWorkers();
    b.reject(e);
  };

  /** Send chunks to a worker until it has IN_FLIGHT of them. */
  const send = (slot: number) => {
    const b = current;
    if (!b) return;
    try {
      sendChunks(b, slot);
    } catch (e) {
      // postMessage could not clone an input (a function, a symbol…).
      abort(b, e);
    }
  };
  const sendChunks = (b: Batch, slot: number) => {
    const s = slots[slot]!;
    while (s.busy < IN_FLIGHT && b.next < b.inputs.length) {
      const left = b.inputs.length - b.next;
      const size = Math.min(left, Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, Math.ceil(left / (4 * threads)))));
      const start = b.next;
      b.next += size;
      b.owner.fill(slot, start, start + size);
      s.busy++;
      const m: ToWorker = { type: 'chunk', batch: b.id, start, inputs: b.inputs.slice(start, start + size) as unknown[] };
      s.worker.postMessage(m);
    }
  };

  const onMessage = (slot: number, m: FromWorker) => {
    switch (m.type) {
      case 'ready':
        ref = m.ref;
        sha256 = m.sha256;
        if (++readyCount === threads && started) {
          started.resolve();
          started = undefined;
        }
        return;
      case 'compileError':
        fail(new ParindexError(m.diagnostics));
        return;
      case 'chunk': {
        const b = current;
        if (!b || b.id !== m.batch) return;
        slots[slot]!.busy--;
        for (let i = 0; i < m.outputs.length; i++) b.outputs[m.start + i] = m.outputs[i]!;
        b.done += m.outputs.length;
        try {
          b.onProgress?.(b.done, b.inputs.length);
        } catch (e) {
          abort(b, e);
          return;
        }
        if (b.done === b.inputs.length) {
          current = undefined;
          last = b;
          lastFailed = false;
          refWorkers();
          b.resolve(b.outputs);
        } else send(slot);
        return;
      }
      case 'failed': {
        const b = current;
        if (!b || b.id !== m.batch) return;
        const e = new Error(`score() failed on input ${m.index}: ${m.name}: ${m.message}`);
        if (m.stack) e.stack = m.stack;
        abort(b, e);
        return;
      }
      case 'result': {
        const p = pendingResults.get(m.id);
        if (!p) return;
        pendingResults.delete(m.id);
        refWorkers();
        p.resolve(m);
        return;
      }
    }
  };

  const ready = new Promise<void>((resolve, reject) => {
    started = { resolve, reject };
  });
  for (let i = 0; i < threads; i++) {
    let worker: Worker;
    try {
      worker = new Worker(url, { workerData: init });
    } catch (e) {
      fail(e instanceof Error ? e : new Error(String(e)));
      break;
    }
    slots.push({ worker, busy: 0 });
    worker.on('message', (m: FromWorker) => onMessage(i, m));
    worker.on('error', (e: Error) => fail(new Error(`parindex pool: worker ${i} failed: ${e.message}`, { cause: e })));
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`parindex pool: worker ${i} stopped (exit code ${code})`));
    });
  }
  try {
    await ready;
  } catch (e) {
    closing = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
    throw e;
  }
  refWorkers();

  /** The chain of batches: each scoreAll starts when the previous one has settled. */
  let chain: Promise<unknown> = Promise.resolve();

  const closedError = () => broken ?? new Error('parindex pool: closed');

  const scoreAll = (list: readonly PoolInput[], opts: ScoreAllOptions = {}): Promise<PoolOutput[]> => {
    // The list as it is now: a caller that changes its array afterwards does not change this batch.
    const inputs = list.slice();
    const run = () =>
      new Promise<PoolOutput[]>((resolve, reject) => {
        if (broken || closing) return reject(closedError());
        const id = ++batchIds;
        const keep = opts.keep ?? 'results';
        if (keep !== 'results' && keep !== 'inputs' && keep !== 'none') return reject(new TypeError(`keep must be "results", "inputs" or "none", got ${String(keep)}`));
        const b: Batch = { id, inputs, outputs: new Array(inputs.length), owner: new Int32Array(inputs.length), keep, next: 0, done: 0, onProgress: opts.onProgress, resolve, reject };
        for (const s of slots) {
          s.busy = 0;
          s.worker.postMessage({ type: 'begin', batch: id, keep } satisfies ToWorker);
        }
        if (inputs.length === 0) {
          last = b;
          lastFailed = false;
          return resolve([]);
        }
        current = b;
        refWorkers();
        for (let i = 0; i < slots.length; i++) send(i);
      });
    const p = chain.then(run, run);
    chain = p.catch(() => undefined);
    return p;
  };

  const ask = (index: number, json: boolean): Promise<FromWorker & { type: 'result' }> => {
    // Answered after the batch that was the last one when asked (workers answer messages in order).
    const at = chain;
    return at.then(
      () =>
        new Promise((resolve, reject) => {
          if (broken || closing) return reject(closedError());
          const b = last;
          if (!b) return reject(new Error('parindex pool: no batch scored yet'));
          if (lastFailed) return reject(new Error('parindex pool: the last batch failed; its results are incomplete'));
          if (!Number.isInteger(index) || index < 0 || index >= b.inputs.length) return reject(new RangeError(`parindex pool: no input ${index} in the last batch (${b.inputs.length} inputs)`));
          const o = b.outputs[index]!;
          if (!o.ok) return reject(new ParindexError(o.diagnostics));
          if (b.keep === 'none') return reject(new Error('parindex pool: the last batch was scored with keep: "none"'));
          const id = nextId++;
          const slot = b.owner[index]!;
          pendingResults.set(id, { slot, resolve, reject });
          refWorkers();
          slots[slot]!.worker.postMessage({ type: 'result', id, index, json } satisfies ToWorker);
        }),
    );
  };

  return {
    threads,
    ref,
    sha256,
    scoreAll,
    async result(index: number) {
      const m = await ask(index, false);
      if (m.missing || !m.result) throw new Error(`parindex pool: the result of input ${index} is not in its worker`);
      return m.result;
    },
    async resultJson(index: number) {
      const m = await ask(index, true);
      if (m.missing || m.json === undefined) throw new Error(`parindex pool: the result of input ${index} is not in its worker`);
      return m.json;
    },
    async close() {
      if (closing) return;
      closing = true;
      const e = new Error('parindex pool: closed');
      if (current) {
        current.reject(e);
        current = undefined;
      }
      for (const p of pendingResults.values()) p.reject(e);
      pendingResults.clear();
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** @internal Diagnostics type, re-exported for users of the pool. */
export type { Diagnostic };
