/**
 * The number behind a table cell, for the formats that keep numbers as numbers (XLSX, CSV). A row may
 * carry the exact decimal of a cell (`Row.values`, the engine's text); otherwise a cell of a number
 * column whose text is a number exactly as the renderers write it in the document's language (vi
 * "1.234,5", en "1,234.5", "76,67%") is read back. Anything else ("9,5 (10)", "—", a name) is text.
 */
import type { Column, Lang, Row } from '@parindex/explain';

export interface CellNumber {
  /** An exact decimal, "." for the decimal point, no grouping, no "+": "-1234.5". */
  dec: string;
  /** The text ended in "%": dec is the percentage (76.67 for 76,67%). */
  percent: boolean;
  /** The decimals the document shows (an index "83,60": 2), for a display format. */
  places: number;
}

const VI = /^([+-]?)([0-9]{1,3}(?:\.[0-9]{3})*|[0-9]+)(?:,([0-9]+))?(%?)$/;
const EN = /^([+-]?)([0-9]{1,3}(?:,[0-9]{3})*|[0-9]+)(?:\.([0-9]+))?(%?)$/;
const DEC = /^-?[0-9]+(?:\.[0-9]+)?$/;

/** A number as the renderers write it in `lang`, as an exact decimal; undefined for any other text. */
export function parseShown(text: string, lang: Lang): CellNumber | undefined {
  const m = (lang === 'vi' ? VI : EN).exec(text.trim());
  if (!m) return undefined;
  const int = m[2]!.replace(/[.,]/g, '').replace(/^0+(?=[0-9])/, '');
  const frac = m[3] ?? '';
  const negative = m[1] === '-' && !/^0*$/.test(int + frac);
  return { dec: `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`, percent: m[4] === '%', places: frac.length };
}

/** The number of cell `i` of a row in `column`, or undefined when the cell is text. */
export function cellNumber(row: Row, i: number, column: Column, lang: Lang): CellNumber | undefined {
  const value = row.values?.[i];
  const c = row.cells[i];
  const shown = typeof c === 'string' ? parseShown(c, lang) : undefined;
  if (value !== undefined && DEC.test(value)) return { dec: value.replace(/^-(?=0*(?:\.0*)?$)/, ''), percent: column.percent === true, places: shown?.places ?? placesOf(value) };
  return column.align === 'right' ? shown : undefined;
}

/** Decimal places of an exact decimal: "22.836" → 3. */
export function placesOf(dec: string): number {
  const dot = dec.indexOf('.');
  return dot < 0 ? 0 : dec.length - dot - 1;
}
