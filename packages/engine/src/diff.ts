/**
 * What changed between two score results, criterion by criterion, and why. Pure data (formatting is
 * the CLI's job). Typical pairs: the unit's self-score and an appraisal round; one round and the next;
 * this year and last year (different set versions: criteria are matched by code and the differences in
 * the set — criteria added or removed, maxima, titles, rule types — are reported as set changes).
 */
import { canonicalJson } from './canonical.js';
import { dec, decText } from './deps.js';
import type { DecimalString, FlagCode, NodeResult, NodeStatus, ScoreResult, Step, TraceInput } from './result.js';

type Value = TraceInput['value'];
type TierStep = Extract<Step, { kind: 'tier' }>;

export interface Change {
  from: DecimalString | null;
  to: DecimalString | null;
  /** to − from; null when one side is missing. */
  delta: DecimalString | null;
}

export type DiffReason =
  /** The criterion exists on one side only (the sets differ). */
  | { kind: 'onlyIn'; side: 'a' | 'b' }
  | { kind: 'max'; from: DecimalString; to: DecimalString }
  | { kind: 'title'; from: string; to: string }
  | { kind: 'rule'; from: string; to: string }
  | { kind: 'applicableMax'; from: DecimalString; to: DecimalString }
  | { kind: 'status'; from: NodeStatus; to: NodeStatus }
  | {
      kind: 'input';
      input: string;
      label: string;
      labelEn?: string;
      unit?: string;
      unitEn?: string;
      from: Value;
      to: Value;
      /** When b's value is an appraisal correction of the unit's value. */
      corrected?: { round: string; reason: string; by?: string };
    }
  | { kind: 'tier'; from: TierStep | null; to: TierStep | null }
  | { kind: 'part'; id: string; from: boolean; to: boolean }
  | { kind: 'document'; id: string; label: string; labelEn?: string; from: boolean; to: boolean }
  | { kind: 'override'; side: 'a' | 'b'; round: string; from: DecimalString; to: DecimalString; reason: string; by?: string }
  | { kind: 'flag'; flag: FlagCode; change: 'added' | 'removed' }
  | { kind: 'explanation'; from: string | null; to: string | null };

export interface NodeSide {
  points: DecimalString;
  nominalMax: DecimalString;
  applicableMax: DecimalString;
  status: NodeStatus;
  flags: FlagCode[];
}

export interface NodeDiff {
  code: string;
  title: string;
  titleEn?: string;
  kind: 'group' | 'leaf';
  /** 1 for a field or an item of the bonus/penalty block. */
  depth: number;
  parent: string | null;
  block?: 'bonus' | 'penalty';
  a: NodeSide | null;
  b: NodeSide | null;
  points: Change;
  /** Points, maxima, status or any explaining fact differ. */
  changed: boolean;
  reasons: DiffReason[];
}

export interface DiffSide {
  stage: string;
  unit: { code: string; name: string };
  criteriaSet: string;
  setSha256: string;
  evidenceSha256: string;
  appraisal?: { sha256: string; round: string };
}

export interface ResultDiff {
  a: DiffSide;
  b: DiffSide;
  sameSet: boolean;
  sameUnit: boolean;
  totals: {
    points: Change;
    treePoints: Change;
    bonus: Change;
    penalty: Change;
    nominalMax: Change;
    applicableMax: Change;
    index: Change;
    classification: {
      from: { code: string; label: string; labelEn?: string } | null;
      to: { code: string; label: string; labelEn?: string } | null;
      changed: boolean;
    };
  };
  /** Every criterion of either side, in b's document order with a-only criteria after their predecessor. */
  nodes: NodeDiff[];
  /** Codes of the criteria whose definition differs between the sets (added, removed, max, title, rule). */
  setChanges: string[];
  /**
   * The changed leaves, and how their points moved: raised + lowered + samePoints (a status, input or
   * text changed, not the points) + oneSide (points on one side only: a criterion added, removed or not
   * scored on one side) = changedLeaves.
   */
  counts: { changedLeaves: number; raised: number; lowered: number; samePoints: number; oneSide: number };
}

