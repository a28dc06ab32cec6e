/**
 * The official documents opened again by the libraries and checked against the engine's results: the
 * DOCX unzipped (jszip) and its word/document.xml read table row by table row and paragraph by
 * paragraph; the XLSX loaded with exceljs and read cell by cell (numbers as numbers with their format).
 * Every round of the appraisal file is a column, scored by the engine here on its own; the totals are
 * written once; the provenance carries the hashes of the result. The CLI runs in this process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, score, type NodeResult, type ScoreResult } from '@parindex/engine';
import { bundledSets } from '@parindex/rules/node';
import { ctxOf } from '../src/commands/common.js';
import { UsageError } from '../src/io.js';
import { cliInProcess, ROOT, tempDir, VB, VB_APPRAISAL, writeTemp } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;
const read = (f: string) => JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as J;

let dir: string;
let self: ScoreResult;
let r1: ScoreResult;
let r2: ScoreResult;
beforeAll(() => {
  dir = tempDir();
  const compiled = compile(bundledSets().get('model.commune-par@2026')!);
  const evidence = read(VB);
  const appraisal = read(VB_APPRAISAL);
  self = score(compiled, evidence);
  r1 = score(compiled, evidence, { appraisal, round: 'round1' });
  r2 = score(compiled, evidence, { appraisal, round: 'round2' });
});

/** Every node of a result by code, in tree order. */
function nodes(r: ScoreResult): Map<string, NodeResult> {
  const m = new Map<string, NodeResult>();
  const walk = (n: NodeResult) => {
    m.set(n.code, n);
    n.children?.forEach(walk);
  };
  r.fields.forEach(walk);
  r.penalty?.items.forEach(walk);
  r.bonus?.items.forEach(walk);
  return m;
}

/** A number as the Vietnamese document writes it (no grouping below 1.000 here): "0,75". */
const vi = (d: string) => d.replace('.', ',');

async function docxParts(file: string): Promise<{ paragraphs: string[]; rows: string[][]; xml: string; files: JSZip }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const textOf = (x: string) => [...x.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => textOf(tc[0])));
  return { paragraphs, rows, xml, files: zip };
}

