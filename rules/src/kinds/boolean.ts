/** "boolean": points when a yes/no input is true, others (default 0) when it is not. */
import * as z from 'zod/mini';
import { dec, decText, ZERO, type Decimal } from '../decimal.js';
import { DecimalText as D, Identifier, opt, Points, ruleBase, withDescription } from '../primitives.js';
import { clampPoints, gainOf, type Improvement } from './advice.js';
import { kindModule, type KindAdvice, type KindChecks, type KindModule, type KindRuntime } from './kind.js';

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
  /** Within floor and maximum. */
  yes: Decimal;
  no: Decimal;
  /** What the trace shows for false and for true, made once and shared by every result. */
  steps: [BooleanStep, BooleanStep];
}

const stepOf = (input: string, value: boolean, points: Decimal): BooleanStep => Object.freeze({ kind: 'boolean', input, value, points: decText(points) });

/** The advice of each value, false and true (neither depends on anything else): made once, shared by every result. */
function adviceOf(c: CompiledBoolean): [Improvement[], Improvement[]] {
  const of = (value: boolean): Improvement[] => {
    const g = gainOf(value ? c.no : c.yes, value ? c.yes : c.no);
    return Object.freeze(g ? [Object.freeze({ kind: 'set' as const, input: c.input, to: !value, pointsAfter: g.pointsAfter, gain: g.gain })] : []) as Improvement[];
  };
  return [of(false), of(true)];
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
    return {
      input: rule.input,
      points,
      otherwise,
      yes: clampPoints(points, ctx.floor, ctx.max),
      no: clampPoints(otherwise, ctx.floor, ctx.max),
      steps: [stepOf(rule.input, false, otherwise), stepOf(rule.input, true, points)],
    };
  },
  evaluate(c, read, steps) {
    const value = read(c.input) === true;
    steps?.push(c.steps[value ? 1 : 0]);
    return { raw: value ? c.points : c.otherwise, state: value };
  },
};

export const booleanAdvice: KindAdvice<CompiledBoolean, boolean, [Improvement[], Improvement[]]> = {
  prepare: adviceOf,
  advise: (_c, e, byValue) => byValue[e.state ? 1 : 0],
};

export const booleanKind: KindModule<'boolean', BooleanRule, CompiledBoolean, boolean, BooleanStep> = /* @__PURE__ */ kindModule(booleanRuntime, booleanAdvice, booleanChecks);
