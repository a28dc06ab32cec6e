/**
 * compile(set): validate a criteria set once and turn it into an immutable structure the scorer walks
 * for every unit: nodes by code, inputs by id, every decimal constant parsed once.
 */
import {
  Decimal,
  ParindexError,
  compileCondition,
  conditionReads,
  dec,
  decText,
  runtimeKindOf,
  parseCriteriaSet,
  intervalOf,
  type CompiledCondition,
  type Evaluation,
  type Improvement,
  type Reader,
  type StepSink,
  type CriteriaSet,
  type CriterionNode,
  type DocumentReq,
  type InputDef,
  type Interval,
  type Rule,
  type Rounding,
  type RoundingLevel,
} from './deps.js';
import { hashJson } from './canonical.js';
import type { CriterionRecord, FlagCode, KindStep, NodeResult, NodeStatus, ScoreResult, SourceRef, Step, Totals } from './result.js';
import type { LeafRun } from './leaf.js';
import { NO_FLAGS } from './score-context.js';
import { ADVICE } from './advice.js';

/** The source as the result carries it, keys in a fixed order (the url and the quote's tier stay in the set). */
function sourceRefOf(src: NonNullable<CriterionNode['source']>): SourceRef {
  const out: SourceRef = {};
  for (const key of ['document', 'issuer', 'number', 'date', 'article', 'quote', 'model', 'note', 'noteEn'] as const) if (src[key] !== undefined) (out as Record<string, unknown>)[key] = src[key];
  return Object.freeze(out);
}

export interface CompiledInput {
  def: InputDef;
  /** The criterion that declares it, or null for a set-level input. */
  criterion: string | null;
  options: ReadonlyMap<string, string> | null;
  min: Decimal | null;
  max: Decimal | null;
  /** Its place among the set's inputs (their order in `inputs`): where a unit's value of it is kept (values.ts Prepared). */
  slot: number;
  /** What a trace shows of it, in one shape for every input (a set's inputs come in many: each read of one is a slow lookup). */
  shown: InputShown;
}

export interface InputShown {
  id: string;
  label: string;
  labelEn: string | undefined;
  type: InputDef['type'];
  unit: string | undefined;
  unitEn: string | undefined;
}

export interface CompiledNode {
  code: string;
  /** Its place among the set's nodes (their order in `nodes`): where a unit's entries, documents and claim for it are kept (values.ts Prepared). */
  index: number;
  node: CriterionNode;
  parent: string | null;
  depth: number;
  isLeaf: boolean;
  /** JSON pointer of the node in the set file. */
  path: string;
  /** Which block the node belongs to. */
  block: 'fields' | 'bonus' | 'penalty';
  max: Decimal;
  floor: Decimal;
  cap: Decimal | null;
  children: CompiledNode[];
  /** Leaves only: the rule as declared, and every input it (and the applicability condition) reads. */
  rule: Rule | null;
  reads: string[];
  /** The inputs the rule itself reads (without the applicability condition). */
  ruleReads: ReadonlySet<string>;
  /** Inputs declared on this leaf (evidence gives them under its code). */
  ownInputs: string[];
  documents: DocumentReq[];
  /** Leaves only: the rule compiled by its kind module. */
  kind: CompiledRule | null;
  /** The applicability condition, compiled. */
  notApplicableWhen: CompiledCondition | null;
  /** The maximum as text (the result shows it). */
  maxText: string;
  /** Leaves only: what scoring the leaf needs to know of its inputs and documents. */
  plan: LeafPlan | null;
  /** The source as every result carries it (made once, frozen, shared by the results), or null. */
  sourceRef: SourceRef | null;
  /**
   * The compact records of the node's two usual outcomes, scored in full ([0]) and scored zero ([1]) out of its
   * whole maximum, with no flag (score-context.ts keptRecord): made once, frozen, shared by the results
   * of every unit. Null for a leaf that is a field, whose record the field rounding rewrites.
   */
  usual: readonly CriterionRecord[] | null;
}

