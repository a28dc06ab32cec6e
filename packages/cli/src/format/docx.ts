/**
 * Word (DOCX) rendering of a document with the `docx` library: A4 landscape, Times New Roman 12 pt as
 * official documents use, page numbers in the footer ("Trang 2/5"), every table's header row repeated
 * on each page (w:tblHeader) and its totals as its last rows, so they print once. The letterhead and
 * the signatures are tables without borders. Every text is data: controls are made visible as in the
 * HTML renderer (XML cannot hold most of them), a cell's own lines are separate paragraphs.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import { cellLines, LOCALES, type Block, type Column, type Doc, type Lang, type Row } from '@parindex/explain';
import { documentText } from './escape.js';
import { stableZip } from './zip.js';

/** A4 in twentieths of a point, and the margins (20 mm sides, 15 mm top and bottom). */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 850, bottom: 850, left: 1134, right: 1134 };
/** The width of the text on a landscape page. */
const TEXT_WIDTH = A4.height - MARGIN.left - MARGIN.right;
const FONT = 'Times New Roman';

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/** Runs of one text: controls visible, TAB as a space, its line breaks as breaks. */
function runs(s: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun[] {
  return documentText(s)
    .replace(/\t/g, ' ')
    .split('\n')
    .map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...o }));
}

function para(s: string, o: { bold?: boolean; italics?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number } = {}): Paragraph {
  const { align, after, ...run } = o;
  return new Paragraph({ children: runs(s, run), ...(align ? { alignment: align } : {}), spacing: { after: after ?? 60 } });
}

/** Relative widths of the columns: the wrapped ones by their terminal width, numbers narrow. */
function columnWidths(columns: readonly Column[], indentColumn: number | undefined): number[] {
  const weights = columns.map((c, i) => (c.width ? (i === indentColumn ? c.width : c.width * 0.8) : c.align === 'right' ? 10 : i === 0 ? 8 : 12));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((TEXT_WIDTH * w) / sum));
}

function tableOf(b: Extract<Block, { kind: 'table' }>): Table {
  const widths = columnWidths(b.columns, b.indentColumn);
  const cell = (r: Row, i: number, col: Column) => {
    const indent = i === b.indentColumn && r.depth ? r.depth * 200 : 0;
    const lines = cellLines(r.cells[i]);
    return new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      children: lines.map(
        (l) => new Paragraph({ children: runs(l, { bold: r.strong === true, size: 22 }), alignment: col.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT, indent: { left: indent } }),
      ),
    });
  };
  const header = new TableRow({
    tableHeader: true,
    children: b.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: { fill: 'EEEEEE' },
          children: [new Paragraph({ children: runs(c.label, { bold: true, size: 22 }), alignment: AlignmentType.CENTER })],
        }),
    ),
  });
  const body = [...b.rows, ...(b.footer ?? []).map((r) => ({ ...r, strong: true }))].map((r) => new TableRow({ cantSplit: true, children: b.columns.map((c, i) => cell(r, i, c)) }));
  return new Table({ rows: [header, ...body], width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths });
}

/** Cells side by side without borders: the letterhead and the signatures. */
function plainTable(columns: Paragraph[][]): Table {
  const w = Math.floor(TEXT_WIDTH / Math.max(1, columns.length));
  return new Table({
    borders: NO_BORDERS,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map(() => w),
    rows: [new TableRow({ cantSplit: true, children: columns.map((children) => new TableCell({ width: { size: w, type: WidthType.DXA }, borders: NO_BORDERS, children })) })],
  });
}

function blockOf(b: Block): Array<Paragraph | Table> {
  const center = AlignmentType.CENTER;
  switch (b.kind) {
    case 'title':
      return [para(b.text, { bold: true, size: 28, align: center, after: 60 })];
    case 'heading':
      return [para(b.text, { bold: true, size: 26, after: 120 })];
    case 'para':
      return [para(b.text)];
    case 'kv':
      return b.rows.map(([k, v]) => new Paragraph({ children: [...runs(`${k}: `, { bold: true }), ...runs(v)], spacing: { after: 40 } }));
    case 'list':
      return b.items.map((i) => new Paragraph({ children: runs(`• ${i}`), indent: { left: 360 }, spacing: { after: 40 } }));
    case 'table':
      return [tableOf(b), para('')];
    case 'letterhead': {
      const side = (lines: string[], underlineLast: boolean) =>
        lines.map(
          (l, i) =>
            new Paragraph({
              alignment: center,
              children: runs(l, { bold: true, size: 24 }).map((r) => (underlineLast && i === lines.length - 1 ? new TextRun({ text: documentText(l), bold: true, size: 24, underline: {} }) : r)),
            }),
        );
      return [plainTable([side(b.left, false), side(b.right, true)])];
    }
    case 'dateline':
      return [para(b.text, { italics: true, align: AlignmentType.RIGHT, after: 200 })];
    case 'subtitle':
      return b.lines.map((l, i) => para(l, { align: center, after: i === b.lines.length - 1 ? 200 : 20 }));
    case 'signatures':
      return [
        plainTable(
          b.items.map((s) => [para(s.role, { bold: true, align: center, after: 0 }), para(s.hint, { italics: true, align: center, after: 1200 }), para(s.name ?? '', { bold: true, align: center })]),
        ),
      ];
    case 'provenance':
      return [para(b.text, { size: 16, after: 0 })];
  }
}

/** The footer: "Trang 2/5" with Word's page fields. */
function footer(lang: Lang): Footer {
  const p = LOCALES[lang].official.page;
  const children: ParagraphChild[] = [new TextRun({ children: [p.before, PageNumber.CURRENT, p.between, PageNumber.TOTAL_PAGES], size: 20 })];
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children })] });
}

export async function renderDocx(doc: Doc, lang: Lang): Promise<Buffer> {
  const title = doc.find((b) => b.kind === 'title');
  const d = new Document({
    // Fixed metadata: the same input gives the same document (no clock, no user name).
    creator: 'parindex',
    title: title?.kind === 'title' ? documentText(title.text) : 'parindex',
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN } },
        footers: { default: footer(lang) },
        children: doc.flatMap(blockOf),
      },
    ],
  });
  return stableZip(await Packer.toBuffer(d));
}
