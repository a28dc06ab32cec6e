/**
 * Reading a plan or a progress file: the schema (zod, every problem at once as coded diagnostics), then
 * small named checks across fields — a plan's tasks against its fields and mappings, a progress file's
 * entries against its plan (unknown task ids with the nearest id, duplicates, "done" without a
 * product, a product dated after the deadline).
 */
import { diag, findForbiddenKeysPublic, isRealDate, PARSE_OPTIONS, pointer, schemaDiag, zodDiagnostics, type Diagnostic } from '@parindex/rules';
import { dueDate, type Window } from './deadline.js';
import { Plan, Progress, type Task } from './schema.js';

export interface Parsed<T> {
  value: T | undefined;
  diagnostics: Diagnostic[];
}

function parseWith<T>(schema: typeof Plan | typeof Progress, value: unknown, code: 'PLAN_SCHEMA' | 'PROGRESS_SCHEMA'): Parsed<T> {
  const forbidden: Diagnostic[] = [];
  findForbiddenKeysPublic(value, forbidden);
  if (forbidden.length > 0) return { value: undefined, diagnostics: forbidden };
  const r = schema.safeParse(value, PARSE_OPTIONS);
  if (!r.success) return { value: undefined, diagnostics: zodDiagnostics(r.error, code) };
  const unreal = unrealDates(r.data, '', code);
  return unreal.length ? { value: undefined, diagnostics: unreal } : { value: r.data as T, diagnostics: [] };
}

/** The keys that hold a date (YYYY-MM-DD) in plans and progress files. */
const DATE_KEYS = new Set(['date', 'eventDate', 'from', 'to']);
const ISO_SHAPE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/**
 * Dates that match YYYY-MM-DD but do not exist (2026-09-31): the schema's pattern takes them, and a
 * deadline or a product's date computed from one would be wrong (as a set's are refused, SET_SCHEMA).
 */
