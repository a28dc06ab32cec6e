/**
 * score(compiled, evidence): the result tree with exact points, statuses, flags and a per-point trace.
 * Pure and synchronous; the same inputs give byte-identical JSON.
 */
import { Decimal, ParindexError, addDec, cmpDec, decText, diag, intervalContains, type Diagnostic, type Rounding, type RoundingLevel } from './deps.js';
import { hashJson } from './canonical.js';
import { conditionReads, ruleReads, type CompiledNode, type CompiledSet } from './compile.js';
import { parseAppraisal } from './appraisal.js';
import { parseEvidence, type Evidence } from './evidence.js';
import { LogicError } from './expression.js';
import { evalCondition, scoreRule, type Reader } from './leaf.js';
import type {
  BlockResult,
  Flag,
  FlagCode,
  NodeResult,
  PartTotal,
  RoundingStep,
  ScoreResult,
  Step,
  Trace,
  TraceDocument,
  TraceInput,
  UnusedEntry,
} from './result.js';
import { applyAppraisal, prepare, valuePath, type Prepared, type Typed } from './values.js';
import { ENGINE_NAME, ENGINE_VERSION } from './version.js';

export interface ScoreOptions {
  /** An appraisal file's parsed JSON: its rounds correct values or override points. */
  appraisal?: unknown;
  /** The appraisal round to score up to (its id). Default: the last round. */
  round?: string;
}

const ZERO = new Decimal(0);

const MODES = {
  halfUp: Decimal.ROUND_HALF_UP,
  halfEven: Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
} as const;

function round(value: Decimal, rounding: Rounding | undefined, level: RoundingLevel, steps: Step[]): Decimal {
  if (!rounding) return value;
  const to = value.toDecimalPlaces(rounding.places, MODES[rounding.mode]);
  const step: RoundingStep = { kind: 'round', level, from: decText(value), to: decText(to), places: rounding.places, mode: rounding.mode };
  steps.push(step);
  return to;
}

interface Ctx {
  compiled: CompiledSet;
  evidence: Evidence;
  prepared: Prepared;
  diagnostics: Diagnostic[];
  flags: Flag[];
  notApplicable: Set<string>;
  /** Inputs some leaf's trace shows (read by a rule or condition, or declared on the leaf). */
  shown: Set<string>;
  /** The exact figures of the last node result built (see keepExact). */
  last: Exact;
}

function addFlag(ctx: Ctx, flags: FlagCode[], code: FlagCode, criterion: string) {
  if (!flags.includes(code)) {
    flags.push(code);
    ctx.flags.push({ code, criterion });
  }
}

/**
 * The exact points and applicable maximum of the node (or block) result just built, so that sums do
 * not parse the result's decimal strings back: the caller reads them right after each call. A zero is
 * kept as +0, exactly as parsing "0" would give.
 */
interface Exact {
  points: Decimal;
  applicableMax: Decimal;
}
const plusZero = (d: Decimal) => (d.isZero() ? ZERO : d);
function keepExact<T extends object>(ctx: Ctx, r: T, points: Decimal, applicableMax: Decimal): T {
  ctx.last = { points: plusZero(points), applicableMax: plusZero(applicableMax) };
  return r;
}

/** Per leaf, computed once per compiled set: texts of constants, the inputs the rule itself reads. */
interface LeafPre {
  maxText: string;
  /** Inputs the rule reads (not only its applicability condition); null: every input it reads. */
  ruleInputs: ReadonlySet<string> | null;
  /** A document without "for" proves a requirement (one required document, or one document). */
  anyDocProves: boolean;
  /** The inputs the rule reads that must be given (required, and read by the rule itself), in read order. */
  requiredReads: string[];
  /** The leaf's own inputs the set declares, without repeats, in order (the first inputs of its trace). */
  ownShown: string[];
  applicabilityRequired: string[];
}
const PRE = new WeakMap<CompiledNode, LeafPre>();
function pre(node: CompiledNode, compiled: CompiledSet): LeafPre {
  let p = PRE.get(node);
  if (!p) {
    let ruleInputs: Set<string> | null = null;
    if (node.node.applicability && node.rule) {
      ruleInputs = new Set<string>();
      // Inputs only the applicability condition reads are not needed to compute the points.
      ruleReads(node.rule, ruleInputs);
    }
    let required = 0;
    for (const d of node.documents) if (d.required !== false) required++;
    const ownShown: string[] = [];
    for (const id of node.ownInputs) if (!ownShown.includes(id) && compiled.inputs.has(id)) ownShown.push(id);
    const requiredReads: string[] = [];
    if (node.rule)
      for (const id of node.reads) if (compiled.inputs.get(id)!.def.required !== false && (ruleInputs === null || ruleInputs.has(id))) requiredReads.push(id);
    // Required inputs the applicability condition reads: without them it cannot be decided.
    const applicabilityRequired: string[] = [];
    if (node.node.applicability) {
      const reads = new Set<string>();
      conditionReads(node.node.applicability.notApplicableWhen, reads);
      for (const id of [...reads].sort()) if (compiled.inputs.get(id)?.def.required !== false) applicabilityRequired.push(id);
    }
    p = { maxText: decText(node.max), ruleInputs, anyDocProves: required === 1 || node.documents.length === 1, requiredReads, ownShown, applicabilityRequired };
    PRE.set(node, p);
  }
  return p;
}

