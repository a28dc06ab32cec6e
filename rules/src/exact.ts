/**
 * The project's exact decimal numbers: an immutable value coefficient × 10^exponent, the coefficient a
 * safe integer (a JS number) while it fits in 2^53 − 1 and a BigInt beyond, so that the points, counts
 * and bounds of a set (a few digits each) are added, compared and multiplied in plain integer
 * arithmetic without allocating digit arrays.
 *
 * It gives the results decimal.js gives when configured as the project configured it before (60
 * significant digits, half-up rounding, plain text between 10^-100 and 10^100), for every operation the
 * project uses, and property tests hold it to that (exact.test.ts, decimal.js as the oracle): sums,
 * differences, products and remainders are exact and then rounded to 60 significant digits half up
 * (only longer results change), quotients are rounded to 60 significant digits half up, floor, ceil,
 * round and toDecimalPlaces are exact roundings in the mode asked, and zero keeps a sign the way
 * decimal.js keeps it (-0 is negative for isNeg(), and its texts are "0"). What it does not do, as the
 * project never asks it: NaN and Infinity (division by zero throws), other bases, and the
 * transcendental functions.
 *
 * Floating point appears only where its result is exact, with the reason beside it (a whole quotient
 * of safe integers, a division by 10 below 2^53). A value keeps its toFixed() text once written (the
 * value itself never changes; a set's points are written in every unit), and a 60-digit quotient is
 * made with the text of its long division's digits.
 */

const MAX = Number.MAX_SAFE_INTEGER;
const MAX_BIG = BigInt(MAX);
/** Significant digits of a result that is rounded (a sum, difference, product, quotient, remainder). */
const PRECISION = 60;
/** The exponents beyond which decimal.js makes a value infinite or zero. */
const MAX_E = 9e15;

/** Exact powers of ten as numbers: 10^0 … 10^16. */
const P10: readonly number[] = Array.from({ length: 17 }, (_, k) => 10 ** k);
const B10: bigint[] = [1n];
function big10(k: number): bigint {
  if (k < 400) {
    for (let i = B10.length; i <= k; i++) B10.push(B10[i - 1]! * 10n);
    return B10[k]!;
  }
  return 10n ** BigInt(k);
}

/** Half of 10^k, for k below 400, once computed (half a unit of the place rounded to). */
const B5: bigint[] = [];

/** A whole number: a safe integer (0 and -0 for zero) or a BigInt beyond 2^53 − 1 (never a small one). */
type Coef = number | bigint;
/** What the constructor and every method accept for a decimal. */
export type DecimalValue = Decimal | number | string;

// Rounding modes, with decimal.js's numbers (each its own constant: a minifier shortens those, not an object's keys).
const UP = 0;
const DOWN = 1;
const CEIL = 2;
const FLOOR = 3;
const HALF_UP = 4;
const HALF_DOWN = 5;
const HALF_EVEN = 6;
const HALF_CEIL = 7;
const HALF_FLOOR = 8;

/** A decimal text: sign, whole digits, fraction digits (a digit at least, before or after the point), exponent. */
const DECIMAL_TEXT = /^([+-]?)(?=\.?\d)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** The sentinel by which the module makes a Decimal from its fields (rawCoef, rawExp, rawText) without parsing. */
const RAW = {};
let rawCoef: Coef = 0;
let rawExp = 0;
let rawText: string | undefined;

function make(coef: Coef, exp: number): Decimal {
  rawCoef = coef;
  rawExp = exp;
  return new Decimal(RAW as DecimalValue);
}

/** A Decimal whose toFixed() text is already known (written where its digits were made). */
function makeWithText(coef: Coef, exp: number, text: string): Decimal {
  rawText = text;
  const d = make(coef, exp);
  rawText = undefined;
  return d;
}

// Typed tests: a BigInt compared with a number takes a slow generic path.
const isNegCoef = (c: Coef): boolean => (typeof c === 'number' ? c < 0 || (c === 0 && 1 / c < 0) : c < 0n);
/** 1, 0 or -1 as the coefficient is above, at or below zero (a BigInt one is never zero). */
const signOf = (c: Coef): number => (typeof c === 'number' ? (c > 0 ? 1 : c < 0 ? -1 : 0) : c > 0n ? 1 : -1);
const absCoef = (c: Coef): Coef => (typeof c === 'number' ? (c < 0 ? -c : c) : c < 0n ? -c : c);
const negCoef = (c: Coef): Coef => -c;

