/**
 * `@parindex/engine/advice`: what only a full result has: the advice (what would raise each criterion's
 * points) and the objects of the full form (each leaf's trace and result, each group's result;
 * ./full-result.ts). @parindex/engine compiles every set with it. The dashboard entry
 * (`@parindex/engine/scoring`) leaves it out, so that a page that only scores and ranks (the compact
 * form) does not carry it (~4.7 KB gzip); a page that shows full results imports it too and attaches it
 * to the sets it compiled:
 *
 *     import { compile, score } from '@parindex/engine/scoring';
 *     import { withAdvice } from '@parindex/engine/advice';
 *     const result = score(withAdvice(compile(set)), evidence); // the full result, as @parindex/engine gives it
 *
 * Imported later (`await import(…)`), it saves nothing at the first load with today's bundlers: each rule
 * kind's advice sits in the module of its evaluation, which the entry loads. The prebuilt files are two
 * for the same reason: dist/parindex.scoring.min.js without it, dist/parindex.scoring-advice.min.js with it.
 */
import type { Advice, CompiledRule, CompiledSet } from './compile.js';
import { adviceKindOf, type Evaluation, type Improvement } from './deps.js';
import { adviceAfterOverride, groupResult, leafResult } from './full-result.js';

function advise(rule: CompiledRule, evaluation: Evaluation<unknown>): Improvement[] {
  const kind = adviceKindOf(rule.type);
  let prepared = rule.prepared;
  // What every result's advice shares, worked out once per compiled rule (the same for any unit).
  if (prepared === undefined) prepared = rule.prepared = kind.prepare(rule.compiled);
  return kind.advise(rule.compiled, evaluation, prepared);
}

/** The rule kinds' advice and the full result's objects: what `withAdvice` attaches, and what @parindex/engine compiles with. */
export const ADVICE: Advice = /* @__PURE__ */ Object.freeze({ advise, leafResult, groupResult, afterOverride: adviceAfterOverride });

/**
 * The compiled set with the advice attached: the same compiled rules (nothing is compiled again), and
 * score() gives its full result exactly as @parindex/engine does. The set given is left as it was.
 */
export function withAdvice(compiled: CompiledSet): CompiledSet {
  return compiled.advice === ADVICE ? compiled : Object.freeze({ ...compiled, advice: ADVICE });
}