describe('score --format docx', () => {
  it('the official table with the appraisal: header, date, a column per round, totals once, signatures, provenance', async () => {
    const out = join(dir, 'bang-diem.docx');
    const r = await cliInProcess(['score', VB, '--appraisal', VB_APPRAISAL, '--format', 'docx', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const { paragraphs, rows, xml, files } = await docxParts(out);
    expect(paragraphs.slice(0, 4)).toEqual(['UBND XÃ VĨNH BẢO', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Vĩnh Bảo, ngày 05 tháng 02 năm 2027']);
    expect(paragraphs).toContain('BẢNG TỔNG HỢP KẾT QUẢ TỰ CHẤM ĐIỂM VÀ THẨM ĐỊNH');
    expect(paragraphs).toContain('Kỳ đánh giá: Năm 2026');
    const header = rows.findIndex((row) => row[0] === 'STT');
    expect(rows[header]).toEqual(['STT', 'Lĩnh vực / tiêu chí', 'Điểm tối đa', 'Điểm tự chấm', 'Điểm thẩm định vòng 1', 'Điểm thẩm định vòng 2', 'Tài liệu kiểm chứng', 'Ghi chú']);
    // The header row repeats on every page; only it.
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    // Every criterion: its maximum and the three scores of the engine.
    const [a, b, c] = [nodes(self), nodes(r1), nodes(r2)];
    const byCode = new Map(rows.map((row) => [row[0], row]));
    for (const [code, n] of a) {
      const row = byCode.get(code) ?? rows.find((x) => x[1] === n.title);
      expect(row, code).toBeDefined();
      expect(row!.slice(2, 6), code).toEqual([vi(n.applicableMax), vi(n.points), vi(b.get(code)!.points), vi(c.get(code)!.points)]);
    }
    expect(byCode.get('3.7.2')!.slice(2, 6)).toEqual(['1,5', '1,5', '0,75', '0,75']);
    expect(byCode.get('1.4.1')!.slice(2, 6)).toEqual(['0,5', '0,5', '0', '0,5']);
    // Each round's note says what it changed: the points an override set, a value with the unit's own.
    expect(byCode.get('1.4.1')![7]).toContain('Thẩm định vòng 1 (mẫu): điểm 0,5 → 0; Không có Kế hoạch');
    expect(byCode.get('1.4.1')![7]).toContain('Thẩm định vòng 2 (mẫu): điểm 0 → 0,5; Đã nhận Kế hoạch số 05/KH-UBND');
    expect(byCode.get('3.7.2')![7]).toContain('Thẩm định vòng 1 (mẫu): Số giao dịch thanh toán trực tuyến: 352 → 320; Đối chiếu');
    // Totals, index and classification once, at the end of the table.
    const totals = rows.filter((row) => row[1]?.startsWith('Tổng điểm'));
    expect(totals).toHaveLength(1);
    expect(totals[0]!.slice(3, 6)).toEqual([vi(self.totals.points), vi(r1.totals.points), vi(r2.totals.points)]);
    expect(rows.filter((row) => row[1] === 'Chỉ số (thang 100)').map((row) => row.slice(3, 6))).toEqual([['83,60', '82,85', '83,35']]);
    expect(paragraphs.filter((p) => p.startsWith('Tổng điểm'))).toHaveLength(1);
    // Signatures: the preparer, the head of the unit, the appraisal team (named from the files).
    for (const s of ['NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ', 'ĐẠI DIỆN TỔ THẨM ĐỊNH', 'Nguyễn Thị Hoa', 'Tổ thẩm định Sở Nội vụ (mẫu)']) expect(paragraphs).toContain(s);
    const provenance = paragraphs.find((p) => p.startsWith('Nguồn gốc'))!;
    for (const h of [r2.provenance.engine, r2.provenance.criteriaSet.sha256, r2.provenance.evidence.sha256, r2.provenance.appraisal!.sha256]) expect(provenance).toContain(h);
    // A4 landscape, Times New Roman, "Trang N/M" from Word's fields in the footer.
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(await files.file('word/styles.xml')!.async('string')).toContain('w:ascii="Times New Roman"');
    const footer = await files.file('word/footer1.xml')!.async('string');
    expect(footer).toContain('Trang ');
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    // No clock: no dates in the package properties.
    expect(await files.file('docProps/core.xml')!.async('string')).not.toContain('dcterms:created');
  });

  it('self-assessment only: no round column, dated by the preparer; English with --lang en; the same bytes twice', async () => {
    const out = join(dir, 'tu-cham.docx');
    const en = join(dir, 'self-en.docx');
    expect((await cliInProcess(['score', VB, '--format', 'docx', '--out', out, '--quiet'])).code).toBe(0);
    expect((await cliInProcess(['score', VB, '--format', 'docx', '--out', en, '--lang', 'en', '--quiet'])).code).toBe(0);
    const v = await docxParts(out);
    expect(v.paragraphs).toContain('Vĩnh Bảo, ngày 15 tháng 12 năm 2026');
    expect(v.paragraphs).toContain('BẢNG TỔNG HỢP KẾT QUẢ TỰ CHẤM ĐIỂM');
    expect(v.rows.find((row) => row[0] === 'STT')).toEqual(['STT', 'Lĩnh vực / tiêu chí', 'Điểm tối đa', 'Điểm tự chấm', 'Tài liệu kiểm chứng', 'Ghi chú']);
    expect(v.paragraphs).not.toContain('ĐẠI DIỆN TỔ THẨM ĐỊNH');
    const e = await docxParts(en);
    expect(e.paragraphs.slice(0, 4)).toEqual(['UBND xã Vĩnh Bảo', 'SOCIALIST REPUBLIC OF VIET NAM', 'Independence - Freedom - Happiness', 'Vĩnh Bảo, 15 December 2026']);
    expect(e.rows.find((row) => row[0] === 'No.')?.slice(0, 4)).toEqual(['No.', 'Field / criterion', 'Maximum', 'Self-score']);
    expect(e.rows.find((row) => row[1]?.startsWith('Total'))?.[3]).toBe(self.totals.points);
    expect(await e.files.file('word/footer1.xml')!.async('string')).toContain('Page ');
    const again = join(dir, 'tu-cham-2.docx');
    await cliInProcess(['score', VB, '--format', 'docx', '--out', again, '--quiet']);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  });

  it('explain --format docx: the audit trail of a criterion as a Word document, in both languages, the same bytes twice', async () => {
    const out = join(dir, 'giai-trinh.docx');
    const en = join(dir, 'explain-en.docx');
    expect((await cliInProcess(['explain', VB, '3.2', '--format', 'docx', '--out', out, '--quiet'])).code).toBe(0);
    expect((await cliInProcess(['explain', VB, '3.2', '--format', 'docx', '--out', en, '--lang', 'en', '--quiet'])).code).toBe(0);
    const v = await docxParts(out);
    expect(v.paragraphs).toContain('3.2. Tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn — 1 / 3 điểm');
    expect(v.paragraphs).toContain('• Tỉ lệ = 1.170 ÷ 1.300 × 100 = 90');
    expect(v.paragraphs).toContain('• Thêm 65 hồ sơ giải quyết trước và đúng hạn để đạt 2 điểm (+1) (1.170 → 1.235; tỉ lệ 95%)');
    const e = await docxParts(en);
    expect(e.paragraphs).toContain('• Ratio = 1,170 ÷ 1,300 × 100 = 90');
    const again = join(dir, 'giai-trinh-2.docx');
    await cliInProcess(['explain', VB, '3.2', '--format', 'docx', '--out', again, '--quiet']);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  });
});

describe('score --format xlsx', () => {
  it('numbers as numbers with a display format, a column per round, totals once, print setup', async () => {
    const out = join(dir, 'bang-diem.xlsx');
    const r = await cliInProcess(['score', VB, '--appraisal', VB_APPRAISAL, '--format', 'xlsx', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0]!;
    const rows: J[][] = [];
    ws.eachRow((row, i) => {
      rows[i] = (row.values as J[]).slice(1);
    });
    const header = rows.findIndex((row) => row?.[0] === 'STT');
    expect(rows[header]).toEqual(['STT', 'Lĩnh vực / tiêu chí', 'Điểm tối đa', 'Điểm tự chấm', 'Điểm thẩm định vòng 1', 'Điểm thẩm định vòng 2', 'Tài liệu kiểm chứng', 'Ghi chú']);
    expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.headerFooter.oddFooter).toContain('Trang &P/&N');
    const [a, b, c] = [nodes(self), nodes(r1), nodes(r2)];
    let checked = 0;
    for (let i = header + 1; i < rows.length; i++) {
      const code = rows[i]?.[0];
      const n = typeof code === 'string' ? a.get(code) : undefined;
      if (!n) continue;
      const cells = [3, 4, 5, 6].map((col) => ws.getRow(i).getCell(col));
      expect(cells.map((x) => x.type)).toEqual([ExcelJS.ValueType.Number, ExcelJS.ValueType.Number, ExcelJS.ValueType.Number, ExcelJS.ValueType.Number]);
      expect(cells.map((x) => x.value)).toEqual([Number(n.applicableMax), Number(n.points), Number(b.get(code)!.points), Number(c.get(code)!.points)]);
      for (const x of cells) expect(x.numFmt).toMatch(/^#,##0(\.0+)?$/);
      expect(ws.getRow(i).getCell(2).font.name).toBe('Times New Roman');
      checked++;
    }
    expect(checked).toBe(a.size - self.fields.length);
    const totals = rows.flatMap((row, i) => (row?.[1]?.toString().startsWith('Tổng điểm') ? [i] : []));
    expect(totals).toHaveLength(1);
    expect(rows[totals[0]!]!.slice(3, 6)).toEqual([Number(self.totals.points), Number(r1.totals.points), Number(r2.totals.points)]);
    const index = ws.getRow(totals[0]! + 1);
    expect([4, 5, 6].map((col) => index.getCell(col).value)).toEqual([83.6, 82.85, 83.35]);
    expect(index.getCell(4).numFmt).toBe('#,##0.00');
    const texts = rows.flat().filter((x): x is string => typeof x === 'string');
    expect(texts).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(texts).toContain('Vĩnh Bảo, ngày 05 tháng 02 năm 2027');
    expect(texts.find((t) => t.startsWith('Nguồn gốc'))).toContain(r2.provenance.appraisal!.sha256);
  });

  it('a penalty takes points off: its block and its items are negative alike', async () => {
    const ev = read('examples/vinh-bao/par-2026.json');
    ev.entries.find((e: J) => e.criterion === 'P1').values.reprimands = 1;
    const file = writeTemp(dir, 'penalty.json', ev);
    const out = join(dir, 'penalty.xlsx');
    expect((await cliInProcess(['score', file, '--format', 'xlsx', '--out', out, '--quiet'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const pointsOf = (label: (v: unknown) => boolean) => {
      let found: unknown;
      ws.eachRow((row) => {
        if (label(row.getCell(1).value) || label(row.getCell(2).value)) found ??= row.getCell(4).value;
      });
      return found;
    };
    expect(pointsOf((v) => typeof v === 'string' && v.startsWith('Điểm trừ'))).toBe(-0.5);
    expect(pointsOf((v) => v === 'P1')).toBe(-0.5);
    expect(pointsOf((v) => v === 'P2')).toBe(0);
  });

  it('hostile unit text stays a string cell, never a formula', async () => {
    const ev = read(VB);
    ev.unit = { ...ev.unit, code: '=1+1', name: '=HYPERLINK("http://x","y")' };
    const file = writeTemp(dir, 'hostile.json', ev);
    const out = join(dir, 'hostile.xlsx');
    expect((await cliInProcess(['score', file, '--format', 'xlsx', '--out', out, '--quiet'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const found: ExcelJS.Cell[] = [];
    wb.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) => {
        // A merged line's other cells only point at its first one.
        if (String(cell.value).includes('HYPERLINK') && cell.type !== ExcelJS.ValueType.Merge) found.push(cell);
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      }),
    );
    expect(found.length).toBeGreaterThan(0);
    for (const cell of found) expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(readFileSync(out).toString('latin1')).not.toContain('<f>');
  });
});

describe('rank --format xlsx', () => {
  it('the ranking with sortable numbers, the tie in its own column, the field means, a sheet per band', async () => {
    const out = join(dir, 'xep-hang.xlsx');
    const r = await cliInProcess(['rank', 'examples', '--format', 'xlsx', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse((await cliInProcess(['rank', 'examples', '--format', 'json', '--quiet'])).stdout);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const table = (ws: ExcelJS.Worksheet) => {
      const rows: J[][] = [];
      ws.eachRow((row) => rows.push((row.values as J[]).slice(1)));
      const at = rows.findIndex((row) => row[0] === 'Hạng' || row[0] === 'Mã');
      // The table ends at the first line merged across the sheet (its cells repeat one text).
      const end = rows.findIndex((row, i) => i > at && row[0] === row[1]);
      return rows.slice(at + 1, end < 0 ? undefined : end);
    };
    const main = table(wb.worksheets[0]!);
    expect(main.map((row) => [row[0], row[2], row[5], row[7]])).toEqual(json.ranking.map((x: J) => [x.rank, x.unit.code, Number(x.points), Number(Number(x.index).toFixed(2))]));
    expect(main.every((row) => typeof row[0] === 'number')).toBe(true);
    // Sort and filter buttons on the ranking's header, which stays in view.
    const first = wb.worksheets[0]!;
    expect(first.autoFilter).toBe(`A3:I${3 + main.length}`);
    expect(first.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const names = wb.worksheets.map((w) => w.name);
    // Named by the title's first words, not cut in the middle of a word.
    expect(names.slice(0, 3)).toEqual(['Xếp hạng', 'Nhóm xếp loại', 'Điểm bình quân theo lĩnh vực']);
    for (const band of json.summary.bands) {
      const ws = wb.worksheets.find((w) => w.name.startsWith(`${band.code} — `))!;
      expect(ws, `${band.code} in ${names.join(', ')}`).toBeDefined();
      expect(table(ws).map((row) => row[2])).toEqual(band.units);
    }
    const means = wb.worksheets.find((w) => w.name.startsWith('Điểm bình quân'))!;
    expect(table(means).map((row) => [row[0], row[2]])).toEqual(json.summary.fields.map((f: J) => [f.code, Number(f.nominalMax)]));
    // The last column is named for what it is: the mean of the units' own shares.
    const header: J[] = [];
    means.eachRow((row) => {
      if ((row.values as J[])[1] === 'Mã') header.push(...(row.values as J[]).slice(1));
    });
    expect(header).toEqual(['Mã', 'Lĩnh vực', 'Điểm tối đa', 'Bình quân', 'Tỉ lệ bình quân của các đơn vị']);
  });
});

describe('binary formats and the terminal', () => {
  it('docx/xlsx need --out on a terminal, are refused by commands that do not make them, go to a pipe', async () => {
    expect(() => ctxOf({ format: 'docx' }, ['docx'], { isTTY: true })).toThrow(UsageError);
    try {
      ctxOf({ format: 'xlsx' }, ['xlsx'], { isTTY: true });
    } catch (e) {
      expect((e as UsageError).diagnostic.code).toBe('USAGE_BINARY_TERMINAL');
    }
    expect(ctxOf({ format: 'docx', out: 'x.docx' }, ['docx'], { isTTY: true }).out).toBe('x.docx');
    expect(ctxOf({ format: 'docx' }, ['docx'], { isTTY: false }).format).toBe('docx');
    const diff = await cliInProcess(['diff', VB, '--appraisal', VB_APPRAISAL, '--format', 'docx']);
    expect(diff.code).toBe(2);
    expect(diff.stderr).toContain('"docx" không phải là giá trị của --format; các giá trị được phép: table, json, md, html, csv.');
    const rankDocx = await cliInProcess(['rank', 'examples', '--format', 'docx']);
    expect(rankDocx.code).toBe(2);
    expect(rankDocx.stderr).toContain('table, json, md, html, csv, xlsx.');
    const piped = await cliInProcess(['score', VB, '--format', 'docx', '--quiet']);
    expect(piped.code).toBe(0);
    expect(piped.stdout.startsWith('PK')).toBe(true);
  });
});

/** RFC 4180 rows of a CSV text (BOM dropped), quotes undone. */
function csvRows(text: string, sep: string): string[][] {
  const rows: string[][] = [[]];
  const re = new RegExp(`"((?:[^"]|"")*)"|([^${sep}\\r\\n]*)`, 'gy');
  let i = text.startsWith('\ufeff') ? 1 : 0;
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text)!;
    rows[rows.length - 1]!.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
    i = re.lastIndex;
    if (text.startsWith('\r\n', i)) {
      i += 2;
      rows.push([]);
    } else if (text[i] === sep) i++;
  }
  return rows.filter((r) => r.length > 1 || (r[0] ?? '') !== '');
}

describe('CSV for Excel', () => {
  it('rank: header first, ranks as numbers, the tie in its own column, hostile codes and names behind a quote (vi ";", en ",")', async () => {
    const hostile: Array<[string, string]> = [
      ['=HYPERLINK("http://x","y")', '=HYPERLINK("http://x","y")'],
      ['+1', '+1'],
      ['-2', '-2'],
      ['@x', '@x'],
      ['\tT', '\tT'],
      ['\rR', '\rR'],
    ];
    const ev = read(VB);
    const files = hostile.map(([code, name], i) => writeTemp(dir, `csv-${i}.json`, { ...ev, unit: { ...ev.unit, code, name } }));
    const vi = await cliInProcess(['rank', ...files, '--format', 'csv', '--quiet']);
    const en = await cliInProcess(['rank', ...files, '--format', 'csv', '--lang', 'en', '--quiet']);
    expect(vi.code, vi.stderr).toBe(0);
    const rowsVi = csvRows(vi.stdout, ';');
    expect(rowsVi[0]).toEqual(['Hạng', 'Đồng hạng', 'Mã', 'Tên đơn vị', 'Tổng điểm', 'Điểm tối đa áp dụng', 'Chỉ số', 'Xếp loại']);
    const units = rowsVi.slice(1, 1 + hostile.length);
    // Six units with the same evidence: one rank, all tied; numbers bare, with the decimal comma.
    for (const row of units) expect([row[0], row[1], row[4], row[5], row[6]]).toEqual(['1', 'có', '83,186', '99,5', '83,60']);
    expect(units.map((r) => r[2]).sort()).toEqual(hostile.map(([c]) => `'${c}`).sort());
    expect(units.map((r) => r[3]).sort()).toEqual(hostile.map(([, n]) => `'${n}`).sort());
    for (const row of rowsVi) for (const cell of row) if (/^\s*[=+@]|^[\t\r]/.test(cell)) throw new Error(`formula-like cell ${JSON.stringify(cell)}`);
    const rowsEn = csvRows(en.stdout, ',');
    expect(rowsEn[0]!.slice(0, 3)).toEqual(['Rank', 'Tied', 'Code']);
    expect([rowsEn[1]![0], rowsEn[1]![1], rowsEn[1]![4], rowsEn[1]![6]]).toEqual(['1', 'yes', '83.186', '83.60']);
  });

  it('score: the official table, header first; a negative number stays a number, a text starting with "-" does not', async () => {
    const r = await cliInProcess(['score', VB, '--format', 'csv', '--quiet']);
    const rows = csvRows(r.stdout, ';');
    expect(rows[0]).toEqual(['STT', 'Lĩnh vực / tiêu chí', 'Điểm tối đa', 'Điểm tự chấm', 'Tài liệu kiểm chứng', 'Ghi chú']);
    // 1.5: points below zero (a penalty criterion), written as a number.
    expect(rows.find((x) => x[0] === '1.5')!.slice(2, 4)).toEqual(['0,5', '-0,25']);
    expect(rows.at(-2)!.slice(1, 4)).toEqual(['Chỉ số (thang 100)', '', '83,6']);
  });
});

describe('every example', () => {
  it('score --format docx and xlsx of the other sets: opened again, the total once, equal to the engine', async () => {
    // The commune PAR example is checked cell by cell above; here every other kind of set.
    const examples = ['examples/kien-tho/dti-2026.json', 'examples/kien-tho/sipas-2026.json', 'examples/dai-son/targets-2026.json', 'examples/tran-lieu/targets-2025h2.json'];
    for (const [i, f] of examples.entries()) {
      const ev = read(f);
      const expected = score(compile(bundledSets().get(ev.criteriaSet)!), ev);
      const docx = join(dir, `ex-${i}.docx`);
      const xlsx = join(dir, `ex-${i}.xlsx`);
      expect((await cliInProcess(['score', f, '--format', 'docx', '--out', docx, '--quiet'])).code, f).toBe(0);
      expect((await cliInProcess(['score', f, '--format', 'xlsx', '--out', xlsx, '--quiet'])).code, f).toBe(0);
      const { rows } = await docxParts(docx);
      const totals = rows.filter((row) => row[1]?.startsWith('Tổng điểm'));
      expect(totals, f).toHaveLength(1);
      expect(totals[0]![3], f).toBe(vi(expected.totals.points).replace(/^(\d+)(\d{3})(,|$)/, '$1.$2$3'));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
      const values: J[] = [];
      wb.worksheets[0]!.eachRow((row) => {
        if (String(row.getCell(2).value).startsWith('Tổng điểm')) values.push(row.getCell(4).value);
      });
      expect(values, f).toEqual([Number(expected.totals.points)]);
    }
    const again = join(dir, 'ex-0-again.xlsx');
    await cliInProcess(['score', examples[0]!, '--format', 'xlsx', '--out', again, '--quiet']);
    expect(readFileSync(again).equals(readFileSync(join(dir, 'ex-0.xlsx')))).toBe(true);
  });
});

describe('hostile text in the documents', () => {
  it('controls, bidi overrides and markup in the unit, documents and reasons: valid XML, shown as text', async () => {
    const TERMINAL = '\u001b]0;pwned\u0007\u001b[31mRED\u0000\u000b\u202eabc\u009b2J';
    const ev = read(VB);
    ev.unit = { ...ev.unit, name: `<w:t>x</w:t>&${TERMINAL}`, code: '=1+1' };
    const e = ev.entries.find((x: J) => x.criterion === '1.1.1');
    e.documents[0] = { ...e.documents[0], number: '@SUM(A1)', title: `-2+3\n${TERMINAL}` };
    const file = writeTemp(dir, 'hostile-doc.json', ev);
    const docx = join(dir, 'hostile-doc.docx');
    const xlsx = join(dir, 'hostile-doc.xlsx');
    expect((await cliInProcess(['score', file, '--format', 'docx', '--out', docx, '--quiet'])).code).toBe(0);
    expect((await cliInProcess(['score', file, '--format', 'xlsx', '--out', xlsx, '--quiet'])).code).toBe(0);
    const { paragraphs, xml } = await docxParts(docx);
    // XML 1.0 allows no C0 control but TAB, LF and CR; none is written raw.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/);
    expect(xml).not.toContain('<w:t>x</w:t>&');
    expect(paragraphs.some((p) => p.includes('&lt;w:t&gt;') || p.includes('<w:t>x</w:t>&amp;\\x1b]0;pwned\\x07'))).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(xlsx));
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) expect(await zip.file(name)!.async('string'), name).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void (c.type === ExcelJS.ValueType.String && texts.push(String(c.value)))));
    // The letterhead's capitals, then the controls as visible escapes.
    expect(texts).toContain('<W:T>X</W:T>&\\x1b]0;PWNED\\x07\\x1b[31MRED\\x00\\x0b\\u202eABC\\x9b2J');
    expect(texts.some((t) => t.includes('Số @SUM(A1)'))).toBe(true);
  });
});
