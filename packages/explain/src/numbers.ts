/**
 * Numbers and dates as people read them. Vietnamese: decimal comma and dot for thousands (89,95;
 * 1.234,5), dates dd/mm/yyyy; English: 89.95 and 1,234.5, dates yyyy-mm-dd. Input is an exact decimal
 * string from the engine; rounding here is for display only (half up, like published tables).
 */
import { Decimal, dec } from '@parindex/rules';

export type Lang = 'vi' | 'en';

export interface NumberOptions {
  /** Round to this many places (display only). */
  places?: number;
  /** Keep trailing zeros up to `places` (e.g. an index "90,00"). Default: trim them. */
  fixed?: boolean;
  /** Prefix positive numbers with "+". */
  sign?: boolean;
  /**
   * Without `places`: a number of more decimal places than this (a survey's 15.42857142857… points, exact
   * to 60 digits in the result's JSON) is rounded half up to this many and ends in "…", which says that
   * digits follow (as a ratio step shows its ratio). Sentences and documents use SHOWN_PLACES.
   */
  cut?: number;
}

/** Decimal places a sentence or a document shows of a number before it cuts it short with "…". */
export const SHOWN_PLACES = 6;

/** Decimal places a table shows of points (rounded, no "…"; the exact decimal goes behind the cell for CSV and XLSX). */
export const TABLE_PLACES = 4;

/** Digits grouped by three from the right, in one pass (linear in the number of digits). */
function group(int: string, sep: string): string {
  const first = int.length % 3 || 3;
  let out = int.slice(0, first);
  for (let i = first; i < int.length; i += 3) out += sep + int.slice(i, i + 3);
  return out;
}

/** Format a decimal string (or number) for display. */
export function formatNumber(value: string | number, lang: Lang, opts: NumberOptions = {}): string {
  let d = dec(value);
  if (opts.places === undefined && opts.cut !== undefined) {
    const plain = d.toFixed();
    const dot = plain.indexOf('.');
    if (dot >= 0 && plain.length - dot - 1 > opts.cut) return `${formatNumber(value, lang, { places: opts.cut, ...(opts.sign ? { sign: true } : {}) })}…`;
  }
  if (opts.places !== undefined) d = d.toDecimalPlaces(opts.places, Decimal.ROUND_HALF_UP);
  let text = opts.places !== undefined && opts.fixed ? d.toFixed(opts.places) : d.toFixed();
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  const dot = text.indexOf('.');
  const int = dot < 0 ? text : text.slice(0, dot);
  const frac = dot < 0 ? '' : text.slice(dot + 1);
  const body = group(int, lang === 'vi' ? '.' : ',') + (frac !== '' ? (lang === 'vi' ? ',' : '.') + frac : '');
  return `${negative ? '-' : opts.sign && !d.isZero() ? '+' : ''}${body}`;
}

/**
 * A decimal as an officer should type it in a sheet (or the page's form) of that language so that it reads
 * as one number: formatted, with one more zero when a single separator has exactly three digits after it
 * ("1,125" could be 1125 too, "1,1250" is 1.125 only).
 */
export function typedDecimal(value: string, lang: Lang): string {
  const text = formatNumber(value, lang);
  return /^-?[0-9]{1,3}[.,][0-9]{3}$/.test(text) ? `${text}0` : text;
}

/** points ÷ max × 100 as a decimal string, or null when max is 0. */
export function percentOf(points: string, max: string): string | null {
  const m = dec(max);
  if (m.isZero()) return null;
  return dec(points).div(m).times(100).toFixed();
}

/**
 * A percentage for display, without a space, with all its places ("89,95%", "80,00%"): the percentages
 * of a column are read against each other, so each shows the same number of decimals.
 */
export function formatPercent(value: string | null, lang: Lang, places = 2): string {
  if (value === null) return '—';
  return `${formatNumber(value, lang, { places, fixed: true })}%`;
}

/** A YYYY-MM-DD date: dd/mm/yyyy in Vietnamese, as written in English. */
export function formatDate(iso: string | undefined | null, lang: Lang): string {
  if (!iso) return '';
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso);
  return m && lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
