/**
 * A small summary of a score result: enough to rank and list a unit (rank(), summarize(), a ranking
 * table), a few KB instead of the ~80 KB result tree with its trace. Pure, browser-safe; the worker
 * pool (`@parindex/engine/pool`) sends these across threads and keeps the full results where they were made.
 */
import type { Unit } from './evidence.js';
import type { CompactResult, CriterionRecord, DecimalString, NodeResult, NodeStatus, ScoreResult, Totals } from './result.js';

/** A field (top-level node) of the result, without its children and trace. */
export interface FieldSummary {
  code: string;
  title: string;
  titleEn?: string;
  nominalMax: DecimalString;
  applicableMax: DecimalString;
  points: DecimalString;
  status: NodeStatus;
}

/** The bonus or penalty block, without its items. */
export interface BlockSummary {
  max: DecimalString;
  raw: DecimalString;
  points: DecimalString;
  capped: boolean;
}

export interface ScoreSummary {
  unit: Unit;
  /** "id@version" of the set that scored it. */
  criteriaSet: string;
  /** SHA-256 of the canonical JSON of the evidence (as in the result's provenance). */
  evidenceSha256: string;
  period: ScoreResult['period'];
  sample: boolean;
  stage: string;
  /** The result's totals, as they are (points, maxima, index, classification, parts, rounding steps). */
  totals: Totals;
  fields: FieldSummary[];
  bonus?: BlockSummary;
  penalty?: BlockSummary;
  counts: {
    /** Entries of the result's `flags` list. */
    flags: number;
    /** Warnings in the result's `diagnostics`. */
    diagnostics: number;
    /** Evidence entries the set does not use. */
    unused: number;
  };
}

const block = (b: NonNullable<ScoreResult['bonus']>): BlockSummary => ({ max: b.max, raw: b.raw, points: b.points, capped: b.capped });

/** @internal A field's summary: its code and titles, its nominal maximum, and the figures and status it scored (a result or a record). */
export function fieldSummary(f: { code: string; title: string; titleEn?: string | undefined }, nominalMax: string, scored: Pick<NodeResult, 'applicableMax' | 'points' | 'status'>): FieldSummary {
  const { applicableMax, points, status } = scored;
  // One literal per shape: every member in the object itself (added one by one, five of them went to
  // a second object, kept with every result of a ranking).
  return f.titleEn !== undefined
    ? { code: f.code, title: f.title, titleEn: f.titleEn, nominalMax, applicableMax, points, status }
    : { code: f.code, title: f.title, nominalMax, applicableMax, points, status };
}

/** The fields of a full result as the compact form and the summary give them. */
function fieldSummaries(result: ScoreResult): FieldSummary[] {
  const fields: FieldSummary[] = new Array(result.fields.length);
  for (let i = 0; i < result.fields.length; i++) fields[i] = fieldSummary(result.fields[i]!, result.fields[i]!.nominalMax, result.fields[i]!);
  return fields;
}

function pushRecords(nodes: readonly NodeResult[], out: CriterionRecord[]): void {
  for (const n of nodes) {
    out.push({ code: n.code, status: n.status, points: n.points, applicableMax: n.applicableMax, flags: n.flags });
    if (n.children) pushRecords(n.children, out);
  }
}

/**
 * The compact form of a full result (what `score(…, { form: 'compact' })` returns for the same inputs).
 * Shares the result's objects (no copy).
 */
export function toCompact(result: ScoreResult | CompactResult): CompactResult {
  if ('form' in result) return result;
  const criteria: CriterionRecord[] = [];
  pushRecords(result.fields, criteria);
  if (result.bonus) pushRecords(result.bonus.items, criteria);
  if (result.penalty) pushRecords(result.penalty.items, criteria);
  const out = {
    formatVersion: result.formatVersion,
    form: 'compact',
    provenance: result.provenance,
    unit: result.unit,
    period: result.period,
    sample: result.sample,
    stage: result.stage,
    totals: result.totals,
    fields: fieldSummaries(result),
  } as CompactResult;
  if (result.bonus) out.bonus = block(result.bonus);
  if (result.penalty) out.penalty = block(result.penalty);
  out.criteria = criteria;
  out.flags = result.flags;
  out.diagnostics = result.diagnostics;
  out.unused = result.unused;
  return out;
}

/** The summary of a result, full or compact. Shares the result's `unit` and `totals` objects (no copy). */
export function toSummary(result: ScoreResult | CompactResult): ScoreSummary {
  const compact = 'form' in result;
  const out: ScoreSummary = {
    unit: result.unit,
    criteriaSet: result.provenance.criteriaSet.ref,
    evidenceSha256: result.provenance.evidence.sha256,
    period: result.period,
    sample: result.sample,
    stage: result.stage,
    totals: result.totals,
    fields: compact ? result.fields : fieldSummaries(result),
  } as ScoreSummary;
  if (result.bonus) out.bonus = compact ? (result.bonus as BlockSummary) : block(result.bonus as NonNullable<ScoreResult['bonus']>);
  if (result.penalty) out.penalty = compact ? (result.penalty as BlockSummary) : block(result.penalty as NonNullable<ScoreResult['penalty']>);
  out.counts = { flags: result.flags.length, diagnostics: result.diagnostics.length, unused: result.unused.length };
  return out;
}
