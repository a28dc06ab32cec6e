/**
 * The appraisers' workbook (`template --appraisal evidence.json --format xlsx`); its import into an
 * appraisal file bound to the evidence's SHA-256 is ./appraisal-read.ts.
 *
 * One sheet, one row per criterion and per figure: the unit's self-score and figures, then for round 1
 * the corrected figure (on a figure's row) or the adjusted points (on a criterion's row), the reason,
 * who and when; the unit's answer (giải trình) on the criterion's row; round 2 as round 1. A round's
 * item for a criterion gathers its rows: the corrected figures, the points, their reasons. After the
 * columns the reader reads, the unit's own claim (claimedPoints) on the criterion's row, only written;
 * where it differs from the points the evidence supports, the self-score cell has a note saying both.
 */
import ExcelJS from 'exceljs';
import { createExplainer, LOCALES, nodeIndex, type Explainer } from '@parindex/explain';
import { ENGINE_VERSION, hashJson, score, type Claim, type CompiledSet, type NodeResult } from '@parindex/engine';
import type { Lang } from '@parindex/explain';
import { valueRows, type ValueRow } from './layout.js';
import { bindingSheet, DATE_FORMAT, FONT, HEADING_FILL, headerRow, inputCell, plainRow, TEXT_FORMAT, textValidation, workbookBytes } from './style.js';
import { headingTitle, makeLists, validationFor } from './write.js';

/**
 * Columns of the appraisal sheet (1-based). The reader reads code to r2Date; `claim` (the unit's claimed
 * points) comes after them and is only written: a workbook made before it has none, and reads the same.
 */
export const A = {
  code: 1,
  title: 2,
  input: 3,
  max: 4,
  self: 5,
  selfValue: 6,
  r1Value: 7,
  r1Points: 8,
  r1Reason: 9,
  r1By: 10,
  r1Date: 11,
  answer: 12,
  answerBy: 13,
  answerDate: 14,
  r2Value: 15,
  r2Points: 16,
  r2Reason: 17,
  r2By: 18,
  r2Date: 19,
  claim: 20,
} as const;
export const ROUNDS = [
  { id: 'round1', value: A.r1Value, points: A.r1Points, reason: A.r1Reason, by: A.r1By, date: A.r1Date },
  { id: 'round2', value: A.r2Value, points: A.r2Points, reason: A.r2Reason, by: A.r2By, date: A.r2Date },
] as const;

/** A reason or a name to fill (at most `max` characters, as the appraisal format takes). */
function textCell(c: ExcelJS.Cell, max: number): void {
  inputCell(c, TEXT_FORMAT);
  c.dataValidation = textValidation(max);
}

/** A date to fill. */
function dateCell(c: ExcelJS.Cell): void {
  inputCell(c, DATE_FORMAT);
  c.dataValidation = { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(1900, 0, 1))], showErrorMessage: true };
}

/** What the unit's columns of a row show: its self-score (a criterion's row) or its figure (a figure's row), as written. */
export function unitCellValue(
  r: Extract<ValueRow, { kind: 'criterion' | 'input' }>,
  self: ReadonlyMap<string, NodeResult>,
  given: ReadonlyMap<string, unknown>,
  ex: Explainer,
): number | string | null {
  if (r.kind === 'criterion') {
    const points = self.get(r.node.code)?.points;
    return points === undefined ? null : Number(points);
  }
  const v = given.get(r.def.id);
  return v === undefined ? '' : ex.value(r.option === null ? v : (v as Record<string, unknown>)[r.option], r.def.id);
}

/** The unit's claim of a criterion's row (its evidence's claimedPoints) and the points its evidence supports; undefined when it claims none. */
export function unitClaim(r: Extract<ValueRow, { kind: 'criterion' }>, self: ReadonlyMap<string, NodeResult>): Claim | undefined {
  return self.get(r.node.code)?.trace?.claim;
}

/** The unit's value of an input as given in its evidence (any entry), or undefined. */
export function givenValues(evidence: Record<string, unknown>): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const e of (evidence.entries ?? []) as Array<Record<string, unknown>>) {
    if (typeof e.input === 'string' && !m.has(e.input)) m.set(e.input, e.value);
    for (const [k, v] of Object.entries((e.values ?? {}) as Record<string, unknown>)) if (!m.has(k)) m.set(k, v);
  }
  return m;
}

/**
 * A criterion's row: the unit's self-score (as its evidence supports it) and, when it claims points, its
 * claim in the claim column, with a note on the self-score saying both numbers when they differ; then
 * the rounds' cells to fill.
 */
function criterionRow(ws: ExcelJS.Worksheet, r: Extract<ValueRow, { kind: 'criterion' }>, self: ReadonlyMap<string, NodeResult>, given: Map<string, unknown>, ex: Explainer, lang: Lang): void {
  const n = r.node;
  const row = ws.addRow([n.code, ex.pick(n.node.title, n.node.titleEn), '', Number(n.maxText), unitCellValue(r, self, given, ex)]);
  const claim = unitClaim(r, self);
  if (claim) row.getCell(A.claim).value = Number(claim.claimed);
  plainRow(row, true);
  if (claim && !claim.matches) row.getCell(A.self).note = LOCALES[lang].workbook.claimNote(ex.say.n(claim.claimed), ex.say.n(claim.computed));
  for (const col of [A.r1Points, A.r2Points]) {
    inputCell(row.getCell(col));
    row.getCell(col).dataValidation = { type: 'decimal', operator: 'between', allowBlank: true, formulae: [Math.min(0, Number(n.floor.toString())), Number(n.maxText)], showErrorMessage: true };
  }
  for (const col of [A.r1Reason, A.answer, A.r2Reason]) textCell(row.getCell(col), 10_000);
  for (const col of [A.r1By, A.answerBy, A.r2By]) textCell(row.getCell(col), 200);
  for (const col of [A.r1Date, A.answerDate, A.r2Date]) dateCell(row.getCell(col));
}

