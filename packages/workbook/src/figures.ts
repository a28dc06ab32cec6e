/**
 * The figures, documents and explanations sheets of the officer's workbook, read into evidence entries:
 * one `{ input, value }` entry per fact of the unit, then one entry per criterion that has anything
 * (values, documents, a note, an explanation, a self-score), in the order of the set.
 */
import type ExcelJS from 'exceljs';
import { diag, type InputDef } from '@parindex/rules';
import type { CompiledNode } from '@parindex/engine';
import { inputValue, pointsValue, readCell, type ValueOutcome } from './cells.js';
import { cellRef, DOCUMENT_COLUMNS, EXPLANATION_COLUMNS, VALUES_COLUMNS, valueRows, type ValueRow } from './layout.js';
import { documentDate } from './document-date.js';
import { nearestLeaf, PLACE_NONE, placeOf, report, sheet, textCell, unknownFigure, sheetWords, type Reading } from './reading.js';
import { optionLabels } from './write.js';

type InputRow = Extract<ValueRow, { kind: 'input' }>;

/** What was read for one criterion, with the cell of each part (pointers are known once the entry has its index). */
interface Found {
  values: Map<string, { value: unknown; cell: string; options?: Map<string, { value: unknown; cell: string }> }>;
  /** dateRefused: its date cell holds no date (reported); the checks take a date as given (./read.ts). */
  documents: Array<{ doc: Record<string, unknown>; cells: Record<string, string>; dateRefused: boolean }>;
  note?: { value: string; cell: string };
  explanation?: { value: string; cell: string };
  claimed?: { value: unknown; cell: string };
  row?: string;
}

const found = (map: Map<string, Found>, code: string): Found => {
  let f = map.get(code);
  if (!f) map.set(code, (f = { values: new Map(), documents: [] }));
  return f;
};

/** An input row's value into what was found. */
function takeValue(r: Reading, ws: ExcelJS.Worksheet, row: number, spec: InputRow, byCode: Map<string, Found>, shared: Found): void {
  const cell = cellRef(ws.name, VALUES_COLUMNS.value, row);
  const def: InputDef = spec.def;
  r.cells.setInput(def.id, cell);
  const outcome: ValueOutcome = inputValue(readCell(ws.getCell(row, VALUES_COLUMNS.value)), def, placeOf(def, spec.criterion), sheetWords(r), def.type === 'level' ? optionLabels(def, r.ex) : []);
  if (outcome.ok === false) report(r, outcome.diagnostic, cell);
  if (outcome.ok !== true) return;
  if (outcome.warning) report(r, outcome.warning, cell);
  const into = spec.criterion === null ? shared : found(byCode, spec.criterion);
  if (spec.option === null) {
    into.values.set(def.id, { value: outcome.value, cell });
    return;
  }
  let tally = into.values.get(def.id);
  if (!tally) into.values.set(def.id, (tally = { value: undefined, cell, options: new Map() }));
  tally.options!.set(spec.option, { value: outcome.value, cell });
}

/** A criterion row: the self-score and the note. */
function takeCriterion(r: Reading, ws: ExcelJS.Worksheet, row: number, leaf: CompiledNode, byCode: Map<string, Found>): void {
  const f = found(byCode, leaf.code);
  f.row ??= cellRef(ws.name, VALUES_COLUMNS.code, row);
  r.cells.setInput(`#${leaf.code}`, f.row);
  const place = { ...PLACE_NONE, criterion: leaf.code };
  const claimedCell = cellRef(ws.name, VALUES_COLUMNS.claimed, row);
  // Named as the sheet names it: its column's heading and the criterion.
  const claimed = pointsValue(readCell(ws.getCell(row, VALUES_COLUMNS.claimed)), { ...place, column: r.opened.words.columns.claimed }, sheetWords(r), leaf.maxText);
  if (claimed.ok === false) report(r, claimed.diagnostic, claimedCell);
  if (claimed.ok === true) f.claimed = { value: claimed.value, cell: claimedCell };
  const note = textCell(r, ws, row, VALUES_COLUMNS.note, place);
  if (note) f.note = { value: note, cell: cellRef(ws.name, VALUES_COLUMNS.note, row) };
}

