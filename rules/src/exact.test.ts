/**
 * The project's exact decimals against decimal.js configured as the project configured it before (60
 * significant digits, half up, plain text between 10^-100 and 10^100): every operation the project
 * uses, on random values (small, large, long, negative, zero and -0, 60-digit values whose next digit
 * carries, halves), compared by every text and flag a result is read by.
 */
import { Decimal as DecimalJs } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from './exact.js';

const Oracle = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });
type Oracle = InstanceType<typeof Oracle>;

// The long mode (test:fuzz-long sets PARINDEX_FUZZ_RUNS to 200,000) runs each property 20,000 times.
const RUNS = Math.max(400, Math.floor(Number(process.env.PARINDEX_FUZZ_RUNS ?? 0) / 10));

/** Everything a result is read by: its texts (valueOf keeps -0 and the exponent form), digits and flags. */
function view(x: Decimal | Oracle) {
  return { value: x.valueOf(), string: x.toString(), fixed: x.toFixed(), sd: x.sd(), sdz: x.sd(true), int: x.isInteger(), zero: x.isZero(), neg: x.isNeg() };
}
function same(mine: Decimal, theirs: Oracle, what: string): void {
  expect(view(mine), what).toEqual(view(theirs));
}

const digitRun = (min: number, max: number) => fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: min, maxLength: max });
const sign = fc.constantFrom('', '-', '+');
/** Decimal texts: short ones (points, counts), long ones with exponents, and 60-digit values on a carry or a half. */
const text: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(sign, fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 4 })).map(([s, n, k]) => `${s}${k === 0 ? n : (n / 10 ** k).toFixed(k)}`),
  fc.tuple(sign, digitRun(1, 20), digitRun(0, 20)).map(([s, i, f]) => `${s}${i}${f ? '.' + f : ''}`),
  fc.tuple(sign, digitRun(1, 80), fc.integer({ min: -140, max: 140 })).map(([s, d, e]) => `${s}${d}e${e}`),
  fc
    .tuple(sign, fc.integer({ min: 55, max: 63 }), fc.constantFrom('9', '4', '5', '0'), fc.constantFrom('', '5', '49', '51', '50', '1'), fc.integer({ min: -70, max: 10 }))
    .map(([s, n, d, tail, e]) => `${s}1${d.repeat(n)}${tail}e${e}`),
  fc.constantFrom('0', '-0', '0.000', '-0e5', '1', '-1', '0.5', '-0.5', '2.5', '1e-101', '9.99e99', '1e100', '123456789012345678'),
);
/** JS numbers as the engine reads them from JSON. */
const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(0, -0, 0.1, 1e21, 5e-324, 2 ** 53, 2 ** 60));

/** Rounding modes 0–8 (decimal.js's numbers: up, down, ceil, floor, half up, half down, half even, half ceil, half floor). */
const mode = fc.constantFrom(...([0, 1, 2, 3, 4, 5, 6, 7, 8] as const));

const both = (t: string): [Decimal, Oracle] => [new Decimal(t), new Oracle(t)];