function appraisalRow(
  ws: ExcelJS.Worksheet,
  compiled: CompiledSet,
  r: ValueRow,
  self: ReadonlyMap<string, NodeResult>,
  given: Map<string, unknown>,
  lists: ReturnType<typeof makeLists>,
  ex: Explainer,
  lang: Lang,
): void {
  if (r.kind === 'heading') {
    plainRow(ws.addRow([r.code ?? '', headingTitle(compiled, r, ex, lang)]), true, HEADING_FILL);
    return;
  }
  if (r.kind === 'criterion') {
    criterionRow(ws, r, self, given, ex, lang);
    return;
  }
  const shown = unitCellValue(r, self, given, ex);
  const label = ex.pick(r.def.label, r.def.labelEn);
  const option = r.option === null ? undefined : r.def.options?.find((o) => o.id === r.option);
  const row = ws.addRow([r.criterion ?? '', option ? LOCALES[lang].workbook.tallyRow(label, ex.pick(option.label, option.labelEn)) : label, r.key, null, null, shown]);
  plainRow(row);
  for (const round of ROUNDS) {
    const c = row.getCell(round.value);
    inputCell(c, r.def.type === 'date' ? DATE_FORMAT : r.def.type === 'boolean' || r.def.type === 'level' ? TEXT_FORMAT : undefined);
    c.dataValidation = validationFor(r.def, lists, ex, lang);
    textCell(row.getCell(round.reason), 10_000);
    textCell(row.getCell(round.by), 200);
    dateCell(row.getCell(round.date));
  }
}

/** The unit's answer counts of every survey, for the binding sheet: a correction of one option keeps the others. */
function tallies(compiled: CompiledSet, evidence: Record<string, unknown>): Array<[string, string]> {
  const given = givenValues(evidence);
  const out: Array<[string, string]> = [];
  for (const input of compiled.inputs.values()) if (input.def.type === 'tally' && given.get(input.def.id) !== undefined) out.push([`value:${input.def.id}`, JSON.stringify(given.get(input.def.id))]);
  return out;
}

/** Excel holds at most 32,767 characters in a cell: the evidence is kept in pieces below that. */
const CHUNK = 30_000;

/**
 * The evidence itself, for the binding sheet: `import` checks the rounds against it (a corrected figure
 * above the one it may not exceed, points above the maximum) as `validate` does with the evidence file;
 * it is used only when it still hashes to evidenceSha256.
 */
function evidenceChunks(evidence: Record<string, unknown>): Array<[string, string]> {
  const text = JSON.stringify(evidence);
  const out: Array<[string, string]> = [];
  for (let i = 0; i * CHUNK < text.length; i++) out.push([`evidence:${i}`, text.slice(i * CHUNK, (i + 1) * CHUNK)]);
  return out;
}

/** The appraisers' workbook for one evidence file, as bytes. */
export async function appraisalWorkbook(compiled: CompiledSet, evidence: Record<string, unknown>, lang: Lang): Promise<Uint8Array> {
  const ex = createExplainer(compiled, lang);
  const w = LOCALES[lang].workbook;
  const self = score(compiled, evidence);
  const unit = (evidence.unit ?? {}) as { code?: string; name?: string };
  const wb = new ExcelJS.Workbook();
  const sha = hashJson(evidence);
  const bind = bindingSheet(wb, [
    ['kind', 'appraisal'],
    ['set', compiled.ref],
    ['setSha256', compiled.sha256],
    ['lang', lang],
    ['engine', ENGINE_VERSION],
    ['evidenceSha256', sha],
    ['unit', String(unit.code ?? '')],
    ...tallies(compiled, evidence),
    ...evidenceChunks(evidence),
  ]);
  const lists = makeLists(bind, compiled, ex, lang);
  const info = wb.addWorksheet(w.sheets.unit);
  info.getColumn(1).width = 38;
  info.getColumn(2).width = 70;
  info.addRow([w.appraisalTitle(ex.pick(compiled.set.title, compiled.set.titleEn))]).getCell(1).font = { ...FONT, bold: true, size: 14 };
  for (const line of w.appraisalHowTo) info.addRow([line]).getCell(1).font = { ...FONT, italic: true };
  info.addRow([]);
  for (const [k, v] of [
    [w.unitRows.criteriaSet, compiled.ref],
    [w.unitRows.code, unit.code ?? ''],
    [w.unitRows.name, unit.name ?? ''],
    [w.unitRows.evidenceHash, sha],
  ] as const)
    plainRow(info.addRow([k, v]), true);
  const ws = wb.addWorksheet(w.sheets.appraisal);
  // The headings in the columns' order (A's keys are in it).
  headerRow(
    ws,
    (Object.keys(A) as Array<keyof typeof A>).map((k) => w.appraisalColumns[k]),
    [9, 50, 20, 10, 10, 16, 16, 12, 40, 18, 12, 40, 18, 12, 16, 12, 40, 18, 12, 14],
  );
  const given = givenValues(evidence);
  const nodes = nodeIndex(self);
  for (const r of valueRows(compiled)) appraisalRow(ws, compiled, r, nodes, given, lists, ex, lang);
  (bind as ExcelJS.Worksheet & { orderNo: number }).orderNo = wb.worksheets.length + 1;
  return workbookBytes(wb);
}
