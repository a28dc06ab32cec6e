/**
 * Tiers over a ratio of counts, against an independent oracle in BigInt: for random tier bounds (with
 * up to two decimals, either inclusivity), random `times` and random counts, the engine must put the
 * ratio in the tier that exact rational arithmetic gives, and advise the smallest whole count that
 * reaches the next tier up. The engine compares whole-number ratios in safe integers and everything
 * else in decimals; both must agree with the oracle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, score, type NodeResult } from '@parindex/engine';
import { oneLeafSet } from './one-leaf-set.js';

// Fewer cases in the normal run; the long mode (test:fuzz-long sets PARINDEX_FUZZ_RUNS to 200,000) runs the
// full counts.
const LONG = Number(process.env.PARINDEX_FUZZ_RUNS ?? 0) > 20_000;

interface Cut {
  /** The bound × 100, a whole number. */
  c100: number;
  /** True: a value equal to the bound belongs to the tier above. */
  upperIncludes: boolean;
}

const text100 = (c100: number) => {
  const s = (c100 / 100).toFixed(2).replace(/\.?0+$/, '');
  return s === '' ? '0' : s;
};

function setWith(cuts: Cut[], times: number) {
  const tiers = [];
  for (let i = 0; i <= cuts.length; i++) {
    const lo = cuts[i - 1];
    const hi = cuts[i];
    const tier: Record<string, unknown> = {};
    if (lo) Object.assign(tier, { min: text100(lo.c100), minInclusive: lo.upperIncludes });
    if (hi) Object.assign(tier, { max: text100(hi.c100), maxInclusive: !hi.upperIncludes });
    tier.points = String(i);
    tiers.push(tier);
  }
  return oneLeafSet('tiers', cuts.length, {
    inputs: [
      { id: 'den', type: 'count', label: 'den' },
      { id: 'num', type: 'count', label: 'num', atMost: 'den' },
    ],
    rule: { type: 'tiers', value: { ratio: { numerator: 'num', denominator: 'den', times } }, tiers },
  });
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
/** -1, 0, 1: (num × times ÷ den) against c100 ÷ 100, exactly. */
const cmp = (num: number, den: number, times: number, c100: number) => {
  const x = BigInt(num) * BigInt(times) * 100n;
  const y = BigInt(c100) * BigInt(den);
  return x < y ? -1 : x > y ? 1 : 0;
};
/** The tier the oracle puts the ratio in. */
function tierOf(cuts: Cut[], num: number, den: number, times: number): number {
  let i = 0;
  for (const c of cuts) {
    const s = cmp(num, den, times, c.c100);
    if (s > 0 || (s === 0 && c.upperIncludes)) i++;
    else break;
  }
  return i;
}
/** The smallest whole count n' ≥ 0 that puts the ratio at or above the cut (by search from the formula's neighbourhood). */
function reach(c: Cut, den: number, times: number): number {
  let n = Math.max(0, Math.floor((c.c100 * den) / (100 * times)) - 2);
  while (!(cmp(n, den, times, c.c100) > 0 || (cmp(n, den, times, c.c100) === 0 && c.upperIncludes))) n++;
  return n;
}

const cutsArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 12000 }), { minLength: 1, maxLength: 5 })
  .chain((xs) => fc.tuple(fc.constant([...xs].sort((a, b) => a - b)), fc.array(fc.boolean(), { minLength: xs.length, maxLength: xs.length })))
  .map(([xs, inc]) => xs.map((c100, i) => ({ c100, upperIncludes: inc[i]! })));

describe('tiers over a ratio of counts agree with exact rational arithmetic', () => {
  it('tier, points and the advice to reach the next tier', () => {
    fc.assert(
      fc.property(
        cutsArb,
        fc.constantFrom(1, 10, 100, 1000),
        fc.integer({ min: 1, max: 100000 }).chain((den) => fc.tuple(fc.constant(den), fc.oneof(fc.integer({ min: 0, max: den }), fc.constant(den), fc.constant(0)))),
        (cuts, times, [den, num]) => {
          const compiled = compile(setWith(cuts, times));
          const evidence = {
            formatVersion: 1,
            criteriaSet: 'test.tiers@2026',
            unit: { code: 'X', name: 'X', level: 'commune' },
            period: { from: '2026-01-01', to: '2026-12-31' },
            entries: [{ criterion: '1.1', values: { den, num } }],
          };
          const leaf = score(compiled, evidence).fields[0]!.children![0]! as NodeResult;
          const want = tierOf(cuts, num, den, times);
          expect(leaf.points).toBe(String(want));
          // The quotient is exact when its expansion ends (small numbers: always within 60 digits).
          const ratioStep = leaf.trace!.steps.find((s) => s.kind === 'ratio') as { exact: boolean };
          let q = den / gcd(num * times, den);
          while (q % 2 === 0) q /= 2;
          while (q % 5 === 0) q /= 5;
          expect(ratioStep.exact).toBe(q === 1);
          const tierStep = leaf.trace!.steps.find((s) => s.kind === 'tier') as { index: number };
          expect(tierStep.index).toBe(want);
          const advice = leaf.trace!.improve;
          if (want === cuts.length) {
            expect(advice).toEqual([]);
          } else {
            // The next tier up is advised first; the top tier too when it is another one.
            const next = reach(cuts[want]!, den, times);
            const first = advice[0] as { to: string; delta: string; feasible: boolean; from: string };
            expect(first.from).toBe(String(num));
            expect(first.to).toBe(String(next));
            expect(first.delta).toBe(String(next - num));
            expect(first.feasible).toBe(next <= den);
            // The top tier too when it is another one, unless the next tier's target already lands in it.
            const lands = next <= den ? tierOf(cuts, next, den, times) : want + 1;
            if (want < cuts.length - 1 && lands < cuts.length) {
              const top = reach(cuts[cuts.length - 1]!, den, times);
              expect((advice[1] as { to: string }).to).toBe(String(top));
            } else expect(advice).toHaveLength(1);
            expect((first as unknown as { pointsAfter: string }).pointsAfter).toBe(String(next <= den ? lands : want + 1));
          }
        },
      ),
      { numRuns: LONG ? 3000 : 600 },
    );
  });
});
