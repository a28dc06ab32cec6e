/**
 * The value a tiers or proportional rule reads: one input, or a ratio numerator × times ÷ denominator,
 * with the steps that show it. Ratios of whole numbers are divided in safe integers (the same 60
 * significant digits); bounds are later compared by cross-multiplication, never through the quotient.
 */
import * as z from 'zod/mini';
import { Decimal, decText, isExactQuotient, mulDec, quotientText, smallInt, ZERO, ONE, dec } from '../decimal.js';
import { DecimalText as D, ZeroDenominator, type ValueRef } from '../primitives.js';
import type { Interval } from '../intervals.js';
import type { CompileContext, Evaluation, KindInput, Reader, RuleCheckContext, StepSink } from './kind.js';

/** `value` is n × times ÷ d to 60 significant digits, half up; `exact`: nothing was rounded away. */
export const RatioStep = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.literal('ratio'),
    numerator: z.strictObject({ input: z.string(), value: D }),
    denominator: z.strictObject({ input: z.string(), value: D }),
    times: D,
    value: D,
    exact: z.boolean(),
  }))();
export const ValueStep = /* @__PURE__ */ (() => z.strictObject({ kind: z.literal('value'), input: z.string(), value: D }))();
export const ZeroDenominatorStep = /* @__PURE__ */ (() => z.strictObject({ kind: z.literal('zeroDenominator'), input: z.string(), policy: ZeroDenominator }))();
export type ValueSteps = z.infer<typeof RatioStep> | z.infer<typeof ValueStep> | z.infer<typeof ZeroDenominatorStep>;
export const VALUE_STEPS = [RatioStep, ValueStep, ZeroDenominatorStep] as const;

export type ZeroPolicy = z.infer<typeof ZeroDenominator>;

/** A value reference, compiled: the input, or the ratio's inputs and its `times` parsed once. */
export type CompiledValue =
  | { readonly input: string; readonly def: KindInput }
  | {
      readonly numerator: string;
      readonly denominator: string;
      readonly times: Decimal;
      readonly timesInt: number | null;
      /** `times` as the trace writes it. */
      readonly timesText: string;
      readonly num: KindInput;
      readonly den: KindInput;
    };

export function compileValue(ref: ValueRef, ctx: CompileContext): CompiledValue {
  if ('input' in ref) return { input: ref.input, def: ctx.input(ref.input) };
  const { numerator, denominator } = ref.ratio;
  const times = ref.ratio.times === undefined ? ONE : dec(ref.ratio.times);
  return { numerator, denominator, times, timesInt: smallInt(times), timesText: decText(times), num: ctx.input(numerator), den: ctx.input(denominator) };
}

/** The bound of a percent input without a declared maximum. */
const HUNDRED = new Decimal(100);

/** The largest value a number input may take: its declared maximum, 100 for a percent, or none. */
export const upperBound = (def: KindInput): Decimal | null => def.max ?? (def.def.type === 'percent' ? HUNDRED : null);

export function valueReads(ref: ValueRef, out: Set<string>): void {
  if ('input' in ref) out.add(ref.input);
  else {
    out.add(ref.ratio.numerator);
    out.add(ref.ratio.denominator);
  }
}

/** The check both kinds share: the value's inputs are numbers; gives the domain for gap checks. */
export const checkValue = (ref: ValueRef, ctx: RuleCheckContext, path: string) => ctx.valueDomain(ref, `${path}/value`);

/** A ratio as read: n, d, t and n × t, with safe-integer copies when they are whole numbers. */
export interface ReadRatio {
  n: Decimal;
  d: Decimal;
  t: Decimal;
  nt: Decimal;
  nti: number | null;
  di: number | null;
  ti: number | null;
}

/**
 * What was read: the value and its text, each worked out when first asked for (readDecimal,
 * readText): a ratio's 60-digit quotient only when the trace or a diagnostic shows it, as bounds are
 * compared through `ratio`.
 */
