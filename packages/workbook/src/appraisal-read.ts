/**
 * The appraisers' workbook read back into an appraisal file, bound to the evidence the workbook was
 * made for (the SHA-256 on its binding sheet). Rounds: round1 (appraisal), answer (the unit's), round2
 * (appraisal), each kept when it has an item; an item per criterion gathers its rows.
 */
import type ExcelJS from 'exceljs';
import { createExplainer } from '@parindex/explain';
import { diag, hasErrors, type Diagnostic, type InputDef } from '@parindex/rules';
import { A, ROUNDS } from './appraisal.js';
import { inputValue, pointsValue, readCell } from './cells.js';
import { cellRef, valueRows, type ValueRow } from './layout.js';
import type { OpenedWorkbook } from './open.js';
import { CellMap, dateCell, PLACE_NONE, placeOf, report, sheet, textCell, unknownFigure, sheetWords, type Reading } from './reading.js';
import { optionLabels } from './write.js';

type InputRow = Extract<ValueRow, { kind: 'input' }>;
type Item = {
  criterion: string;
  values?: Record<string, unknown>;
  points?: unknown;
  reason?: string;
  by?: string;
  date?: string;
  cell: string;
  cells: Map<string, string>;
  reasonless?: Diagnostic;
  /** A date cell of the item was refused: its round's date (the latest item's) is not known. */
  dateRefused?: boolean;
};
type RoundCols = (typeof ROUNDS)[number];

function itemOf(items: Map<string, Item>, code: string, cell: string): Item {
  let it = items.get(code);
  if (!it) items.set(code, (it = { criterion: code, cell, cells: new Map() }));
  return it;
}

/** Reason, by and date of a row in a round, added to the item. */
function addWho(r: Reading, ws: ExcelJS.Worksheet, row: number, cols: { reason: number; by: number; date: number }, it: Item): string {
  const reason = textCell(r, ws, row, cols.reason);
  if (reason) it.reason = it.reason ? `${it.reason}; ${reason}` : reason;
  if (reason && !it.cells.has('reason')) it.cells.set('reason', cellRef(ws.name, cols.reason, row));
  const by = textCell(r, ws, row, cols.by);
  if (by && !it.by) it.by = by;
  const before = r.diagnostics.length;
  const date = dateCell(r, ws, row, cols.date);
  if (date && !it.date) it.date = date;
  if (hasErrors(r.diagnostics.slice(before))) it.dateRefused = true;
  return reason;
}

/** A figure's row in a round: the corrected value, if any. */
function figureRow(r: Reading, ws: ExcelJS.Worksheet, row: number, spec: InputRow, round: RoundCols, items: Map<string, Item>, unitValues: Map<string, unknown>): void {
  const def: InputDef = spec.def;
  // A fact of the unit is corrected in the item of the first criterion that reads it.
  const criterion = spec.criterion ?? r.opened.compiled.leaves.find((l) => l.reads.includes(def.id))?.code ?? null;
  const cell = cellRef(ws.name, round.value, row);
  const place = placeOf(def, spec.criterion);
  const v = inputValue(readCell(ws.getCell(row, round.value)), def, place, sheetWords(r), def.type === 'level' ? optionLabels(def, r.ex) : []);
  if (v.ok === false) report(r, v.diagnostic, cell);
  if (v.ok !== true || criterion === null) return;
  if (v.warning) report(r, v.warning, cell);
  const it = itemOf(items, criterion, cell);
  it.values ??= {};
  if (spec.option === null) it.values[def.id] = v.value;
  else it.values[def.id] = { ...((it.values[def.id] ?? unitValues.get(def.id) ?? {}) as object), [spec.option]: v.value };
  it.cells.set(`values/${def.id}${spec.option === null ? '' : `/${spec.option}`}`, cell);
  if (!it.cells.has(`values/${def.id}`)) it.cells.set(`values/${def.id}`, cell);
  if (!addWho(r, ws, row, round, it) && !it.reason) it.reasonless = { ...diag('WORKBOOK_APPRAISAL_REASON', '', { ...place, criterion, round: round.id }), cell: cellRef(ws.name, round.reason, row) };
}