/** Digits of a whole number ≥ 0 (1 for 0). */
function digitsOf(a: Coef): number {
  // A rounded result (60 digits) by two comparisons; other long ones written out.
  if (typeof a === 'bigint') return a >= big10(PRECISION - 1) && a < big10(PRECISION) ? PRECISION : a.toString().length;
  let n = 1;
  while (n < 16 && a >= P10[n]!) n++;
  return n;
}

/**
 * c × 10^e without trailing zeros in c (a safe integer). Below 2^31 by integer remainders; beyond, by
 * c / 10, which is a whole number exactly when 10 divides c (below 2^53 the rounding error of c / 10 is
 * under 1/16, and the fraction of a quotient by 10 is at least 1/10), as a remainder of numbers that
 * are not small integers is a slow floating-point call.
 */
function norm(c: number, e: number): Decimal {
  if (c === 0) return 1 / c > 0 ? ZERO_VALUE : make(c, 0);
  if ((c | 0) === c) {
    let i = c | 0;
    if (i % 10 !== 0) return make(c, e);
    do {
      i = (i / 10) | 0;
      e++;
    } while (i % 10 === 0);
    return make(i, e);
  }
  let q = c / 10;
  while (q === Math.trunc(q)) {
    c = q;
    e++;
    q = c / 10;
  }
  return make(c, e);
}

function normBig(c: bigint, e: number): Decimal {
  if (c <= MAX_BIG && c >= -MAX_BIG) return norm(Number(c), e);
  // An odd coefficient ends in no zero: its parity costs next to nothing, a remainder by 10 does not.
  if (BigInt.asUintN(1, c) === 1n || c % 10n !== 0n) return make(c, e);
  const q = c / 10n;
  // One or two zeros are divided away; more (an exact result on a longer scale) by writing the digits.
  if (q % 100n !== 0n) return normBig(q, e + 1);
  const t = q.toString();
  let end = t.length;
  while (t.charCodeAt(end - 1) === 48) end--;
  return normBig(BigInt(t.slice(0, end)), e + 1 + t.length - end);
}

/** An exact result rounded to PRECISION significant digits, half up (decimal.js's `finalise`). */
function fin(c: Coef, e: number): Decimal {
  if (typeof c === 'number') return norm(c, e);
  const a = c < 0n ? -c : c;
  if (a < big10(PRECISION)) return normBig(c, e);
  // Digits of a result just above 60 by comparisons (cheaper than writing the number out).
  let d = PRECISION + 1;
  while (d < 80 && a >= big10(d)) d++;
  return roundAt(c, e, e + (d < 80 ? d : digitsOf(a)) - PRECISION, HALF_UP, false);
}

/** Whether to add one unit to a truncated magnitude: the mode, the sign, where the rest lies against a half unit. */
function roundsUp(rm: number, neg: boolean, half: number, odd: boolean): boolean {
  // Up, down, ceil and floor look at the sign only; the half modes differ only on an exact half.
  if (rm < HALF_UP) return rm === UP || (rm === CEIL && !neg) || (rm === FLOOR && neg);
  return half > 0 || (half === 0 && (rm === HALF_UP || (rm === HALF_EVEN ? odd : rm === HALF_CEIL ? !neg : rm === HALF_FLOOR && neg)));
}

/**
 * c × 10^e (plus, when `sticky`, a positive amount smaller than one unit of its last digit, of the sign
 * of c) rounded to a multiple of 10^place (place > e) in mode rm. A result of zero keeps the sign.
 */
function roundAt(c: Coef, e: number, place: number, rm: number, sticky: boolean): Decimal {
  const neg = isNegCoef(c);
  const drop = place - e;
  if (typeof c === 'number') {
    const a = neg ? -c : c;
    let q = 0;
    let half = -1;
    let rest = a !== 0 || sticky;
    if (drop <= 16) {
      const p = P10[drop]!;
      const r = a % p;
      q = (a - r) / p;
      const h = p / 2;
      half = r > h ? 1 : r < h ? -1 : sticky ? 1 : 0;
      rest = r !== 0 || sticky;
    }
    if (rest && roundsUp(rm, neg, half, q % 2 === 1)) q++;
    if (q === 0) return make(neg ? -0 : 0, 0);
    return norm(neg ? -q : q, place);
  }
  const a = neg ? -c : c;
  let q = 0n;
  let half = -1;
  if (drop < 400 ? a >= big10(drop - 1) : drop <= digitsOf(a)) {
    const p = big10(drop);
    const r = a % p;
    q = a / p;
    if (rm >= HALF_UP) {
      const h = drop < 400 ? (B5[drop] ??= p >> 1n) : p >> 1n;
      half = r > h ? 1 : r < h ? -1 : sticky ? 1 : 0;
    }
    if ((r !== 0n || sticky) && roundsUp(rm, neg, half, BigInt.asUintN(1, q) === 1n)) q++;
  } else if (roundsUp(rm, neg, half, false)) q = 1n;
  if (q === 0n) return make(neg ? -0 : 0, 0);
  return normBig(neg ? -q : q, place);
}

