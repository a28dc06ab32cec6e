/**
 * The officer's workbook (`template <set> --format xlsx`): a unit sheet, the figures sheet (one row per
 * input, grouped by field and criterion, with the rule of each criterion in a sentence and the
 * documents it requires), the documents sheet, the explanations sheet and the very hidden binding
 * sheet. Every input cell carries Excel's data validation. Every word comes from @parindex/explain.
 */
import ExcelJS from 'exceljs';
import { createExplainer, inputHelp, LOCALES, type Explainer } from '@parindex/explain';
import { LIMITS, type InputDef } from '@parindex/rules';
import type { CompiledSet } from '@parindex/engine';
import { ENGINE_VERSION } from '@parindex/engine';
import type { Lang } from '@parindex/explain';
import { DOCUMENT_COLUMNS, documentRows, EXPLANATION_COLUMNS, EXTRA_DOCUMENT_ROWS, UNIT_KEYS, UNIT_LEVELS, VALUES_COLUMNS, valueRows, type UnitKey, type ValueRow } from './layout.js';
import { bindingSheet, DATE_FORMAT, FONT, HEADING_FILL, headerRow, inputCell, listRange, plainRow, TEXT_FORMAT, textValidation, workbookBytes } from './style.js';

/** What the unit sheet is prefilled with. */
export interface UnitPrefill {
  code?: string | undefined;
  name?: string | undefined;
}

/** The drop-down lists of one workbook, on the binding sheet. */
export interface Lists {
  yesNo: string;
  levels: string;
  options: Map<string, string>;
  leaves: string;
}

/** The labels a level drop-down shows for an input's options (a repeated label gets its id). */
export function optionLabels(def: InputDef, ex: Explainer): string[] {
  const labels = (def.options ?? []).map((o) => ex.pick(o.label, o.labelEn));
  return labels.map((l, i) => (labels.indexOf(l) !== i || labels.lastIndexOf(l) !== i ? `${l} (${def.options![i]!.id})` : l));
}

export function makeLists(ws: ExcelJS.Worksheet, compiled: CompiledSet, ex: Explainer, lang: Lang): Lists {
  const w = LOCALES[lang].workbook;
  const levels = compiled.set.unitLevels ?? UNIT_LEVELS;
  let column = 4;
  // Capitalised, as the type column and the prompt write them ("Có / Không").
  const yesNo = listRange(ws, column++, [w.yesNo.yes, w.yesNo.no]);
  const unitLevels = listRange(
    ws,
    column++,
    levels.map((l) => w.levels[l]),
  );
  const leaves = listRange(
    ws,
    column++,
    compiled.leaves.map((l) => l.code),
  );
  const options = new Map<string, string>();
  for (const input of compiled.inputs.values()) if (input.def.type === 'level') options.set(input.def.id, listRange(ws, column++, optionLabels(input.def, ex)));
  return { yesNo, levels: unitLevels, options, leaves };
}

/** Excel's data validation of one input cell, by the input's type and bounds. */
export function validationFor(def: InputDef, lists: Lists, ex: Explainer, lang: Lang): ExcelJS.DataValidation {
  const w = LOCALES[lang].workbook;
  const base = { allowBlank: true, showErrorMessage: true, showInputMessage: true, errorStyle: 'stop', errorTitle: w.errorTitle } as const;
  const list = (range: string, prompt: string): ExcelJS.DataValidation => ({ ...base, type: 'list', formulae: [range], prompt, error: prompt });
  if (def.type === 'boolean') return list(lists.yesNo, w.prompt.yesNo);
  if (def.type === 'level') return list(lists.options.get(def.id) ?? lists.yesNo, w.prompt.list);
  if (def.type === 'date') return { ...base, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 1))], prompt: w.prompt.date, error: w.prompt.date };
  if (def.type === 'count' || def.type === 'tally') {
    const min = def.min !== undefined ? Number(def.min) : 0;
    const prompt = def.max === undefined && min === 0 ? w.prompt.count : w.prompt.decimal(ex.say.n(min), def.max === undefined ? null : ex.say.n(def.max));
    if (def.max !== undefined) return { ...base, type: 'whole', operator: 'between', formulae: [min, Number(def.max)], prompt, error: prompt };
    return { ...base, type: 'whole', operator: 'greaterThanOrEqual', formulae: [min], prompt, error: prompt };
  }
  const min = def.min !== undefined ? String(def.min) : def.type === 'percent' ? '0' : null;
  const max = def.max !== undefined ? String(def.max) : def.type === 'percent' ? '100' : null;
  const prompt = w.prompt.decimal(min === null ? null : ex.say.n(min), max === null ? null : ex.say.n(max));
  if (min !== null && max !== null) return { ...base, type: 'decimal', operator: 'between', formulae: [Number(min), Number(max)], prompt, error: prompt };
  if (min !== null) return { ...base, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [Number(min)], prompt, error: prompt };
  if (max !== null) return { ...base, type: 'decimal', operator: 'lessThanOrEqual', formulae: [Number(max)], prompt, error: prompt };
  return { ...base, type: 'decimal', operator: 'between', formulae: [-1e15, 1e15], prompt, error: prompt };
}

