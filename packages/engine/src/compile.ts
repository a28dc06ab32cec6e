/**
 * compile(set): validate a criteria set once and turn it into an immutable structure the scorer walks
 * for every unit: nodes by code, inputs by id, every decimal constant parsed once.
 */
import {
  Decimal,
  ParindexError,
  dec,
  parseCriteriaSet,
  toInterval,
  type Condition,
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

export interface CompiledInput {
  def: InputDef;
  /** The criterion that declares it, or null for a set-level input. */
  criterion: string | null;
  options: ReadonlyMap<string, string> | null;
  min: Decimal | null;
  max: Decimal | null;
}

export interface CompiledTier {
  iv: Interval;
  points: Decimal;
  label: string | undefined;
}

export interface CompiledNode {
  code: string;
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
  /** Leaves only: the rule, its parsed constants, and every input it reads. */
  rule: Rule | null;
  reads: string[];
  /** Inputs declared on this leaf (evidence gives them under its code). */
  ownInputs: string[];
  documents: DocumentReq[];
  tiers: CompiledTier[] | null;
  /** Per rule type: parsed decimal constants by key. */
  k: Readonly<Record<string, Decimal>>;
  /** Level/option → points (levels), fraction (fraction) or weight (survey). */
  optionMap: ReadonlyMap<string, Decimal> | null;
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
  readonly scale: Decimal;
  readonly bands: ReadonlyArray<{ code: string; label: string; labelEn?: string | undefined; iv: Interval }>;
  readonly bonusMax: Decimal | null;
  readonly penaltyMax: Decimal | null;
  /** Inputs read by the applicability condition or rule of more than their own criterion. */
  readonly readers: ReadonlyMap<string, readonly string[]>;
}

/** @internal Every input id a condition reads. */
export function conditionReads(c: Condition, out: Set<string>): void {
  if ('all' in c) c.all.forEach((x) => conditionReads(x, out));
  else if ('any' in c) c.any.forEach((x) => conditionReads(x, out));
  else if ('not' in c) conditionReads(c.not, out);
  else if ('logic' in c) logicReads(c.logic, out);
  else out.add(c.input);
}

/** @internal Every input id a json-logic expression reads (already checked at this point). */
export function logicReads(e: unknown, out: Set<string>): void {
  if (e === null || typeof e !== 'object') return;
  if (Array.isArray(e)) {
    e.forEach((x) => logicReads(x, out));
    return;
  }
  const [op] = Object.keys(e);
  if (op === undefined) return;
  const raw = (e as Record<string, unknown>)[op];
  if (op === 'var') {
    const name = Array.isArray(raw) ? raw[0] : raw;
    if (typeof name === 'string') out.add(name.split('.')[0]!);
    if (Array.isArray(raw) && raw.length > 1) logicReads(raw[1], out);
    return;
  }
  logicReads(raw, out);
}

/** @internal Every input id a rule (without its applicability condition) reads. */
export function ruleReads(rule: Rule, out: Set<string>): void {
  switch (rule.type) {
    case 'boolean':
    case 'levels':
    case 'fraction':
    case 'perItem':
    case 'survey':
      out.add(rule.input);
      return;
    case 'allOf':
      rule.conditions.forEach((c) => conditionReads(c, out));
      return;
    case 'tiers':
    case 'proportional':
      if ('input' in rule.value) out.add(rule.value.input);
      else {
        out.add(rule.value.ratio.numerator);
        out.add(rule.value.ratio.denominator);
      }
      return;
    case 'parts':
      rule.parts.forEach((p) => conditionReads(p.when, out));
      return;
    case 'onTime':
      rule.items.forEach((i) => {
        out.add(i.input);
        if (typeof i.deadline !== 'string') out.add(i.deadline.input);
      });
      return;
    case 'expression':
      logicReads(rule.logic, out);
      return;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/**
 * Validate a criteria set (the zod schema, then the cross-field checks) and compile it. Throws a
 * ParindexError carrying every diagnostic when the set is not valid.
 */
export function compile(input: unknown): CompiledSet {
  const parsed = parseCriteriaSet(input);
  if (!parsed.value) throw new ParindexError(parsed.diagnostics.filter((d) => d.severity === 'error'));
  const set = deepFreeze(parsed.value);
  const sha256 = hashJson(set);

  const inputs = new Map<string, CompiledInput>();
  const addInput = (def: InputDef, criterion: string | null) => {
    inputs.set(def.id, {
      def,
      criterion,
      options: def.options ? new Map(def.options.map((o) => [o.id, o.label])) : null,
      min: def.min === undefined ? null : dec(def.min),
      max: def.max === undefined ? null : dec(def.max),
    });
  };
  set.inputs?.forEach((d) => addInput(d, null));

  const nodes = new Map<string, CompiledNode>();
  const leaves: CompiledNode[] = [];
  const readers = new Map<string, string[]>();

  /**
   * A per-option map in the order of the input's declared options (an array), never in the order of the
   * rule's object keys, so that reordering keys in the set file does not reorder the result.
   */
  const optionOrder = (inputId: string, values: Record<string, number | string>): Map<string, Decimal> => {
    const declared = inputs.get(inputId)?.options;
    const keys = declared ? [...declared.keys()].filter((k) => Object.prototype.hasOwnProperty.call(values, k)) : Object.keys(values).sort();
    return new Map(keys.map((k) => [k, dec(values[k]!)]));
  };

  const build = (n: CriterionNode, parent: string | null, depth: number, path: string, block: CompiledNode['block']): CompiledNode => {
    const isLeaf = !n.children;
    n.inputs?.forEach((d) => addInput(d, n.code));
    const reads = new Set<string>();
    if (n.applicability) conditionReads(n.applicability.notApplicableWhen, reads);
    if (n.rule) ruleReads(n.rule, reads);
    const k: Record<string, Decimal> = {};
    let tiers: CompiledTier[] | null = null;
    let optionMap: Map<string, Decimal> | null = null;
    const rule = n.rule ?? null;
    const max = dec(n.max);
    if (rule) {
      switch (rule.type) {
        case 'boolean':
        case 'allOf':
          k.points = rule.points === undefined ? max : dec(rule.points);
          k.otherwise = rule.otherwise === undefined ? new Decimal(0) : dec(rule.otherwise);
          break;
        case 'levels':
          optionMap = optionOrder(rule.input, rule.points);
          break;
        case 'fraction':
          optionMap = optionOrder(rule.input, rule.fractions);
          break;
        case 'survey':
          optionMap = optionOrder(rule.input, rule.weights);
          break;
        case 'tiers':
          tiers = rule.tiers.map((t) => ({ iv: toInterval(t).iv, points: dec(t.points), label: t.label }));
          if ('ratio' in rule.value) k.times = rule.value.ratio.times === undefined ? new Decimal(1) : dec(rule.value.ratio.times);
          break;
        case 'proportional':
          k.fullAt = dec(rule.fullAt);
          k.zeroAt = rule.zeroAt === undefined ? new Decimal(0) : dec(rule.zeroAt);
          if ('ratio' in rule.value) k.times = rule.value.ratio.times === undefined ? new Decimal(1) : dec(rule.value.ratio.times);
          break;
        case 'parts':
          rule.parts.forEach((p) => {
            k[`part:${p.id}`] = p.points !== undefined ? dec(p.points) : dec(p.fraction ?? 0).times(max);
          });
          break;
        case 'perItem':
          k.each = dec(rule.each);
          k.base = rule.base !== undefined ? dec(rule.base) : k.each.isNeg() ? max : new Decimal(0);
          if (rule.limit !== undefined) k.limit = dec(rule.limit);
          break;
        case 'onTime':
          k.points = rule.points === undefined ? max : dec(rule.points);
          k.late = rule.late === undefined ? new Decimal(0) : dec(rule.late);
          k.missing = rule.missing === undefined ? new Decimal(0) : dec(rule.missing);
          break;
        case 'expression':
          break;
      }
    }
    const c: CompiledNode = {
      code: n.code,
      node: n,
      parent,
      depth,
      isLeaf,
      path,
      block,
      max,
      floor: n.floor === undefined ? new Decimal(0) : dec(n.floor),
      cap: n.cap === undefined ? null : dec(n.cap),
      children: [],
      rule,
      reads: [...reads].sort(),
      ownInputs: (n.inputs ?? []).map((d) => d.id),
      documents: n.documents ?? [],
      tiers,
      k: Object.freeze(k),
      optionMap,
    };
    nodes.set(n.code, c);
    for (const id of c.reads) (readers.get(id) ?? readers.set(id, []).get(id)!).push(n.code);
    if (isLeaf) leaves.push(c);
    else c.children = n.children!.map((ch, i) => build(ch, n.code, depth + 1, `${path}/children/${i}`, block));
    return Object.freeze(c);
  };

  const fields = set.fields.map((f, i) => build(f, null, 1, `/fields/${i}`, 'fields'));
  const bonus = (set.bonus?.items ?? []).map((f, i) => build(f, null, 1, `/bonus/items/${i}`, 'bonus'));
  const penalty = (set.penalty?.items ?? []).map((f, i) => build(f, null, 1, `/penalty/items/${i}`, 'penalty'));

  return Object.freeze({
    set,
    ref: `${set.id}@${set.version}`,
    sha256,
    nodes,
    fields,
    bonus,
    penalty,
    leaves,
    inputs,
    rounding: new Map((set.rounding ?? []).map((r) => [r.level, r])),
    scale: dec(set.scale),
    bands: (set.classification ?? []).map((b) => ({ code: b.code, label: b.label, labelEn: b.labelEn, iv: toInterval(b).iv })),
    bonusMax: set.bonus ? dec(set.bonus.max) : null,
    penaltyMax: set.penalty ? dec(set.penalty.max) : null,
    readers,
  });
}