/** A decimal text as decimal.js reads it (sign, digits with at most one point, exponent): its coefficient and exponent. */
function parse(text: string): [Coef, number] {
  const m = DECIMAL_TEXT.exec(text);
  if (m === null) throw new Error(`[DecimalError] Invalid argument: ${text}`);
  const neg = m[1] === '-';
  const fraction = m[3] ?? '';
  let digits = m[2] + fraction;
  let exp = Number(m[4] ?? 0) - fraction.length;
  let i = 0;
  while (digits.charCodeAt(i) === 48) i++;
  let end = digits.length;
  while (end > i && digits.charCodeAt(end - 1) === 48) end--;
  if (end === i) return [neg ? -0 : 0, 0];
  exp += digits.length - end;
  digits = digits.slice(i, end);
  if (exp + digits.length - 1 > MAX_E) throw new Error(`[DecimalError] Invalid argument: ${text}`);
  if (exp + digits.length - 1 < -MAX_E) return [neg ? -0 : 0, 0];
  let c: Coef;
  if (digits.length <= 15) c = Number(digits);
  else {
    const b = BigInt(digits);
    c = b <= MAX_BIG ? Number(b) : b;
  }
  return [neg ? negCoef(c) : c, exp];
}

/**
 * The text String() gives a finite number that is not a safe integer: digits with at most one point and
 * no trailing fraction zeros (0.5, 123.25, 1e+21, 5e-324, 9007199254740993).
 */
function parseNumberText(t: string): [Coef, number] {
  if (t.length > 16 || t.includes('e')) return parse(t);
  const dot = t.indexOf('.');
  if (dot < 0) return parse(t);
  const digits = t.slice(0, dot) + t.slice(dot + 1);
  const c = Number(digits);
  return Number.isSafeInteger(c) ? [c === 0 ? 0 : c, dot + 1 - t.length] : parse(t);
}

const from = (v: DecimalValue): Decimal => (v instanceof Decimal ? v : new Decimal(v));

/** Two coefficients brought to the smaller exponent, as BigInts (the one already there not multiplied). */
function aligned(xc: Coef, xe: number, yc: Coef, ye: number): [bigint, bigint, number] {
  if (xe === ye) return [BigInt(xc), BigInt(yc), xe];
  return xe > ye ? [BigInt(xc) * big10(xe - ye), BigInt(yc), ye] : [BigInt(xc), BigInt(yc) * big10(ye - xe), xe];
}

/** Exponent of the most significant digit of a nonzero c × 10^e. */
const topExp = (c: Coef, e: number): number => e + digitsOf(absCoef(c)) - 1;

/**
 * x + (yc × 10^ye), rounded as decimal.js rounds a sum; `y` is that term as a Decimal when there is one
 * (a sum with zero is then that term itself, not a copy).
 */
function add(x: Decimal, yc: Coef, ye: number, y: Decimal | null): Decimal {
  const xc = x.coef;
  if (typeof xc === 'number' && typeof yc === 'number') {
    if (yc === 0) return xc === 0 ? make(xc + yc, 0) : x;
    if (xc === 0) return y ?? make(yc, ye);
    // Both brought to the smaller exponent, when that keeps them and their sum below 2^53 (then exact).
    const k = x.exp - ye;
    if (k > -16 && k < 16) {
      const a = k > 0 ? xc * P10[k]! : xc;
      const b = k < 0 ? yc * P10[-k]! : yc;
      const s = a + b;
      if (a <= MAX && a >= -MAX && b <= MAX && b >= -MAX && s <= MAX && s >= -MAX) return norm(s, k > 0 ? ye : x.exp);
    }
  }
  return addSlow(xc, x.exp, yc, ye);
}

