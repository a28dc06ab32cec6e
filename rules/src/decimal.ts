/**
 * The one Decimal of the project: its own exact decimal numbers (./exact.ts), which give the results
 * decimal.js gave at 60 significant digits and half-up rounding (property tests hold them to it), so
 * that the host application's decimal library and its settings are never touched.
 *
 * Sums, differences and products of the decimals in rule and evidence files are exact at this
 * precision. Quotients (a ratio, a survey mean, the index) carry 60 significant digits; comparisons of a
 * ratio against a bound are done by cross-multiplication and are exact.
 */
import { Decimal, quotientText, timesExact } from './exact.js';

export { Decimal, quotientText };

/** Read a rule-file or evidence decimal (JSON number or decimal string) exactly. */
export function dec(value: number | string | Decimal): Decimal {
  // A number is read by its shortest text (the constructor's), -0 as 0 (JSON's -0 is 0 here).
  return new Decimal(value === 0 ? 0 : value);
}

/** Canonical text of a decimal: plain notation, no trailing zeros, "-0" written "0". */
export function decText(value: Decimal): string {
  return value.toFixed();
}

/** a.cmp(b): below zero, zero or above zero as a is less than, equal to or greater than b. */
export function cmpDec(a: Decimal, b: Decimal): number {
  return a.cmp(b);
}

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/** a.plus(b) (kept for the call sites written when decimal.js needed a fast path). */
export function addDec(a: Decimal, b: Decimal): Decimal {
  return a.plus(b);
}

/** a.times(b) (kept for the call sites written when decimal.js needed a fast path). */
export function mulDec(a: Decimal, b: Decimal): Decimal {
  return a.times(b);
}

/** The value of a decimal as a JS number when it is a whole number below 10^14 in magnitude, else null. */
export function smallInt(x: Decimal): number | null {
  const c = x.coef;
  if (typeof c !== 'number') return null;
  if (c === 0) return 0;
  if (x.exp < 0 || x.exp > 13) return null;
  const v = c * 10 ** x.exp;
  return v < 1e14 && v > -1e14 ? v : null;
}

/** Is q (the 60-digit quotient n ÷ d) exact, i.e. q × d = n with nothing rounded away? */
export function isExactQuotient(q: Decimal, n: Decimal, d: Decimal): boolean {
  return timesExact(q, d).eq(n);
}
