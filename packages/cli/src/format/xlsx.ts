/**
 * Excel (XLSX) rendering of a document with exceljs. Numbers are numbers (the exact decimal of the
 * engine read into the cell, never text), shown with as many decimals as the document shows and a
 * thousands separator; the format codes are written in the file's neutral notation (`#,##0.00`,
 * ECMA-376 §18.8.31), which Excel displays with the reader's own marks: `1.234,56` in a Vietnamese
 * locale. Percentages are fractions with a percent format. Every text is a string cell, never a formula
 * (a unit named `=HYPERLINK(…)` stays text), with controls made visible as in the HTML renderer.
 *
 * Sheets: the document starts on the first sheet; each heading starts a new one, named after it (the
 * rank document's bands, field means). Print setup: A4 landscape, fitted to the page width, the
 * table's header row repeated on every printed page, page numbers in the footer; Times New Roman.
 */
import ExcelJS from 'exceljs';
import { cellLines, LOCALES, type Block, type Doc, type Lang } from '@parindex/explain';
import { cellNumber, type CellNumber } from './cells.js';
import { documentText } from './escape.js';
import { stableZip } from './zip.js';

type Sheet = ExcelJS.Worksheet;
const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

const text = (s: string) => documentText(s).replace(/\t/g, ' ');

/** The number format of a number: its own decimals, thousands grouped (shown with the reader's marks). */
export function numFmtOf(n: CellNumber): string {
  const places = n.places;
  const frac = places > 0 ? `.${'0'.repeat(places)}` : '';
  return n.percent ? `0${frac}%` : `#,##0${frac}`;
}

/** The cell value of a number: a percentage as its fraction (the decimal point moved, not divided in binary). */
export function numberValue(n: CellNumber): number {
  if (!n.percent) return Number(n.dec);
  const neg = n.dec.startsWith('-');
  const [int, frac = ''] = (neg ? n.dec.slice(1) : n.dec).split('.');
  const padded = int!.padStart(3, '0');
  return Number(`${neg ? '-' : ''}${padded.slice(0, -2)}.${padded.slice(-2)}${frac}`);
}

/** Room for a " (2)" after a name, within Excel's 31 characters. */
const SHEET_NAME_ROOM = 28;

/**
 * A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. A long title
 * "Xếp hạng: Bộ tiêu chí …" is named by what comes before its colon ("Xếp hạng"); a long name without
 * one is cut after a whole word, with "…".
 */
