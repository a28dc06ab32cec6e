/**
 * @internal One leaf's rule: from typed inputs to raw points, the steps taken and what would raise
 * the points. Exact: ratios are compared with bounds by cross-multiplication.
 */
import { Decimal, addDec, cmpDec, decText, isExactQuotient, mulDec, quotientText, smallInt, type Condition, type Interval } from './deps.js';
import type { CompiledNode, CompiledSet, CompiledTier } from './compile.js';
import { evaluateLogic, logicTruthy, LogicError, type LogicValue } from './expression.js';
import type { Improvement, Step } from './result.js';
import type { Typed } from './values.js';

/** Read an input's value; undefined when the evidence has none. Marks the entry as used. */
export type Reader = (id: string) => Typed | undefined;

export interface LeafOutcome {
  raw: Decimal;
  steps: Step[];
  improve: Improvement[];
  /** Set when the rule itself decides the criterion does not apply (zero denominator, no answers). */
  notApplicable?: { reason: string };
  /** Set when the value cannot be scored (expression error, no tier). */
  invalid?: { code: 'SCORE_DIVISION_BY_ZERO' | 'SCORE_EXPRESSION' | 'SCORE_NO_TIER'; params: Record<string, string> };
}

const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const HUNDRED = new Decimal(100);

function clampTo(v: Decimal, node: CompiledNode): Decimal {
  if (cmpDec(v, node.max) > 0) return node.max;
  if (cmpDec(v, node.floor) < 0) return node.floor;
  return v;
}

/** @internal Text of a condition, for the trace (neutral, not translated). */
export function conditionText(c: Condition): string {
  let t = COND_TEXT.get(c);
  if (t === undefined) {
    t = conditionTextOf(c);
    COND_TEXT.set(c, t);
  }
  return t;
}
/** Condition texts, computed once per condition object of a compiled set (the set is not changed). */
const COND_TEXT = new WeakMap<Condition, string>();
function conditionTextOf(c: Condition): string {
  if ('all' in c) return c.all.map(conditionText).join(' AND ');
  if ('any' in c) return '(' + c.any.map(conditionText).join(' OR ') + ')';
  if ('not' in c) return 'NOT (' + conditionText(c.not) + ')';
  if ('logic' in c) return 'expression ' + JSON.stringify(c.logic);
  if ('is' in c) return `${c.input} is ${c.is}`;
  const sym: Record<string, string> = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤', in: 'in', notIn: 'not in' };
  return `${c.input} ${sym[c.op]} ${Array.isArray(c.value) ? '[' + c.value.join(', ') + ']' : String(c.value)}`;
}

function toLogic(v: Typed | undefined, option: string | undefined): LogicValue | undefined {
  if (v === undefined) return undefined;
  if (v instanceof Decimal || typeof v === 'boolean' || typeof v === 'string') return option === undefined ? v : undefined;
  // A tally: one option's count, or the total.
  if (option !== undefined) return v.get(option);
  let total = ZERO;
  for (const n of v.values()) total = total.plus(n);
  return total;
}

/** A number written in a condition, as a Decimal: read once, not at every comparison. */
const CONSTANTS = new Map<string | number, Decimal>();
function constant(x: string | number): Decimal {
  let d = CONSTANTS.get(x);
  if (d === undefined) {
    d = new Decimal(String(x));
    if (CONSTANTS.size < 10_000) CONSTANTS.set(x, d);
  }
  return d;
}

