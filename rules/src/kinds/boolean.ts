/** "boolean": points when a yes/no input is true, others (default 0) when it is not. */
import * as z from 'zod/mini';
import { dec, decText, ZERO, type Decimal } from '../decimal.js';
import { DecimalText as D, Identifier, opt, Points, ruleBase, withDescription } from '../primitives.js';
import { clampPoints, gainOf, type Improvement } from './advice.js';
import { kindModule, type KindChecks, type KindModule, type KindRuntime } from './kind.js';

export const BooleanRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('boolean'),
    input: Identifier,
    points: withDescription(opt(Points), 'Points when true. Default: the maximum.'),
    otherwise: withDescription(opt(Points), 'Points when false. Default 0.'),
    ...ruleBase,
  }))();
export type BooleanRule = z.infer<typeof BooleanRule>;

export const BooleanStep = /* @__PURE__ */ (() => z.strictObject({ kind: z.literal('boolean'), input: z.string(), value: z.boolean(), points: D }))();
export type BooleanStep = z.infer<typeof BooleanStep>;

export interface CompiledBoolean {
  input: string;
  points: Decimal;
  otherwise: Decimal;
  pointsText: string;
  otherwiseText: string;
  /** Within floor and maximum. */
  yes: Decimal;
  no: Decimal;
  /** What the trace shows for false and for true: the step and the advice, made once and shared by every result. */
  shown: [Shown, Shown];
}
interface Shown {
  step: BooleanStep;
  advice: Improvement[];
}

/** The compiled rule with the step and advice of each value (neither depends on anything else). */
function withShown(c: Omit<CompiledBoolean, 'shown'>): CompiledBoolean {
  const shownOf = (value: boolean): Shown => {
    const g = gainOf(value ? c.no : c.yes, value ? c.yes : c.no);
    const advice: Improvement[] = g ? [Object.freeze({ kind: 'set' as const, input: c.input, to: !value, pointsAfter: g.pointsAfter, gain: g.gain })] : [];
    return { step: Object.freeze({ kind: 'boolean', input: c.input, value, points: value ? c.pointsText : c.otherwiseText }), advice: Object.freeze(advice) as Improvement[] };
  };
  return { ...c, shown: [shownOf(false), shownOf(true)] };
}

export const booleanChecks: KindChecks<BooleanRule, BooleanStep> = {
  schema: BooleanRule,
  stepSchemas: [BooleanStep],
  check(rule, ctx) {
    ctx.needInput(rule.input, ['boolean'], `${ctx.path}/input`);
    if (rule.points !== undefined) ctx.checkPoints(dec(rule.points), `${ctx.path}/points`);
    if (rule.otherwise !== undefined) ctx.checkPoints(dec(rule.otherwise), `${ctx.path}/otherwise`);
  },
};

export const booleanRuntime: KindRuntime<'boolean', BooleanRule, CompiledBoolean, boolean, BooleanStep> = {
  type: 'boolean',
  reads(rule, out) {
    out.add(rule.input);
  },
  compile(rule, ctx) {
    const points = rule.points === undefined ? ctx.max : dec(rule.points);
    const otherwise = rule.otherwise === undefined ? ZERO : dec(rule.otherwise);
    return withShown({
      input: rule.input,
      points,
      otherwise,
      pointsText: decText(points),
      otherwiseText: decText(otherwise),
      yes: clampPoints(points, ctx.floor, ctx.max),
      no: clampPoints(otherwise, ctx.floor, ctx.max),
    });
  },
  evaluate(c, read, steps) {
    const value = read(c.input) === true;
    steps?.push(c.shown[value ? 1 : 0].step);
    return { raw: value ? c.points : c.otherwise, state: value };
  },
  advise(c, e) {
    return c.shown[e.state ? 1 : 0].advice;
  },
};

export const booleanKind: KindModule<'boolean', BooleanRule, CompiledBoolean, boolean, BooleanStep> = /* @__PURE__ */ kindModule(booleanRuntime, booleanChecks);