function sheetName(wanted: string, used: Set<string>): string {
  const whole = text(wanted);
  const colon = whole.indexOf(': ');
  const head = whole.length > SHEET_NAME_ROOM && colon > 0 ? whole.slice(0, colon) : whole;
  const clean = head
    .replace(/[[\]:*?/\\\n\r]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim();
  const base = (clean.length <= SHEET_NAME_ROOM ? clean : `${cutAtWord(clean, SHEET_NAME_ROOM - 1)}…`) || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27 - String(i).length)} (${i})`;
  used.add(name.toLowerCase());
  return name;
}

/** At most `max` characters of `s`, ending at a word's end when one ends past a third of it. */
function cutAtWord(s: string, max: number): string {
  const cut = s.slice(0, max);
  const space = s.charAt(max) === ' ' ? max : cut.lastIndexOf(' ');
  return (space > max / 3 ? cut.slice(0, space) : cut).trimEnd();
}

interface Cursor {
  sheet: Sheet;
  row: number;
  /** Columns the sheet's texts span (the widest table's). */
  span: number;
  headerRow: number | undefined;
}

/** One line across the sheet's columns (merged), with its font and alignment. */
function line(c: Cursor, value: string, font: Partial<ExcelJS.Font> = {}, align: Partial<ExcelJS.Alignment> = {}, from = 1, to = c.span): void {
  const cell = c.sheet.getCell(c.row, from);
  cell.value = text(value);
  cell.font = { name: FONT, size: 12, ...font };
  cell.alignment = { wrapText: true, vertical: 'top', ...align };
  if (to > from) c.sheet.mergeCells(c.row, from, c.row, to);
  const widthChars = Math.max(
    10,
    (c.sheet.columns.slice(from - 1, to) ?? []).reduce((w, col) => w + (col.width ?? 10), 0),
  );
  const lines = text(value)
    .split('\n')
    .reduce((n, l) => n + Math.max(1, Math.ceil(l.length / widthChars)), 0);
  if (lines > 1) c.sheet.getRow(c.row).height = 16 * lines;
}

/**
 * The lines a text takes in a wrapped cell `width` characters wide (Excel sizes no row to its text when
 * the file is opened, so the renderer does); Times New Roman is narrower than the width's unit font.
 */
function linesIn(s: string, width: number): number {
  const perLine = Math.max(4, Math.floor(width * 1.15) - 1);
  return s.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / perLine)), 0);
}

function tableRows(c: Cursor, b: Extract<Block, { kind: 'table' }>, lang: Lang): void {
  const head = c.sheet.getRow(c.row);
  b.columns.forEach((col, i) => {
    const cell = head.getCell(i + 1);
    cell.value = text(col.label);
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { wrapText: true, horizontal: 'center', vertical: 'middle' };
    cell.border = BOX;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
  });
  head.height = 15 * Math.max(1, ...b.columns.map((col, i) => linesIn(col.label, c.sheet.getColumn(i + 1).width ?? 10)));
  if (c.headerRow === undefined) {
    c.headerRow = c.row;
    // The header stays in view while scrolling; a flat table (a ranking) gets Excel's sort and filter buttons.
    c.sheet.views = [{ state: 'frozen', ySplit: c.row, xSplit: 0 }];
    if (b.indentColumn === undefined) c.sheet.autoFilter = { from: { row: c.row, column: 1 }, to: { row: c.row + b.rows.length, column: b.columns.length } };
  }
  c.row++;
  const widths = b.columns.map((_, i) => c.sheet.getColumn(i + 1).width ?? 10);
  for (const [k, r] of [...b.rows, ...(b.footer ?? [])].entries()) {
    const strong = r.strong === true || k >= b.rows.length;
    const row = c.sheet.getRow(c.row);
    let height = 1;
    b.columns.forEach((col, i) => {
      const cell = row.getCell(i + 1);
      const n = cellNumber(r, i, col, lang);
      const lines = cellLines(r.cells[i]).map(text);
      if (n) {
        cell.value = numberValue(n);
        cell.numFmt = numFmtOf(n);
      } else cell.value = lines.join('\n');
      cell.font = { name: FONT, size: 11, bold: strong };
      cell.border = BOX;
      cell.alignment = { wrapText: true, vertical: 'top', horizontal: col.align === 'right' ? 'right' : 'left', ...(i === b.indentColumn && r.depth ? { indent: r.depth } : {}) };
      height = Math.max(
        height,
        lines.reduce((h, l) => h + linesIn(l, widths[i]!), 0),
      );
    });
    if (height > 1) row.height = 15 * height;
    c.row++;
  }
}

function signatures(c: Cursor, b: Extract<Block, { kind: 'signatures' }>): void {
  const per = Math.max(1, Math.floor(c.span / b.items.length));
  const top = c.row;
  b.items.forEach((s, i) => {
    const from = 1 + i * per;
    const to = i === b.items.length - 1 ? c.span : from + per - 1;
    const at = (row: number, value: string, font: Partial<ExcelJS.Font>) => {
      c.row = row;
      line(c, value, font, { horizontal: 'center', wrapText: false }, from, to);
    };
    at(top, s.role, { bold: true });
    at(top + 1, s.hint, { italic: true });
    at(top + 5, s.name ?? '', { bold: true });
  });
  c.row = top + 6;
}

function block(c: Cursor, b: Block, lang: Lang): void {
  switch (b.kind) {
    case 'title':
      line(c, b.text, { bold: true, size: 14 }, { horizontal: 'center' });
      break;
    case 'heading':
      line(c, b.text, { bold: true, size: 13 });
      break;
    case 'para':
    case 'provenance':
      line(c, b.text, b.kind === 'provenance' ? { size: 9 } : {});
      break;
    case 'dateline':
      line(c, b.text, { italic: true }, { horizontal: 'right' });
      break;
    case 'kv':
      for (const [k, v] of b.rows) {
        line(c, `${k}: ${v}`);
        c.row++;
      }
      return;
    case 'list':
      for (const item of b.items) {
        line(c, `• ${item}`);
        c.row++;
      }
      return;
    case 'subtitle':
      for (const l of b.lines) {
        line(c, l, {}, { horizontal: 'center' });
        c.row++;
      }
      return;
    case 'letterhead': {
      const half = Math.max(1, Math.floor(c.span / 2));
      const top = c.row;
      const height = Math.max(b.left.length, b.right.length);
      for (let k = 0; k < height; k++) {
        c.row = top + k;
        line(c, b.left[k] ?? '', { bold: true }, { horizontal: 'center', wrapText: false }, 1, half);
        line(c, b.right[k] ?? '', { bold: true, underline: k === b.right.length - 1 }, { horizontal: 'center', wrapText: false }, half + 1, c.span);
      }
      c.row = top + height + 1;
      return;
    }
    case 'table':
      tableRows(c, b, lang);
      break;
    case 'signatures':
      signatures(c, b);
      break;
  }
  c.row++;
}

/** The blocks of each sheet: a heading starts a new one, named after it; the first is named after the title. */
function sheetsOf(doc: Doc): Array<{ name: string; blocks: Block[] }> {
  const sheets: Array<{ name: string; blocks: Block[] }> = [];
  for (const b of doc) {
    if (b.kind === 'heading' || sheets.length === 0) sheets.push({ name: '', blocks: [] });
    sheets[sheets.length - 1]!.blocks.push(b);
  }
  for (const s of sheets) {
    const named = s.blocks.find((b) => b.kind === 'heading' || b.kind === 'title');
    s.name = named && (named.kind === 'heading' || named.kind === 'title') ? named.text : 'parindex';
  }
  return sheets;
}

function setUpSheet(sheet: Sheet, blocks: Block[], lang: Lang): number {
  const tables = blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
  const widest = tables.reduce<Extract<Block, { kind: 'table' }> | undefined>((w, t) => (!w || t.columns.length > w.columns.length ? t : w), undefined);
  const columns = widest?.columns ?? [];
  // In characters of the default font; the official table's columns come to about 150, what an A4
  // landscape page holds at the print scale without shrinking the text much.
  sheet.columns = (columns.length ? columns : [{ label: '', width: 100 }]).map((col, i) => ({ width: col.width ? Math.round(col.width * 0.85) : col.align === 'right' ? 11 : i === 0 ? 8 : 14 }));
  const p = LOCALES[lang].official.page;
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.6, right: 0.6, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 } };
  sheet.headerFooter = { oddFooter: `&C&"${FONT}"&10${p.before}&P${p.between}&N` };
  return Math.max(1, columns.length);
}

export async function renderXlsx(doc: Doc, lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'parindex';
  const used = new Set<string>();
  for (const s of sheetsOf(doc)) {
    const sheet = wb.addWorksheet(sheetName(s.name, used));
    const c: Cursor = { sheet, row: 1, span: setUpSheet(sheet, s.blocks, lang), headerRow: undefined };
    for (const b of s.blocks) block(c, b, lang);
    // The header row of the sheet's first table is printed again at the top of every page.
    if (c.headerRow !== undefined) sheet.pageSetup.printTitlesRow = `${c.headerRow}:${c.headerRow}`;
  }
  return stableZip(new Uint8Array(await wb.xlsx.writeBuffer()));
}