/** A criterion's row in a round: adjusted points, reason, who, when. */
function criterionRow(r: Reading, ws: ExcelJS.Worksheet, row: number, code: string, round: RoundCols, items: Map<string, Item>): void {
  const cell = cellRef(ws.name, round.points, row);
  const place = { ...PLACE_NONE, criterion: code };
  const heading = r.opened.words.appraisalColumns[round.id === 'round1' ? 'r1Points' : 'r2Points'];
  const max = r.opened.compiled.nodes.get(code)?.maxText ?? '0';
  const v = pointsValue(readCell(ws.getCell(row, round.points)), { ...place, column: heading }, sheetWords(r), max);
  if (v.ok === false) report(r, v.diagnostic, cell);
  const reasonOnly = textCell(r, ws, row, round.reason) !== '';
  if (v.ok !== true && !reasonOnly) return;
  const it = itemOf(items, code, cell);
  if (v.ok === true) it.points = v.value;
  it.cells.set('points', cell);
  addWho(r, ws, row, round, it);
  if (v.ok === true && !it.reason) it.reasonless = { ...diag('WORKBOOK_APPRAISAL_REASON', '', { ...place, round: round.id }), cell: cellRef(ws.name, round.reason, row) };
}

/** The unit's answer on a criterion's row. */
function answerRow(r: Reading, ws: ExcelJS.Worksheet, row: number, code: string, items: Map<string, Item>): void {
  const reason = textCell(r, ws, row, A.answer);
  if (!reason) return;
  const it = itemOf(items, code, cellRef(ws.name, A.answer, row));
  addWho(r, ws, row, { reason: A.answer, by: A.answerBy, date: A.answerDate }, it);
}

/** Stands for a reason the reader found missing (and said so), in the appraisal the checks see. */
const REASON_FOR_CHECKS = '-';

type Round = { round: Record<string, unknown>; checked: Record<string, unknown> };

/**
 * An appraisal round's items, in set order, their pointers mapped to cells; with the round as the
 * evidence checks see it when the reader refused cells: a missing reason taken as given (it is said
 * once, by the reader) and no round date when one of its dates was refused (an order of rounds by a
 * date not read would be false).
 */
function roundOf(r: Reading, id: string, kind: 'appraisal' | 'answer', items: Map<string, Item>, index: number): Round | undefined {
  const out: Array<Record<string, unknown>> = [];
  const checked: Array<Record<string, unknown>> = [];
  let dateRefused = false;
  for (const leaf of r.opened.compiled.leaves) {
    const it = items.get(leaf.code);
    if (!it) continue;
    const reasonless = it.reasonless !== undefined && !it.reason;
    if (reasonless) r.diagnostics.push(it.reasonless!);
    const at = `/rounds/${index}/items/${out.length}`;
    r.cells.set(at, it.cell);
    for (const [k, cell] of it.cells) r.cells.set(`${at}/${k}`, cell);
    const item: Record<string, unknown> = { criterion: it.criterion };
    if (it.values) item.values = it.values;
    if (it.points !== undefined) item.points = it.points;
    item.reason = it.reason ?? '';
    if (it.by) item.by = it.by;
    if (it.date) item.date = it.date;
    out.push(item);
    checked.push(reasonless ? { ...item, reason: REASON_FOR_CHECKS } : item);
    dateRefused ||= it.dateRefused === true;
  }
  if (!out.length) return undefined;
  const who = roundWho(out);
  const seen = { ...(who.by !== undefined ? { by: who.by } : {}), ...(who.date !== undefined && !dateRefused ? { date: who.date } : {}) };
  return { round: { id, kind, ...who, items: out }, checked: { id, kind, ...seen, items: checked } };
}

/**
 * A round's own date and author, which the official table signs with: the workbook has them per row, so
 * the round's date is its latest item's, and its author the one every dated-or-signed item names (none
 * when they differ: each item keeps its own).
 */
