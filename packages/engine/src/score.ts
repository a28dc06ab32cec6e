/**
 * score(compiled, evidence): the result tree with exact points, statuses, flags and a per-point trace.
 * Pure and synchronous; the same inputs give byte-identical JSON.
 */
import { Decimal, ParindexError, decText, diag, type Diagnostic, type Rounding, type RoundingLevel } from './deps.js';
import { hashJson } from './canonical.js';
import type { CompiledNode, CompiledSet } from './compile.js';
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
}

function addFlag(ctx: Ctx, flags: FlagCode[], code: FlagCode, criterion: string) {
  if (!flags.includes(code)) {
    flags.push(code);
    ctx.flags.push({ code, criterion });
  }
}

function traceInputs(ctx: Ctx, node: CompiledNode, ids: readonly string[]): TraceInput[] {
  return ids.map((id) => {
    const input = ctx.compiled.inputs.get(id)!;
    const rec = ctx.prepared.values.get(id);
    const def = input.def;
    return {
      id,
      label: def.label,
      ...(def.labelEn !== undefined ? { labelEn: def.labelEn } : {}),
      type: def.type,
      ...(def.unit !== undefined ? { unit: def.unit } : {}),
      value: rec ? rec.display : null,
      entry: rec && rec.entry >= 0 ? rec.entry : null,
      ...(rec?.corrected ? { corrected: rec.corrected } : {}),
    };
  });
}

function traceDocuments(ctx: Ctx, node: CompiledNode): TraceDocument[] {
  const given = ctx.prepared.docs.get(node.code) ?? [];
  const single = node.documents.filter((d) => d.required !== false).length === 1;
  return node.documents.map((req) => {
    const by = given.filter((d) => d.complete && (d.for === req.id || (d.for === undefined && (single || node.documents.length === 1))));
    return {
      id: req.id,
      kind: req.kind,
      label: req.label,
      required: req.required !== false,
      provided: by.length > 0,
      by: by.map(({ complete: _c, ...d }) => d),
    };
  });
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
  const base = {
    code: node.code,
    title: n.title,
    ...(n.titleEn !== undefined ? { titleEn: n.titleEn } : {}),
    kind: 'leaf' as const,
    nominalMax: decText(node.max),
  };
  const source = n.source ? { source: { document: n.source.document, ...(n.source.article !== undefined ? { article: n.source.article } : {}) } } : {};
  const steps: Step[] = [];
  const trace: Trace = { rule: node.rule!.type, inputs: [], documents: [], steps, improve: [] };
  const finish = (points: Decimal, applicableMax: Decimal, status: NodeResult['status']): NodeResult => {
    const inputIds = [...new Set([...node.ownInputs, ...readIds])].filter((id) => ctx.compiled.inputs.has(id));
    trace.inputs = traceInputs(ctx, node, inputIds);
    trace.documents = traceDocuments(ctx, node);
    const expl = prepared.explanations.get(node.code);
    if (expl) trace.explanation = expl.text;
    if (n.rule?.note) trace.notes = [n.rule.note];
    return { ...base, applicableMax: decText(applicableMax), points: decText(points), status, flags, ...source, trace };
  };

  // 1. Applicability.
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
      return finish(points, policy === 'fullPoints' ? node.max : ZERO, 'notApplicable');
    }
  }
  for (const i of entries) {
    const e = ctx.evidence.entries[i]!;
    if (e.documents || e.explanation !== undefined || e.claimedPoints !== undefined || e.note !== undefined) prepared.used[i] = true;
  }

  // 2. Missing required inputs: nothing to compute.
  const ruleReads = node.reads;
  const missing = ruleReads.filter((id) => {
    const input = compiled.inputs.get(id)!;
    return input.def.required !== false && !prepared.values.has(id) && isRuleInput(node, id);
  });
  let points: Decimal;
  let applicableMax = node.max;
  let status: NodeResult['status'] = 'scored';
  const policy = n.missingEvidence ?? set.policies.missingEvidence;
  if (missing.length > 0) {
    // The values that are there were looked at (and are shown in the trace), even if nothing is computed.
    for (const id of ruleReads) read(id);
    for (const id of missing) {
      readIds.add(id);
      ctx.diagnostics.push(diag('SCORE_MISSING_INPUT', entryPath(ctx, node.code), { code: node.code, input: id }));
    }
    addFlag(ctx, flags, 'missingInput', node.code);
    const docsMissing = traceDocuments(ctx, node).filter((d) => d.required && !d.provided).map((d) => d.id);
    steps.push({ kind: 'missing', inputs: missing, documents: docsMissing, policy, explanation: prepared.explanations.get(node.code)?.text ?? null });
    trace.improve.push({ kind: 'provide', inputs: missing, documents: docsMissing, pointsAfter: null, gain: null });
    points = ZERO;
    status = 'missingEvidence';
  } else {
    // 3. The rule.
    const outcome = scoreRule(node, compiled, read);
    steps.push(...outcome.steps);
    trace.improve.push(...outcome.improve);
    if (outcome.notApplicable) {
      const naPolicy = n.applicability?.policy ?? set.policies.notApplicable;
      const pts = naPolicy === 'fullPoints' ? node.max : ZERO;
      steps.push({ kind: 'notApplicable', reason: outcome.notApplicable.reason, policy: naPolicy, points: decText(pts) });
      addFlag(ctx, flags, 'notApplicable', node.code);
      ctx.notApplicable.add(node.code);
      return finish(pts, naPolicy === 'fullPoints' ? node.max : ZERO, 'notApplicable');
    }
    if (outcome.invalid) {
      ctx.diagnostics.push(diag(outcome.invalid.code, entryPath(ctx, node.code), { code: node.code, ...outcome.invalid.params }, 'warning'));
      addFlag(ctx, flags, 'invalid', node.code);
      return finish(ZERO, node.max, 'invalid');
    }
    points = outcome.raw;
    // 4. Within floor and maximum.
    if (points.gt(node.max)) {
      steps.push({ kind: 'clamp', from: decText(points), to: decText(node.max), bound: 'max' });
      points = node.max;
      addFlag(ctx, flags, 'capped', node.code);
    } else if (points.lt(node.floor)) {
      steps.push({ kind: 'clamp', from: decText(points), to: decText(node.floor), bound: 'floor' });
      points = node.floor;
    }
    if (points.isNeg()) addFlag(ctx, flags, 'belowZero', node.code);
    // 5. Required documents.
    const docsMissing = traceDocuments(ctx, node).filter((d) => d.required && !d.provided).map((d) => d.id);
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
  // 6. Appraisal.
  const correction = prepared.corrections.get(node.code);
  if (correction) addFlag(ctx, flags, 'corrected', node.code);
  const override = prepared.overrides.get(node.code);
  if (override) {
    steps.push({ kind: 'override', round: override.round, from: decText(points), to: decText(override.points), reason: override.reason, ...(override.by !== undefined ? { by: override.by } : {}), ...(override.date !== undefined ? { date: override.date } : {}) });
    points = override.points;
    status = 'overridden';
    addFlag(ctx, flags, 'overridden', node.code);
  }
  // 7. Rounding declared at criterion level.
  points = round(points, compiled.rounding.get('criterion'), 'criterion', steps);
  // 8. The unit's claim.
  const claim = prepared.claims.get(node.code);
  if (claim) {
    const matches = claim.value.eq(points);
    trace.claim = { claimed: decText(claim.value), computed: decText(points), matches, entry: claim.entry };
    if (!matches) {
      addFlag(ctx, flags, 'claimMismatch', node.code);
      ctx.diagnostics.push(diag('SCORE_CLAIM_MISMATCH', `/entries/${claim.entry}/claimedPoints`, { code: node.code, claimed: decText(claim.value), computed: decText(points) }));
    }
  }
  return finish(points, applicableMax, status);
}

