/**
 * @internal What scoring one unit starts from: the evidence read, checked against the set, indexed
 * (values.ts prepare), and the appraisal applied; or every problem found on the way.
 */
import { diag, numberTokensOf, type Diagnostic } from './deps.js';
import { hashJson } from './canonical.js';
import type { CompiledSet } from './compile.js';
import { checkRounds, parseAppraisal } from './appraisal.js';
import { evidenceSha, readEvidence, type Evidence } from './evidence.js';
import { salvageAppraisal, salvageEvidence } from './salvage.js';
import type { ScoreOptions } from './score.js';
import { applyAppraisal, prepare, type Prepared } from './values.js';

/** The evidence read and indexed, the appraisal applied: what scoring starts from. */
export interface Input {
  evidence: Evidence;
  prepared: Prepared;
  stage: string;
  evidenceSha: string;
  appraisalSha: string | undefined;
  diagnostics: Diagnostic[];
  /** An earlier stage had an error: the later stages run for their problems, and make no result. */
  failed: boolean;
}

function applyAppraisalOf(compiled: CompiledSet, inp: Input, options: ScoreOptions): boolean {
  const { evidence, diagnostics } = inp;
  if (options.appraisal === undefined) {
    if (options.round !== undefined) diagnostics.push(diag('APPRAISAL_UNKNOWN_ROUND', '', { round: options.round, rounds: [] }));
    return true;
  }
  const parsed = parseAppraisal(options.appraisal);
  // Every problem at once: the rounds and items the schema accepts are checked too.
  const salvaged = parsed.value ? undefined : salvageAppraisal(options.appraisal, parsed.diagnostics, compiled, { unit: evidence.unit.code, sha256: inp.evidenceSha });
  for (const d of salvaged?.diagnostics ?? parsed.diagnostics) diagnostics.push(d);
  const ap = parsed.value ?? salvaged?.appraisal;
  if (!ap) return false;
  const skip = salvaged?.skip;
  inp.appraisalSha = hashJson(options.appraisal);
  for (const d of checkRounds(ap, skip)) diagnostics.push(d);
  if (ap.criteriaSet !== compiled.ref) diagnostics.push(diag('APPRAISAL_EVIDENCE_MISMATCH', '/criteriaSet', { field: 'criteriaSet', expected: ap.criteriaSet, given: compiled.ref }));
  if (ap.evidence.sha256 !== inp.evidenceSha || ap.evidence.unit !== evidence.unit.code)
    diagnostics.push(
      diag('APPRAISAL_EVIDENCE_MISMATCH', '/evidence', {
        field: 'evidence',
        expectedUnit: ap.evidence.unit,
        expectedSha256: ap.evidence.sha256,
        givenUnit: evidence.unit.code,
        givenSha256: inp.evidenceSha,
      }),
    );
  const applied = applyAppraisal(compiled, evidence, inp.prepared, ap, options.round, skip, numberTokensOf(options.appraisal));
  for (const d of applied.diagnostics) diagnostics.push(d);
  inp.stage = applied.stage;
  return true;
}

/** The unit's code and name as given, when empty or spaces (a unit the schema refused or salvage filled in: none). */
function blankUnit(input: unknown): Diagnostic[] {
  const unit = input !== null && typeof input === 'object' ? (input as { unit?: unknown }).unit : undefined;
  if (unit === null || typeof unit !== 'object') return [];
  const found: Diagnostic[] = [];
  for (const field of ['code', 'name'] as const) {
    const v = (unit as Record<string, unknown>)[field];
    if (typeof v === 'string' && v.trim() === '') found.push(diag('EVIDENCE_UNIT_BLANK', `/unit/${field}`, { field }));
  }
  return found;
}

/** Parse and index the evidence, apply the appraisal; a list of diagnostics when that fails. */
export function readInput(compiled: CompiledSet, evidenceInput: unknown, options: ScoreOptions, all: boolean): Input | Diagnostic[] {
  const parsed = readEvidence(evidenceInput);
  const given = parsed.value?.criteriaSet ?? (evidenceInput !== null && typeof evidenceInput === 'object' ? (evidenceInput as { criteriaSet?: unknown }).criteriaSet : undefined);
  const mismatch = typeof given === 'string' && given !== compiled.ref ? [diag('EVIDENCE_SET_MISMATCH', '/criteriaSet', { given, expected: compiled.ref })] : [];
  const diagnostics: Diagnostic[] = [];
  let evidence = parsed.value;
  let skip: ReadonlySet<number> | undefined;
  if (!evidence) {
    // Another set's file is checked no further: its entries would all be unknown here.
    const salvaged = mismatch.length ? undefined : salvageEvidence(evidenceInput, parsed.diagnostics, compiled);
    if (!salvaged) return [...parsed.diagnostics, ...mismatch];
    ({ evidence, skip } = salvaged);
    for (const d of salvaged.diagnostics) diagnostics.push(d);
  } else if (mismatch.length) return mismatch;
  const period = compiled.set.period;
  if (evidence.period.from !== period.from || evidence.period.to !== period.to)
    diagnostics.push(diag('EVIDENCE_PERIOD_MISMATCH', '/period', { givenFrom: evidence.period.from, givenTo: evidence.period.to, expectedFrom: period.from, expectedTo: period.to }));
  const levels = compiled.set.unitLevels;
  if (levels && !levels.includes(evidence.unit.level)) diagnostics.push(diag('EVIDENCE_LEVEL_NOT_IN_SET', '/unit/level', { level: evidence.unit.level, levels: [...levels], set: compiled.ref }));
  for (const d of blankUnit(evidenceInput)) diagnostics.push(d);
  const prepared = prepare(compiled, evidence, skip, numberTokensOf(evidenceInput));
  // One by one: a spread of 100,000 diagnostics (10,000 unknown inputs in each of a few entries) overflows the stack.
  for (const d of prepared.diagnostics) diagnostics.push(d);
  const inp: Input = { evidence, prepared, stage: 'self', evidenceSha: evidenceSha(parsed, evidenceInput), appraisalSha: undefined, diagnostics, failed: false };
  if (!applyAppraisalOf(compiled, inp, options)) return diagnostics;
  inp.failed = diagnostics.some((d) => d.severity === 'error');
  // Checking (not scoring) goes on past errors, for the problems of the later stages.
  return inp.failed && !all ? diagnostics : inp;
}
