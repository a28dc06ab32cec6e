/**
 * "targets": each target met gives the maximum ÷ the number of targets ("mỗi chỉ tiêu đạt được
 * tính điểm tối đa chia cho số chỉ tiêu"). The number of targets is declared (`of`: 5) or given by
 * the unit (`of`: an input id, e.g. the tasks its plan set). Points = maximum × met ÷ targets,
 * exact when the quotient terminates (60 significant digits otherwise, like a ratio); rounded only
 * where the set declares it. Zero targets is the unit's own figure: `onZeroTargets` (default not
 * applicable) says what it scores.
 */
import * as z from 'zod/mini';
import { Decimal, dec, decText, isExactQuotient, ZERO } from '../decimal.js';
import { DecimalText as D, Identifier, opt, ruleBase, withDescription, ZeroDenominator } from '../primitives.js';
import { clampPoints, gainOf, type Improvement } from './advice.js';
import { kindModule, NOTHING_PREPARED, type KindAdvice, type KindChecks, type KindModule, type KindRuntime } from './kind.js';

export const TargetsRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('targets'),
    met: withDescription(Identifier, 'A count input: the targets met.'),
    of: withDescription(
      z.union([Identifier, z.number().check(z.int(), z.minimum(1), z.maximum(10000))]),
      'The number of targets: a whole number declared by the set, or a count input the unit gives.',
    ),
    onZeroTargets: withDescription(opt(ZeroDenominator), 'When the unit gives 0 targets. Default notApplicable.'),
    ...ruleBase,
  }))();
export type TargetsRule = z.infer<typeof TargetsRule>;

/** `of.input` is null when the set declares the number. */
export const TargetsStep = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.literal('targets'),
    met: z.strictObject({ input: z.string(), value: D }),
    of: z.strictObject({ input: z.nullable(z.string()), value: D }),
    each: D,
    points: D,
    exact: z.boolean(),
  }))();
export type TargetsStep = z.infer<typeof TargetsStep>;
export const TargetsZeroStep = /* @__PURE__ */ (() => z.strictObject({ kind: z.literal('zeroTargets'), input: z.string(), policy: ZeroDenominator }))();
export type TargetsZeroStep = z.infer<typeof TargetsZeroStep>;
export type St = TargetsStep | TargetsZeroStep;

export interface CompiledTargets {
  met: string;
  of: string | Decimal;
  metAtMostOf: boolean;
  onZero: z.infer<typeof ZeroDenominator>;
  max: Decimal;
  floor: Decimal;
}
export interface TargetsState {
  met: Decimal;
  of: Decimal;
  points: Decimal;
}

const numberOf = (v: unknown): Decimal => (v instanceof Decimal ? v : ZERO);
const pointsFor = (c: CompiledTargets, met: Decimal, of: Decimal) => c.max.times(met).div(of);

/** The step of targets met: the points each is worth, the points, and whether the quotient is exact. */
function targetsStep(c: CompiledTargets, { met, of, points }: TargetsState): TargetsStep {
  return {
    kind: 'targets',
    met: { input: c.met, value: decText(met) },
    of: { input: typeof c.of === 'string' ? c.of : null, value: decText(of) },
    each: decText(c.max.div(of)),
    points: decText(points),
    exact: isExactQuotient(points, c.max.times(met), of),
  };
}

export const targetsChecks: KindChecks<TargetsRule, St> = {
  schema: TargetsRule,
  stepSchemas: [TargetsStep, TargetsZeroStep],
  check(rule, ctx) {
    ctx.needInput(rule.met, ['count'], `${ctx.path}/met`);
    if (typeof rule.of === 'string') ctx.needInput(rule.of, ['count'], `${ctx.path}/of`);
  },
};

export const targetsRuntime: KindRuntime<'targets', TargetsRule, CompiledTargets, TargetsState | null, St> = {
  type: 'targets',
  reads(rule, out) {
    out.add(rule.met);
    if (typeof rule.of === 'string') out.add(rule.of);
  },
  compile(rule, ctx) {
    const of = typeof rule.of === 'string' ? rule.of : dec(rule.of);
    return { met: rule.met, of, metAtMostOf: typeof of === 'string' && ctx.input(rule.met).def.atMost === of, onZero: rule.onZeroTargets ?? 'notApplicable', max: ctx.max, floor: ctx.floor };
  },
  evaluate(c, read, steps) {
    const met = numberOf(read(c.met));
    const of = typeof c.of === 'string' ? numberOf(read(c.of)) : c.of;
    if (of.isZero()) {
      const input = c.of as string;
      steps?.push({ kind: 'zeroTargets', input, policy: c.onZero });
      if (c.onZero === 'notApplicable') return { raw: ZERO, state: null, notApplicable: { cause: 'zeroDenominator', input } };
      return { raw: c.onZero === 'fullPoints' ? c.max : ZERO, state: null };
    }
    const state = { met, of, points: pointsFor(c, met, of) };
    steps?.push(targetsStep(c, state));
    return { raw: state.points, state };
  },
};

export const targetsAdvice: KindAdvice<CompiledTargets, TargetsState | null, null> = {
  prepare: NOTHING_PREPARED,
  advise(c, e) {
    const s = e.state;
    if (s === null || !s.met.lt(s.of)) return [];
    const current = clampPoints(s.points, c.floor, c.max);
    const out: Improvement[] = [];
    // The next target first (the smallest gain), then all of them.
    const next = s.met.floor().plus(1);
    for (const to of next.lt(s.of) ? [next, s.of] : [s.of]) {
      const g = gainOf(clampPoints(pointsFor(c, to, s.of), c.floor, c.max), current);
      if (g) out.push({ kind: 'raise', input: c.met, from: decText(s.met), to: decText(to), delta: decText(to.minus(s.met)), strict: false, ...g, feasible: true });
    }
    return out;
  },
};

export const targetsKind: KindModule<'targets', TargetsRule, CompiledTargets, TargetsState | null, St> = /* @__PURE__ */ kindModule(targetsRuntime, targetsAdvice, targetsChecks);