function roundWho(items: ReadonlyArray<Record<string, unknown>>): { date?: string; by?: string } {
  const dates = items.map((i) => i.date).filter((d): d is string => typeof d === 'string');
  const by = new Set(items.map((i) => i.by).filter((b): b is string => typeof b === 'string'));
  const latest = dates.reduce<string | undefined>((a, d) => (a === undefined || d > a ? d : a), undefined);
  return { ...(latest !== undefined ? { date: latest } : {}), ...(by.size === 1 ? { by: [...by][0]! } : {}) };
}

/** The cell that shows the evidence's SHA-256 (unit sheet), where a stale workbook's APPRAISAL_EVIDENCE_MISMATCH points. */
function markEvidenceHash(r: Reading): void {
  const info = r.opened.wb.getWorksheet(r.opened.words.sheets.unit);
  const label = r.opened.words.unitRows.evidenceHash;
  for (let row = 1; info && row <= Math.min(info.rowCount, 50); row++)
    if (info.getCell(row, 1).value === label) {
      r.cells.set('/evidence', cellRef(info.name, 2, row));
      return;
    }
}

export interface AppraisalRead {
  appraisal: Record<string, unknown>;
  /** The appraisal as the evidence checks see it, also when the reader refused cells (see roundOf). */
  checked: Record<string, unknown>;
  cells: CellMap;
  diagnostics: Diagnostic[];
}

/** The appraisal file the workbook stands for (its problems with their cells). */
export async function readAppraisalWorkbook(opened: OpenedWorkbook): Promise<AppraisalRead> {
  const r: Reading = { opened, ex: createExplainer(opened.compiled, opened.lang), cells: new CellMap(), diagnostics: [] };
  const ws = sheet(r, opened.words.sheets.appraisal);
  markEvidenceHash(r);
  const byRound = new Map<string, Map<string, Item>>([...ROUNDS.map((x) => [x.id, new Map()] as const), ['answer', new Map()]]);
  const expected = new Map<string, InputRow>();
  for (const row of valueRows(opened.compiled)) if (row.kind === 'input') expected.set(row.key, row);
  // The unit's answer counts of each survey (a correction of one option keeps the others).
  const unitValues = new Map<string, unknown>();
  for (const [k, v] of opened.binding) if (k.startsWith('value:')) unitValues.set(k.slice(6), JSON.parse(v));
  for (let row = 2; ws && row <= ws.rowCount; row++) {
    const code = textCell(r, ws, row, A.code);
    const key = textCell(r, ws, row, A.input);
    const spec = key ? expected.get(key) : undefined;
    if (key && !spec) report(r, unknownFigure(key, code, expected.keys()), cellRef(ws.name, A.input, row));
    for (const round of ROUNDS) {
      if (spec) figureRow(r, ws, row, spec, round, byRound.get(round.id)!, unitValues);
      else if (!key && opened.compiled.nodes.get(code)?.isLeaf) criterionRow(r, ws, row, code, round, byRound.get(round.id)!);
    }
    if (!key && opened.compiled.nodes.get(code)?.isLeaf) answerRow(r, ws, row, code, byRound.get('answer')!);
  }
  const rounds: Round[] = [];
  for (const [id, kind] of [
    ['round1', 'appraisal'],
    ['answer', 'answer'],
    ['round2', 'appraisal'],
  ] as const) {
    const round = roundOf(r, id, kind, byRound.get(id)!, rounds.length);
    if (round) rounds.push(round);
  }
  const empty = { id: 'round1', kind: 'appraisal', items: [] };
  if (!rounds.length) rounds.push({ round: empty, checked: empty });
  const file = (key: keyof Round) => ({
    formatVersion: 1,
    criteriaSet: opened.compiled.ref,
    evidence: { unit: opened.binding.get('unit') ?? '', sha256: opened.binding.get('evidenceSha256') ?? '' },
    rounds: rounds.map((x) => x[key]),
  });
  return { appraisal: file('round'), checked: file('checked'), cells: r.cells, diagnostics: r.diagnostics };
}
