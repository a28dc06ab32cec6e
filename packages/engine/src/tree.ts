/**
 * @internal The criteria tree of one unit, walked in either form: the full form builds every node's
 * result (groups with their children, leaves with their traces); the compact form builds each
 * criterion's record straight into ctx.records (in the order toCompact would list them), the fields'
 * summaries and the blocks' sums, and no node result at all. Both walks decide with the same functions
 * (scoreLeaf, closeGroup, blockSums), so the points cannot differ.
 */
import { Decimal, addDec, cmpDec, decText, diag } from './deps.js';
import type { CompiledNode } from './compile.js';
import { pointsText, scoreLeaf } from './leaf.js';
import { flagsKept, keepExact, keepFigures, round, ZERO, type Ctx, type Exact } from './score-context.js';
import type { BlockResult, CriterionRecord, FlagCode, NodeResult, NodeStatus, Step } from './result.js';
import type { BlockSummary, FieldSummary } from './summary.js';

/**
 * The sum of a group's children's applicable maxima so far, given the one of child i just scored:
 * null while every child has its own full one (the sum is then the compiled fullPrefix, added once).
 */
function applicableSum(node: CompiledNode, i: number, sum: Decimal | null, child: Decimal): Decimal | null {
  if (sum !== null) return addDec(sum, child);
  return child === node.children[i]!.fullApplicable ? null : addDec(node.fullPrefix[i]!, child);
}

/**
 * A group's own part once its children are summed: within its cap (or maximum) and floor, the field
 * rounding at depth 1, the unit's claim. Its figures and status are left in ctx.last; `steps` is null
 * in the compact form, which shows none. `applicable` null: every child counted in full.
 */
function closeGroup(ctx: Ctx, node: CompiledNode, sum: Decimal, applicable: Decimal | null, status: NodeStatus, steps: Step[] | null, flags: FlagCode[]): void {
  let points = sum;
  const ceiling = node.cap ?? node.max;
  let applicableMax = applicable ?? node.fullApplicable;
  if (applicable !== null && cmpDec(applicableMax, ceiling) > 0) applicableMax = ceiling;
  if (cmpDec(points, ceiling) > 0) {
    steps?.push({ kind: 'clamp', from: decText(points), to: decText(ceiling), bound: node.cap ? 'cap' : 'max' });
    points = ceiling;
  } else if (cmpDec(points, node.floor) < 0) {
    steps?.push({ kind: 'clamp', from: decText(points), to: decText(node.floor), bound: 'floor' });
    points = node.floor;
  }
  if (node.depth === 1) points = round(points, ctx.compiled.rounding.get('field'), 'field', steps);
  const claim = ctx.prepared.claims.get(node.code);
  if (claim && !claim.value.eq(points)) {
    flags.push('claimMismatch');
    ctx.flags.push({ code: 'claimMismatch', criterion: node.code });
    ctx.diagnostics.push(diag('SCORE_CLAIM_ON_PARENT', `/entries/${claim.entry}/claimedPoints`, { code: node.code, claimed: decText(claim.value), computed: decText(points) }));
  }
  if (claim) ctx.prepared.used[claim.entry] = true;
  keepFigures(ctx, points, applicableMax, status);
}

/** The full form's group: its children's results, then its own (closeGroup). */
function scoreGroup(ctx: Ctx, node: CompiledNode): NodeResult {
  const children: NodeResult[] = [];
  let points = ZERO;
  let applicableMax: Decimal | null = null;
  let status: NodeStatus = 'notApplicable';
  for (let i = 0; i < node.children.length; i++) {
    const c = node.children[i]!;
    // With the trace on (the full form), a leaf's result is its NodeResult.
    children.push(c.isLeaf ? (scoreLeaf(ctx, c) as NodeResult) : scoreGroup(ctx, c));
    points = addDec(points, ctx.last.points);
    applicableMax = applicableSum(node, i, applicableMax, ctx.last.applicableMax);
    if (ctx.last.status !== 'notApplicable') status = 'scored';
  }
  const steps: Step[] = [];
  const flags: FlagCode[] = [];
  closeGroup(ctx, node, points, applicableMax, status, steps, flags);
  return groupResult(node, pointsText(node, ctx.last.applicableMax), pointsText(node, ctx.last.points), status, flags, steps, children);
}

/**
 * A group's result. Keys in this order (the JSON of a result is byte-stable); the usual shapes are one
 * literal each (an object grown key by key takes a second allocation for its keys).
 */
function groupResult(node: CompiledNode, applicableMax: string, points: string, status: NodeStatus, flags: FlagCode[], steps: Step[], children: NodeResult[]): NodeResult {
  const { code, maxText: nominalMax } = node;
  const { title, titleEn, part } = node.node;
  const kind = 'group';
  if (titleEn !== undefined && steps.length === 0) {
    if (part === undefined) return { code, title, titleEn, kind, nominalMax, applicableMax, points, status, flags, children };
    return { code, title, titleEn, kind, nominalMax, applicableMax, points, status, flags, part, children };
  }
  const r = { code, title } as NodeResult;
  if (titleEn !== undefined) r.titleEn = titleEn;
  r.kind = kind;
  r.nominalMax = nominalMax;
  r.applicableMax = applicableMax;
  r.points = points;
  r.status = status;
  r.flags = flags;
  if (part !== undefined) r.part = part;
  if (steps.length) r.steps = steps;
  r.children = children;
  return r;
}

/** Taken by a group's record until its children are scored (theirs come after it). */
const PENDING: CriterionRecord = Object.freeze({ code: '', status: 'scored', points: '0', applicableMax: '0', flags: [] });

