/**
 * @internal Scoring one leaf, in stages: applicability, missing inputs, the rule (its kind module's
 * evaluation and advice), floor and maximum, required documents, then the appraisal, criterion
 * rounding and the unit's claim. Each stage is a short function over one LeafRun.
 */
import { Decimal, LogicError, cmpDec, decText, diag, type Diagnostic, type Evaluation, type Improvement, type Reader, type Rounding, type RuleInvalid, type RuleShortage } from './deps.js';
import type { CompiledInput, CompiledNode, LeafPlan } from './compile.js';
import { addFlag, flagsKept, keepExact, keptRecord, round, roundedAs, ZERO, type Ctx } from './score-context.js';
import type { Claim, CriterionRecord, FlagCode, NodeResult, NotApplicableCause, Step } from './result.js';
import type { DocRec } from './values.js';

/**
 * One leaf being scored: what it read, its trace and flags so far. One object per unit (LeafReading),
 * made over for each leaf (leaves are scored one at a time): 66 of them per unit were garbage.
 */
export interface LeafRun {
  ctx: Ctx;
  node: CompiledNode;
  plan: LeafPlan;
  /** Made at the first flag (most leaves have none). */
  flags: FlagCode[] | null;
  /** The unit's list of steps (LeafReading): this leaf's are those from `stepsFrom` on; null in the compact form, which shows none. */
  steps: Step[] | null;
  stepsFrom: number;
  /**
   * The trace's advice so far; null in the compact form, which keeps no trace. The trace itself is made
   * by leafResult (full-result.ts) in one literal (an object grown key by key takes a second allocation for its keys).
   */
  improve: Improvement[] | null;
  /** The trace's claim, when the unit claimed points for the leaf (full form). */
  claim: Claim | undefined;
  /**
   * What the unit's leaves read, first reads first, each once per leaf as read (missingEvidence adds
   * the inputs it found short) (ctx.reading's list: one per unit);
   * this leaf's reads are those from `readFrom` on. Not emptied per leaf: `length = 0` gives the list's
   * places back, and the next read would take 17 new ones.
   */
  readIds: string[];
  readFrom: number;
  read: Reader;
  entries: readonly number[];
  /** The rounding the set declares at criterion level, if any (looked up once per unit). */
  rounding: Rounding | undefined;
}

const NO_ENTRIES: readonly number[] = [];
const NONE_ABSENT: string[] = [];
/**
 * @internal The empty lists of a full result (a leaf's advice, documents, a document's proofs), one
 * frozen list shared by every result, as NO_FLAGS is: most leaves have none of them, and a list each
 * was ~200 objects per unit. A leaf's own list is made when it has something to hold.
 */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/**
 * @internal The reader the leaves of one unit read their inputs with, and the list of what they read
 * (each leaf's reads from where they start): made once per unit (leaves are scored one at a time), not
 * once per leaf. A value read is shown by the leaf's trace, in either form (score.ts sayIfUnused reads
 * the list for that).
 */
export function leafReading(compiled: Ctx['compiled'], prepared: Ctx['prepared'], trace: boolean): LeafReading {
  const ids: string[] = [];
  const values = prepared.values;
  const inputs = compiled.inputs;
  const read: Reader = (id) => {
    // Each id once per leaf: only its first read matters (shownIds, hasRead), and an expression's advice
    // search reads its inputs again for every value it tries (up to 96 times).
    let i = run.readFrom;
    while (i < ids.length && ids[i] !== id) i++;
    if (i === ids.length) ids.push(id);
    // The compiled input of a read (its slot): among the leaf's own 1 to 4 reads first, then in the set's map.
    const reads = run.node.reads;
    let k = 0;
    while (k < reads.length && reads[k] !== id) k++;
    const rec = values[(k < reads.length ? run.plan.readInputs[k] : inputs.get(id))?.slot ?? -1];
    if (!rec) return undefined;
    if (rec.entry >= 0) prepared.used[rec.entry] = true;
    return rec.value;
  };
  const steps: Step[] = [];
  // The leaf's own fields are set by startLeaf.
  const run: LeafRun = {
    ctx: null!,
    node: null!,
    plan: null!,
    flags: null,
    steps: trace ? steps : null,
    stepsFrom: 0,
    improve: null,
    claim: undefined,
    readIds: ids,
    readFrom: 0,
    read,
    entries: NO_ENTRIES,
    rounding: compiled.rounding.get('criterion'),
  };
  return { ids, read, steps, run };
}