export interface ReadOut {
  value: Decimal | null;
  text: string | null;
  ratio: ReadRatio | null;
}

/** n × t ÷ d to 60 significant digits, half up (in safe integers when they are whole and short), kept in `out`. */
function divide(out: ReadOut, r: ReadRatio): { text: string; exact: boolean } {
  const p = r.nti;
  const q = r.di;
  if (p !== null && q !== null && q > 0 && Math.abs(p) <= Number.MAX_SAFE_INTEGER) {
    // Its own text and exactness, as they are (no second object of the two).
    const quotient = quotientText(p, q);
    out.text = quotient.text;
    return quotient;
  }
  const value = r.nt.div(r.d);
  out.value = value;
  out.text = decText(value);
  return { text: out.text, exact: isExactQuotient(value, r.nt, r.d) };
}

/** The text of the value read (for a ratio, its quotient). */
export function readText(r: ReadOut): string {
  if (r.text !== null) return r.text;
  if (r.ratio === null) return (r.text = decText(r.value!));
  return divide(r, r.ratio).text;
}

/** The value read as a Decimal (the same one n × t ÷ d gives: its text holds every digit). */
export const readDecimal = (r: ReadOut): Decimal => r.value ?? (r.value = new Decimal(readText(r)));

const numberOf = (v: unknown): Decimal => (v instanceof Decimal ? v : ZERO);

/** The step of a ratio read, with its quotient. */
function ratioStep(v: Extract<CompiledValue, { numerator: string }>, out: ReadOut, r: ReadRatio): z.infer<typeof RatioStep> {
  const { text, exact } = divide(out, r);
  return { kind: 'ratio', numerator: { input: v.numerator, value: decText(r.n) }, denominator: { input: v.denominator, value: decText(r.d) }, times: v.timesText, value: text, exact };
}

/**
 * Read the value, writing its steps into the sink. A zero denominator ends the rule: the evaluation
 * to return (not applicable, zero or full points as the rule says) comes back instead.
 */
