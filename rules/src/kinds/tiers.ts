/**
 * "tiers": the value (an input or a ratio) falls in one of explicit, non-overlapping tiers, each with
 * its points. Exact: a ratio is compared with a bound by cross-multiplication, in safe integers when
 * the numbers are whole and short, in decimals otherwise.
 */
import * as z from 'zod/mini';
import { cmpDec, dec, Decimal, decText, mulDec, smallInt, ZERO } from '../decimal.js';
import { intervalOf, isEmptyInterval, scanIntervals, toInterval, type Interval } from '../intervals.js';
import { DecimalText as D, ruleBase, Tier, ValueRef, withDescription, ZeroDenominator, opt } from '../primitives.js';
import { diag } from '../diagnostics.js';
import { clampPoints, gainOf, type Improvement } from './advice.js';
import { type KindAdvice, type KindInput, kindModule, type KindChecks, type KindModule, type KindRuntime, type RuleCheckContext } from './kind.js';
import {
  checkValue,
  compileValue,
  exactInterval,
  readValue,
  roundRead,
  RoundValueStep,
  VALUE_STEPS,
  readDecimal,
  readText,
  upperBound,
  valueReads,
  ValueRounding,
  type CompiledValue,
  type ReadOut,
  type ReadRatio,
  type ValueSteps,
} from './value.js';

export const TiersRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('tiers'),
    value: ValueRef,
    tiers: z.array(Tier).check(z.minLength(1), z.maxLength(50)),
    onZeroDenominator: withDescription(opt(ZeroDenominator), 'For a ratio whose denominator is 0. Default notApplicable.'),
    roundValue: withDescription(opt(ValueRounding), 'Round the value (the ratio as published, e.g. 2 places halfUp) before it is compared with the tier bounds. Default: the exact value is compared.'),
    ...ruleBase,
  }))();
export type TiersRule = z.infer<typeof TiersRule>;

export const TierStep = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.literal('tier'),
    index: z.number().check(z.int()),
    min: z.nullable(D),
    minInclusive: z.boolean(),
    max: z.nullable(D),
    maxInclusive: z.boolean(),
    points: D,
  }))();
export type TierStep = z.infer<typeof TierStep>;

