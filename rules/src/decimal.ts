/**
 * The one Decimal of the project: its own exact decimal numbers (./exact.ts), which give the results
 * decimal.js gave at 60 significant digits and half-up rounding (property tests hold them to it), so
 * that the host application's decimal library and its settings are never touched.
 *
 * Sums, differences and products of the decimals in rule and evidence files are exact at this
 * precision. Quotients (a ratio, a survey mean, the index) carry 60 significant digits; comparisons of a
 * ratio against a bound are done by cross-multiplication and are exact.
 */
import { Decimal, longDivision, timesExact } from './exact.js';

export { Decimal };

/** Read a rule-file or evidence decimal (JSON number or decimal string) exactly. */
export function dec(value: number | string | Decimal): Decimal {
  if (typeof value === 'number') return new Decimal(String(value));
  return new Decimal(value);
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

/**
 * p ÷ q for whole numbers (|p| < 2^53, 0 < q < 10^14) exactly as `new Decimal(p).div(q)` gives it at
 * 60 significant digits, half up: its text (decText), its significant digits counted the way
 * `sd(true)` counts them, and whether the quotient is exact (nothing was rounded away), from its long
 * division (longDivision).
 */
export function quotientText(p: number, q: number): { text: string; sd: number; exact: boolean } {
  const neg = p < 0;
  const a = neg ? -p : p;
  const { all: digits, intLen, first, rest } = longDivision(a, q);
  let all = digits;
  let exact = rest === 0;
  if (first >= 0 && all.length - first > 60) {
    // Half up on the 61st significant digit; anything nonzero from it on was rounded away.
    const cut = first + 60;
    for (let i = cut; i < all.length; i++) if (all.charCodeAt(i) !== 48) exact = false;
    const up = all.charCodeAt(cut) >= 53;
    all = all.slice(0, cut);
    if (up) {
      let i = cut - 1;
      while (i >= 0 && all.charCodeAt(i) === 57) i--;
      // 99…9 rounds to 100…0: one more digit in front, which is a digit of the integer part.
      all = i < 0 ? '1' + '0'.repeat(cut) : all.slice(0, i) + String.fromCharCode(all.charCodeAt(i) + 1) + '0'.repeat(cut - 1 - i);
      if (i < 0) return finishQuotient(all, intLen + 1, neg, exact);
    }
  }
  return finishQuotient(all, intLen, neg, exact);
}

/** The text and sd(true) of the digits `all` (intLen of them before the point), without trailing fraction zeros. */
function finishQuotient(all: string, intLen: number, neg: boolean, exact: boolean): { text: string; sd: number; exact: boolean } {
  let end = all.length;
  while (end > intLen && all.charCodeAt(end - 1) === 48) end--;
  let first = 0;
  while (first < end && all.charCodeAt(first) === 48) first++;
  if (first === end) return { text: '0', sd: 1, exact };
  const text = intLen === 0 ? '0.' + all.slice(0, end) : end > intLen ? all.slice(0, intLen) + '.' + all.slice(intLen, end) : all.slice(0, intLen);
  // sd(true): digits from the first nonzero to the last nonzero, or the integer digits if more.
  let lastNz = end;
  while (lastNz > first && all.charCodeAt(lastNz - 1) === 48) lastNz--;
  const sd = Math.max(lastNz - first, intLen);
  return { text: neg ? '-' + text : text, sd, exact };
}

/** Is q (the 60-digit quotient n ÷ d) exact, i.e. q × d = n with nothing rounded away? */
export function isExactQuotient(q: Decimal, n: Decimal, d: Decimal): boolean {
  return timesExact(q, d).eq(n);
}
