/**
 * The survey kind's step and advice in safe integers give what its decimals give: the answers, the
 * weighted sum and the points (the same decimals, coefficient and exponent), the share's text and the improvement (how many more top answers, the points after, the gain) against the formula in
 * 60-digit decimals (written out here as the kind wrote it before), on random weights (0–3 decimals,
 * sometimes 9, sometimes 10: past the integer path), maxima, floors and counts (small, up to millions,
 * and beyond what the integer path takes, so that both paths run); with whole maxima and floors of 0
 * and below the points after are one quotient of safe integers (no clamp), else the decimals clamp them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, dec, decText, ZERO } from '../decimal.js';
import { clampPoints, gainOf } from './advice.js';
import type { CompileContext, Typed } from './kind.js';
import { surveyKind, type SurveyRule } from './survey.js';

const RUNS = Math.max(1000, Math.floor(Number(process.env.PARINDEX_FUZZ_RUNS ?? 0) / 10));
const OPTIONS = ['a', 'b', 'c', 'd'];

function compileSurvey(weights: string[], max: string, floor: string, minAnswers: number | undefined) {
  const rule: SurveyRule = { type: 'survey', input: 't', weights: Object.fromEntries(OPTIONS.map((o, i) => [o, weights[i]!])), ...(minAnswers ? { minAnswers } : {}) };
  const ctx = {
    path: '/rule',
    max: dec(max),
    floor: dec(floor),
    input: () => ({ def: { id: 't', type: 'tally', label: 't' }, options: new Map(OPTIONS.map((o) => [o, o])), min: null, max: null }),
    dependents: () => [],
    condition: () => {
      throw new Error('no conditions');
    },
  } as unknown as CompileContext;
  return surveyKind.compile(rule, ctx);
}

/** The improvement as the kind worked it out in decimals only (share, target, gap and k as 60-digit quotients). */
function byDecimals(weights: Decimal[], max: Decimal, floor: Decimal, counts: Decimal[]) {
  let answers = ZERO;
  let weighted = ZERO;
  counts.forEach((n, i) => {
    answers = answers.plus(n);
    weighted = weighted.plus(n.times(weights[i]!));
  });
  const top = weights.reduce((a, b) => (b.gt(a) ? b : a), weights[0]!);
  const topId = OPTIONS[weights.indexOf(top)]!;
  const points = max.times(weighted).div(answers);
  const share = weighted.div(answers);
  const target = Decimal.min(share.times(100).floor().plus(1).div(100), top);
  const gap = top.minus(target);
  const sums = { answers, weighted, points };
  if (!target.gt(share) || gap.isZero()) return { sums, share: decText(share), advice: [] };
  const k = Decimal.max(target.times(answers).minus(weighted).div(gap).ceil(), 1);
  const after = clampPoints(max.times(weighted.plus(k.times(top))).div(answers.plus(k)), floor, max);
  const g = gainOf(after, clampPoints(points, floor, max));
  return { sums, share: decText(share), advice: g ? [{ kind: 'survey', input: 't', option: topId, more: decText(k), share: decText(share), target: decText(target), ...g }] : [] };
}

const weight = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 1000 }).map((m) => decText(new Decimal(m).div(1000))) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_000_000_000 }).map((m) => decText(new Decimal(m).div(1_000_000_000))) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 10_000_000_000 }).map((m) => decText(new Decimal(m).div(10_000_000_000))) },
  { weight: 1, arbitrary: fc.constantFrom('1', '0', '0.6', '0.2') },
);
const count = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 60 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 5_000_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }) },
);
const maxArb = fc.oneof(
  fc.integer({ min: 1, max: 30 }).map(String),
  fc.integer({ min: 1, max: 3000 }).map((m) => decText(new Decimal(m).div(100))),
);

describe('survey: the integer path gives what the decimals give', () => {
  it('share text and advice (more answers, points after, gain)', () => {
    fc.assert(
      fc.property(
        fc.array(weight, { minLength: 4, maxLength: 4 }),
        fc.array(count, { minLength: 4, maxLength: 4 }),
        maxArb,
        fc.constantFrom('0', '-1', '0.5'),
        fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
        (weights, counts, max, floor, minAnswers) => {
          const c = compileSurvey(weights, max, floor, minAnswers);
          const tally = new Map(OPTIONS.map((o, i) => [o, new Decimal(counts[i]!)]));
          const steps: { share?: string; answers?: string; weighted?: string; points?: string }[] = [];
          const ev = surveyKind.evaluate(c, (id): Typed | undefined => (id === 't' ? tally : undefined), steps as never);
          if (ev.shortage) {
            expect(steps[0]!.share).toBe('0');
            return;
          }
          const expected = byDecimals(weights.map(dec), dec(max), dec(floor), [...tally.values()]);
          const { answers, weighted, points } = ev.state;
          const same = (x: Decimal, y: Decimal) => expect([x.coef, x.exp]).toEqual([y.coef, y.exp]);
          same(answers, expected.sums.answers);
          same(weighted, expected.sums.weighted);
          same(points, expected.sums.points);
          same(ev.raw, expected.sums.points);
          expect([steps[0]!.answers, steps[0]!.weighted, steps[0]!.points]).toEqual([answers, weighted, points].map(decText));
          expect(steps[0]!.share).toBe(expected.share);
          expect(surveyKind.advise(c, ev, surveyKind.prepare(c))).toEqual(expected.advice);
        },
      ),
      { numRuns: RUNS, seed: 20261201 },
    );
  });

  it('takes the integer path for the shipped weights and short counts, and the decimals beyond', () => {
    const c = compileSurvey(['1', '0.6', '0.2', '0'], '6', '0', 30);
    expect(c.scaled).toEqual({ p: 10, unit: new Decimal('0.1'), units: [10, 6, 2, 0], top: 10 });
    // The advice's points after in one quotient of safe integers: no clamp with a floor of 0 (or below).
    expect(c.unclamped).toBe(6);
    expect(compileSurvey(['1', '0.6', '0.2', '0'], '10', '-1', 30).unclamped).toBe(10);
    expect(compileSurvey(['1', '0.6', '0.2', '0'], '2.5', '0', 30).unclamped).toBeNaN();
    expect(compileSurvey(['1', '0.6', '0.2', '0'], '6', '0.5', 30).unclamped).toBeNaN();
    const read = (counts: number[]) => {
      const tally = new Map(OPTIONS.map((o, i) => [o, new Decimal(counts[i]!)]));
      return surveyKind.evaluate(c, () => tally, null);
    };
    expect(read([103, 35, 10, 11]).state.sums).toEqual({ answers: 159, units: 1260 });
    expect(read([2 ** 50, 1, 1, 1]).state.sums).toBeNull();
    // 126 ÷ 159 = 0.792…: 80 % needs k ≥ (0.8 × 159 − 126) ÷ (1 − 0.8) = 6 more "a", 6 × 132 ÷ 165 = 4.8 points.
    expect(surveyKind.advise(c, read([103, 35, 10, 11]), surveyKind.prepare(c))).toEqual([
      {
        kind: 'survey',
        input: 't',
        option: 'a',
        more: '6',
        share: '0.792452830188679245283018867924528301886792452830188679245283',
        target: '0.8',
        pointsAfter: '4.8',
        gain: '0.0452830188679245283018867924528301886792452830188679245283',
      },
    ]);
    expect(compileSurvey(['1', '0.6', '0.2', '0.0000000001'], '6', '0', undefined).scaled).toBeNull();
  });
});
