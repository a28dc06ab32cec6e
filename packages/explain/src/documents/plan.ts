/**
 * The documents of reform plans: the plan's tasks by field (plan show), the progress of every task as
 * of a date (plan status), the plan section of an explanation (the tasks behind a derived input, and
 * which tasks would raise it), and the targets of a plan (plan targets). Data in, blocks out.
 */
import type { NodeResult, ScoreResult } from '@parindex/engine';
import { advicePicks, type Derivation, type Plan, type Product, type TargetLinks, type Task, type TaskStatusRow } from '@parindex/plans';
import type { Block, Doc, Row } from '../document.js';
import type { Explainer } from '../explainer.js';
import { LOCALES } from '../explainer.js';
import { formatDate, formatNumber, type Lang } from '../numbers.js';

const omitted = (v: string | { kind: 'none'; note: string }, none: string) => (typeof v === 'string' ? v : `(${none}: ${v.note})`);

/** A product in words: "Số 12/KH-UBND ngày 10/01/2026 Kế hoạch …; 98%". */
export function productText(p: Product | null, lang: Lang): string {
  const l = LOCALES[lang];
  if (!p) return l.plan.noProduct;
  const doc = l.phrases.documentRef(p.number, p.date ? formatDate(p.date, lang) : undefined, p.title);
  return [doc, p.figure ?? ''].filter(Boolean).join('; ');
}

function deadlineText(t: Task, lang: Lang): string {
  const w = LOCALES[lang].plan;
  return t.deadline.kind === 'none' ? `(${w.none}: ${t.deadline.note})` : t.deadline.text;
}

function identityRows(plan: Plan, lang: Lang): Array<[string, string]> {
  const w = LOCALES[lang].plan;
  const number = typeof plan.decision.number === 'string' ? plan.decision.number : null;
  const date = typeof plan.decision.date === 'string' ? formatDate(plan.decision.date, lang) : null;
  return [
    [w.labels.unit, plan.unit.name],
    [w.labels.decision, w.decision(number, date)],
    [w.labels.period, `${plan.period.label ?? ''} (${formatDate(plan.period.from, lang)} – ${formatDate(plan.period.to, lang)})`.trim()],
    [w.labels.source, plan.source.document],
    [w.labels.serves, plan.serves ? `${plan.serves.criteriaSet}: ${plan.serves.criteria.join(', ')}` : w.none],
  ];
}

/** `plan show`: identity, then per field its tasks with lead unit, deadline and product. */
export function planShowDocument(plan: Plan, lang: Lang): Doc {
  const w = LOCALES[lang].plan;
  const doc: Doc = [
    { kind: 'title', text: w.showTitle(plan.title) },
    { kind: 'kv', rows: identityRows(plan, lang) },
  ];
  for (const f of plan.fields) {
    const tasks = plan.tasks.filter((t) => t.field === f.id);
    if (tasks.length === 0) continue;
    doc.push({ kind: 'heading', text: f.title });
    doc.push({
      kind: 'table',
      columns: [{ label: w.labels.task }, { label: w.labels.content, width: 60 }, { label: w.labels.lead, width: 22 }, { label: w.labels.deadline, width: 24 }, { label: w.labels.product, width: 28 }],
      rows: tasks.map((t) => ({ cells: [t.id, t.content, [omitted(t.lead, w.none), `${w.labels.partners}: ${omitted(t.partners, w.none)}`], deadlineText(t, lang), omitted(t.product, w.none)] })),
    });
  }
  doc.push(...deadlineLegend(plan, lang));
  return doc;
}

/** What "on time" means for each kind of deadline the plan uses (docs/plans.md), in the plan's order. */
function deadlineLegend(plan: Plan, lang: Lang): Block[] {
  const w = LOCALES[lang].plan;
  const kinds = [...new Set(plan.tasks.map((t) => t.deadline.kind))];
  return [
    { kind: 'heading', text: w.labels.onTime },
    { kind: 'list', items: kinds.map((k) => `${w.deadlineKinds[k]}: ${w.deadlineMeaning[k]}`) },
  ];
}

function outcomeText(r: TaskStatusRow, lang: Lang): string {
  const w = LOCALES[lang].plan;
  return w.outcomes[r.outcome] + (r.dueSoon ? ` (${w.dueSoon})` : '');
}