/** The type column of an input row: "Số nguyên ≥ 0", with "không bắt buộc" for an optional input. */
function typeText(def: InputDef, lang: Lang): string {
  const w = LOCALES[lang].workbook;
  return w.types[def.type] + (def.required === false ? ` (${w.optional})` : '');
}

/** The longest text the evidence format takes for each text of the unit sheet. */
const TEXT_LIMITS: Partial<Record<UnitKey, number>> = { code: 100, name: 500, province: 200, unitNote: LIMITS.stringLength, periodLabel: 100, preparedName: 200, preparedRole: 200 };
/** The same for the documents sheet. */
const DOCUMENT_TEXT_LIMITS = { number: 200, title: LIMITS.stringLength, issuer: 500, url: 2000, sha256: 64 } as const;

function unitSheet(wb: ExcelJS.Workbook, compiled: CompiledSet, lists: Lists, prefill: UnitPrefill, ex: Explainer, lang: Lang): void {
  const w = LOCALES[lang].workbook;
  const set = compiled.set;
  const ws = wb.addWorksheet(w.sheets.unit);
  ws.getColumn(1).width = 38;
  ws.getColumn(2).width = 70;
  const title = ws.addRow([w.title(ex.pick(set.title, set.titleEn))]);
  title.getCell(1).font = { ...FONT, bold: true, size: 14 };
  for (const line of w.howTo) ws.addRow([line]).getCell(1).font = { ...FONT, italic: true };
  ws.addRow([]);
  const values: Record<UnitKey, ExcelJS.CellValue> = {
    criteriaSet: compiled.ref,
    setHash: compiled.sha256,
    code: prefill.code ?? '',
    name: prefill.name ?? '',
    level: w.levels[(set.unitLevels ?? UNIT_LEVELS)[0]!],
    province: '',
    unitNote: '',
    periodFrom: isoToDate(set.period.from),
    periodTo: isoToDate(set.period.to),
    // The unit's own text, prefilled in the workbook's language.
    periodLabel: ex.pick(set.period.label ?? '', set.period.labelEn),
    preparedName: '',
    preparedRole: '',
    preparedDate: null,
    sample: w.yesNo.no,
  };
  for (const key of UNIT_KEYS) {
    const row = ws.addRow([w.unitRows[key], values[key]]);
    plainRow(row, true);
    const c = row.getCell(2);
    if (key === 'criteriaSet' || key === 'setHash') continue;
    inputCell(c, key === 'periodFrom' || key === 'periodTo' || key === 'preparedDate' ? DATE_FORMAT : TEXT_FORMAT);
    if (key === 'level') c.dataValidation = { type: 'list', allowBlank: false, formulae: [lists.levels], showErrorMessage: true };
    if (key === 'sample') c.dataValidation = { type: 'list', allowBlank: true, formulae: [lists.yesNo], showErrorMessage: true };
    const max = TEXT_LIMITS[key];
    if (max !== undefined) c.dataValidation = textValidation(max);
    if (key === 'periodFrom' || key === 'periodTo' || key === 'preparedDate')
      c.dataValidation = { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(1900, 0, 1))], showErrorMessage: true };
  }
}

/** A YYYY-MM-DD date as the Date exceljs writes as that day (midnight UTC). */
export function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

function documentsText(row: Extract<ValueRow, { kind: 'criterion' }>, ex: Explainer, lang: Lang): string {
  const w = LOCALES[lang].workbook;
  return row.node.documents.map((d) => `${ex.pick(d.kind, d.kindEn)}: ${ex.pick(d.label, d.labelEn)}${d.required === false ? ` (${w.optional})` : ''}`).join('\n');
}

