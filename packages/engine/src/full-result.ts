/**
 * @internal The full form's own objects: a leaf's result with its trace (inputs, documents, steps, claim),
 * a group's result, and the advice once an appraiser overrode the points. The compact form makes none
 * of them; only @parindex/engine/advice (ADVICE) imports this module, so the dashboard entry, whose sets
 * score in the compact form until the advice is attached, does not carry it. The walk that decides the
 * points (leaf.ts, tree.ts) is the same in both forms; this module only builds what the full form shows.
 */
import { Decimal, cmpDec, decText, type DocumentReq, type Improvement } from './deps.js';
import type { CompiledInput, CompiledNode } from './compile.js';
import { NONE, type LeafRun } from './leaf.js';
import { NO_FLAGS, pointsText, type Ctx } from './score-context.js';
import type { FlagCode, NodeResult, NodeStatus, Step, Trace, TraceDocument, TraceInput } from './result.js';
import type { DocRec, ValueRec } from './values.js';

/**
 * The inputs as the trace shows them, in a list of the exact length (pushing into [] reserves 17
 * places); one or two (most leaves) as a literal, which map() and its callback cost more than.
 */
function traceInputs(ctx: Ctx, r: LeafRun, ids: readonly string[]): TraceInput[] {
  const values = ctx.prepared.values;
  // Nearly always the leaf's own inputs, whose compiled forms its plan holds.
  if (ids === r.plan.ownShown) {
    const own = r.plan.ownShownInputs;
    if (own.length === 1) return [traceInput(own[0]!, values[own[0]!.slot])];
    if (own.length === 2) return [traceInput(own[0]!, values[own[0]!.slot]), traceInput(own[1]!, values[own[1]!.slot])];
    return own.map((input) => traceInput(input, values[input.slot]));
  }
  return ids.map((id) => {
    const input = ctx.compiled.inputs.get(id)!;
    return traceInput(input, values[input.slot]);
  });
}

/**
 * One input as the trace shows it. Keys in this order (the JSON of a result is byte-stable); the
 * usual shapes are written as one literal each (one allocation, no property added one by one).
 */
function traceInput(input: CompiledInput, rec: ValueRec | undefined): TraceInput {
  const value = rec ? rec.display : null;
  const entry = rec && rec.entry >= 0 ? rec.entry : null;
  const { id, label, labelEn, type, unit, unitEn } = input.shown;
  let t: TraceInput;
  if (labelEn !== undefined && unit !== undefined && unitEn !== undefined) t = { id, label, labelEn, type, unit, unitEn, value, entry };
  else if (labelEn !== undefined && unit === undefined && unitEn === undefined) t = { id, label, labelEn, type, value, entry };
  else {
    t = { id, label } as TraceInput;
    if (labelEn !== undefined) t.labelEn = labelEn;
    t.type = type;
    if (unit !== undefined) t.unit = unit;
    if (unitEn !== undefined) t.unitEn = unitEn;
    t.value = value;
    t.entry = entry;
  }
  if (rec?.corrected) t.corrected = rec.corrected;
  return t;
}

function traceDocuments(ctx: Ctx, node: CompiledNode): TraceDocument[] {
  if (node.documents.length === 0) return NONE;
  const given = ctx.prepared.docs[node.index];
  const any = node.plan!.anyDocProves;
  return node.documents.map((req) => traceDocument(req, given ? provedBy(given, req.id, any) : NONE));
}

/** The complete documents of `given` that prove requirement `id`, in a list of their own exact length (nearly always 0 or 1). */
function provedBy(given: readonly DocRec[], id: string, any: boolean): TraceDocument['by'] {
  let first: TraceDocument['by'][number] | undefined;
  let more: TraceDocument['by'] | undefined;
  for (let i = 0; i < given.length; i++) {
    const d = given[i]!;
    if (d.complete && (d.for === id || d.matched === id || (d.for === undefined && any))) {
      if (first === undefined) first = d.ref;
      else (more ??= [first]).push(d.ref);
    }
  }
  return more ?? (first === undefined ? NONE : [first]);
}

/** A required document as the trace shows it; keys in this order, the usual shapes one literal each. */
function traceDocument(req: DocumentReq, by: TraceDocument['by']): TraceDocument {
  const { id, kind, kindEn, label, labelEn } = req;
  const required = req.required !== false;
  const provided = by.length > 0;
  if (kindEn !== undefined && labelEn !== undefined) return { id, kind, kindEn, label, labelEn, required, provided, by };
  if (kindEn === undefined && labelEn === undefined) return { id, kind, label, required, provided, by };
  const t = { id, kind } as TraceDocument;
  if (kindEn !== undefined) t.kindEn = kindEn;
  t.label = label;
  if (labelEn !== undefined) t.labelEn = labelEn;
  t.required = required;
  t.provided = provided;
  t.by = by;
  return t;
}

