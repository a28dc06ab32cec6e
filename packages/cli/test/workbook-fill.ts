/**
 * Test helpers of the officer's workbook: fill a template's cells from an evidence file as an officer
 * would type them (numbers as numbers, dates as dates, levels and yes/no from the drop-downs, documents
 * in the documents sheet, explanations in theirs), and the evidence file an import of it must give (the
 * same figures in the workbook's own order: facts of the unit first, then criteria in set order).
 */
import ExcelJS from 'exceljs';
import { createExplainer } from '@parindex/explain';
import type { InputDef } from '@parindex/rules';
import type { CompiledSet } from '../src/engine.js';
import { DOCUMENT_COLUMNS, documentRows, EXPLANATION_COLUMNS, isoToDate, numberText, numberValue, optionLabels, type UNIT_LEVELS, VALUES_COLUMNS } from '@parindex/workbook';
import { LOCALES, type Lang } from '@parindex/explain';

type Json = Record<string, any>;

/** Every value of the evidence by input id (an input entry, or any criterion's values), the first one given. */
function valuesById(evidence: Json): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const e of evidence.entries ?? []) {
    if (typeof e.input === 'string' && !m.has(e.input)) m.set(e.input, e.value);
    for (const [k, v] of Object.entries((e.values ?? {}) as Record<string, unknown>)) if (!m.has(k)) m.set(k, v);
  }
  return m;
}

const NUMERIC = new Set(['count', 'decimal', 'percent', 'tally']);
const normNumber = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? numberValue(numberText(Number(v))) : v);

/** A value as the import gives it back. */
function normValue(def: InputDef, v: unknown): unknown {
  if (def.type === 'tally') {
    const t = v as Record<string, unknown>;
    return Object.fromEntries((def.options ?? []).filter((o) => t[o.id] !== undefined).map((o) => [o.id, normNumber(t[o.id])]));
  }
  return NUMERIC.has(def.type) ? normNumber(v) : v;
}

const DOC_KEYS = ['for', 'number', 'date', 'title', 'issuer', 'url', 'sha256'] as const;

function leafEntry(leaf: CompiledSet['leaves'][number], evidence: Json, values: Map<string, unknown>): Json | undefined {
  const own = (evidence.entries ?? []).filter((e: Json) => e.criterion === leaf.code);
  const entry: Json = { criterion: leaf.code };
  const vals: Json = {};
  for (const def of leaf.node.inputs ?? []) if (values.has(def.id)) vals[def.id] = normValue(def, values.get(def.id));
  if (Object.keys(vals).length) entry.values = vals;
  const docs = own.flatMap((e: Json) => e.documents ?? []).map((d: Json) => Object.fromEntries(DOC_KEYS.filter((k) => d[k] !== undefined).map((k) => [k, d[k]])));
  if (docs.length) entry.documents = docs;
  for (const k of ['note', 'explanation']) {
    const v = own.find((e: Json) => e[k] !== undefined)?.[k];
    if (v !== undefined) entry[k] = v;
  }
  const claimed = own.find((e: Json) => e.claimedPoints !== undefined)?.claimedPoints;
  if (claimed !== undefined) entry.claimedPoints = normNumber(claimed);
  return Object.keys(entry).length > 1 ? entry : undefined;
}

/** The evidence an import of the filled workbook gives: the same figures, in the workbook's order. */
export function expectedImport(compiled: CompiledSet, evidence: Json): Json {
  const values = valuesById(evidence);
  const entries: Json[] = [];
  for (const def of compiled.set.inputs ?? []) if (values.has(def.id)) entries.push({ input: def.id, value: normValue(def, values.get(def.id)) });
  for (const leaf of compiled.leaves) {
    const e = leafEntry(leaf, evidence, values);
    if (e) entries.push(e);
  }
  const u = evidence.unit;
  const unit: Json = { code: u.code, name: u.name, level: u.level };
  if (u.province) unit.province = u.province;
  if (u.note) unit.note = u.note;
  const out: Json = { formatVersion: 1 };
  if (evidence.sample === true) out.sample = true;
  out.criteriaSet = compiled.ref;
  out.unit = unit;
  out.period = { from: evidence.period.from, to: evidence.period.to, ...(evidence.period.label ? { label: evidence.period.label } : {}) };
  const p = evidence.preparedBy;
  if (p && (p.name || p.role || p.date)) out.preparedBy = Object.fromEntries(['name', 'role', 'date'].filter((k) => p[k]).map((k) => [k, p[k]]));
  out.entries = entries;
  return out;
}

