/**
 * Survey leaves against an independent oracle (decimal.js at 200 digits, then 60 digits half up): for
 * random weights (short decimals, and sometimes long ones), random maxima and random answer counts, the
 * engine must write the same counts, weighted sum, share and points, and give the same points.
 */
import { Decimal as DecimalJs } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, score, type NodeResult } from '@parindex/engine';
import { oneLeafSet } from './one-leaf-set.js';

// Fewer cases in the normal run; the long mode (test:fuzz-long sets PARINDEX_FUZZ_RUNS to 200,000) runs the
// full counts.
const LONG = Number(process.env.PARINDEX_FUZZ_RUNS ?? 0) > 20_000;

const Wide = DecimalJs.clone({ precision: 200 });
const D60 = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });
const plain = (d: DecimalJs) => (d.isZero() ? '0' : d.toFixed());
const OPTIONS = ['a', 'b', 'c', 'd'];

function setWith(max: string, weights: string[], minAnswers: number | undefined) {
  const rule: Record<string, unknown> = { type: 'survey', input: 'answers', weights: Object.fromEntries(OPTIONS.map((o, i) => [o, weights[i]])) };
  if (minAnswers !== undefined) rule.minAnswers = minAnswers;
  return oneLeafSet('survey', max, { inputs: [{ id: 'answers', type: 'tally', label: 'answers', options: OPTIONS.map((id) => ({ id, label: id })) }], rule });
}

const evidence = (counts: number[]) => ({
  formatVersion: 1,
  criteriaSet: 'test.survey@2026',
  unit: { code: 'X', name: 'X', level: 'commune' },
  period: { from: '2026-01-01', to: '2026-12-31' },
  entries: [{ criterion: '1.1', values: { answers: Object.fromEntries(OPTIONS.map((o, i) => [o, counts[i]])) } }],
});

/** A weight between 0 and 1: mostly 0–3 decimals, sometimes 9. */
const weight = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 1000 }).map((m) => plain(new Wide(m).div(1000))) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_000_000_000 }).map((m) => plain(new Wide(m).div(1_000_000_000))) },
);
const maxArb = fc.oneof(
  fc.integer({ min: 1, max: 30 }).map(String),
  fc.integer({ min: 1, max: 3000 }).map((m) => plain(new Wide(m).div(100))),
);
const count = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 5_000_000 }), fc.constant(0));

const leafOf = (fields: NodeResult[]) => fields[0]!.children![0]!;

describe('survey: the engine agrees with exact arithmetic', () => {
  it('counts, weighted sum, share and points', () => {
    fc.assert(
      fc.property(
        maxArb,
        fc.array(weight, { minLength: 4, maxLength: 4 }),
        fc.array(count, { minLength: 4, maxLength: 4 }),
        fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
        (max, weights, counts, minAnswers) => {
          const compiled = compile(setWith(max, weights, minAnswers));
          const leaf = leafOf(score(compiled, evidence(counts)).fields);
          const answers = counts.reduce((a, b) => a + b, 0);
          let weighted = new Wide(0);
          for (let i = 0; i < 4; i++) weighted = weighted.plus(new Wide(weights[i]!).times(counts[i]!));
          const step = leaf.trace!.steps[0] as Record<string, unknown>;
          expect(step.counts).toEqual(Object.fromEntries(OPTIONS.map((o, i) => [o, String(counts[i])])));
          expect(step.answers).toBe(String(answers));
          expect(step.weighted).toBe(plain(weighted));
          if (answers === 0 || (minAnswers !== undefined && answers < minAnswers)) {
            // Too few answers: missing evidence, never taken out of the maximum.
            expect([leaf.status, leaf.points, leaf.applicableMax]).toEqual(['missingEvidence', '0', String(max)]);
            expect([step.share, step.points]).toEqual(['0', '0']);
            return;
          }
          const share = new D60(weighted.toFixed()).div(answers);
          const points = new D60(new Wide(max).times(weighted).toFixed()).div(answers);
          expect(step.share).toBe(plain(share));
          expect(step.points).toBe(plain(points));
          expect(leaf.points).toBe(plain(points));
        },
      ),
      { numRuns: LONG ? 1500 : 400, seed: 20261122 },
    );
  });

  it('a known case: 6 × (1×103 + 0.6×35 + 0.2×10 + 0×11) ÷ 159', () => {
    const compiled = compile(setWith('6', ['1', '0.6', '0.2', '0'], 30));
    const leaf = leafOf(score(compiled, evidence([103, 35, 10, 11])).fields);
    expect(leaf.trace!.steps[0]).toMatchObject({
      answers: '159',
      weighted: '126',
      share: '0.792452830188679245283018867924528301886792452830188679245283',
      points: '4.7547169811320754716981132075471698113207547169811320754717',
    });
  });
});
