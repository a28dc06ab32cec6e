import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal as DecimalJs } from 'decimal.js';
import { Decimal, dec, isExactQuotient, quotientText, smallInt } from './decimal.js';

// Fewer cases in the normal run; the long mode (test:fuzz-long sets PARINDEX_FUZZ_RUNS to 200,000) runs the
// full counts.
const LONG = Number(process.env.PARINDEX_FUZZ_RUNS ?? 0) > 20_000;

/** decimal.js as the project configured it before its own decimals: the oracle. */
const Oracle = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });

/** Exact: the expansion of p ÷ q ends, within 60 significant digits (BigInt long division). */
const terminates = (p: number, q: number) => {
  const Q = BigInt(q);
  let r = BigInt(Math.abs(p)) % Q;
  let digits = (BigInt(Math.abs(p)) / Q).toString();
  for (let n = 0; r !== 0n && n < 200; n++) {
    r *= 10n;
    digits += (r / Q).toString();
    r %= Q;
  }
  return r === 0n && digits.replace(/^0+/, '').replace(/0+$/, '').length <= 60;
};
const viaDecimalJs = (p: number, q: number) => {
  const v = new Oracle(p).div(q);
  return { text: v.toFixed(), sd: v.sd(true), exact: terminates(p, q) };
};

describe('quotientText: p ÷ q exactly as decimal.js gives it at 60 digits, half up', () => {
  it('known values', () => {
    expect(quotientText(3300, 36)).toEqual({ text: '91.6666666666666666666666666666666666666666666666666666666667', sd: 60, exact: false });
    expect(quotientText(100, 4)).toEqual({ text: '25', sd: 2, exact: true });
    expect(quotientText(0, 7)).toEqual({ text: '0', sd: 1, exact: true });
    expect(quotientText(1000, 1)).toEqual({ text: '1000', sd: 4, exact: true });
    // The 60th digit rounds to 0: fewer significant digits, still not exact.
    expect(quotientText(100, 21)).toEqual({ text: '4.7619047619047619047619047619047619047619047619047619047619', sd: 59, exact: false });
    expect(quotientText(-1, 3)).toEqual(viaDecimalJs(-1, 3));
    expect(quotientText(2, 3)).toEqual(viaDecimalJs(2, 3));
    expect(quotientText(1, 7e13)).toEqual(viaDecimalJs(1, 7e13));
  });
  it('agrees with decimal.js on random whole numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e9 }), (p, q) => {
        expect(quotientText(p, q)).toEqual(viaDecimalJs(p, q));
      }),
      { numRuns: LONG ? 20000 : 4000 },
    );
    // Large divisors (fewer digits per division step) and numerators up to 2^53.
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 1e14 - 1 }), (p, q) => {
        expect(quotientText(p, q)).toEqual(viaDecimalJs(p, q));
      }),
      { numRuns: LONG ? 5000 : 1000 },
    );
  });
  it('agrees with decimal.js near rounding carries (…999 / 10^k ± 1) and large values', () => {
    const qs = [3, 7, 9, 11, 81, 99, 101, 999, 9999, 99999999, 1e13 - 1, 99999999999999 - 98];
    for (const q of qs)
      for (const p of [1, 2, q - 1, q + 1, 2 * q - 1, 10 * q - 1, Number.MAX_SAFE_INTEGER - 1, -(Number.MAX_SAFE_INTEGER - 1), 123456789012345])
        expect(quotientText(p, q), `${p}/${q}`).toEqual(viaDecimalJs(p, q));
  });
});

describe('dec', () => {
  it('reads a number by its shortest text (-0 as 0), and a text or a decimal as it is', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constantFrom(0, -0, 2 ** 53, 2 ** 60, 1e21, 5e-324)), (n) => {
        const d = dec(n);
        const o = new Oracle(String(n));
        expect([d.valueOf(), d.toFixed(), d.isNeg()], String(n)).toEqual([o.valueOf(), o.toFixed(), o.isNeg()]);
      }),
      { numRuns: LONG ? 5000 : 1000 },
    );
    for (const t of ['-0', '1.50', '-2e-3', '.5']) expect(dec(t).valueOf()).toBe(new Oracle(t).valueOf());
    const d = new Decimal('2.25');
    expect(dec(d).valueOf()).toBe('2.25');
    expect(() => dec(Number.NaN)).toThrow();
    expect(() => dec(Number.POSITIVE_INFINITY)).toThrow();
  });
});

describe('smallInt', () => {
  it('reads whole numbers below 10^14, nothing else', () => {
    for (const s of ['0', '5', '-5', '1234567', '12345678', '10000000', '-99999999999999', '20000000000000']) expect(smallInt(new Decimal(s))).toBe(Number(s));
    for (const s of ['0.5', '1.5', '100000000000000', '1e20', '-0.0001']) expect(smallInt(new Decimal(s))).toBeNull();
  });
  it('agrees with Number() on random whole numbers and rejects fractions', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(1e14 - 1), max: 1e14 - 1 }), fc.nat(1000), (n, f) => {
        expect(smallInt(new Decimal(n))).toBe(n === 0 ? 0 : n);
        if (f % 10 !== 0) expect(smallInt(new Decimal(n).plus(new Decimal(f).div(1000)))).toBeNull();
      }),
      { numRuns: LONG ? 5000 : 1000 },
    );
  });
});

describe('isExactQuotient: q × d = n with nothing rounded away', () => {
  it('agrees with the long division on random whole numbers and on decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), fc.nat(3), (p, q, k) => {
        const n = new Decimal(p).div(10 ** k);
        const d = new Decimal(q).div(10 ** k);
        expect(isExactQuotient(n.div(d), n, d)).toBe(terminates(p, q));
      }),
      { numRuns: LONG ? 5000 : 1000 },
    );
  });
});
