/**
 * score(compiled, evidence): the result tree with exact points, statuses, flags and a per-point trace.
 * Pure and synchronous; the same inputs give byte-identical JSON.
 */
import { type Decimal, ParindexError, addDec, decText, diag, intervalContains, type Diagnostic, type InputDef } from './deps.js';
import type { CompiledInput, CompiledSet } from './compile.js';
import { leafReading } from './leaf.js';
import { readInput, type Input } from './read-input.js';
import { plusZero, round, ZERO, type Ctx } from './score-context.js';
import type { BlockResult, CompactResult, CriterionRecord, NodeResult, PartTotal, ScoreResult, Step, UnusedEntry } from './result.js';
import type { BlockSummary, FieldSummary } from './summary.js';
import { scoreTree, type Tree } from './tree.js';
import { valuePath } from './values.js';
import { ENGINE_NAME, ENGINE_VERSION } from './version.js';

export interface ScoreOptions {
  /** An appraisal file's parsed JSON: its rounds correct values or override points. */
  appraisal?: unknown;
  /** The appraisal round to score up to (its id). Default: the last round. */
  round?: string;
  /**
   * "full" (the default): the result tree with every criterion's trace. "compact": the same points,
   * statuses, flags, totals and diagnostics without the trace (see CompactResult), several times faster
   * to make; the full result of the same inputs can be made later when someone asks how a point was earned.
   */
  form?: 'full' | 'compact';
}

