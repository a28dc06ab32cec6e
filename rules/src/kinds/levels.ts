/**
 * "levels" (points per named level) and "fraction" (a fraction of the maximum per level): one
 * module, as both read one level input and differ only in how a level turns into points.
 */
import * as z from 'zod/mini';
import { cmpDec, dec, decText, ZERO, type Decimal } from '../decimal.js';
import { DecimalText as D, Dec, Identifier, Points, ruleBase, withDescription } from '../primitives.js';
import { clampPoints, type Improvement } from './advice.js';
import { type CompileContext, kindModule, type KindAdvice, type KindChecks, type KindModule, type KindRuntime, type Reader, type RuleCheckContext, type StepSink } from './kind.js';

export const LevelsRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('levels'),
    input: Identifier,
    points: withDescription(z.record(Identifier, Points), 'Points per level id; every level of the input must appear.'),
    ...ruleBase,
  }))();
export type LevelsRule = z.infer<typeof LevelsRule>;

export const FractionRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('fraction'),
    input: Identifier,
    fractions: withDescription(z.record(Identifier, Dec), 'Fraction of the maximum per level id (1 = full, 0.5 = half).'),
    ...ruleBase,
  }))();
export type FractionRule = z.infer<typeof FractionRule>;

export const LevelStep = /* @__PURE__ */ (() => z.strictObject({ kind: z.literal('level'), input: z.string(), level: z.string(), points: D, fraction: z.optional(D) }))();
export type LevelStep = z.infer<typeof LevelStep>;

export interface Level {
  id: string;
  points: Decimal;
  text: string;
  /** For "fraction": the fraction's text. */
  fraction: string | undefined;
  /** Within floor and maximum. */
  clamped: Decimal;
  /** Its place in `levels` (its advice's place in the prepared list). */
  index: number;
  /** Its step, made once and shared by every result. */
  step: LevelStep;
}
export interface CompiledLevels {
  input: string;
  /** In the order the input declares its options (not the key order of the rule's map). */
  levels: Level[];
  byId: ReadonlyMap<string, Level>;
  floor: Decimal;
  max: Decimal;
}

function compileLevels(input: string, values: Record<string, number | string>, fractions: boolean, ctx: CompileContext): CompiledLevels {
  const levels: Level[] = [];
  for (const id of ctx.input(input).options?.keys() ?? []) {
    if (!Object.hasOwn(values, id)) continue;
    const v = dec(values[id]!);
    const points = fractions ? v.times(ctx.max) : v;
    const text = decText(points);
    const fraction = fractions ? decText(v) : undefined;
    levels.push({ id, points, text, fraction, clamped: clampPoints(points, ctx.floor, ctx.max), index: levels.length, step: levelStep(input, id, text, fraction) });
  }
  return { input, levels, byId: new Map(levels.map((l) => [l.id, l])), floor: ctx.floor, max: ctx.max };
}

export type Evaluated = Level | null;

function levelStep(input: string, level: string, points: string, fraction: string | undefined): LevelStep {
  const s: LevelStep = { kind: 'level', input, level, points };
  if (fraction !== undefined) s.fraction = fraction;
  return Object.freeze(s);
}

const evaluate = (c: CompiledLevels, read: Reader, steps: StepSink<LevelStep>) => {
  const v = read(c.input);
  const level = typeof v === 'string' ? (c.byId.get(v) ?? null) : null;
  if (level) steps?.push(level.step);
  return { raw: level ? level.points : ZERO, state: level as Evaluated };
};

/** Every level that scores more than `current`, cheapest first. */
function adviceFrom(input: string, levels: readonly Level[], current: Decimal): Improvement[] {
  const advice = levels
    .filter((l) => cmpDec(l.clamped, current) > 0)
    .sort((a, b) => cmpDec(a.clamped, b.clamped))
    .map((l): Improvement => Object.freeze({ kind: 'set', input, to: l.id, pointsAfter: decText(l.clamped), gain: decText(l.clamped.minus(current)) }));
  return Object.freeze(advice) as Improvement[];
}

/** The advice of each level (by its index), then that of no level given: made once, shared by every result. */
type LevelsAdvice = Improvement[][];

/** Every level that scores more, cheapest first (it depends on the level only, so it is worked out once). Both kinds' advice. */
export const levelsAdvice: KindAdvice<CompiledLevels, Evaluated, LevelsAdvice> = {
  prepare: (c) => [...c.levels.map((l) => adviceFrom(c.input, c.levels, l.clamped)), adviceFrom(c.input, c.levels, clampPoints(ZERO, c.floor, c.max))],
  advise: (c, e, byLevel) => byLevel[e.state ? e.state.index : c.levels.length]!,
};

const checkLevelInput = (input: string, map: Record<string, unknown>, ctx: RuleCheckContext, key: 'points' | 'fractions') => {
  const info = ctx.needInput(input, ['level'], `${ctx.path}/input`);
  if (info) ctx.checkOptionMap(info, map, `${ctx.path}/${key}`, key);
};

export const levelsChecks: KindChecks<LevelsRule, LevelStep> = {
  schema: LevelsRule,
  stepSchemas: [LevelStep],
  check(rule, ctx) {
    checkLevelInput(rule.input, rule.points, ctx, 'points');
    for (const [k, v] of Object.entries(rule.points)) ctx.checkPoints(dec(v), `${ctx.path}/points/${k}`);
  },
};

export const levelsRuntime: KindRuntime<'levels', LevelsRule, CompiledLevels, Evaluated, LevelStep> = {
  type: 'levels',
  reads(rule, out) {
    out.add(rule.input);
  },
  compile: (rule, ctx) => compileLevels(rule.input, rule.points, false, ctx),
  evaluate,
};

export const levelsKind: KindModule<'levels', LevelsRule, CompiledLevels, Evaluated, LevelStep> = /* @__PURE__ */ kindModule(levelsRuntime, levelsAdvice, levelsChecks);

export const fractionChecks: KindChecks<FractionRule, LevelStep> = {
  schema: FractionRule,
  stepSchemas: [LevelStep],
  check(rule, ctx) {
    checkLevelInput(rule.input, rule.fractions, ctx, 'fractions');
    for (const [k, v] of Object.entries(rule.fractions)) ctx.checkFraction(dec(v), `${ctx.path}/fractions/${k}`, 'fraction');
  },
};

export const fractionRuntime: KindRuntime<'fraction', FractionRule, CompiledLevels, Evaluated, LevelStep> = {
  type: 'fraction',
  reads(rule, out) {
    out.add(rule.input);
  },
  compile: (rule, ctx) => compileLevels(rule.input, rule.fractions, true, ctx),
  evaluate,
};

export const fractionKind: KindModule<'fraction', FractionRule, CompiledLevels, Evaluated, LevelStep> = /* @__PURE__ */ kindModule(fractionRuntime, levelsAdvice, fractionChecks);