function traceInputs(ctx: Ctx, ids: readonly string[]): TraceInput[] {
  const out: TraceInput[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const def = ctx.compiled.inputs.get(id)!.def;
    const rec = ctx.prepared.values.get(id);
    // Keys in this order (the JSON of a result is byte-stable).
    const t = { id, label: def.label } as TraceInput;
    if (def.labelEn !== undefined) t.labelEn = def.labelEn;
    t.type = def.type;
    if (def.unit !== undefined) t.unit = def.unit;
    t.value = rec ? rec.display : null;
    t.entry = rec && rec.entry >= 0 ? rec.entry : null;
    if (rec?.corrected) t.corrected = rec.corrected;
    out[i] = t;
  }
  return out;
}

function traceDocuments(ctx: Ctx, node: CompiledNode): TraceDocument[] {
  const reqs = node.documents;
  if (reqs.length === 0) return [];
  const given = ctx.prepared.docs.get(node.code);
  const any = pre(node, ctx.compiled).anyDocProves;
  const out: TraceDocument[] = new Array(reqs.length);
  for (let r = 0; r < reqs.length; r++) {
    const req = reqs[r]!;
    const by: TraceDocument['by'] = [];
    if (given)
      for (const d of given) if (d.complete && (d.for === req.id || (d.for === undefined && any))) by.push(d.ref);
    out[r] = { id: req.id, kind: req.kind, label: req.label, required: req.required !== false, provided: by.length > 0, by };
  }
  return out;
}

/** The ids of the required documents not provided. */
function docsMissingOf(docs: readonly TraceDocument[]): string[] {
  const out: string[] = [];
  for (const d of docs) if (d.required && !d.provided) out.push(d.id);
  return out;
}

/** Where in the evidence a criterion's diagnostic points: its first entry, or the entry list. */
function entryPath(ctx: Ctx, code: string): string {
  const first = ctx.prepared.entriesOf.get(code)?.[0];
  return first === undefined ? '/entries' : `/entries/${first}`;
}

