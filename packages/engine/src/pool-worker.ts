/**
 * The worker of `@parindex/engine/pool`: compiles the criteria set once, scores the chunks of inputs it
 * is sent (in the compact form, or with the full trace when the full results are to be kept), answers
 * with small summaries and keeps what it scored, or the full results, until the next batch, so that only what is asked for crosses threads. Started by `createPool()`; not for import.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compile, type CompiledSet } from './compile.js';
import { ParindexError, readJson, type Diagnostic } from './deps.js';
import { readTextFile } from '@parindex/rules/files';
import type { FromWorker, Keep, PoolOutput, ToWorker, WorkerInit } from './pool-protocol.js';
import type { CompactResult, ScoreResult } from './result.js';
import { score, type ScoreOptions } from './score.js';
import { toSummary } from './summary.js';

const port = parentPort;
if (!port) throw new Error('@parindex/engine/pool-worker runs in a worker thread started by createPool()');
const post = (m: FromWorker) => port.postMessage(m);

let compiled: CompiledSet | undefined;
try {
  compiled = compile((workerData as WorkerInit).set);
  post({ type: 'ready', ref: compiled.ref, sha256: compiled.sha256 });
} catch (e) {
  if (!(e instanceof ParindexError)) throw e;
  post({ type: 'compileError', diagnostics: e.diagnostics });
}

/** What is kept of the current batch, by input index: full results, or the evidence (value or text) and the appraisal. */
let kept = new Map<number, { result: ScoreResult } | { evidence: unknown; options: ScoreOptions } | { text: string; options: ScoreOptions }>();
let batch = -1;
let keep: Keep = 'inputs';

interface Wrapped {
  evidence?: unknown;
  text?: string;
  file?: string;
  appraisal?: unknown;
  round?: string;
}
const WRAPPER_KEYS = new Set(['evidence', 'text', 'file', 'appraisal', 'round']);
/**
 * `{text}`, `{text, file}`, `{file}` or `{evidence}`, each optionally with `appraisal` and `round`: a
 * plain object with no other key (text, file and round strings; evidence, or text or file, but not
 * both). Anything else is evidence (evidence itself always has "entries").
 */
function wrapped(x: unknown): Wrapped | undefined {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return undefined;
  const o = x as Record<string, unknown>;
  let n = 0;
  for (const k in o) {
    if (!Object.hasOwn(o, k)) continue;
    if (!WRAPPER_KEYS.has(k) || ((k === 'text' || k === 'file' || k === 'round') && typeof o[k] !== 'string')) return undefined;
    n++;
  }
  const w = o as Wrapped;
  const hasEvidence = Object.hasOwn(o, 'evidence');
  if (n === 0 || hasEvidence === (w.text !== undefined || w.file !== undefined)) return undefined;
  return w;
}

function scoreOne(input: unknown, index: number): PoolOutput {
  let evidence = input;
  let text: string | undefined;
  let read: Diagnostic[] | undefined;
  const form = wrapped(input);
  const options: ScoreOptions = {};
  if (form?.appraisal !== undefined) options.appraisal = form.appraisal;
  if (form?.round !== undefined) options.round = form.round;
  if (form && 'evidence' in form) evidence = form.evidence;
  else if (form) {
    text = form.text;
    if (text === undefined) {
      // The one reader of parindex: regular files only, the size limit held while reading, UTF-8.
      const r = readTextFile(form.file!);
      if (r.text === undefined) return { ok: false, diagnostics: r.diagnostics };
      text = r.text;
    }
    const doc = readJson(text, form.file);
    if (doc.value === undefined) return { ok: false, diagnostics: doc.diagnostics };
    evidence = doc.value;
    if (doc.diagnostics.length) read = doc.diagnostics;
  }
  let result: ScoreResult | CompactResult;
  try {
    // Only a kept full result needs its trace: otherwise the compact form gives the same summary.
    result = keep === 'results' ? score(compiled!, evidence, options) : score(compiled!, evidence, { ...options, form: 'compact' });
  } catch (e) {
    if (e instanceof ParindexError) return { ok: false, diagnostics: e.diagnostics };
    throw e;
  }
  // A text is kept rather than its parsed value: one string costs the garbage collector nothing to mark.
  if (keep === 'results') kept.set(index, { result: result as ScoreResult });
  else if (keep === 'inputs') kept.set(index, text !== undefined ? { text, options } : { evidence, options });
  const out: PoolOutput = { ok: true, summary: toSummary(result) };
  if (read) out.read = read;
  return out;
}

/** The full result of a kept input: kept as it is, or scored again (score() is pure: the same JSON). */
function resultOf(index: number): ScoreResult | undefined {
  const k = kept.get(index);
  if (k === undefined) return undefined;
  if ('result' in k) return k.result;
  const full = { ...k.options, form: 'full' } as const;
  if ('text' in k) return score(compiled!, readJson(k.text).value, full);
  return score(compiled!, k.evidence, full);
}

port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'begin':
      batch = m.batch;
      keep = m.keep;
      kept = new Map();
      return;
    case 'chunk': {
      if (m.batch !== batch) return;
      const outputs: PoolOutput[] = new Array(m.inputs.length);
      for (let i = 0; i < m.inputs.length; i++) {
        try {
          outputs[i] = scoreOne(m.inputs[i], m.start + i);
        } catch (e) {
          const err = e instanceof Error ? e : new Error(String(e));
          post({ type: 'failed', batch: m.batch, index: m.start + i, name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}) });
          return;
        }
      }
      post({ type: 'chunk', batch: m.batch, start: m.start, outputs });
      return;
    }
    case 'result': {
      const r = resultOf(m.index);
      if (!r) post({ type: 'result', id: m.id, missing: true });
      else if (m.json) post({ type: 'result', id: m.id, json: JSON.stringify(r) });
      else post({ type: 'result', id: m.id, result: r });
      return;
    }
  }
});
