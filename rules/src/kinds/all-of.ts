/** "allOf": points when every condition holds, others (default 0) when one does not. */
import * as z from 'zod/mini';
import { dec, ZERO, type Decimal } from '../decimal.js';
import { Condition, opt, Points, ruleBase, withDescription } from '../primitives.js';
import { clampPoints, gainOf, type Improvement } from './advice.js';
import { conditionReads, ConditionStep } from './condition.js';
import { type CompiledCondition, kindModule, type KindChecks, type KindModule, type KindRuntime } from './kind.js';

export const AllOfRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('allOf'),
    conditions: z.array(Condition).check(z.minLength(1), z.maxLength(50)),
    points: withDescription(opt(Points), 'Points when all hold. Default: the maximum.'),
    otherwise: withDescription(opt(Points), 'Default 0.'),
    ...ruleBase,
  }))();
export type AllOfRule = z.infer<typeof AllOfRule>;

export interface CompiledAllOf {
  conditions: CompiledCondition[];
  points: Decimal;
  otherwise: Decimal;
  yes: Decimal;
  no: Decimal;
}

/** The pointers of the conditions that did not hold. */
export type Unmet = string[];

export const allOfChecks: KindChecks<AllOfRule, ConditionStep> = {
  schema: AllOfRule,
  stepSchemas: [ConditionStep],
  check(rule, ctx) {
    rule.conditions.forEach((c, i) => ctx.checkCondition(c, `${ctx.path}/conditions/${i}`));
    if (rule.points !== undefined) ctx.checkPoints(dec(rule.points), `${ctx.path}/points`);
    if (rule.otherwise !== undefined) ctx.checkPoints(dec(rule.otherwise), `${ctx.path}/otherwise`);
  },
};

export const allOfRuntime: KindRuntime<'allOf', AllOfRule, CompiledAllOf, Unmet, ConditionStep> = {
  type: 'allOf',
  reads(rule, out) {
    for (const c of rule.conditions) conditionReads(c, out);
  },
  compile(rule, ctx) {
    const points = rule.points === undefined ? ctx.max : dec(rule.points);
    const otherwise = rule.otherwise === undefined ? ZERO : dec(rule.otherwise);
    return {
      conditions: rule.conditions.map((c, i) => ctx.condition(c, `${ctx.path}/conditions/${i}`)),
      points,
      otherwise,
      yes: clampPoints(points, ctx.floor, ctx.max),
      no: clampPoints(otherwise, ctx.floor, ctx.max),
    };
  },
  evaluate(c, read, steps) {
    const unmet: Unmet = [];
    for (const cond of c.conditions) {
      const result = cond.test(read);
      steps?.push({ kind: 'condition', at: cond.at, result });
      if (!result) unmet.push(cond.at);
    }
    return { raw: unmet.length === 0 ? c.points : c.otherwise, state: unmet };
  },
  advise(c, e) {
    const out: Improvement[] = [];
    const g = e.state.length > 0 ? gainOf(c.yes, c.no) : null;
    if (g) out.push({ kind: 'meet', conditions: e.state, ...g });
    return out;
  },
};

export const allOfKind: KindModule<'allOf', AllOfRule, CompiledAllOf, Unmet, ConditionStep> = /* @__PURE__ */ kindModule(allOfRuntime, allOfChecks);