function scoreLeaf(ctx: Ctx, node: CompiledNode): NodeResult {
  const { compiled, prepared } = ctx;
  const set = compiled.set;
  const n = node.node;
  const flags: FlagCode[] = [];
  const entries = prepared.entriesOf.get(node.code) ?? [];
  const readIds = new Set<string>();
  const read: Reader = (id) => {
    readIds.add(id);
    const rec = prepared.values.get(id);
    if (!rec) return undefined;
    if (rec.entry >= 0) prepared.used[rec.entry] = true;
    return rec.value;
  };
  const p = pre(node, compiled);
  const steps: Step[] = [];
  const trace: Trace = { rule: node.rule!.type, inputs: [], documents: [], steps, improve: [] };
  // The documents' trace, computed once (the evidence does not change while the leaf is scored).
  let docsTrace: TraceDocument[] | undefined;
  const documents = () => (docsTrace ??= traceDocuments(ctx, node));
  const finish = (points: Decimal, applicableMax: Decimal, status: NodeResult['status']): NodeResult => {
    const inputIds: string[] = p.ownShown.slice();
    for (const id of readIds) if (!inputIds.includes(id) && compiled.inputs.has(id)) inputIds.push(id);
    trace.inputs = traceInputs(ctx, inputIds);
    for (const id of inputIds) ctx.shown.add(id);
    trace.documents = documents();
    const expl = prepared.explanations.get(node.code);
    if (expl) trace.explanation = expl.text;
    if (n.rule?.note) trace.notes = [n.rule.note];
    // Keys in this order (the JSON of a result is byte-stable).
    const r = { code: node.code, title: n.title } as NodeResult;
    if (n.titleEn !== undefined) r.titleEn = n.titleEn;
    r.kind = 'leaf';
    r.nominalMax = p.maxText;
    r.applicableMax = applicableMax === node.max ? p.maxText : decText(applicableMax);
    r.points = points === node.max ? p.maxText : decText(points);
    r.status = status;
    r.flags = flags;
    if (n.source) r.source = n.source.article !== undefined ? { document: n.source.document, article: n.source.article } : { document: n.source.document };
    r.trace = trace;
    return keepExact(ctx, r, points, applicableMax);
  };

  /**
   * The end of every path: the appraisal's corrections and overrides (an override of a criterion that
   * did not apply or could not be scored makes it count, with the appraiser's points), the rounding
   * declared at criterion level, and the unit's claim.
   */
  function conclude(points: Decimal, applicableMax: Decimal, status: NodeResult['status']): NodeResult {
  // 6. Appraisal.
  const correction = prepared.corrections.get(node.code);
  if (correction) addFlag(ctx, flags, 'corrected', node.code);
  // Each round's override is kept in the trace, in order; the last one decides.
  const overrides = prepared.overrides.get(node.code) ?? [];
  for (const override of overrides) {
    steps.push({ kind: 'override', round: override.round, from: decText(points), to: decText(override.points), reason: override.reason, ...(override.by !== undefined ? { by: override.by } : {}), ...(override.date !== undefined ? { date: override.date } : {}) });
    points = override.points;
    status = 'overridden';
    applicableMax = node.max;
    addFlag(ctx, flags, 'overridden', node.code);
  }
  // 7. Rounding declared at criterion level.
  points = round(points, compiled.rounding.get('criterion'), 'criterion', steps);
  // 8. The unit's claim.
  const claim = prepared.claims.get(node.code);
  if (claim) {
    const matches = cmpDec(claim.value, points) === 0;
    const claimed = decText(claim.value);
    const computed = points === node.max ? p.maxText : decText(points);
    trace.claim = { claimed, computed, matches, entry: claim.entry };
    if (!matches) {
      addFlag(ctx, flags, 'claimMismatch', node.code);
      ctx.diagnostics.push(diag('SCORE_CLAIM_MISMATCH', `/entries/${claim.entry}/claimedPoints`, { code: node.code, claimed, computed }));
    }
  }
    return finish(points, applicableMax, status);
  }

  // Missing evidence scores 0, or the floor when a deduction can go below 0: leaving an input blank
  // never scores better than the worst honest answer.
  const missingPoints = node.floor.isNeg() ? node.floor : ZERO;
  const policy = n.missingEvidence ?? set.policies.missingEvidence;

  // 1. Applicability. An input the condition needs but does not have: the criterion cannot be decided.
  const undecided = p.applicabilityRequired.filter((id) => !prepared.values.has(id));
  if (undecided.length > 0) {
    for (const id of node.reads) read(id);
    for (const id of undecided) ctx.diagnostics.push(diag('SCORE_MISSING_INPUT', entryPath(ctx, node.code), { code: node.code, input: id }));
    addFlag(ctx, flags, 'missingInput', node.code);
    steps.push({ kind: 'missing', inputs: undecided, documents: [], policy, explanation: prepared.explanations.get(node.code)?.text ?? null });
    trace.improve.push({ kind: 'provide', inputs: undecided, documents: [], pointsAfter: null, gain: null });
    for (const i of entries) prepared.used[i] = true;
    return conclude(missingPoints, node.max, 'missingEvidence');
  }
  if (n.applicability) {
    let na = false;
    try {
      na = evalCondition(n.applicability.notApplicableWhen, read);
    } catch (e) {
      if (!(e instanceof LogicError)) throw e;
      ctx.diagnostics.push(diag('SCORE_EXPRESSION', entryPath(ctx, node.code), { code: node.code, reason: e.message, reasonVi: e.messageVi }));
    }
    if (na) {
      const policy = n.applicability.policy ?? set.policies.notApplicable;
      const points = policy === 'fullPoints' ? node.max : ZERO;
      steps.push({ kind: 'notApplicable', reason: n.applicability.reason ?? null, policy, points: decText(points) });
      addFlag(ctx, flags, 'notApplicable', node.code);
      ctx.notApplicable.add(node.code);
      // Values that only decided the applicability were used; any other value was not.
      for (const i of entries) {
        const e = ctx.evidence.entries[i]!;
        const given = e.values ? Object.keys(e.values) : e.input !== undefined ? [e.input] : [];
        if (given.some((id) => !readIds.has(id))) {
          ctx.diagnostics.push(diag('EVIDENCE_NOT_APPLICABLE_VALUE', `/entries/${i}`, { code: node.code, reason: n.applicability.reason ?? 'condition met' }));
        } else prepared.used[i] = true;
      }
      return conclude(points, policy === 'fullPoints' ? node.max : ZERO, 'notApplicable');
    }
  }
  for (const i of entries) {
    const e = ctx.evidence.entries[i]!;
    if (e.documents || e.explanation !== undefined || e.claimedPoints !== undefined || e.note !== undefined) prepared.used[i] = true;
  }

  // 2. Missing required inputs: nothing to compute.
  const ruleReads = node.reads;
  const missing: string[] = [];
  for (const id of p.requiredReads) if (!prepared.values.has(id)) missing.push(id);
  let points: Decimal;
  const applicableMax = node.max;
  let status: NodeResult['status'] = 'scored';
  if (missing.length > 0) {
    // The values that are there were looked at (and are shown in the trace), even if nothing is computed.
    for (const id of ruleReads) read(id);
    for (const id of missing) {
      readIds.add(id);
      ctx.diagnostics.push(diag('SCORE_MISSING_INPUT', entryPath(ctx, node.code), { code: node.code, input: id }));
    }
    addFlag(ctx, flags, 'missingInput', node.code);
    const docsMissing = docsMissingOf(documents());
    steps.push({ kind: 'missing', inputs: missing, documents: docsMissing, policy, explanation: prepared.explanations.get(node.code)?.text ?? null });
    trace.improve.push({ kind: 'provide', inputs: missing, documents: docsMissing, pointsAfter: null, gain: null });
    points = missingPoints;
    status = 'missingEvidence';
  } else {
    // 3. The rule.
    // Nothing was pushed yet: the rule writes its steps and improvements into the trace directly.
    const outcome = scoreRule(node, compiled, read, steps, trace.improve);
    if (outcome.notApplicable) {
      const naPolicy = n.applicability?.policy ?? set.policies.notApplicable;
      const pts = naPolicy === 'fullPoints' ? node.max : ZERO;
      steps.push({ kind: 'notApplicable', reason: outcome.notApplicable.reason, policy: naPolicy, points: decText(pts) });
      addFlag(ctx, flags, 'notApplicable', node.code);
      ctx.notApplicable.add(node.code);
      return conclude(pts, naPolicy === 'fullPoints' ? node.max : ZERO, 'notApplicable');
    }
    if (outcome.invalid) {
      ctx.diagnostics.push(diag(outcome.invalid.code, entryPath(ctx, node.code), { code: node.code, ...outcome.invalid.params }, 'warning'));
      addFlag(ctx, flags, 'invalid', node.code);
      return conclude(ZERO, node.max, 'invalid');
    }
    points = outcome.raw;
    // 4. Within floor and maximum.
    if (cmpDec(points, node.max) > 0) {
      steps.push({ kind: 'clamp', from: decText(points), to: decText(node.max), bound: 'max' });
      points = node.max;
      addFlag(ctx, flags, 'capped', node.code);
    } else if (cmpDec(points, node.floor) < 0) {
      steps.push({ kind: 'clamp', from: decText(points), to: decText(node.floor), bound: 'floor' });
      points = node.floor;
    }
    if (points.isNeg()) addFlag(ctx, flags, 'belowZero', node.code);
    // 5. Required documents.
    const docsMissing = docsMissingOf(documents());
    if (docsMissing.length > 0) {
      addFlag(ctx, flags, 'missingDocument', node.code);
      for (const id of docsMissing) {
        const req = node.documents.find((d) => d.id === id)!;
        ctx.diagnostics.push(diag('SCORE_MISSING_DOCUMENT', entryPath(ctx, node.code), { code: node.code, document: req.label }));
      }
      const explanation = prepared.explanations.get(node.code)?.text ?? null;
      steps.push({ kind: 'missing', inputs: [], documents: docsMissing, policy, explanation });
      if (policy === 'zero') {
        if (points.gt(0)) trace.improve.unshift({ kind: 'provide', inputs: [], documents: docsMissing, pointsAfter: decText(points), gain: decText(points) });
        points = Decimal.min(points, ZERO);
        status = 'missingEvidence';
      } else if (explanation === null) {
        addFlag(ctx, flags, 'needsExplanation', node.code);
        ctx.diagnostics.push(diag('SCORE_NEEDS_EXPLANATION', entryPath(ctx, node.code), { code: node.code }));
      } else addFlag(ctx, flags, 'explained', node.code);
    }
  }
  return conclude(points, applicableMax, status);
}

