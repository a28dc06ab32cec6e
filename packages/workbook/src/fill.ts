/**
 * The officer's workbook filled from an evidence file (the web page's "save workbook"): the blank
 * workbook of ./write.ts, its cells found as the reader finds them (the unit sheet by its labels, the
 * figures by their id column, documents and explanations by criterion code) and written as an officer
 * types them: numbers as numbers, dates as dates, yes/no and levels as the drop-downs' words. What a
 * cell cannot hold as such (a decimal with more digits than Excel keeps, a date that is not one) is
 * written as its text, which the reader reads by the same rules as the evidence file. Reading the
 * result back (./read.ts) gives the same evidence, in the order of the set.
 */
import type ExcelJS from 'exceljs';
import type { CompiledSet } from '@parindex/engine';
import { createExplainer, LOCALES, type Explainer, type Lang } from '@parindex/explain';
import type { InputDef } from '@parindex/rules';
import { numberText } from './cells.js';
import { DOCUMENT_COLUMNS, documentRows, EXPLANATION_COLUMNS, UNIT_LEVELS, VALUES_COLUMNS } from './layout.js';
import { workbookBytes } from './style.js';
import { unitRowsOf } from './unit-sheet.js';
import { blankEvidenceWorkbook, isoToDate, optionLabels } from './write.js';

type Json = Record<string, unknown>;
const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** A number as a number when the cell gives back exactly this text, else the text. */
function numberCell(v: unknown): ExcelJS.CellValue {
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  const text = String(v);
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && numberText(n) === text ? n : text;
}

/** A date as a date cell when it is a real YYYY-MM-DD day, else the text. */
function dateCell(v: unknown): ExcelJS.CellValue {
  const text = String(v);
  if (!ISO_DATE.test(text)) return text;
  const d = isoToDate(text);
  return Number.isFinite(d.getTime()) && d.toISOString().slice(0, 10) === text ? d : text;
}

/** What an officer would type in an input's value cell for this value. */
function valueCell(def: InputDef, v: unknown, ex: Explainer, lang: Lang): ExcelJS.CellValue {
  const yesNo = LOCALES[lang].workbook.yesNo;
  if (def.type === 'boolean') return v === true ? yesNo.yes : v === false ? yesNo.no : String(v);
  if (def.type === 'level') return optionLabels(def, ex)[(def.options ?? []).findIndex((o) => o.id === v)] ?? String(v);
  if (def.type === 'date') return dateCell(v);
  if (def.type === 'count' || def.type === 'decimal' || def.type === 'percent' || def.type === 'tally') return numberCell(v);
  return String(v);
}

const text = (v: unknown): ExcelJS.CellValue => (v === undefined || v === null || v === '' ? null : String(v));

function fillUnit(wb: ExcelJS.Workbook, evidence: Json, lang: Lang): void {
  const w = LOCALES[lang].workbook;
  const ws = wb.getWorksheet(w.sheets.unit)!;
  const rows = unitRowsOf(ws, w.unitRows);
  const set = (key: Parameters<typeof rows.get>[0], value: ExcelJS.CellValue) => {
    const row = rows.get(key);
    if (row !== undefined) ws.getCell(row, 2).value = value;
  };
  const unit = (evidence.unit ?? {}) as Json;
  const period = (evidence.period ?? {}) as Json;
  const prepared = (evidence.preparedBy ?? {}) as Json;
  const level = String(unit.level ?? '');
  set('code', text(unit.code));
  set('name', text(unit.name));
  set('level', (UNIT_LEVELS as readonly string[]).includes(level) ? w.levels[level as (typeof UNIT_LEVELS)[number]] : text(level));
  set('province', text(unit.province));
  set('unitNote', text(unit.note));
  set('periodFrom', period.from ? dateCell(period.from) : null);
  set('periodTo', period.to ? dateCell(period.to) : null);
  set('periodLabel', text(period.label));
  set('preparedName', text(prepared.name));
  set('preparedRole', text(prepared.role));
  set('preparedDate', prepared.date ? dateCell(prepared.date) : null);
  set('sample', evidence.sample === true ? w.yesNo.yes : w.yesNo.no);
}

/** Every value of the evidence by input id (an input entry, or any criterion's values), the first one given. */
function valuesById(entries: readonly Json[]): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const e of entries) {
    if (typeof e.input === 'string' && !m.has(e.input)) m.set(e.input, e.value);
    for (const [k, v] of Object.entries((e.values ?? {}) as Json)) if (!m.has(k)) m.set(k, v);
  }
  return m;
}

/** The first value of a key among a criterion's entries. */
const firstOf = (own: readonly Json[], key: string): unknown => own.find((e) => e[key] !== undefined)?.[key];