/** A changed leaf in the counts, by how its points moved (`delta` null: points on one side only). */
function countChange(c: ResultDiff['counts'], delta: DecimalString | null): void {
  c.changedLeaves++;
  if (delta === null) c.oneSide++;
  else {
    const d = dec(delta);
    if (d.gt(0)) c.raised++;
    else if (d.lt(0)) c.lowered++;
    else c.samePoints++;
  }
}

function change(from: DecimalString | null | undefined, to: DecimalString | null | undefined): Change {
  const f = from ?? null;
  const t = to ?? null;
  return { from: f, to: t, delta: f === null || t === null ? null : decText(dec(t).minus(dec(f))) };
}

function sameDecimal(a: DecimalString, b: DecimalString): boolean {
  return dec(a).eq(dec(b));
}

const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

/** Equal values: decimals compared as numbers, the rest by canonical JSON. */
export function sameValue(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string' && DECIMAL.test(a) && DECIMAL.test(b)) return sameDecimal(a, b);
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const x = a[k] ?? '0';
      const y = b[k] ?? '0';
      if (!sameDecimal(x, y)) return false;
    }
    return true;
  }
  return canonicalJson(a) === canonicalJson(b);
}

interface Flat {
  node: NodeResult;
  depth: number;
  parent: string | null;
  block?: 'bonus' | 'penalty';
}

function flatten(r: ScoreResult): Flat[] {
  const out: Flat[] = [];
  const walk = (n: NodeResult, depth: number, parent: string | null, block?: 'bonus' | 'penalty') => {
    out.push({ node: n, depth, parent, ...(block ? { block } : {}) });
    for (const c of n.children ?? []) walk(c, depth + 1, n.code, block);
  };
  for (const f of r.fields) walk(f, 1, null);
  for (const n of r.bonus?.items ?? []) walk(n, 1, null, 'bonus');
  for (const n of r.penalty?.items ?? []) walk(n, 1, null, 'penalty');
  return out;
}

function side(n: NodeResult): NodeSide {
  return { points: n.points, nominalMax: n.nominalMax, applicableMax: n.applicableMax, status: n.status, flags: [...n.flags] };
}

function tierOf(n: NodeResult): TierStep | null {
  return (n.trace?.steps.find((s) => s.kind === 'tier') as TierStep | undefined) ?? null;
}

/** Why b's value differs: the appraisal round that corrected it, its reason and who made it. */
function correctedReason(c: NonNullable<TraceInput['corrected']>): { round: string; reason: string; by?: string } {
  return { round: c.round, reason: c.reason, ...(c.by !== undefined ? { by: c.by } : {}) };
}

function overrides(n: NodeResult): Array<Extract<Step, { kind: 'override' }>> {
  return (n.trace?.steps ?? []).filter((s): s is Extract<Step, { kind: 'override' }> => s.kind === 'override');
}