function scoreGroup(ctx: Ctx, node: CompiledNode): NodeResult {
  const children: NodeResult[] = [];
  let points = ZERO;
  let applicableMax = ZERO;
  for (const c of node.children) {
    children.push(c.isLeaf ? scoreLeaf(ctx, c) : scoreGroup(ctx, c));
    points = addDec(points, ctx.last.points);
    applicableMax = addDec(applicableMax, ctx.last.applicableMax);
  }
  const steps: Step[] = [];
  const flags: FlagCode[] = [];
  const ceiling = node.cap ?? node.max;
  if (cmpDec(applicableMax, ceiling) > 0) applicableMax = ceiling;
  if (cmpDec(points, ceiling) > 0) {
    steps.push({ kind: 'clamp', from: decText(points), to: decText(ceiling), bound: node.cap ? 'cap' : 'max' });
    points = ceiling;
  } else if (cmpDec(points, node.floor) < 0) {
    steps.push({ kind: 'clamp', from: decText(points), to: decText(node.floor), bound: 'floor' });
    points = node.floor;
  }
  if (node.depth === 1) points = round(points, ctx.compiled.rounding.get('field'), 'field', steps);
  const status = children.every((c) => c.status === 'notApplicable') ? 'notApplicable' : 'scored';
  const claim = ctx.prepared.claims.get(node.code);
  if (claim && !claim.value.eq(points)) {
    flags.push('claimMismatch');
    ctx.flags.push({ code: 'claimMismatch', criterion: node.code });
    ctx.diagnostics.push(diag('SCORE_CLAIM_ON_PARENT', `/entries/${claim.entry}/claimedPoints`, { code: node.code, claimed: decText(claim.value), computed: decText(points) }));
  }
  if (claim) ctx.prepared.used[claim.entry] = true;
  const n = node.node;
  // Keys in this order (the JSON of a result is byte-stable).
  const r = { code: node.code, title: n.title } as NodeResult;
  if (n.titleEn !== undefined) r.titleEn = n.titleEn;
  r.kind = 'group';
  r.nominalMax = pre(node, ctx.compiled).maxText;
  r.applicableMax = decText(applicableMax);
  r.points = decText(points);
  r.status = status;
  r.flags = flags;
  if (n.part !== undefined) r.part = n.part;
  if (steps.length) r.steps = steps;
  r.children = children;
  return keepExact(ctx, r, points, applicableMax);
}