function addSlow(xc: Coef, xe: number, yc: Coef, ye: number): Decimal {
  if (yc === 0) return xc === 0 ? make((xc as number) + yc, 0) : fin(xc, xe);
  if (xc === 0) return fin(yc, ye);
  // A far smaller term only decides the rounding: it is replaced by one unit at a place below both the
  // larger term's last digit and the 61st digit of any sum, which rounds the same way in every mode.
  if (xe - ye > 200 || ye - xe > 200) {
    const tx = topExp(xc, xe);
    const ty = topExp(yc, ye);
    if (tx > ty) [yc, ye] = farTerm(xe, tx, yc, ye, ty);
    else [xc, xe] = farTerm(ye, ty, xc, xe, tx);
  }
  const [a, b, e] = aligned(xc, xe, yc, ye);
  const s = a + b;
  return s === 0n ? make(0, 0) : fin(s, e);
}

function farTerm(bigExp: number, bigTop: number, c: Coef, e: number, top: number): [Coef, number] {
  const floor = Math.min(bigExp, bigTop - PRECISION - 1) - 2;
  return top < floor ? [isNegCoef(c) ? -1 : 1, floor] : [c, e];
}

/**
 * ⌊a ÷ b⌋ for safe integers a ≥ 0 and b > 0, exact in floating point: the rounding error of a / b
 * (under a / b × 2^-53 < 1 / b) is smaller than the distance of a quotient that is not whole to the
 * nearest whole number (at least 1 / b). A remainder of numbers that are not small integers would be a
 * slow floating-point call.
 */
const wholeQuotient = (a: number, b: number): number => Math.floor(a / b);

/** |x| ÷ |y| for nonzero coefficients, rounded to PRECISION significant digits half up, with the sign given. */
function quotient(xc: Coef, xe: number, yc: Coef, ye: number, neg: boolean): Decimal {
  let a = absCoef(xc);
  const b = absCoef(yc);
  if (typeof a === 'number' && typeof b === 'number') {
    const w = wholeQuotient(a, b);
    if (w * b === a) return norm(neg ? -w : w, xe - ye);
    if (b < 1e14) return smallQuotient(a, b, neg, xe - ye);
    // An exact quotient of small numbers ending within a few more digits.
    for (let k = 1; k < 16; k++) {
      a *= 10;
      if (a > MAX) break;
      const m = wholeQuotient(a, b);
      if (m * b === a) return norm(neg ? -m : m, xe - ye - k);
    }
    a = Math.abs(xc as number);
  }
  // 61 or 62 digits of the quotient, then the rest as a sticky bit.
  const k = PRECISION + 1 + digitsOf(b) - digitsOf(a);
  const n = k >= 0 ? BigInt(a) * big10(k) : BigInt(a);
  const d = k >= 0 ? BigInt(b) : BigInt(b) * big10(-k);
  const q = n / d;
  const sticky = n % d !== 0n;
  const digits = q >= big10(PRECISION + 1) ? PRECISION + 2 : PRECISION + 1;
  const sq = neg ? -q : q;
  return roundAt(sq, xe - ye - k, xe - ye - k + digits - PRECISION, HALF_UP, sticky);
}

/**
 * The digits of a ÷ b for safe integers a ≥ 0 and 0 < b < 10^14: the integer part's, then the
 * fraction's (with its leading zeros), until 61 significant digits (one to round on) or nothing is
 * left; `first` is where the significant digits start (-1: none yet), `rest` the remainder. Long
 * division in safe integers, up to 9 digits a step (r × 10^k stays below 2^52; the chunk stays a small
 * integer, whose text V8 writes fast).
 */
function longDivision(a: number, b: number): { all: string; intLen: number; first: number; rest: number } {
  const ip = wholeQuotient(a, b);
  const r0 = a - ip * b;
  let all = ip === 0 ? '' : '' + ip;
  const intLen = all.length;
  let first = intLen > 0 ? 0 : -1;
  let r = r0;
  let k = 1;
  let pk = 10;
  while (k < 9 && b * pk * 10 <= 4503599627370496) {
    pk *= 10;
    k++;
  }
  while (r !== 0 && (first < 0 || all.length - first <= PRECISION)) {
    const x = r * pk;
    let d = Math.floor(x / b);
    let rem = x - d * b;
    // The float division may be one off: correct it (d × b stays below 2^53).
    if (rem < 0) {
      d--;
      rem += b;
    } else if (rem >= b) {
      d++;
      rem -= b;
    }
    r = rem;
    let chunk = '' + d;
    const pad = k - chunk.length;
    if (pad > 0) chunk = '000000000'.slice(0, pad) + chunk;
    if (first < 0 && d !== 0) first = all.length + pad;
    all += chunk;
  }
  return { all, intLen, first, rest: r };
}