export function readValue<S>(v: CompiledValue, read: Reader, steps: StepSink<ValueSteps>, onZero: ZeroPolicy, max: Decimal, state: S): ReadOut | { stop: Evaluation<S> } {
  if ('input' in v) {
    const out: ReadOut = { value: numberOf(read(v.input)), text: null, ratio: null };
    steps?.push({ kind: 'value', input: v.input, value: readText(out) });
    return out;
  }
  const n = numberOf(read(v.numerator));
  const d = numberOf(read(v.denominator));
  const t = v.times;
  if (d.isZero()) {
    steps?.push({ kind: 'zeroDenominator', input: v.denominator, policy: onZero });
    if (onZero === 'notApplicable') return { stop: { raw: ZERO, state, notApplicable: { cause: 'zeroDenominator', input: v.denominator } } };
    return { stop: { raw: onZero === 'fullPoints' ? max : ZERO, state } };
  }
  const nt = mulDec(n, t);
  const ratio: ReadRatio = { n, d, t, nt, nti: smallInt(nt), di: smallInt(d), ti: v.timesInt };
  const out: ReadOut = { value: null, text: null, ratio };
  steps?.push(ratioStep(v, out, ratio));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Rounding the value before it is compared ("the percentage as published, two decimals")

export const ValueRounding = /* @__PURE__ */ (() =>
  z.strictObject({
    places: z.number().check(z.int(), z.minimum(0), z.maximum(6)),
    mode: z.enum(['halfUp', 'halfEven', 'down', 'up']),
  }))();
export type ValueRounding = z.infer<typeof ValueRounding>;

/** The value (n × times ÷ d, exact) before and after the rule's declared rounding. */
export const RoundValueStep = /* @__PURE__ */ (() => z.strictObject({ kind: z.literal('roundValue'), from: D, to: D, places: z.number().check(z.int()), mode: ValueRounding.shape.mode }))();
export type RoundValueStep = z.infer<typeof RoundValueStep>;

const MODES = { halfUp: Decimal.ROUND_HALF_UP, halfEven: Decimal.ROUND_HALF_EVEN, down: Decimal.ROUND_DOWN, up: Decimal.ROUND_UP } as const;

/**
 * n ÷ d rounded to `places` exactly (the rational, not its 60-digit quotient, is rounded): the whole
 * quotient of |n| × 10^places by |d| and its remainder decide, in the mode's direction.
 */
export function roundQuotient(n: Decimal, d: Decimal, r: ValueRounding): Decimal {
  const scale = new Decimal(10).pow(r.places);
  const a = n.times(scale).abs();
  const b = d.abs();
  let q = a.divToInt(b);
  const rem = a.minus(q.times(b));
  const half = rem.times(2).cmp(b);
  const up = r.mode === 'down' ? false : r.mode === 'up' ? !rem.isZero() : r.mode === 'halfUp' ? half >= 0 : half > 0 || (half === 0 && q.mod(2).eq(1));
  if (up) q = q.plus(1);
  const v = q.div(scale);
  return n.isNeg() !== d.isNeg() && !v.isZero() ? v.neg() : v;
}

/** The value read (exact for a ratio: n × t ÷ d itself is rounded), rounded to the declared places. */
export function roundedValue(r: ReadOut, rounding: ValueRounding): Decimal {
  return r.ratio === null ? roundDecimal(readDecimal(r), rounding) : roundQuotient(r.ratio.nt, r.ratio.d, rounding);
}

/** A decimal rounded to the declared places. */
export const roundDecimal = (v: Decimal, rounding: ValueRounding): Decimal => v.toDecimalPlaces(rounding.places, MODES[rounding.mode]);

/** The value read, rounded as the rule declares (a step records it); the exact ratio stays in `ratio` for advice. */
export function roundRead(r: ReadOut, rounding: ValueRounding | null, steps: StepSink<RoundValueStep>): Decimal | null {
  if (rounding === null) return null;
  const to = roundedValue(r, rounding);
  steps?.push({ kind: 'roundValue', from: readText(r), to: decText(to), places: rounding.places, mode: rounding.mode });
  return to;
}

/**
 * The exact values whose rounding is ≥ b (or > b when `strict`): v ≥ at (v > at when not inclusive).
 * Rounding is monotone, so this set is a half-line: it starts where the smallest grid value g that
 * qualifies starts being produced, which depends on the mode (and, for ties, on g's sign or parity).
 */
export function roundedAtLeast(b: Decimal, strict: boolean, r: ValueRounding): { at: Decimal; inclusive: boolean } {
  const u = new Decimal(10).pow(-r.places);
  let g = b.div(u).ceil().times(u);
  if (strict && g.eq(b)) g = g.plus(u);
  const half = u.div(2);
  switch (r.mode) {
    case 'halfUp':
      return { at: g.minus(half), inclusive: g.gt(0) };
    case 'halfEven':
      return { at: g.minus(half), inclusive: g.div(u).mod(2).eq(0) };
    case 'down':
      return g.gt(0) ? { at: g, inclusive: true } : { at: g.minus(u), inclusive: false };
    case 'up':
      return g.gt(0) ? { at: g.minus(u), inclusive: false } : { at: g, inclusive: true };
  }
}

/** An interval on the rounded value as the interval of exact values that round into it (for advice and gap checks). */
export function exactInterval(iv: Interval, r: ValueRounding | null): Interval {
  if (r === null) return iv;
  const lo = iv.min === null ? null : roundedAtLeast(iv.min, !iv.minInclusive, r);
  const hi = iv.max === null ? null : roundedAtLeast(iv.max, iv.maxInclusive, r);
  return { min: lo && lo.at, minInclusive: lo ? lo.inclusive : true, max: hi && hi.at, maxInclusive: hi ? !hi.inclusive : false };
}
