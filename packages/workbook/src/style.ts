/** The look of the workbooks (fills, fonts, widths) and the one deterministic way they are written to bytes. */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { BINDING_MARK, BINDING_SHEET, LAYOUT_VERSION } from './layout.js';

/** Cells the officer fills: light yellow. */
export const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
/** Headings of fields and blocks: light blue. */
export const HEADING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
/** The column headings: grey. */
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Official documents use Times New Roman. */
export const FONT: Partial<ExcelJS.Font> = { name: 'Times New Roman', size: 12 };
/** The date format of date cells: dd/mm/yyyy, as Vietnamese documents write dates. */
export const DATE_FORMAT = 'dd/mm/yyyy';
/** Text cells (numbers of documents such as "1/KH-UBND" must not become dates). */
export const TEXT_FORMAT = '@';

/** A header row: bold on grey, wrapped, frozen under it. */
export function headerRow(ws: ExcelJS.Worksheet, labels: readonly string[], widths: readonly number[]): void {
  const row = ws.addRow([...labels]);
  row.eachCell((c) => {
    c.font = { ...FONT, bold: true };
    c.fill = HEADER_FILL;
    c.border = BORDER;
    c.alignment = { wrapText: true, vertical: 'middle' };
  });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.views = [{ state: 'frozen', ySplit: row.number }];
}

/** Excel's check of a text cell: at most `max` characters (the evidence format's limit for that text). */
export function textValidation(max: number): ExcelJS.DataValidation {
  return { type: 'textLength', operator: 'lessThanOrEqual', allowBlank: true, formulae: [max], showErrorMessage: true };
}

/** A cell the officer fills. */
export function inputCell(c: ExcelJS.Cell, numFmt?: string): void {
  c.fill = INPUT_FILL;
  c.border = BORDER;
  c.font = FONT;
  if (numFmt) c.numFmt = numFmt;
}

/** Text cells of a row: the font, borders and wrapping. */
export function plainRow(row: ExcelJS.Row, bold = false, fill?: ExcelJS.Fill): void {
  row.eachCell({ includeEmpty: false }, (c) => {
    c.font = { ...FONT, bold };
    c.border = BORDER;
    c.alignment = { wrapText: true, vertical: 'top' };
    if (fill) c.fill = fill;
  });
}

/** The binding sheet's rows: key in A, value in B (its lists go in columns D onward). */
export function bindingSheet(wb: ExcelJS.Workbook, rows: ReadonlyArray<readonly [string, string]>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(BINDING_SHEET, { state: 'veryHidden' });
  ws.addRow([BINDING_MARK, String(LAYOUT_VERSION)]);
  for (const [k, v] of rows) ws.addRow([k, v]);
  return ws;
}

/** A list for drop-downs on the binding sheet (column `column`, from row 1): the range a validation refers to. */
export function listRange(ws: ExcelJS.Worksheet, column: number, items: readonly string[]): string {
  items.forEach((item, i) => {
    ws.getCell(i + 1, column).value = item;
  });
  const letter = ws.getColumn(column).letter;
  return `${BINDING_SHEET}!$${letter}$1:$${letter}$${Math.max(items.length, 1)}`;
}

/** Every zip entry is dated so: the same input gives the same bytes (no clock). */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/**
 * The workbook as bytes, the same bytes for the same input: exceljs stamps the document properties and
 * every zip entry with the current time, so the properties get a fixed date and the archive is written
 * again by JSZip with a fixed date on every entry (in exceljs's order).
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.creator = 'parindex';
  wb.lastModifiedBy = 'parindex';
  const raw = new Uint8Array(await wb.xlsx.writeBuffer());
  const zip = await JSZip.loadAsync(raw);
  const out = new JSZip();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    out.file(entry.name, await entry.async('uint8array'), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