/** What an officer types in a value cell for this value. */
export function cellValueFor(def: InputDef, v: unknown, compiled: CompiledSet, lang: Lang): ExcelJS.CellValue {
  const ex = createExplainer(compiled, lang);
  if (def.type === 'boolean') return LOCALES[lang].workbook.yesNo[v ? 'yes' : 'no'];
  if (def.type === 'level') return optionLabels(def, ex)[(def.options ?? []).findIndex((o) => o.id === v)] ?? String(v);
  if (def.type === 'date') return isoToDate(String(v));
  return Number(v);
}

function fillUnit(wb: ExcelJS.Workbook, evidence: Json, lang: Lang): void {
  const w = LOCALES[lang].workbook;
  const ws = wb.getWorksheet(w.sheets.unit)!;
  const byLabel = new Map<string, number>();
  ws.eachRow((row, n) => {
    const v = row.getCell(1).value;
    if (typeof v === 'string') byLabel.set(v, n);
  });
  const set = (key: keyof typeof w.unitRows, value: ExcelJS.CellValue) => {
    ws.getCell(byLabel.get(w.unitRows[key])!, 2).value = value;
  };
  const u = evidence.unit;
  set('code', u.code);
  set('name', u.name);
  set('level', w.levels[u.level as (typeof UNIT_LEVELS)[number]]);
  if (u.province) set('province', u.province);
  if (u.note) set('unitNote', u.note);
  set('periodFrom', isoToDate(evidence.period.from));
  set('periodTo', isoToDate(evidence.period.to));
  set('periodLabel', evidence.period.label ?? null);
  const p = evidence.preparedBy ?? {};
  if (p.name) set('preparedName', p.name);
  if (p.role) set('preparedRole', p.role);
  if (p.date) set('preparedDate', isoToDate(p.date));
  set('sample', createExplainerWord(lang, evidence.sample === true));
}

/** The drop-down's word for yes or no. */
const createExplainerWord = (lang: Lang, yes: boolean) => LOCALES[lang].workbook.yesNo[yes ? 'yes' : 'no'];

function fillValues(wb: ExcelJS.Workbook, compiled: CompiledSet, evidence: Json, lang: Lang, typed: (def: InputDef, v: unknown) => ExcelJS.CellValue): void {
  const ws = wb.getWorksheet(LOCALES[lang].workbook.sheets.values)!;
  const values = valuesById(evidence);
  const byCode = new Map<string, Json[]>();
  for (const e of evidence.entries ?? []) if (e.criterion) byCode.set(e.criterion, [...(byCode.get(e.criterion) ?? []), e]);
  for (let row = 2; row <= ws.rowCount; row++) {
    const key = ws.getCell(row, VALUES_COLUMNS.input).value;
    const code = ws.getCell(row, VALUES_COLUMNS.code).value;
    if (typeof key === 'string' && key !== '') {
      const [id, option] = key.split('.');
      const def = compiled.inputs.get(id!)!.def;
      const v = values.get(id!);
      if (v === undefined) continue;
      const x = option === undefined ? v : (v as Json)[option];
      if (x !== undefined) ws.getCell(row, VALUES_COLUMNS.value).value = option === undefined ? typed(def, x) : Number(x);
    } else if (typeof code === 'string' && compiled.nodes.get(code)?.isLeaf) {
      const own = byCode.get(code) ?? [];
      const claimed = own.find((e) => e.claimedPoints !== undefined)?.claimedPoints;
      if (claimed !== undefined) ws.getCell(row, VALUES_COLUMNS.claimed).value = Number(claimed);
      const note = own.find((e) => e.note !== undefined)?.note;
      if (note !== undefined) ws.getCell(row, VALUES_COLUMNS.note).value = note;
    }
  }
}