/**
 * a ÷ b for safe integers a > 0 and 0 < b < 10^14 (counts and points: nearly every quotient), rounded
 * to 60 significant digits half up from its long division: the digits kept (no trailing zeros), the
 * exponent of the last one, and whether nothing was rounded away. Half up needs only the 61st digit:
 * 5 or more rounds up, whatever follows.
 */
function quotientDigits(a: number, b: number): { digits: string; last: number; exact: boolean } {
  const { all, intLen, first, rest } = longDivision(a, b);
  let last = intLen - all.length;
  let digits: string;
  let exact = rest === 0;
  if (all.length - first > PRECISION) {
    const cut = first + PRECISION;
    last += all.length - cut;
    digits = all.slice(first, cut);
    for (let i = cut; i < all.length; i++) if (all.charCodeAt(i) !== 48) exact = false;
    if (all.charCodeAt(cut) >= 53) {
      let i = digits.length - 1;
      while (i >= 0 && digits.charCodeAt(i) === 57) i--;
      last += digits.length - 1 - i;
      digits = i < 0 ? '1' : digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1);
    }
  } else digits = all.slice(first);
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === 48) end--;
  last += digits.length - end;
  return { digits: end < digits.length ? digits.slice(0, end) : digits, last, exact };
}

/** a ÷ b × 10^e (see quotientDigits), the digits turned into a coefficient once, and its text kept. */
function smallQuotient(a: number, b: number, neg: boolean, e: number): Decimal {
  const { digits, last } = quotientDigits(a, b);
  if (digits.length <= 15) return make(neg ? -Number(digits) : Number(digits), last + e);
  const c = BigInt(digits);
  const coef = c <= MAX_BIG ? Number(c) : c;
  // Its text from the digits at hand (a 60-digit coefficient's own text is a slow conversion).
  return makeWithText(neg ? negCoef(coef) : coef, last + e, (neg ? '-' : '') + plainDigits(digits, last + e));
}

/**
 * p ÷ q for whole numbers (|p| < 2^53, 0 < q < 10^14) exactly as `new Decimal(p).div(q)` gives it at
 * 60 significant digits, half up: its text (decText), its significant digits counted the way
 * `sd(true)` counts them, and whether the quotient is exact (nothing was rounded away).
 */
export function quotientText(p: number, q: number): { text: string; sd: number; exact: boolean } {
  if (p === 0) return { text: '0', sd: 1, exact: true };
  const { digits, last, exact } = quotientDigits(p < 0 ? -p : p, q);
  const text = plainDigits(digits, last);
  return { text: p < 0 ? '-' + text : text, sd: last > 0 ? digits.length + last : digits.length, exact };
}

function checkInt(n: number, min: number, max: number): void {
  if (n !== ~~n || n < min || n > max) throw new Error(`[DecimalError] Invalid argument: ${n}`);
}

/** The digits of |c|. */
const digitText = (c: Coef): string => '' + absCoef(c);

/** Plain text of |c| × 10^e (no exponent, no sign). */
function plain(c: Coef, e: number): string {
  return plainDigits(digitText(c), e);
}

/** Plain text of the whole number written t, times 10^e. */
function plainDigits(t: string, e: number): string {
  if (e >= 0) return e === 0 ? t : t + '0'.repeat(e);
  const point = t.length + e;
  return point > 0 ? t.slice(0, point) + '.' + t.slice(point) : '0.' + '0'.repeat(-point) + t;
}

/** The text of toFixed(): plain, "-" before a value below zero, "0" for -0. */
function fixed(c: Coef, e: number): string {
  // A whole number below 2^53 is its own shortest text ('' + -0 is "0").
  if (typeof c === 'number' && e >= 0 && e < 16) {
    const v = c * P10[e]!;
    if (v <= MAX && v >= -MAX) return '' + v;
  }
  return (isNegCoef(c) ? '-' : '') + plain(c, e);
}

