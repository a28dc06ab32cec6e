/**
 * The value a tiers or proportional rule reads: one input, or a ratio numerator × times ÷ denominator,
 * with the steps that show it. Ratios of whole numbers are divided in safe integers (the same 60
 * significant digits); bounds are later compared by cross-multiplication, never through the quotient.
 */
import * as z from 'zod/mini';
import { Decimal, decText, isExactQuotient, mulDec, quotientText, smallInt, ZERO, ONE, dec } from '../decimal.js';
import { DecimalText as D, ZeroDenominator, type ValueRef } from '../primitives.js';
import type { CompileContext, Evaluation, KindInput, Reader, RuleCheckContext } from './kind.js';

/** `value` is n × times ÷ d to 60 significant digits, half up; `exact`: nothing was rounded away. */
export const RatioStep = z.strictObject({
  kind: z.literal('ratio'),
  numerator: z.strictObject({ input: z.string(), value: D }),
  denominator: z.strictObject({ input: z.string(), value: D }),
  times: D,
  value: D,
  exact: z.boolean(),
});
export const ValueStep = z.strictObject({ kind: z.literal('value'), input: z.string(), value: D });
export const ZeroDenominatorStep = z.strictObject({ kind: z.literal('zeroDenominator'), input: z.string(), policy: ZeroDenominator });
export type ValueSteps = z.infer<typeof RatioStep> | z.infer<typeof ValueStep> | z.infer<typeof ZeroDenominatorStep>;
export const VALUE_STEPS = [RatioStep, ValueStep, ZeroDenominatorStep] as const;

export type ZeroPolicy = z.infer<typeof ZeroDenominator>;

/** A value reference, compiled: the input, or the ratio's inputs and its `times` parsed once. */
export type CompiledValue =
  | { readonly input: string; readonly def: KindInput }
  | { readonly numerator: string; readonly denominator: string; readonly times: Decimal; readonly timesInt: number | null; readonly num: KindInput; readonly den: KindInput };

export function compileValue(ref: ValueRef, ctx: CompileContext): CompiledValue {
  if ('input' in ref) return { input: ref.input, def: ctx.input(ref.input) };
  const { numerator, denominator } = ref.ratio;
  const times = ref.ratio.times === undefined ? ONE : dec(ref.ratio.times);
  return { numerator, denominator, times, timesInt: smallInt(times), num: ctx.input(numerator), den: ctx.input(denominator) };
}

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

/** What was read: the value (a Decimal only when asked for, see readDecimal), its text, and the ratio. */
export interface ReadOut {
  value: Decimal | null;
  text: string;
  ratio: ReadRatio | null;
}

/** The value read as a Decimal (the same one n × t ÷ d gives: its text holds every digit). */
export const readDecimal = (r: ReadOut): Decimal => r.value ?? (r.value = new Decimal(r.text));

const numberOf = (v: unknown): Decimal => (v instanceof Decimal ? v : ZERO);

/**
 * Read the value, pushing its steps. A zero denominator ends the rule: the evaluation to return
 * (not applicable, zero or full points as the rule says) comes back instead.
 */
export function readValue<S, St>(v: CompiledValue, read: Reader, steps: Array<St | ValueSteps>, onZero: ZeroPolicy, max: Decimal, state: S): ReadOut | { stop: Evaluation<S, St | ValueSteps> } {
  if ('input' in v) {
    const value = numberOf(read(v.input));
    const text = decText(value);
    steps.push({ kind: 'value', input: v.input, value: text });
    return { value, text, ratio: null };
  }
  const n = numberOf(read(v.numerator));
  const d = numberOf(read(v.denominator));
  const t = v.times;
  if (d.isZero()) {
    steps.push({ kind: 'zeroDenominator', input: v.denominator, policy: onZero });
    if (onZero === 'notApplicable') return { stop: { raw: ZERO, steps, state, notApplicable: { cause: 'zeroDenominator', input: v.denominator } } };
    return { stop: { raw: onZero === 'fullPoints' ? max : ZERO, steps, state } };
  }
  const nt = mulDec(n, t);
  let value: Decimal | null = null;
  let text: string;
  let exact: boolean;
  const p = smallInt(nt);
  const q = smallInt(d);
  if (p !== null && q !== null && q > 0 && Math.abs(p) <= Number.MAX_SAFE_INTEGER) ({ text, exact } = quotientText(p, q));
  else {
    value = nt.div(d);
    text = decText(value);
    exact = isExactQuotient(value, nt, d);
  }
  steps.push({ kind: 'ratio', numerator: { input: v.numerator, value: decText(n) }, denominator: { input: v.denominator, value: decText(d) }, times: decText(t), value: text, exact });
  return { value, text, ratio: { n, d, t, nt, nti: p, di: q, ti: v.timesInt } };
}