/** @internal Evaluate a condition; a missing value makes a comparison false. */
export function evalCondition(c: Condition, read: Reader): boolean {
  if ('all' in c) return c.all.every((x) => evalCondition(x, read));
  if ('any' in c) return c.any.some((x) => evalCondition(x, read));
  if ('not' in c) return !evalCondition(c.not, read);
  if ('logic' in c) return logicTruthy(evaluateLogic(c.logic, (name, option) => toLogic(read(name), option)));
  const v = read(c.input);
  if ('is' in c) return v === c.is;
  if (v === undefined) return false;
  const cmp = (x: unknown): number | undefined => {
    if (v instanceof Decimal) return typeof x === 'number' || typeof x === 'string' ? cmpDec(v, constant(x)) : undefined;
    if (typeof v === 'string' && typeof x === 'string') return v < x ? -1 : v > x ? 1 : 0;
    if (typeof v === 'boolean' && typeof x === 'boolean') return v === x ? 0 : 1;
    return undefined;
  };
  switch (c.op) {
    case 'eq':
      return cmp(c.value) === 0;
    case 'ne':
      return cmp(c.value) !== 0;
    case 'gt':
      return (cmp(c.value) ?? -1) > 0;
    case 'gte':
      return (cmp(c.value) ?? -1) >= 0;
    case 'lt':
      return (cmp(c.value) ?? 1) < 0;
    case 'lte':
      return (cmp(c.value) ?? 1) <= 0;
    case 'in':
      return Array.isArray(c.value) && c.value.some((x) => cmp(x) === 0);
    case 'notIn':
      return Array.isArray(c.value) && !c.value.some((x) => cmp(x) === 0);
  }
}

/** Is value (or n/d×t) inside the interval? Exact for ratios by cross-multiplication (d > 0). */
function inInterval(iv: Interval, value: Decimal, ratio: { nt: Decimal; d: Decimal } | null): boolean {
  const cmp = (bound: Decimal) => (ratio ? cmpDec(ratio.nt, mulDec(bound, ratio.d)) : cmpDec(value, bound));
  if (iv.min !== null) {
    const c = cmp(iv.min);
    if (c < 0 || (c === 0 && !iv.minInclusive)) return false;
  }
  if (iv.max !== null) {
    const c = cmp(iv.max);
    if (c > 0 || (c === 0 && !iv.maxInclusive)) return false;
  }
  return true;
}

/** Per tier, computed once: the texts of its bounds and points, its points within floor and maximum. */
interface TierPre {
  min: string | null;
  max: string | null;
  points: string;
  clamped: Decimal;
  /** The bounds as safe integers m ÷ 10^k, when their digits fit (for whole-number ratios). */
  minS: Scaled | null;
  maxS: Scaled | null;
}
/** A decimal m ÷ pow with m and pow = 10^k safe integers. */
interface Scaled {
  m: number;
  pow: number;
}
function scaledOf(text: string | null): Scaled | null {
  if (text === null) return null;
  const dot = text.indexOf('.');
  const m = Number(dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1));
  const pow = dot < 0 ? 1 : 10 ** (text.length - dot - 1);
  return Number.isSafeInteger(m) && Number.isSafeInteger(pow) ? { m, pow } : null;
}
const TIER_PRE = new WeakMap<CompiledTier, TierPre>();
function tierPre(t: CompiledTier, node: CompiledNode): TierPre {
  let p = TIER_PRE.get(t);
  if (p === undefined) {
    const min = t.iv.min === null ? null : decText(t.iv.min);
    const max = t.iv.max === null ? null : decText(t.iv.max);
    p = { min, max, points: decText(t.points), clamped: clampTo(t.points, node), minS: scaledOf(min), maxS: scaledOf(max) };
    TIER_PRE.set(t, p);
  }
  return p;
}

/**
 * Is the value (or the ratio n × t ÷ d) inside the tier? For a ratio of whole numbers with d > 0, the
 * cross-multiplication n × t × 10^k against m × d is done in safe integers; otherwise in decimals.
 */
function inTier(t: CompiledTier, node: CompiledNode, value: Decimal, ratio: Ratio | null): boolean {
  if (ratio !== null && ratio.nti !== null && ratio.di !== null && ratio.di > 0) {
    const p = tierPre(t, node);
    const iv = t.iv;
    if ((iv.min === null || p.minS !== null) && (iv.max === null || p.maxS !== null)) {
      const cmp = (b: Scaled): number | null => {
        const x = ratio.nti! * b.pow;
        const y = b.m * ratio.di!;
        return Number.isSafeInteger(x) && Number.isSafeInteger(y) ? (x < y ? -1 : x > y ? 1 : 0) : null;
      };
      const lo = p.minS === null ? 0 : cmp(p.minS);
      const hi = p.maxS === null ? 0 : cmp(p.maxS);
      if (lo !== null && hi !== null) {
        if (iv.min !== null && (lo < 0 || (lo === 0 && !iv.minInclusive))) return false;
        if (iv.max !== null && (hi > 0 || (hi === 0 && !iv.maxInclusive))) return false;
        return true;
      }
    }
  }
  return inInterval(t.iv, value, ratio);
}

