/**
 * Improvements: what would raise a criterion's points, in the unit's own terms, as data. Each carries
 * the points it promises (`pointsAfter`) and the gain over the current points, both within the
 * criterion's floor and maximum; a property test follows every improvement and checks the promise.
 */
import * as z from 'zod/mini';
import { cmpDec, decText, type Decimal } from '../decimal.js';
import { DecimalText as D, withMeta } from '../primitives.js';

const s = z.strictObject;
const opt = z.optional;

/** Raise a number input to `to` (or just above it when `strict`); `feasible` is false when its bounds forbid it. */
const Raise = /* @__PURE__ */ (() => s({ kind: z.literal('raise'), input: z.string(), from: D, to: D, delta: D, strict: z.boolean(), pointsAfter: D, gain: D, feasible: z.boolean() }))();
/**
 * Raise the numerator of a ratio to `to` (just above it when `strict`) so that the ratio reaches
 * `target`, the lower bound of the tier or band it enters as the set writes it; `above` when that bound
 * is excluded ("trên 98%": the ratio must exceed it). Absent, not false, otherwise: results saved before
 * it existed stay valid.
 */
const RaiseRatio = /* @__PURE__ */ (() =>
  s({
    kind: z.literal('raiseRatio'),
    numerator: z.string(),
    denominator: z.string(),
    from: D,
    to: D,
    delta: D,
    target: D,
    above: opt(z.literal(true)),
    strict: z.boolean(),
    pointsAfter: D,
    gain: D,
    feasible: z.boolean(),
  }))();
const Lower = /* @__PURE__ */ (() => s({ kind: z.literal('lower'), input: z.string(), from: D, to: D, delta: D, pointsAfter: D, gain: D }))();
/** Give a yes/no, level or date input the value `to`. */
const SetValue = /* @__PURE__ */ (() => s({ kind: z.literal('set'), input: z.string(), to: z.union([z.string(), z.boolean()]), pointsAfter: D, gain: D }))();
/** Meet the conditions at these JSON pointers of the set (of a part of a "parts" rule, when `part`). */
const Meet = /* @__PURE__ */ (() => s({ kind: z.literal('meet'), conditions: z.array(z.string()), part: opt(z.string()), pointsAfter: D, gain: D }))();
const OnTime = /* @__PURE__ */ (() => s({ kind: z.literal('onTime'), inputs: z.array(z.string()), pointsAfter: D, gain: D }))();
const Provide = /* @__PURE__ */ (() => s({ kind: z.literal('provide'), inputs: z.array(z.string()), documents: z.array(z.string()), pointsAfter: z.nullable(D), gain: z.nullable(D) }))();
/**
 * `more` additional answers of `option` in the tally: the fewest that lift the weighted share from
 * `share` to at least `target`, the next whole percent (both as fractions: 0.796 → 0.8; absent in results
 * of engines before they were given).
 */
const Survey = /* @__PURE__ */ (() => s({ kind: z.literal('survey'), input: z.string(), option: z.string(), more: D, share: opt(D), target: opt(D), pointsAfter: D, gain: D }))();
/**
 * Nothing the unit can change raises the points: `ruleMaximum`, the rule gives no more than this
 * anywhere; `noBetterValue`, no value the inputs may take scores more; `searchBound`, the bounded search
 * of an expression's inputs found none; `givenPoints`, the points are given as another body published
 * them (a `given` rule): raising them is not in the unit's hands.
 */
const NoImprovement = /* @__PURE__ */ (() => s({ kind: z.literal('none'), reason: z.enum(['ruleMaximum', 'noBetterValue', 'searchBound', 'givenPoints']) }))();

export const ImprovementSchema = /* @__PURE__ */ (() =>
  withMeta(z.discriminatedUnion('kind', [Raise, RaiseRatio, Lower, SetValue, Meet, OnTime, Provide, Survey, NoImprovement]), {
    id: 'Improvement',
  }))();
export type Improvement = z.infer<typeof ImprovementSchema>;

/** @internal Points within a criterion's floor and maximum. */
export function clampPoints(v: Decimal, floor: Decimal, max: Decimal): Decimal {
  if (cmpDec(v, max) > 0) return max;
  if (cmpDec(v, floor) < 0) return floor;
  return v;
}

/** @internal The points after a change and the gain, as texts, or null when the change gains nothing. */
export function gainOf(after: Decimal, current: Decimal): { pointsAfter: string; gain: string } | null {
  if (cmpDec(after, current) <= 0) return null;
  return { pointsAfter: decText(after), gain: decText(after.minus(current)) };
}