/** A decimal m ÷ pow with m and pow = 10^k safe integers. */
export interface Scaled {
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

/** One tier, compiled: its interval, points, the texts the trace shows, the bounds as safe integers. */
export interface CompiledTier {
  index: number;
  iv: Interval;
  points: Decimal;
  clamped: Decimal;
  step: TierStep;
  minS: Scaled | null;
  maxS: Scaled | null;
}
export interface Pick {
  tier: CompiledTier;
  after: string;
  gain: string;
}
export interface CompiledTiers {
  value: CompiledValue;
  tiers: CompiledTier[];
  /** The value's declared rounding, or null: compared exactly. */
  rounding: ValueRounding | null;
  onZero: z.infer<typeof ZeroDenominator>;
  max: Decimal;
}
export interface TiersState {
  tier: CompiledTier | null;
  read: ReadOut | null;
}

function compileTier(t: Tier, index: number, floor: Decimal, max: Decimal): CompiledTier {
  const iv = intervalOf(t);
  const points = dec(t.points);
  const min = iv.min === null ? null : decText(iv.min);
  const maxText = iv.max === null ? null : decText(iv.max);
  const step: TierStep = Object.freeze({ kind: 'tier', index, min, minInclusive: iv.minInclusive, max: maxText, maxInclusive: iv.maxInclusive, points: decText(points) });
  return { index, iv, points, clamped: clampPoints(points, floor, max), step, minS: scaledOf(min), maxS: scaledOf(maxText) };
}

/** A tier over the exact values that round into it: the same points and step, other bounds. */
function exactTier(t: CompiledTier, rounding: ValueRounding): CompiledTier {
  const iv = exactInterval(t.iv, rounding);
  return { ...t, iv, minS: scaledOf(iv.min === null ? null : decText(iv.min)), maxS: scaledOf(iv.max === null ? null : decText(iv.max)) };
}

/** Of candidate tiers sorted by lower bound: the first, and the one giving the most points if another. */
function pickOf(candidates: CompiledTier[], current: Decimal): Pick[] {
  if (candidates.length === 0) return [];
  const chosen = [candidates[0]!];
  const best = candidates.reduce((a, b) => (cmpDec(b.points, a.points) > 0 ? b : a));
  if (best !== chosen[0]) chosen.push(best);
  return chosen.map((tier) => ({ tier, after: decText(tier.clamped), gain: decText(tier.clamped.minus(current)) }));
}

/** Tiers do not overlap, so whether a tier lies above a value depends only on the value's tier. */
function picksAbove(at: CompiledTier, tiers: CompiledTier[]): Pick[] {
  const hi = at.iv.max;
  const candidates = tiers
    .filter((t) => t !== at && t.iv.min !== null && hi !== null && cmpDec(t.clamped, at.clamped) > 0 && !isEmptyInterval(t.iv))
    .filter((t) => {
      // Above: min beyond its max, or at its max with one of the two bounds open.
      const c = cmpDec(t.iv.min!, hi!);
      return c > 0 || (c === 0 && (!t.iv.minInclusive || !at.iv.maxInclusive));
    })
    .sort((a, b) => cmpDec(a.iv.min!, b.iv.min!));
  return pickOf(candidates, at.clamped);
}

/** Is value (or n × t ÷ d) inside the interval? Exact for ratios by cross-multiplication (d > 0). */
function inInterval(iv: Interval, value: Decimal, ratio: ReadRatio | null): boolean {
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

/** n × t × 10^k against m × d in safe integers; null when a product leaves them. */
function scaledCmp(ratio: ReadRatio, b: Scaled): number | null {
  const x = ratio.nti! * b.pow;
  const y = b.m * ratio.di!;
  return Number.isSafeInteger(x) && Number.isSafeInteger(y) ? (x < y ? -1 : x > y ? 1 : 0) : null;
}

function inTier(t: CompiledTier, value: Decimal, ratio: ReadRatio | null): boolean {
  const iv = t.iv;
  if (ratio !== null && ratio.nti !== null && ratio.di !== null && ratio.di > 0 && (iv.min === null || t.minS !== null) && (iv.max === null || t.maxS !== null)) {
    const lo = t.minS === null ? 0 : scaledCmp(ratio, t.minS);
    const hi = t.maxS === null ? 0 : scaledCmp(ratio, t.maxS);
    if (lo !== null && hi !== null) {
      if (iv.min !== null && (lo < 0 || (lo === 0 && !iv.minInclusive))) return false;
      if (iv.max !== null && (hi > 0 || (hi === 0 && !iv.maxInclusive))) return false;
      return true;
    }
  }
  return inInterval(iv, value, ratio);
}

/** The tier the value (or ratio, or the value rounded as declared) is in, or null (a loop: no closure per evaluation). */
function tierOf(c: CompiledTiers, value: Decimal, ratio: ReadRatio | null, rounded: Decimal | null): CompiledTier | null {
  for (const t of c.tiers) if (rounded === null ? inTier(t, value, ratio) : inInterval(t.iv, rounded, null)) return t;
  return null;
}

/**
 * The smallest value ≥ from that enters a tier whose lower bound is `min`. For whole counts "more
 * than 90.5" and "more than 90" are both 91; for decimals it is the bound itself with strict = true.
 */
function entryValue(min: Decimal, inclusive: boolean, integer: boolean): { to: Decimal; strict: boolean } {
  if (integer) {
    const c = min.ceil();
    return { to: !inclusive && c.eq(min) ? c.plus(1) : c, strict: false };
  }
  return { to: min, strict: !inclusive };
}

/** The smallest numerator that brings the ratio into tier t (`value`: `to` as a decimal). */
function ratioTarget(t: CompiledTier, ratio: ReadRatio, num: KindInput, den: string): { to: string; value: Decimal; delta: string; strict: boolean; feasible: boolean } {
  const integer = num.def.type === 'count';
  const ni = integer ? smallInt(ratio.n) : null;
  const ms = t.minS;
  const a = ms !== null && ratio.di !== null ? ms.m * ratio.di : NaN;
  const b = ms !== null && ratio.ti !== null ? ratio.ti * ms.pow : NaN;
  if (ni !== null && ratio.di !== null && ratio.di > 0 && ratio.ti !== null && ratio.ti > 0 && Number.isSafeInteger(a) && Number.isSafeInteger(b)) {
    // n' × t ≥ min × d ⇔ n' ≥ ceil(min × d ÷ t); one more when the bound is excluded and met exactly.
    const rem = a % b;
    const c = (a - rem) / b + (rem > 0 ? 1 : 0);
    const n2 = !t.iv.minInclusive && rem === 0 ? c + 1 : c;
    return { to: String(n2), value: new Decimal(n2), delta: String(n2 - ni), strict: false, feasible: num.def.atMost === den ? n2 <= ratio.di : true };
  }
  const need = mulDec(t.iv.min!, ratio.d).div(ratio.t);
  const e = entryValue(need, t.iv.minInclusive, integer);
  const feasible = num.def.atMost === den ? (e.strict ? e.to.lt(ratio.d) : e.to.lte(ratio.d)) : true;
  return { to: decText(e.to), value: e.to, delta: decText(e.to.minus(ratio.n)), strict: e.strict, feasible };
}

/**
 * The tier a changed value lands in: the target of a pick is the smallest value reaching its tier's
 * lower bound, but for whole counts it may land further up (5 of 5 when 90% is asked for): the advice
 * promises the points of the tier it actually reaches.
 */
function landing(exact: readonly CompiledTier[], r: ReadOut, to: Decimal): CompiledTier | null {
  // A ratio was read, so its denominator is not 0 (readValue stops there).
  let ratio: ReadRatio | null = null;
  if (r.ratio !== null) {
    const nt = mulDec(to, r.ratio.t);
    ratio = { n: to, d: r.ratio.d, t: r.ratio.t, nt, nti: smallInt(nt), di: r.ratio.di, ti: r.ratio.ti };
  }
  for (const t of exact) if (inTier(t, to, ratio)) return t;
  return null;
}

/** The points after and the gain of landing in `land`: the pick's own texts when it lands in the pick's tier. */
const gainAt = (pick: Pick, land: CompiledTier, current: Decimal) => (land === pick.tier ? { pointsAfter: pick.after, gain: pick.gain } : gainOf(land.clamped, current));

/**
 * The advice to raise a ratio's numerator. Keys in this order (the JSON of a result is byte-stable);
 * one literal for each shape: a spread of `{ above }` in the middle of one made a copy key by key.
 */
function raiseRatio(numerator: string, denominator: string, from: string, t: ReturnType<typeof ratioTarget>, shown: TierStep, g: { pointsAfter: string; gain: string }): Improvement {
  const { to, delta, strict, feasible } = t;
  const { pointsAfter, gain } = g;
  const target = shown.min!;
  if (shown.minInclusive) return { kind: 'raiseRatio', numerator, denominator, from, to, delta, target, strict, pointsAfter, gain, feasible };
  return { kind: 'raiseRatio', numerator, denominator, from, to, delta, target, above: true, strict, pointsAfter, gain, feasible };
}

/** The change that brings the value into the pick's tier, with the points of the tier it lands in. */
function improvementFor(c: CompiledTiers, exact: readonly CompiledTier[], pick: Pick, r: ReadOut, current: Decimal): Improvement | null {
  const t = pick.tier;
  const v = c.value;
  if ('numerator' in v) {
    const ratio = r.ratio!;
    const target = ratioTarget(t, ratio, v.num, v.denominator);
    const land = target.strict || !target.feasible ? t : (landing(exact, r, target.value) ?? t);
    const g = gainAt(pick, land, current);
    if (!g) return null;
    // The bound named is the tier's as the set writes it (a rounded value's tier keeps its written step).
    const shown = land.step.min !== null ? land.step : t.step;
    return raiseRatio(v.numerator, v.denominator, decText(ratio.n), target, shown, g);
  }
  const def = v.def;
  const value = readDecimal(r);
  const { to, strict } = entryValue(t.iv.min!, t.iv.minInclusive, def.def.type === 'count');
  const land = strict ? t : (landing(exact, r, to) ?? t);
  const g = gainAt(pick, land, current);
  if (!g) return null;
  const hi = upperBound(def);
  const feasible = hi === null || (strict ? to.lt(hi) : to.lte(hi));
  return { kind: 'raise', input: v.input, from: decText(value), to: decText(to), delta: decText(to.minus(value)), strict, pointsAfter: g.pointsAfter, gain: g.gain, feasible };
}

/** With a negative denominator the tier was found assuming d > 0 fails; look at every tier directly. */
function picksForNegative(exact: readonly CompiledTier[], at: CompiledTier, ratio: ReadRatio): Pick[] {
  const candidates = exact
    .filter((t) => t.iv.min !== null && cmpDec(t.clamped, at.clamped) > 0 && !isEmptyInterval(t.iv))
    .filter((t) => {
      const k = cmpDec(ratio.nt, mulDec(t.iv.min!, ratio.d));
      return k < 0 || (k === 0 && !t.iv.minInclusive);
    })
    .sort((a, b) => cmpDec(a.iv.min!, b.iv.min!));
  return pickOf(candidates, at.clamped);
}

export type St = TierStep | ValueSteps | RoundValueStep;

/** Bounds well formed, points within floor and maximum, no overlap, no gap within the value's domain. */
function checkTiers(tiers: readonly Tier[], domain: Interval | null, rounding: ValueRounding | null, ctx: RuleCheckContext): void {
  const ivs: Interval[] = [];
  let bad = false;
  tiers.forEach((t, i) => {
    const { iv, problems } = toInterval(t);
    for (const problem of problems) ctx.report(diag('SET_TIER_BOUNDS', `${ctx.path}/tiers/${i}`, { tier: i + 1, ...problem }));
    // A rounded value is compared: overlaps and gaps are those of the exact values rounding into each tier.
    const exact = problems.length ? iv : exactInterval(iv, rounding);
    if (!problems.length && isEmptyInterval(exact))
      ctx.report(
        diag('SET_TIER_BOUNDS', `${ctx.path}/tiers/${i}`, {
          tier: i + 1,
          problem: 'empty',
          ...(t.min !== undefined ? { min: decText(dec(t.min)) } : {}),
          ...(t.max !== undefined ? { max: decText(dec(t.max)) } : {}),
        }),
      );
    if (problems.length || isEmptyInterval(exact)) bad = true;
    ivs.push(exact);
    ctx.checkPoints(dec(t.points), `${ctx.path}/tiers/${i}/points`);
  });
  if (bad) return;
  scanIntervals(
    ivs,
    (a, b, at) => ctx.report(diag('SET_TIER_OVERLAP', `${ctx.path}/tiers/${b}`, { a: a + 1, b: b + 1, ...at })),
    (gap) => ctx.report(diag('SET_TIER_GAP', `${ctx.path}/tiers`, gap)),
    domain,
  );
}

export const tiersChecks: KindChecks<TiersRule, St> = {
  schema: TiersRule,
  // A pure mark: to a bundler an array spread may run code, which would keep the checks in the scoring entry.
  stepSchemas: /* @__PURE__ */ (() => [...VALUE_STEPS, RoundValueStep, TierStep])(),
  check(rule, ctx) {
    const domain = checkValue(rule.value, ctx, ctx.path);
    checkTiers(rule.tiers, domain ?? null, rule.roundValue ?? null, ctx);
  },
};

export const tiersRuntime: KindRuntime<'tiers', TiersRule, CompiledTiers, TiersState, St> = {
  type: 'tiers',
  reads(rule, out) {
    valueReads(rule.value, out);
  },
  compile(rule, ctx) {
    const tiers = rule.tiers.map((t, i) => compileTier(t, i, ctx.floor, ctx.max));
    return { value: compileValue(rule.value, ctx), tiers, rounding: rule.roundValue ?? null, onZero: rule.onZeroDenominator ?? 'notApplicable', max: ctx.max };
  },
  evaluate(c, read, steps) {
    const state: TiersState = { tier: null, read: null };
    const r = readValue(c.value, read, steps, c.onZero, c.max, state);
    if ('stop' in r) return r.stop;
    state.read = r;
    const rounded = roundRead(r, c.rounding, steps);
    // For a ratio the bounds are compared by cross-multiplication: the quotient itself is not needed.
    const value = rounded ?? (r.ratio === null ? readDecimal(r) : ZERO);
    const tier = tierOf(c, value, r.ratio, rounded);
    if (tier === null) return { raw: ZERO, state, invalid: { code: 'SCORE_NO_TIER', value: rounded === null ? readText(r) : decText(rounded) } };
    state.tier = tier;
    steps?.push(tier.step);
    return { raw: tier.points, state };
  },
};

/**
 * What the advice of every result shares: the tiers as intervals of the exact value (the values that
 * round into each tier; the same objects as the compiled tiers when nothing is rounded), and for each
 * the tiers worth advising from it: the lowest above it that gives more, and the best above it.
 */
export interface TiersAdvice {
  exact: CompiledTier[];
  picks: Pick[][];
}

export const tiersAdvice: KindAdvice<CompiledTiers, TiersState, TiersAdvice> = {
  prepare(c) {
    const rounding = c.rounding;
    const exact = rounding === null ? c.tiers : c.tiers.map((t) => exactTier(t, rounding));
    return { exact, picks: exact.map((t) => picksAbove(t, exact)) };
  },
  advise(c, e, { exact, picks: picksOf }) {
    const { read } = e.state;
    const tier = e.state.tier && exact[e.state.tier.index]!;
    if (tier === null || read === null) return [];
    const picks = read.ratio?.d.isNeg() ? picksForNegative(exact, tier, read.ratio) : picksOf[tier.index]!;
    const out: Improvement[] = [];
    for (const p of picks) {
      const im = improvementFor(c, exact, p, read, tier.clamped);
      // Two picks that land in the same tier: the cheaper (first) one says it all.
      if (im && !out.some((o) => o.kind === im.kind && (o as { pointsAfter?: string }).pointsAfter === (im as { pointsAfter?: string }).pointsAfter)) out.push(im);
    }
    return out;
  },
};

export const tiersKind: KindModule<'tiers', TiersRule, CompiledTiers, TiersState, St> = /* @__PURE__ */ kindModule(tiersRuntime, tiersAdvice, tiersChecks);
