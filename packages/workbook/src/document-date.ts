/**
 * The date of a document row of the documents sheet: a date cell, or text read as the evidence format
 * reads a date ("15/01/2026"). A cell that holds no date is one error at the cell, naming the document
 * (the requirement it is for, its number, its criterion) and what to type (WORKBOOK_DOCUMENT_DATE). The
 * document stays a document, its date refused: the evidence checks see it with a date taken as given
 * (./read.ts, `checked`), so that they do not say what only follows from the refused cell ("the document
 * has no date", "the criterion lacks its document", "it needs an explanation").
 */
import type ExcelJS from 'exceljs';
import { diag, readDateText, type Diagnostic, type WorkbookPlace } from '@parindex/rules';
import { cellProblem, numberText, readCell, type CellContent } from './cells.js';
import { cellRef } from './layout.js';
import { report, type Reading } from './reading.js';

/** A document's date: read (YYYY-MM-DD), refused (reported at its cell), or none typed (undefined). */
export type DocumentDate = { iso: string } | { refused: true } | undefined;

/** What a document row says of its document, for the sentence of a date it does not have. */
export interface DocumentRow {
  code: string;
  requirement: string;
  number: string;
  place: WorkbookPlace;
}

/** The text a cell shows, for the sentence (a number as typed, a yes/no as Excel shows it). */
function shownText(c: CellContent): string {
  if (c.kind === 'text') return c.text;
  if (c.kind === 'number') return numberText(c.value);
  if (c.kind === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return '';
}

/** The requirement a row is for: the one it names, or the criterion's only one when it names none. */
function requirementOf(r: Reading, doc: DocumentRow): { id: string; label: string; labelEn?: string | undefined } | undefined {
  const leaf = r.opened.compiled.nodes.get(doc.code);
  const required = leaf?.isLeaf ? leaf.documents : [];
  return required.find((d) => d.id === doc.requirement) ?? (doc.requirement === '' && required.length === 1 ? required[0] : undefined);
}

/** The error of a date cell that holds no date, naming its document. */
function dateProblem(r: Reading, doc: DocumentRow, value: string, problem: 'notReal' | 'notDate'): Diagnostic {
  const req = requirementOf(r, doc);
  return diag('WORKBOOK_DOCUMENT_DATE', '', {
    criterion: doc.code === '' ? null : doc.code.slice(0, 100),
    requirement: req?.id ?? (doc.requirement === '' ? null : doc.requirement.slice(0, 100)),
    label: req?.label ?? null,
    labelEn: req?.labelEn ?? null,
    number: doc.number === '' ? null : doc.number.slice(0, 200),
    value: value.slice(0, 100),
    problem,
  });
}

/** The date cell of a document row; a problem is reported at the cell. */
export function documentDate(r: Reading, ws: ExcelJS.Worksheet, row: number, column: number, doc: DocumentRow): DocumentDate {
  const c = readCell(ws.getCell(row, column));
  if (c.kind === 'empty') return undefined;
  if (c.kind === 'date') return { iso: c.iso };
  const at = cellRef(ws.name, column, row);
  // A formula or an error value is said as such (what to do differs).
  const problem = cellProblem(c, doc.place);
  if (problem) {
    report(r, problem, at);
    return { refused: true };
  }
  const read = c.kind === 'text' ? readDateText(c.text, null) : undefined;
  if (read?.ok) return { iso: String(read.value) };
  const notReal = read !== undefined && !read.ok && read.problem.code === 'EVIDENCE_DATE_NOT_REAL';
  report(r, dateProblem(r, doc, shownText(c), notReal ? 'notReal' : 'notDate'), at);
  return { refused: true };
}