/** Per leaf, decided once: which inputs must be given, which are shown first, how documents prove. */
export interface LeafPlan {
  /** A document without "for" proves a requirement (one required document, or one document). */
  anyDocProves: boolean;
  /** The ids of the documents it requires, in order. */
  requiredDocs: string[];
  /** What missing evidence scores (the leaf's policy, else the set's). */
  missingEvidence: CriteriaSet['policies']['missingEvidence'];
  /** The required inputs the rule itself reads, in id order. */
  requiredReads: CompiledInput[];
  /** Each input the leaf reads (CompiledNode.reads), in that order: where a value read is kept. */
  readInputs: CompiledInput[];
  /** The leaf's own declared inputs, without repeats, in order (the first inputs of its trace), and the same compiled. */
  ownShown: string[];
  ownShownInputs: CompiledInput[];
  /** Required inputs the applicability condition reads: without them it cannot be decided. */
  applicabilityRequired: CompiledInput[];
  /**
   * What the leaf's trace says of its rule: its type, and its note as the trace's notes (a list made
   * once, frozen, shared by the results), or null. Read from the rule itself per leaf these were a
   * lookup on a rule of any kind's shape (and mostly of a key it does not have).
   */
  ruleType: Rule['type'];
  notes: readonly string[] | null;
}

function leafPlan(set: CriteriaSet, n: CriterionNode, reads: readonly string[], ruleReads: ReadonlySet<string>, inputs: ReadonlyMap<string, CompiledInput>): LeafPlan {
  const documents = n.documents ?? [];
  const requiredDocs = documents.filter((d) => d.required !== false).map((d) => d.id);
  const ownShown: string[] = [];
  for (const d of n.inputs ?? []) if (!ownShown.includes(d.id)) ownShown.push(d.id);
  const isRequired = (id: string) => inputs.get(id)?.def.required !== false;
  const applicabilityReads = new Set<string>();
  if (n.applicability) conditionReads(n.applicability.notApplicableWhen, applicabilityReads);
  // Every input a rule or condition reads is declared (the set's checks say so).
  const inputOf = (id: string) => inputs.get(id)!;
  return {
    anyDocProves: requiredDocs.length === 1 || documents.length === 1,
    requiredDocs,
    missingEvidence: n.missingEvidence ?? set.policies.missingEvidence,
    requiredReads: n.rule ? reads.filter((id) => isRequired(id) && ruleReads.has(id)).map(inputOf) : [],
    readInputs: reads.map(inputOf),
    ownShown,
    ownShownInputs: ownShown.map(inputOf),
    applicabilityRequired: [...applicabilityReads].sort().filter(isRequired).map(inputOf),
    // Every leaf of a checked set has a rule (full-result.ts traceOf and evaluate rely on it, as they did on node.rule).
    ruleType: n.rule?.type as Rule['type'],
    notes: n.rule?.note !== undefined ? Object.freeze([n.rule.note]) : null,
  };
}

/** A leaf's rule compiled by its kind: its evaluation (steps into the sink, when there is one), and its compiled form for the advice. */
export interface CompiledRule {
  readonly type: Rule['type'];
  /** The kind's compiled form of the rule. */
  readonly compiled: unknown;
  /**
   * What its kind's advice shares between results (KindAdvice.prepare), worked out when a full result
   * first asks for its advice (./advice.ts); undefined until then.
   */
  prepared: unknown;
  evaluate(read: Reader, steps: StepSink<KindStep>): Evaluation<unknown>;
}

/**
 * What the full result has and the compact form does not: what would raise a criterion's points (the rule
 * kinds' advice) and the result objects with their traces (./full-result.ts); ADVICE of ./advice.ts
 * (`@parindex/engine/advice`). @parindex/engine compiles every set with it; the dashboard entry without
 * it, until a page attaches it (withAdvice), so that a page that only ranks does not load it.
 */
export interface Advice {
  advise(rule: CompiledRule, evaluation: Evaluation<unknown>): Improvement[];
  /** A leaf's full result with its trace, `improve` its advice so far. */
  leafResult(r: LeafRun, improve: Improvement[], points: Decimal, applicableMax: Decimal, status: NodeStatus): NodeResult;
  /** A group's full result, with its children's. */
  groupResult(node: CompiledNode, applicableMax: string, points: string, status: NodeStatus, flags: FlagCode[], steps: Step[] | null, children: NodeResult[]): NodeResult;
  /** The advice of an overridden criterion, measured from the appraiser's points. */
  afterOverride(advice: readonly Improvement[], points: Decimal, max: Decimal): Improvement[];
}