/** The counts of a derivation, in one sentence. */
export function planCounts(d: Derivation, lang: Lang): string {
  const n = (x: number) => formatNumber(x, lang);
  const counted = d.tasks.filter((t) => t.counted);
  return LOCALES[lang].plan.counts({
    due: n(counted.length),
    done: n(counted.filter((t) => t.done).length),
    onTime: n(counted.filter((t) => t.onTime).length),
    late: n(counted.filter((t) => t.outcome === 'late').length),
    undated: counted.some((t) => t.outcome === 'doneUndated') ? n(counted.filter((t) => t.outcome === 'doneUndated').length) : null,
    open: n(counted.filter((t) => !t.done).length),
    dueSoon: n(d.tasks.filter((t) => t.dueSoon).length),
    notCounted: n(d.tasks.length - counted.length),
  });
}

/** The derived inputs as rows: criterion, input, value, what it is, how many tasks. */
function derivedRows(d: Derivation, plan: Plan, lang: Lang): Row[] {
  const w = LOCALES[lang].plan;
  return d.inputs.map((x) => {
    const value =
      x.value === null
        ? w.none
        : typeof x.value === 'boolean'
          ? LOCALES[lang].words[x.value ? 'yes' : 'no']
          : /^\d{4}-/.test(String(x.value))
            ? formatDate(String(x.value), lang)
            : formatNumber(x.value, lang);
    const scope = plan.serves?.inputs[x.mapping]?.task ?? (x.fields ? x.fields.join(', ') : '');
    return { cells: [x.criterion, x.input, value, w.derive[x.derive] + (scope ? ` (${scope})` : ''), formatNumber(x.tasks.length, lang)] };
  });
}

/** `plan status`: every task's outcome as of the date, the counts, and the inputs derived. */
export function planStatusDocument(plan: Plan, d: Derivation, lang: Lang): Doc {
  const w = LOCALES[lang].plan;
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const window = `${formatDate(d.window.from, lang)} – ${formatDate(d.window.to, lang)}`;
  const doc: Doc = [
    { kind: 'title', text: w.statusTitle(plan.title, formatDate(d.window.asOf, lang)) },
    { kind: 'kv', rows: [...identityRows(plan, lang), [w.labels.window, window], [w.labels.asOf, formatDate(d.window.asOf, lang)]] },
    { kind: 'para', text: planCounts(d, lang) },
  ];
  for (const f of plan.fields) {
    const rows = d.tasks.filter((r) => r.field === f.id);
    if (rows.length === 0) continue;
    doc.push({ kind: 'heading', text: f.title });
    doc.push({
      kind: 'table',
      columns: [
        { label: w.labels.task },
        { label: w.labels.content, width: 48 },
        { label: w.labels.lead, width: 20 },
        { label: w.labels.dueOn },
        { label: w.labels.status, width: 24 },
        { label: w.labels.proof, width: 34 },
      ],
      rows: rows.map((r) => {
        const t = byId.get(r.task)!;
        return { cells: [r.task, t.content, omitted(t.lead, w.none), r.due ? formatDate(r.due, lang) : deadlineText(t, lang), outcomeText(r, lang), productText(r.product, lang)] };
      }),
    });
  }
  if (d.inputs.length > 0) {
    doc.push({ kind: 'heading', text: w.labels.serves });
    doc.push({
      kind: 'table',
      columns: [
        { label: LOCALES[lang].words.criterion },
        { label: w.labels.input },
        { label: w.labels.value, align: 'right' },
        { label: w.labels.derivedAs, width: 50 },
        { label: w.labels.tasks, align: 'right' },
      ],
      rows: derivedRows(d, plan, lang),
    });
  }
  return doc;
}

/** A task in a list: "PL02.1 — hạn 31/12/2026 — quá hạn, chưa hoàn thành — sản phẩm". */
function taskLine(r: TaskStatusRow, t: Task | undefined, lang: Lang): string {
  const w = LOCALES[lang].plan;
  const due = r.due ? `${w.labels.dueOn} ${formatDate(r.due, lang)}` : '';
  return [`${r.task}${t ? `. ${t.content}` : ''}`, due, outcomeText(r, lang), r.done || r.product ? productText(r.product, lang) : ''].filter(Boolean).join(' — ');
}

/** Up to this many tasks, advice names each with the start of its content; beyond, by id only. */
const ADVICE_WITH_CONTENT = 8;
const shortContent = (t: Task | undefined) => (!t ? '' : t.content.length > 80 ? `${t.content.slice(0, 80)}…` : t.content);