function nodeReasons(a: NodeResult, b: NodeResult): DiffReason[] {
  const reasons: DiffReason[] = [];
  if (!sameDecimal(a.nominalMax, b.nominalMax)) reasons.push({ kind: 'max', from: a.nominalMax, to: b.nominalMax });
  if (a.title !== b.title) reasons.push({ kind: 'title', from: a.title, to: b.title });
  if (a.trace && b.trace && a.trace.rule !== b.trace.rule) reasons.push({ kind: 'rule', from: a.trace.rule, to: b.trace.rule });
  if (a.kind !== b.kind) reasons.push({ kind: 'rule', from: a.kind === 'group' ? 'group' : (a.trace?.rule ?? 'leaf'), to: b.kind === 'group' ? 'group' : (b.trace?.rule ?? 'leaf') });
  if (!sameDecimal(a.applicableMax, b.applicableMax) && sameDecimal(a.nominalMax, b.nominalMax)) reasons.push({ kind: 'applicableMax', from: a.applicableMax, to: b.applicableMax });
  if (a.status !== b.status) reasons.push({ kind: 'status', from: a.status, to: b.status });
  const ta = a.trace;
  const tb = b.trace;
  if (ta && tb) {
    const inA = new Map(ta.inputs.map((i) => [i.id, i]));
    const seen = new Set<string>();
    for (const ib of tb.inputs) {
      seen.add(ib.id);
      const ia = inA.get(ib.id);
      const from = ia ? ia.value : null;
      if (!sameValue(from, ib.value) || (ia === undefined && ib.value !== null)) {
        reasons.push({ ...inputReason(ib, from, ib.value), ...(ib.corrected ? { corrected: correctedReason(ib.corrected) } : {}) });
      }
    }
    for (const ia of ta.inputs) {
      if (seen.has(ia.id) || ia.value === null) continue;
      reasons.push(inputReason(ia, ia.value, null));
    }
    const tierA = tierOf(a);
    const tierB = tierOf(b);
    if ((tierA || tierB) && (tierA?.index !== tierB?.index || !sameDecimal(tierA?.points ?? '0', tierB?.points ?? '0'))) reasons.push({ kind: 'tier', from: tierA, to: tierB });
    const partsA = new Map(ta.steps.filter((s) => s.kind === 'part').map((s) => [(s as { id: string }).id, s as Extract<Step, { kind: 'part' }>]));
    for (const s of tb.steps) {
      if (s.kind !== 'part') continue;
      const pa = partsA.get(s.id);
      if (pa && pa.met !== s.met) reasons.push({ kind: 'part', id: s.id, from: pa.met, to: s.met });
    }
    const docsA = new Map(ta.documents.map((d) => [d.id, d]));
    for (const d of tb.documents) {
      const da = docsA.get(d.id);
      if (da && da.provided !== d.provided) reasons.push({ kind: 'document', id: d.id, label: d.label, ...(d.labelEn !== undefined ? { labelEn: d.labelEn } : {}), from: da.provided, to: d.provided });
    }
    if ((ta.explanation ?? null) !== (tb.explanation ?? null)) reasons.push({ kind: 'explanation', from: ta.explanation ?? null, to: tb.explanation ?? null });
  }
  const key = (o: Extract<Step, { kind: 'override' }>) => canonicalJson(o);
  const oa = overrides(a);
  const ob = overrides(b);
  const inOa = new Set(oa.map(key));
  const inOb = new Set(ob.map(key));
  for (const o of ob) if (!inOa.has(key(o))) reasons.push({ kind: 'override', side: 'b', round: o.round, from: o.from, to: o.to, reason: o.reason, ...(o.by !== undefined ? { by: o.by } : {}) });
  for (const o of oa) if (!inOb.has(key(o))) reasons.push({ kind: 'override', side: 'a', round: o.round, from: o.from, to: o.to, reason: o.reason, ...(o.by !== undefined ? { by: o.by } : {}) });
  const fa = new Set(a.flags);
  const fb = new Set(b.flags);
  for (const f of b.flags) if (!fa.has(f)) reasons.push({ kind: 'flag', flag: f, change: 'added' });
  for (const f of a.flags) if (!fb.has(f)) reasons.push({ kind: 'flag', flag: f, change: 'removed' });
  return reasons;
}

const SET_REASONS = new Set<DiffReason['kind']>(['onlyIn', 'max', 'title', 'rule']);

function diffSide(r: ScoreResult): DiffSide {
  return {
    stage: r.stage,
    unit: { code: r.unit.code, name: r.unit.name },
    criteriaSet: r.provenance.criteriaSet.ref,
    setSha256: r.provenance.criteriaSet.sha256,
    evidenceSha256: r.provenance.evidence.sha256,
    ...(r.provenance.appraisal ? { appraisal: { ...r.provenance.appraisal } } : {}),
  };
}