function unrealDates(v: unknown, path: string, code: 'PLAN_SCHEMA' | 'PROGRESS_SCHEMA'): Diagnostic[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => unrealDates(x, `${path}/${i}`, code));
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => {
    const at = `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (DATE_KEYS.has(k) && typeof x === 'string' && ISO_SHAPE.test(x) && !isRealDate(x)) return [schemaDiag(code, at, { issue: 'notCalendarDate', value: x })];
    return unrealDates(x, at, code);
  });
}

/** Levenshtein distance, capped: ids are short. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}

/** The nearest of `ids` to `id` (at most a third of its length away), or null. The first of equals wins. */
export function nearestId(id: string, ids: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Math.max(1, Math.floor(id.length / 3)) + 1;
  for (const c of ids) {
    const d = distance(id, c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best;
}

/** A plan's own cross-field checks: task ids once, fields declared, mappings well formed. */
export function checkPlan(plan: Plan): Diagnostic[] {
  const out: Diagnostic[] = [];
  const fields = new Set(plan.fields.map((f) => f.id));
  const first = new Map<string, number>();
  plan.tasks.forEach((t, i) => {
    const seen = first.get(t.id);
    if (seen !== undefined) out.push(diag('PLAN_DUPLICATE_TASK', pointer('tasks', i, 'id'), { task: t.id, first: pointer('tasks', seen) }));
    else first.set(t.id, i);
    if (!fields.has(t.field)) out.push(diag('PLAN_UNKNOWN_FIELD', pointer('tasks', i, 'field'), { task: t.id, field: t.field, suggestion: nearestId(t.field, [...fields]) }));
  });
  const ids = [...first.keys()];
  (plan.serves?.inputs ?? []).forEach((m, i) => {
    const needsTask = m.derive === 'taskDate' || m.derive === 'taskDone' || m.derive === 'taskOnTime';
    if (needsTask && m.task === undefined) out.push(diag('PLAN_MAPPING_TASK', pointer('serves', 'inputs', i), { input: m.input, derive: m.derive, task: null, suggestion: null }));
    else if (needsTask && !first.has(m.task!))
      out.push(diag('PLAN_MAPPING_TASK', pointer('serves', 'inputs', i, 'task'), { input: m.input, derive: m.derive, task: m.task!, suggestion: nearestId(m.task!, ids) }));
    for (const [j, f] of (m.fields ?? []).entries()) {
      if (!fields.has(f)) out.push(diag('PLAN_UNKNOWN_FIELD', pointer('serves', 'inputs', i, 'fields', j), { task: null, field: f, suggestion: nearestId(f, [...fields]) }));
    }
  });
  (plan.targets ?? []).forEach((t, k) =>
    t.links.forEach((l, i) => {
      if (l.task !== undefined && !first.has(l.task))
        out.push(diag('PLAN_MAPPING_TASK', pointer('targets', k, 'links', i, 'task'), { input: l.criterion, derive: 'target', task: l.task, suggestion: nearestId(l.task, ids) }));
    }),
  );
  plan.tasks.forEach((t, i) => {
    if (t.quote && t.quote.join(' ') !== t.content) out.push(diag('PLAN_QUOTE', pointer('tasks', i, 'quote'), { task: t.id }));
  });
  if (plan.period.from > plan.period.to) out.push(diag('PLAN_PERIOD', '/period', { from: plan.period.from, to: plan.period.to }));
  return out;
}

/** Parse and check a plan. */
export function parsePlan(value: unknown): Parsed<Plan> {
  const r = parseWith<Plan>(Plan, value, 'PLAN_SCHEMA');
  if (!r.value) return r;
  const d = checkPlan(r.value);
  return { value: d.some((x) => x.severity === 'error') ? undefined : r.value, diagnostics: d };
}

/** Parse a progress file (its schema only; checkProgress checks it against its plan). */
export function parseProgress(value: unknown): Parsed<Progress> {
  return parseWith<Progress>(Progress, value, 'PROGRESS_SCHEMA');
}

/** A done task's products against its deadline in the window: "done" without a product; a product after the deadline. */
function checkDone(task: Task, products: NonNullable<Progress['tasks'][number]['products']>, eventDate: string | undefined, window: Window, at: number): Diagnostic[] {
  const given = products.filter((p) => [p.number, p.date, p.title, p.figure].some((v) => v !== undefined && v !== ''));
  if (given.length === 0) return [diag('PROGRESS_DONE_WITHOUT_PRODUCT', pointer('tasks', at, 'status'), { task: task.id }, 'warning')];
  // As derive.ts counts them: a product dated after the as-of date did not exist yet, so it is not late
  // (a review as of 15/06 of a file that already holds July's products says nothing of them).
  const proving = given.filter((p) => p.date === undefined || p.date <= window.asOf);
  const due = dueDate(task.deadline, window, eventDate);
  if (due === 'noDeadline' || due === 'awaitingEvent') return [];
  // The earliest dated product is the one that proves the task done (derive.ts, provingProduct).
  const first = proving.flatMap((p) => (p.date === undefined ? [] : [p.date])).sort()[0];
  if (first !== undefined && first > due) {
    const i = proving.findIndex((p) => p.date === first);
    return [diag('PROGRESS_LATE', pointer('tasks', at, 'products', products.indexOf(proving[i]!), 'date'), { task: task.id, date: first, deadline: due }, 'warning')];
  }
  return [];
}

/**
 * A task not marked done that has a product anyway: a dropped task any product, one in progress or not
 * started a dated one (an undated figure may be a step on the way). Only "done" counts a product.
 */
function contradicts(p: Progress['tasks'][number]): boolean {
  const given = (p.products ?? []).filter((x) => [x.number, x.date, x.title, x.figure].some((v) => v !== undefined && v !== ''));
  return p.status === 'dropped' ? given.length > 0 : given.some((x) => x.date !== undefined && x.date !== '');
}

/** A progress file against its plan, over the window it is assessed in. */
export function checkProgress(progress: Progress, plan: Plan, window: Window): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (progress.plan !== plan.id) out.push(diag('PROGRESS_PLAN_MISMATCH', '/plan', { expected: plan.id, given: progress.plan }));
  const tasks = new Map(plan.tasks.map((t) => [t.id, t]));
  const ids = plan.tasks.map((t) => t.id);
  const first = new Map<string, number>();
  progress.tasks.forEach((p, i) => {
    const task = tasks.get(p.task);
    if (!task) return void out.push(diag('PROGRESS_UNKNOWN_TASK', pointer('tasks', i, 'task'), { task: p.task, plan: plan.id, suggestion: nearestId(p.task, ids) }));
    const seen = first.get(p.task);
    if (seen !== undefined) return void out.push(diag('PROGRESS_DUPLICATE_TASK', pointer('tasks', i, 'task'), { task: p.task, first: pointer('tasks', seen) }));
    first.set(p.task, i);
    if (p.status === 'done') out.push(...checkDone(task, p.products ?? [], p.eventDate, window, i));
    else if (contradicts(p)) out.push(diag('PROGRESS_PRODUCT_NOT_DONE', pointer('tasks', i, 'status'), { task: p.task, status: p.status }, 'warning'));
  });
  return out;
}