/** A heading row's title: its group's, the unit's facts, or the bonus or penalty block with its maximum (both workbooks). */
export function headingTitle(compiled: CompiledSet, r: Extract<ValueRow, { kind: 'heading' }>, ex: Explainer, lang: Lang): string {
  if (r.node) return ex.pick(r.node.node.title, r.node.node.titleEn);
  if (r.block === 'shared' || r.block === 'fields') return LOCALES[lang].workbook.sharedInputs;
  const block = compiled.set[r.block];
  return block ? ex.phrases.blockHeading(ex.pick(block.title, block.titleEn), ex.say.pts(block.max)) : ex.word(r.block);
}

function valueRow(ws: ExcelJS.Worksheet, compiled: CompiledSet, r: ValueRow, lists: Lists, ex: Explainer, lang: Lang): void {
  const w = LOCALES[lang].workbook;
  const C = VALUES_COLUMNS;
  if (r.kind === 'heading') {
    plainRow(ws.addRow([r.code ?? '', headingTitle(compiled, r, ex, lang)]), true, HEADING_FILL);
    return;
  }
  if (r.kind === 'criterion') {
    const n = r.node;
    const row = ws.addRow([n.code, ex.pick(n.node.title, n.node.titleEn), '', '', '', '', ex.rule(n), documentsText(r, ex, lang), null, null]);
    plainRow(row, true);
    const claimed = row.getCell(C.claimed);
    inputCell(claimed);
    const prompt = w.prompt.points(ex.say.n(n.maxText));
    claimed.dataValidation = {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [Math.min(0, Number(n.floor.toString())), Number(n.maxText)],
      showErrorMessage: true,
      showInputMessage: true,
      prompt,
      error: prompt,
      errorTitle: w.errorTitle,
    };
    inputCell(row.getCell(C.note), TEXT_FORMAT);
    row.getCell(C.note).dataValidation = textValidation(LIMITS.stringLength);
    return;
  }
  const def = r.def;
  const option = r.option === null ? undefined : def.options?.find((o) => o.id === r.option);
  const label = ex.pick(def.label, def.labelEn);
  const unit = lang === 'en' ? (def.unitEn ?? def.unit) : def.unit;
  const row = ws.addRow([r.criterion ?? '', option ? w.tallyRow(label, ex.pick(option.label, option.labelEn)) : label, r.key, null, unit ?? (def.type === 'percent' ? '%' : ''), typeText(def, lang)]);
  plainRow(row);
  // How to count the figure ("out of the dossiers RESOLVED …"), in the rule column of its row: read by no one but the officer.
  const help = inputHelp(def, lang);
  if (help) {
    row.getCell(C.rule).value = help;
    row.getCell(C.rule).font = { ...FONT, italic: true };
  }
  const cell = row.getCell(C.value);
  inputCell(cell, def.type === 'date' ? DATE_FORMAT : def.type === 'boolean' || def.type === 'level' ? TEXT_FORMAT : undefined);
  cell.dataValidation = validationFor(def, lists, ex, lang);
}

function valuesSheet(wb: ExcelJS.Workbook, compiled: CompiledSet, lists: Lists, ex: Explainer, lang: Lang): void {
  const w = LOCALES[lang].workbook;
  const ws = wb.addWorksheet(w.sheets.values);
  const c = w.columns;
  headerRow(ws, [c.code, c.title, c.input, c.value, c.unit, c.type, c.rule, c.documents, c.claimed, c.note], [9, 50, 22, 16, 12, 18, 60, 40, 12, 30]);
  for (const r of valueRows(compiled)) valueRow(ws, compiled, r, lists, ex, lang);
  ws.getColumn(VALUES_COLUMNS.input).font = { ...FONT, color: { argb: 'FF7F7F7F' } };
}

