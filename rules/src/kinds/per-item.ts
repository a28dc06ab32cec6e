/** "perItem": a base plus a change per item (a deduction or a bonus), the change limited to `limit`. */
import * as z from 'zod/mini';
import { Decimal, dec, decText, ZERO } from '../decimal.js';
import { DecimalText as D, Dec, Identifier, NonNegDec, opt, Points, ruleBase, withDescription } from '../primitives.js';
import { clampPoints, gainOf, type Improvement } from './advice.js';
import { kindModule, NOTHING_PREPARED, type KindAdvice, type KindChecks, type KindModule, type KindRuntime } from './kind.js';

export const PerItemRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('perItem'),
    input: withDescription(Identifier, 'A count input: the number of items.'),
    base: withDescription(opt(Points), 'Points before any item. Default: the maximum for a deduction, 0 for a bonus.'),
    each: withDescription(Dec, 'Change per item: negative for a deduction, positive for a bonus.'),
    limit: withDescription(opt(NonNegDec), 'Largest total change, as a positive number (the cap of the deduction or bonus).'),
    ...ruleBase,
  }))();
export type PerItemRule = z.infer<typeof PerItemRule>;

export const PerItemStep = /* @__PURE__ */ (() => z.strictObject({ kind: z.literal('perItem'), input: z.string(), items: D, base: D, each: D, change: D, limited: z.boolean(), points: D }))();
export type PerItemStep = z.infer<typeof PerItemStep>;

export interface CompiledPerItem {
  input: string;
  base: Decimal;
  each: Decimal;
  limit: Decimal | null;
  baseText: string;
  eachText: string;
  floor: Decimal;
  max: Decimal;
}
export interface State {
  items: Decimal;
  points: Decimal;
}

function adviseBonus(c: CompiledPerItem, s: State, current: Decimal): Improvement | null {
  if (!current.lt(c.max)) return null;
  const room = Decimal.min(c.max, c.limit !== null ? c.base.plus(c.limit) : c.max).minus(s.points);
  if (!room.gt(0)) return null;
  const more = room.div(c.each).ceil();
  const g = gainOf(clampPoints(s.points.plus(more.times(c.each)), c.floor, c.max), current);
  return g && { kind: 'raise', input: c.input, from: decText(s.items), to: decText(s.items.plus(more)), delta: decText(more), strict: false, pointsAfter: g.pointsAfter, gain: g.gain, feasible: true };
}

export const perItemChecks: KindChecks<PerItemRule, PerItemStep> = {
  schema: PerItemRule,
  stepSchemas: [PerItemStep],
  check(rule, ctx) {
    ctx.needInput(rule.input, ['count'], `${ctx.path}/input`);
    if (rule.base !== undefined) ctx.checkPoints(dec(rule.base), `${ctx.path}/base`);
  },
};

export const perItemRuntime: KindRuntime<'perItem', PerItemRule, CompiledPerItem, State, PerItemStep> = {
  type: 'perItem',
  reads(rule, out) {
    out.add(rule.input);
  },
  compile(rule, ctx) {
    const each = dec(rule.each);
    const base = rule.base !== undefined ? dec(rule.base) : each.isNeg() ? ctx.max : ZERO;
    return { input: rule.input, base, each, limit: rule.limit === undefined ? null : dec(rule.limit), baseText: decText(base), eachText: decText(each), floor: ctx.floor, max: ctx.max };
  },
  evaluate(c, read, steps) {
    const v = read(c.input);
    const items = v instanceof Decimal ? v : ZERO;
    let change = items.times(c.each);
    let limited = false;
    if (c.limit !== null && change.abs().gt(c.limit)) {
      change = change.isNeg() ? c.limit.neg() : c.limit;
      limited = true;
    }
    const points = c.base.plus(change);
    steps?.push({ kind: 'perItem', input: c.input, items: decText(items), base: c.baseText, each: c.eachText, change: decText(change), limited, points: decText(points) });
    return { raw: points, state: { items, points } };
  },
};

export const perItemAdvice: KindAdvice<CompiledPerItem, State, null> = {
  prepare: NOTHING_PREPARED,
  advise(c, e) {
    const current = clampPoints(e.state.points, c.floor, c.max);
    if (c.each.isNeg() && e.state.items.gt(0)) {
      const g = gainOf(clampPoints(c.base, c.floor, c.max), current);
      return g ? [{ kind: 'lower', input: c.input, from: decText(e.state.items), to: '0', delta: decText(e.state.items), pointsAfter: g.pointsAfter, gain: g.gain }] : [];
    }
    if (!c.each.gt(0)) return [];
    const im = adviseBonus(c, e.state, current);
    return im ? [im] : [];
  },
};

export const perItemKind: KindModule<'perItem', PerItemRule, CompiledPerItem, State, PerItemStep> = /* @__PURE__ */ kindModule(perItemRuntime, perItemAdvice, perItemChecks);
