/**
 * validate for plans and progress files: a plan's schema and checks, and its mappings against the set
 * it serves (when that set is bundled or given with --rules); a progress file's schema, and its
 * entries against its plan when the plan is given in the same call (matched by its id).
 */
import { diag, type Diagnostic } from '@parindex/rules';
import { checkProgress, parseProgress, planWindow, type Plan } from '@parindex/plans';
import { CliError, locateIn, type JsonFile } from '../io.js';
import { compiledFor } from '../load.js';
import { planAgainstSet, planDiagnostics } from '../plan-files.js';

export async function checkPlanFile(f: JsonFile, rules: string | undefined, plans: Map<string, Plan>): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [...f.diagnostics];
  const { plan, diagnostics } = planDiagnostics(f);
  for (const d of diagnostics) out.push(d);
  if (!plan) return out;
  plans.set(plan.id, plan);
  if (!plan.serves) return out;
  try {
    const compiled = await compiledFor(plan.serves.criteriaSet, rules, { file: f, pointer: '/serves/criteriaSet' });
    for (const d of locateIn(planAgainstSet(plan, compiled), f)) out.push(d);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    for (const d of e.diagnostics) out.push(d);
  }
  return out;
}

export function checkProgressFile(f: JsonFile, plans: ReadonlyMap<string, Plan>): Diagnostic[] {
  const out: Diagnostic[] = [...f.diagnostics];
  const r = parseProgress(f.value);
  for (const d of locateIn(r.diagnostics, f)) out.push(d);
  const plan = r.value ? plans.get(r.value.plan) : undefined;
  if (r.value && plan) for (const d of locateIn(checkProgress(r.value, plan, planWindow(plan)), f)) out.push(d);
  // Valid alone says little: unknown, repeated and late tasks are found against the plan only.
  if (r.value && !plan) for (const d of locateIn([diag('PROGRESS_PLAN_NOT_GIVEN', '/plan', { plan: r.value.plan }, 'warning')], f)) out.push(d);
  return out;
}
