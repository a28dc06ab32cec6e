/**
 * score(compiled, evidence): the result tree with exact points, statuses, flags and a per-point trace.
 * Pure and synchronous; the same inputs give byte-identical JSON.
 */
import { Decimal, ParindexError, addDec, cmpDec, decText, diag, intervalContains, type Diagnostic } from './deps.js';
import { hashJson } from './canonical.js';
import type { CompiledNode, CompiledSet } from './compile.js';
import { parseAppraisal } from './appraisal.js';
import { parseEvidence } from './evidence.js';
import { scoreLeaf } from './leaf.js';
import { keepExact, round, ZERO, type Ctx, type Exact } from './score-context.js';

const plusZero = (d: Decimal) => (d.isZero() ? ZERO : d);
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
  r.nominalMax = node.maxText;
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
    diagnostics.push(diag('EVIDENCE_PERIOD_MISMATCH', '/period', { givenFrom: evidence.period.from, givenTo: evidence.period.to, expectedFrom: period.from, expectedTo: period.to }));
  const prepared = prepare(compiled, evidence);
  diagnostics.push(...prepared.diagnostics);
  const evidenceSha = hashJson(evidenceInput);
  let stage = 'self';
  let appraisalSha: string | undefined;
  if (options.appraisal !== undefined) {
    const ap = parseAppraisal(options.appraisal);
    if (!ap.value) return { result: undefined, diagnostics: [...diagnostics, ...ap.diagnostics] };
    appraisalSha = hashJson(options.appraisal);
    if (ap.value.criteriaSet !== compiled.ref) diagnostics.push(diag('APPRAISAL_EVIDENCE_MISMATCH', '/criteriaSet', { field: 'criteriaSet', expected: ap.value.criteriaSet, given: compiled.ref }));
    if (ap.value.evidence.sha256 !== evidenceSha || ap.value.evidence.unit !== evidence.unit.code)
      diagnostics.push(diag('APPRAISAL_EVIDENCE_MISMATCH', '/evidence', { field: 'evidence', expectedUnit: ap.value.evidence.unit, expectedSha256: ap.value.evidence.sha256, givenUnit: evidence.unit.code, givenSha256: evidenceSha }));
    const applied = applyAppraisal(compiled, prepared, ap.value, options.round);
    diagnostics.push(...applied.diagnostics);
    stage = applied.stage;
  } else if (options.round !== undefined) {
    diagnostics.push(diag('APPRAISAL_UNKNOWN_ROUND', '', { round: options.round, rounds: [] }));
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
