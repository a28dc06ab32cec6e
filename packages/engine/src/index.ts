/**
 * @parindex/engine: compile a criteria set once, score evidence exactly, trace every point as data
 * (the sentences of the trace are in @parindex/explain).
 * Synchronous, no file I/O, no eval; runs unchanged in Node and in a browser.
 */
export * from './scoring-api.js';
export { compile, type CompiledSet, type CompiledNode, type CompiledInput, type Advice } from './compile.js';
export { ADVICE, withAdvice } from './advice.js';
export { evaluateLogic, LogicError } from './deps.js';
export { canonicalJson, sha256Hex, hashJson } from './canonical.js';
export { Evidence, Entry, DocumentRef, InputValue, Unit } from './evidence-zod.js';
export { parseEvidence } from './evidence.js';
export { Appraisal, AppraisalRound, AppraisalItem } from './appraisal-zod.js';
export { checkRounds, parseAppraisal } from './appraisal.js';
/** For `parindex rank` and POST /v1/rank: which unit codes are one unit. */
export { unitKey, visibleCode, duplicateUnit, rankedInstead, type AppraisalUnusedWhy } from './unit-code.js';
export { diffResults, sameValue, type ResultDiff, type NodeDiff, type DiffReason, type Change } from './diff.js';
export { evidenceSchema } from './evidence-schema.js';
/** @internal For `validate`: an appraisal the schema refuses, the refused parts taken out, to check the rest. */
export { salvageAppraisal } from './salvage.js';