/** The inputs a leaf's trace shows: its own declared ones, then those it read (first reads first, declared inputs only). */
function shownIds(ctx: Ctx, own: readonly string[], r: LeafRun): readonly string[] {
  let ids: string[] | null = null;
  for (let i = r.readFrom; i < r.readIds.length; i++) {
    const id = r.readIds[i]!;
    if (own.includes(id) || ids?.includes(id) || !ctx.compiled.inputs.has(id)) continue;
    (ids ??= own.slice()).push(id);
  }
  return ids ?? own;
}

/** The leaf's trace, keys in this order (the JSON of a result is byte-stable); the usual shapes one literal each. */
function traceOf(r: LeafRun, improve: Improvement[]): Trace {
  const { ctx, node, claim } = r;
  const { ruleType: rule, notes } = r.plan;
  const steps = stepsOf(r.steps!, r.stepsFrom);
  const inputs = traceInputs(ctx, r, shownIds(ctx, r.plan.ownShown, r));
  const documents = traceDocuments(ctx, node);
  const explanation = ctx.prepared.explanations[node.index]?.text;
  if (claim === undefined && explanation === undefined) {
    if (notes === null) return { rule, inputs, documents, steps, improve };
    return { rule, inputs, documents, steps, improve, notes: notes as string[] };
  }
  const trace: Trace = { rule, inputs, documents, steps, improve };
  if (claim !== undefined) trace.claim = claim;
  if (explanation !== undefined) trace.explanation = explanation;
  if (notes !== null) trace.notes = notes as string[];
  return trace;
}

/**
 * The leaf's steps (those of the unit's list from `from` on) in a list of their own, of the exact
 * length: one to three (nearly every leaf) as a literal, which slice() of the unit's long list costs
 * several times more than. Never a shared list: a field's rounding adds its step to it.
 */
function stepsOf(all: readonly Step[], from: number): Step[] {
  switch (all.length - from) {
    case 1:
      return [all[from]!];
    case 2:
      return [all[from]!, all[from + 1]!];
    case 3:
      return [all[from]!, all[from + 1]!, all[from + 2]!];
    default:
      return all.slice(from);
  }
}

/**
 * A leaf's result with its trace, and its source before it when the set cites one. Keys in this order
 * (the JSON of a result is byte-stable); each shape is one literal (one allocation, no property added
 * one by one).
 */
function leafRecord(node: CompiledNode, points: Decimal, applicableMax: Decimal, status: NodeResult['status'], flags: FlagCode[], trace: Trace): NodeResult {
  const { code, maxText: nominalMax, sourceRef: source } = node;
  const { title, titleEn } = node.node;
  const kind = 'leaf';
  // Nearly always the maximum itself (a leaf that applies, or scored in full): its text without a comparison.
  const applicable = applicableMax === node.max ? node.maxText : pointsText(node, applicableMax);
  const pts = points === node.max ? node.maxText : pointsText(node, points);
  if (source === null) {
    if (titleEn === undefined) return { code, title, kind, nominalMax, applicableMax: applicable, points: pts, status, flags, trace };
    return { code, title, titleEn, kind, nominalMax, applicableMax: applicable, points: pts, status, flags, trace };
  }
  if (titleEn === undefined) return { code, title, kind, nominalMax, applicableMax: applicable, points: pts, status, flags, source, trace };
  return { code, title, titleEn, kind, nominalMax, applicableMax: applicable, points: pts, status, flags, source, trace };
}

/**
 * The appraiser's points decide an overridden criterion: what the evidence would have gained is
 * measured from them, a change that would not give more is not advised, and at the maximum nothing is.
 */
export function adviceAfterOverride(advice: readonly Improvement[], points: Decimal, max: Decimal): Improvement[] {
  if (cmpDec(points, max) >= 0) return [];
  const out: Improvement[] = [];
  for (const im of advice) {
    if (!('pointsAfter' in im) || im.pointsAfter === null) out.push(im);
    else {
      const after = new Decimal(im.pointsAfter);
      if (cmpDec(after, points) > 0) out.push({ ...im, gain: decText(after.minus(points)) });
    }
  }
  return out;
}

/**
 * A group's result. Keys in this order (the JSON of a result is byte-stable); the usual shapes are one
 * literal each (an object grown key by key takes a second allocation for its keys).
 */
export function groupResult(node: CompiledNode, applicableMax: string, points: string, status: NodeStatus, flags: FlagCode[], steps: Step[] | null, children: NodeResult[]): NodeResult {
  const { code, maxText: nominalMax } = node;
  const { title, titleEn, part } = node.node;
  const kind = 'group';
  if (titleEn !== undefined && steps === null) {
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
  if (steps !== null) r.steps = steps;
  r.children = children;
  return r;
}

/** A leaf's full result: its trace (with the advice so far, `improve`) and its figures. */
export function leafResult(r: LeafRun, improve: Improvement[], points: Decimal, applicableMax: Decimal, status: NodeResult['status']): NodeResult {
  return leafRecord(r.node, points, applicableMax, status, r.flags ?? NO_FLAGS, traceOf(r, improve));
}
