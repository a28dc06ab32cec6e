/**
 * A workbook filled from an evidence file reads back as that evidence: every example, in both
 * languages, gives exactly the evidence of `expectedImport` (the same figures in the workbook's order)
 * and the same score; a value a cell cannot hold as a number or a date goes through as its text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, score, type CompiledSet } from '@parindex/engine';
import { diagnosticText } from '@parindex/explain';
import { expectedImport } from '../../cli/test/workbook-fill.js';
import ExcelJS from 'exceljs';
import { DOCUMENT_COLUMNS, fillEvidenceWorkbook, readWorkbookBytes } from '../src/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
type Json = Record<string, any>;
const json = (p: string) => JSON.parse(readFileSync(`${ROOT}${p}`, 'utf8')) as Json;
const finder = (c: CompiledSet) => async (ref: string) => (ref === c.ref ? c : []);

const EXAMPLES: Array<[string, string]> = [
  ['examples/vinh-bao/par-2026.json', 'rules/sets/model.commune-par/2026.json'],
  ['examples/dai-son/par-2026.json', 'rules/sets/model.commune-par/2026.json'],
  ['examples/kien-tho/dti-2026.json', 'rules/sets/model.commune-dti/2026.json'],
];

/**
 * What the import of a workbook this package filled gives: `expectedImport`, but for a criterion with one
 * required document, its first document, on that requirement's pre-filled row, names it (`for`).
 */
function expectedFromFill(compiled: CompiledSet, evidence: Json): Json {
  const out = expectedImport(compiled, evidence);
  for (const e of out.entries as Json[]) {
    const leaf = typeof e.criterion === 'string' ? compiled.nodes.get(e.criterion) : undefined;
    if (!leaf || leaf.documents.length !== 1 || !e.documents?.length) continue;
    e.documents[0].for ??= leaf.documents[0]!.id;
  }
  return out;
}

describe('fillEvidenceWorkbook → readWorkbookBytes', () => {
  for (const [file, setFile] of EXAMPLES)
    for (const lang of ['vi', 'en'] as const)
      it(`${file} (${lang})`, async () => {
        const compiled = compile(json(setFile));
        const ev = json(file);
        const bytes = await fillEvidenceWorkbook(compiled, ev, lang);
        const read = await readWorkbookBytes(bytes, finder(compiled), true);
        expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(read.value).toEqual(expectedFromFill(compiled, ev));
        expect(score(compiled, read.value!).totals).toEqual(score(compiled, ev).totals);
        // The same input, the same bytes.
        expect(Buffer.from(await fillEvidenceWorkbook(compiled, ev, lang)).equals(Buffer.from(bytes))).toBe(true);
      });

  it('what a cell cannot hold as a number or a date goes through as its text, to the same checks, at its cell', async () => {
    const compiled = compile(json('rules/sets/model.commune-par/2026.json'));
    const ev = json('examples/vinh-bao/par-2026.json');
    ev.entries.find((e: Json) => e.input === 'dossiers_resolved').value = '1300,5';
    const plan = ev.entries.find((e: Json) => e.criterion === '1.1.3');
    plan.values.plan_tasks_done = '33.0000000000000000001';
    ev.period.to = '2026-02-30';
    const read = await readWorkbookBytes(await fillEvidenceWorkbook(compiled, ev, 'vi'), finder(compiled), true);
    expect(read.value).toBeUndefined();
    const errors = read.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.cell}`);
    // The count typed with a decimal comma, the count that is not whole, the day that does not exist (said
    // once: the schema's refusal of the text the reader passed on, at the same cell, is not repeated).
    expect(errors).toEqual(['EVIDENCE_DATE_NOT_REAL Đơn vị!B16', 'EVIDENCE_VALUE_TYPE Số liệu!D4', 'EVIDENCE_VALUE_TYPE Số liệu!D15']);
    // The period's date is no input: "the date", not 'the date of the input "date"'.
    expect(diagnosticText(read.diagnostics.find((d) => d.cell === 'Đơn vị!B16')!, 'en')).toBe('The date "2026-02-30" is not a real calendar date: check the day and the month.');
  });

  it("a document without `for` of a criterion with one requirement is on that requirement's pre-filled row", async () => {
    const compiled = compile(json('rules/sets/model.commune-par/2026.json'));
    const ev = json('examples/vinh-bao/par-2026.json');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fillEvidenceWorkbook(compiled, ev, 'vi')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tài liệu')!;
    // Row 2 is 1.1.1's plan, pre-filled; Vĩnh Bảo's plan (no `for`) is there, its requirement kept.
    expect([2, 3, 4, 5].map((r) => ws.getCell(r, DOCUMENT_COLUMNS.criterion).value)).toEqual(['1.1.1', '1.1.3', '1.3.1', '1.4.1']);
    expect([ws.getCell(2, DOCUMENT_COLUMNS.requirement).value, ws.getCell(2, DOCUMENT_COLUMNS.number).value]).toEqual(['plan', '3/KH-UBND']);
    // Every document of Vĩnh Bảo is on its criterion's pre-filled row: none below them.
    const prefilled = 1 + compiled.leaves.reduce((n, l) => n + l.documents.length, 0);
    const docs = ev.entries.reduce((n: number, e: Json) => n + (e.documents?.length ?? 0), 0);
    const below = Array.from({ length: ws.rowCount - prefilled }, (_, i) => ws.getCell(prefilled + 1 + i, DOCUMENT_COLUMNS.number).value).filter((v) => v !== null && v !== '');
    const onRows = Array.from({ length: prefilled - 1 }, (_, i) => ws.getCell(2 + i, DOCUMENT_COLUMNS.number).value).filter((v) => v !== null && v !== '');
    expect(onRows.length + below.length).toBe(docs);
    expect(below).toEqual([]);
  });

  it('a set the finder does not have is SET_NOT_FOUND with its ref', async () => {
    const compiled = compile(json('rules/sets/model.commune-par/2026.json'));
    const read = await readWorkbookBytes(await fillEvidenceWorkbook(compiled, json('examples/vinh-bao/par-2026.json'), 'vi'), async () => []);
    expect(read.value).toBeUndefined();
    expect(read.diagnostics.map((d) => [d.code, d.params])).toEqual([['SET_NOT_FOUND', { ref: 'model.commune-par@2026' }]]);
  });
});
