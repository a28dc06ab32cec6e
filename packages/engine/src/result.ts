/**
 * The result tree of `score()`. Plain JSON: every number is a decimal string ("0.75", "89.95"), keys
 * come in a fixed order, so the same inputs give byte-identical JSON.
 */
import type { Diagnostic, Improvement, KindStep, PartsInTotal, RoundingLevel, RoundingMode, RuleNotApplicable, RuleType } from './deps.js';
import type { DocumentRef, Unit } from './evidence.js';
import type { BlockSummary, FieldSummary } from './summary.js';

/** A decimal written as text, exact: "0.75", "-0.25", "89.95". */
export type DecimalString = string;

export type NodeStatus = 'scored' | 'notApplicable' | 'missingEvidence' | 'invalid' | 'overridden';

export type FlagCode = 'notApplicable' | 'missingInput' | 'missingDocument' | 'needsExplanation' | 'explained' | 'claimMismatch' | 'invalid' | 'capped' | 'belowZero' | 'overridden' | 'corrected';

export interface RoundingStep {
  kind: 'round';
  level: RoundingLevel;
  from: DecimalString;
  to: DecimalString;
  places: number;
  mode: RoundingMode;
  /** At level "part": the part rounded. */
  part?: string;
}

/**
 * How the tree's points came from rounded parts (written when a part rounding is declared):
 * `roundedParts`, the sum of the rounded parts (`printed`); `exactParts`, the sum of the exact parts
 * (`exact`), each part being rounded for publication only.
 */
export interface PartsTotalStep {
  kind: 'partsTotal';
  rule: PartsInTotal;
  printed: DecimalString;
  exact: DecimalString;
}

export interface TraceInput {
  id: string;
  label: string;
  labelEn?: string;
  type: string;
  unit?: string;
  unitEn?: string;
  /**
   * The value as given, null when missing: numbers as decimal strings ("1164", "95.5"), dates
   * ("2026-01-10") and level ids ("on_time") as strings, yes/no as booleans, tallies as counts per option.
   */
  value: DecimalString | boolean | Record<string, DecimalString> | null;
  /** Index of the evidence entry the value came from, null when missing. */
  entry: number | null;
  /**
   * For a corrected value: what the unit gave before the appraisal corrected it, in which round, why,
   * and (when the appraisal file says) who corrected it and on which date (the item's, else its round's).
   */
  corrected?: { from: DecimalString | boolean | Record<string, DecimalString> | null; round: string; reason: string; by?: string; date?: string };
}

export interface TraceDocument {
  id: string;
  kind: string;
  kindEn?: string;
  label: string;
  labelEn?: string;
  required: boolean;
  provided: boolean;
  /** The documents that prove it, with the entry index they came from. */
  by: Array<DocumentRef & { entry: number }>;
}

/** A step a rule kind took (its module defines it: see @parindex/rules kinds). */
export type { KindStep };

/** Why a criterion did not apply: its applicability condition (at that JSON pointer of the set) held, or its rule said so. */
export type NotApplicableCause = { cause: 'condition'; at: string } | RuleNotApplicable;

export type Step =
  | KindStep
  | { kind: 'clamp'; from: DecimalString; to: DecimalString; bound: 'max' | 'floor' | 'cap' | 'scale' }
  /** The index is above the scale and the set allows it (policies.indexAboveScale "allow"). */
  | { kind: 'aboveScale'; index: DecimalString; scale: DecimalString }
  | RoundingStep
  | PartsTotalStep
  | ({ kind: 'notApplicable'; policy: 'fullPoints' | 'reduceMaximum'; points: DecimalString } & NotApplicableCause)
  | { kind: 'missing'; inputs: string[]; documents: string[]; policy: 'zero' | 'scoreAndFlag'; explanation: string | null }
  | { kind: 'override'; round: string; from: DecimalString; to: DecimalString; reason: string; by?: string; date?: string };

/** What would raise the points of a criterion, in the unit's own terms (data; sentences come from the explanation package). */
export type { Improvement };

export interface Claim {
  claimed: DecimalString;
  computed: DecimalString;
  matches: boolean;
  entry: number;
}

export interface Trace {
  rule: RuleType;
  /** The rule as declared in the set (for formatters that print it in a sentence). */
  inputs: TraceInput[];
  documents: TraceDocument[];
  steps: Step[];
  improve: Improvement[];
  claim?: Claim;
  explanation?: string;
  notes?: string[];
}

/**
 * Where a criterion comes from, as the set cites it: the document (title, issuer, number and date, null
 * when the published text gives none), the article and the quoted words; `model` when the rule is the
 * set's own model with no official text (its `note` says why).
 */