/** The advice of one leaf turned into tasks: "Hoàn thành 3 nhiệm vụ sau để đạt 90%: …". */
function adviceLines(leaf: NodeResult, d: Derivation, plan: Plan, ex: Explainer): string[] {
  const w = LOCALES[ex.lang].plan;
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const out: string[] = [];
  for (const im of leaf.trace?.improve ?? []) {
    if (im.kind !== 'raiseRatio') continue;
    const pick = advicePicks(d, im.numerator, im.delta);
    if (!pick) continue;
    const target = ex.say.n(im.target);
    const above = im.above === true;
    if (!pick.feasible) out.push(w.adviceShort(ex.say.n(pick.needed), ex.say.n(pick.tasks.length), target, above));
    else
      out.push(
        w.advice(
          ex.say.n(pick.needed),
          target,
          above,
          ex.say.pts(im.pointsAfter),
          pick.tasks.map((id) => (pick.tasks.length <= ADVICE_WITH_CONTENT ? `${id} (${shortContent(byId.get(id))})` : id)).join('; '),
        ),
      );
  }
  return out;
}

/**
 * The plan section under one criterion of an explanation: for each input derived from the plan, its
 * value and every task behind it (counted, done, late or not due, with its product), then which tasks
 * would win the next points. Empty for a criterion the plan does not serve.
 */
export function planExplainBlocks(leaf: NodeResult, d: Derivation, plan: Plan, ex: Explainer): Block[] {
  const mine = d.inputs.filter((x) => x.criterion === leaf.code);
  if (mine.length === 0) return [];
  const w = LOCALES[ex.lang].plan;
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const blocks: Block[] = [{ kind: 'para', text: `${w.explainHeading(plan.title)}:` }];
  const counts = mine.some((x) => x.derive === 'tasksDue' || x.derive === 'tasksDone' || x.derive === 'tasksOnTime');
  if (counts) blocks.push({ kind: 'para', text: planCounts(d, ex.lang) });
  const rows = derivedRows(d, plan, ex.lang).filter((_, i) => d.inputs[i]!.criterion === leaf.code);
  blocks.push({ kind: 'list', items: rows.map((r) => w.derived(String(r.cells[0]), ex.say.input(String(r.cells[1])).label, String(r.cells[2]), String(r.cells[3]), '')) });
  const shown = new Set(mine.flatMap((x) => (x.derive === 'tasksDue' || x.derive === 'taskDate' || x.derive === 'taskDone' || x.derive === 'taskOnTime' ? x.tasks : [])));
  const scoped = counts ? d.tasks.filter((r) => r.counted || r.dueSoon) : d.tasks.filter((r) => shown.has(r.task));
  blocks.push({ kind: 'list', items: scoped.map((r) => taskLine(r, byId.get(r.task), ex.lang)) });
  const advice = adviceLines(leaf, d, plan, ex);
  if (advice.length) blocks.push({ kind: 'list', items: advice });
  return blocks;
}

/** One target of the plan: the criterion's result, met or not, and by how much it falls short. */
function targetRow(n: NodeResult, section: string, task: string | undefined, ex: Explainer): Row {
  const w = LOCALES[ex.lang].plan;
  const met = n.points === n.applicableMax && n.status !== 'missingEvidence';
  const reached = (n.trace?.steps ?? []).map((s) => ex.step(s, n.code)).filter((x): x is string => x !== null)[0] ?? '';
  const first = n.trace?.improve[0];
  const short = !met && first ? ex.improvement(first, n.code) : '';
  return { cells: [n.code, ex.pick(n.title, n.titleEn), `${section}${task ? ` (${task})` : ''}`, reached, met ? w.targetMet : w.targetNotMet, short] };
}

/** `plan targets`: every target of the plan, met or not, and what is still missing, in one table. */
export function planTargetsDocument(plan: Plan, targets: TargetLinks, result: ScoreResult, ex: Explainer): Doc {
  const w = LOCALES[ex.lang].plan;
  const index = new Map<string, NodeResult>();
  const walk = (n: NodeResult) => {
    index.set(n.code, n);
    for (const c of n.children ?? []) walk(c);
  };
  for (const f of result.fields) walk(f);
  const rows = targets.links.flatMap((l) => {
    const n = index.get(l.criterion);
    return n ? [targetRow(n, l.section, l.task, ex)] : [];
  });
  return [
    { kind: 'title', text: w.targetsTitle(plan.title) },
    {
      kind: 'kv',
      rows: [
        [w.labels.unit, result.unit.name],
        [LOCALES[ex.lang].words.criteriaSet, result.provenance.criteriaSet.ref],
      ],
    },
    {
      kind: 'table',
      columns: [
        { label: LOCALES[ex.lang].words.code },
        { label: w.labels.target, width: 50 },
        { label: w.labels.section, width: 26 },
        { label: w.labels.progress, width: 36 },
        { label: w.labels.result },
        { label: w.labels.missing, width: 40 },
      ],
      rows,
    },
  ];
}
