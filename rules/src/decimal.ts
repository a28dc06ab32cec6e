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
  if (value.isZero()) return '0';
  return value.toFixed();
}

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
