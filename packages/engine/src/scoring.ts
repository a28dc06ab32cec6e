/**
 * @parindex/engine/scoring: the engine for dashboards. It scores, checks evidence, ranks and summarises
 * exactly as @parindex/engine does, without the criteria-set checker (the set's zod schema, its
 * cross-field checks, the rule kinds' checks) and without the rule kinds' advice, so that a page carries
 * a small bundle. Its sets score in the compact form; the full result, with its advice, once the page
 * attaches the advice (`withAdvice` of @parindex/engine/advice); before that score() refuses it with
 * SCORE_NEEDS_ADVICE.
 *
 * Trust: a rule file is untrusted, and this entry cannot check one. Its compile() therefore compiles only
 * a set it can show was checked: one of the sets shipped in rules/sets/ (checked in full when the table
 * SHIPPED_SETS was written), or a set whose canonical SHA-256 the caller pins (`compile(set, { sha256 })`,
 * the developer having checked that set with `parindex validate`). The hash is CompiledSet.sha256, the one
 * every result's provenance carries. Any other set is refused with SET_NOT_PINNED: check it and pin its
 * hash, or compile it with @parindex/engine, which checks it. Same input, same output as the full entry.
 */
import { hashJson } from './canonical.js';
import { compileChecked, type CompiledSet } from './compile.js';
import { ParindexError, diag, type CriteriaSet } from './deps.js';
import { SHIPPED_SETS } from './shipped-sets.js';

export * from './scoring-api.js';
export type { CompiledSet, CompiledNode, CompiledInput, Advice } from './compile.js';
export type { Evidence, Entry, DocumentRef, InputValue, Unit } from './evidence.js';
export type { Appraisal, AppraisalRound, AppraisalItem } from './appraisal-zod.js';
export { SHIPPED_SETS };

const SHIPPED_HASHES: ReadonlySet<string> = new Set(Object.values(SHIPPED_SETS));

/** A plain JSON copy of the value (what is hashed is what is compiled), or undefined when it is not a JSON object. */
function jsonCopy(value: unknown): Record<string, unknown> | undefined {
  let copy: unknown;
  try {
    const text = JSON.stringify(value);
    copy = text === undefined ? undefined : JSON.parse(text);
  } catch {
    // A cycle, a BigInt, a throwing getter: not a set that could have been checked.
    return undefined;
  }
  return copy !== null && typeof copy === 'object' && !Array.isArray(copy) ? (copy as Record<string, unknown>) : undefined;
}

/** The set's id@version as it writes them, for the refusal ('' when it has none). */
function refOf(v: Record<string, unknown> | undefined): string {
  const { id, version } = v ?? {};
  return typeof id === 'string' && typeof version === 'string' ? `${id.slice(0, 100)}@${version.slice(0, 40)}` : '';
}

/**
 * Compile a criteria set that was checked: a set shipped in rules/sets/ (its hash is in SHIPPED_SETS), or
 * the set whose canonical SHA-256 is `options.sha256` (pinned by the developer after `parindex validate`;
 * CompiledSet.sha256 and every result's provenance show the same hash). The set is copied as JSON first,
 * so what was hashed is what is compiled. Any other set throws a ParindexError SET_NOT_PINNED.
 */
export function compile(set: unknown, options: { sha256?: string } = {}): CompiledSet {
  const copy = jsonCopy(set);
  const sha256 = copy === undefined ? null : hashJson(copy);
  // A pin as hex in either case (the hash is written in lower case); anything but a string pins nothing.
  const pinned = typeof options.sha256 === 'string' ? options.sha256.toLowerCase() : null;
  if (sha256 !== null && (sha256 === pinned || SHIPPED_HASHES.has(sha256))) return compileChecked(copy as unknown as CriteriaSet, null, sha256);
  throw new ParindexError([diag('SET_NOT_PINNED', '', { ref: refOf(copy), sha256, pinned: pinned === null ? null : pinned.slice(0, 80) })]);
}
