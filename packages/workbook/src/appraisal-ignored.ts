/**
 * What an appraiser types where the appraisers' workbook does not read: the unit's own columns (its
 * self-score, its claim and its figures, which the workbook shows and the evidence decides) and the
 * unit's answer on a figure's row (answers are read on the criterion's row). Nothing there changes the
 * appraisal, so each is a warning at its cell, rather than text dropped without a word.
 */
import type ExcelJS from 'exceljs';
import { score } from '@parindex/engine';
import { createExplainer, nodeIndex } from '@parindex/explain';
import { diag, type Diagnostic, type WorkbookPlace } from '@parindex/rules';
import { A, givenValues, unitCellValue, unitClaim } from './appraisal.js';
import { cellText, numberText } from './cells.js';
import { cellRef, valueRows } from './layout.js';
import type { OpenedWorkbook } from './open.js';
import { PLACE_NONE, placeOf } from './reading.js';

const keyOf = (row: ExcelJS.Row) => `${cellText(row.getCell(A.code))}\u0000${cellText(row.getCell(A.input))}`;

/** Where a row of the appraisal sheet is: its figure (by its id) or its criterion. */
function placeOfRow(opened: OpenedWorkbook, row: ExcelJS.Row): WorkbookPlace {
  const code = cellText(row.getCell(A.code));
  const def = opened.compiled.inputs.get(cellText(row.getCell(A.input)))?.def;
  return def ? placeOf(def, code || null) : { ...PLACE_NONE, criterion: code || null };
}

type Ignored = 'unitScore' | 'unitFigure' | 'answerOnFigure';
const ignored = (place: WorkbookPlace, what: Ignored, was: string, now: string, cell: string): Diagnostic => ({
  ...diag('WORKBOOK_CELL_IGNORED', '', { ...place, what, was: was.slice(0, 100), now: now.slice(0, 100) }, 'warning'),
  cell,
});

type Made = { column: number; text: string; what: 'unitScore' | 'unitFigure' };
/** As readCell gives a written value back: a number by its shortest text, a text trimmed. */
const asRead = (v: number | string | null) => (typeof v === 'number' ? numberText(v) : (v ?? '').trim());

/**
 * What the workbook was made with in the unit's columns, by row (its criterion and figure id), as cell
 * text: on a criterion's row its self-score and, when the workbook has the claim column (one made
 * before it has not, and nothing there was ever read), its claim (empty when it claims none).
 */
function madeWith(opened: OpenedWorkbook, evidence: Record<string, unknown>, claims: boolean): Map<string, Made[]> {
  const ex = createExplainer(opened.compiled, opened.lang);
  const self = nodeIndex(score(opened.compiled, evidence));
  const given = givenValues(evidence);
  const out = new Map<string, Made[]>();
  for (const r of valueRows(opened.compiled)) {
    if (r.kind === 'heading') continue;
    const text = asRead(unitCellValue(r, self, given, ex));
    if (r.kind === 'input') {
      out.set(`${r.criterion ?? ''}\u0000${r.key}`, [{ column: A.selfValue, text, what: 'unitFigure' }]);
      continue;
    }
    const made: Made[] = [{ column: A.self, text, what: 'unitScore' }];
    const claim = unitClaim(r, self);
    if (claims) made.push({ column: A.claim, text: claim ? numberText(Number(claim.claimed)) : '', what: 'unitScore' });
    out.set(`${r.node.code}\u0000`, made);
  }
  return out;
}

/**
 * The unit's columns changed since the workbook was made: compared, row by row (rows found by their
 * criterion and figure id), with what the writer puts there from the evidence its binding sheet keeps.
 */
export function changedUnitCells(opened: OpenedWorkbook, evidence: Record<string, unknown>): Diagnostic[] {
  const name = opened.words.sheets.appraisal;
  const ws = opened.wb.getWorksheet(name);
  if (!ws) return [];
  const made = madeWith(opened, evidence, cellText(ws.getCell(1, A.claim)) === opened.words.appraisalColumns.claim);
  const out: Diagnostic[] = [];
  ws.eachRow((row, i) => {
    for (const was of made.get(keyOf(row)) ?? []) {
      const now = cellText(row.getCell(was.column));
      if (now !== was.text) out.push(ignored(placeOfRow(opened, row), was.what, was.text, now, cellRef(name, was.column, i)));
    }
  });
  return out;
}

/** The unit's answer typed on a figure's row. */
export function answersOnFigures(opened: OpenedWorkbook): Diagnostic[] {
  const name = opened.words.sheets.appraisal;
  const ws = opened.wb.getWorksheet(name);
  const out: Diagnostic[] = [];
  ws?.eachRow((row, i) => {
    if (i === 1 || cellText(row.getCell(A.input)) === '') return;
    const text = cellText(row.getCell(A.answer));
    if (text !== '') out.push(ignored(placeOfRow(opened, row), 'answerOnFigure', '', text, cellRef(name, A.answer, i)));
  });
  return out;
}