/** The figures sheet, row by row, matched by the figure id column. */
function readValuesSheet(r: Reading, byCode: Map<string, Found>, shared: Found): void {
  const compiled = r.opened.compiled;
  const ws = sheet(r, r.opened.words.sheets.values);
  if (!ws) return;
  const expected = new Map<string, InputRow>();
  for (const row of valueRows(compiled)) if (row.kind === 'input') expected.set(row.key, row);
  const seen = new Map<string, string>();
  for (let row = 2; row <= ws.rowCount; row++) {
    const code = textCell(r, ws, row, VALUES_COLUMNS.code);
    const key = textCell(r, ws, row, VALUES_COLUMNS.input);
    const keyCell = cellRef(ws.name, VALUES_COLUMNS.input, row);
    if (key === '') {
      const leaf = compiled.nodes.get(code);
      if (leaf?.isLeaf) takeCriterion(r, ws, row, leaf, byCode);
      continue;
    }
    const spec = expected.get(key);
    if (!spec) {
      report(r, unknownFigure(key, code, expected.keys()), keyCell);
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      report(r, diag('WORKBOOK_DUPLICATE_ROW', '', { key, first }), keyCell);
      continue;
    }
    seen.set(key, keyCell);
    takeValue(r, ws, row, spec, byCode, shared);
  }
  for (const [key, spec] of expected) if (!seen.has(key)) r.diagnostics.push(diag('WORKBOOK_MISSING_ROW', '', placeOf(spec.def, spec.criterion), 'warning'));
}

const DOCUMENT_TEXT = ['number', 'title', 'issuer', 'url', 'sha256'] as const;

/** The documents sheet: every row with a number, date, title, issuer, link or hash is a document. */
function readDocumentsSheet(r: Reading, byCode: Map<string, Found>): void {
  const ws = sheet(r, r.opened.words.sheets.documents);
  if (!ws) return;
  const C = DOCUMENT_COLUMNS;
  for (let row = 2; row <= ws.rowCount; row++) {
    const code = textCell(r, ws, row, C.criterion);
    const place = { ...PLACE_NONE, criterion: code || null };
    const doc: Record<string, unknown> = {};
    const cells: Record<string, string> = { '': cellRef(ws.name, C.criterion, row) };
    const requirement = textCell(r, ws, row, C.requirement, place);
    if (code && requirement) r.cells.setInput(`doc:${code}/${requirement}`, cellRef(ws.name, C.number, row));
    const texts = Object.fromEntries(DOCUMENT_TEXT.map((k) => [k, textCell(r, ws, row, C[k], place)]));
    const date = documentDate(r, ws, row, C.date, { code, requirement, number: texts.number!, place });
    if (DOCUMENT_TEXT.every((k) => texts[k] === '') && date === undefined) continue;
    if (requirement) [doc.for, cells.for] = [requirement, cellRef(ws.name, C.requirement, row)];
    if (texts.number) [doc.number, cells.number] = [texts.number, cellRef(ws.name, C.number, row)];
    if (date !== undefined) cells.date = cellRef(ws.name, C.date, row);
    if (date !== undefined && 'iso' in date) doc.date = date.iso;
    for (const k of ['title', 'issuer', 'url', 'sha256'] as const) if (texts[k]) [doc[k], cells[k]] = [texts[k], cellRef(ws.name, C[k], row)];
    if (!r.opened.compiled.nodes.get(code)?.isLeaf) {
      report(r, diag('WORKBOOK_DOCUMENT_CRITERION', '', { code: code === '' ? null : code.slice(0, 100), ...nearestLeaf(r, code) }), cells['']!);
      continue;
    }
    found(byCode, code).documents.push({ doc, cells, dateRefused: date !== undefined && 'refused' in date });
  }
}

