/**
 * CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads Vietnamese text), CRLF line ends,
 * RFC 4180 quoting. Only the tables are written, each with its header row first (the first line of the
 * file is the first table's header), one after another with an empty line between; the title, key-value
 * lines, letterhead, signatures and provenance belong to the printable formats (html, docx, xlsx).
 *
 * Numbers are written so that Excel reads them as numbers where the file is opened: in Vietnamese
 * (--lang vi, the default) the separator is ";" and the decimal mark ",", as Excel uses in a Vietnamese
 * locale (vi-VN: list separator ";", decimal ","), with no thousands grouping ("1234,5"); in English
 * (--lang en) the separator is "," and the decimal mark ".". A cell of a number column is written as a
 * bare number only when it is one; a "+" sign is dropped (the same number).
 *
 * A spreadsheet runs a cell that starts with = + - @ (and, in some, TAB or CR) as a formula: a unit
 * named =HYPERLINK("http://…") becomes a link that sends the sheet's data away when clicked. Every other
 * cell that starts so (after any spaces) is written as text, with a leading single quote (OWASP).
 */
import { cellLines, type Doc, type Lang } from '@parindex/explain';
import { cellNumber } from './cells.js';

/** What a spreadsheet may read as the start of a formula, after any leading spaces. */
const FORMULA_START = /^[\s]*[=+\-@]|^[\t\r]/;

/** The separator of each language's CSV. */
export const CSV_SEPARATOR: Readonly<Record<Lang, string>> = { vi: ';', en: ',' };

/** One text cell: neutralised when it could start a formula, quoted when it must be. */
export function csvCell(s: string, sep = ','): string {
  if (FORMULA_START.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return s.includes(sep) || /["\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A number cell: an exact decimal with the language's decimal mark, "%" kept. */
function csvNumber(dec: string, percent: boolean, lang: Lang): string {
  return `${lang === 'vi' ? dec.replace('.', ',') : dec}${percent ? '%' : ''}`;
}

export function renderCsv(doc: Doc, lang: Lang = 'vi'): string {
  const sep = CSV_SEPARATOR[lang];
  const parts: string[][] = [];
  for (const b of doc) {
    if (b.kind !== 'table') continue;
    const rows = [...b.rows, ...(b.footer ?? [])].map((r) =>
      b.columns
        .map((col, i) => {
          const n = cellNumber(r, i, col, lang);
          return n ? csvNumber(n.dec, n.percent, lang) : csvCell(cellLines(r.cells[i]).join('\n'), sep);
        })
        .join(sep),
    );
    parts.push([b.columns.map((c) => csvCell(c.label, sep)).join(sep), ...rows]);
  }
  return '\ufeff' + parts.map((p) => p.join('\r\n')).join('\r\n\r\n') + '\r\n';
}