function tierStep(t: CompiledTier, index: number, node: CompiledNode): Step {
  const p = tierPre(t, node);
  // Keys in this order (the JSON of a result is byte-stable).
  const s = { kind: 'tier', index, min: p.min, minInclusive: t.iv.minInclusive, max: p.max, maxInclusive: t.iv.maxInclusive, points: p.points } as Extract<Step, { kind: 'tier' }>;
  if (t.label !== undefined) s.label = t.label;
  return s;
}

/**
 * The smallest value ≥ from that enters a tier whose lower bound is `min` (inclusive or not).
 * For whole counts, "more than 90.5" is 91 and "more than 90" is 91; for decimals it is the bound
 * itself with strict = true.
 */
function entryValue(min: Decimal, inclusive: boolean, integer: boolean): { to: Decimal; strict: boolean } {
  if (integer) {
    const c = min.ceil();
    return { to: !inclusive && c.eq(min) ? c.plus(1) : c, strict: false };
  }
  return { to: min, strict: !inclusive };
}

/** Per "parts" leaf, computed once: each part's points and their text, the first part with the same id. */
interface PartsPre {
  points: Decimal[];
  texts: string[];
  first: number[];
}
const PARTS_PRE = new WeakMap<CompiledNode, PartsPre>();
function partsPre(node: CompiledNode, parts: ReadonlyArray<{ id: string }>): PartsPre {
  let p = PARTS_PRE.get(node);
  if (p === undefined) {
    const points = parts.map((x) => node.k[`part:${x.id}`]!);
    p = { points, texts: points.map((x) => decText(x)), first: parts.map((x) => parts.findIndex((y) => y.id === x.id)) };
    PARTS_PRE.set(node, p);
  }
  return p;
}

/** Per "levels"/"fraction" leaf, computed once: each level's points (and texts), clamped in declared order. */
interface LevelsPre {
  byLevel: Map<string, { points: Decimal; text: string; fraction: string }>;
  list: Array<{ l: string; p: Decimal; pText: string; label: string }>;
}
const LEVELS_PRE = new WeakMap<CompiledNode, LevelsPre>();
function levelsPre(node: CompiledNode, options: ReadonlyMap<string, string>, pointsOf: (level: string) => Decimal): LevelsPre {
  let p = LEVELS_PRE.get(node);
  if (p === undefined) {
    const map = node.optionMap!;
    const byLevel = new Map<string, { points: Decimal; text: string; fraction: string }>();
    for (const [l, f] of map) {
      const points = pointsOf(l);
      byLevel.set(l, { points, text: decText(points), fraction: decText(f) });
    }
    const list: LevelsPre['list'] = [];
    for (const l of options.keys()) {
      if (!map.has(l)) continue;
      const c = clampTo(pointsOf(l), node);
      list.push({ l, p: c, pText: decText(c), label: options.get(l) ?? l });
    }
    p = { byLevel, list };
    LEVELS_PRE.set(node, p);
  }
  return p;
}

/**
 * The tiers worth advising from the tier a value falls in: the lowest tier above it that gives more
 * points, and the tier giving the most points above it (when another). Tiers do not overlap (the set
 * is checked), so whether a tier lies above the value depends only on the bounds of the value's tier:
 * computed once per tier of a compiled set.
 */