/** What leafReading makes: ctx.reading (a list made per leaf and grown by push took 17 places for 1 to 3 steps). */
export interface LeafReading {
  ids: string[];
  read: Reader;
  steps: Step[];
  run: LeafRun;
}

function startLeaf(ctx: Ctx, node: CompiledNode): LeafRun {
  const r = ctx.reading.run;
  r.ctx = ctx;
  r.node = node;
  r.plan = node.plan!;
  r.flags = null;
  r.stepsFrom = ctx.reading.steps.length;
  r.improve = ctx.trace ? NONE : null;
  r.claim = undefined;
  r.readFrom = r.readIds.length;
  r.entries = ctx.prepared.entriesOf[node.index] ?? NO_ENTRIES;
  return r;
}

/** Flag the leaf (once per code), and the unit. */
function flag(r: LeafRun, code: FlagCode): void {
  addFlag(r.ctx, (r.flags ??= []), code, r.node.code);
}

/** The ids of the inputs the unit gave no value for (a shared empty list when it gave them all: nearly always). */
function absentOf(ctx: Ctx, inputs: readonly CompiledInput[]): string[] {
  const values = ctx.prepared.values;
  let out: string[] | undefined;
  for (let i = 0; i < inputs.length; i++) if (values[inputs[i]!.slot] === undefined) (out ??= []).push(inputs[i]!.def.id);
  return out ?? NONE_ABSENT;
}

/** Does a complete document of `given` prove requirement `id`? */
function proves(given: readonly DocRec[], id: string, any: boolean): boolean {
  for (let i = 0; i < given.length; i++) {
    const d = given[i]!;
    if (d.complete && (d.for === id || d.matched === id || (d.for === undefined && any))) return true;
  }
  return false;
}

/** The ids of the required documents no complete document proves (what full-result.ts traceDocuments shows, without building it); null when none. */
function docsMissingOf(ctx: Ctx, node: CompiledNode): string[] | null {
  const { requiredDocs, anyDocProves } = node.plan!;
  if (requiredDocs.length === 0) return null;
  let out: string[] | null = null;
  const given = ctx.prepared.docs[node.index];
  for (let i = 0; i < requiredDocs.length; i++) {
    const id = requiredDocs[i]!;
    if (!given || !proves(given, id, anyDocProves)) (out ??= []).push(id);
  }
  return out;
}

/** Where in the evidence a criterion's diagnostic points: its first entry, or the entry list. */
function entryPath(ctx: Ctx, node: CompiledNode): string {
  const first = ctx.prepared.entriesOf[node.index]?.[0];
  return first === undefined ? '/entries' : `/entries/${first}`;
}

/** Did the leaf read input `id`? */
function hasRead(r: LeafRun, id: string): boolean {
  for (let i = r.readFrom; i < r.readIds.length; i++) if (r.readIds[i] === id) return true;
  return false;
}

/**
 * What scoring a leaf gives: its result object with its trace (a NodeResult) in the full form; its
 * criterion record, also added to ctx.records, in the compact form.
 */
type LeafOut = CriterionRecord;

/** The leaf's result object, with its trace completed; in the compact form, its criterion record. */
function finish(r: LeafRun, points: Decimal, applicableMax: Decimal, status: NodeResult['status']): LeafOut {
  const { ctx, node, improve } = r;
  ctx.last.status = status;
  if (improve === null) {
    const record = keptRecord(node, status, points, applicableMax, flagsKept(ctx, r.flags));
    ctx.records![ctx.recorded++] = record;
    return keepExact(ctx, record, points, applicableMax);
  }
  // The full form: its sets have the advice attached (score() refuses the full form without it).
  return keepExact(ctx, ctx.compiled.advice!.leafResult(r, improve, points, applicableMax, status), points, applicableMax);
}