function documentsSheet(wb: ExcelJS.Workbook, compiled: CompiledSet, lists: Lists, ex: Explainer, lang: Lang): void {
  const w = LOCALES[lang].workbook;
  const ws = wb.addWorksheet(w.sheets.documents);
  const c = w.documentColumns;
  headerRow(ws, [c.criterion, c.requirement, c.title, c.number, c.date, c.title, c.issuer, c.url, c.sha256], [10, 18, 40, 18, 14, 50, 30, 30, 20]);
  // The third column is the requirement in words (not read back); the sixth, the document's own title.
  ws.getRow(1).getCell(DOCUMENT_COLUMNS.label).value = `${c.requirement} (${LOCALES[lang].words.title.toLowerCase()})`;
  const fill = (row: ExcelJS.Row) => {
    for (const [key, max] of Object.entries(DOCUMENT_TEXT_LIMITS) as Array<[keyof typeof DOCUMENT_TEXT_LIMITS, number]>) {
      inputCell(row.getCell(DOCUMENT_COLUMNS[key]), TEXT_FORMAT);
      row.getCell(DOCUMENT_COLUMNS[key]).dataValidation = textValidation(max);
    }
    const date = row.getCell(DOCUMENT_COLUMNS.date);
    inputCell(date, DATE_FORMAT);
    date.dataValidation = {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [new Date(Date.UTC(1900, 0, 1))],
      showErrorMessage: true,
      showInputMessage: true,
      prompt: w.prompt.date,
    };
  };
  for (const d of documentRows(compiled)) {
    const row = ws.addRow([d.node.code, d.id, `${ex.pick(d.kind, d.kindEn)}: ${ex.pick(d.label, d.labelEn)}`]);
    plainRow(row);
    fill(row);
  }
  for (let i = 0; i < EXTRA_DOCUMENT_ROWS; i++) {
    const row = ws.addRow([]);
    const code = row.getCell(DOCUMENT_COLUMNS.criterion);
    inputCell(code, TEXT_FORMAT);
    code.dataValidation = { type: 'list', allowBlank: true, formulae: [lists.leaves], showErrorMessage: true };
    inputCell(row.getCell(DOCUMENT_COLUMNS.requirement), TEXT_FORMAT);
    row.getCell(DOCUMENT_COLUMNS.requirement).dataValidation = textValidation(100);
    fill(row);
  }
  ws.addRow([]);
  ws.addRow([w.documentsHint]).getCell(1).font = { ...FONT, italic: true };
}

function explanationsSheet(wb: ExcelJS.Workbook, compiled: CompiledSet, ex: Explainer, lang: Lang): void {
  const w = LOCALES[lang].workbook;
  const ws = wb.addWorksheet(w.sheets.explanations);
  const c = w.explanationColumns;
  headerRow(ws, [c.criterion, c.title, c.explanation], [10, 60, 80]);
  for (const leaf of compiled.leaves) {
    const row = ws.addRow([leaf.code, ex.pick(leaf.node.title, leaf.node.titleEn)]);
    plainRow(row);
    const cell = row.getCell(EXPLANATION_COLUMNS.explanation);
    inputCell(cell, TEXT_FORMAT);
    cell.dataValidation = textValidation(LIMITS.stringLength);
    cell.alignment = { wrapText: true, vertical: 'top' };
  }
  ws.addRow([]);
  ws.addRow([w.explanationsHint]).getCell(1).font = { ...FONT, italic: true };
}

/** The officer's workbook for a set, as bytes (the same bytes for the same set, language and prefill). */
export async function evidenceWorkbook(compiled: CompiledSet, lang: Lang, prefill: UnitPrefill = {}): Promise<Uint8Array> {
  return workbookBytes(blankEvidenceWorkbook(compiled, lang, prefill));
}

/** The officer's workbook for a set, blank (./fill.ts fills one from an evidence file). */
export function blankEvidenceWorkbook(compiled: CompiledSet, lang: Lang, prefill: UnitPrefill = {}): ExcelJS.Workbook {
  const ex = createExplainer(compiled, lang);
  const wb = new ExcelJS.Workbook();
  // The binding sheet is made first (the other sheets' drop-downs refer to its lists) and shown last.
  const bind = bindingSheet(wb, [
    ['kind', 'evidence'],
    ['set', compiled.ref],
    ['setSha256', compiled.sha256],
    ['lang', lang],
    ['engine', ENGINE_VERSION],
  ]);
  const lists = makeLists(bind, compiled, ex, lang);
  unitSheet(wb, compiled, lists, prefill, ex, lang);
  valuesSheet(wb, compiled, lists, ex, lang);
  documentsSheet(wb, compiled, lists, ex, lang);
  explanationsSheet(wb, compiled, ex, lang);
  (bind as ExcelJS.Worksheet & { orderNo: number }).orderNo = wb.worksheets.length + 1;
  return wb;
}