interface Pick {
  tier: CompiledTier;
  /** Its points within floor and maximum, and the gain over the current tier's, as texts. */
  after: string;
  gain: string;
}
const TIER_PICKS = new WeakMap<CompiledTier, Pick[]>();
function tierPicks(node: CompiledNode, index: number): Pick[] {
  const tiers = node.tiers!;
  const at = tiers[index]!;
  let picks = TIER_PICKS.get(at);
  if (picks === undefined) {
    const current = tierPre(at, node).clamped;
    const hi = at.iv.max;
    const candidates = tiers
      .filter((t) => t !== at && t.iv.min !== null && hi !== null && cmpDec(tierPre(t, node).clamped, current) > 0)
      .filter((t) => {
        // Above the value's tier: min beyond its max, or at its max with one of the two bounds open.
        const c = cmpDec(t.iv.min!, hi!);
        return c > 0 || (c === 0 && (!t.iv.minInclusive || !at.iv.maxInclusive));
      })
      .sort((a, b) => cmpDec(a.iv.min!, b.iv.min!));
    picks = pickOf(node, candidates, current);
    TIER_PICKS.set(at, picks);
  }
  return picks;
}
/** From the candidate tiers (sorted by lower bound): the first, and the best in points if another. */
function pickOf(node: CompiledNode, candidates: CompiledTier[], current: Decimal): Pick[] {
  if (candidates.length === 0) return [];
  const tiers = [candidates[0]!];
  const best = candidates.reduce((a, b) => (cmpDec(b.points, a.points) > 0 ? b : a));
  if (best !== tiers[0]) tiers.push(best);
  return tiers.map((tier) => {
    const after = tierPre(tier, node).clamped;
    return { tier, after: decText(after), gain: decText(after.minus(current)) };
  });
}

/** Improvements for tiers: the next tier up in points that lies above the current value, and the top. */
function tierImprovements(
  node: CompiledNode,
  compiled: CompiledSet,
  index: number,
  current: Decimal,
  value: Decimal,
  ratio: Ratio | null,
  input: string | null,
): Improvement[] {
  let picks: Pick[];
  if (ratio === null || ratio.d.s > 0) picks = tierPicks(node, index);
  else {
    // A negative denominator: the value's tier was found by cross-multiplication (which assumes d > 0);
    // look at every tier the same way.
    const candidates = node
      .tiers!.filter((t) => t.iv.min !== null && cmpDec(tierPre(t, node).clamped, current) > 0)
      .filter((t) => {
        // The tier lies above the current value: value < min, or value = min with min excluded.
        const c = cmpDec(ratio.nt, mulDec(t.iv.min!, ratio.d));
        return c < 0 || (c === 0 && !t.iv.minInclusive);
      })
      .sort((a, b) => cmpDec(a.iv.min!, b.iv.min!));
    picks = pickOf(node, candidates, current);
  }
  if (picks.length === 0) return [];
  const out: Improvement[] = [];
  for (const { tier: t, after, gain } of picks) {
    if (ratio) {
      const numInput = compiled.inputs.get(ratio.num)!;
      const integer = numInput.def.type === 'count';
      const unit = numInput.def.unit ?? compiled.inputs.get(ratio.den)!.def.unit;
      let from: string;
      let to: string;
      let delta: string;
      let strict: boolean;
      let feasible: boolean;
      // n' × t ≥ min × d  ⇔  n' ≥ min × d ÷ t. Whole counts and bounds of few digits: in safe integers.
      const ni = integer ? smallInt(ratio.n) : null;
      const tp = tierPre(t, node);
      const ms = tp.minS;
      const num = ms !== null && ratio.di !== null ? ms.m * ratio.di : NaN;
      const den = ms !== null && ratio.ti !== null ? ratio.ti * ms.pow : NaN;
      if (ni !== null && ratio.di !== null && ratio.di > 0 && ratio.ti !== null && ratio.ti > 0 && Number.isSafeInteger(num) && Number.isSafeInteger(den)) {
        // The smallest whole count reaching the bound: ceil(num ÷ den), one more when the bound is excluded and met exactly.
        const rem = num % den;
        let c = (num - rem) / den;
        if (rem > 0) c += 1;
        const n2 = !t.iv.minInclusive && rem === 0 ? c + 1 : c;
        from = String(ni);
        to = String(n2);
        delta = String(n2 - ni);
        strict = false;
        feasible = numInput.def.atMost === ratio.den ? n2 <= ratio.di : true;
      } else {
        const need = mulDec(t.iv.min!, ratio.d).div(ratio.t);
        const e = entryValue(need, t.iv.minInclusive, integer);
        from = decText(ratio.n);
        to = decText(e.to);
        delta = decText(e.to.minus(ratio.n));
        strict = e.strict;
        feasible = numInput.def.atMost === ratio.den ? (strict ? e.to.lt(ratio.d) : e.to.lte(ratio.d)) : true;
      }
      // Keys in this order (the JSON of a result is byte-stable).
      const imp = { kind: 'raiseRatio', numerator: ratio.num, denominator: ratio.den } as Extract<Improvement, { kind: 'raiseRatio' }>;
      if (unit !== undefined) imp.unit = unit;
      imp.from = from;
      imp.to = to;
      imp.delta = delta;
      imp.target = tp.min!;
      imp.strict = strict;
      imp.pointsAfter = after;
      imp.gain = gain;
      imp.feasible = feasible;
      out.push(imp);
    } else if (input) {
      const def = compiled.inputs.get(input)!;
      const { to, strict } = entryValue(t.iv.min!, t.iv.minInclusive, def.def.type === 'count');
      const hi = def.max ?? (def.def.type === 'percent' ? HUNDRED : null);
      out.push({
        kind: 'raise',
        input,
        ...(def.def.unit !== undefined ? { unit: def.def.unit } : {}),
        from: decText(value),
        to: decText(to),
        delta: decText(to.minus(value)),
        strict,
        pointsAfter: after,
        gain,
        feasible: hi === null || (strict ? to.lt(hi) : to.lte(hi)),
      });
    }
  }
  return out;
}

