/**
 * "survey": the weighted share of a tally's answers (A 1, B 0.6, …) times the maximum. Fewer answers
 * than `minAnswers` (or none): the evidence is short, and the criterion is missing evidence (not "not
 * applicable": an emptied tally must never take the points out of the maximum).
 */
import * as z from 'zod/mini';
import { addDec, cmpDec, Decimal, dec, decText, mulDec, quotientText, smallInt, ZERO } from '../decimal.js';
import { DecimalText as D, Dec, Identifier, opt, ruleBase, withDescription } from '../primitives.js';
import { clampPoints, gainOf, type Improvement } from './advice.js';
import { kindModule, NOTHING_PREPARED, type KindAdvice, type KindChecks, type KindModule, type KindRuntime } from './kind.js';

export const SurveyRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('survey'),
    input: withDescription(Identifier, 'A tally input: answer counts per option.'),
    weights: withDescription(z.record(Identifier, Dec), 'Weight of each option between 0 and 1 (A 1, B 0.6, C 0.2, D 0).'),
    minAnswers: withDescription(opt(z.number().check(z.int(), z.minimum(1))), 'Fewer valid answers than this: missing evidence (scored as missing, never taken out of the maximum).'),
    ...ruleBase,
  }))();
export type SurveyRule = z.infer<typeof SurveyRule>;

export const SurveyStep = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.literal('survey'),
    input: z.string(),
    counts: z.record(z.string(), D),
    weights: z.record(z.string(), D),
    answers: D,
    weighted: D,
    share: D,
    points: D,
  }))();
export type SurveyStep = z.infer<typeof SurveyStep>;

export interface CompiledSurvey {
  input: string;
  /** In the order the input declares its options (not the key order of "weights"). */
  options: Array<{ id: string; weight: Decimal; text: string }>;
  /** The option of the highest weight (the first such in declared order). */
  top: { id: string; weight: Decimal };
  minAnswers: number | undefined;
  floor: Decimal;
  max: Decimal;
  /** The weights as whole numbers over one power of ten, for sums in safe integers; null when they are too long. */
  scaled: ScaledWeights | null;
  /** The weights as the step shows them: made once, frozen, shared by every result (they depend only on the rule). */
  weightsShown: Readonly<Record<string, string>>;
  /**
   * The maximum when it is whole (below 10^14), at least 0, and the floor is at most 0: then every
   * share (0 to 1) gives points within both, so no clamp changes them; else NaN.
   */
  unclamped: number;
}
/** Weights wᵢ = unitsᵢ ÷ p with p = 10^k (k ≤ 9): the option's units in `options` order, the top option's. */
export interface ScaledWeights {
  p: number;
  /** 1 ÷ p as a decimal: the weighted sum is its units × this, exactly. */
  unit: Decimal;
  units: number[];
  top: number;
}
export interface State {
  answers: Decimal;
  weighted: Decimal;
  points: Decimal;
  scored: boolean;
  /** weighted ÷ answers (zero when not scored), worked out when first shown (shareOf). */
  share?: Decimal;
  /** The share's text, written when first shown (shareText). */
  shown?: string;
  /** The answers and weighted × p as safe integers, when every count is whole and 101 × answers × p is one; else null. */
  sums: { answers: number; units: number } | null;
}

/** The weights (0 to 1) over their longest decimal part's power of ten (0.6 → 6 ÷ 10), or null beyond 9 places. */
function scaledWeights(options: CompiledSurvey['options'], top: Decimal): ScaledWeights | null {
  let k = 0;
  for (const o of options) k = Math.max(k, -o.weight.exp);
  if (k > 9) return null;
  const p = 10 ** k;
  const units: number[] = [];
  for (const o of options) {
    const u = smallInt(o.weight.times(p));
    if (u === null || u < 0 || u > p) return null;
    units.push(u);
  }
  return { p, unit: new Decimal(`1e-${k}`), units, top: smallInt(top.times(p))! };
}

/**
 * The answers and the weighted sum of a tally, as decimals and, when they fit, in safe integers. The
 * sums are exact either way, so the decimals made of the integer sums are the decimal sums' very values.
 */
