/** Rounding a value before it is compared: the exact rounding of a ratio, and the exact values that round past a bound. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { Decimal as DecimalJs } from 'decimal.js';
import { roundedAtLeast, roundDecimal, roundQuotient, type ValueRounding } from './value.js';

const Wide = DecimalJs.clone({ precision: 300, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });
const MODES = ['halfUp', 'halfEven', 'down', 'up'] as const;
const rounding = fc.record({ places: fc.integer({ min: 0, max: 4 }), mode: fc.constantFrom(...MODES) });

describe('rounding a value before it is compared', () => {
  it('roundQuotient rounds the rational n ÷ d itself, as a 300-digit quotient rounded once would', () => {
    const wideMode = { halfUp: Wide.ROUND_HALF_UP, halfEven: Wide.ROUND_HALF_EVEN, down: Wide.ROUND_DOWN, up: Wide.ROUND_UP } as const;
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 1, max: 100_000 }), fc.boolean(), rounding, (n, d, negD, r: ValueRounding) => {
        const den = negD ? -d : d;
        const expected = new Wide(n).div(den).toDecimalPlaces(r.places, wideMode[r.mode]);
        expect(roundQuotient(new Decimal(n), new Decimal(den), r).toFixed()).toBe(new Decimal(expected.toFixed()).toFixed());
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('ties and near-ties: 17999 ÷ 200 = 89.995 is 90.00 half up, 89.99 down and half even; 1 ÷ 3 × 100 is 33.33 (never a 60-digit double rounding)', () => {
    const r = (mode: ValueRounding['mode']) => ({ places: 2, mode });
    expect(roundQuotient(new Decimal(17999), new Decimal(200), r('halfUp')).toFixed()).toBe('90');
    expect(roundQuotient(new Decimal(17999), new Decimal(200), r('halfEven')).toFixed()).toBe('90');
    expect(roundQuotient(new Decimal(17989), new Decimal(200), r('halfEven')).toFixed()).toBe('89.94');
    expect(roundQuotient(new Decimal(17999), new Decimal(200), r('down')).toFixed()).toBe('89.99');
    expect(roundQuotient(new Decimal(100), new Decimal(3), r('up')).toFixed()).toBe('33.34');
    expect(roundQuotient(new Decimal(-17999), new Decimal(200), r('halfUp')).toFixed()).toBe('-90');
  });

  it('roundedAtLeast(b) is exactly the set of values whose rounding is at least b (or above it)', () => {
    const grid = (k: number) => new Decimal(k).div(2000);
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 20_000 }), fc.integer({ min: -20_000, max: 20_000 }), fc.boolean(), rounding, (bk, vk, strict, r: ValueRounding) => {
        const b = grid(bk);
        const v = grid(vk);
        const rv = roundDecimal(v, r);
        const want = strict ? rv.gt(b) : rv.gte(b);
        const { at, inclusive } = roundedAtLeast(b, strict, r);
        expect({ b: b.toFixed(), v: v.toFixed(), r, got: inclusive ? v.gte(at) : v.gt(at) }).toEqual({ b: b.toFixed(), v: v.toFixed(), r, got: want });
      }),
      { numRuns: 5000, seed: 5 },
    );
  });
});
