/**
 * Numbers as people read them. Vietnamese: decimal comma and dot for thousands (89,95; 1.234,5);
 * English: 89.95 and 1,234.5. Input is always an exact decimal string from the engine; rounding here is
 * for display only (half up, like published tables).
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
}

/** Format a decimal string (or number) for display. */
export function formatNumber(value: string | number, lang: Lang, opts: NumberOptions = {}): string {
  let d = dec(value);
  if (opts.places !== undefined) d = d.toDecimalPlaces(opts.places, Decimal.ROUND_HALF_UP);
  let text = opts.places !== undefined && opts.fixed ? d.toFixed(opts.places) : d.toFixed();
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  let [int = '0', frac] = text.split('.');
  const group = lang === 'vi' ? '.' : ',';
  const point = lang === 'vi' ? ',' : '.';
  int = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const body = frac !== undefined && frac !== '' ? `${int}${point}${frac}` : int;
  return `${negative ? '-' : opts.sign && !d.isZero() ? '+' : ''}${body}`;
}

/** points ÷ max × 100 as a decimal string, or null when max is 0. */
export function percentOf(points: string, max: string): string | null {
  const m = dec(max);
  if (m.isZero()) return null;
  return dec(points).div(m).times(100).toFixed();
}

/** A percentage for display: "89,95 %" style without the space in Vietnamese tables ("89,95%"). */
export function formatPercent(value: string | null, lang: Lang, places = 2): string {
  if (value === null) return '—';
  return `${formatNumber(value, lang, { places })}%`;
}

/** A JSON input value for display (decimal strings formatted, booleans as yes/no). */
export function formatValue(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return lang === 'vi' ? '(trống)' : '(empty)';
  if (typeof value === 'boolean') return value ? (lang === 'vi' ? 'có' : 'yes') : lang === 'vi' ? 'không' : 'no';
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'string') return /^-?[0-9]+(\.[0-9]+)?$/.test(value) ? formatNumber(value, lang) : value;
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${formatValue(v, lang)}`)
      .join(', ');
  return String(value);
}