export interface CompiledSet {
  readonly set: CriteriaSet;
  readonly ref: string;
  readonly sha256: string;
  readonly nodes: ReadonlyMap<string, CompiledNode>;
  /** Top-level fields, in order. */
  readonly fields: readonly CompiledNode[];
  readonly bonus: readonly CompiledNode[];
  readonly penalty: readonly CompiledNode[];
  /** Every leaf (fields, then bonus, then penalty items), in document order. */
  readonly leaves: readonly CompiledNode[];
  readonly inputs: ReadonlyMap<string, CompiledInput>;
  readonly rounding: ReadonlyMap<RoundingLevel, Rounding>;
  /** Roundings declared for one part (level "part" with `part`): they take the place of the general "part" rounding. */
  readonly partRounding: ReadonlyMap<string, Rounding>;
  readonly scale: Decimal;
  /** The classification bands, each with the object a result shows for it (made once, frozen, shared by every result). */
  readonly bands: ReadonlyArray<{ iv: Interval; shown: Readonly<NonNullable<Totals['classification']>> }>;
  /** The set as a result's provenance names it (made once, frozen, shared by every result). */
  readonly named: Readonly<ScoreResult['provenance']['criteriaSet']>;
  readonly bonusMax: Decimal | null;
  readonly penaltyMax: Decimal | null;
  /** The advice a full result shows; null: this set scores in the compact form only (SCORE_NEEDS_ADVICE). */
  readonly advice: Advice | null;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/** Every input of the set, set-level and per criterion, collected before any rule is compiled. */
function collectInputs(set: CriteriaSet): Map<string, CompiledInput> {
  const inputs = new Map<string, CompiledInput>();
  const add = (def: InputDef, criterion: string | null) =>
    inputs.set(def.id, {
      def,
      criterion,
      options: def.options ? new Map(def.options.map((o) => [o.id, o.label])) : null,
      min: def.min === undefined ? null : dec(def.min),
      max: def.max === undefined ? null : dec(def.max),
      // Ids are unique in a checked set.
      slot: inputs.size,
      shown: { id: def.id, label: def.label, labelEn: def.labelEn, type: def.type, unit: def.unit, unitEn: def.unitEn },
    });
  set.inputs?.forEach((d) => add(d, null));
  const walk = (n: CriterionNode) => {
    n.inputs?.forEach((d) => add(d, n.code));
    n.children?.forEach(walk);
  };
  set.fields.forEach(walk);
  set.bonus?.items.forEach(walk);
  set.penalty?.items.forEach(walk);
  return inputs;
}

/** A leaf's rule, compiled once by its kind module. */
function compileRule(rule: Rule, path: string, max: Decimal, floor: Decimal, b: Builder): CompiledRule {
  const kind = runtimeKindOf(rule.type);
  const compiled = kind.compile(rule, { path, max, floor, input: (id) => b.inputs.get(id)!, dependents: (id) => b.dependents.get(id) ?? [], condition: compileCondition });
  return { type: rule.type, compiled, prepared: undefined, evaluate: (read, steps) => kind.evaluate(compiled, read, steps) };
}

/** For each input, the inputs whose atMost names it: found once per set. */
function dependentsOf(inputs: ReadonlyMap<string, CompiledInput>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const i of inputs.values()) if (i.def.atMost !== undefined) (out.get(i.def.atMost) ?? out.set(i.def.atMost, []).get(i.def.atMost)!).push(i.def.id);
  return out;
}

interface Builder {
  set: CriteriaSet;
  inputs: ReadonlyMap<string, CompiledInput>;
  dependents: ReadonlyMap<string, readonly string[]>;
  nodes: Map<string, CompiledNode>;
  leaves: CompiledNode[];
}

