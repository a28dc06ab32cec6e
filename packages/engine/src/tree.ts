/**
 * @internal The criteria tree of one unit, walked in either form: the full form builds every node's
 * result (groups with their children, leaves with their traces); the compact form builds each
 * criterion's record straight into ctx.records (in the order toCompact would list them), the fields'
 * summaries and the blocks' sums, and no node result at all. The same functions walk both forms, so
 * the points cannot differ.
 */
import { type Decimal, addDec, cmpDec, decText, diag } from './deps.js';
import type { CompiledNode } from './compile.js';
import { flagsKept, keepExact, keptRecord, NO_FLAGS, pointsText, round, ZERO, type Ctx, type Exact } from './score-context.js';
import { NONE, scoreLeaf } from './leaf.js';
import type { BlockResult, CriterionRecord, FlagCode, NodeResult, NodeStatus, Step } from './result.js';
import { fieldSummary, type BlockSummary, type FieldSummary } from './summary.js';

/**
 * A group's own part once its children are summed: within its cap (or maximum) and floor, the field
 * rounding at depth 1, the unit's claim. Its figures and status are left in ctx.last; `steps` is null
 * in the compact form, which shows none. `applicable` null: every child counted in full.
 */
function closeGroup(ctx: Ctx, node: CompiledNode, sum: Decimal, applicable: Decimal, status: NodeStatus, steps: Step[] | null): FlagCode[] | null {
  let points = sum;
  const ceiling = node.cap ?? node.max;
  let applicableMax = applicable;
  if (cmpDec(applicableMax, ceiling) > 0) applicableMax = ceiling;
  if (cmpDec(points, ceiling) > 0) {
    steps?.push({ kind: 'clamp', from: decText(points), to: decText(ceiling), bound: node.cap ? 'cap' : 'max' });
    points = ceiling;
  } else if (cmpDec(points, node.floor) < 0) {
    steps?.push({ kind: 'clamp', from: decText(points), to: decText(node.floor), bound: 'floor' });
    points = node.floor;
  }
  if (node.depth === 1) points = round(points, ctx.compiled.rounding.get('field'), 'field', steps);
  const claim = ctx.prepared.claims[node.index];
  // The group's flags: none but this one, which few units have (null: none).
  let flags: FlagCode[] | null = null;
  if (claim && !claim.value.eq(points)) {
    flags = ['claimMismatch'];
    ctx.flags.push({ code: 'claimMismatch', criterion: node.code });
    ctx.diagnostics.push(diag('SCORE_CLAIM_ON_PARENT', `/entries/${claim.entry}/claimedPoints`, { code: node.code, claimed: decText(claim.value), computed: decText(points) }));
  }
  if (claim) ctx.prepared.used[claim.entry] = true;
  keepExact(ctx, ctx.last, points, applicableMax).status = status;
  return flags;
}

/**
 * A group: in the full form its result with its children's; in the compact form its record, whose place
 * in ctx.records is taken before its children's and filled after them.
 */
function scoreGroup(ctx: Ctx, node: CompiledNode): NodeResult | CriterionRecord {
  const records = ctx.records;
  const at = records === null ? -1 : ctx.recorded++;
  // Of the exact length (pushing into [] reserves 17 places).
  const children: NodeResult[] | null = records === null ? new Array<NodeResult>(node.children.length) : null;
  let points = ZERO;
  let applicableMax = ZERO;
  let status: NodeStatus = 'notApplicable';
  for (let i = 0; i < node.children.length; i++) {
    const c = node.children[i]!;
    const child = c.isLeaf ? scoreLeaf(ctx, c) : scoreGroup(ctx, c);
    // With the trace on (the full form), a node's result is its NodeResult.
    if (children !== null) children[i] = child as NodeResult;
    points = addDec(points, ctx.last.points);
    applicableMax = addDec(applicableMax, ctx.last.applicableMax);
    if (ctx.last.status !== 'notApplicable') status = 'scored';
  }
  if (records !== null) {
    const flags = closeGroup(ctx, node, points, applicableMax, status, null);
    return (records[at] = keptRecord(node, status, ctx.last.points, ctx.last.applicableMax, flagsKept(ctx, flags)));
  }
  // The group's steps (nearly always none) go to the end of the unit's list of steps, and are taken from there: no list per group.
  const all = ctx.reading.steps;
  const from = all.length;
  const flags = closeGroup(ctx, node, points, applicableMax, status, all);
  const steps = all.length > from ? all.splice(from) : null;
  return ctx.compiled.advice!.groupResult(node, pointsText(node, ctx.last.applicableMax), pointsText(node, ctx.last.points), status, flags ?? NO_FLAGS, steps, children!);
}