interface Run {
  result: ScoreResult | CompactResult | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Parts (e.g. assessment and survey), each rounded where declared (its own rounding, else the "part"
 * rounding). The tree's points are the sum of the rounded parts, or, under policies.partsInTotal
 * "exactParts", of the exact parts (the rounded ones are published only); a partsTotal step says which.
 */
function partsOf(compiled: CompiledSet, t: Tree<unknown, unknown>, steps: Step[]): { parts: PartTotal[]; treePoints: Decimal } {
  const partMap = new Map<string, { points: Decimal; nominal: Decimal; applicable: Decimal }>();
  compiled.fields.forEach((f, i) => {
    const x = t.fieldExact[i]!;
    const key = f.node.part ?? 'main';
    const p = partMap.get(key) ?? partMap.set(key, { points: ZERO, nominal: ZERO, applicable: ZERO }).get(key)!;
    p.points = addDec(p.points, x.points);
    p.nominal = addDec(p.nominal, plusZero(f.max));
    p.applicable = addDec(p.applicable, x.applicableMax);
  });
  // Lists of their exact length (a list grown by push has room for 17): the totals are kept with every result of a ranking.
  const parts = new Array<PartTotal>(partMap.size);
  let printed = ZERO;
  let exact = ZERO;
  let rounded = false;
  let at = 0;
  for (const [part, p] of partMap) {
    const rounding = compiled.partRounding.get(part) ?? compiled.rounding.get('part');
    const pts = round(p.points, rounding, 'part', steps, part);
    printed = addDec(printed, pts);
    exact = addDec(exact, p.points);
    const row: PartTotal = { part, points: decText(pts), nominalMax: decText(p.nominal), applicableMax: decText(p.applicable) };
    if (rounding) {
      rounded = true;
      row.exact = decText(p.points);
    }
    parts[at++] = row;
  }
  if (!rounded) return { parts, treePoints: printed };
  const rule = compiled.set.policies.partsInTotal ?? 'roundedParts';
  steps.push({ kind: 'partsTotal', rule, printed: decText(printed), exact: decText(exact) });
  return { parts, treePoints: rule === 'exactParts' ? exact : printed };
}

/** Bonus points may lift the index above the scale: the set's policy caps it there, or allows it; the trace says which. */
function indexWithinScale(compiled: CompiledSet, index: Decimal, steps: Step[]): Decimal {
  if (!index.gt(compiled.scale)) return index;
  if (compiled.set.policies.indexAboveScale === 'cap') {
    steps.push({ kind: 'clamp', from: decText(index), to: decText(compiled.scale), bound: 'scale' });
    return compiled.scale;
  }
  steps.push({ kind: 'aboveScale', index: decText(index), scale: decText(compiled.scale) });
  return index;
}

function totalsOf(compiled: CompiledSet, t: Tree<unknown, unknown>): ScoreResult['totals'] {
  const steps: Step[] = [];
  const { parts, treePoints } = partsOf(compiled, t, steps);
  let nominalMax = ZERO;
  let applicableMax = ZERO;
  t.fieldExact.forEach((_, i) => {
    nominalMax = addDec(nominalMax, plusZero(compiled.fields[i]!.max));
    applicableMax = addDec(applicableMax, t.fieldExact[i]!.applicableMax);
  });
  let points = treePoints.plus(t.bonusPts).minus(t.penaltyPts);
  if (points.isNeg()) {
    steps.push({ kind: 'clamp', from: decText(points), to: '0', bound: 'floor' });
    points = ZERO;
  }
  points = round(points, compiled.rounding.get('total'), 'total', steps);
  let index = applicableMax.isZero() ? ZERO : points.times(compiled.scale).div(applicableMax);
  index = round(index, compiled.rounding.get('index'), 'index', steps);
  index = indexWithinScale(compiled, index, steps);
  const band = compiled.bands.find((b) => intervalContains(b.iv, index));
  return {
    treePoints: decText(treePoints),
    bonus: decText(t.bonusPts),
    penalty: decText(t.penaltyPts),
    points: decText(points),
    nominalMax: decText(nominalMax),
    applicableMax: decText(applicableMax),
    scale: decText(compiled.scale),
    index: decText(index),
    classification: band ? band.shown : null,
    parts,
    steps: steps.slice(),
  };
}

/**
 * The inputs declared on no leaf (set-level inputs, read by the leaves that name them), with their slots:
 * every leaf is scored in every unit, and its trace shows its own inputs whatever it read, so only a
 * value of one of these can go unshown (found once per compiled set).
 */
const UNDECLARED = new WeakMap<CompiledSet, ReadonlyArray<CompiledInput>>();
function undeclaredOnLeaves(compiled: CompiledSet): ReadonlyArray<CompiledInput> {
  let inputs = UNDECLARED.get(compiled);
  if (!inputs) {
    const declared = new Set(compiled.leaves.flatMap((l) => l.plan!.ownShown));
    inputs = [...compiled.inputs.values()].filter((i) => !declared.has(i.def.id));
    UNDECLARED.set(compiled, inputs);
  }
  return inputs;
}

/**
 * A value of a used entry that it gave (a repeated value is the first entry's) and no trace shows: said
 * unused. A trace shows the inputs declared on its leaf and those its leaf read (ctx.reading's list,
 * which also holds those found too short); only a value of a set-level input can go unshown.
 */
function sayIfUnused(ctx: Ctx, undeclared: readonly CompiledInput[], entry: number, id: string): void {
  const input = ctx.compiled.inputs.get(id);
  if (!input || !undeclared.includes(input) || ctx.prepared.values[input.slot]?.entry !== entry || ctx.reading.ids.includes(id)) return;
  const at = valuePath(ctx.evidence, entry, id);
  ctx.diagnostics.push(diag('EVIDENCE_UNUSED_ENTRY', at, { at }));
}

/** Entries nothing used; a used entry may still carry a value no criterion shows: say so rather than drop it. */
function unusedEntries(ctx: Ctx): UnusedEntry[] {
  const { compiled, evidence, prepared, diagnostics } = ctx;
  const undeclared = undeclaredOnLeaves(compiled);
  // The entries of the set-level values no leaf read: nearly always none, and the others are not walked for one.
  let unshown: Set<number> | undefined;
  for (const input of undeclared) {
    const rec = prepared.values[input.slot];
    if (rec && !ctx.reading.ids.includes(input.def.id)) (unshown ??= new Set()).add(rec.entry);
  }
  const unused: UnusedEntry[] = [];
  evidence.entries.forEach((e, i) => {
    if (prepared.used[i]) {
      if (!unshown?.has(i)) return;
      // Its input, then its values' ids: each shown by a trace, or set by another entry, or said unused.
      if (e.input !== undefined) sayIfUnused(ctx, undeclared, i, e.input);
      if (e.values) for (const id of Object.keys(e.values)) sayIfUnused(ctx, undeclared, i, id);
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
  return unused;
}

const ENGINE = `${ENGINE_NAME}@${ENGINE_VERSION}`;

function provenanceOf(compiled: CompiledSet, inp: Input): ScoreResult['provenance'] {
  const p: ScoreResult['provenance'] = {
    engine: ENGINE,
    criteriaSet: compiled.named,
    evidence: { sha256: inp.evidenceSha },
  };
  if (inp.appraisalSha !== undefined) p.appraisal = { sha256: inp.appraisalSha, round: inp.stage };
  return p;
}

function run(compiled: CompiledSet, evidenceInput: unknown, options: ScoreOptions, all = false, trace = true): Run {
  const inp = readInput(compiled, evidenceInput, options, all);
  if (Array.isArray(inp)) return { result: undefined, diagnostics: withInputLabels(compiled, inp) };
  const { evidence, prepared, diagnostics } = inp;
  const ctx: Ctx = {
    compiled,
    trace,
    evidence,
    prepared,
    diagnostics,
    flags: [],
    notApplicable: new Set(),
    last: { points: ZERO, applicableMax: ZERO, status: 'scored' },
    records: trace ? null : new Array<CriterionRecord>(compiled.nodes.size),
    recorded: 0,
    reading: leafReading(compiled, prepared, trace),
  };
  // Every node has its record (a set's bonus and penalty items are leaves): the list is full after.
  const tree = scoreTree(ctx);
  const totals = totalsOf(compiled, tree);
  const unused = unusedEntries(ctx);
  if (inp.failed) return { result: undefined, diagnostics: withInputLabels(compiled, withoutEchoes(diagnostics)) };
  // In a fixed order: the evidence's own problems in entry order, then criterion by criterion, then unused entries.
  const labelled = withInputLabels(compiled, diagnostics);
  // Keys in this order (the JSON of a result is byte-stable; the compact form's as toCompact writes them); assigned, not spread: once per unit.
  const records = ctx.records;
  const result = (records ? { formatVersion: 1, form: 'compact' } : { formatVersion: 1 }) as ScoreResult & CompactResult;
  result.provenance = provenanceOf(compiled, inp);
  result.unit = evidence.unit;
  result.period = evidence.period;
  result.sample = evidence.sample === true;
  result.stage = inp.stage;
  result.totals = totals;
  // The fields and blocks are those of the form (results, or the compact form's summaries).
  result.fields = (records ? tree.fields.slice() : tree.fields) as NodeResult[] & FieldSummary[];
  if (tree.bonus) result.bonus = tree.bonus as BlockResult & BlockSummary;
  if (tree.penalty) result.penalty = tree.penalty as BlockResult & BlockSummary;
  if (records) result.criteria = records;
  // The compact form's list of its exact length (kept with every result of a ranking).
  result.flags = records ? ctx.flags.slice() : ctx.flags;
  result.diagnostics = labelled;
  result.unused = unused;
  return { result, diagnostics: labelled };
}

/**
 * Score one unit's evidence with a compiled set. Throws a ParindexError carrying every error (with
 * JSON pointers into the evidence, or the appraisal for APPRAISAL_* codes); warnings are in the result.
 */
export function score(compiled: CompiledSet, evidence: unknown, options?: ScoreOptions & { form?: 'full' }): ScoreResult;
export function score(compiled: CompiledSet, evidence: unknown, options: ScoreOptions & { form: 'compact' }): CompactResult;
export function score(compiled: CompiledSet, evidence: unknown, options?: ScoreOptions): ScoreResult | CompactResult;
export function score(compiled: CompiledSet, evidence: unknown, options: ScoreOptions = {}): ScoreResult | CompactResult {
  const compact = options.form === 'compact';
  if (options.form !== undefined && !compact && options.form !== 'full') throw new TypeError(`Unknown result form "${String(options.form)}"`);
  // The dashboard entry's sets score in the compact form until a page attaches the advice (withAdvice).
  if (!compact && compiled.advice === null) throw new ParindexError([diag('SCORE_NEEDS_ADVICE', '', {})]);
  const r = run(compiled, evidence, options, false, !compact);
  if (!r.result) throw new ParindexError(r.diagnostics.filter((d) => d.severity === 'error'));
  return r.result;
}

/** Every problem of an evidence file (and appraisal) against a compiled set, errors and warnings, without throwing. */
export function checkEvidence(compiled: CompiledSet, evidence: unknown, options: ScoreOptions = {}): Diagnostic[] {
  // Both forms give the same diagnostics (the same stages decide them): the compact one, which needs no advice, is cheaper.
  return run(compiled, evidence, options, true, false).diagnostics;
}

/** The label params of an input's diagnostics, made once per input of a compiled set. */
const LABELS = new WeakMap<InputDef, { label: string; labelEn?: string }>();
function labelsOf(def: InputDef): { label: string; labelEn?: string } {
  let labels = LABELS.get(def);
  if (!labels) {
    labels = def.labelEn !== undefined ? { label: def.label, labelEn: def.labelEn } : { label: def.label };
    LABELS.set(def, labels);
  }
  return labels;
}

/** The labels of the input a value may not exceed, as otherLabel / otherLabelEn. */
function otherLabels(compiled: CompiledSet, id: string): { otherLabel: string; otherLabelEn?: string } | undefined {
  const def = compiled.inputs.get(id)?.def;
  if (!def) return undefined;
  return def.labelEn !== undefined ? { otherLabel: def.label, otherLabelEn: def.labelEn } : { otherLabel: def.label };
}

/** Each diagnostic of an input of the set with the input's label, so that its sentence names it as the officer knows it. */
function withInputLabels(compiled: CompiledSet, diagnostics: Diagnostic[]): Diagnostic[] {
  let out: Diagnostic[] | undefined;
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i]!;
    const id = (d.params as { input?: unknown }).input;
    const def = typeof id === 'string' ? compiled.inputs.get(id)?.def : undefined;
    if (!def) continue;
    out ??= diagnostics.slice();
    // The same diagnostic with two params more (every code about an input declares them: InputLabel).
    const named: { params: object } = { ...d };
    // Object.assign of data objects, not a spread: params come in many shapes, where a spread takes
    // V8's slow path (~1 µs each, several per unit).
    named.params = Object.assign({}, d.params, labelsOf(def), d.code === 'EVIDENCE_EXCEEDS_OTHER' ? otherLabels(compiled, d.params.other) : undefined);
    out[i] = named as Diagnostic;
  }
  return out ?? diagnostics;
}

/**
 * The later stages' warnings that only repeat an error already given: a value refused is also "missing"
 * to its criterion, a document date refused is also "no date", a list of documents refused is also "no
 * document", an entry refused is also "unused", and the criterion a mistyped code was meant for ("did
 * you mean 3.7.1?") also lacks its values.
 */
function withoutEchoes(diagnostics: Diagnostic[]): Diagnostic[] {
  const refusedInputs = new Set<string>();
  /** Every refused path and each of its ancestors (a set: a file may have 100,000 problems). */
  const refusedUnderPaths = new Set<string>();
  const refusedAt = new Set<string>();
  const meant = new Set<string>();
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    refusedAt.add(d.path);
    for (let p = d.path; p !== '' && !refusedUnderPaths.has(p); p = p.slice(0, p.lastIndexOf('/'))) refusedUnderPaths.add(p);
    const input = (d.params as { input?: unknown }).input;
    if (typeof input === 'string') refusedInputs.add(input);
    if (d.code === 'EVIDENCE_UNKNOWN_CRITERION' && d.params.suggest !== undefined) meant.add(d.params.suggest);
  }
  const refusedUnder = (p: string) => refusedUnderPaths.has(p);
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if ((d.code === 'SCORE_MISSING_INPUT' || d.code === 'SCORE_MISSING_DOCUMENT') && meant.has(d.params.code)) continue;
    if (d.code === 'SCORE_MISSING_INPUT' && (refusedInputs.has(d.params.input) || refusedAt.has(`${d.path}/values`) || refusedUnder(`${d.path}/values/${d.params.input}`))) continue;
    if (d.code === 'SCORE_MISSING_DOCUMENT' && refusedUnder(`${d.path}/documents`)) continue;
    if (d.code === 'EVIDENCE_UNUSED_ENTRY' && refusedUnder(d.path)) continue;
    if (d.code === 'EVIDENCE_DOCUMENT_INCOMPLETE') {
      const missing = d.params.missing.filter((m) => !refusedUnder(`${d.path}/${m}`));
      if (missing.length === 0) continue;
      if (missing.length < d.params.missing.length) {
        out.push({ ...d, params: { ...d.params, missing } });
        continue;
      }
    }
    out.push(d);
  }
  return out;
}