function tallied(c: CompiledSurvey, count: (id: string) => Decimal): { answers: Decimal; weighted: Decimal; sums: State['sums'] } {
  const sc = c.scaled;
  if (sc !== null) {
    let a = 0;
    let u = 0;
    let whole = true;
    for (let i = 0; i < c.options.length && whole; i++) {
      const ni = smallInt(count(c.options[i]!.id));
      if (ni === null || ni < 0) whole = false;
      else {
        a += ni;
        u += ni * sc.units[i]!;
      }
    }
    if (whole && 101 * a * sc.p <= Number.MAX_SAFE_INTEGER) return { answers: new Decimal(a), weighted: new Decimal(u).times(sc.unit), sums: { answers: a, units: u } };
  }
  let answers = ZERO;
  let weighted = ZERO;
  for (const o of c.options) {
    const n = count(o.id);
    answers = addDec(answers, n);
    weighted = addDec(weighted, mulDec(n, o.weight));
  }
  return { answers, weighted, sums: null };
}

/** The weighted share: only the trace and advice show it, so only they divide. */
const shareOf = (s: State): Decimal => (s.share ??= s.scored ? s.weighted.div(s.answers) : ZERO);

/**
 * The share's text: in safe integers (units ÷ (answers × p), the same 60 digits) when the sums fit.
 * Written once, kept in the state: the step and the advice both show it (a long division each).
 */
function shareText(c: CompiledSurvey, s: State): string {
  // Not scored, the share is 0 (shareOf), whose text is "0".
  return (s.shown ??= s.scored && s.sums !== null ? quotientText(s.sums.units, s.sums.answers * c.scaled!.p).text : decText(shareOf(s)));
}

/**
 * The fewest more answers k of the top option that lift the weighted share to the next whole percent
 * (see moreTopAnswers), in safe integers; 0 when none can. Exact: with share = units ÷ (answers × p),
 * floor(100 × share) and the ceiling of k's quotient are those of the rationals, and the 60-digit
 * quotients the decimals take are never within 10^-40 of a whole number they are not, as the
 * denominators stay below 2^53: both give the same k.
 */
function topAnswersNeeded(sc: ScaledWeights, sums: NonNullable<State['sums']>): { k: number; target: Decimal } {
  const { answers: a, units: w } = sums;
  const q = a * sc.p;
  const f = (100 * w - ((100 * w) % q)) / q;
  // The target (f + 1) ÷ 100, × 100p; at or above the top weight, the share only approaches it.
  const t = (f + 1) * sc.p;
  const target = new Decimal(f + 1).div(100);
  if (100 * sc.top <= t) return { k: 0, target };
  // k ≥ (target × answers − weighted) ÷ (top − target), both × 100p.
  const num = t * a - 100 * w;
  const gap = 100 * sc.top - t;
  const r = num % gap;
  return { k: Math.max((num - r) / gap + (r > 0 ? 1 : 0), 1), target };
}

/** k by the decimals, for sums beyond safe integers (the same formula, 0 when none can). */
function topAnswersByDecimals(c: CompiledSurvey, s: State): { k: Decimal | 0; target: Decimal } {
  const share = shareOf(s);
  const target = Decimal.min(share.times(100).floor().plus(1).div(100), c.top.weight);
  const gap = c.top.weight.minus(target);
  if (!target.gt(share) || gap.isZero()) return { k: 0, target };
  return { k: Decimal.max(target.times(s.answers).minus(s.weighted).div(gap).ceil(), 1), target };
}

/**
 * The fewest more answers of the top option that lift the weighted share to the next whole percent:
 * (weighted + k·w) ÷ (answers + k) ≥ target ⇔ k ≥ (target·answers − weighted) ÷ (w − target).
 */
function moreTopAnswers(c: CompiledSurvey, s: State): Improvement | null {
  const { k: n, target } = s.sums !== null ? topAnswersNeeded(c.scaled!, s.sums) : topAnswersByDecimals(c, s);
  // At the top weight itself the share only approaches it: no number of answers reaches it.
  if (n === 0) return null;
  const k = typeof n === 'number' ? new Decimal(n) : n;
  // With k in safe integers and no clamp (see unclamped), the points after are max × (units + k × top
  // units) ÷ (p × (answers + k)): one quotient of safe integers, the very 60-digit rounding of the
  // rational the decimals divide once (their products and sums are exact), so the same decimal.
  const sums = typeof n === 'number' ? s.sums! : null;
  const num = sums ? c.unclamped * (sums.units + (n as number) * c.scaled!.top) : NaN;
  const den = sums ? c.scaled!.p * (sums.answers + (n as number)) : NaN;
  const g =
    Number.isSafeInteger(num) && Number.isSafeInteger(den)
      ? gainOf(new Decimal(num).div(den), s.points)
      : gainOf(clampPoints(c.max.times(s.weighted.plus(k.times(c.top.weight))).div(s.answers.plus(k)), c.floor, c.max), clampPoints(s.points, c.floor, c.max));
  // The share now and the whole percent the answers lift it to: why this many (the advice's step).
  return g && { kind: 'survey', input: c.input, option: c.top.id, more: decText(k), share: shareText(c, s), target: decText(target), pointsAfter: g.pointsAfter, gain: g.gain };
}