/** Merged order: b's order; an a-only node goes right after the node that precedes it in a. */
function mergedOrder(fa: ReturnType<typeof flatten>, fb: ReturnType<typeof flatten>, byB: ReadonlyMap<string, unknown>): string[] {
  const order: string[] = fb.map((x) => x.node.code);
  for (let i = 0; i < fa.length; i++) {
    const code = fa[i]!.node.code;
    if (byB.has(code)) continue;
    const prev = i > 0 ? fa[i - 1]!.node.code : null;
    const at = prev === null ? -1 : order.indexOf(prev);
    order.splice(at + 1, 0, code);
  }
  return order;
}

/** Compare two results criterion by criterion (matched by code). */
export function diffResults(a: ScoreResult, b: ScoreResult): ResultDiff {
  const fa = flatten(a);
  const fb = flatten(b);
  const byA = new Map(fa.map((x) => [x.node.code, x]));
  const byB = new Map(fb.map((x) => [x.node.code, x]));
  const order = mergedOrder(fa, fb, byB);

  const nodes: NodeDiff[] = [];
  const counts: ResultDiff['counts'] = { changedLeaves: 0, raised: 0, lowered: 0, samePoints: 0, oneSide: 0 };
  for (const code of order) {
    const xa = byA.get(code);
    const xb = byB.get(code);
    const ref = (xb ?? xa)!;
    const n = ref.node;
    const points = change(xa?.node.points, xb?.node.points);
    let reasons: DiffReason[];
    if (xa && xb) reasons = nodeReasons(xa.node, xb.node);
    else reasons = [{ kind: 'onlyIn', side: xa ? 'a' : 'b' }];
    const pointsChanged = points.delta === null || !dec(points.delta).isZero();
    const changed = pointsChanged || reasons.length > 0;
    const leaf = (xa?.node.kind ?? 'leaf') === 'leaf' || (xb?.node.kind ?? 'leaf') === 'leaf';
    if (changed && leaf) countChange(counts, points.delta);
    nodes.push({
      code,
      title: n.title,
      ...(n.titleEn !== undefined ? { titleEn: n.titleEn } : {}),
      kind: n.kind,
      depth: ref.depth,
      parent: ref.parent,
      ...(ref.block ? { block: ref.block } : {}),
      a: xa ? side(xa.node) : null,
      b: xb ? side(xb.node) : null,
      points,
      changed,
      reasons,
    });
  }

  const ca = a.totals.classification;
  const cb = b.totals.classification;
  return {
    a: diffSide(a),
    b: diffSide(b),
    sameSet: a.provenance.criteriaSet.sha256 === b.provenance.criteriaSet.sha256,
    sameUnit: a.unit.code === b.unit.code,
    totals: {
      points: change(a.totals.points, b.totals.points),
      treePoints: change(a.totals.treePoints, b.totals.treePoints),
      bonus: change(a.totals.bonus, b.totals.bonus),
      penalty: change(a.totals.penalty, b.totals.penalty),
      nominalMax: change(a.totals.nominalMax, b.totals.nominalMax),
      applicableMax: change(a.totals.applicableMax, b.totals.applicableMax),
      index: change(a.totals.index, b.totals.index),
      classification: { from: ca ? { ...ca } : null, to: cb ? { ...cb } : null, changed: (ca?.code ?? null) !== (cb?.code ?? null) },
    },
    nodes,
    setChanges: nodes.filter((n) => n.reasons.some((r) => SET_REASONS.has(r.kind))).map((n) => n.code),
    counts,
  };
}

/** An input that changed, with its labels and units as the trace gives them. */
function inputReason(i: TraceInput, from: TraceInput['value'], to: TraceInput['value']): Extract<DiffReason, { kind: 'input' }> {
  return {
    kind: 'input',
    input: i.id,
    label: i.label,
    ...(i.labelEn !== undefined ? { labelEn: i.labelEn } : {}),
    ...(i.unit !== undefined ? { unit: i.unit } : {}),
    ...(i.unitEn !== undefined ? { unitEn: i.unitEn } : {}),
    from,
    to,
  };
}