function fillDocuments(wb: ExcelJS.Workbook, compiled: CompiledSet, evidence: Json, lang: Lang): void {
  const w = LOCALES[lang].workbook;
  const docs = wb.getWorksheet(w.sheets.documents)!;
  let row = 2 + documentRows(compiled).length;
  for (const leaf of compiled.leaves)
    for (const e of evidence.entries ?? [])
      if (e.criterion === leaf.code)
        for (const d of e.documents ?? []) {
          const C = DOCUMENT_COLUMNS;
          docs.getCell(row, C.criterion).value = leaf.code;
          if (d.for) docs.getCell(row, C.requirement).value = d.for;
          for (const k of ['number', 'title', 'issuer', 'url', 'sha256'] as const) if (d[k] !== undefined) docs.getCell(row, C[k]).value = d[k];
          if (d.date) docs.getCell(row, C.date).value = isoToDate(d.date);
          row++;
        }
  const ex = wb.getWorksheet(w.sheets.explanations)!;
  for (let r = 2; r <= ex.rowCount; r++) {
    const code = ex.getCell(r, EXPLANATION_COLUMNS.criterion).value;
    const e = (evidence.entries ?? []).find((x: Json) => x.criterion === code && x.explanation !== undefined);
    if (e) ex.getCell(r, EXPLANATION_COLUMNS.explanation).value = e.explanation;
  }
}

/** The template filled with the evidence, as bytes. `typed` writes a value cell (default: as an officer types it). */
export async function fillWorkbook(template: Uint8Array, compiled: CompiledSet, evidence: Json, lang: Lang, typed?: (def: InputDef, v: unknown) => ExcelJS.CellValue): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  fillUnit(wb, evidence, lang);
  fillValues(wb, compiled, evidence, lang, typed ?? ((def, v) => cellValueFor(def, v, compiled, lang)));
  fillDocuments(wb, compiled, evidence, lang);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The appraisers' workbook filled from an appraisal file: points and answers on criteria rows, corrected figures on theirs. */
export async function fillAppraisal(template: Uint8Array, compiled: CompiledSet, appraisal: Json, lang: Lang): Promise<Buffer> {
  const { A, ROUNDS } = await import('@parindex/workbook');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(LOCALES[lang].workbook.sheets.appraisal)!;
  const rowOf = new Map<string, number>();
  ws.eachRow((row, n) => {
    const key = row.getCell(A.input).value;
    const code = row.getCell(A.code).value;
    if (typeof key === 'string' && key) rowOf.set(key, n);
    else if (typeof code === 'string' && compiled.nodes.get(code)?.isLeaf) rowOf.set(`#${code}`, n);
  });
  for (const round of appraisal.rounds) {
    const cols = round.kind === 'answer' ? { reason: A.answer, by: A.answerBy, date: A.answerDate, value: 0, points: 0 } : ROUNDS.find((x) => x.id === round.id)!;
    for (const it of round.items) {
      const values = Object.entries((it.values ?? {}) as Json);
      for (const [id, v] of values) {
        const row = rowOf.get(id)!;
        ws.getCell(row, cols.value).value = cellValueFor(compiled.inputs.get(id)!.def, v, compiled, lang);
      }
      const row = it.points !== undefined || values.length === 0 ? rowOf.get(`#${it.criterion}`)! : rowOf.get(values[0]![0])!;
      if (it.points !== undefined) ws.getCell(row, cols.points).value = Number(it.points);
      ws.getCell(row, cols.reason).value = it.reason;
      if (it.by) ws.getCell(row, cols.by).value = it.by;
      if (it.date) ws.getCell(row, cols.date).value = isoToDate(it.date);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
