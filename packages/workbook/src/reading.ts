/** What reading a workbook keeps track of (problems with their cells, pointers to cells), and the readers of one cell. */
import type ExcelJS from 'exceljs';
import { diag, nearestCode, nearestWord, type Diagnostic, type InputDef, type WorkbookPlace } from '@parindex/rules';
import type { Explainer } from '@parindex/explain';
import { cellProblem, inputValue, numberText, readCell, typeProblem, type CellContent, type SheetWords } from './cells.js';
import { cellRef } from './layout.js';
import type { OpenedWorkbook } from './open.js';

/** A document as compared with the trace's copy of it: its fields in the evidence format's order. */
const documentKey = (entry: number, doc: Readonly<Record<string, unknown>>) =>
  `${entry}\u0000${JSON.stringify(['for', 'number', 'date', 'title', 'issuer', 'url', 'sha256'].map((k) => doc[k] ?? null))}`;

/** Pointers of the evidence to the cells they came from. */
export class CellMap {
  private readonly cells = new Map<string, string>();
  private readonly inputs = new Map<string, string>();
  private readonly documents = new Map<string, string>();
  set(pointer: string, cell: string): void {
    if (!this.cells.has(pointer)) this.cells.set(pointer, cell);
  }
  /** The value cell of an input's row (or "#code": a criterion's row), filled or not. */
  setInput(key: string, cell: string): void {
    if (!this.inputs.has(key)) this.inputs.set(key, cell);
  }
  ofInput(key: string): string | undefined {
    return this.inputs.get(key);
  }
  /** The cell of a document of entry `entry` (its own row), found by what it says: the first row that says it. */
  setDocument(entry: number, doc: Readonly<Record<string, unknown>>, cell: string): void {
    const key = documentKey(entry, doc);
    if (!this.documents.has(key)) this.documents.set(key, cell);
  }
  ofDocument(entry: number, doc: Readonly<Record<string, unknown>>): string | undefined {
    return this.documents.get(documentKey(entry, doc));
  }
  /** The cell of exactly this pointer. */
  exact(pointer: string): string | undefined {
    return this.cells.get(pointer);
  }
  /** The cell of a pointer, or of the nearest pointer above it. */
  at(pointer: string): string | undefined {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const c = this.cells.get(p);
      if (c !== undefined || p === '') return c;
    }
  }
}

export interface Reading {
  opened: OpenedWorkbook;
  ex: Explainer;
  cells: CellMap;
  diagnostics: Diagnostic[];
}

export const PLACE_NONE: WorkbookPlace = { criterion: null, input: null, label: null, labelEn: null };
export const placeOf = (def: InputDef, criterion: string | null): WorkbookPlace => ({ criterion, input: def.id, label: def.label, labelEn: def.labelEn ?? null });

export function report(r: Reading, d: Diagnostic, cell: string): void {
  r.diagnostics.push({ ...d, cell });
}

export function sheet(r: Reading, name: string): ExcelJS.Worksheet | undefined {
  const ws = r.opened.wb.getWorksheet(name);
  if (!ws) r.diagnostics.push(diag('WORKBOOK_SHEET_MISSING', '', { sheet: name }));
  return ws;
}

/** A text cell's text ("" when empty); a number is taken as its text (a unit code typed as 123). */
export function textCell(r: Reading, ws: ExcelJS.Worksheet, row: number, column: number, place: WorkbookPlace = PLACE_NONE): string {
  const c = readCell(ws.getCell(row, column));
  const problem = cellProblem(c, place);
  if (problem) report(r, problem, cellRef(ws.name, column, row));
  if (c.kind === 'text') return c.text;
  if (c.kind === 'number') return numberText(c.value);
  if (c.kind === 'date') return c.iso;
  if (c.kind === 'boolean') return r.ex.word(c.value ? 'yes' : 'no');
  return '';
}

/**
 * A date cell of the period or a round holds no input (a document's is read by ./document-date.ts): a day
 * that does not exist is said of "the date" (not of an input "date"), and a text that is no date at all is
 * the cell's wrong content.
 */
function ofNoInput(d: Diagnostic, c: CellContent, place: WorkbookPlace): Diagnostic {
  if (d.code === 'EVIDENCE_DATE_NOT_REAL') return { ...d, params: { ...d.params, input: null } };
  return d.code === 'EVIDENCE_VALUE_TYPE' && c.kind === 'text' ? typeProblem(c, place, 'date') : d;
}

/** A date cell as YYYY-MM-DD (text typed there goes to the evidence checks as written). */
export function dateCell(r: Reading, ws: ExcelJS.Worksheet, row: number, column: number, place: WorkbookPlace = PLACE_NONE): string | undefined {
  const c: CellContent = readCell(ws.getCell(row, column));
  if (c.kind === 'empty') return undefined;
  const v = inputValue(c, { id: 'date', type: 'date', label: '' }, place, sheetWords(r), []);
  if (v.ok === true) return String(v.value);
  if (v.ok === false) report(r, ofNoInput(v.diagnostic, c, place), cellRef(ws.name, column, row));
  return undefined;
}

/** How the workbook's cells are typed: its yes/no drop-down's words and its language. */
export const sheetWords = (r: Reading): SheetWords => ({ ...r.opened.words.yesNo, lang: r.opened.lang });

/** A figure id that is not one of the set's (`known`), with the nearest one. */
export function unknownFigure(key: string, criterion: string, known: Iterable<string>): Diagnostic {
  const suggest = nearestWord(key, [...known]);
  return diag('WORKBOOK_UNKNOWN_ROW', '', { key: key.slice(0, 100), criterion: criterion || null, of: 'figure', ...(suggest !== undefined ? { suggest } : {}) });
}

/** The criterion (leaf) nearest to a code that is none, as `{ suggest }` ("3.71" → "3.7.1"), or nothing. */
export function nearestLeaf(r: Reading, code: string): { suggest?: string } {
  const codes = r.opened.compiled.leaves.map((l) => l.code);
  const suggest = code === '' ? undefined : nearestCode(code, codes);
  return suggest === undefined ? {} : { suggest };
}