/** Text in exponential notation, as decimal.js writes it: 1.5e+100, 1e-101. */
function exponential(c: Coef, e: number): string {
  const t = digitText(c);
  const top = e + t.length - 1;
  return (t.length > 1 ? t[0] + '.' + t.slice(1) : t) + 'e' + (top < 0 ? '' : '+') + top;
}

/** An exact decimal number (see the module comment). */
export class Decimal {
  static readonly ROUND_UP = UP;
  static readonly ROUND_DOWN = DOWN;
  static readonly ROUND_CEIL = CEIL;
  static readonly ROUND_FLOOR = FLOOR;
  static readonly ROUND_HALF_UP = HALF_UP;
  static readonly ROUND_HALF_DOWN = HALF_DOWN;
  static readonly ROUND_HALF_EVEN = HALF_EVEN;
  static readonly ROUND_HALF_CEIL = HALF_CEIL;
  static readonly ROUND_HALF_FLOOR = HALF_FLOOR;

  /** The coefficient, without trailing zeros: a safe integer (0 or -0 for zero) or a BigInt beyond. */
  readonly coef: Coef;
  /** The exponent of the coefficient's last digit: the value is coef × 10^exp (0 for zero). */
  readonly exp: number;
  /** The text of toFixed(), kept once written: values are written many times (a set's points in every unit). */
  private fixedText: string | undefined;

