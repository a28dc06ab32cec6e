/** "proportional": points grow linearly from `zeroAt` (0 points) to `fullAt` (the maximum). */
import * as z from 'zod/mini';
import { dec, decText, ONE, ZERO, type Decimal } from '../decimal.js';
import { diag } from '../diagnostics.js';
import { DecimalText as D, Dec, opt, ruleBase, ValueRef, withDescription, ZeroDenominator } from '../primitives.js';
import { clampPoints, gainOf, type Improvement } from './advice.js';
import type { KindModule } from './kind.js';
import { checkValue, compileValue, readValue, VALUE_STEPS, readDecimal, valueReads, type CompiledValue, type ReadOut, type ValueSteps } from './value.js';

export const ProportionalRule = z.strictObject({
  type: z.literal('proportional'),
  value: ValueRef,
  fullAt: withDescription(Dec, 'The value that earns the full maximum (e.g. 100 for a percentage).'),
  zeroAt: withDescription(opt(Dec), 'The value that earns 0. Default 0.'),
  onZeroDenominator: opt(ZeroDenominator),
  ...ruleBase,
});
export type ProportionalRule = z.infer<typeof ProportionalRule>;

export const ProportionalStep = z.strictObject({ kind: z.literal('proportional'), value: D, zeroAt: D, fullAt: D, fraction: D, points: D });
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
}
export interface State {
  read: ReadOut | null;
  fraction: Decimal;
  points: Decimal;
}
export type St = ProportionalStep | ValueSteps;

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
      ...g,
      feasible: true,
    };
  }
  return { kind: 'raise', input: v.input, from: r.text, to: c.fullText, delta: decText(c.fullAt.minus(readDecimal(r))), strict: false, ...g, feasible: true };
}

function fractionOf(c: CompiledProportional, value: Decimal): Decimal {
  const f = value.minus(c.zeroAt).div(c.fullAt.minus(c.zeroAt));
  return f.lt(0) ? ZERO : f.gt(1) ? ONE : f;
}

export const proportionalKind: KindModule<'proportional', ProportionalRule, CompiledProportional, State, St> = {
  type: 'proportional',
  schema: ProportionalRule,
  stepSchemas: [...VALUE_STEPS, ProportionalStep],
  check(rule, ctx) {
    checkValue(rule.value, ctx, ctx.path);
    const full = dec(rule.fullAt);
    const zero = rule.zeroAt === undefined ? ZERO : dec(rule.zeroAt);
    if (full.eq(zero)) ctx.report(diag('SET_ZERO_RANGE', `${ctx.path}/fullAt`, { value: decText(full) }));
  },
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
    };
  },
  evaluate(c, read) {
    const steps: St[] = [];
    const state: State = { read: null, fraction: ZERO, points: ZERO };
    const r = readValue(c.value, read, steps, c.onZero, c.max, state);
    if ('stop' in r) return r.stop;
    const fraction = fractionOf(c, readDecimal(r));
    const points = c.max.times(fraction);
    Object.assign(state, { read: r, fraction, points });
    steps.push({ kind: 'proportional', value: r.text, zeroAt: c.zeroText, fullAt: c.fullText, fraction: decText(fraction), points: decText(points) });
    return { raw: points, steps, state };
  },
  advise(c, e) {
    const r = e.state.read;
    if (r === null || !e.state.fraction.lt(1)) return [];
    const im = fullTarget(c, r, e.state.points);
    return im ? [im] : [];
  },
};
