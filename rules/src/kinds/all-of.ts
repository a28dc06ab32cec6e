/** "allOf": points when every condition holds, others (default 0) when one does not. */
import * as z from 'zod/mini';
import { dec, ZERO, type Decimal } from '../decimal.js';
import { Condition, opt, Points, ruleBase, withDescription } from '../primitives.js';
import { clampPoints, gainOf, type Improvement } from './advice.js';
import { conditionReads, ConditionStep } from './condition.js';
import { type CompiledCondition, kindModule, type KindAdvice, type KindChecks, type KindModule, type KindRuntime } from './kind.js';

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
  /** Per condition, its step when it fails and when it holds: made once, shared by every result. */
  shown: Array<[ConditionStep, ConditionStep]>;
}

/** The points after and gain of meeting every condition (the same for every result). */
type Gain = { pointsAfter: string; gain: string } | null;

/** Meet the conditions that failed, when that gains. */
function meetAll(gain: Gain, unmet: Unmet): Improvement[] {
  const g = unmet.length > 0 ? gain : null;
  return g ? [{ kind: 'meet', conditions: unmet, pointsAfter: g.pointsAfter, gain: g.gain }] : [];
}

/** The compiled rule with what its trace shows, which depends on nothing else. */
function withShown(c: Omit<CompiledAllOf, 'shown'>): CompiledAllOf {
  const step = (at: string, result: boolean): ConditionStep => Object.freeze({ kind: 'condition', at, result });
  return { ...c, shown: c.conditions.map((cond) => [step(cond.at, false), step(cond.at, true)]) };
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
    return withShown({
      conditions: rule.conditions.map((c, i) => ctx.condition(c, `${ctx.path}/conditions/${i}`)),
      points,
      otherwise,
      yes: clampPoints(points, ctx.floor, ctx.max),
      no: clampPoints(otherwise, ctx.floor, ctx.max),
    });
  },
  evaluate(c, read, steps) {
    const unmet: Unmet = [];
    for (let i = 0; i < c.conditions.length; i++) {
      const result = c.conditions[i]!.test(read);
      steps?.push(c.shown[i]![result ? 1 : 0]);
      if (!result) unmet.push(c.conditions[i]!.at);
    }
    return { raw: unmet.length === 0 ? c.points : c.otherwise, state: unmet };
  },
};

export const allOfAdvice: KindAdvice<CompiledAllOf, Unmet, Gain> = {
  prepare: (c) => gainOf(c.yes, c.no),
  advise: (_c, e, gain) => meetAll(gain, e.state),
};

export const allOfKind: KindModule<'allOf', AllOfRule, CompiledAllOf, Unmet, ConditionStep> = /* @__PURE__ */ kindModule(allOfRuntime, allOfAdvice, allOfChecks);