export interface SourceRef {
  document?: string;
  issuer?: string;
  number?: string | null;
  date?: string | null;
  article?: string;
  quote?: string;
  model?: boolean;
  note?: string;
  noteEn?: string;
}

export interface NodeResult {
  code: string;
  title: string;
  titleEn?: string;
  kind: 'group' | 'leaf';
  /** The maximum declared in the set. */
  nominalMax: DecimalString;
  /** The maximum that counts for this unit (0 when not applicable under reduceMaximum). */
  applicableMax: DecimalString;
  points: DecimalString;
  status: NodeStatus;
  flags: FlagCode[];
  source?: SourceRef;
  part?: string;
  /** Steps applied at group level: cap, floor, rounding. */
  steps?: Step[];
  children?: NodeResult[];
  trace?: Trace;
}

export interface BlockResult {
  title: string;
  titleEn?: string;
  max: DecimalString;
  /** Sum of the items before the block cap. */
  raw: DecimalString;
  points: DecimalString;
  capped: boolean;
  items: NodeResult[];
}

export interface PartTotal {
  part: string;
  /** As published: rounded where a part rounding is declared. */
  points: DecimalString;
  /** When a rounding applies to the part: its points before rounding. */
  exact?: DecimalString;
  nominalMax: DecimalString;
  applicableMax: DecimalString;
}

export interface Totals {
  /** Sum of the fields, after field/part rounding where declared. */
  treePoints: DecimalString;
  bonus: DecimalString;
  penalty: DecimalString;
  /** treePoints + bonus − penalty (never below 0), rounded at "total" where declared. */
  points: DecimalString;
  nominalMax: DecimalString;
  applicableMax: DecimalString;
  scale: DecimalString;
  /** points ÷ applicableMax × scale, rounded at "index" where declared. */
  index: DecimalString;
  classification: { code: string; label: string; labelEn?: string } | null;
  parts: PartTotal[];
  steps: Step[];
}

export interface Flag {
  code: FlagCode;
  criterion: string;
}

export interface UnusedEntry {
  entry: number;
  criterion?: string;
  input?: string;
  reason: 'notApplicable' | 'notReferenced' | 'unknown';
}

export interface Provenance {
  engine: string;
  criteriaSet: { ref: string; id: string; version: string; status: string; issuer: string; decision: string; sha256: string };
  evidence: { sha256: string };
  appraisal?: { sha256: string; round: string };
  /**
   * Scored with a reform plan (`parindex score --plan`): the evidence scored is the evidence file with the
   * inputs derived from the plan and its progress (`evidence.sha256` is of that, which no file holds);
   * these name the files it was made from: the plan (its id and SHA-256), its progress file (null: none)
   * and the evidence file. Set by the caller that derived the inputs; the engine never reads a plan.
   */
  plan?: { id: string; sha256: string; progressSha256: string | null; evidenceSha256: string };
}

export interface ScoreResult {
  formatVersion: 1;
  provenance: Provenance;
  unit: Unit;
  period: { from: string; to: string; label?: string };
  sample: boolean;
  /** Which score this is: "self" or an appraisal round id. */
  stage: string;
  totals: Totals;
  fields: NodeResult[];
  bonus?: BlockResult;
  penalty?: BlockResult;
  flags: Flag[];
  /** Warnings about the evidence (errors make score() throw instead). */
  diagnostics: Diagnostic[];
  unused: UnusedEntry[];
}

/** One criterion in the compact form: what it scored, without its trace. */
export interface CriterionRecord {
  code: string;
  status: NodeStatus;
  points: DecimalString;
  applicableMax: DecimalString;
  flags: FlagCode[];
}

/**
 * The compact form of a score (`score(set, evidence, { form: 'compact' })`): the same totals, fields,
 * flags, diagnostics, unused entries and provenance as the full result, and each criterion's points,
 * applicable maximum, status and flags, without the per-point trace (inputs, documents, steps, advice,
 * sources). A few KB instead of ~100 KB; the full result of the same inputs, when asked for, says the
 * same of every criterion (`toCompact(score(…))` equals it).
 */
export interface CompactResult {
  formatVersion: 1;
  form: 'compact';
  provenance: Provenance;
  unit: Unit;
  period: ScoreResult['period'];
  sample: boolean;
  stage: string;
  totals: Totals;
  fields: FieldSummary[];
  bonus?: BlockSummary;
  penalty?: BlockSummary;
  /** Every criterion: each field with its sub-criteria depth first, then the bonus items, then the penalty items. */
  criteria: CriterionRecord[];
  flags: Flag[];
  diagnostics: Diagnostic[];
  unused: UnusedEntry[];
}