/**
 * A top-level field: its result (full form) or its summary, as toCompact makes it of the full field
 * (compact form). A field that is itself a leaf gets the field rounding too, and keeps its part.
 */
function scoreField(ctx: Ctx, f: CompiledNode): NodeResult | FieldSummary {
  const r = f.isLeaf ? scoreLeaf(ctx, f) : scoreGroup(ctx, f);
  // The full form's leaf result (its trace is there to hold the rounding step).
  const full = ctx.records === null ? (r as NodeResult) : null;
  const rounding = f.isLeaf ? ctx.compiled.rounding.get('field') : undefined;
  if (full && f.isLeaf && f.node.part !== undefined) full.part = f.node.part;
  if (rounding) {
    const points = round(ctx.last.points, rounding, 'field', full && full.trace!.steps);
    r.points = decText(points);
    keepExact(ctx, r, points, ctx.last.applicableMax);
  }
  return full ?? fieldSummary(f.node, f.maxText, r);
}

/**
 * @internal A block's points: Decimal.max(ZERO, Decimal.min(raw, max)) without the lists those take
 * (the same object: the maximum when raw is not below it, the later of equal values as min gives it
 * unless raw is negative; then zero unless that is above zero).
 */
export function blockPoints(raw: Decimal, max: Decimal): Decimal {
  const k = cmpDec(raw, max);
  const within = k > 0 || (k === 0 && !raw.isNeg()) ? max : raw;
  return cmpDec(within, ZERO) > 0 ? within : ZERO;
}

/** The bonus or penalty block: its result with its items' (full form), or its summary, its items' records in ctx.records (compact form). */
function scoreBlock(ctx: Ctx, key: 'bonus' | 'penalty'): BlockResult | BlockSummary | undefined {
  const block = ctx.compiled.set[key];
  if (!block) return undefined;
  const leaves = ctx.compiled[key];
  const items: NodeResult[] | null = ctx.records === null ? new Array<NodeResult>(leaves.length) : null;
  let raw = ZERO;
  for (let i = 0; i < leaves.length; i++) {
    const item = scoreLeaf(ctx, leaves[i]!) as NodeResult;
    // A penalty item's points are taken off: nothing should advise a unit to earn more of them.
    if (key === 'penalty' && item.trace) item.trace.improve = NONE;
    if (items !== null) items[i] = item;
    raw = addDec(raw, ctx.last.points);
  }
  const max = key === 'bonus' ? ctx.compiled.bonusMax! : ctx.compiled.penaltyMax!;
  const points = blockPoints(raw, max);
  const summary = { max: decText(max), raw: decText(raw), points: decText(points), capped: raw.gt(max) };
  if (items === null) return keepExact(ctx, summary, points, ZERO);
  const r = { title: block.title } as BlockResult;
  if (block.titleEn !== undefined) r.titleEn = block.titleEn;
  return keepExact(ctx, Object.assign(r, summary, { items }), points, ZERO);
}

/** The tree of one unit: its fields (results or summaries), their exact figures, and the blocks. */
export interface Tree<F, B> {
  fields: F[];
  fieldExact: Exact[];
  bonus: B | undefined;
  bonusPts: Decimal;
  penalty: B | undefined;
  penaltyPts: Decimal;
}

/**
 * The tree of one unit: in the full form (ctx.records null) the fields' and blocks' results, in the
 * compact form their summaries, every criterion's record in ctx.records.
 */
export function scoreTree(ctx: Ctx): Tree<NodeResult | FieldSummary, BlockResult | BlockSummary> {
  const fields: Array<NodeResult | FieldSummary> = [];
  const fieldExact: Exact[] = [];
  for (const f of ctx.compiled.fields) {
    fields.push(scoreField(ctx, f));
    fieldExact.push({ points: ctx.last.points, applicableMax: ctx.last.applicableMax });
  }
  const bonus = scoreBlock(ctx, 'bonus');
  const bonusPts = bonus ? ctx.last.points : ZERO;
  const penalty = scoreBlock(ctx, 'penalty');
  const penaltyPts = penalty ? ctx.last.points : ZERO;
  return { fields, fieldExact, bonus, bonusPts, penalty, penaltyPts };
}
