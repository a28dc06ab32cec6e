/**
 * "given": the input already is the points, as another body published them (a survey result of the
 * ministry, a score appraised in another system). The value must lie within the criterion's floor
 * (default 0) and maximum: outside them the criterion is not scored (SCORE_GIVEN_OUT_OF_RANGE), never
 * cut to the maximum silently. Nothing the unit changes in its own evidence raises such points, so the
 * advice says so.
 */
import * as z from 'zod/mini';
import { cmpDec, Decimal, dec, decText, ZERO } from '../decimal.js';
import { diag } from '../diagnostics.js';
import { DecimalText as D, Identifier, ruleBase, withDescription } from '../primitives.js';
import type { Improvement } from './advice.js';
import { kindModule, NOTHING_PREPARED, type KindAdvice, type KindChecks, type KindModule, type KindRuntime } from './kind.js';

export const GivenRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('given'),
    input: withDescription(Identifier, 'A number input (count, decimal or percent) holding the points as published, from 0 (or the floor) to the maximum.'),
    ...ruleBase,
  }))();
export type GivenRule = z.infer<typeof GivenRule>;

export const GivenStep = /* @__PURE__ */ (() => z.strictObject({ kind: z.literal('given'), input: z.string(), value: D }))();
export type GivenStep = z.infer<typeof GivenStep>;

export interface CompiledGiven {
  input: string;
  floor: Decimal;
  max: Decimal;
  floorText: string;
  maxText: string;
}

export const givenChecks: KindChecks<GivenRule, GivenStep> = {
  schema: GivenRule,
  stepSchemas: [GivenStep],
  check(rule, ctx) {
    const info = ctx.needInput(rule.input, ['count', 'decimal', 'percent'], `${ctx.path}/input`);
    // An input that may hold more than the maximum (a percentage against 40 points) is likely not points at all.
    const hi = info?.def.max !== undefined ? dec(info.def.max) : info?.def.type === 'percent' ? dec(100) : null;
    if (hi !== null && hi.gt(ctx.max)) ctx.report(diag('SET_GIVEN_RANGE', `${ctx.path}/input`, { code: ctx.code, input: rule.input, inputMax: decText(hi), max: decText(ctx.max) }, 'warning'));
  },
};

export const givenRuntime: KindRuntime<'given', GivenRule, CompiledGiven, Decimal, GivenStep> = {
  type: 'given',
  reads(rule, out) {
    out.add(rule.input);
  },
  compile(rule, ctx) {
    return { input: rule.input, floor: ctx.floor, max: ctx.max, floorText: decText(ctx.floor), maxText: decText(ctx.max) };
  },
  evaluate(c, read, steps) {
    const v = read(c.input);
    const value = v instanceof Decimal ? v : ZERO;
    steps?.push({ kind: 'given', input: c.input, value: decText(value) });
    if (cmpDec(value, c.floor) < 0 || cmpDec(value, c.max) > 0)
      return { raw: ZERO, state: value, invalid: { code: 'SCORE_GIVEN_OUT_OF_RANGE', input: c.input, value: decText(value), min: c.floorText, max: c.maxText } };
    return { raw: value, state: value };
  },
};

export const givenAdvice: KindAdvice<CompiledGiven, Decimal, null> = {
  prepare: NOTHING_PREPARED,
  advise(c, e) {
    const out: Improvement[] = [];
    // Below the maximum: the points are another body's; the unit's own figures cannot raise them.
    if (cmpDec(e.state, c.max) < 0) out.push({ kind: 'none', reason: 'givenPoints' });
    return out;
  },
};

export const givenKind: KindModule<'given', GivenRule, CompiledGiven, Decimal, GivenStep> = /* @__PURE__ */ kindModule(givenRuntime, givenAdvice, givenChecks);
