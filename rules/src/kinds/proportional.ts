/**
 * "proportional": points grow linearly from `zeroAt` (0 points) to `fullAt` (the maximum). With a
 * `band`, values below the band's lower bound score 0 ("under 30%: 0 points; from 30%: by the
 * formula"). With `roundValue`, the value as published (rounded) is what is compared and scaled.
 */
import * as z from 'zod/mini';
import { cmpDec, dec, decText, ONE, ZERO, type Decimal } from '../decimal.js';
import { diag } from '../diagnostics.js';
import { DecimalText as D, Dec, opt, ruleBase, ValueRef, withDescription, ZeroDenominator } from '../primitives.js';
import { clampPoints, gainOf, type Improvement } from './advice.js';
import { kindModule, NOTHING_PREPARED, type KindAdvice, type KindChecks, type KindModule, type KindRuntime } from './kind.js';
import {
  checkValue,
  compileValue,
  readValue,
  roundedAtLeast,
  roundDecimal,
  roundedValue,
  roundQuotient,
  roundRead,
  RoundValueStep,
  VALUE_STEPS,
  readDecimal,
  readText,
  valueReads,
  ValueRounding,
  type CompiledValue,
  type ReadOut,
  type ValueSteps,
  upperBound,
} from './value.js';

/** The band's lower bound: below it (at it too, when not inclusive) the rule gives 0. */
export const ProportionalBand = /* @__PURE__ */ (() =>
  z.strictObject({
    min: withDescription(Dec, 'The lower bound of the band, e.g. 30 for "từ 30%".'),
    minInclusive: withDescription(z.boolean(), 'true for "from X" (X itself is in the band), false for "above X".'),
  }))();

export const ProportionalRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('proportional'),
    value: ValueRef,
    fullAt: withDescription(Dec, 'The value that earns the full maximum (e.g. 100 for a percentage).'),
    zeroAt: withDescription(opt(Dec), 'The value that earns 0. Default 0.'),
    onZeroDenominator: opt(ZeroDenominator),
    band: withDescription(opt(ProportionalBand), 'Proportional inside a band only: below band.min the rule gives 0 (at and above fullAt, the maximum).'),
    roundValue: withDescription(opt(ValueRounding), 'Round the value (e.g. the percentage as published, 2 places halfUp) before it is compared and scaled. Default exact.'),
    ...ruleBase,
  }))();
export type ProportionalRule = z.infer<typeof ProportionalRule>;

/** `belowBand`: the value is under the band's lower bound (the fraction is then 0), that bound. */
export const ProportionalStep = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.literal('proportional'),
    value: D,
    zeroAt: D,
    fullAt: D,
    fraction: D,
    points: D,
    belowBand: opt(z.strictObject({ min: D, minInclusive: z.boolean() })),
  }))();
export type ProportionalStep = z.infer<typeof ProportionalStep>;

export interface CompiledProportional {
  value: CompiledValue;
  fullAt: Decimal;
  zeroAt: Decimal;
  fullText: string;
  zeroText: string;
  onZero: z.infer<typeof ZeroDenominator>;
  max: Decimal;
  floor: Decimal;
  band: { min: Decimal; minInclusive: boolean; text: string } | null;
  rounding: ValueRounding | null;
}
export interface State {
  read: ReadOut | null;
  /** The fraction of the way from zeroAt to fullAt as a quotient (0 ÷ 1 and 1 ÷ 1 at the ends). */
  share: Quotient;
  /** The share divided, worked out when first shown (fractionOf): the trace and advice. */
  fraction?: Decimal;
  points: Decimal;
}
export type St = ProportionalStep | ValueSteps | RoundValueStep;

/** The numerator (or input value) that earns the full maximum, for advice. */
function fullTarget(c: CompiledProportional, r: ReadOut, points: Decimal): Improvement | null {
  const v = c.value;
  const g = gainOf(clampPoints(c.max, c.floor, c.max), clampPoints(points, c.floor, c.max));
  if (!g) return null;
  if ('numerator' in v) {
    const ratio = r.ratio!;
    const to = c.fullAt.times(ratio.d).div(ratio.t);
    const target = v.num.def.type === 'count' ? to.ceil() : to;
    return {
      kind: 'raiseRatio',
      numerator: v.numerator,
      denominator: v.denominator,
      from: decText(ratio.n),
      to: decText(target),
      delta: decText(target.minus(ratio.n)),
      target: c.fullText,
      strict: false,
      pointsAfter: g.pointsAfter,
      gain: g.gain,
      feasible: true,
    };
  }
  return { kind: 'raise', input: v.input, from: readText(r), to: c.fullText, delta: decText(c.fullAt.minus(readDecimal(r))), strict: false, pointsAfter: g.pointsAfter, gain: g.gain, feasible: true };
}