  /** A decimal from a number (its shortest text, as String gives it), a decimal text (1.5, -2e3, .5) or a decimal. */
  constructor(value: DecimalValue) {
    if (value === RAW) {
      this.coef = rawCoef;
      this.exp = rawExp;
      this.fixedText = rawText;
    } else if (value instanceof Decimal) {
      this.coef = value.coef;
      this.exp = value.exp;
    } else if (typeof value === 'number' && Number.isSafeInteger(value)) {
      // norm's trailing zeros taken away here, without a Decimal made to copy (0 and -0 stay as they are).
      let c = value;
      let e = 0;
      if ((c | 0) === c) {
        while (c !== 0 && c % 10 === 0) {
          c /= 10;
          e++;
        }
      } else {
        // Exact in floating point: for |c| < 2^53, |c / 10| < 2^50, where doubles are at most 1/8 apart;
        // a multiple of 10 divides to its (representable) integer, and any other c is an integer plus
        // 0.1 to 0.9, which rounds to a multiple of 1/8 strictly between two integers, never to one.
        for (let q = c / 10; q === Math.trunc(q); q = c / 10) {
          c = q;
          e++;
        }
      }
      this.coef = c;
      this.exp = e;
    } else {
      if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`[DecimalError] Invalid argument: ${value}`);
      const [c, e] = typeof value === 'number' ? parseNumberText(String(value)) : parse(value);
      this.coef = c;
      this.exp = e;
    }
  }

  /** The largest of the values (the first of equal ones, +0 over -0), as decimal.js's Decimal.max. */
  static max(...values: DecimalValue[]): Decimal {
    return extreme(values, -1);
  }

  /** The smallest of the values (the first of equal ones, -0 over +0), as decimal.js's Decimal.min. */
  static min(...values: DecimalValue[]): Decimal {
    return extreme(values, 1);
  }

  plus(y: DecimalValue): Decimal {
    const v = from(y);
    return add(this, v.coef, v.exp, v);
  }

  minus(y: DecimalValue): Decimal {
    const v = from(y);
    return add(this, negCoef(v.coef), v.exp, null);
  }

  times(y: DecimalValue): Decimal {
    const v = from(y);
    const xc = this.coef;
    const yc = v.coef;
    if (typeof xc === 'number' && typeof yc === 'number') {
      const p = xc * yc;
      if (p <= MAX && p >= -MAX) return norm(p, this.exp + v.exp);
    }
    if (xc === 0 || yc === 0) return make(isNegCoef(xc) !== isNegCoef(yc) ? -0 : 0, 0);
    return fin(BigInt(xc) * BigInt(yc), this.exp + v.exp);
  }

  /** The quotient, rounded to 60 significant digits, half up. Division by zero throws. */
  div(y: DecimalValue): Decimal {
    const v = from(y);
    if (v.coef === 0) throw new RangeError('[DecimalError] Division by zero');
    const neg = isNegCoef(this.coef) !== isNegCoef(v.coef);
    if (this.coef === 0) return make(neg ? -0 : 0, 0);
    // By a power of ten (the index of points on a scale of 100): only the exponent moves, and a
    // coefficient of more than 60 digits (read from a long text) is rounded as a quotient is.
    if (v.coef === 1 || v.coef === -1) {
      const c = v.coef === 1 ? this.coef : negCoef(this.coef);
      return typeof c === 'number' || (c < 0n ? -c : c) < big10(PRECISION) ? make(c, this.exp - v.exp) : fin(c, this.exp - v.exp);
    }
    return quotient(this.coef, this.exp, v.coef, v.exp, neg);
  }

  /** The quotient truncated to a whole number (exact, then rounded to 60 digits). Division by zero throws. */
  divToInt(y: DecimalValue): Decimal {
    const v = from(y);
    if (v.coef === 0) throw new RangeError('[DecimalError] Division by zero');
    const neg = isNegCoef(this.coef) !== isNegCoef(v.coef);
    const [a, b] = aligned(this.coef, this.exp, v.coef, v.exp);
    const q = a / b;
    return q === 0n ? make(neg ? -0 : 0, 0) : fin(q, 0);
  }

  /** The remainder of the division truncated to a whole number (the sign of this value), rounded as a sum. */
  mod(y: DecimalValue): Decimal {
    const v = from(y);
    if (v.coef === 0) throw new RangeError('[DecimalError] Division by zero');
    if (this.coef === 0) return this;
    const [a, b, e] = aligned(this.coef, this.exp, v.coef, v.exp);
    const r = a % b;
    return r === 0n ? make(0, 0) : fin(r, e);
  }

  /** This value to an integer power (exact, then rounded to 60 digits; 1 ÷ the power for a negative one). */
  pow(n: number): Decimal {
    checkInt(n, -MAX, MAX);
    if (n === 0) return make(1, 0);
    if (this.coef === 0) {
      if (n < 0) throw new RangeError('[DecimalError] Division by zero');
      return make(isNegCoef(this.coef) && n % 2 !== 0 ? -0 : 0, 0);
    }
    const k = n < 0 ? -n : n;
    const base = this.coef;
    // A power of ten (every use in the project) needs no arithmetic; others are bounded in size.
    if (base === 1 || base === -1) {
      const one = make(base === -1 && k % 2 === 1 ? -1 : 1, this.exp * k);
      return n > 0 ? one : make(1, 0).div(one);
    }
    if (digitsOf(absCoef(base)) * k > 100_000) throw new RangeError(`[DecimalError] Power too large: ${n}`);
    const c = BigInt(base) ** BigInt(k);
    if (n > 0) return fin(c, this.exp * k);
    return make(1, 0).div(normBig(c, this.exp * k));
  }

  cmp(y: DecimalValue): number {
    const v = from(y);
    const xc = this.coef;
    const yc = v.coef;
    if (typeof xc === 'number' && typeof yc === 'number') {
      // Both brought to the smaller exponent, when that keeps them below 2^53 (then exact).
      const k = this.exp - v.exp;
      if (k > -16 && k < 16) {
        const a = k > 0 ? xc * P10[k]! : xc;
        const b = k < 0 ? yc * P10[-k]! : yc;
        if (a <= MAX && a >= -MAX && b <= MAX && b >= -MAX) return a > b ? 1 : a < b ? -1 : 0;
      }
    }
    return cmpSlow(xc, this.exp, yc, v.exp);
  }

  eq(y: DecimalValue): boolean {
    const v = from(y);
    return this.coef === v.coef && this.exp === v.exp;
  }
  gt(y: DecimalValue): boolean {
    return this.cmp(y) > 0;
  }
  gte(y: DecimalValue): boolean {
    return this.cmp(y) >= 0;
  }
  lt(y: DecimalValue): boolean {
    return this.cmp(y) < 0;
  }
  lte(y: DecimalValue): boolean {
    return this.cmp(y) <= 0;
  }

  isZero(): boolean {
    return this.coef === 0;
  }
  /** Below zero, or -0 (as decimal.js counts it). */
  isNeg(): boolean {
    return isNegCoef(this.coef);
  }
  isNegative(): boolean {
    return isNegCoef(this.coef);
  }
  isPos(): boolean {
    return !isNegCoef(this.coef);
  }
  isInteger(): boolean {
    return this.exp >= 0;
  }
  /** Always true: every value here is finite (kept for the call sites written for decimal.js). */
  isFinite(): boolean {
    return true;
  }

  abs(): Decimal {
    return isNegCoef(this.coef) ? make(negCoef(this.coef), this.exp) : this;
  }
  neg(): Decimal {
    return make(negCoef(this.coef), this.exp);
  }
  floor(): Decimal {
    return this.exp >= 0 ? this : roundAt(this.coef, this.exp, 0, FLOOR, false);
  }
  ceil(): Decimal {
    return this.exp >= 0 ? this : roundAt(this.coef, this.exp, 0, CEIL, false);
  }
  /** Rounded to a whole number, half up. */
  round(): Decimal {
    return this.exp >= 0 ? this : roundAt(this.coef, this.exp, 0, HALF_UP, false);
  }
  trunc(): Decimal {
    return this.exp >= 0 ? this : roundAt(this.coef, this.exp, 0, DOWN, false);
  }

  /** Rounded to dp decimal places in mode rm (half up by default); exact, not limited to 60 digits. */
  toDecimalPlaces(dp?: number, rm: number = HALF_UP): Decimal {
    if (dp === undefined) return this;
    checkInt(dp, 0, 1e9);
    checkInt(rm, 0, 8);
    return this.exp >= -dp ? this : roundAt(this.coef, this.exp, -dp, rm, false);
  }

  /** Significant digits (with z, the integer part's trailing zeros counted too). */
  sd(z?: boolean): number {
    const c = this.coef;
    const n = digitsOf(absCoef(c));
    if (z && c !== 0 && this.exp + n > n) return this.exp + n;
    return n;
  }

  /** Plain notation; with dp, rounded (half up by default) and written with exactly dp decimals. */
  toFixed(dp?: number, rm?: number): string {
    if (dp === undefined) return this.fixedText ?? (this.fixedText = fixed(this.coef, this.exp));
    const r = this.toDecimalPlaces(dp, rm);
    let text = plain(r.coef, r.exp);
    const places = r.exp < 0 ? -r.exp : 0;
    if (dp > places) text += (places === 0 ? '.' : '') + '0'.repeat(dp - places);
    return this.coef !== 0 && isNegCoef(this.coef) ? '-' + text : text;
  }

  /** decimal.js's text: plain, or exponential when the first digit's exponent is ≤ -100 or ≥ 100. */
  toString(): string {
    return this.coef === 0 ? '0' : this.text();
  }

  /** As toString, but -0 is "-0" (decimal.js's valueOf and toJSON). */
  valueOf(): string {
    return this.coef === 0 ? (isNegCoef(this.coef) ? '-0' : '0') : this.text();
  }
  toJSON(): string {
    return this.valueOf();
  }
  toNumber(): number {
    return Number(this.valueOf());
  }

  private text(): string {
    const c = this.coef;
    const top = topExp(c, this.exp);
    const t = top <= -100 || top >= 100 ? exponential(c, this.exp) : plain(c, this.exp);
    return isNegCoef(c) ? '-' + t : t;
  }
}