function buildNode(b: Builder, n: CriterionNode, parent: string | null, depth: number, path: string, block: CompiledNode['block']): CompiledNode {
  const isLeaf = !n.children;
  const ruleReads = new Set<string>();
  if (n.rule) runtimeKindOf(n.rule.type).reads(n.rule, ruleReads);
  const reads = new Set(ruleReads);
  if (n.applicability) conditionReads(n.applicability.notApplicableWhen, reads);
  const max = dec(n.max);
  const floor = n.floor === undefined ? new Decimal(0) : dec(n.floor);
  const maxText = decText(max);
  const c: CompiledNode = {
    code: n.code,
    // Codes are unique in a checked set.
    index: b.nodes.size,
    node: n,
    parent,
    depth,
    isLeaf,
    path,
    block,
    max,
    floor,
    cap: n.cap === undefined ? null : dec(n.cap),
    children: [],
    rule: n.rule ?? null,
    reads: [...reads].sort(),
    ruleReads,
    ownInputs: (n.inputs ?? []).map((d) => d.id),
    documents: n.documents ?? [],
    kind: n.rule ? compileRule(n.rule, `${path}/rule`, max, floor, b) : null,
    notApplicableWhen: n.applicability ? compileCondition(n.applicability.notApplicableWhen, `${path}/applicability/notApplicableWhen`) : null,
    maxText,
    plan: null,
    sourceRef: n.source ? sourceRefOf(n.source) : null,
    usual: isLeaf && depth === 1 && block === 'fields' ? null : [maxText, '0'].map((points) => Object.freeze({ code: n.code, status: 'scored', points, applicableMax: maxText, flags: NO_FLAGS })),
  };
  const sortedReads = c.reads;
  if (isLeaf) c.plan = leafPlan(b.set, n, sortedReads, ruleReads, b.inputs);
  b.nodes.set(n.code, c);
  if (isLeaf) b.leaves.push(c);
  else c.children = n.children!.map((ch, i) => buildNode(b, ch, n.code, depth + 1, `${path}/children/${i}`, block));
  return Object.freeze(c);
}

/**
 * Validate a criteria set (the zod schema, then the cross-field checks) and compile it. Throws a
 * ParindexError carrying every diagnostic when the set is not valid.
 */
export function compile(
  input: unknown,
  options: {
    /**
     * `input` is already what parseCriteriaSet gave for a set without errors, and `sha256` what compile()
     * gave for it: a set shipped with a tool and checked in full when the tool was built (the CLI's
     * shipped-set records, used only for a file whose bytes hash as recorded). The checks are then
     * skipped: never pass it for a set that was not so checked.
     */
    validated?: { sha256: string };
  } = {},
): CompiledSet {
  const parsed = options.validated ? { value: input as CriteriaSet, diagnostics: [] } : parseCriteriaSet(input);
  if (!parsed.value) throw new ParindexError(parsed.diagnostics.filter((d) => d.severity === 'error'));
  return compileChecked(parsed.value, ADVICE, options.validated?.sha256);
}

/**
 * @internal Compile a set that has passed its checks, without checking it again (`sha256`: its hash when
 * already known), with the advice of full results or without it (null: compact form only). Kept apart
 * from compile() so that the scoring entry carries no set checker: it calls this only for a set whose
 * hash shows it was checked (./scoring.ts).
 */
export function compileChecked(checked: CriteriaSet, advice: Advice | null, sha256?: string): CompiledSet {
  const set = deepFreeze(checked);
  const inputs = collectInputs(set);
  const b: Builder = { set, inputs, dependents: dependentsOf(inputs), nodes: new Map(), leaves: [] };
  const fields = set.fields.map((f, i) => buildNode(b, f, null, 1, `/fields/${i}`, 'fields'));
  const bonus = (set.bonus?.items ?? []).map((f, i) => buildNode(b, f, null, 1, `/bonus/items/${i}`, 'bonus'));
  const penalty = (set.penalty?.items ?? []).map((f, i) => buildNode(b, f, null, 1, `/penalty/items/${i}`, 'penalty'));
  const ref = `${set.id}@${set.version}`;
  const hash = sha256 ?? hashJson(set);
  return Object.freeze({
    set,
    ref,
    sha256: hash,
    nodes: b.nodes,
    fields,
    bonus,
    penalty,
    leaves: b.leaves,
    inputs: b.inputs,
    rounding: new Map((set.rounding ?? []).filter((r) => r.part === undefined).map((r) => [r.level, r])),
    partRounding: new Map((set.rounding ?? []).flatMap((r) => (r.part === undefined ? [] : [[r.part, r] as const]))),
    scale: dec(set.scale),
    bands: (set.classification ?? []).map((x) => ({
      iv: intervalOf(x),
      shown: Object.freeze(x.labelEn !== undefined ? { code: x.code, label: x.label, labelEn: x.labelEn } : { code: x.code, label: x.label }),
    })),
    named: Object.freeze({ ref, id: set.id, version: set.version, status: set.status, issuer: set.issuer, decision: set.decision.number, sha256: hash }),
    bonusMax: set.bonus ? dec(set.bonus.max) : null,
    penaltyMax: set.penalty ? dec(set.penalty.max) : null,
    advice,
  });
}