/** A ratio n × t ÷ d as read, with n × t, d and t as safe integers when they are whole numbers below 10^14. */
type Ratio = { n: Decimal; d: Decimal; t: Decimal; nt: Decimal; num: string; den: string; nti: number | null; di: number | null; ti: number | null };
/**
 * A value read by a rule: an input's value, or a ratio n × t ÷ d. A ratio's quotient is kept as its
 * text (the trace shows it; bounds are compared by cross-multiplication) and made a Decimal only when
 * a rule computes with it (see valueOf).
 */
interface ReadOut {
  value: Decimal | null;
  text: string;
  ratio: Ratio | null;
  input: string | null;
}
/** The value read, as a Decimal (the same one `n × t ÷ d` gives: its text holds every digit). */
const valueOf = (r: ReadOut): Decimal => r.value ?? (r.value = new Decimal(r.text));

/** Read a numeric value or ratio; returns null when the rule must stop (zero denominator). */
function readValue(
  node: CompiledNode,
  ref: { input: string } | { ratio: { numerator: string; denominator: string } },
  read: Reader,
  steps: Step[],
  onZero: 'notApplicable' | 'zeroPoints' | 'fullPoints',
): ReadOut | { stop: LeafOutcome } {
  if ('input' in ref) {
    const v = read(ref.input);
    const value = v instanceof Decimal ? v : ZERO;
    const text = decText(value);
    steps.push({ kind: 'value', input: ref.input, value: text });
    return { value, text, ratio: null, input: ref.input };
  }
  const { numerator, denominator } = ref.ratio;
  const nv = read(numerator);
  const dv = read(denominator);
  const n = nv instanceof Decimal ? nv : ZERO;
  const d = dv instanceof Decimal ? dv : ZERO;
  const t = node.k.times ?? ONE;
  if (d.isZero()) {
    steps.push({ kind: 'zeroDenominator', input: denominator, policy: onZero });
    if (onZero === 'notApplicable') return { stop: { raw: ZERO, steps, improve: [], notApplicable: { reason: `${denominator} = 0` } } };
    return { stop: { raw: onZero === 'fullPoints' ? node.max : ZERO, steps, improve: [] } };
  }
  const nt = mulDec(n, t);
  let value: Decimal | null = null;
  let text: string;
  let exact: boolean;
  // Whole numbers (the usual counts): the quotient by long division in safe integers, the same digits.
  const p = smallInt(nt);
  const q = smallInt(d);
  if (p !== null && q !== null && q > 0 && Math.abs(p) <= Number.MAX_SAFE_INTEGER) ({ text, exact } = quotientText(p, q));
  else {
    value = nt.div(d);
    text = decText(value);
    exact = isExactQuotient(value, nt, d);
  }
  steps.push({ kind: 'ratio', numerator: { input: numerator, value: decText(n) }, denominator: { input: denominator, value: decText(d) }, times: decText(t), value: text, exact });
  return { value, text, ratio: { n, d, t, nt, num: numerator, den: denominator, nti: p, di: q, ti: smallInt(t) }, input: null };
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10)) - Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10))) / 86400000);
}