/** The step of a tally: each option's count and weight, the answers, the share and the points (0 and 0 when not scored). */
function surveyStep(c: CompiledSurvey, count: (id: string) => Decimal, s: State): SurveyStep {
  const counts: Record<string, string> = {};
  for (const o of c.options) counts[o.id] = decText(count(o.id));
  return { kind: 'survey', input: c.input, counts, weights: c.weightsShown, answers: decText(s.answers), weighted: decText(s.weighted), share: shareText(c, s), points: decText(s.points) };
}

export const surveyChecks: KindChecks<SurveyRule, SurveyStep> = {
  schema: SurveyRule,
  stepSchemas: [SurveyStep],
  check(rule, ctx) {
    const info = ctx.needInput(rule.input, ['tally'], `${ctx.path}/input`);
    if (info) ctx.checkOptionMap(info, rule.weights, `${ctx.path}/weights`, 'weights');
    for (const [k, v] of Object.entries(rule.weights)) ctx.checkFraction(dec(v), `${ctx.path}/weights/${k}`, 'weight');
  },
};

export const surveyRuntime: KindRuntime<'survey', SurveyRule, CompiledSurvey, State, SurveyStep> = {
  type: 'survey',
  reads(rule, out) {
    out.add(rule.input);
  },
  compile(rule, ctx) {
    const options: CompiledSurvey['options'] = [];
    for (const id of ctx.input(rule.input).options?.keys() ?? []) {
      if (!Object.hasOwn(rule.weights, id)) continue;
      const weight = dec(rule.weights[id]!);
      options.push({ id, weight, text: decText(weight) });
    }
    const top = options.reduce((a, b) => (b.weight.gt(a.weight) ? b : a), options[0]!);
    const m = smallInt(ctx.max) ?? -1;
    const weightsShown: Record<string, string> = {};
    for (const o of options) weightsShown[o.id] = o.text;
    return {
      input: rule.input,
      options,
      top: { id: top.id, weight: top.weight },
      minAnswers: rule.minAnswers,
      floor: ctx.floor,
      max: ctx.max,
      scaled: scaledWeights(options, top.weight),
      weightsShown: Object.freeze(weightsShown),
      unclamped: m >= 0 && cmpDec(ctx.floor, ZERO) <= 0 ? m : NaN,
    };
  },
  evaluate(c, read, steps) {
    const tally = read(c.input);
    const count = (id: string) => (tally instanceof Map ? (tally.get(id) ?? ZERO) : ZERO);
    const { answers, weighted, sums } = tallied(c, count);
    if (answers.isZero() || (c.minAnswers !== undefined && answers.lt(c.minAnswers))) {
      const state: State = { answers, weighted, points: ZERO, scored: false, sums };
      steps?.push(surveyStep(c, count, state));
      return { raw: ZERO, state, shortage: { input: c.input, answers: decText(answers), minAnswers: c.minAnswers ?? 1 } };
    }
    const state: State = { answers, weighted, points: c.max.times(weighted).div(answers), scored: true, sums };
    steps?.push(surveyStep(c, count, state));
    return { raw: state.points, state };
  },
};

export const surveyAdvice: KindAdvice<CompiledSurvey, State, null> = {
  prepare: NOTHING_PREPARED,
  advise(c, e) {
    if (!e.state.scored) return [];
    const im = moreTopAnswers(c, e.state);
    return im ? [im] : [];
  },
};

export const surveyKind: KindModule<'survey', SurveyRule, CompiledSurvey, State, SurveyStep> = /* @__PURE__ */ kindModule(surveyRuntime, surveyAdvice, surveyChecks);