/**
 * The end of every path: the appraisal's corrections and overrides (an override of a criterion that
 * did not apply or could not be scored makes it count, with the appraiser's points), the rounding
 * declared at criterion level, and the unit's claim.
 */
function conclude(r: LeafRun, points: Decimal, applicableMax: Decimal, status: NodeResult['status'], bounded = false): LeafOut {
  const { ctx, node, steps } = r;
  const prepared = ctx.prepared;
  if (prepared.corrections?.[node.index]) flag(r, 'corrected');
  // Each round's override is kept in the trace, in order; the last one decides.
  const overrides = prepared.overrides?.[node.index];
  const fromEvidence = points;
  if (overrides)
    for (const o of overrides) {
      bounded = false;
      steps?.push({
        kind: 'override',
        round: o.round,
        from: decText(points),
        to: decText(o.points),
        reason: o.reason,
        ...(o.by !== undefined ? { by: o.by } : {}),
        ...(o.date !== undefined ? { date: o.date } : {}),
      });
      points = o.points;
      status = 'overridden';
      applicableMax = node.max;
      flag(r, 'overridden');
    }
  if (overrides?.length && r.improve) r.improve = ctx.compiled.advice!.afterOverride(r.improve, points, node.max);
  // Points bound() has kept within the floor and maximum stay there unless rounded or overridden.
  if (r.rounding || !bounded) points = withinBounds(r, round(points, r.rounding, 'criterion', steps));
  const claim = prepared.claims[node.index];
  if (claim) {
    // The unit's claim is set against what its evidence gives, not against an appraiser's override of it.
    const against = overrides?.length ? roundedAs(fromEvidence, r.rounding) : points;
    const matches = cmpDec(claim.value, against) === 0;
    const claimed = decText(claim.value);
    const computed = against === node.max ? node.maxText : decText(against);
    if (r.improve !== null) r.claim = { claimed, computed, matches, entry: claim.entry };
    if (!matches) {
      flag(r, 'claimMismatch');
      // A claim above the criterion's maximum is no reading of the evidence at all: said so.
      const above = cmpDec(claim.value, node.max) > 0 ? { max: node.maxText } : undefined;
      ctx.diagnostics.push(diag('SCORE_CLAIM_MISMATCH', `/entries/${claim.entry}/claimedPoints`, { code: node.code, claimed, computed, ...above }));
    }
  }
  return finish(r, points, applicableMax, status);
}

/** Rounding may not lift a leaf above its maximum (1 place of 0,75 is 0,8) nor below its floor. */
function withinBounds(r: LeafRun, points: Decimal): Decimal {
  const { node, steps } = r;
  if (cmpDec(points, node.max) > 0) {
    steps?.push({ kind: 'clamp', from: decText(points), to: node.maxText, bound: 'max' });
    return node.max;
  }
  if (cmpDec(points, node.floor) < 0) {
    steps?.push({ kind: 'clamp', from: decText(points), to: decText(node.floor), bound: 'floor' });
    return node.floor;
  }
  return points;
}

/**
 * Missing evidence scores 0, or the floor when a deduction can go below 0, and a penalty item without
 * its evidence takes its whole maximum off: leaving an input blank never scores better than the worst
 * honest answer.
 */
const missingPoints = (node: CompiledNode) => (node.block === 'penalty' ? node.max : node.floor.isNeg() ? node.floor : ZERO);
const missingPolicy = (r: LeafRun) => r.plan.missingEvidence;

