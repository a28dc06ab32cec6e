/**
 * @internal The messages between `pool.ts` (main thread) and `pool-worker.ts` (each worker). Types only.
 */
import type { Diagnostic } from './deps.js';
import type { ScoreResult } from './result.js';
import type { ScoreSummary } from './summary.js';

/** One input's outcome, in input order. */
export type PoolOutput =
  | {
      ok: true;
      summary: ScoreSummary;
      /** Warnings from reading a `{text}` or `{file}` input (e.g. FILE_BOM); absent when none. */
      read?: Diagnostic[];
    }
  | { ok: false; diagnostics: Diagnostic[] };

export interface WorkerInit {
  set: unknown;
}

/**
 * What a worker keeps of a batch for `result(i)`: the full results ("results"), or only what it scored
 * ("inputs": the evidence value, or the text it parsed; result(i) scores it again), or nothing.
 */
export type Keep = 'results' | 'inputs' | 'none';

export type ToWorker =
  /** A new batch: forget what was kept of the previous one. */
  | { type: 'begin'; batch: number; keep: Keep }
  /** Score inputs start, start + 1, … of the batch. */
  | { type: 'chunk'; batch: number; start: number; inputs: unknown[] }
  /** The full result of input `index` of the current batch, as an object or as JSON text. */
  | { type: 'result'; id: number; index: number; json: boolean };

export type FromWorker =
  | { type: 'ready'; ref: string; sha256: string }
  | { type: 'compileError'; diagnostics: Diagnostic[] }
  | { type: 'chunk'; batch: number; start: number; outputs: PoolOutput[] }
  /** score() threw something that is not a ParindexError (a bug): the batch fails. */
  | { type: 'failed'; batch: number; index: number; name: string; message: string; stack?: string }
  | { type: 'result'; id: number; result?: ScoreResult; json?: string; missing?: true };