describe('exact decimals agree with decimal.js at 60 digits, half up', () => {
  it('reads texts and numbers the same', () => {
    fc.assert(
      fc.property(text, (t) => same(new Decimal(t), new Oracle(t), t)),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(number, (n) => same(new Decimal(n), new Oracle(n), String(n))),
      { numRuns: RUNS },
    );
    for (const bad of ['', '.', '1..2', '1e', 'e5', ' 1', '0x10', 'Infinity', 'NaN', '--1', '1_000']) expect(() => new Decimal(bad), bad).toThrow();
    expect(() => new Decimal(Number.NaN)).toThrow();
  });

  it('adds, subtracts and multiplies as decimal.js rounds', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const [x, X] = both(a);
        const [y, Y] = both(b);
        same(x.plus(y), X.plus(Y), `${a} + ${b}`);
        same(x.minus(y), X.minus(Y), `${a} - ${b}`);
        same(x.times(y), X.times(Y), `${a} × ${b}`);
        same(x.plus(b), X.plus(b), `${a} + "${b}"`);
      }),
      { numRuns: RUNS },
    );
  });

  it('divides, takes remainders and whole quotients as decimal.js does', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const [x, X] = both(a);
        const [y, Y] = both(b);
        if (Y.isZero()) {
          expect(() => x.div(y)).toThrow();
          expect(() => x.mod(y)).toThrow();
          return;
        }
        same(x.div(y), X.div(Y), `${a} ÷ ${b}`);
        same(x.mod(y), X.mod(Y), `${a} mod ${b}`);
        same(x.divToInt(y), X.divToInt(Y), `${a} div ${b}`);
      }),
      { numRuns: RUNS },
    );
    // Small whole numbers and short decimals, where most quotients are exact or repeat.
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: -1000, max: 1000 }), fc.nat(3), (p, q, k) => {
        fc.pre(q !== 0);
        const [x, X] = both(String(p));
        const [y, Y] = both((q / 10 ** k).toFixed(k));
        same(x.div(y), X.div(Y), `${p} ÷ ${q}e-${k}`);
        same(x.mod(y), X.mod(Y), `${p} mod ${q}e-${k}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('divides small whole numbers as decimal.js does, near carries too', () => {
    const qs = [3, 7, 9, 11, 81, 99, 101, 999, 9999, 99999999, 1e13 - 1, 1e14 - 99, 1e14 - 1, 1e14, 2 ** 53 - 1];
    const ps = (q: number) => [1, 2, q - 1, q + 1, 2 * q - 1, 10 * q - 1, Number.MAX_SAFE_INTEGER - 1, -(Number.MAX_SAFE_INTEGER - 1), 123456789012345];
    for (const q of qs) for (const p of ps(q)) for (const e of ['', 'e-3', 'e5']) same(new Decimal(`${p}${e}`).div(q), new Oracle(`${p}${e}`).div(q), `${p}${e} ÷ ${q}`);
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 1e14 + 5 }), (p, q) => {
        same(new Decimal(p).div(q), new Oracle(p).div(q), `${p} ÷ ${q}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('compares as decimal.js does, and picks the same minimum and maximum', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const [x, X] = both(a);
        const [y, Y] = both(b);
        expect([x.cmp(y), x.eq(y), x.gt(y), x.gte(y), x.lt(y), x.lte(y)], `${a} ? ${b}`).toEqual([X.cmp(Y), X.eq(Y), X.gt(Y), X.gte(Y), X.lt(Y), X.lte(Y)]);
        same(Decimal.min(x, y), Oracle.min(X, Y), `min(${a}, ${b})`);
        same(Decimal.max(x, y), Oracle.max(X, Y), `max(${a}, ${b})`);
        same(Decimal.max(y, x, 0), Oracle.max(Y, X, 0), `max(${b}, ${a}, 0)`);
      }),
      { numRuns: RUNS },
    );
    // Values one unit apart at the 60th digit and beyond compare by every digit.
    fc.assert(
      fc.property(digitRun(58, 70), fc.integer({ min: -30, max: 30 }), (d, e) => {
        const t = `1${d}e${e}`;
        const u = `1${d}1e${e - 1}`;
        expect(new Decimal(t).cmp(u)).toBe(new Oracle(t).cmp(u));
        expect(new Decimal(u).cmp(t)).toBe(new Oracle(u).cmp(t));
      }),
      { numRuns: RUNS },
    );
  });

  it('rounds to whole numbers and to decimal places in every mode, and writes fixed texts, the same', () => {
    fc.assert(
      fc.property(text, fc.nat(20), mode, (a, dp, rm) => {
        const [x, X] = both(a);
        same(x.floor(), X.floor(), `floor ${a}`);
        same(x.ceil(), X.ceil(), `ceil ${a}`);
        same(x.round(), X.round(), `round ${a}`);
        same(x.trunc(), X.trunc(), `trunc ${a}`);
        same(x.abs(), X.abs(), `abs ${a}`);
        same(x.neg(), X.neg(), `neg ${a}`);
        same(x.toDecimalPlaces(dp, rm), X.toDecimalPlaces(dp, rm), `${a} to ${dp} places, mode ${rm}`);
        same(x.toDecimalPlaces(dp), X.toDecimalPlaces(dp), `${a} to ${dp} places`);
        expect(x.toFixed(dp, rm), `${a}.toFixed(${dp}, ${rm})`).toBe(X.toFixed(dp, rm));
        expect(x.toFixed(dp), `${a}.toFixed(${dp})`).toBe(X.toFixed(dp));
        expect(x.toNumber(), `${a}.toNumber()`).toBe(X.toNumber());
      }),
      { numRuns: RUNS },
    );
    // Halves and near-halves at every place.
    fc.assert(
      fc.property(sign, fc.integer({ min: 0, max: 999 }), fc.constantFrom('5', '49', '51', '50', '5000001', '4999999'), fc.nat(6), mode, (s, n, tail, dp, rm) => {
        const t = `${s}${n}.${'0'.repeat(dp)}${tail}`;
        const [x, X] = both(t);
        same(x.toDecimalPlaces(dp, rm), X.toDecimalPlaces(dp, rm), `${t} to ${dp} places, mode ${rm}`);
        same(x.round(), X.round(), `round ${t}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('raises to integer powers as decimal.js does (powers of ten, and small bases)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -130, max: 130 }), fc.constantFrom('10', '-10', '1', '0.1', '100', '1e3'), (n, b) => {
        const [x, X] = both(b);
        same(x.pow(n), X.pow(n), `${b}^${n}`);
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.integer({ min: -6, max: 6 }), fc.integer({ min: -99, max: 99 }), fc.nat(2), (n, m, k) => {
        fc.pre(m !== 0 || n > 0);
        const b = (m / 10 ** k).toFixed(k);
        const [x, X] = both(b);
        same(x.pow(n), X.pow(n), `${b}^${n}`);
      }),
      { numRuns: RUNS },
    );
    same(new Decimal(0).pow(0), new Oracle(0).pow(0), '0^0');
    same(new Decimal('-0').pow(3), new Oracle('-0').pow(3), '(-0)^3');
  });

  it('agrees at the borders of the fast paths: 2^31, 2^53, trailing zeros, exponents a digit apart', () => {
    // Sums and comparisons of numbers scaled to one exponent, normalisation by integer remainders below
    // 2^31 and by division beyond, whole quotients by one floating-point division.
    const bases = [2 ** 31, 2 ** 31 * 10, 2 ** 53, 9007199254740990, 10 ** 15, 10 ** 16, 4503599627370496, 6361 * 69431];
    const border = fc
      .tuple(sign, fc.constantFrom(...bases), fc.integer({ min: -25, max: 25 }), fc.constantFrom(1, 10, 100, 1000), fc.integer({ min: -18, max: 18 }))
      .map(([s, base, delta, scale, e]) => `${s}${BigInt(base) * BigInt(scale) + BigInt(delta)}e${e}`);
    const small = fc.tuple(sign, fc.integer({ min: 0, max: 2000 }), fc.integer({ min: -17, max: 17 })).map(([s, n, e]) => `${s}${n}e${e}`);
    const operand = fc.oneof(border, small, text);
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        const [x, X] = both(a);
        const [y, Y] = both(b);
        same(x.plus(y), X.plus(Y), `${a} + ${b}`);
        same(x.minus(y), X.minus(Y), `${a} - ${b}`);
        same(x.times(y), X.times(Y), `${a} × ${b}`);
        expect(x.cmp(y), `${a} ? ${b}`).toBe(X.cmp(Y));
        if (!Y.isZero()) same(x.div(y), X.div(Y), `${a} ÷ ${b}`);
      }),
      { numRuns: RUNS * 4 },
    );
    // Exact quotients of large safe integers (2^53 − 1 = 6361 × 69431 × 20394401) and their neighbours.
    for (const p of [9007199254740991, 9007199254740990, 9007199254740989, 441640591 * 20394401, 2 ** 52, 2 ** 52 + 1])
      for (const q of [1, 2, 3, 6361, 69431, 20394401, 441640591, 2 ** 26, 999999999999989, 9007199254740991])
        for (const e of ['', 'e-7', 'e3']) same(new Decimal(`${p}${e}`).div(q), new Oracle(`${p}${e}`).div(q), `${p}${e} ÷ ${q}`);
  });

  it('reads a safe integer to the value its text gives (normalised alike), and divides by powers of ten as decimal.js does', () => {
    // The constructor strips a whole number's trailing zeros itself (below 2^31 and beyond), and a
    // division by ±10^k only moves the exponent, rounding a coefficient longer than 60 digits.
    const whole = fc.oneof(
      fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      fc.tuple(fc.integer({ min: -99_999, max: 99_999 }), fc.nat(11)).map(([n, k]) => n * 10 ** k),
      fc.constantFrom(0, -0, 2 ** 31, -(2 ** 31), 2 ** 31 * 10, 10 ** 15, -(10 ** 15), 9007199254740990, 4503599627370496),
    );
    fc.assert(
      fc.property(whole, (n) => {
        const x = new Decimal(n);
        const t = new Decimal(Object.is(n, -0) ? '-0' : String(n));
        expect([x.coef, x.exp, x.isNeg()], String(n)).toEqual([t.coef, t.exp, t.isNeg()]);
        same(x, new Oracle(n), String(n));
      }),
      { numRuns: RUNS },
    );
    const power = fc.tuple(fc.constantFrom('1', '-1'), fc.integer({ min: -30, max: 30 })).map(([s, k]) => `${s}e${k}`);
    fc.assert(
      fc.property(text, power, (a, b) => {
        const [x, X] = both(a);
        const [y, Y] = both(b);
        same(x.div(y), X.div(Y), `${a} ÷ ${b}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives a sum with zero as the other term, and keeps a text once written without changing it', () => {
    const five = new Decimal('5.25');
    expect(new Decimal(0).plus(five)).toBe(five);
    expect(five.plus(new Decimal('-0'))).toBe(five);
    fc.assert(
      fc.property(text, fc.nat(8), (a, dp) => {
        const [x, X] = both(a);
        expect([x.toFixed(), x.toFixed(dp), x.toFixed(), x.toString(), x.valueOf()], a).toEqual([X.toFixed(), X.toFixed(dp), X.toFixed(), X.toString(), X.valueOf()]);
        // A quotient's text is written where its digits are made.
        const q = x.div(7);
        expect([q.toFixed(), q.toFixed(dp), q.toString(), q.valueOf()], `${a} ÷ 7`).toEqual([X.div(7).toFixed(), X.div(7).toFixed(dp), X.div(7).toString(), X.div(7).valueOf()]);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps the sign of zero as decimal.js keeps it', () => {
    const zeros = ['0', '-0'];
    for (const a of zeros)
      for (const b of [...zeros, '5', '-5']) {
        const [x, X] = both(a);
        const [y, Y] = both(b);
        same(x.plus(y), X.plus(Y), `${a} + ${b}`);
        same(y.plus(x), Y.plus(X), `${b} + ${a}`);
        same(x.minus(y), X.minus(Y), `${a} - ${b}`);
        same(y.minus(x), Y.minus(X), `${b} - ${a}`);
        same(x.times(y), X.times(Y), `${a} × ${b}`);
        if (!Y.isZero()) same(x.div(y), X.div(Y), `${a} ÷ ${b}`);
        same(Decimal.min(x, y), Oracle.min(X, Y), `min(${a}, ${b})`);
        same(Decimal.max(y, x), Oracle.max(Y, X), `max(${b}, ${a})`);
      }
    for (const t of ['-0.4', '-0.5', '-0.001', '-0']) {
      const [x, X] = both(t);
      same(x.round(), X.round(), `round ${t}`);
      same(x.ceil(), X.ceil(), `ceil ${t}`);
      expect(x.toFixed(0)).toBe(X.toFixed(0));
      expect(x.toFixed(2)).toBe(X.toFixed(2));
      expect(JSON.stringify(x)).toBe(JSON.stringify(X));
    }
  });
});