/** Does the rule itself (not only the applicability condition) read this input? */
function isRuleInput(node: CompiledNode, id: string): boolean {
  const app = node.node.applicability;
  if (!app) return true;
  // Inputs only used by the applicability condition are not required to compute the points.
  const reads = new Set<string>();
  collect(node, reads);
  return reads.has(id);
}

function collect(node: CompiledNode, out: Set<string>): void {
  const r = node.rule!;
  const add = (x: string) => out.add(x);
  switch (r.type) {
    case 'tiers':
    case 'proportional':
      if ('input' in r.value) add(r.value.input);
      else {
        add(r.value.ratio.numerator);
        add(r.value.ratio.denominator);
      }
      return;
    case 'onTime':
      r.items.forEach((i) => {
        add(i.input);
        if (typeof i.deadline !== 'string') add(i.deadline.input);
      });
      return;
    case 'boolean':
    case 'levels':
    case 'fraction':
    case 'perItem':
    case 'survey':
      add(r.input);
      return;
    default: {
      // Conditions and expressions: everything the node reads minus what only the applicability reads.
      node.reads.forEach(add);
    }
  }
}

function scoreGroup(ctx: Ctx, node: CompiledNode): NodeResult {
  const children = node.children.map((c) => (c.isLeaf ? scoreLeaf(ctx, c) : scoreGroup(ctx, c)));
  let points = children.reduce((s, c) => s.plus(c.points), ZERO);
  let applicableMax = children.reduce((s, c) => s.plus(c.applicableMax), ZERO);
  const steps: Step[] = [];
  const flags: FlagCode[] = [];
  const ceiling = node.cap ?? node.max;
  if (applicableMax.gt(ceiling)) applicableMax = ceiling;
  if (points.gt(ceiling)) {
    steps.push({ kind: 'clamp', from: decText(points), to: decText(ceiling), bound: node.cap ? 'cap' : 'max' });
    points = ceiling;
  } else if (points.lt(node.floor)) {
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
  return {
    code: node.code,
    title: n.title,
    ...(n.titleEn !== undefined ? { titleEn: n.titleEn } : {}),
    kind: 'group',
    nominalMax: decText(node.max),
    applicableMax: decText(applicableMax),
    points: decText(points),
    status,
    flags,
    ...(n.part !== undefined ? { part: n.part } : {}),
    ...(steps.length ? { steps } : {}),
    children,
  };
}

function scoreBlock(ctx: Ctx, key: 'bonus' | 'penalty'): BlockResult | undefined {
  const block = ctx.compiled.set[key];
  if (!block) return undefined;
  const items = ctx.compiled[key].map((c) => scoreLeaf(ctx, c));
  const raw = items.reduce((s, c) => s.plus(c.points), ZERO);
  const max = key === 'bonus' ? ctx.compiled.bonusMax! : ctx.compiled.penaltyMax!;
  const points = Decimal.max(ZERO, Decimal.min(raw, max));
  return {
    title: block.title,
    ...(block.titleEn !== undefined ? { titleEn: block.titleEn } : {}),
    max: decText(max),
    raw: decText(raw),
    points: decText(points),
    capped: raw.gt(max),
    items,
  };
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
  diagnostics.push(...prepared.diagnostics);
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
    diagnostics.push(...applied.diagnostics);
    stage = applied.stage;
  } else if (options.round !== undefined) {
    diagnostics.push(diag('APPRAISAL_UNKNOWN_ROUND', '', { round: options.round, rounds: '—' }));
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { result: undefined, diagnostics };

  const ctx: Ctx = { compiled, evidence, prepared, diagnostics, flags: [], notApplicable: new Set() };
  const fields = compiled.fields.map((f) => (f.isLeaf ? scoreLeaf(ctx, f) : scoreGroup(ctx, f)));
  const bonus = scoreBlock(ctx, 'bonus');
  const penalty = scoreBlock(ctx, 'penalty');

  // Parts (e.g. assessment and survey), rounded separately where declared.
  const totalSteps: Step[] = [];
  const partRounding = compiled.rounding.get('part');
  const partMap = new Map<string, { points: Decimal; nominal: Decimal; applicable: Decimal }>();
  for (const f of fields) {
    const key = f.part ?? 'main';
    const p = partMap.get(key) ?? partMap.set(key, { points: ZERO, nominal: ZERO, applicable: ZERO }).get(key)!;
    p.points = p.points.plus(f.points);
    p.nominal = p.nominal.plus(f.nominalMax);
    p.applicable = p.applicable.plus(f.applicableMax);
  }
  const parts: PartTotal[] = [];
  let treePoints = ZERO;
  for (const [part, p] of partMap) {
    const pts = round(p.points, partRounding, 'part', totalSteps);
    treePoints = treePoints.plus(pts);
    parts.push({ part, points: decText(pts), nominalMax: decText(p.nominal), applicableMax: decText(p.applicable) });
  }
  const nominalMax = fields.reduce((s, f) => s.plus(f.nominalMax), ZERO);
  const applicableMax = fields.reduce((s, f) => s.plus(f.applicableMax), ZERO);
  const bonusPts = bonus ? new Decimal(bonus.points) : ZERO;
  const penaltyPts = penalty ? new Decimal(penalty.points) : ZERO;
  let points = treePoints.plus(bonusPts).minus(penaltyPts);
  if (points.isNeg()) {
    totalSteps.push({ kind: 'clamp', from: decText(points), to: '0', bound: 'floor' });
    points = ZERO;
  }
  points = round(points, compiled.rounding.get('total'), 'total', totalSteps);
  let index = applicableMax.isZero() ? ZERO : points.times(compiled.scale).div(applicableMax);
  index = round(index, compiled.rounding.get('index'), 'index', totalSteps);
  const band = compiled.bands.find((b) => {
    const iv = b.iv;
    if (iv.min !== null) {
      const c = index.cmp(iv.min);
      if (c < 0 || (c === 0 && !iv.minInclusive)) return false;
    }
    if (iv.max !== null) {
      const c = index.cmp(iv.max);
      if (c > 0 || (c === 0 && !iv.maxInclusive)) return false;
    }
    return true;
  });

  // Entries nothing used.
  const unused: UnusedEntry[] = [];
  evidence.entries.forEach((e, i) => {
    if (prepared.used[i]) return;
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
    diagnostics: sortDiagnostics(diagnostics),
    unused,
  };
  return { result, diagnostics };
}

/** Order diagnostics by path so that entry order in the file decides, then by code. */
function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list;
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
