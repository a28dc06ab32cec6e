/**
 * The one Decimal constructor of the project: a private clone of decimal.js with 60 significant digits
 * and half-up rounding, so that the host application's global Decimal settings are never touched.
 *
 * Sums, differences and products of the decimals in rule and evidence files are exact at this
 * precision. Quotients (a ratio, a survey mean, the index) carry 60 significant digits; comparisons of a
 * ratio against a bound are done by cross-multiplication and are exact.
 */
import { Decimal as DecimalJs } from 'decimal.js';

export const Decimal = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });
export type Decimal = InstanceType<typeof Decimal>;

/** Read a rule-file or evidence decimal (JSON number or decimal string) exactly. */
export function dec(value: number | string | Decimal): Decimal {
  if (typeof value === 'number') return new Decimal(String(value));
  return new Decimal(value);
}

/** Canonical text of a decimal: plain notation, no trailing zeros, "-0" written "0". */
export function decText(value: Decimal): string {
  const d = value.d;
  // A whole number below 10^7 is one base-1e7 word (d.length 1, exponent 0–6): its text is the word.
  if (d !== null && d.length <= 2) {
    const e = value.e;
    if (e >= 0 && e < 7) {
      const w = d[0]!;
      if (d.length === 1) return w === 0 ? '0' : value.s < 0 ? '-' + w : '' + w;
      // One word of whole part, one of fraction (e.g. 1.5): the fraction word is nonzero.
      return (value.s < 0 ? '-' : '') + w + '.' + fractionWord(d[1]!);
    }
    // 0 < |value| < 1 within one word of fraction (e.g. 0.5, 0.25).
    if (e < 0 && e >= -7 && d.length === 1) return (value.s < 0 ? '-0.' : '0.') + fractionWord(d[0]!);
  }
  if (value.isZero()) return '0';
  return value.toFixed();
}

/** The seven digits of a nonzero fraction word, without its trailing zeros. */
function fractionWord(w: number): string {
  let t = '' + w;
  if (t.length < 7) t = '0000000'.slice(t.length) + t;
  let end = 7;
  while (t.charCodeAt(end - 1) === 48) end--;
  return end === 7 ? t : t.slice(0, end);
}

/**
 * a.cmp(b) for two Decimals, without the copy of b that decimal.js makes: the same steps on the
 * same fields (sign, exponent, base-1e7 words). Non-finite values go to decimal.js.
 */
export function cmpDec(a: Decimal, b: Decimal): number {
  const xd = a.d;
  const yd = b.d;
  if (!xd || !yd) return a.cmp(b);
  const xs = a.s;
  const ys = b.s;
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -ys : 0;
  if (xs !== ys) return xs;
  if (a.e !== b.e) return a.e > b.e !== xs < 0 ? 1 : -1;
  const xl = xd.length;
  const yl = yd.length;
  const j = xl < yl ? xl : yl;
  for (let i = 0; i < j; ++i) {
    if (xd[i] !== yd[i]) return xd[i]! > yd[i]! !== xs < 0 ? 1 : -1;
  }
  return xl === yl ? 0 : xl > yl !== xs < 0 ? 1 : -1;
}

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/** Decimal exponent of a nonzero base-1e7 word placed at word exponent k (value w × 10^(7k)). */
function wordExp(w: number, k: number): number {
  let e = k * 7;
  for (; w >= 10; w /= 10) e++;
  return e;
}

/** A Decimal with these exact fields (a normalised, nonzero value: no leading or trailing zero words). */
function make(s: number, e: number, d: number[]): Decimal {
  const r = new Decimal(0) as unknown as { s: number; e: number; d: number[] };
  r.s = s;
  r.e = e;
  r.d = d;
  return r as unknown as Decimal;
}

/** The value m × 10^(7k) (0 < m < 10^14, a whole number) as its normalised words. */
function fromWords(s: number, m: number, k: number): Decimal {
  if (m < 1e7) return make(s, wordExp(m, k), [m]);
  const lo = m % 1e7;
  const hi = (m - lo) / 1e7;
  return make(s, wordExp(hi, k + 1), lo === 0 ? [hi] : [hi, lo]);
}

/**
 * a.plus(b), exactly as decimal.js gives it, with a fast path for values of one or two base-1e7 words
 * (whole numbers, halves, tenths… below 10^7): each is a whole mantissa M × 10^(7·k) with M < 10^14;
 * aligned to the same k (at most one word apart), the sum is a safe integer below 10^14, and its
 * words are the unique normalised form decimal.js also produces. Zeros and everything else go to
 * decimal.js.
 */