/** An exact value as a quotient num ÷ den with den > 0 (see valueQuotient). */
interface Quotient {
  num: Decimal;
  den: Decimal;
}
const whole = (value: Decimal): Quotient => ({ num: value, den: ONE });
/** A ratio n × t ÷ d as n × t over d, so that bounds are compared and points made without dividing first. */
const ratioQuotient = (nt: Decimal, d: Decimal): Quotient => (d.isNeg() ? { num: nt.neg(), den: d.neg() } : { num: nt, den: d });

/** Is the value under the band (where the rule gives 0)? Compared exactly: num against min × den. */
function belowBand(c: CompiledProportional, q: Quotient): boolean {
  if (c.band === null) return false;
  const k = cmpDec(q.num, c.band.min.times(q.den));
  return k < 0 || (k === 0 && !c.band.minInclusive);
}

const NONE = whole(ZERO);
const ALL = whole(ONE);

/**
 * The fraction of the way from zeroAt to fullAt, cut to 0..1, and the points it gives, each with one
 * division of exact operands: (num − zeroAt × den) ÷ ((fullAt − zeroAt) × den), and max × that numerator
 * ÷ the same denominator. (Dividing the ratio first, then the fraction, then multiplying rounded three
 * times, off in the 60th digit.)
 */
function shareOf(c: CompiledProportional, q: Quotient): { share: Quotient; points: Decimal } {
  if (belowBand(c, q)) return { share: NONE, points: ZERO };
  let top = q.num.minus(c.zeroAt.times(q.den));
  let bottom = c.fullAt.minus(c.zeroAt).times(q.den);
  if (bottom.isNeg()) [top, bottom] = [top.neg(), bottom.neg()];
  if (cmpDec(top, ZERO) <= 0) return { share: NONE, points: ZERO };
  if (cmpDec(top, bottom) >= 0) return { share: ALL, points: c.max };
  return { share: { num: top, den: bottom }, points: c.max.times(top).div(bottom) };
}

/** The fraction of an evaluation as a decimal (60 significant digits): only the trace and advice show it, so only they divide. */
const fractionOf = (s: State): Decimal => (s.fraction ??= s.share.num.div(s.share.den));

/** Points for an exact value (or numerator, for a ratio), rounded first where the rule says so: what evaluation would give. */
function pointsAt(c: CompiledProportional, r: ReadOut, to: Decimal): Decimal {
  let q: Quotient;
  if (r.ratio === null) q = whole(c.rounding === null ? to : roundDecimal(to, c.rounding));
  else q = c.rounding === null ? ratioQuotient(to.times(r.ratio.t), r.ratio.d) : whole(roundQuotient(to.times(r.ratio.t), r.ratio.d, c.rounding));
  return clampPoints(shareOf(c, q).points, c.floor, c.max);
}

/**
 * The smallest value (or numerator) whose rounded value is at least `bound` (above it when `strict`):
 * a whole number for counts; for a decimal that must lie strictly above a threshold, the threshold
 * itself with `strict` (there is no smallest such value).
 */
function smallestReaching(c: CompiledProportional, r: ReadOut, bound: Decimal, strict: boolean, integer: boolean): { to: Decimal; strict: boolean } {
  const th = c.rounding === null ? { at: bound, inclusive: !strict } : roundedAtLeast(bound, strict, c.rounding);
  const at = r.ratio === null ? th.at : th.at.times(r.ratio.d).div(r.ratio.t);
  if (!integer) return { to: at, strict: !th.inclusive };
  const up = at.ceil();
  return { to: !th.inclusive && up.eq(at) ? up.plus(1) : up, strict: false };
}

/** Advice of a band or a rounded value: reach the band first (when below it), then the maximum, each with the points evaluation gives there. */
function bandAdvice(c: CompiledProportional, r: ReadOut, points: Decimal): Improvement[] {
  const v = c.value;
  const ratio = r.ratio;
  if ((ratio !== null && (ratio.d.isNeg() || !ratio.t.gt(0))) || cmpDec(c.fullAt, c.zeroAt) < 0) return [];
  const def = 'numerator' in v ? v.num : v.def;
  const integer = def.def.type === 'count';
  const from = ratio === null ? readDecimal(r) : ratio.n;
  const targets: Array<[Decimal, boolean]> = [];
  if (c.band !== null && belowBand(c, valueQuotient(c, r))) targets.push([c.band.min, !c.band.minInclusive]);
  targets.push([c.fullAt, false]);
  const out: Improvement[] = [];
  for (const [bound, strictBound] of targets) {
    const t = smallestReaching(c, r, bound, strictBound, integer);
    // Strictly above a band's bound, a decimal's points are not one number: only the maximum is promised then.
    if (t.strict && bound !== c.fullAt) continue;
    const after = t.strict ? c.max : pointsAt(c, r, t.to);
    const g = gainOf(after, clampPoints(points, c.floor, c.max));
    if (!g || out.some((o) => 'pointsAfter' in o && o.pointsAfter === g.pointsAfter)) continue;
    const base = { from: decText(from), to: decText(t.to), delta: decText(t.to.minus(from)), strict: t.strict, ...g };
    if ('numerator' in v) {
      const feasible = v.num.def.atMost !== v.denominator || (t.strict ? t.to.lt(ratio!.d) : t.to.lte(ratio!.d));
      out.push({ kind: 'raiseRatio', numerator: v.numerator, denominator: v.denominator, ...base, target: decText(bound), ...(strictBound ? { above: true as const } : {}), feasible });
    } else {
      const hi = upperBound(def);
      out.push({ kind: 'raise', input: v.input, ...base, feasible: hi === null || (t.strict ? t.to.lt(hi) : t.to.lte(hi)) });
    }
  }
  return out;
}

