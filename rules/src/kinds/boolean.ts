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
      pointsText: decText(points),
      otherwiseText: decText(otherwise),
      yes: clampPoints(points, ctx.floor, ctx.max),
      no: clampPoints(otherwise, ctx.floor, ctx.max),
    };
  },
  evaluate(c, read, steps) {
    const value = read(c.input) === true;
    steps?.push({ kind: 'boolean', input: c.input, value, points: value ? c.pointsText : c.otherwiseText });
    return { raw: value ? c.points : c.otherwise, state: value };
  },
  advise(c, e) {
    const current = e.state ? c.yes : c.no;
    const other = e.state ? c.no : c.yes;
    const g = gainOf(other, current);
    const out: Improvement[] = [];
    if (g) out.push({ kind: 'set', input: c.input, to: !e.state, ...g });
    return out;
  },
};

export const booleanKind: KindModule<'boolean', BooleanRule, CompiledBoolean, boolean, BooleanStep> = /* @__PURE__ */ kindModule(booleanRuntime, booleanChecks);