/** Inputs (and documents) that must be given before the leaf can be scored; `absent`: the inputs are not there at all. */
function missingEvidence(r: LeafRun, inputs: string[], documents: string[], absent = true): LeafOut {
  const { ctx, node } = r;
  for (const id of node.reads) r.read(id);
  for (const id of inputs) {
    // Shown by the trace (an input too short to score has a value: it is not "unused").
    r.readIds.push(id);
    if (absent) ctx.diagnostics.push(diag('SCORE_MISSING_INPUT', entryPath(ctx, node), { code: node.code, input: id }));
  }
  flag(r, 'missingInput');
  r.steps?.push({ kind: 'missing', inputs, documents, policy: missingPolicy(r), explanation: ctx.prepared.explanations[node.index]?.text ?? null });
  // Before any advice of the rule's (the rule was not evaluated): the leaf's first.
  if (r.improve !== null) r.improve = [{ kind: 'provide', inputs, documents, pointsAfter: null, gain: null }];
  return conclude(r, missingPoints(node), node.max, 'missingEvidence');
}

/** Too few answers: the criterion is missing evidence, scored as such (never out of the maximum). */
function shortage(r: LeafRun, s: RuleShortage): LeafOut {
  r.ctx.diagnostics.push(diag('SCORE_TOO_FEW_ANSWERS', entryPath(r.ctx, r.node), { code: r.node.code, input: s.input, answers: s.answers, minAnswers: s.minAnswers }));
  return missingEvidence(r, [s.input], docsMissingOf(r.ctx, r.node) ?? [], false);
}

/** A value that cannot be scored (no tier, an expression or condition that fails): 0 points, flagged. */
function invalid(r: LeafRun, why: RuleInvalid): LeafOut {
  r.ctx.diagnostics.push(invalidDiagnostic(why, entryPath(r.ctx, r.node), r.node.code));
  flag(r, 'invalid');
  return conclude(r, ZERO, r.node.max, 'invalid');
}

/** The warning of a value that cannot be scored: the reason's code with its params and the criterion. */
function invalidDiagnostic(why: RuleInvalid, path: string, code: string): Diagnostic {
  switch (why.code) {
    case 'SCORE_NO_TIER':
      return diag(why.code, path, { code, value: why.value }, 'warning');
    case 'SCORE_GIVEN_OUT_OF_RANGE':
      return diag(why.code, path, { code, input: why.input, value: why.value, min: why.min, max: why.max }, 'warning');
    case 'SCORE_DIVISION_BY_ZERO':
      return diag(why.code, path, { code, reason: why.reason }, 'warning');
    case 'SCORE_EXPRESSION':
      return diag(why.code, path, { code, reason: why.reason, ...(why.op !== undefined ? { op: why.op } : {}), ...(why.got !== undefined ? { got: why.got } : {}) }, 'warning');
  }
}

const logicInvalid = (e: LogicError): RuleInvalid =>
  e.reason === 'divisionByZero'
    ? { code: 'SCORE_DIVISION_BY_ZERO', reason: e.reason }
    : { code: 'SCORE_EXPRESSION', reason: e.reason, ...(e.op !== undefined ? { op: e.op } : {}), ...(e.got !== undefined ? { got: e.got } : {}) };

function notApplicable(r: LeafRun, cause: NotApplicableCause): LeafOut {
  const { ctx, node } = r;
  const policy = node.node.applicability?.policy ?? ctx.compiled.set.policies.notApplicable;
  const points = policy === 'fullPoints' ? node.max : ZERO;
  // Keys in this order (the JSON of a result is byte-stable), without a spread of the cause.
  r.steps?.push(
    cause.cause === 'condition'
      ? { kind: 'notApplicable', cause: cause.cause, at: cause.at, policy, points: decText(points) }
      : { kind: 'notApplicable', cause: cause.cause, input: cause.input, policy, points: decText(points) },
  );
  // A value of the unit's own (a zero denominator) took the points out of the maximum: said, as a shortage of evidence would be.
  if (cause.cause === 'zeroDenominator' && policy === 'reduceMaximum')
    ctx.diagnostics.push(diag('SCORE_NOT_APPLICABLE_BY_VALUE', entryPath(ctx, node), { code: node.code, input: cause.input, max: node.maxText }));
  flag(r, 'notApplicable');
  ctx.notApplicable.add(node.code);
  return conclude(r, points, policy === 'fullPoints' ? node.max : ZERO, 'notApplicable');
}