/** The step of an evaluation: the value as compared (rounded where declared), the fraction and the points. */
function proportionalStep(c: CompiledProportional, r: ReadOut, rounded: Decimal | null, q: Quotient, s: State): ProportionalStep {
  const step: ProportionalStep = {
    kind: 'proportional',
    value: rounded === null ? readText(r) : decText(rounded),
    zeroAt: c.zeroText,
    fullAt: c.fullText,
    fraction: decText(fractionOf(s)),
    points: decText(s.points),
  };
  if (c.band !== null && belowBand(c, q)) step.belowBand = { min: c.band.text, minInclusive: c.band.minInclusive };
  return step;
}

/** The value the rule compares and scales: rounded where it says so, else exact (a ratio kept as its quotient). */
function valueQuotient(c: CompiledProportional, r: ReadOut): Quotient {
  if (c.rounding !== null) return whole(roundedValue(r, c.rounding));
  return r.ratio === null ? whole(readDecimal(r)) : ratioQuotient(r.ratio.nt, r.ratio.d);
}

export const proportionalChecks: KindChecks<ProportionalRule, St> = {
  schema: ProportionalRule,
  // A pure mark: to a bundler an array spread may run code, which would keep the checks in the scoring entry.
  stepSchemas: /* @__PURE__ */ (() => [...VALUE_STEPS, RoundValueStep, ProportionalStep])(),
  check(rule, ctx) {
    checkValue(rule.value, ctx, ctx.path);
    const full = dec(rule.fullAt);
    const zero = rule.zeroAt === undefined ? ZERO : dec(rule.zeroAt);
    if (full.eq(zero)) ctx.report(diag('SET_ZERO_RANGE', `${ctx.path}/fullAt`, { value: decText(full) }));
  },
};

export const proportionalRuntime: KindRuntime<'proportional', ProportionalRule, CompiledProportional, State, St> = {
  type: 'proportional',
  reads(rule, out) {
    valueReads(rule.value, out);
  },
  compile(rule, ctx) {
    const fullAt = dec(rule.fullAt);
    const zeroAt = rule.zeroAt === undefined ? ZERO : dec(rule.zeroAt);
    return {
      value: compileValue(rule.value, ctx),
      fullAt,
      zeroAt,
      fullText: decText(fullAt),
      zeroText: decText(zeroAt),
      onZero: rule.onZeroDenominator ?? 'notApplicable',
      max: ctx.max,
      floor: ctx.floor,
      band: rule.band === undefined ? null : { min: dec(rule.band.min), minInclusive: rule.band.minInclusive, text: decText(dec(rule.band.min)) },
      rounding: rule.roundValue ?? null,
    };
  },
  evaluate(c, read, steps) {
    const state: State = { read: null, share: NONE, points: ZERO };
    const r = readValue(c.value, read, steps, c.onZero, c.max, state);
    if ('stop' in r) return r.stop;
    const rounded = roundRead(r, c.rounding, steps);
    const q = rounded !== null ? whole(rounded) : valueQuotient(c, r);
    const { share, points } = shareOf(c, q);
    Object.assign(state, { read: r, share, points });
    steps?.push(proportionalStep(c, r, rounded, q, state));
    return { raw: points, state };
  },
};

export const proportionalAdvice: KindAdvice<CompiledProportional, State, null> = {
  prepare: NOTHING_PREPARED,
  advise(c, e) {
    const r = e.state.read;
    if (r === null || !fractionOf(e.state).lt(1)) return [];
    if (c.band !== null || c.rounding !== null) return bandAdvice(c, r, e.state.points);
    const im = fullTarget(c, r, e.state.points);
    return im ? [im] : [];
  },
};

export const proportionalKind: KindModule<'proportional', ProportionalRule, CompiledProportional, State, St> = /* @__PURE__ */ kindModule(proportionalRuntime, proportionalAdvice, proportionalChecks);
