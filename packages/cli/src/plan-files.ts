/**
 * Plan and progress files: read, check (schema, cross-field, against the set the plan serves), and
 * the evidence with the inputs derived from them. The derivation itself is @parindex/plans (pure).
 */
import { diag, type Diagnostic } from '@parindex/rules';
import { applyDerived, checkProgress, derive, parsePlan, parseProgress, type Derivation, type Plan, type Progress, type Window } from '@parindex/plans';
import type { CompiledSet } from './engine.js';
import { CliError, detectKind, locateIn, readJsonFile, type JsonFile } from './io.js';

function mustRead(file: string): JsonFile {
  const f = readJsonFile(file);
  if (!f.value) throw new CliError(f.diagnostics);
  return f;
}

export interface PlanFile {
  file: JsonFile;
  plan: Plan;
  warnings: Diagnostic[];
}

export interface ProgressFile {
  file: JsonFile;
  progress: Progress;
}

/** The problems of a plan file (schema, checks), located; the plan when it has no error. */
export function planDiagnostics(f: JsonFile): { plan: Plan | undefined; diagnostics: Diagnostic[] } {
  const r = parsePlan(f.value);
  return { plan: r.value, diagnostics: locateIn(r.diagnostics, f) };
}

/** Read a file that must be a plan with no error. */
export function readPlan(file: string): PlanFile {
  return planOf(mustRead(file));
}

/** A file read that must be a plan with no error. */
function planOf(f: JsonFile): PlanFile {
  const kind = detectKind(f.value!);
  if (kind !== 'plan') throw new CliError([{ ...diag('PLAN_FILE_KIND', '', { need: 'plan', found: kind ?? null }), file: f.file, line: 1, column: 1 }]);
  const { plan, diagnostics } = planDiagnostics(f);
  if (!plan) throw new CliError(diagnostics);
  return { file: f, plan, warnings: diagnostics };
}

/** Read a file that must be a progress file of `plan`; its problems against the plan over the window. */
export function readProgress(file: string, plan: Plan, window: Window): { progress: ProgressFile; warnings: Diagnostic[] } {
  return progressOf(mustRead(file), plan, window);
}

/** A file read that must be a progress file of `plan`; its problems against the plan over the window. */
function progressOf(f: JsonFile, plan: Plan, window: Window): { progress: ProgressFile; warnings: Diagnostic[] } {
  const kind = detectKind(f.value!);
  if (kind !== 'progress') throw new CliError([{ ...diag('PLAN_FILE_KIND', '', { need: 'progress', found: kind ?? null }), file: f.file, line: 1, column: 1 }]);
  const r = parseProgress(f.value);
  if (!r.value) throw new CliError(locateIn(r.diagnostics, f));
  const found = locateIn(checkProgress(r.value, plan, window), f);
  if (found.some((d) => d.severity === 'error')) throw new CliError(found);
  return { progress: { file: f, progress: r.value }, warnings: found };
}

/** The plan's mappings against the set it serves: the set's ref, and each input read by its criterion. */
export function planAgainstSet(plan: Plan, compiled: CompiledSet): Diagnostic[] {
  const out: Diagnostic[] = [];
  (plan.serves?.inputs ?? []).forEach((m, i) => {
    const n = compiled.nodes.get(m.criterion);
    const reads = n?.isLeaf === true && (n.reads.includes(m.input) || n.ownInputs.includes(m.input));
    if (!reads) out.push(diag('PLAN_UNKNOWN_INPUT', `/serves/inputs/${i}/input`, { criterion: m.criterion, input: m.input, set: compiled.ref }));
  });
  return out;
}

export interface PlanEvidence {
  plan: PlanFile;
  progress: ProgressFile | undefined;
  derivation: Derivation;
  /** The evidence value with the derived inputs in it. */
  evidence: Record<string, unknown>;
  warnings: Diagnostic[];
}

/**
 * The evidence of `evidence` with the inputs derived from a plan and its progress, over the evidence's
 * period as of its end (docs/plans.md). The plan must serve the evidence's set.
 */
export function withPlan(evidence: JsonFile, compiled: CompiledSet, planFile: string, progressFile: string | undefined): PlanEvidence {
  return withPlanFiles(evidence, compiled, mustRead(planFile), progressFile === undefined ? undefined : mustRead(progressFile));
}

/** withPlan of the plan and progress files read (validate has them among its files). */
export function withPlanFiles(evidence: JsonFile, compiled: CompiledSet, planFile: JsonFile, progressFile: JsonFile | undefined): PlanEvidence {
  const plan = planOf(planFile);
  const planSet = plan.plan.serves?.criteriaSet ?? null;
  if (planSet !== compiled.ref) {
    throw new CliError(locateIn([diag('PLAN_SET_MISMATCH', planSet === null ? '' : '/serves/criteriaSet', { plan: plan.plan.id, planSet, evidenceSet: compiled.ref })], plan.file));
  }
  const against = locateIn(planAgainstSet(plan.plan, compiled), plan.file);
  if (against.length > 0) throw new CliError(against);
  const period = evidence.value?.period as { from?: unknown; to?: unknown } | undefined;
  const from = typeof period?.from === 'string' ? period.from : plan.plan.period.from;
  const to = typeof period?.to === 'string' ? period.to : plan.plan.period.to;
  const window: Window = { from, to, asOf: to };
  const read = progressFile ? progressOf(progressFile, plan.plan, window) : undefined;
  const derivation = derive(plan.plan, read?.progress.progress, window);
  const applied = applyDerived(evidence.value!, derivation, plan.plan.id);
  const overridden = locateIn(applied.diagnostics, evidence);
  return { plan, progress: read?.progress, derivation, evidence: applied.evidence, warnings: [...plan.warnings, ...(read?.warnings ?? []), ...overridden] };
}