/** Stage 1: the applicability condition; null when the criterion applies. */
function applicability(r: LeafRun): LeafOut | null {
  const { ctx, node } = r;
  const undecided = absentOf(ctx, r.plan.applicabilityRequired);
  if (undecided.length > 0) {
    for (const i of r.entries) ctx.prepared.used[i] = true;
    return missingEvidence(r, undecided, []);
  }
  const when = node.notApplicableWhen;
  if (when === null) return null;
  let holds: boolean;
  try {
    holds = when.test(r.read);
  } catch (e) {
    if (!(e instanceof LogicError)) throw e;
    return invalid(r, logicInvalid(e));
  }
  if (!holds) return null;
  // Values that only decided the applicability were used; any other value was not, and is worth a
  // warning when it says something: a 0 beside "0 findings" (what the workbook asks for) agrees with it.
  for (const i of r.entries) {
    const e = ctx.evidence.entries[i]!;
    const given = e.values ? Object.entries(e.values) : e.input !== undefined ? [[e.input, e.value] as const] : [];
    if (given.some(([id, v]) => !hasRead(r, id) && !saysNothing(v)))
      ctx.diagnostics.push(
        diag('EVIDENCE_NOT_APPLICABLE_VALUE', `/entries/${i}`, { code: node.code, reason: node.node.applicability!.reason ?? null, reasonEn: node.node.applicability!.reasonEn ?? null }),
      );
    else ctx.prepared.used[i] = true;
  }
  return notApplicable(r, { cause: 'condition', at: when.at });
}

/** A value that states nothing a rule could count: 0 (as a number or its text), a tally of zeros. A "no" is an answer. */
function saysNothing(v: unknown): boolean {
  if (v === 0) return true;
  if (typeof v === 'string') return /^[+-]?0+(?:[.,]0*)?$/.test(v.trim());
  if (typeof v === 'object' && v !== null) return Object.values(v as Record<string, unknown>).every(saysNothing);
  return false;
}

/** Stage 3: the rule, evaluated by its kind; a LogicError of a condition or expression makes the leaf invalid. */
function evaluate(r: LeafRun): Evaluation<unknown> {
  // The kind writes its steps into the trace; the compact form has none, so it builds none.
  const steps = r.steps;
  const shown = steps === null ? 0 : steps.length;
  try {
    return r.node.kind!.evaluate(r.read, steps);
  } catch (e) {
    if (!(e instanceof LogicError)) throw e;
    if (steps !== null) steps.length = shown; // the steps of an evaluation that failed half-way are not shown
    return { raw: ZERO, state: null, invalid: logicInvalid(e) };
  }
}

/** Stage 4: within the leaf's floor and maximum (flagged when the rule gave more). */
function bound(r: LeafRun, raw: Decimal): Decimal {
  const points = withinBounds(r, raw);
  if (points !== raw && cmpDec(raw, r.node.max) > 0) flag(r, 'capped');
  if (points.isNeg()) flag(r, 'belowZero');
  return points;
}

