/**
 * The unit's claim in the appraisers' workbook: the self-score column shows the points the evidence
 * supports, so the unit's own claimedPoints stand in a column after the ones the reader reads ("Đơn vị
 * tự chấm" / "Unit's claim"), and a note on the self-score says both numbers where they differ. The
 * reader takes nothing from either: a change in the claim column is the warning WORKBOOK_CELL_IGNORED,
 * as in the unit's other columns, and a workbook made before the column reads as it did.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compile, type CompiledSet } from '@parindex/engine';
import { diagnosticText } from '@parindex/explain';
import { A, appraisalWorkbook, readWorkbookBytes } from '../src/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
type Json = Record<string, any>;
const json = (p: string) => JSON.parse(readFileSync(`${ROOT}${p}`, 'utf8')) as Json;
const compiled = compile(json('rules/sets/model.commune-par/2026.json'));
const finder = (c: CompiledSet) => async (ref: string) => (ref === c.ref ? c : []);
const evidence = () => json('examples/vinh-bao/par-2026.json');
const SHEET = { vi: 'Thẩm định', en: 'Appraisal' } as const;

async function sheetOf(bytes: Uint8Array, lang: 'vi' | 'en'): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { wb, ws: wb.getWorksheet(SHEET[lang])! };
}

/** The criterion rows with a claim or a note: code, self-score, claim, the self-score's note. */
function claimRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row, i) => {
    if (i === 1) return;
    const note = row.getCell(A.self).note;
    const claim = row.getCell(A.claim).value;
    if (note !== undefined || claim !== null) out.push([row.getCell(A.code).value, row.getCell(A.self).value, claim, note]);
  });
  return out;
}

/** Every note of every cell of the workbook. */
function notes(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell({ includeEmpty: true }, (c) => void (c.note !== undefined && out.push(`${ws.name}!${c.address}`))));
  return out;
}

/** The row of a criterion (not of one of its figures). */
function criterionRow(ws: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => void (row.getCell(A.code).value === code && !row.getCell(A.input).value && (found ??= row)));
  return found!;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("the unit's claim in the appraisers' workbook", () => {
  it.each([
    ['vi', 'Đơn vị tự chấm', 'Đơn vị tự chấm 2; minh chứng đủ cho 1', 'Đơn vị tự chấm 0,75; minh chứng đủ cho 1'],
    ['en', "Unit's claim", 'The unit claimed 2; the evidence supports 1', 'The unit claimed 0.75; the evidence supports 1'],
  ] as const)('%s: the claim after the columns read, a note with both numbers where it differs, the same bytes run to run', async (lang, heading, note, decimalNote) => {
    const bytes = await appraisalWorkbook(compiled, evidence(), lang);
    expect(Buffer.from(await appraisalWorkbook(compiled, evidence(), lang)).equals(Buffer.from(bytes))).toBe(true);
    const { ws } = await sheetOf(bytes, lang);
    expect([A.claim, ws.getRow(1).cellCount, ws.getCell(1, A.claim).value]).toEqual([20, 20, heading]);
    // 1.1.1 and 2.1 claim what their evidence supports; 3.2 claims 2 for 1170 of 1300 dossiers on time.
    expect(claimRows(ws)).toEqual([
      ['1.1.1', 1, 1, undefined],
      ['2.1', 2, 2, undefined],
      ['3.2', 1, 2, note],
    ]);
    // Numbers in the note as the sheet's language writes them.
    const ev = evidence();
    ev.entries.find((e: Json) => e.criterion === '3.2').claimedPoints = 0.75;
    const { ws: decimal } = await sheetOf(await appraisalWorkbook(compiled, ev, lang), lang);
    expect(claimRows(decimal)[2]).toEqual(['3.2', 1, 0.75, decimalNote]);
  });

  it('an evidence without claims: no note anywhere, no comments part, the claim column headed and empty', async () => {
    const ev = evidence();
    for (const e of ev.entries) delete e.claimedPoints;
    const bytes = await appraisalWorkbook(compiled, ev, 'vi');
    const { wb, ws } = await sheetOf(bytes, 'vi');
    expect([notes(wb), claimRows(ws), ws.getCell(1, A.claim).value]).toEqual([[], [], 'Đơn vị tự chấm']);
    // Zip entry names are stored as they are: the archive has no comments (nor their drawing) at all.
    expect([Buffer.from(bytes).includes('xl/comments'), Buffer.from(await appraisalWorkbook(compiled, evidence(), 'vi')).includes('xl/comments')]).toEqual([false, true]);
    expect(notes((await sheetOf(await appraisalWorkbook(compiled, evidence(), 'vi'), 'vi')).wb)).toEqual(['Thẩm định!E71']);
  });

  it.each([
    ['vi', ['Điểm tự chấm của tiêu chí 3.2 đã bị sửa ("2" → "3") và không được đọc: cột này là của đơn vị; điểm thẩm định ghi ở cột điểm của vòng, kèm lý do.']],
    ['en', ['The self-score of criterion 3.2 was changed ("2" → "3") and is not read: that column is the unit\'s; the appraisers\' points go in a round\'s points column, with a reason.']],
  ] as const)('%s: the claim column is not read: as made, nothing said; changed, a warning at its cell, the appraisal the same', async (lang, texts) => {
    const made = await appraisalWorkbook(compiled, evidence(), lang);
    const asMade = await readWorkbookBytes(made, finder(compiled), true);
    expect(asMade.diagnostics).toEqual([]);
    const { wb, ws } = await sheetOf(made, lang);
    const claimed = criterionRow(ws, '3.2');
    const unclaimed = criterionRow(ws, '1.1.2');
    claimed.getCell(A.claim).value = 3;
    unclaimed.getCell(A.claim).value = 'tự chấm 1';
    const typed = await readWorkbookBytes(await bytesOf(wb), finder(compiled), true);
    expect(typed.value).toEqual(asMade.value);
    const col = ws.getColumn(A.claim).letter;
    expect(typed.diagnostics.map((d) => [d.code, d.severity, d.cell, d.params])).toEqual([
      ['WORKBOOK_CELL_IGNORED', 'warning', `${SHEET[lang]}!${col}${unclaimed.number}`, expect.objectContaining({ criterion: '1.1.2', what: 'unitScore', was: '', now: 'tự chấm 1' })],
      ['WORKBOOK_CELL_IGNORED', 'warning', `${SHEET[lang]}!${col}${claimed.number}`, expect.objectContaining({ criterion: '3.2', what: 'unitScore', was: '2', now: '3' })],
    ]);
    expect(diagnosticText(typed.diagnostics[1]!, lang)).toBe(texts[0]);
  });

  it('a workbook made before the claim column reads as it did: what is typed after the columns read is not said', async () => {
    const { wb, ws } = await sheetOf(await appraisalWorkbook(compiled, evidence(), 'vi'), 'vi');
    // As the writer made it before: no claim column, no note.
    ws.eachRow((row) => {
      row.getCell(A.claim).value = null;
      row.getCell(A.self).note = undefined as unknown as string;
    });
    const before = await readWorkbookBytes(await bytesOf(wb), finder(compiled), true);
    expect(before.diagnostics).toEqual([]);
    criterionRow(ws, '3.2').getCell(A.claim).value = 3;
    const typed = await readWorkbookBytes(await bytesOf(wb), finder(compiled), true);
    expect([typed.diagnostics, typed.value]).toEqual([[], before.value]);
  });
});
