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
   * - "inputs" (default): the units are scored in the compact form (no trace) and what was scored is
   *   kept (the text, or the evidence value); result(i) makes the full result in the worker (pure: the
   *   same points as the summary, the same JSON every time), about a millisecond per call.
   * - "results": every unit is scored with its full trace and the full result kept (~100 KB of objects
   *   per unit for the commune set); result(i) is a copy of it. Costs time and memory: the garbage
   *   collector marks them again and again while the batch grows.
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

type ResultMessage = FromWorker & { type: 'result' };

/** The pool's state and its handling of workers' messages, one short method each. */
class PoolCore {
  readonly slots: Slot[] = [];
  broken: Error | undefined;
  closing = false;
  current: Batch | undefined;
  /** The last finished batch (result(i) reads it). */
  last: Batch | undefined;
  lastFailed = false;
  readonly pendingResults = new Map<number, { slot: number; resolve(v: ResultMessage): void; reject(e: unknown): void }>();
  nextId = 1;
  batchIds = 0;
  readyCount = 0;
  ref = '';
  sha256 = '';
  started: { resolve(): void; reject(e: unknown): void } | undefined;
  /** The chain of batches: each scoreAll starts when the previous one has settled. */
  chain: Promise<unknown> = Promise.resolve();

  constructor(readonly threads: number) {}

  pending(): number {
    return (this.current ? 1 : 0) + this.pendingResults.size + (this.started ? 1 : 0);
  }

  /** Idle workers do not keep the process alive; busy ones do. */
  refWorkers(): void {
    const busy = this.pending() > 0;
    for (const s of this.slots) busy ? s.worker.ref() : s.worker.unref();
  }

  closedError(): Error {
    return this.broken ?? new Error('parindex pool: closed');
  }

  /** Reject everything pending with `e` (a broken pool, or a closed one). */
  rejectAll(e: Error): void {
    if (this.current) {
      this.current.reject(e);
      this.current = undefined;
    }
    for (const p of this.pendingResults.values()) p.reject(e);
    this.pendingResults.clear();
  }

  fail(e: Error): void {
    if (this.broken) return;
    this.broken = e;
    if (this.started) {
      this.started.reject(e);
      this.started = undefined;
    }
    this.rejectAll(e);
    for (const s of this.slots) void s.worker.terminate();
  }

  finish(b: Batch, failed: boolean): void {
    this.current = undefined;
    this.last = b;
    this.lastFailed = failed;
    this.refWorkers();
  }

  /** A batch that cannot go on (an input that cannot be cloned, a bug in score()): it rejects, the pool stays usable. */
  abort(b: Batch, e: unknown): void {
    if (this.current !== b) return;
    this.finish(b, true);
    b.reject(e);
  }

  /** Send chunks to a worker until it has IN_FLIGHT of them. */
  send(slot: number): void {
    const b = this.current;
    if (!b) return;
    try {
      this.sendChunks(b, slot);
    } catch (e) {
      // postMessage could not clone an input (a function, a symbol…).
      this.abort(b, e);
    }
  }