/** Stage 5: required documents. Without them: 0 under "zero", or scored and flagged for an explanation. */
function documentsStage(r: LeafRun, points: Decimal): LeafOut {
  const { ctx, node } = r;
  const docsMissing = docsMissingOf(r.ctx, r.node);
  if (docsMissing === null) return conclude(r, points, node.max, 'scored', true);
  flag(r, 'missingDocument');
  for (const id of docsMissing) {
    const req = node.documents.find((d) => d.id === id)!;
    ctx.diagnostics.push(diag('SCORE_MISSING_DOCUMENT', entryPath(ctx, node), { code: node.code, document: req.id, label: req.label, labelEn: req.labelEn ?? null }));
  }
  const explanation = ctx.prepared.explanations[node.index]?.text ?? null;
  const policy = missingPolicy(r);
  r.steps?.push({ kind: 'missing', inputs: [], documents: docsMissing, policy, explanation });
  if (policy === 'zero') {
    // Advice is part of the trace: the compact form does not work out what providing them would give.
    const after = r.improve !== null ? criterionRounded(r, points) : ZERO;
    // The advice may be a kind's shared list (frozen): a list of the leaf's own, this first.
    if (after.gt(0)) r.improve = [{ kind: 'provide', inputs: [], documents: docsMissing, pointsAfter: decText(after), gain: decText(after) }, ...r.improve!];
    return conclude(r, Decimal.min(points, ZERO), node.max, 'missingEvidence');
  }
  if (explanation === null) {
    flag(r, 'needsExplanation');
    ctx.diagnostics.push(diag('SCORE_NEEDS_EXPLANATION', entryPath(ctx, node), { code: node.code }));
  } else flag(r, 'explained');
  return conclude(r, points, node.max, 'scored', true);
}

/** Points as the leaf will have them: rounded at criterion level where declared, within floor and maximum. */
function criterionRounded(r: LeafRun, v: Decimal): Decimal {
  const rounding = r.rounding;
  if (!rounding) return v;
  return Decimal.min(r.node.max, Decimal.max(r.node.floor, roundedAs(v, rounding)));
}

/**
 * A kind promises the points its rule gives; with a criterion rounding the leaf gets them rounded (and
 * kept within its floor and maximum): the promise and its gain say so, and a change that gains nothing
 * once rounded is not advised.
 */
function roundedAdvice(r: LeafRun, advice: Improvement[], points: Decimal): Improvement[] {
  if (!r.rounding) return advice;
  const within = (v: Decimal) => criterionRounded(r, v);
  const current = within(points);
  const out: Improvement[] = [];
  for (const im of advice) {
    if (!('pointsAfter' in im) || im.pointsAfter === null) {
      out.push(im);
      continue;
    }
    const after = within(new Decimal(im.pointsAfter));
    if (cmpDec(after, current) <= 0) continue;
    // The same points reached twice (two changes that round alike): the first, cheaper one says it all.
    if (out.some((o) => 'pointsAfter' in o && o.pointsAfter === decText(after))) continue;
    out.push({ ...im, pointsAfter: decText(after), gain: decText(after.minus(current)) });
  }
  return out;
}

/**
 * Score one leaf: its result with its trace in the full form (ctx.trace: a NodeResult), its criterion
 * record in the compact form (added to ctx.records). ctx.last holds its exact figures and status after.
 */
export function scoreLeaf(ctx: Ctx, node: CompiledNode): LeafOut {
  const r = startLeaf(ctx, node);
  const na = applicability(r);
  if (na) return na;
  const { used, extras } = ctx.prepared;
  for (const i of r.entries) if (extras[i]) used[i] = true;
  // Stage 2: required inputs the rule reads.
  const missing = absentOf(ctx, r.plan.requiredReads);
  if (missing.length > 0) return missingEvidence(r, missing, docsMissingOf(r.ctx, r.node) ?? []);
  const ev = evaluate(r);
  if (ev.notApplicable) return notApplicable(r, ev.notApplicable);
  if (ev.shortage) return shortage(r, ev.shortage);
  if (ev.invalid) return invalid(r, ev.invalid);
  const points = bound(r, ev.raw);
  // Advice is part of the trace: the compact form, which has none, does not compute it.
  if (r.improve !== null) {
    // The kind's list, made for this evaluation or shared by every result (frozen): no copy.
    // A full result is made only with the set's advice (score() refuses it otherwise: SCORE_NEEDS_ADVICE).
    const advice = roundedAdvice(r, ctx.compiled.advice!.advise(node.kind!, ev), points);
    if (advice.length > 0) r.improve = advice;
  }
  return documentsStage(r, points);
}