/** The compact form's group: its place in ctx.records, its children's records after it, then its own record. */
function recordGroup(ctx: Ctx, node: CompiledNode): CriterionRecord {
  const records = ctx.records!;
  const at = records.push(PENDING) - 1;
  let points = ZERO;
  let applicableMax: Decimal | null = null;
  let status: NodeStatus = 'notApplicable';
  for (let i = 0; i < node.children.length; i++) {
    const c = node.children[i]!;
    if (c.isLeaf) scoreLeaf(ctx, c);
    else recordGroup(ctx, c);
    points = addDec(points, ctx.last.points);
    applicableMax = applicableSum(node, i, applicableMax, ctx.last.applicableMax);
    if (ctx.last.status !== 'notApplicable') status = 'scored';
  }
  const flags: FlagCode[] = [];
  closeGroup(ctx, node, points, applicableMax, status, null, flags);
  const record = { code: node.code, status, points: pointsText(node, ctx.last.points), applicableMax: pointsText(node, ctx.last.applicableMax), flags: flagsKept(ctx, flags) };
  records[at] = record;
  return record;
}

/** A top-level field in the full form; a field that is itself a leaf gets the field rounding too. */
function scoreField(ctx: Ctx, f: CompiledNode): NodeResult {
  if (!f.isLeaf) return scoreGroup(ctx, f);
  const r = scoreLeaf(ctx, f) as NodeResult;
  // A field that is itself a leaf keeps its part, as a group does.
  if (f.node.part !== undefined) r.part = f.node.part;
  const rounding = ctx.compiled.rounding.get('field');
  if (!rounding) return r;
  const points = round(ctx.last.points, rounding, 'field', r.trace!.steps);
  r.points = decText(points);
  return keepExact(ctx, r, points, ctx.last.applicableMax);
}

/** A top-level field in the compact form: its records, and its summary (as toCompact makes it of the full field). */
function recordField(ctx: Ctx, f: CompiledNode): FieldSummary {
  const record = f.isLeaf ? scoreLeaf(ctx, f) : recordGroup(ctx, f);
  const rounding = f.isLeaf ? ctx.compiled.rounding.get('field') : undefined;
  if (rounding) {
    const points = round(ctx.last.points, rounding, 'field', null);
    record.points = decText(points);
    keepExact(ctx, record, points, ctx.last.applicableMax);
  }
  const n = f.node;
  const s = { code: f.code, title: n.title } as FieldSummary;
  if (n.titleEn !== undefined) s.titleEn = n.titleEn;
  s.nominalMax = f.maxText;
  s.applicableMax = record.applicableMax;
  s.points = record.points;
  s.status = record.status;
  return s;
}

/** The items of the bonus or penalty block scored (their results kept in `items` in the full form), and the block's points. */
function blockSums(ctx: Ctx, key: 'bonus' | 'penalty', items: NodeResult[] | null): { max: Decimal; raw: Decimal; points: Decimal } {
  let raw = ZERO;
  for (const c of ctx.compiled[key]) {
    const item = scoreLeaf(ctx, c);
    if (items !== null) {
      const full = item as NodeResult;
      // A penalty item's points are taken off: nothing should advise a unit to earn more of them.
      if (key === 'penalty' && full.trace) full.trace.improve = [];
      items.push(full);
    }
    raw = addDec(raw, ctx.last.points);
  }
  const max = key === 'bonus' ? ctx.compiled.bonusMax! : ctx.compiled.penaltyMax!;
  return { max, raw, points: Decimal.max(ZERO, Decimal.min(raw, max)) };
}

function scoreBlock(ctx: Ctx, key: 'bonus' | 'penalty'): BlockResult | undefined {
  const block = ctx.compiled.set[key];
  if (!block) return undefined;
  const items: NodeResult[] = [];
  const { max, raw, points } = blockSums(ctx, key, items);
  const r = { title: block.title } as BlockResult;
  if (block.titleEn !== undefined) r.titleEn = block.titleEn;
  r.max = decText(max);
  r.raw = decText(raw);
  r.points = decText(points);
  r.capped = raw.gt(max);
  r.items = items;
  return keepExact(ctx, r, points, ZERO);
}

/** The block in the compact form: its items' records in ctx.records, and its summary. */
function recordBlock(ctx: Ctx, key: 'bonus' | 'penalty'): BlockSummary | undefined {
  if (!ctx.compiled.set[key]) return undefined;
  const { max, raw, points } = blockSums(ctx, key, null);
  return keepExact(ctx, { max: decText(max), raw: decText(raw), points: decText(points), capped: raw.gt(max) }, points, ZERO);
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

function walk<F, B>(ctx: Ctx, field: (ctx: Ctx, f: CompiledNode) => F, block: (ctx: Ctx, key: 'bonus' | 'penalty') => B | undefined): Tree<F, B> {
  const fields: F[] = [];
  const fieldExact: Exact[] = [];
  for (const f of ctx.compiled.fields) {
    fields.push(field(ctx, f));
    fieldExact.push({ points: ctx.last.points, applicableMax: ctx.last.applicableMax });
  }
  const bonus = block(ctx, 'bonus');
  const bonusPts = bonus ? ctx.last.points : ZERO;
  const penalty = block(ctx, 'penalty');
  const penaltyPts = penalty ? ctx.last.points : ZERO;
  return { fields, fieldExact, bonus, bonusPts, penalty, penaltyPts };
}

/** The full form's tree: every node's result. */
export const scoreTree = (ctx: Ctx): Tree<NodeResult, BlockResult> => walk(ctx, scoreField, scoreBlock);

/** The compact form's tree: the records in ctx.records, the fields' and blocks' summaries. */
export const recordTree = (ctx: Ctx): Tree<FieldSummary, BlockSummary> => walk(ctx, recordField, recordBlock);