/**
 * Score one leaf's rule. The caller handles applicability, missing evidence, documents, overrides.
 * Steps and improvements are pushed onto the given lists (the outcome carries them too).
 */
export function scoreRule(node: CompiledNode, compiled: CompiledSet, read: Reader, steps: Step[] = [], improve: Improvement[] = []): LeafOutcome {
  const rule = node.rule!;
  const k = node.k;
  const done = (raw: Decimal): LeafOutcome => ({ raw, steps, improve });
  switch (rule.type) {
    case 'boolean': {
      const v = read(rule.input) === true;
      const points = v ? k.points! : k.otherwise!;
      steps.push({ kind: 'boolean', input: rule.input, value: v, points: decText(points) });
      if (!v && cmpDec(k.points!, points) > 0) improve.push({ kind: 'set', input: rule.input, to: true, pointsAfter: decText(clampTo(k.points!, node)), gain: decText(clampTo(k.points!, node).minus(clampTo(points, node))) });
      return done(points);
    }
    case 'levels':
    case 'fraction': {
      const v = read(rule.input);
      const map = node.optionMap!;
      const options = compiled.inputs.get(rule.input)!.options!;
      const pointsOf = (level: string) => (rule.type === 'levels' ? map.get(level)! : map.get(level)!.times(node.max));
      let points = ZERO;
      const lp = levelsPre(node, options, pointsOf);
      if (typeof v === 'string') {
        const known = lp.byLevel.get(v);
        points = known ? known.points : pointsOf(v);
        // Keys in this order (the JSON of a result is byte-stable).
        const s = { kind: 'level', input: rule.input, level: v, levelLabel: options.get(v) ?? v, points: known ? known.text : decText(points) } as Extract<Step, { kind: 'level' }>;
        if (rule.type === 'fraction') s.fraction = known ? known.fraction : decText(map.get(v)!);
        steps.push(s);
      }
      const current = clampTo(points, node);
      // In the order the input declares its options (not the key order of the rule's map): byte-stable output.
      const better = lp.list.filter((x) => cmpDec(x.p, current) > 0).sort((a, b) => cmpDec(a.p, b.p));
      for (const b of better) improve.push({ kind: 'set', input: rule.input, to: b.l, toLabel: b.label, pointsAfter: b.pText, gain: decText(b.p.minus(current)) });
      return done(points);
    }
    case 'allOf': {
      const unmet: string[] = [];
      for (const c of rule.conditions) {
        const ok = evalCondition(c, read);
        const text = conditionText(c);
        steps.push({ kind: 'condition', text, result: ok });
        if (!ok) unmet.push(text);
      }
      const points = unmet.length === 0 ? k.points! : k.otherwise!;
      if (unmet.length && cmpDec(k.points!, k.otherwise!) > 0)
        improve.push({ kind: 'meet', condition: unmet.join(' AND '), pointsAfter: decText(clampTo(k.points!, node)), gain: decText(clampTo(k.points!, node).minus(clampTo(points, node))) });
      return done(points);
    }
    case 'tiers': {
      const r = readValue(node, rule.value, read, steps, rule.onZeroDenominator ?? 'notApplicable');
      if ('stop' in r) return r.stop;
      const index = node.tiers!.findIndex((t) => inTier(t, node, r.value ?? ZERO, r.ratio));
      if (index < 0) return { raw: ZERO, steps, improve, invalid: { code: 'SCORE_NO_TIER', params: { value: r.text } } };
      const tier = node.tiers![index]!;
      steps.push(tierStep(tier, index, node));
      const more = tierImprovements(node, compiled, index, tierPre(tier, node).clamped, r.value ?? ZERO, r.ratio, r.input);
      for (let i = 0; i < more.length; i++) improve.push(more[i]!);
      return done(tier.points);
    }
    case 'proportional': {
      const r = readValue(node, rule.value, read, steps, rule.onZeroDenominator ?? 'notApplicable');
      if ('stop' in r) return r.stop;
      const full = k.fullAt!;
      const zero = k.zeroAt!;
      const value = valueOf(r);
      let fraction = value.minus(zero).div(full.minus(zero));
      if (fraction.lt(0)) fraction = ZERO;
      if (fraction.gt(1)) fraction = ONE;
      const points = node.max.times(fraction);
      steps.push({ kind: 'proportional', value: r.text, zeroAt: decText(zero), fullAt: decText(full), fraction: decText(fraction), points: decText(points) });
      if (fraction.lt(1)) {
        const after = clampTo(node.max, node);
        const gain = after.minus(clampTo(points, node));
        if (r.ratio) {
          const to = full.times(r.ratio.d).div(r.ratio.t);
          const integer = compiled.inputs.get(r.ratio.num)!.def.type === 'count';
          const target = integer ? to.ceil() : to;
          improve.push({ kind: 'raiseRatio', numerator: r.ratio.num, denominator: r.ratio.den, from: decText(r.ratio.n), to: decText(target), delta: decText(target.minus(r.ratio.n)), target: decText(full), strict: false, pointsAfter: decText(after), gain: decText(gain), feasible: true });
        } else if (r.input) {
          improve.push({ kind: 'raise', input: r.input, from: r.text, to: decText(full), delta: decText(full.minus(value)), strict: false, pointsAfter: decText(after), gain: decText(gain), feasible: true });
        }
      }
      return done(points);
    }
    case 'parts': {
      let sum = ZERO;
      const pp = partsPre(node, rule.parts);
      const mets: boolean[] = new Array(rule.parts.length);
      for (let i = 0; i < rule.parts.length; i++) {
        const p = rule.parts[i]!;
        const met = evalCondition(p.when, read);
        const pts = pp.points[i]!;
        mets[i] = met;
        steps.push({ kind: 'part', id: p.id, label: p.label, met, points: met ? pp.texts[i]! : '0' });
        if (met) sum = addDec(sum, pts);
      }
      const current = clampTo(sum, node);
      for (let i = 0; i < rule.parts.length; i++) {
        const p = rule.parts[i]!;
        // The first part step with this id decides (ids are unique within a rule).
        if (mets[pp.first[i]!]) continue;
        const after = clampTo(sum.plus(pp.points[i]!), node);
        if (cmpDec(after, current) > 0) improve.push({ kind: 'meet', condition: conditionText(p.when), part: p.id, pointsAfter: decText(after), gain: decText(after.minus(current)) });
      }
      return done(sum);
    }
    case 'perItem': {
      const v = read(rule.input);
      const items = v instanceof Decimal ? v : ZERO;
      let change = items.times(k.each!);
      let limited = false;
      if (k.limit !== undefined && change.abs().gt(k.limit)) {
        change = change.isNeg() ? k.limit.neg() : k.limit;
        limited = true;
      }
      const points = k.base!.plus(change);
      steps.push({ kind: 'perItem', input: rule.input, items: decText(items), base: decText(k.base!), each: decText(k.each!), change: decText(change), limited, points: decText(points) });
      const current = clampTo(points, node);
      const unit = compiled.inputs.get(rule.input)!.def.unit;
      if (k.each!.isNeg() && items.gt(0)) {
        const after = clampTo(k.base!, node);
        if (cmpDec(after, current) > 0) improve.push({ kind: 'lower', input: rule.input, ...(unit !== undefined ? { unit } : {}), from: decText(items), to: '0', delta: decText(items), pointsAfter: decText(after), gain: decText(after.minus(current)) });
      } else if (k.each!.gt(0) && current.lt(node.max)) {
        const room = Decimal.min(node.max, k.limit !== undefined ? k.base!.plus(k.limit) : node.max).minus(points);
        if (room.gt(0)) {
          const more = room.div(k.each!).ceil();
          const after = clampTo(points.plus(more.times(k.each!)), node);
          improve.push({ kind: 'raise', input: rule.input, ...(unit !== undefined ? { unit } : {}), from: decText(items), to: decText(items.plus(more)), delta: decText(more), strict: false, pointsAfter: decText(after), gain: decText(after.minus(current)), feasible: true });
        }
      }
      return done(points);
    }
    case 'survey': {
      const v = read(rule.input);
      const map = node.optionMap!;
      const counts: Record<string, string> = {};
      const weights: Record<string, string> = {};
      let answers = ZERO;
      let weighted = ZERO;
      // In the order the input declares its options (not the key order of "weights"): byte-stable output.
      const declared = compiled.inputs.get(rule.input)!.options!;
      for (const option of declared.keys()) {
        const w = map.get(option);
        if (w === undefined) continue;
        const n = v instanceof Map ? v.get(option) ?? ZERO : ZERO;
        counts[option] = decText(n);
        weights[option] = decText(w);
        answers = addDec(answers, n);
        weighted = addDec(weighted, mulDec(n, w));
      }
      if (answers.isZero() || (rule.minAnswers !== undefined && answers.lt(rule.minAnswers))) {
        steps.push({ kind: 'survey', input: rule.input, counts, weights, answers: decText(answers), weighted: decText(weighted), share: '0', points: '0' });
        return { raw: ZERO, steps, improve, notApplicable: { reason: `${rule.input}: ${decText(answers)} answers` } };
      }
      const share = weighted.div(answers);
      const points = node.max.times(weighted).div(answers);
      steps.push({ kind: 'survey', input: rule.input, counts, weights, answers: decText(answers), weighted: decText(weighted), share: decText(share), points: decText(points) });
      return done(points);
    }
    case 'onTime': {
      let anyMissing = false;
      let anyLate = false;
      const lateInputs: string[] = [];
      for (const item of rule.items) {
        const date = read(item.input);
        const deadline = typeof item.deadline === 'string' ? item.deadline : read(item.deadline.input);
        const d = typeof date === 'string' ? date : null;
        const dl = typeof deadline === 'string' ? deadline : null;
        let status: 'onTime' | 'late' | 'missing';
        if (d === null) status = 'missing';
        else if (dl === null || d <= dl) status = 'onTime';
        else status = 'late';
        if (status === 'missing') anyMissing = true;
        if (status === 'late') anyLate = true;
        if (status !== 'onTime') lateInputs.push(item.input);
        // Keys in this order (the JSON of a result is byte-stable).
        const s = { kind: 'onTime', input: item.input } as Extract<Step, { kind: 'onTime' }>;
        if (item.label !== undefined) s.label = item.label;
        s.date = d;
        s.deadline = dl;
        s.status = status;
        if (status === 'late' && d !== null && dl !== null) s.daysLate = daysBetween(dl, d);
        steps.push(s);
      }
      const outcome = anyMissing ? 'missing' : anyLate ? 'late' : 'onTime';
      const points = outcome === 'missing' ? k.missing! : outcome === 'late' ? k.late! : k.points!;
      steps.push({ kind: 'onTimeResult', outcome, points: decText(points) });
      const after = clampTo(k.points!, node);
      if (outcome !== 'onTime' && cmpDec(after, clampTo(points, node)) > 0) improve.push({ kind: 'onTime', inputs: lateInputs, pointsAfter: decText(after), gain: decText(after.minus(clampTo(points, node))) });
      return done(points);
    }
    case 'expression': {
      try {
        const v = evaluateLogic(rule.logic, (name, option) => toLogic(read(name), option));
        const n = v instanceof Decimal ? v : typeof v === 'boolean' ? new Decimal(v ? 1 : 0) : null;
        if (n === null) throw new LogicError('result', `the result is ${JSON.stringify(v)}, not a number`, `kết quả là ${JSON.stringify(v)}, không phải số`);
        steps.push({ kind: 'expression', result: decText(n) });
        return done(n);
      } catch (e) {
        if (!(e instanceof LogicError)) throw e;
        const code = e.reason === 'divisionByZero' ? 'SCORE_DIVISION_BY_ZERO' : 'SCORE_EXPRESSION';
        return { raw: ZERO, steps, improve, invalid: { code, params: code === 'SCORE_DIVISION_BY_ZERO' ? { detail: e.message } : { reason: e.message, reasonVi: e.messageVi } } };
      }
    }
  }
}