/** The comparison of two values in general: the signs, then the exponents of the first digits, then the digits. */
function cmpSlow(xc: Coef, xe: number, yc: Coef, ye: number): number {
  const xs = signOf(xc);
  const ys = signOf(yc);
  if (xs !== ys) return xs > ys ? 1 : -1;
  if (xs === 0) return 0;
  const tx = topExp(xc, xe);
  const ty = topExp(yc, ye);
  if (tx !== ty) return tx > ty === xs > 0 ? 1 : -1;
  const [a, b] = aligned(xc, xe, yc, ye);
  return a > b ? 1 : a < b ? -1 : 0;
}

/** Zero, made once: the sum of opposite values, and every other +0 a normalisation meets. */
const ZERO_VALUE = make(0, 0);

function extreme(values: DecimalValue[], n: number): Decimal {
  let x = from(values[0]!);
  for (let i = 1; i < values.length; i++) {
    const y = from(values[i]!);
    const k = x.cmp(y);
    if (k === n || (k === 0 && (isNegCoef(x.coef) ? -1 : 1) === n)) x = y;
  }
  return x;
}

/** a × b exactly, never rounded (for checks that a quotient is exact). */
export function timesExact(a: Decimal, b: Decimal): Decimal {
  if (a.coef === 0 || b.coef === 0) return make(0, 0);
  return normBig(BigInt(a.coef) * BigInt(b.coef), a.exp + b.exp);
}