function scoreBlock(ctx: Ctx, key: 'bonus' | 'penalty'): BlockResult | undefined {
  const block = ctx.compiled.set[key];
  if (!block) return undefined;
  const items: NodeResult[] = [];
  let raw = ZERO;
  for (const c of ctx.compiled[key]) {
    const item = scoreLeaf(ctx, c);
    // A penalty item's points are taken off: nothing should advise a unit to earn more of them.
    if (key === 'penalty' && item.trace) item.trace.improve = [];
    items.push(item);
    raw = addDec(raw, ctx.last.points);
  }
  const max = key === 'bonus' ? ctx.compiled.bonusMax! : ctx.compiled.penaltyMax!;
  const points = Decimal.max(ZERO, Decimal.min(raw, max));
  const r = { title: block.title } as BlockResult;
  if (block.titleEn !== undefined) r.titleEn = block.titleEn;
  r.max = decText(max);
  r.raw = decText(raw);
  r.points = decText(points);
  r.capped = raw.gt(max);
  r.items = items;
  return keepExact(ctx, r, points, ZERO);
}

interface Run {
  result: ScoreResult | undefined;
  diagnostics: Diagnostic[];
}

function run(compiled: CompiledSet, evidenceInput: unknown, options: ScoreOptions): Run {
  const parsed = parseEvidence(evidenceInput);
  if (!parsed.value) return { result: undefined, diagnostics: parsed.diagnostics };
  const evidence = parsed.value;
  const diagnostics: Diagnostic[] = [];
  if (evidence.criteriaSet !== compiled.ref) {
    diagnostics.push(diag('EVIDENCE_SET_MISMATCH', '/criteriaSet', { given: evidence.criteriaSet, expected: compiled.ref }));
    return { result: undefined, diagnostics };
  }
  const period = compiled.set.period;
  if (evidence.period.from !== period.from || evidence.period.to !== period.to)
    diagnostics.push(diag('EVIDENCE_PERIOD_MISMATCH', '/period', { given: `${evidence.period.from} – ${evidence.period.to}`, expected: `${period.from} – ${period.to}` }));
  const prepared = prepare(compiled, evidence);
  // One by one: a spread of 100,000 diagnostics (10,000 unknown inputs in each of a few entries) overflows the stack.
  for (const d of prepared.diagnostics) diagnostics.push(d);
  const evidenceSha = hashJson(evidenceInput);
  let stage = 'self';
  let appraisalSha: string | undefined;
  if (options.appraisal !== undefined) {
    const ap = parseAppraisal(options.appraisal);
    if (!ap.value) return { result: undefined, diagnostics: [...diagnostics, ...ap.diagnostics] };
    appraisalSha = hashJson(options.appraisal);
    if (ap.value.criteriaSet !== compiled.ref) diagnostics.push(diag('APPRAISAL_EVIDENCE_MISMATCH', '/criteriaSet', { expected: ap.value.criteriaSet, given: compiled.ref }));
    if (ap.value.evidence.sha256 !== evidenceSha || ap.value.evidence.unit !== evidence.unit.code)
      diagnostics.push(diag('APPRAISAL_EVIDENCE_MISMATCH', '/evidence', { expected: `${ap.value.evidence.unit} ${ap.value.evidence.sha256.slice(0, 12)}…`, given: `${evidence.unit.code} ${evidenceSha.slice(0, 12)}…` }));
    const applied = applyAppraisal(compiled, prepared, ap.value, options.round);
    for (const d of applied.diagnostics) diagnostics.push(d);
    stage = applied.stage;
  } else if (options.round !== undefined) {
    diagnostics.push(diag('APPRAISAL_UNKNOWN_ROUND', '', { round: options.round, rounds: '—' }));
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { result: undefined, diagnostics };

  const ctx: Ctx = { compiled, evidence, prepared, diagnostics, flags: [], notApplicable: new Set(), shown: new Set(), last: { points: ZERO, applicableMax: ZERO } };
  const fields: NodeResult[] = [];
  const fieldExact: Exact[] = [];
  for (const f of compiled.fields) {
    fields.push(f.isLeaf ? scoreLeaf(ctx, f) : scoreGroup(ctx, f));
    fieldExact.push(ctx.last);
  }
  const bonus = scoreBlock(ctx, 'bonus');
  const bonusExact = ctx.last;
  const penalty = scoreBlock(ctx, 'penalty');
  const penaltyExact = ctx.last;

  // Parts (e.g. assessment and survey), rounded separately where declared.
  const totalSteps: Step[] = [];
  const partRounding = compiled.rounding.get('part');
  const partMap = new Map<string, { points: Decimal; nominal: Decimal; applicable: Decimal }>();
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const x = fieldExact[i]!;
    const key = f.part ?? 'main';
    const p = partMap.get(key) ?? partMap.set(key, { points: ZERO, nominal: ZERO, applicable: ZERO }).get(key)!;
    p.points = addDec(p.points, x.points);
    p.nominal = addDec(p.nominal, plusZero(compiled.fields[i]!.max));
    p.applicable = addDec(p.applicable, x.applicableMax);
  }
  const parts: PartTotal[] = [];
  let treePoints = ZERO;
  for (const [part, p] of partMap) {
    const pts = round(p.points, partRounding, 'part', totalSteps);
    treePoints = addDec(treePoints, pts);
    parts.push({ part, points: decText(pts), nominalMax: decText(p.nominal), applicableMax: decText(p.applicable) });
  }
  let nominalMax = ZERO;
  let applicableMax = ZERO;
  for (let i = 0; i < fields.length; i++) {
    nominalMax = addDec(nominalMax, plusZero(compiled.fields[i]!.max));
    applicableMax = addDec(applicableMax, fieldExact[i]!.applicableMax);
  }
  const bonusPts = bonus ? bonusExact.points : ZERO;
  const penaltyPts = penalty ? penaltyExact.points : ZERO;
  let points = treePoints.plus(bonusPts).minus(penaltyPts);
  if (points.isNeg()) {
    totalSteps.push({ kind: 'clamp', from: decText(points), to: '0', bound: 'floor' });
    points = ZERO;
  }
  points = round(points, compiled.rounding.get('total'), 'total', totalSteps);
  let index = applicableMax.isZero() ? ZERO : points.times(compiled.scale).div(applicableMax);
  index = round(index, compiled.rounding.get('index'), 'index', totalSteps);
  const band = compiled.bands.find((b) => intervalContains(b.iv, index));

  // Entries nothing used.
  const unused: UnusedEntry[] = [];
  evidence.entries.forEach((e, i) => {
    if (prepared.used[i]) {
      // A used entry may still carry a value that no criterion shows: say so rather than drop it.
      const ids = e.input !== undefined ? [e.input] : [];
      if (e.values) for (const id of Object.keys(e.values)) ids.push(id);
      for (const id of ids) {
        if (!ctx.shown.has(id) && prepared.values.get(id)?.entry === i) {
          const at = valuePath(evidence, i, id);
          diagnostics.push(diag('EVIDENCE_UNUSED_ENTRY', at, { at }));
        }
      }
      return;
    }
    const onNa = e.criterion !== undefined && ctx.notApplicable.has(e.criterion);
    const known = (e.criterion === undefined || compiled.nodes.has(e.criterion)) && (e.input === undefined || compiled.inputs.has(e.input));
    unused.push({
      entry: i,
      ...(e.criterion !== undefined ? { criterion: e.criterion } : {}),
      ...(e.input !== undefined ? { input: e.input } : {}),
      reason: onNa ? 'notApplicable' : known ? 'notReferenced' : 'unknown',
    });
    if (!onNa) diagnostics.push(diag('EVIDENCE_UNUSED_ENTRY', `/entries/${i}`, { at: `/entries/${i}` }));
  });

  const set = compiled.set;
  const result: ScoreResult = {
    formatVersion: 1,
    provenance: {
      engine: `${ENGINE_NAME}@${ENGINE_VERSION}`,
      criteriaSet: { ref: compiled.ref, id: set.id, version: set.version, status: set.status, issuer: set.issuer, decision: set.decision.number, sha256: compiled.sha256 },
      evidence: { sha256: evidenceSha },
      ...(appraisalSha !== undefined ? { appraisal: { sha256: appraisalSha, round: stage } } : {}),
    },
    unit: evidence.unit,
    period: evidence.period,
    sample: evidence.sample === true,
    stage,
    totals: {
      treePoints: decText(treePoints),
      bonus: decText(bonusPts),
      penalty: decText(penaltyPts),
      points: decText(points),
      nominalMax: decText(nominalMax),
      applicableMax: decText(applicableMax),
      scale: decText(compiled.scale),
      index: decText(index),
      classification: band ? { code: band.code, label: band.label, ...(band.labelEn !== undefined ? { labelEn: band.labelEn } : {}) } : null,
      parts,
      steps: totalSteps,
    },
    fields,
    ...(bonus ? { bonus } : {}),
    ...(penalty ? { penalty } : {}),
    flags: ctx.flags,
    // In a fixed order: the evidence's own problems in entry order, then criterion by criterion, then unused entries.
    diagnostics,
    unused,
  };
  return { result, diagnostics };
}

/**
 * Score one unit's evidence with a compiled set. Throws a ParindexError carrying every error (with
 * JSON pointers into the evidence, or the appraisal for APPRAISAL_* codes); warnings are in the result.
 */
export function score(compiled: CompiledSet, evidence: unknown, options: ScoreOptions = {}): ScoreResult {
  const r = run(compiled, evidence, options);
  if (!r.result) throw new ParindexError(r.diagnostics.filter((d) => d.severity === 'error'));
  return r.result;
}

/** Every problem of an evidence file (and appraisal) against a compiled set, errors and warnings, without throwing. */
export function checkEvidence(compiled: CompiledSet, evidence: unknown, options: ScoreOptions = {}): Diagnostic[] {
  return run(compiled, evidence, options).diagnostics;
}

export type { Typed };
export { valuePath };