export function addDec(a: Decimal, b: Decimal): Decimal {
  const xd = a.d;
  const yd = b.d;
  if (xd && yd && xd.length <= 2 && yd.length <= 2 && xd[0] && yd[0]) {
    // The word exponent of each value's last word, and its whole mantissa.
    const ka = Math.floor(a.e / 7) - xd.length + 1;
    const kb = Math.floor(b.e / 7) - yd.length + 1;
    let ma = xd.length === 1 ? xd[0] : xd[0] * 1e7 + xd[1]!;
    let mb = yd.length === 1 ? yd[0] : yd[0] * 1e7 + yd[1]!;
    let k = ka;
    let ok = true;
    if (ka === kb + 1 && ma < 1e7) {
      ma *= 1e7;
      k = kb;
    } else if (kb === ka + 1 && mb < 1e7) mb *= 1e7;
    else if (ka !== kb) ok = false;
    if (ok) {
      const sum = a.s * ma + b.s * mb;
      if (sum > 0 && sum < 1e14) return fromWords(1, sum, k);
      if (sum < 0 && sum > -1e14) return fromWords(-1, -sum, k);
    }
  }
  // Zero plus a value of at most 56 digits (8 words, nothing to round at 60 digits) is that value:
  // decimal.js returns a copy of it, equal in every field.
  if (xd && yd && yd[0] && !xd[0] && yd.length <= 8) return b;
  if (xd && yd && xd[0] && !yd[0] && xd.length <= 8) return a;
  return a.plus(b);
}

/** a.times(b), exactly as decimal.js gives it, with a fast path for two nonzero one-word values. */
export function mulDec(a: Decimal, b: Decimal): Decimal {
  const xd = a.d;
  const yd = b.d;
  if (xd && yd && xd.length === 1 && yd.length === 1 && xd[0] && yd[0]) {
    return fromWords(a.s * b.s, xd[0] * yd[0], Math.floor(a.e / 7) + Math.floor(b.e / 7));
  }
  return a.times(b);
}

/**
 * The value of a decimal as a JS number when it is a whole number below 10^14 (one or two base-1e7
 * words, exactly representable), else null.
 */
export function smallInt(x: Decimal): number | null {
  const d = x.d;
  if (!d) return null;
  if (!d[0]) return 0;
  const e = x.e;
  if (e < 0) return null;
  if (e < 7) return d.length === 1 ? x.s * d[0] : null;
  if (e < 14) return d.length === 1 ? x.s * d[0] * 1e7 : d.length === 2 ? x.s * (d[0] * 1e7 + d[1]!) : null;
  return null;
}

/**
 * p ÷ q for whole numbers (|p| < 2^53, 0 < q < 10^14) exactly as `new Decimal(p).div(q)` gives it at
 * 60 significant digits, half up: its text (decText), its significant digits counted the way
 * `sd(true)` counts them, and whether the quotient is exact (nothing was rounded away). Long division
 * in safe integers, up to 9 digits at a time: each step divides r × 10^k (below 2^52) by q.
 */
export function quotientText(p: number, q: number): { text: string; sd: number; exact: boolean } {
  const neg = p < 0;
  const a = neg ? -p : p;
  const r0 = a % q;
  const ip = (a - r0) / q;
  // The integer part's digits, then the fraction's (with its leading zeros), until 61 significant
  // digits (one to round on) or nothing is left.
  const intText = ip === 0 ? '' : String(ip);
  const intLen = intText.length;
  let all = intText;
  let first = intLen > 0 ? 0 : -1; // where the significant digits start
  let r = r0;
  let k = 1;
  let pk = 10;
  // At most 9 digits a step: the chunk stays a small integer, whose text V8 writes fast.
  while (k < 9 && q * pk * 10 <= 4503599627370496) {
    pk *= 10;
    k++;
  }
  while (r !== 0 && (first < 0 || all.length - first < 61)) {
    const x = r * pk;
    let d = Math.floor(x / q);
    let rem = x - d * q;
    // The float division may be one off: correct it (d × q stays below 2^53).
    if (rem < 0) {
      d--;
      rem += q;
    } else if (rem >= q) {
      d++;
      rem -= q;
    }
    r = rem;
    let chunk = '' + d;
    const pad = k - chunk.length;
    if (pad > 0) chunk = '000000000'.slice(0, pad) + chunk;
    if (first < 0 && d !== 0) first = all.length + pad;
    all += chunk;
  }
  let exact = r === 0;
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

/** Decimals wide enough to multiply two 60-digit values without rounding. */
const Wide = Decimal.clone({ precision: 130 });

/** Is q (the 60-digit quotient n ÷ d) exact, i.e. q × d = n with nothing rounded away? */
export function isExactQuotient(q: Decimal, n: Decimal, d: Decimal): boolean {
  return new Wide(q).times(new Wide(d)).eq(new Wide(n));
}