  sendChunks(b: Batch, slot: number): void {
    const s = this.slots[slot]!;
    while (s.busy < IN_FLIGHT && b.next < b.inputs.length) {
      const left = b.inputs.length - b.next;
      const size = Math.min(left, Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, Math.ceil(left / (4 * this.threads)))));
      const start = b.next;
      b.next += size;
      b.owner.fill(slot, start, start + size);
      s.busy++;
      const m: ToWorker = { type: 'chunk', batch: b.id, start, inputs: b.inputs.slice(start, start + size) as unknown[] };
      s.worker.postMessage(m);
    }
  }

  onReady(m: FromWorker & { type: 'ready' }): void {
    this.ref = m.ref;
    this.sha256 = m.sha256;
    if (++this.readyCount === this.threads && this.started) {
      this.started.resolve();
      this.started = undefined;
    }
  }

  onChunk(slot: number, m: FromWorker & { type: 'chunk' }): void {
    const b = this.current;
    if (!b || b.id !== m.batch) return;
    this.slots[slot]!.busy--;
    for (let i = 0; i < m.outputs.length; i++) b.outputs[m.start + i] = m.outputs[i]!;
    b.done += m.outputs.length;
    try {
      b.onProgress?.(b.done, b.inputs.length);
    } catch (e) {
      this.abort(b, e);
      return;
    }
    if (b.done < b.inputs.length) return this.send(slot);
    this.finish(b, false);
    b.resolve(b.outputs);
  }

  onFailed(m: FromWorker & { type: 'failed' }): void {
    const b = this.current;
    if (!b || b.id !== m.batch) return;
    const e = new Error(`score() failed on input ${m.index}: ${m.name}: ${m.message}`);
    if (m.stack) e.stack = m.stack;
    this.abort(b, e);
  }

  onResult(m: ResultMessage): void {
    const p = this.pendingResults.get(m.id);
    if (!p) return;
    this.pendingResults.delete(m.id);
    this.refWorkers();
    p.resolve(m);
  }

  onMessage(slot: number, m: FromWorker): void {
    if (m.type === 'ready') this.onReady(m);
    else if (m.type === 'compileError') this.fail(new ParindexError(m.diagnostics));
    else if (m.type === 'chunk') this.onChunk(slot, m);
    else if (m.type === 'failed') this.onFailed(m);
    else this.onResult(m);
  }

  /** Start the workers; resolves when each has compiled the set. */
  async start(url: string | URL, init: WorkerInit): Promise<void> {
    const ready = new Promise<void>((resolve, reject) => {
      this.started = { resolve, reject };
    });
    for (let i = 0; i < this.threads; i++) {
      let worker: Worker;
      try {
        worker = new Worker(url, { workerData: init });
      } catch (e) {
        this.fail(e instanceof Error ? e : new Error(String(e)));
        break;
      }
      this.slots.push({ worker, busy: 0 });
      worker.on('message', (m: FromWorker) => this.onMessage(i, m));
      worker.on('error', (e: Error) => this.fail(new Error(`parindex pool: worker ${i} failed: ${e.message}`, { cause: e })));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`parindex pool: worker ${i} stopped (exit code ${code})`));
      });
    }
    try {
      await ready;
    } catch (e) {
      this.closing = true;
      await Promise.all(this.slots.map((s) => s.worker.terminate()));
      throw e;
    }
    this.refWorkers();
  }

  /** One batch, started when the previous one has settled. */
  runBatch(inputs: readonly PoolInput[], opts: ScoreAllOptions, resolve: (out: PoolOutput[]) => void, reject: (e: unknown) => void): void {
    if (this.broken || this.closing) return reject(this.closedError());
    const id = ++this.batchIds;
    const keep = opts.keep ?? 'inputs';
    if (keep !== 'results' && keep !== 'inputs' && keep !== 'none') return reject(new TypeError(`keep must be "results", "inputs" or "none", got ${String(keep)}`));
    const b: Batch = { id, inputs, outputs: new Array(inputs.length), owner: new Int32Array(inputs.length), keep, next: 0, done: 0, onProgress: opts.onProgress, resolve, reject };
    for (const s of this.slots) {
      s.busy = 0;
      s.worker.postMessage({ type: 'begin', batch: id, keep } satisfies ToWorker);
    }
    if (inputs.length === 0) {
      this.last = b;
      this.lastFailed = false;
      return resolve([]);
    }
    this.current = b;
    this.refWorkers();
    for (let i = 0; i < this.slots.length; i++) this.send(i);
  }

  scoreAll(list: readonly PoolInput[], opts: ScoreAllOptions = {}): Promise<PoolOutput[]> {
    // The list as it is now: a caller that changes its array afterwards does not change this batch.
    const inputs = list.slice();
    const run = () => new Promise<PoolOutput[]>((resolve, reject) => this.runBatch(inputs, opts, resolve, reject));
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => undefined);
    return p;
  }

  /** Ask the worker that scored input `index` of the last batch for its result. */
  askNow(index: number, json: boolean, resolve: (m: ResultMessage) => void, reject: (e: unknown) => void): void {
    if (this.broken || this.closing) return reject(this.closedError());
    const b = this.last;
    if (!b) return reject(new Error('parindex pool: no batch scored yet'));
    if (this.lastFailed) return reject(new Error('parindex pool: the last batch failed; its results are incomplete'));
    if (!Number.isInteger(index) || index < 0 || index >= b.inputs.length) return reject(new RangeError(`parindex pool: no input ${index} in the last batch (${b.inputs.length} inputs)`));
    const o = b.outputs[index]!;
    if (!o.ok) return reject(new ParindexError(o.diagnostics));
    if (b.keep === 'none') return reject(new Error('parindex pool: the last batch was scored with keep: "none"'));
    const id = this.nextId++;
    const slot = b.owner[index]!;
    this.pendingResults.set(id, { slot, resolve, reject });
    this.refWorkers();
    this.slots[slot]!.worker.postMessage({ type: 'result', id, index, json } satisfies ToWorker);
  }

  /** Answered after the batch that was the last one when asked (workers answer messages in order). */
  ask(index: number, json: boolean): Promise<ResultMessage> {
    return this.chain.then(() => new Promise<ResultMessage>((resolve, reject) => this.askNow(index, json, resolve, reject)));
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.rejectAll(new Error('parindex pool: closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

export async function createPool(options: PoolOptions): Promise<Pool> {
  const threads = options.threads ?? availableParallelism();
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a whole number ≥ 1, got ${String(threads)}`);
  const core = new PoolCore(threads);
  await core.start(options.workerUrl ?? new URL('./pool-worker.js', import.meta.url), { set: options.set });
  return {
    threads,
    ref: core.ref,
    sha256: core.sha256,
    scoreAll: (inputs, opts) => core.scoreAll(inputs, opts),
    async result(index: number) {
      const m = await core.ask(index, false);
      if (m.missing || !m.result) throw new Error(`parindex pool: the result of input ${index} is not in its worker`);
      return m.result;
    },
    async resultJson(index: number) {
      const m = await core.ask(index, true);
      if (m.missing || m.json === undefined) throw new Error(`parindex pool: the result of input ${index} is not in its worker`);
      return m.json;
    },
    close: () => core.close(),
  };
}

/** @internal Diagnostics type, re-exported for users of the pool. */
export type { Diagnostic };
