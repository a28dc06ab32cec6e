/**
 * Workbooks built programmatically to produce every WORKBOOK_* code: hostile ones (formulas, external
 * links, zip bombs, DOCTYPE entities, huge sheets and ranges, cells beyond Excel's grid) and honest
 * mistakes (another set, a deleted sheet, a text in a number cell …). A real template is taken apart
 * with JSZip and changed part by part, so each file is what a tool or a person could really send.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { compile } from '@parindex/engine';
import type { Diagnostic, DiagnosticCode } from '@parindex/rules';
import { bundledSets } from '@parindex/rules/node';
import { evidenceWorkbook, guardWorkbook } from '@parindex/workbook';
import { readWorkbookFile } from '../src/workbook/load.js';

const REF = 'model.commune-par@2026';
let base: Promise<Buffer> | undefined;
/** The Vietnamese template of the commune PAR set, made once. */
export function baseTemplate(): Promise<Buffer> {
  const lib = bundledSets();
  base ??= evidenceWorkbook(compile(lib.get(REF)), 'vi').then((b) => Buffer.from(b));
  return base;
}

/** The template with one part of its archive changed (or added, or removed with null). */
export async function withPart(name: string, change: (xml: string) => string | null): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await baseTemplate());
  const old = zip.file(name) ? await zip.file(name)!.async('string') : '';
  const next = change(old);
  if (next === null) zip.remove(name);
  else zip.file(name, next);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The template with some cells changed through exceljs (sheet name, cell, value). */
export async function withCells(cells: ReadonlyArray<readonly [string, string, ExcelJS.CellValue]>, also?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await baseTemplate()) as unknown as ArrayBuffer);
  for (const [sheet, cell, value] of cells) wb.getWorksheet(sheet)!.getCell(cell).value = value;
  also?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const templates = new Map<string, Promise<Buffer>>();
/** The template of the commune PAR set in a language, made once. */
export function templateIn(lang: 'vi' | 'en'): Promise<Buffer> {
  if (lang === 'vi') return baseTemplate();
  if (!templates.has(lang))
    templates.set(
      lang,
      evidenceWorkbook(compile(bundledSets().get(REF)), lang).then((b) => Buffer.from(b)),
    );
  return templates.get(lang)!;
}

/** The template in a language with cells typed: a figure's value cell by its id (column C), other cells by sheet name and address. */
export async function typedWorkbook(lang: 'vi' | 'en', figures: Readonly<Record<string, ExcelJS.CellValue>>, cells: ReadonlyArray<readonly [string, string, ExcelJS.CellValue]> = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await templateIn(lang)) as unknown as ArrayBuffer);
  wb.worksheets[1]!.eachRow((row) => {
    const key = row.getCell(3).value;
    if (typeof key === 'string' && Object.hasOwn(figures, key)) row.getCell(4).value = figures[key]!;
  });
  for (const [sheet, cell, value] of cells) wb.getWorksheet(sheet)!.getCell(cell).value = value;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let n = 0;
/** Import these bytes as a file (with the evidence checks), as `parindex import` does. */
export async function importAs(bytes: Buffer, dir: string, name = `case-${n++}.xlsx`): Promise<Diagnostic[]> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return (await readWorkbookFile(file, undefined, true)).diagnostics;
}

/** The figures sheet's part. */
export const FIGURES_PART = 'xl/worksheets/sheet2.xml';

type Case = { run(): Promise<Diagnostic[]>; path: string };

/** One case per WORKBOOK_* code, each run in `dir`. */
export function workbookCases(dir: string): Record<Extract<DiagnosticCode, `WORKBOOK_${string}`>, Case> {
  const c = (make: () => Promise<Buffer>): Case => ({ run: async () => importAs(await make(), dir), path: '' });
  return {
    WORKBOOK_UNREADABLE: c(async () => Buffer.from('PK\u0003\u0004 not really a zip archive')),
    WORKBOOK_LIMIT: { run: async () => guardWorkbook(await baseTemplate(), { inflatedBytes: 10_000 }), path: '' },
    WORKBOOK_XML_DOCTYPE: c(() =>
      withPart('xl/sharedStrings.xml', (xml) =>
        xml.replace('?>', '?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'),
      ),
    ),
    WORKBOOK_EXTERNAL_LINK: c(() => withPart('xl/externalLinks/externalLink1.xml', () => '<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')),
    WORKBOOK_NOT_BOUND: c(() => withCells([], (wb) => wb.removeWorksheet(wb.getWorksheet('parindex')!.id))),
    WORKBOOK_LAYOUT_VERSION: c(() => withCells([['parindex', 'B1', '2']])),
    WORKBOOK_KIND: {
      run: async () => {
        const { appraisalCase } = await import('./workbook-appraisal-case.js');
        return appraisalCase(dir);
      },
      path: '',
    },
    WORKBOOK_SET_MISMATCH: c(() => withCells([['parindex', 'B4', 'f'.repeat(64)]])),
    WORKBOOK_SHEET_MISSING: c(() => withCells([], (wb) => wb.removeWorksheet(wb.getWorksheet('Giải trình')!.id))),
    WORKBOOK_FORMULA: c(() => withCells([['Số liệu', 'D3', { formula: 'SUM(D4:D5)', result: 1300 } as ExcelJS.CellFormulaValue]])),
    WORKBOOK_CELL_ERROR: c(() => withCells([['Số liệu', 'D3', { error: '#DIV/0!' } as ExcelJS.CellErrorValue]])),
    WORKBOOK_CELL_TYPE: c(() => withCells([['Số liệu', 'D11', 5]])),
    // An English workbook writes 1.5, and 1,500 for fifteen hundred.
    WORKBOOK_DECIMAL_COMMA: c(() => typedWorkbook('en', { investment_allocated: '1,5' })),
    // 0.42 where 42 (or 42%) was meant, most likely.
    WORKBOOK_PERCENT_FRACTION: c(() => typedWorkbook('vi', { non_territorial_rate: 0.42 })),
    WORKBOOK_UNKNOWN_CHOICE: c(() => withCells([['Đơn vị', 'B12', 'Thôn']])),
    WORKBOOK_UNKNOWN_ROW: c(() => withCells([['Số liệu', 'C3', 'dossiers_recieved']])),
    WORKBOOK_DUPLICATE_ROW: c(() => withCells([['Số liệu', 'C4', 'dossiers_received']])),
    WORKBOOK_MISSING_ROW: c(() => withCells([], (wb) => wb.getWorksheet('Số liệu')!.spliceRows(3, 1))),
    WORKBOOK_DOCUMENT_CRITERION: c(() => withCells([['Tài liệu', 'D2', '01/KH-UBND']], (wb) => (wb.getWorksheet('Tài liệu')!.getCell('A2').value = '9.9'))),
    WORKBOOK_DOCUMENT_DATE: c(() =>
      withCells([
        ['Tài liệu', 'D2', '01/KH-UBND'],
        ['Tài liệu', 'E2', '32/13/2026'],
      ]),
    ),
    WORKBOOK_CELL_IGNORED: {
      run: async () => {
        const { appraisalIgnoredCase } = await import('./workbook-appraisal-case.js');
        return appraisalIgnoredCase(dir);
      },
      path: '',
    },
    WORKBOOK_APPRAISAL_REASON: {
      run: async () => {
        const { appraisalReasonCase } = await import('./workbook-appraisal-case.js');
        return appraisalReasonCase(dir);
      },
      path: '',
    },
  };
}
