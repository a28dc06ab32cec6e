/**
 * Plan → inputs: a pure adapter. From a plan, its progress and an assessed window, the status of every
 * task (due or not, done, on time) and the inputs the plan criteria read (counts, dates, yes/no), each
 * with the tasks behind it. No scoring happens here: the engine scores the derived inputs as it scores
 * typed ones. No sentence either: the trace is data, worded by @parindex/explain.
 */
import { addDays, dueDate, type Undated, type Window } from './deadline.js';
import type { InputMapping, Plan, Product, Progress, Task, TaskProgress } from './schema.js';

/**
 * What became of a task in the window. Counted (due): `onTime`, `late`, `doneUndated` (done, the
 * product has no date), `noProduct` (marked done without a product: not done), `overdue`, `dropped`.
 * Not counted: `notYetDue`, `beforeWindow` (due before the window), `afterWindow`, and the undated
 * `noDeadline`, `awaitingEvent`.
 */
export type Outcome = 'onTime' | 'late' | 'doneUndated' | 'noProduct' | 'overdue' | 'dropped' | 'notYetDue' | 'beforeWindow' | 'afterWindow' | Undated;

export interface TaskStatusRow {
  task: string;
  field: string;
  /** The date the task falls due in the window (null when it has none). */
  due: string | null;
  outcome: Outcome;
  /** Counted among the tasks due in the window. A task done early is counted too. */
  counted: boolean;
  done: boolean;
  onTime: boolean;
  /** Not yet due, and due within 30 days of the as-of date. */
  dueSoon: boolean;
  /** The product that proves it (the earliest dated), null when none. */
  product: Product | null;
  completedOn: string | null;
}

export interface DerivedInput {
  /** The index of the mapping in the plan's serves.inputs. */
  mapping: number;
  criterion: string;
  input: string;
  derive: InputMapping['derive'];
  /** The value for the evidence; null when the plan gives none (a task not done, an unknown decision date). */
  value: number | string | boolean | null;
  /** The tasks behind the value: those counted (counts), or the one task. */
  tasks: string[];
  /** The fields a count is limited to (null: all). */
  fields: string[] | null;
}

export interface Derivation {
  window: Window;
  tasks: TaskStatusRow[];
  inputs: DerivedInput[];
}

const DUE_SOON_DAYS = 30;
const COUNTED: ReadonlySet<Outcome> = new Set(['onTime', 'late', 'doneUndated', 'noProduct', 'overdue', 'dropped']);

const hasContent = (p: Product) => [p.number, p.date, p.title, p.figure].some((v) => v !== undefined && v !== '');

/** The products that existed on the as-of date (a product dated later did not yet). */
function productsOf(p: TaskProgress | undefined, asOf: string): Product[] {
  return (p?.products ?? []).filter((x) => hasContent(x) && (x.date === undefined || x.date <= asOf));
}

/**
 * The product that proves a task done: the earliest dated one (the task was done once its first product
 * existed), else the first undated one (a figure). Earliest, not latest: a later product (the report on a
 * plan issued on time) never makes a task late, so leaving a product out can never make it on time
 * (withholding evidence never raises a score; packages/plans/test/derive.test.ts checks it).
 */
function provingProduct(products: readonly Product[]): Product | null {
  let best: Product | null = null;
  for (const x of products) if (x.date !== undefined && (best?.date === undefined || x.date < best.date)) best = x;
  return best ?? products[0] ?? null;
}

/** The outcome of a task whose due date is within the window and not after the as-of date. */
function dueOutcome(status: TaskProgress['status'] | undefined, product: Product | null, due: string): Outcome {
  if (status === 'done' && product) return product.date === undefined ? 'doneUndated' : product.date <= due ? 'onTime' : 'late';
  if (status === 'done') return 'noProduct';
  return status === 'dropped' ? 'dropped' : 'overdue';
}

/** One task's status in the window. */
export function taskStatus(task: Task, p: TaskProgress | undefined, window: Window): TaskStatusRow {
  const d = dueDate(task.deadline, window, p?.eventDate);
  const products = productsOf(p, window.asOf);
  const product = provingProduct(products);
  const base = { task: task.id, field: task.field, product, completedOn: product?.date ?? null };
  if (d === 'noDeadline' || d === 'awaitingEvent') return { ...base, due: null, outcome: d, counted: false, done: false, onTime: false, dueSoon: false };
  const provenDone = p?.status === 'done' && product !== null;
  let outcome: Outcome;
  if (d < window.from) outcome = 'beforeWindow';
  else if (d > window.to) outcome = 'afterWindow';
  else if (d > window.asOf) outcome = provenDone && product.date !== undefined ? 'onTime' : 'notYetDue';
  else outcome = dueOutcome(p?.status, product, d);
  const done = outcome === 'onTime' || outcome === 'late' || outcome === 'doneUndated';
  const dueSoon = outcome === 'notYetDue' && d <= addDays(window.asOf, DUE_SOON_DAYS);
  return { ...base, due: d, outcome, counted: COUNTED.has(outcome), done, onTime: outcome === 'onTime', dueSoon };
}

/** What one task gives: its completion date (null: not done), done, or done on time (a product dated by its deadline). */
function oneTask(derive: 'taskDate' | 'taskDone' | 'taskOnTime', row: TaskStatusRow | undefined): string | boolean | null {
  if (derive === 'taskDone') return row?.done === true;
  if (derive === 'taskOnTime') return row?.onTime === true;
  return row?.done === true && row.completedOn !== null ? row.completedOn : null;
}

/** The value of one mapping from the task rows. */
function deriveOne(m: InputMapping, index: number, plan: Plan, rows: readonly TaskStatusRow[]): DerivedInput {
  const base = { mapping: index, criterion: m.criterion, input: m.input, derive: m.derive, fields: m.fields ?? null };
  if (m.derive === 'planIssued') return { ...base, value: typeof plan.decision.date === 'string' ? plan.decision.date : null, tasks: [] };
  if (m.derive === 'taskDate' || m.derive === 'taskDone' || m.derive === 'taskOnTime') {
    const row = rows.find((r) => r.task === m.task);
    return { ...base, value: oneTask(m.derive, row), tasks: row ? [row.task] : [] };
  }
  const fields = m.fields ? new Set(m.fields) : undefined;
  const counted = rows.filter((r) => r.counted && (!fields || fields.has(r.field)));
  const chosen = m.derive === 'tasksDue' ? counted : counted.filter((r) => (m.derive === 'tasksDone' ? r.done : r.onTime));
  return { ...base, value: chosen.length, tasks: chosen.map((r) => r.task) };
}

/**
 * Every task's status and every mapped input, as of `window.asOf` over the window. Progress entries of
 * tasks the plan does not have are ignored here (checkProgress reports them); the first entry of a task
 * given twice is used.
 */
export function derive(plan: Plan, progress: Progress | undefined, window: Window): Derivation {
  const byTask = new Map<string, TaskProgress>();
  for (const p of progress?.tasks ?? []) if (!byTask.has(p.task)) byTask.set(p.task, p);
  const tasks = plan.tasks.map((t) => taskStatus(t, byTask.get(t.id), window));
  return { window, tasks, inputs: (plan.serves?.inputs ?? []).map((m, i) => deriveOne(m, i, plan, tasks)) };
}

/** The default window of a plan alone: its own period, as of its end (`plan status` without --as-of). */
export function planWindow(plan: Plan, asOf?: string): Window {
  return { from: plan.period.from, to: plan.period.to, asOf: asOf ?? plan.period.to };
}
