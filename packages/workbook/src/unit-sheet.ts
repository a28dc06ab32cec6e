/** The unit sheet of the officer's workbook: the unit, the period, who prepared it, whether the figures are samples. */
import type ExcelJS from 'exceljs';
import { diag, type UnitLevel } from '@parindex/rules';
import { cellText, matchChoice } from './cells.js';
import { cellRef, UNIT_KEYS, UNIT_LEVELS, type UnitKey } from './layout.js';
import { dateCell, PLACE_NONE, report, sheet, textCell, type Reading } from './reading.js';
import { unknownChoice } from './value-text.js';

/** The row of each label in column A of the unit sheet. */
export function unitRowsOf(ws: ExcelJS.Worksheet, labels: Readonly<Record<UnitKey, string>>): Map<UnitKey, number> {
  const byLabel = new Map<string, UnitKey>(UNIT_KEYS.map((k) => [labels[k], k]));
  const rows = new Map<UnitKey, number>();
  for (let row = 1; row <= Math.min(ws.rowCount, 200); row++) {
    const v = ws.getCell(row, 1).value;
    const key = typeof v === 'string' ? byLabel.get(v.trim()) : undefined;
    if (key && !rows.has(key)) rows.set(key, row);
  }
  return rows;
}

/** The unit sheet: unit, period, who prepared it, sample. */
export function readUnit(r: Reading, evidence: Record<string, unknown>): void {
  const w = r.opened.words;
  const ws = sheet(r, w.sheets.unit);
  if (!ws) return;
  const rows = unitRowsOf(ws, w.unitRows);
  setCells(r, ws, rows);
  const at = (key: UnitKey, pointer: string) => {
    const row = rows.get(key);
    if (row !== undefined) r.cells.set(pointer, cellRef(ws.name, 2, row));
    return row;
  };
  const text = (key: UnitKey, pointer: string) => {
    const row = at(key, pointer);
    return row === undefined ? '' : textCell(r, ws, row, 2);
  };
  const date = (key: UnitKey, pointer: string) => {
    const row = at(key, pointer);
    return row === undefined ? undefined : dateCell(r, ws, row, 2);
  };
  const unit: Record<string, unknown> = { code: text('code', '/unit/code'), name: text('name', '/unit/name'), level: unitLevel(r, ws, rows.get('level'), text('level', '/unit/level')) };
  const province = text('province', '/unit/province');
  if (province) unit.province = province;
  const note = text('unitNote', '/unit/note');
  if (note) unit.note = note;
  const period: Record<string, unknown> = { from: date('periodFrom', '/period/from') ?? '', to: date('periodTo', '/period/to') ?? '' };
  const label = text('periodLabel', '/period/label');
  if (label) period.label = label;
  const prepared: Record<string, unknown> = {};
  const name = text('preparedName', '/preparedBy/name');
  if (name) prepared.name = name;
  const role = text('preparedRole', '/preparedBy/role');
  if (role) prepared.role = role;
  const on = date('preparedDate', '/preparedBy/date');
  if (on) prepared.date = on;
  const sample = text('sample', '/sample');
  if (sample && matchChoice(sample, [r.opened.words.yesNo.yes]) === 0) evidence.sample = true;
  evidence.unit = unit;
  evidence.period = period;
  if (Object.keys(prepared).length) evidence.preparedBy = prepared;
}

/**
 * The set and its SHA-256 the unit sheet shows: not read (the binding sheet decides which set the workbook
 * is read with), so a change there is said at its cell rather than dropped without a word.
 */
function setCells(r: Reading, ws: ExcelJS.Worksheet, rows: ReadonlyMap<UnitKey, number>): void {
  const { ref, sha256 } = r.opened.compiled;
  for (const [what, was] of [
    ['criteriaSet', ref],
    ['setHash', sha256],
  ] as const) {
    const row = rows.get(what);
    const now = row === undefined ? was : cellText(ws.getCell(row, 2));
    if (now !== was) report(r, diag('WORKBOOK_CELL_IGNORED', '', { ...PLACE_NONE, what, was, now: now.slice(0, 100) }, 'warning'), cellRef(ws.name, 2, row!));
  }
}

/**
 * A unit level from its label (the workbook's words for every level, not only the drop-down's: "Huyện"
 * is a level, and the evidence check says the set is not for it), or its id; else the drop-down's
 * labels, the set's levels, with the nearest one.
 */
function unitLevel(r: Reading, ws: ExcelJS.Worksheet, row: number | undefined, text: string): string {
  const words = r.opened.words.levels;
  const all = Object.keys(words) as UnitLevel[];
  const labels = all.map((l) => words[l]);
  const i = matchChoice(text, labels);
  if (i >= 0) return all[i]!;
  if ((all as readonly string[]).includes(text)) return text;
  const offered = (r.opened.compiled.set.unitLevels ?? UNIT_LEVELS).map((l) => words[l]);
  if (row !== undefined) report(r, unknownChoice(text, offered, PLACE_NONE), cellRef(ws.name, 2, row));
  return text;
}