/** The explanations sheet: a criterion's code and its explanation. */
function readExplanationsSheet(r: Reading, byCode: Map<string, Found>): void {
  const ws = sheet(r, r.opened.words.sheets.explanations);
  if (!ws) return;
  for (let row = 2; row <= ws.rowCount; row++) {
    const code = textCell(r, ws, row, EXPLANATION_COLUMNS.criterion);
    const text = textCell(r, ws, row, EXPLANATION_COLUMNS.explanation, { ...PLACE_NONE, criterion: code || null });
    if (!text) continue;
    const cell = cellRef(ws.name, EXPLANATION_COLUMNS.explanation, row);
    if (!r.opened.compiled.nodes.get(code)?.isLeaf)
      report(r, diag('WORKBOOK_UNKNOWN_ROW', '', { key: code.slice(0, 100), criterion: null, of: 'criterion', ...nearestLeaf(r, code) }), cellRef(ws.name, EXPLANATION_COLUMNS.criterion, row));
    else found(byCode, code).explanation = { value: text, cell };
  }
}

/** A criterion's entry from what was found, its pointers mapped to their cells; `undated` gets its documents whose date was refused. */
function entryOf(r: Reading, leaf: CompiledNode, f: Found, index: number, undated: Array<[number, number]>): Record<string, unknown> | undefined {
  const at = `/entries/${index}`;
  const entry: Record<string, unknown> = { criterion: leaf.code };
  const values: Record<string, unknown> = {};
  for (const def of leaf.node.inputs ?? []) {
    const v = f.values.get(def.id);
    if (!v) continue;
    r.cells.set(`${at}/values/${def.id}`, v.cell);
    if (!v.options) values[def.id] = v.value;
    else {
      const tally: Record<string, unknown> = {};
      for (const o of def.options ?? []) {
        const x = v.options.get(o.id);
        if (!x) continue;
        tally[o.id] = x.value;
        r.cells.set(`${at}/values/${def.id}/${o.id}`, x.cell);
      }
      values[def.id] = tally;
    }
  }
  if (Object.keys(values).length) entry.values = values;
  if (f.documents.length) entry.documents = f.documents.map((d) => d.doc);
  f.documents.forEach((d, j) => Object.entries(d.cells).forEach(([k, cell]) => r.cells.set(`${at}/documents/${j}${k ? '/' + k : ''}`, cell)));
  // Each document is cited at its own row (its number, else its criterion cell), whichever requirement it proves.
  for (const d of f.documents) r.cells.setDocument(index, d.doc, d.cells.number ?? d.cells['']!);
  for (const [j, d] of f.documents.entries()) if (d.dateRefused) undated.push([index, j]);
  for (const k of ['note', 'explanation', 'claimed'] as const) {
    const part = f[k];
    if (!part) continue;
    const key = k === 'claimed' ? 'claimedPoints' : k;
    entry[key] = part.value;
    r.cells.set(`${at}/${key}`, part.cell);
  }
  if (Object.keys(entry).length === 1) return undefined;
  const first = f.row ?? f.values.values().next().value?.cell ?? f.documents[0]?.cells[''];
  if (first !== undefined) r.cells.set(at, first);
  return entry;
}

/**
 * The evidence entries of the workbook: the unit's facts first, then the criteria, in the set's order;
 * `undated`: the documents (entry and document index) whose date cell was refused.
 */
export function readFigures(r: Reading): { entries: unknown[]; undated: Array<[number, number]> } {
  const byCode = new Map<string, Found>();
  const shared: Found = { values: new Map(), documents: [] };
  readValuesSheet(r, byCode, shared);
  readDocumentsSheet(r, byCode);
  readExplanationsSheet(r, byCode);
  const entries: unknown[] = [];
  const undated: Array<[number, number]> = [];
  for (const def of r.opened.compiled.set.inputs ?? []) {
    const v = shared.values.get(def.id);
    if (!v) continue;
    const value = v.options ? Object.fromEntries((def.options ?? []).filter((o) => v.options!.has(o.id)).map((o) => [o.id, v.options!.get(o.id)!.value])) : v.value;
    r.cells.set(`/entries/${entries.length}`, v.cell);
    entries.push({ input: def.id, value });
  }
  for (const leaf of r.opened.compiled.leaves) {
    const f = byCode.get(leaf.code);
    const entry = f ? entryOf(r, leaf, f, entries.length, undated) : undefined;
    if (entry) entries.push(entry);
  }
  return { entries, undated };
}