function fillFigures(wb: ExcelJS.Workbook, compiled: CompiledSet, entries: readonly Json[], byCode: Map<string, Json[]>, ex: Explainer, lang: Lang): void {
  const ws = wb.getWorksheet(LOCALES[lang].workbook.sheets.values)!;
  const values = valuesById(entries);
  for (let row = 2; row <= ws.rowCount; row++) {
    const key = ws.getCell(row, VALUES_COLUMNS.input).value;
    const code = ws.getCell(row, VALUES_COLUMNS.code).value;
    if (typeof key === 'string' && key !== '') {
      const [id, option] = key.split('.') as [string, string | undefined];
      const def = compiled.inputs.get(id)?.def;
      const v = values.get(id);
      const x = option === undefined || v === undefined || v === null || typeof v !== 'object' ? v : (v as Json)[option];
      if (def && x !== undefined && x !== null) ws.getCell(row, VALUES_COLUMNS.value).value = valueCell(def, x, ex, lang);
    } else if (typeof code === 'string' && compiled.nodes.get(code)?.isLeaf) {
      const own = byCode.get(code) ?? [];
      const claimed = firstOf(own, 'claimedPoints');
      if (claimed !== undefined) ws.getCell(row, VALUES_COLUMNS.claimed).value = numberCell(claimed);
      ws.getCell(row, VALUES_COLUMNS.note).value = text(firstOf(own, 'note'));
    }
  }
}

const DOCUMENT_TEXT = ['number', 'title', 'issuer', 'url', 'sha256'] as const;

/**
 * The documents: one on its requirement's pre-filled row while that row is free, every other one on a row
 * below. A document's requirement is its `for`, or, without one, the only requirement of its criterion
 * (what the engine takes it for): the officer sees it on the row the sheet asked it for, which keeps its
 * requirement (an import then writes that `for`; the points are the same).
 */
function fillDocuments(wb: ExcelJS.Workbook, compiled: CompiledSet, byCode: Map<string, Json[]>, lang: Lang): void {
  const C = DOCUMENT_COLUMNS;
  const ws = wb.getWorksheet(LOCALES[lang].workbook.sheets.documents)!;
  const required = documentRows(compiled);
  const free = new Map(required.map((d, i) => [`${d.node.code}/${d.id}`, 2 + i]));
  let next = 2 + required.length;
  for (const leaf of compiled.leaves) {
    const only = leaf.documents.length === 1 ? leaf.documents[0]!.id : undefined;
    for (const d of (byCode.get(leaf.code) ?? []).flatMap((e) => (Array.isArray(e.documents) ? (e.documents as Json[]) : []))) {
      const requirement = typeof d.for === 'string' ? d.for : only;
      const slot = requirement === undefined ? '' : `${leaf.code}/${requirement}`;
      const own = free.get(slot);
      const row = own ?? next++;
      free.delete(slot);
      ws.getCell(row, C.criterion).value = leaf.code;
      // On its requirement's row the pre-filled requirement stays.
      if (own === undefined || typeof d.for === 'string') ws.getCell(row, C.requirement).value = text(d.for);
      for (const k of DOCUMENT_TEXT) ws.getCell(row, C[k]).value = text(d[k]);
      ws.getCell(row, C.date).value = d.date ? dateCell(d.date) : null;
    }
  }
}

function fillExplanations(wb: ExcelJS.Workbook, byCode: Map<string, Json[]>, lang: Lang): void {
  const ws = wb.getWorksheet(LOCALES[lang].workbook.sheets.explanations)!;
  for (let row = 2; row <= ws.rowCount; row++) {
    const code = ws.getCell(row, EXPLANATION_COLUMNS.criterion).value;
    const explanation = typeof code === 'string' ? firstOf(byCode.get(code) ?? [], 'explanation') : undefined;
    if (explanation !== undefined) ws.getCell(row, EXPLANATION_COLUMNS.explanation).value = text(explanation);
  }
}

/** The officer's workbook of a set filled with an evidence file, as bytes (the same bytes for the same input). */
export async function fillEvidenceWorkbook(compiled: CompiledSet, evidence: Json, lang: Lang): Promise<Uint8Array> {
  const ex = createExplainer(compiled, lang);
  const wb = blankEvidenceWorkbook(compiled, lang);
  const entries = (Array.isArray(evidence.entries) ? evidence.entries : []).filter((e): e is Json => e !== null && typeof e === 'object');
  const byCode = new Map<string, Json[]>();
  for (const e of entries) if (typeof e.criterion === 'string') byCode.set(e.criterion, [...(byCode.get(e.criterion) ?? []), e]);
  fillUnit(wb, evidence, lang);
  fillFigures(wb, compiled, entries, byCode, ex, lang);
  fillDocuments(wb, compiled, byCode, lang);
  fillExplanations(wb, byCode, lang);
  return workbookBytes(wb);
}
