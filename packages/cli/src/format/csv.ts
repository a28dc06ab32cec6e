/**
 * CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads Vietnamese text), CRLF line ends,
 * RFC 4180 quoting. Tables are written one after another, separated by an empty line; key-value blocks
 * become two-column rows.
 */
import { cellLines, type Doc } from './doc.js';

export function csvCell(s: string): string {
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: string[]): string {
  return cells.map(csvCell).join(',');
}

export function renderCsv(doc: Doc): string {
  const parts: string[][] = [];
  for (const b of doc) {
    if (b.kind === 'kv') parts.push(b.rows.map(([k, v]) => csvLine([k, v])));
    else if (b.kind === 'table') parts.push([csvLine(b.columns.map((c) => c.label)), ...[...b.rows, ...(b.footer ?? [])].map((r) => csvLine(b.columns.map((_, i) => cellLines(r.cells[i]).join('\n'))))]);
    else if (b.kind === 'title' || b.kind === 'heading') parts.push([csvLine([b.text])]);
  }
  return '\ufeff' + parts.map((p) => p.join('\r\n')).join('\r\n\r\n') + '\r\n';
}
