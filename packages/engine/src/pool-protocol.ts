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

export type ToWorker =
  /** A new batch: forget the results of the previous one; keep this batch's results when `keep`. */
  | { type: 'begin'; batch: number; keep: boolean }
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
