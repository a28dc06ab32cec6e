/**
 * CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads Vietnamese text), CRLF line ends,
 * RFC 4180 quoting. Tables are written one after another, separated by an empty line; key-value blocks
 * become two-column rows.
 *
 * A spreadsheet runs a cell that starts with = + - @ (and, in some, TAB or CR) as a formula: a unit
 * named =HYPERLINK("http://…") becomes a link that sends the sheet's data away when clicked. Such a cell
 * is written as text, with a leading single quote (the OWASP advice). A number in a number column
 * (-0,25, +1.234,5, 80%) is left as it is, so that it stays a number in the sheet.
 */
import { cellLines, type Doc } from '@parindex/explain';

/** What a spreadsheet may read as the start of a formula, after any leading spaces. */
const FORMULA_START = /^[\s]*[=+\-@]|^[\t\r]/;
/** A number as the renderers write it, in either language: 7,5  1.234,5  -0.25  +0,25  76,67%. */
const NUMBER = /^[+-]?[0-9]+(?:[.,][0-9]+)*%?$/;

/** One cell. `number`: the cell is in a number column, where a number is kept as a number. */
export function csvCell(s: string, number = false): string {
  if (FORMULA_START.test(s) && !(number && NUMBER.test(s))) return `"'${s.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One line of cells; `numbers[i]`: cell i is in a number column. */
export function csvLine(cells: readonly string[], numbers: readonly boolean[] = []): string {
  return cells.map((c, i) => csvCell(c, numbers[i] === true)).join(',');
}

export function renderCsv(doc: Doc): string {
  const parts: string[][] = [];
  for (const b of doc) {
    if (b.kind === 'kv') parts.push(b.rows.map(([k, v]) => csvLine([k, v])));
    else if (b.kind === 'table') {
      const numbers = b.columns.map((c) => c.align === 'right');
      const rows = [...b.rows, ...(b.footer ?? [])].map((r) =>
        csvLine(
          b.columns.map((_, i) => cellLines(r.cells[i]).join('\n')),
          numbers,
        ),
      );
      parts.push([csvLine(b.columns.map((c) => c.label)), ...rows]);
    } else if (b.kind === 'title' || b.kind === 'heading') parts.push([csvLine([b.text])]);
  }
  return '\ufeff' + parts.map((p) => p.join('\r\n')).join('\r\n\r\n') + '\r\n';
}
